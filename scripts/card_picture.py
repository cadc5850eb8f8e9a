"""Take the picture of a sheet of pocket cards shown in the README (docs/pocket-card-sheet.png).

Usage: .venv/bin/python scripts/card_picture.py [OUTPUT_DIR] [PNG]
Build the site first (make html). The first page of the Letter sheets PDF is
rendered with PDFium (pypdfium2, from requirements-dev.txt) as the printer
would get it, in 16 greys to keep the file small.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pypdfium2

ROOT = Path(__file__).resolve().parent.parent
# 90 pixels per inch: an 11 x 8.5 in sheet is 990 x 765.
SCALE = 90 / 72


def picture(output: Path, png: Path) -> None:
    """Render the first sheet of `output`/pocket-cards-letter.pdf into `png`."""
    sheet = pypdfium2.PdfDocument(output / "pocket-cards-letter.pdf")[0]
    image = sheet.render(scale=SCALE).to_pil().convert("L").quantize(16)
    image.save(png, optimize=True)


if __name__ == "__main__":
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "output"
    png = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "docs" / "pocket-card-sheet.png"
    picture(output, png)
    print(f"wrote {png}")
