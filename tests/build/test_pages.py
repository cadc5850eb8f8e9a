"""The built pages: titles, the staff procedure's words, contacts from settings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.helpers import ROOT, build, copy_content, edited_settings

SEED = ROOT / "tests" / "data" / "seed-staff-procedure.md"

PAGES = {
    "index.html": "Boston Python Code of Conduct",
    "code-of-conduct.html": "Code of Conduct",
    "conduct-attendee-procedure.html": "Attendee Procedure For Reporting Code of Conduct Incidents",
    "conduct-staff-procedure.html": "Staff Procedure For Incident Response",
}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def normalised(text: str) -> str:
    return " ".join(text.split())


def seed_sentences() -> list[str]:
    """Split the seed's prose into sentences, with Markdown markup removed."""
    body = SEED.read_text(encoding="utf-8").split("\n\n", 1)[1]
    body = re.sub(r"\[([^\]]*)\][({][^)]*\)", r"\1", body)  # links, even the malformed one
    body = re.sub(r"<([^>]+@[^>]+)>", r"\1", body)  # autolinks
    body = re.sub(r"^\s*(?:\d+\.|\*|#+|---)\s*", "", body, flags=re.MULTILINE)
    sentences = []
    for block in body.split("\n"):
        for sentence in re.split(r"(?<=[.!?:])\s+", block.strip()):
            if sentence:
                sentences.append(normalised(sentence))
    return sentences


@pytest.mark.parametrize("name,title", PAGES.items())
def test_each_page_is_built_with_its_title(site, name, title):
    page = soup(site / name)
    assert page.h1 is not None and normalised(page.h1.get_text()) == title
    assert title in page.title.get_text()


def test_every_heading_and_sentence_of_the_staff_procedure_is_on_the_page(site):
    # Without a separator, inline markup (links, emphasis) reads as plain text.
    text = normalised(soup(site / "conduct-staff-procedure.html").main.get_text())
    missing = [sentence for sentence in seed_sentences() if sentence not in text]
    assert len(seed_sentences()) > 80
    assert missing == []


def test_the_three_documents_link_to_each_other_in_the_navigation(site):
    for name in PAGES:
        links = {a["href"] for a in soup(site / name).select("nav.site-nav a")}
        assert {
            "./code-of-conduct.html",
            "./conduct-attendee-procedure.html",
            "./conduct-staff-procedure.html",
        } <= {href if href.startswith(".") else "./" + href for href in links}


def test_home_page_has_three_doors_and_the_contacts(site):
    home = soup(site / "index.html")
    doors = [normalised(label.get_text()) for label in home.select(".door__label")]
    # The urgent door (the page with `Contacts: first`) first, then MENU_PAGES order.
    assert doors == [
        "Something happened: staff",
        "Read the Code of Conduct",
        "Report an incident",
    ]
    links = {a["href"] for a in home.select(".contacts a")}
    assert {
        "tel:911",
        "mailto:conduct@bostonpython.com",
        "mailto:leaders@bostonpython.com",
    } <= links


def test_addresses_in_the_documents_come_from_settings(site):
    for name in ("code-of-conduct.html", "conduct-attendee-procedure.html"):
        hrefs = {a["href"] for a in soup(site / name).main.select("a[href^=mailto]")}
        assert "mailto:conduct@bostonpython.com" in hrefs, name
    staff = soup(site / "conduct-staff-procedure.html").main
    assert "mailto:leaders@bostonpython.com" in {a["href"] for a in staff.select("a")}


def test_a_changed_setting_changes_every_page(tmp_path):
    conf = edited_settings(
        tmp_path,
        {
            '"conduct@bostonpython.com"': '"help@fork.test"',
            '"leaders@bostonpython.com"': '"board@fork.test"',
            'ORGANIZATION = "Boston Python"': 'ORGANIZATION = "Example Users Group"',
        },
    )
    output = build(tmp_path / "out", conf=str(conf))
    for name in PAGES:
        html = (output / name).read_text(encoding="utf-8")
        assert "conduct@bostonpython.com" not in html, name
        assert "help@fork.test" in html, name
    staff = soup(output / "conduct-staff-procedure.html").main.get_text(" ")
    assert "board@fork.test" in staff
    assert "Example Users Group reserves the right" in normalised(staff)


def test_long_documents_have_a_table_of_contents_of_their_headings(site):
    for name in ("code-of-conduct.html", "conduct-attendee-procedure.html"):
        page = soup(site / name)
        toc = [a["href"] for a in page.select("nav.toc a")]
        heading_ids = ["#" + h["id"] for h in page.main.select(".prose h2[id]")]
        assert len(toc) >= 3 and toc == heading_ids, name


def test_headings_have_ids_from_the_toc_extension(site):
    staff = soup(site / "conduct-staff-procedure.html")
    assert staff.find(id="when-taking-an-incident-report").name == "h2"
    assert staff.find(id="while-gathering-information-from-the-reporter").name == "h2"


def test_staff_page_jump_list_leads_to_each_checklist(site):
    page = soup(site / "conduct-staff-procedure.html")
    targets = [a["href"] for a in page.select("nav.toc a")]
    assert len(targets) >= 9
    for target in targets:
        assert page.find(id=target.removeprefix("#")) is not None, target


def test_an_article_builds_clean_in_the_handbook_look(tmp_path):
    content = copy_content(tmp_path / "content")
    (content / "articles").mkdir()
    (content / "articles" / "venue.md").write_text(
        "Title: Venue update\nDate: 2026-11-01\n\n"
        "Read the [Code of Conduct]({filename}/pages/code-of-conduct.md#how-to-report).\n",
        encoding="utf-8",
    )
    output = build(tmp_path / "out", content=content)
    page = soup(output / "venue-update.html")
    assert page.main.h1.get_text(strip=True) == "Venue update"
    assert page.select("nav.site-nav a")
