"""Draw the demo's pictures again: each SVG in home/demo_data/images/ becomes the PNG beside it,
at the size its viewBox gives, through the same Chromium the browser tests use.

The SVGs are the sources (edit them, then run `make demo-images`); the PNGs are what the demo
loader puts in the image library, where Wagtail makes AVIF and WebP renditions of them.
"""

import argparse
import os
import re
from pathlib import Path

from playwright.sync_api import sync_playwright

from tools import run, style

IMAGES = Path(__file__).resolve().parents[1] / "home" / "demo_data" / "images"
VIEW_BOX = re.compile(r'viewBox="0 0 (\d+) (\d+)"')


def render(folder):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROME_PATH", "/usr/bin/chromium")
        )
        for source in sorted(Path(folder).glob("*.svg")):
            width, height = (int(n) for n in VIEW_BOX.search(source.read_text()).groups())
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(source.as_uri())
            page.screenshot(path=source.with_suffix(".png"), omit_background=True)
            page.close()
            print(style.SUCCESS(f"{source.with_suffix('.png').name}: {width} x {height}"))
        browser.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", default=str(IMAGES), help="where the SVGs are")
    run(render, parser)
