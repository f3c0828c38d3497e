"""The figures of the typeface's fallback faces in static/css/site.css: how much to scale Arial
(or Liberation Sans, drawn to Arial's widths) so that text set in it is as wide as in Source
Sans 3, and the line heights that then match.

Width is the average advance of the letters and the space, weighted by how often each occurs in
English text; a word wraps, and a menu keeps to one row, by that average. The line metrics are
Source Sans 3's (it uses its typographic ones), divided by the scale.

Run outside the site's environment, with fontTools:
    python3 -m venv /tmp/fonttools && /tmp/fonttools/bin/pip install fonttools brotli
    /tmp/fonttools/bin/python tools/fallback_metrics.py
"""

from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parent.parent / "static" / "fonts" / "source-sans-3"
ARIAL_METRICS = Path("/usr/share/fonts/truetype/liberation")
# Letters per hundred of English text (the usual table), and the spaces between words.
FREQUENCY = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyz ",
        [8.2, 1.5, 2.8, 4.3, 12.7, 2.2, 2.0, 6.1, 7.0, 0.15, 0.77, 4.0, 2.4, 6.7, 7.5, 1.9, 0.095]
        + [6.0, 6.3, 9.1, 2.8, 0.98, 2.4, 0.15, 2.0, 0.074, 18.0],
        strict=True,
    )
)
WEIGHTS = {
    400: ("source-sans-3-latin-400-normal.woff2", "LiberationSans-Regular.ttf"),
    700: ("source-sans-3-latin-700-normal.woff2", "LiberationSans-Bold.ttf"),
}


def average_width(font):
    """The average advance of a letter or space, in ems."""
    advances, glyphs = font["hmtx"], font.getBestCmap()
    total = sum(advances[glyphs[ord(char)]][0] * share for char, share in FREQUENCY.items())
    return total / sum(FREQUENCY.values()) / font["head"].unitsPerEm


def main():
    for weight, (typeface_file, fallback_file) in WEIGHTS.items():
        typeface, fallback = TTFont(FONTS / typeface_file), TTFont(ARIAL_METRICS / fallback_file)
        scale = average_width(typeface) / average_width(fallback)
        em, os2 = typeface["head"].unitsPerEm, typeface["OS/2"]
        print(
            f"font-weight {weight}: size-adjust {scale:.2%}; "
            f"ascent-override {os2.sTypoAscender / em / scale:.2%}; "
            f"descent-override {-os2.sTypoDescender / em / scale:.2%}; "
            f"line-gap-override {os2.sTypoLineGap / em / scale:.2%}"
        )


if __name__ == "__main__":
    main()
