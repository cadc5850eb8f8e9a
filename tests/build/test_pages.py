"""The built pages: titles, the staff procedure's words, contacts from settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.helpers import (
    FIXTURE_ORGANIZATION,
    build_handbook,
    copy_handbook,
    normalised,
    run_pelican,
    seed_sentences,
    without_printouts,
)

ORG = FIXTURE_ORGANIZATION
CONDUCT = ORG["CONDUCT_EMAIL"]
LEADERS = ORG["LEADERS_EMAIL"]

PAGES = {
    "index.html": ORG["SITENAME"],
    "code-of-conduct.html": "Code of Conduct",
    "conduct-attendee-procedure.html": "Reporting An Incident",
    "conduct-staff-procedure.html": "Staff Procedure For Incident Response",
}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("name,title", PAGES.items())
def test_each_page_is_built_with_its_title(site, name, title):
    page = soup(site / name)
    assert page.h1 is not None and normalised(page.h1.get_text()) == title
    assert title in page.title.get_text()


def test_every_heading_and_sentence_of_the_seed_procedure_is_on_the_page(site):
    # The fixture's staff page is the seed with its checklist marks, and the
    # organization's values from settings.
    sentences = seed_sentences(ORG)
    # Without a separator, inline markup (links, emphasis) reads as plain text.
    text = normalised(soup(site / "conduct-staff-procedure.html").main.get_text())
    missing = [sentence for sentence in sentences if sentence not in text]
    assert len(sentences) > 80
    assert missing == []


def test_the_navigation_lists_the_menu_pages_in_order(site):
    expected = [f"./{slug}.html" for slug in ORG["MENU_PAGES"]]
    for name in PAGES:
        links = [a["href"] for a in soup(site / name).select("nav.site-nav a")]
        links = [href if href.startswith(".") else "./" + href for href in links]
        assert [href for href in links if href in expected] == expected, name


def test_without_menu_pages_the_navigation_lists_only_the_pages_written(tmp_path):
    # A page with an empty save_as is published but never written: a menu
    # link to it would point nowhere, and the link check fails every page.
    content = copy_handbook(tmp_path / "content")
    (content / "pages" / "draft-notes.md").write_text("Title: Draft notes\nSave_as:\n\nText.\n")
    settings = {"HANDBOOK": without_printouts()}
    result = run_pelican(tmp_path / "output", content=content, settings=settings)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "output" / "draft-notes.html").exists()
    # The staff procedure is hidden: only MENU_PAGES can list it.
    expected = ["./code-of-conduct.html", "./conduct-attendee-procedure.html"]
    for name in PAGES:
        links = [a["href"] for a in soup(tmp_path / "output" / name).select("nav.site-nav a")]
        links = [href if href.startswith(".") else "./" + href for href in links]
        assert sorted(href for href in links if href != "./index.html") == expected, name


def test_home_page_has_a_door_per_menu_page_and_the_contacts(site):
    home = soup(site / "index.html")
    doors = [normalised(label.get_text()) for label in home.select(".door__label")]
    # The urgent door (the page with `Contacts: first`) first, then MENU_PAGES
    # order; each says the page's Door metadata.
    assert doors == [
        "Staff: a report just came in",
        "Our Code of Conduct",
        "Tell us what happened",
    ]
    assert "door--urgent" in home.select(".door")[0]["class"]
    assert [door for door in home.select(".door") if "door--urgent" in door["class"]] == [
        home.select(".door")[0]
    ]
    blurbs = [normalised(b.get_text()) for b in home.select(".door__blurb")]
    assert blurbs[0] == f"The steps {ORG['ORGANIZATION']} staff follow when a report comes in."
    links = {a["href"] for a in home.select(".contacts a")}
    assert {
        "tel:112",
        "tel:08005550199",
        "tel:+15550102233",
        f"mailto:{CONDUCT}",
        f"mailto:{LEADERS}",
    } <= links


def test_addresses_in_the_documents_come_from_settings(site):
    for name in ("code-of-conduct.html", "conduct-attendee-procedure.html"):
        hrefs = {a["href"] for a in soup(site / name).main.select("a[href^=mailto]")}
        assert f"mailto:{CONDUCT}" in hrefs, name
    staff = soup(site / "conduct-staff-procedure.html").main
    assert f"mailto:{LEADERS}" in {a["href"] for a in staff.select("a")}


def test_a_changed_setting_changes_every_page(tmp_path):
    changed = {
        "CONDUCT_EMAIL": "help@fork.test",
        "LEADERS_EMAIL": "board@fork.test",
        "ORGANIZATION": "Example Users Group",
        "ORGANIZER_CONTACTS": [{"role": "Helpers", "email": "help@fork.test"}],
        # The pages of PAGES only: the cards' contacts are tested in test_cards.py.
        "HANDBOOK": without_printouts(),
    }
    output = build_handbook(tmp_path / "out", settings=changed)
    for name in PAGES:
        html = (output / name).read_text(encoding="utf-8")
        assert CONDUCT not in html, name
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


def test_cross_links_reach_their_fragments(site):
    links = {
        a["href"]
        for name in ("code-of-conduct.html", "conduct-attendee-procedure.html")
        for a in soup(site / name).main.select("a[href*='#']")
    }
    assert "./conduct-staff-procedure.html#when-taking-an-incident-report" in links
    assert "./conduct-attendee-procedure.html#how-to-report" in links


def test_staff_page_jump_list_leads_to_each_checklist(site):
    page = soup(site / "conduct-staff-procedure.html")
    targets = [a["href"] for a in page.select("nav.toc a")]
    assert len(targets) >= 9
    for target in targets:
        assert page.find(id=target.removeprefix("#")) is not None, target


def test_an_article_builds_clean_in_the_handbook_look(tmp_path):
    content = copy_handbook(tmp_path / "content")
    (content / "articles").mkdir()
    (content / "articles" / "venue.md").write_text(
        "Title: Venue update\nDate: 2026-11-01\n\n"
        "Read the [Code of Conduct]({filename}/pages/code-of-conduct.md#raising-a-concern).\n",
        encoding="utf-8",
    )
    # The article's page is what this looks at; an article in a build with
    # printouts is test_links_build_safety.py's draft.
    output = build_handbook(
        tmp_path / "out", settings={"HANDBOOK": without_printouts()}, content=content
    )
    page = soup(output / "venue-update.html")
    assert page.main.h1.get_text(strip=True) == "Venue update"
    assert page.select("nav.site-nav a")
