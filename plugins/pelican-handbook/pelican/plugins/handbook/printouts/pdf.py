"""Write the pocket cards as a PDF with WeasyPrint, and find cards that do not fit."""

from __future__ import annotations

import logging
from pathlib import Path

logger = logging.getLogger(__name__)


def _first_pages(pages, card_ids: list[str]) -> dict[str, int]:
    """Return the index of the page each card starts on, by card id."""
    starts: dict[str, int] = {}
    for index, page in enumerate(pages):
        for anchor in page.anchors:
            if anchor in card_ids and anchor not in starts:
                starts[anchor] = index
    return starts


def overflowing(pages, card_ids: list[str]) -> list[str]:
    """Return the ids of cards that run onto more than one page."""
    starts = _first_pages(pages, card_ids)
    ordered = sorted(starts, key=starts.get)
    if not ordered:
        return []
    ends = [starts[card] for card in ordered[1:]] + [len(pages)]
    return [card for card, end in zip(ordered, ends, strict=True) if end - starts[card] > 1]


def write_pdf(html_path: Path, pdf_path: Path, card_ids: list[str]) -> list[str]:
    """Write `pdf_path` from the written cards page; return the ids of cards that overflow."""
    # Imported here: WeasyPrint loads Pango when imported, and only this job needs it.
    import weasyprint

    # WeasyPrint logs every CSS rule it does not support (screen-only ones in
    # site.css); those are not the organizer's problem.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    document = weasyprint.HTML(filename=str(html_path)).render()
    document.write_pdf(str(pdf_path))
    return overflowing(document.pages, card_ids)
