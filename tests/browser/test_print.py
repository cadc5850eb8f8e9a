"""Printing a document keeps its words and drops the screen's chrome."""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter

import pypdf
import pytest

from tests.browser.conftest import DESKTOP

DOCUMENTS = ["code-of-conduct", "conduct-attendee-procedure", "conduct-staff-procedure"]


def word_counts(text: str) -> Counter:
    # NFKC undoes the ligatures a PDF's text may hold ("staﬀ" is "staff").
    return Counter(re.findall(r"\w+", unicodedata.normalize("NFKC", text).lower()))


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


# The words of each document, read once for both papers.
_WORDS: dict[str, Counter] = {}


def document_words(browser, url: str) -> Counter:
    """Return the words of <main> as the server wrote them, before any script's controls."""
    if url not in _WORDS:
        context = browser.new_context(**DESKTOP, java_script_enabled=False)
        page = context.new_page()
        page.goto(url)
        _WORDS[url] = word_counts(page.inner_text("main"))
        context.close()
    return _WORDS[url]


def kept_ratio(words: Counter, page, paper: str) -> float:
    """Return the share of `words` that `page`, printed to PDF on `paper`, holds."""
    printed = word_counts(pdf_text(page.pdf(format=paper)))
    kept = sum(min(count, printed[word]) for word, count in words.items())
    return kept / sum(words.values())


@pytest.mark.parametrize("paper", ["Letter", "A4"])
@pytest.mark.parametrize("name", DOCUMENTS)
def test_printing_a_document_keeps_its_words(browser, desktop, site_url, name, paper):
    url = f"{site_url}/{name}.html"
    page = desktop.new_page()
    page.goto(url)
    assert kept_ratio(document_words(browser, url), page, paper) >= 0.95


def test_the_word_count_sees_a_document_cut_short(browser, site_url):
    """Guard: a print style that hides most of the page must fail the measure above."""
    context = browser.new_context(**DESKTOP, bypass_csp=True)
    page = context.new_page()
    url = f"{site_url}/conduct-staff-procedure.html"
    page.goto(url)
    page.add_style_tag(content="@media print { .prose { display: none !important; } }")
    ratio = kept_ratio(document_words(browser, url), page, "Letter")
    context.close()
    assert ratio < 0.5


def test_print_drops_navigation_and_buttons_and_keeps_boxes_empty(desktop, site_url):
    page = desktop.new_page()
    page.goto(f"{site_url}/conduct-staff-procedure.html")
    box = page.locator(".checklist__items input").first
    box.check()
    page.emulate_media(media="print")
    assert page.locator(".site-nav").is_hidden()
    assert page.locator(".site-footer").is_hidden()
    assert page.locator("button:visible").count() == 0
    # A ticked box prints as an empty one: a printed checklist is ticked with a pen.
    assert box.evaluate("el => getComputedStyle(el).appearance") == "none"
    assert box.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(255, 255, 255)"


def test_print_shows_the_address_of_links_that_leave_the_site(desktop, site_url):
    page = desktop.new_page()
    page.goto(f"{site_url}/conduct-staff-procedure.html")
    text = "".join(pdf_text(page.pdf(format="Letter")).split())
    assert "(https://otter.technology/code-of-conduct-training)" in text


def test_a_heading_is_never_the_last_line_of_a_printed_page(desktop, site_url):
    page = desktop.new_page()
    page.goto(f"{site_url}/conduct-staff-procedure.html")
    headings = {" ".join(h.split()) for h in page.locator("main h2, main h3").all_inner_texts()}
    reader = pypdf.PdfReader(io.BytesIO(page.pdf(format="Letter")))
    assert len(reader.pages) > 1
    for printed in reader.pages[:-1]:
        lines = [line.strip() for line in printed.extract_text().splitlines() if line.strip()]
        assert lines[-1] not in headings
