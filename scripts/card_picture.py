"""Take the picture of a pocket card shown in the README (docs/pocket-card.png).

Usage: .venv/bin/python scripts/card_picture.py [OUTPUT_DIR] [PNG]
Build the site first (make html); Chromium comes from $CHROMIUM_PATH.
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `folder` on an ephemeral port and return the server and its URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def picture(output: Path, png: Path) -> None:
    """Screenshot the first checklist card of `output`/pocket-cards.html into `png`."""
    server, url = serve(output)
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
            page = browser.new_page(viewport={"width": 900, "height": 1200}, device_scale_factor=2)
            page.emulate_media(color_scheme="light")
            page.goto(f"{url}/pocket-cards.html")
            # The first face is the contacts card; the second is the first checklist.
            page.locator(".card").nth(1).screenshot(path=str(png))
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "output"
    png = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "docs" / "pocket-card.png"
    picture(output, png)
    print(f"wrote {png}")
