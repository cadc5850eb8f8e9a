"""Three fixture forks, end to end: a conference's three documents, a one-page site,
and a network's procedure written for GitHub.

Each is another organization's handbook, under its own slugs and titles
(tests/data/forks/), built with pelicanconf.py and that organization's
settings, as a fork that changed the first block of pelicanconf.py would be.
"""

from __future__ import annotations

import json
import logging
import re
from contextlib import contextmanager
from pathlib import Path

import pypdf
import pytest
from bs4 import BeautifulSoup

from tests.helpers import DATA, FIXTURE_ORGANIZATION, ITEM_TEXT, card_items, normalised, run_pelican

FORKS = DATA / "forks"

CONFERENCE = {
    "ORGANIZATION": "Harbour Py",
    "SITENAME": "Harbour Py 2027: Code of Conduct",
    "CONDUCT_EMAIL": "safety@harbourpy.test",
    "LEADERS_EMAIL": "chairs@harbourpy.test",
    "EMERGENCY_CONTACTS": [
        {"label": "Police, fire, ambulance", "phone": "000"},
        {"label": "Venue security", "phone": "+61 2 9999 0000"},
    ],
    "ORGANIZER_CONTACTS": [
        {"role": "Safety team", "email": "safety@harbourpy.test"},
        {"role": "Conference chairs", "email": "chairs@harbourpy.test"},
        {"role": "Safety lead on call", "name": "Priya Nair", "phone": "+61 400 111 222"},
    ],
    "MENU_PAGES": ["code-of-conduct", "attendee-procedure", "staff-procedure"],
    "TIMEZONE": "Australia/Sydney",
    "HANDBOOK": {
        **FIXTURE_ORGANIZATION["HANDBOOK"],
        "short_name": "Harbour Py",
        "app_description": "Harbour Py: conduct and incident response.",
        "words": {"home_lede": "Harbour Py is for everyone. Start here."},
    },
}

ONE_PAGE = {
    "ORGANIZATION": "Valley Rust Meetup",
    "SITENAME": "Valley Rust Meetup Code of Conduct",
    "CONDUCT_EMAIL": "hosts@valleyrust.test",
    "LEADERS_EMAIL": "hosts@valleyrust.test",
    "EMERGENCY_CONTACTS": [{"label": "Emergency services", "phone": "999"}],
    "ORGANIZER_CONTACTS": [{"role": "Meetup hosts", "email": "hosts@valleyrust.test"}],
    "MENU_PAGES": ["code-of-conduct"],
    "TIMEZONE": "Europe/London",
    "HANDBOOK": {
        **FIXTURE_ORGANIZATION["HANDBOOK"],
        "short_name": "Valley Rust",
        "app_description": "Valley Rust Meetup: Code of Conduct.",
        "words": {"home_lede": "Everyone is welcome at Valley Rust. Start here."},
    },
}

# An international network whose procedure lives in a GitHub repository: two
# documents for two roles, lists right under bold titles and sentences,
# notes nested two spaces under their step, marks right under their lists.
GITHUB_STYLE = {
    "ORGANIZATION": "Tidewater Python Network",
    "SITENAME": "Tidewater Python Network: Code of Conduct",
    "CONDUCT_EMAIL": "conduct@tidewater-py.test",
    "LEADERS_EMAIL": "committee@tidewater-py.test",
    "EMERGENCY_CONTACTS": [{"label": "Local emergency number", "phone": "112"}],
    "ORGANIZER_CONTACTS": [
        {"role": "Code of Conduct committee", "email": "conduct@tidewater-py.test"},
    ],
    "MENU_PAGES": ["code-of-conduct", "hosts-procedure", "committee-procedure"],
    "TIMEZONE": "UTC",
    "HANDBOOK": {
        **FIXTURE_ORGANIZATION["HANDBOOK"],
        "short_name": "Tidewater Py",
        "app_description": "Tidewater Python Network: conduct and incident response.",
        "words": {"home_lede": "Every Tidewater meetup is for everyone. Start here."},
    },
}

