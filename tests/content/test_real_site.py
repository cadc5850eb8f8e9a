"""Boston Python's handbook as built: its documents, contacts, checklists and cards.

A fork adapts or deletes this folder (README.md here).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.build.test_budget import assert_within_budget
from tests.build.test_html_valid import assert_valid_html
from tests.helpers import build, edited_settings, normalised, seed_sentences

STAFF = "conduct-staff-procedure.html"
PAGES = {
    "index.html": "Boston Python Code of Conduct",
    "code-of-conduct.html": "Code of Conduct",
    "conduct-attendee-procedure.html": "Attendee Procedure For Reporting Code of Conduct Incidents",
    STAFF: "Staff Procedure For Incident Response",
}
EMERGENCY = {"tel:911", "tel:988"}
ADDRESSES = {"mailto:conduct@bostonpython.com", "mailto:leaders@bostonpython.com"}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_the_real_site_builds_with_no_problem_or_warning(real_build):
    _, result = real_build
    said = (result.stdout + result.stderr).splitlines()
    assert [line for line in said if not line.startswith(("Done: ", "and "))] == []


@pytest.mark.parametrize("name,title", PAGES.items())
def test_each_document_has_its_title(real_site, name, title):
    page = soup(real_site / name)
    assert normalised(page.h1.get_text()) == title
    assert title in page.title.get_text()


def test_every_heading_and_sentence_of_the_seed_is_in_the_staff_procedure(real_site):
    # Without a separator, inline markup (links, emphasis) reads as plain text.
    text = normalised(soup(real_site / STAFF).main.get_text())
    missing = [sentence for sentence in seed_sentences() if sentence not in text]
    assert len(seed_sentences()) > 80
    assert missing == []


def test_the_menu_and_the_doors(real_site):
    home = soup(real_site / "index.html")
    menu = [normalised(a.get_text()) for a in home.select("nav.site-nav a")]
    assert menu[-3:] == ["Code of Conduct", "Report an incident", "Staff procedure"]
    doors = [normalised(label.get_text()) for label in home.select(".door__label")]
    assert doors == ["Something happened: staff", "Read the Code of Conduct", "Report an incident"]
    assert "door--urgent" in home.select(".door")[0]["class"]


def test_the_contacts_are_on_the_home_page_the_first_screen_and_the_cards(real_site):
    home = {a["href"] for a in soup(real_site / "index.html").select(".contacts a")}
    first_screen = {a["href"] for a in soup(real_site / STAFF).select(".danger .contacts a")}
    card = soup(real_site / "pocket-cards.html").select(".card")[0]
    on_card = {a["href"] for a in card.select("a")}
    for where, links in (("home", home), ("first screen", first_screen), ("card", on_card)):
        assert (EMERGENCY | ADDRESSES) - links == set(), where


def test_the_documents_give_the_bostonpython_addresses(real_site):
    for name in ("code-of-conduct.html", "conduct-attendee-procedure.html"):
        hrefs = {a["href"] for a in soup(real_site / name).main.select("a[href^=mailto]")}
        assert "mailto:conduct@bostonpython.com" in hrefs, name
    staff = {a["href"] for a in soup(real_site / STAFF).main.select("a")}
    assert "mailto:leaders@bostonpython.com" in staff
    form = soup(real_site / "incident-report-form.html")
    assert form.main.select_one("a[href^='mailto:']")["href"].startswith(
        "mailto:conduct@bostonpython.com?"
    )


def test_the_staff_procedure_has_its_checklists(real_site):
    page = soup(real_site / STAFF)
    kinds = Counter(div["data-kind"] for div in page.select("[data-checklist]"))
    assert kinds == {"steps": 6, "cautions": 2, "options": 1}
    boxes = page.select('[data-module="checklist"] .checklist__items input[type="checkbox"]')
    assert len(boxes) >= 30
    assert page.find(id="ask-the-reporter-if-they-want-to-go-to-a-quiet-space") is not None


def test_eleven_card_faces_and_a_form_field_per_gathered_item(real_site):
    # The README says "11 faces today": a contacts card and one face per
    # checklist, the list of possible responses on two.
    faces = soup(real_site / "pocket-cards.html").select(".card")
    assert len(faces) == 11
    labels = [
        normalised(label.get_text())
        for label in soup(real_site / "incident-report-form.html").select(".field__label")
    ]
    assert "Location of incident" in labels and "Current date and time" in labels
    assert len(labels) == 2 + 9  # the form's own two, and the nine gathered items


def test_the_manifest_names_the_site(real_site):
    manifest = json.loads((real_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert (manifest["name"], manifest["short_name"]) == (PAGES["index.html"], "BP Conduct")


def test_a_changed_setting_in_pelicanconf_changes_every_page(tmp_path):
    conf = edited_settings(
        tmp_path,
        {
            '"conduct@bostonpython.com"': '"help@fork.test"',
            '"leaders@bostonpython.com"': '"board@fork.test"',
            'ORGANIZATION = "Boston Python"': 'ORGANIZATION = "Example Users Group"',
            # The pages of PAGES only: without the cards' PDFs to render again.
            "HANDBOOK = {": 'HANDBOOK = {\n    "printouts": False,',
        },
    )
    output = build(tmp_path / "out", conf=str(conf))
    for name in PAGES:
        html = (output / name).read_text(encoding="utf-8")
        assert "conduct@bostonpython.com" not in html, name
        assert "help@fork.test" in html, name
    staff = soup(output / STAFF).main.get_text(" ")
    assert "board@fork.test" in staff
    assert "Example Users Group reserves the right" in normalised(staff)


def test_the_staff_procedure_loads_within_its_budget(real_site):
    assert_within_budget(real_site, STAFF)


def test_every_page_of_the_real_site_is_valid_html(real_site):
    assert_valid_html(real_site)
