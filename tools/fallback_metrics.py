"""The figures of the typeface's fallback faces in static/css/site.css: how much to scale Arial
(or Liberation Sans, drawn to Arial's widths) so that text set in it is as wide as in Source
Sans 3, and the line heights that then match.

Width is measured on the site's own words, as they wrap: the demo's English page text and its
Spanish translation (home/demo_data/), capitals, accents and punctuation included, each language
counting for half. The line metrics are Source Sans 3's (it uses its typographic ones), divided
by the scale.

Run outside the site's environment, with fontTools:
    python3 -m venv /tmp/fonttools && /tmp/fonttools/bin/pip install fonttools brotli polib
    /tmp/fonttools/bin/python tools/fallback_metrics.py
"""

import ast
import re
from pathlib import Path

import polib
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "static" / "fonts" / "source-sans-3"
ARIAL_METRICS = Path("/usr/share/fonts/truetype/liberation")
DEMO = ROOT / "home" / "demo_data"
WEIGHTS = {
    400: ("source-sans-3-latin-400-normal.woff2", "LiberationSans-Regular.ttf"),
    700: ("source-sans-3-latin-700-normal.woff2", "LiberationSans-Bold.ttf"),
}
# A one-line string of text in a TOML file.
QUOTED = re.compile(r'^\s*(?:[\w-]+\s*=\s*)?("[^"\n]{20,}")', re.MULTILINE)


def samples():
    """{language: the demo's text in it}."""
    english = [
        ast.literal_eval(found)
        for path in sorted(DEMO.glob("*.toml"))
        for found in QUOTED.findall(path.read_text(encoding="utf-8"))
    ]
    spanish = [entry.msgstr for entry in polib.pofile(str(DEMO / "es.po")) if entry.msgstr]
    return {"en": " ".join(english), "es": " ".join(spanish)}


def width(font, text):
    """The advance of `text` in ems (kerning aside)."""
    advances, glyphs = font["hmtx"], font.getBestCmap()
    return sum(advances[glyphs[ord(char)]][0] for char in text) / font["head"].unitsPerEm


def main():
    texts = samples()
    for weight, (typeface_file, fallback_file) in WEIGHTS.items():
        typeface, fallback = TTFont(FONTS / typeface_file), TTFont(ARIAL_METRICS / fallback_file)
        ratios = []
        for text in texts.values():
            both = "".join(
                char
                for char in text
                if ord(char) in typeface.getBestCmap() and ord(char) in fallback.getBestCmap()
            )
            ratios.append(width(typeface, both) / width(fallback, both))
        scale = sum(ratios) / len(ratios)
        em, os2 = typeface["head"].unitsPerEm, typeface["OS/2"]
        print(
            f"font-weight {weight}: size-adjust {scale:.2%}; "
            f"ascent-override {os2.sTypoAscender / em / scale:.2%}; "
            f"descent-override {-os2.sTypoDescender / em / scale:.2%}; "
            f"line-gap-override {os2.sTypoLineGap / em / scale:.2%} "
            f"(English {ratios[0]:.2%}, Spanish {ratios[1]:.2%})"
        )


if __name__ == "__main__":
    main()