NO_PRINTOUTS = "handbook: no page has checklists: no pocket cards or report form written"


@contextmanager
def handbook_info():
    """Show the plugin's INFO lines, as `pelican -v` would (by default only warnings show)."""
    logger = logging.getLogger("pelican.plugins.handbook")
    level = logger.level
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.setLevel(level)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def said(result) -> list[str]:
    """What the build printed besides Pelican's closing summary and the plugin's notes."""
    lines = (result.stdout + result.stderr).splitlines()
    return [
        line
        for line in lines
        if line.strip() and not line.startswith(("Done: ", "and ", "handbook: no page has"))
    ]


def build_fork(folder: Path, name: str, settings: dict):
    output = folder / "output"
    with handbook_info():
        result = run_pelican(output, content=FORKS / name, settings=settings)
    return output, result


@pytest.fixture(scope="module")
def conference(tmp_path_factory):
    return build_fork(tmp_path_factory.mktemp("conference"), "conference", CONFERENCE)


@pytest.fixture(scope="module")
def one_page(tmp_path_factory):
    return build_fork(tmp_path_factory.mktemp("one-page"), "one-page", ONE_PAGE)


@pytest.fixture(scope="module")
def github_style(tmp_path_factory):
    return build_fork(tmp_path_factory.mktemp("github-style"), "github-style", GITHUB_STYLE)


def nav_slugs(page: BeautifulSoup) -> list[str]:
    hrefs = [a["href"].removeprefix("./") for a in page.select("nav.site-nav a")]
    return [href.removesuffix(".html") for href in hrefs if href != "index.html"]


def door_labels(home: BeautifulSoup) -> list[str]:
    return [normalised(label.get_text()) for label in home.select(".door__label")]


# --- The conference: three documents under its own slugs and titles ---


def test_the_conference_builds_clean(conference):
    output, result = conference
    assert result.returncode == 0, result.stdout + result.stderr
    assert said(result) == []
    for slug in CONFERENCE["MENU_PAGES"]:
        assert (output / f"{slug}.html").is_file(), slug


def test_the_conference_home_page_has_three_doors_the_staff_one_first_and_urgent(conference):
    output, _ = conference
    home = soup(output / "index.html")
    doors = home.select(".door")
    # The staff page's Door, then MENU_PAGES order: the code of conduct's
    # Title (it has no Door or Menu_label), the attendee page's Menu_label.
    assert door_labels(home) == [
        "Someone just reported something",
        "Harbour Py Code of Conduct",
        "Report a problem",
    ]
    assert [door.a["href"] for door in doors] == [
        "./staff-procedure.html",
        "./code-of-conduct.html",
        "./attendee-procedure.html",
    ]
    assert [("door--urgent" in door["class"]) for door in doors] == [True, False, False]
    assert (
        normalised(home.select_one(".lede").get_text()) == "Harbour Py is for everyone. Start here."
    )


def test_the_conference_navigation_lists_the_menu_pages_in_order(conference):
    output, _ = conference
    for name in ("index.html", *(f"{slug}.html" for slug in CONFERENCE["MENU_PAGES"])):
        assert nav_slugs(soup(output / name)) == CONFERENCE["MENU_PAGES"], name


def test_only_the_staff_page_puts_the_contacts_first(conference):
    output, _ = conference
    staff = soup(output / "staff-procedure.html")
    first_screen = [a["href"] for a in staff.select(".danger .contacts a")]
    # The emergency numbers and the first two organizers, not the third.
    assert first_screen == [
        "tel:000",
        "tel:+61299990000",
        "mailto:safety@harbourpy.test",
        "mailto:chairs@harbourpy.test",
    ]
    for slug in ("code-of-conduct", "attendee-procedure"):
        assert soup(output / f"{slug}.html").select(".danger") == [], slug
    home = {a["href"] for a in soup(output / "index.html").select(".contacts a")}
    assert {"tel:000", "tel:+61299990000", "tel:+61400111222"} <= home


