"""`pip install pelican-handbook` without the `print` extra: cards as HTML, a build that passes.

WeasyPrint (the PDFs) and segno (the contacts card's QR code) come with
`pelican-handbook[print]`; here they cannot be imported, as on a base install.
"""

from __future__ import annotations

import sys

import pytest
from bs4 import BeautifulSoup
from fixture_sites import copy_site

CONTACTS = {"EMERGENCY_CONTACTS": [{"label": "Emergency services", "phone": "112"}]}


@pytest.fixture
def without_print_extra(monkeypatch):
    """Make `import weasyprint` and `import segno` fail, as they do without the extra."""
    for name in ("weasyprint", "segno"):
        monkeypatch.setitem(sys.modules, name, None)


def notes(built) -> list[str]:
    return [line for line in built.stderr.splitlines() if line.startswith("handbook:")]


def test_cards_are_written_as_html_and_the_build_passes(build_site, tmp_path, without_print_extra):
    built = build_site(copy_site(tmp_path), **CONTACTS)
    assert "Traceback" not in built.stderr
    assert built.status == 0, built.stderr
    assert built.problems() == []
    assert notes(built) == [
        'handbook: pocket cards written as HTML only: pip install "pelican-handbook[print]"'
        " writes their PDFs"
    ]
    assert sorted(path.name for path in built.output.rglob("*.pdf")) == []
    cards = BeautifulSoup((built.output / "pocket-cards.html").read_text("utf-8"), "html.parser")
    titles = [title.get_text(strip=True) for title in cards.select(".card__title")]
    assert titles == [
        "Who to call",
        "When someone reports a problem",
        "Never",
        "Possible responses",
    ]
    # The page links no PDF, and says to print itself instead.
    assert [a["href"] for a in cards.select("a[href$='.pdf']")] == []
    assert "Print this page at 100%" in cards.select_one(".cards-intro").get_text()


def test_a_published_contacts_card_says_its_qr_code_needs_the_extra_too(
    build_site, tmp_path, without_print_extra
):
    built = build_site(copy_site(tmp_path), SITEURL="https://handbook.example.test", **CONTACTS)
    assert built.status == 0, built.stderr
    assert notes(built) == [
        'handbook: pocket cards written as HTML only: pip install "pelican-handbook[print]"'
        " writes their PDFs and the contacts card's QR code"
    ]
    cards = (built.output / "pocket-cards.html").read_text("utf-8")
    assert "card__qr" not in cards
