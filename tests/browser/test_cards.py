"""The pocket cards page printed by Chromium: one card-sized page per face."""

from __future__ import annotations

import io
import re
import unicodedata

import pypdf

from tests.helpers import STEP_TEXT

# The default card, 4 x 6 in, in PDF points.
CARD_POINTS = (288.0, 432.0)


def joined(text: str) -> str:
    """Return `text` as one line: ligatures undone, a line broken after a hyphen rejoined."""
    text = re.sub(r"-\n", "-", unicodedata.normalize("NFKC", text))
    return " ".join(text.split())


def opening(text: str) -> list[str]:
    return [word for word in text.split() if not re.fullmatch(r"\d+\.", word)][:4]


def test_printing_the_cards_page_gives_one_card_sized_page_per_face(desktop, site_url):
    page = desktop.new_page()
    page.goto(f"{site_url}/pocket-cards.html")
    faces = page.locator(".card").count()
    reader = pypdf.PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    assert faces >= 6
    assert len(reader.pages) == faces
    for printed in reader.pages:
        assert (float(printed.mediabox.width), float(printed.mediabox.height)) == CARD_POINTS


def test_the_printed_cards_hold_every_staff_step(desktop, site_url):
    page = desktop.new_page()
    page.goto(f"{site_url}/conduct-staff-procedure.html")
    steps = [
        joined(text) for text in page.locator(f".checklist--steps {STEP_TEXT}").all_text_contents()
    ]
    page.goto(f"{site_url}/pocket-cards.html")
    reader = pypdf.PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    printed = joined(" ".join(p.extract_text() for p in reader.pages))
    assert len(steps) >= 20
    assert [step for step in steps if step not in printed] == []


def test_the_built_pdf_has_the_same_pages_as_the_printed_page(desktop, site, site_url):
    page = desktop.new_page()
    page.goto(f"{site_url}/pocket-cards.html")
    printed = pypdf.PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True))).pages
    built = pypdf.PdfReader(site / "pocket-cards.pdf").pages
    assert len(built) == len(printed)
    for ours, theirs in zip(built, printed, strict=True):
        assert ours.mediabox.width == theirs.mediabox.width
        assert ours.mediabox.height == theirs.mediabox.height
        # Same face on the same page: the opening words agree (list numbers
        # are text in one PDF and drawn markers in the other).
        assert opening(ours.extract_text()) == opening(theirs.extract_text())


def test_on_screen_the_cards_page_says_how_to_print(phone, site_url):
    page = phone.new_page()
    page.goto(f"{site_url}/pocket-cards.html")
    assert (
        page.get_by_role("link", name="PDF of these cards")
        .get_attribute("href")
        .endswith("pocket-cards.pdf")
    )
    assert "100%" in page.locator(".cards-intro").inner_text()