def test_the_conference_says_its_own_name_and_no_other_groups(conference):
    output, _ = conference
    texts = [path.read_text(encoding="utf-8") for path in output.rglob("*.html")]
    assert all("Harbour Py" in text for text in texts)
    for other in ("Boston", "bostonpython", FIXTURE_ORGANIZATION["ORGANIZATION"], "lakeside"):
        assert not [text for text in texts if other.lower() in text.lower()], other


def staff_checklists(output: Path) -> list[tuple[str, list[str]]]:
    page = soup(output / "staff-procedure.html")
    return [
        (checklist["aria-label"], [normalised(t.get_text()) for t in checklist.select(ITEM_TEXT)])
        for checklist in page.select(".checklist")
    ]


def test_the_pocket_cards_are_made_from_the_staff_pages_checklists(conference):
    output, _ = conference
    checklists = staff_checklists(output)
    assert [title for title, _ in checklists] == [
        "In the first minutes",
        "While you listen",
        "What to write down",
        "What the safety team may decide",
    ]
    contacts, *faces = soup(output / "pocket-cards.html").select(".card")
    assert "card--contacts" in contacts["class"]
    assert {a["href"] for a in contacts.select("a")} >= {"tel:000", "mailto:safety@harbourpy.test"}
    cards = [
        (normalised(face.select_one(".card__title").get_text()), card_items(face)) for face in faces
    ]
    assert cards == checklists
    pdf = pypdf.PdfReader(output / "pocket-cards.pdf")
    assert len(pdf.pages) == 1 + len(faces)
    links = {a["href"] for a in soup(output / "staff-procedure.html").select(".print-links a")}
    assert {"./pocket-cards.html", "./pocket-cards.pdf", "./incident-report-form.html"} <= links


def test_the_report_form_is_made_from_the_marked_list(conference):
    output, _ = conference
    form = soup(output / "incident-report-form.html")
    labels = [normalised(label.get_text()) for label in form.select(".field__label")]
    gathered = dict(staff_checklists(output))["What to write down"]
    assert labels[-len(gathered) :] == [
        "Time of the report",
        "Where it happened",
        "What happened",
        "Who was involved",
        "How to reach the reporter, unless they want to stay anonymous",
    ]
    assert form.main.select_one("a[href^='mailto:']")["href"].startswith(
        "mailto:safety@harbourpy.test?"
    )


