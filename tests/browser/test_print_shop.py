"""What Chromium prints: a filled report form whole, every page's date and number, the cards' type.

Each test prints with Chromium (page.pdf()) and reads the PDF back, with
pypdf for the words and pdfplumber for the type sizes.
"""

from __future__ import annotations

import io
import re
import unicodedata

import pdfplumber
import pypdf
import pytest

from tests.browser.conftest import DESKTOP
from tests.browser.test_print import DOCUMENTS
from tests.helpers import STAFF

FORM = "incident-report-form.html"


def pages_text(pdf: bytes) -> list[str]:
    """Return each printed page's text, ligatures undone and white space made single."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [" ".join(unicodedata.normalize("NFKC", p.extract_text()).split()) for p in reader.pages]


def test_a_600_word_description_prints_every_word(desktop, site_url):
    page = desktop.new_page()
    page.goto(f"{site_url}/{FORM}")
    words = [f"said{number:03d}" for number in range(600)]
    description = page.locator(".field--big textarea")
    assert description.count() == 1
    description.fill(" ".join(words))
    page.get_by_label("Location of incident").fill("Room 2, by the stage")
    printed = set(re.findall(r"\w+", " ".join(pages_text(page.pdf(format="Letter")))))
    assert [word for word in words if word not in printed] == []
    assert "stage" in printed


def test_a_text_box_alone_would_lose_most_of_it(browser, site_url):
    """Guard: without the print copy of the text, the same 600 words are cut off."""
    context = browser.new_context(**DESKTOP, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{site_url}/{FORM}")
    words = [f"said{number:03d}" for number in range(600)]
    page.locator(".field--big textarea").fill(" ".join(words))
    page.add_style_tag(
        content="@media print { .field__printed { display: none !important; }"
        " .field__input { display: block !important; } }"
    )
    printed = set(re.findall(r"\w+", " ".join(pages_text(page.pdf(format="Letter")))))
    context.close()
    assert len([word for word in words if word in printed]) < 300


def test_a_blank_form_prints_on_at_most_two_letter_pages(desktop, site_url):
    page = desktop.new_page()
    page.goto(f"{site_url}/{FORM}")
    assert 1 <= len(pages_text(page.pdf(format="Letter"))) <= 2
    # Typed, then wiped: blank again.
    field = page.get_by_label("Location of incident")
    field.fill("x")
    field.fill("")
    assert page.locator(".field--filled").count() == 0
    assert len(pages_text(page.pdf(format="Letter"))) <= 2


def procedure_date(page) -> str:
    """Return the date the page's footer gives its procedure ("Procedure as of ...")."""
    return page.locator(".build-date time").first.inner_text().strip()


@pytest.mark.parametrize("paper", ["Letter", "A4"])
@pytest.mark.parametrize("name", [*DOCUMENTS, "incident-report-form"])
def test_every_printed_page_shows_the_procedures_date_and_its_number(
    desktop, site_url, name, paper
):
    page = desktop.new_page()
    if name == "incident-report-form":
        # The form is as of the procedure it is made from.
        page.goto(f"{site_url}/{STAFF}")
        date = procedure_date(page)
    page.goto(f"{site_url}/{name}.html")
    if name != "incident-report-form":
        date = procedure_date(page)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", date)
    printed = pages_text(page.pdf(format=paper))
    total = len(printed)
    for number, text in enumerate(printed, start=1):
        assert f"Procedure as of {date}" in text, (number, text[-200:])
        assert f"page {number} of {total}" in text, (number, text[-200:])


def test_the_next_step_highlight_does_not_print(desktop, site_url):
    page = desktop.new_page()
    page.goto(f"{site_url}/{STAFF}")
    page.locator(".checklist__items input").first.check()
    nxt = page.locator(".checklist__item--next > .checklist__label").first
    other = page.locator(".checklist__item:not(.checklist__item--next) > .checklist__label").last
    style = "el => ['backgroundColor', 'boxShadow', 'fontWeight'].map(k => getComputedStyle(el)[k])"
    assert nxt.evaluate(style) != other.evaluate(style)
    page.emulate_media(media="print")
    assert nxt.evaluate(style) == other.evaluate(style)


def test_printed_cards_are_12_pt_or_more_and_nothing_under_10_pt(desktop, site_url):
    page = desktop.new_page()
    page.goto(f"{site_url}/pocket-cards.html")
    faces = page.locator(".card").count()
    footers = [" ".join(t.split()) for t in page.locator(".card__footer").all_inner_texts()]
    pdf = pdfplumber.open(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    assert len(pdf.pages) == faces
    for printed, footer in zip(pdf.pages, footers, strict=True):
        words = printed.extract_words(extra_attrs=["size"])
        assert min(word["size"] for word in words) >= 9.99
        body = words[: -len(footer.split())]
        assert " ".join(w["text"] for w in words[-len(footer.split()) :]) == footer
        assert min(word["size"] for word in body) >= 11.99