def test_the_conference_works_offline_and_on_a_home_screen(conference):
    output, _ = conference
    manifest = json.loads((output / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert (manifest["name"], manifest["short_name"]) == (CONFERENCE["SITENAME"], "Harbour Py")
    script = (output / "sw.js").read_text(encoding="utf-8")
    precache = json.loads(re.search(r"^const PRECACHE = (\[.*?\]);$", script, re.M | re.S)[1])
    assert {"staff-procedure.html", "pocket-cards.pdf", "incident-report-form.html"} <= set(
        precache
    )


# --- The one-page site: a code of conduct and nothing else ---


def test_the_one_page_site_builds_clean_and_says_it_wrote_no_printouts(one_page):
    output, result = one_page
    assert result.returncode == 0, result.stdout + result.stderr
    assert said(result) == []
    # With the plugin's INFO lines shown (`pelican -v`), the build says why
    # there are no cards or form.
    assert NO_PRINTOUTS in result.stderr.splitlines()


def test_the_one_page_site_has_one_door_and_one_menu_entry(one_page):
    output, _ = one_page
    home = soup(output / "index.html")
    assert door_labels(home) == ["Code of Conduct"]
    assert "door--urgent" not in home.select_one(".door")["class"]
    for name in ("index.html", "code-of-conduct.html"):
        assert nav_slugs(soup(output / name)) == ["code-of-conduct"], name


def test_the_one_page_site_has_no_pocket_cards_and_no_report_form(one_page):
    output, _ = one_page
    pages = sorted(path.name for path in output.glob("*.html"))
    assert pages == ["code-of-conduct.html", "index.html"]
    assert not list(output.rglob("*.pdf"))
    assert soup(output / "code-of-conduct.html").select(".print-links") == []
    script = (output / "sw.js").read_text(encoding="utf-8")
    assert "pocket-cards" not in script and "incident-report-form" not in script


# --- Written for GitHub: every list kept, under the title its author gave it ---


def checklists_of(output: Path, slug: str) -> list[tuple[str, str, list[str]]]:
    """Return each checklist of a page: its title, its kind, and its items (notes included)."""
    page = soup(output / f"{slug}.html")
    return [
        (
            checklist["aria-label"],
            checklist["data-kind"],
            [normalised(text.get_text()) for text in checklist.select(ITEM_TEXT)],
        )
        for checklist in page.select(".checklist")
    ]


def test_the_github_style_fork_builds_clean(github_style):
    output, result = github_style
    assert result.returncode == 0, result.stdout + result.stderr
    assert said(result) == []


def test_the_hosts_lists_under_bold_titles_are_all_checklists_with_their_notes(github_style):
    output, _ = github_style
    assert checklists_of(output, "hosts-procedure") == [
        (
            "Immediate Response Checklist",
            "steps",
            [
                "Assess whether anyone is in immediate danger",
                "If so, call the local emergency number first",
                "Then tell the venue's security",
                "Ask the reporter if they want to move somewhere quieter",
                "Listen without judging, and take notes",
            ],
        ),
        (
            "Information to Collect",
            "steps",
            [
                "The date, time and place of the incident",
                "What happened, in the reporter's own words",
                "Who was involved, and who saw it",
                "Names if known, otherwise a description",
                "How to reach the reporter, unless they want to stay anonymous",
            ],
        ),
        (
            "Do not",
            "cautions",
            [
                "Promise a particular outcome",
                "Ask the reporter what should happen to the person reported",
            ],
        ),
        (
            "Send the committee what you gathered within 24 hours",
            "steps",
            ["Your notes from the conversation", "The names of the other hosts who helped"],
        ),
    ]
    # Nested two spaces under a step, or three under a numbered one: notes, not steps.
    page = soup(output / "hosts-procedure.html")
    notes = [normalised(note.get_text()) for note in page.select(".checklist__item--note")]
    assert notes == [
        "If so, call the local emergency number first",
        "Then tell the venue's security",
        "Names if known, otherwise a description",
    ]


def test_the_committees_document_keeps_its_three_lists(github_style):
    output, _ = github_style
    assert [
        (title, kind, len(items))
        for title, kind, items in checklists_of(output, "committee-procedure")
    ] == [
        ("When a report arrives", "steps", 4),
        ("Possible responses", "options", 3),
        ("After the decision", "steps", 3),
    ]


def test_no_list_of_the_github_style_fork_is_left_as_text(github_style):
    output, _ = github_style
    for slug in GITHUB_STYLE["MENU_PAGES"]:
        page = soup(output / f"{slug}.html")
        texts = [p.get_text() for p in page.select("main p")]
        assert not [text for text in texts if re.search(r"^\s*([*+-]|\d+\.) ", text, re.M)], slug
        assert "{:" not in page.get_text(), slug


def test_every_checklist_of_both_roles_is_on_the_pocket_cards(github_style):
    output, _ = github_style
    titles = [
        title
        for slug in ("hosts-procedure", "committee-procedure")
        for title, _, _ in checklists_of(output, slug)
    ]
    faces = soup(output / "pocket-cards.html").select(".card:not(.card--contacts) .card__title")
    assert sorted({normalised(face.get_text()) for face in faces}) == sorted(titles)
