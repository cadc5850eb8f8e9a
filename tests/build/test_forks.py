"""Three fixture forks, end to end: a conference's three documents, a one-page site,
and a network's procedure written for GitHub (its cards, and its first draft's problems).

Each is another organization's handbook, under its own slugs and titles
(tests/data/forks/), built with pelicanconf.py and that organization's
settings, as a fork that changed the first block of pelicanconf.py would be.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
from contextlib import contextmanager
from pathlib import Path

import pdfplumber
import pypdf
import pytest
from bs4 import BeautifulSoup
from pelican.plugins.handbook.printouts.sheets import layout
from pelican.plugins.handbook.printouts.sizes import card_size

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
        # Reached two ways: one line on the contacts card, with both.
        {
            "role": "Committee chair",
            "name": "Ana Souza",
            "phone": "+351 21 000 0000",
            "email": "chair@tidewater-py.test",
        },
    ],
    "MENU_PAGES": ["code-of-conduct", "hosts-procedure", "committee-procedure"],
    "TIMEZONE": "UTC",
    # The committee's diagram, linked as {static}/images/response-flow.svg.
    "STATIC_PATHS": ["images"],
    "HANDBOOK": {
        **FIXTURE_ORGANIZATION["HANDBOOK"],
        "content_placeholders": ["TODO", "TBD", "XXX", "FIXME"],
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
        (
            "Follow-up",
            "steps",
            [
                "Check in with the reporter a day later, if they agreed to it",
                "Tell the committee if anything new comes up",
            ],
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


def test_the_committees_document_keeps_its_five_lists(github_style):
    output, _ = github_style
    assert [
        (title, kind, len(items))
        for title, kind, items in checklists_of(output, "committee-procedure")
    ] == [
        ("When a report arrives", "steps", 4),
        ("Investigating a report", "steps", 13),
        ("Possible responses", "options", 3),
        ("After the decision", "steps", 3),
        ("Follow-up", "steps", 2),
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
    # A list split over cards is titled "(1 of 2)", "(2 of 2)" on them.
    on_cards = {re.sub(r" \(\d+ of \d+\)$", "", normalised(face.get_text())) for face in faces}
    assert sorted(on_cards) == sorted(set(titles))


# --- Written for GitHub: the cards of two documents, and each problem at its source ---


def card_sections(output: Path) -> list:
    return soup(output / "pocket-cards.html").select(".card")


def test_two_pages_lists_under_one_heading_get_faces_kept_apart_by_page(github_style):
    output, result = github_style
    # Both documents end with "## Follow-up": two lists with the id 'follow-up'.
    ids = [card["id"] for card in card_sections(output)]
    assert len(ids) == len(set(ids))
    assert {"card-hosts-procedure-follow-up", "card-committee-procedure-follow-up"} <= set(ids)
    assert result.returncode == 0 and "is used 2 times" not in result.stderr


CARD_PDFS = [
    ("pocket-cards.pdf", None),
    ("pocket-cards-letter.pdf", "letter"),
    ("pocket-cards-a4.pdf", "a4"),
]


def printed_faces(output: Path, pdf_name: str, paper: str | None) -> list[str]:
    """Return the text of each face of a cards PDF, in order: a page each, or a slot of a sheet."""
    card = card_size(GITHUB_STYLE["HANDBOOK"])
    texts = []
    with pdfplumber.open(output / pdf_name) as pdf:
        for page in pdf.pages:
            if paper is None:
                texts.append(page.extract_text())
                continue
            for x, y in layout(paper, card).slots():
                box = [72 * x, 72 * y, 72 * (x + card.width_in), 72 * (y + card.height_in)]
                text = page.crop(box).extract_text()
                if text.strip():
                    texts.append(text)
    return texts


def printed_numbers(text: str) -> list[int]:
    """Return the step numbers a face prints, each at the start of a line ("7. Write down")."""
    return [int(number) for number in re.findall(r"^(\d+)\. ", text, re.MULTILINE)]


@pytest.mark.parametrize(("pdf_name", "paper"), CARD_PDFS)
def test_a_list_split_over_cards_goes_on_counting_in_every_pdf(github_style, pdf_name, paper):
    output, _ = github_style
    cards = card_sections(output)
    faces = printed_faces(output, pdf_name, paper)
    assert len(faces) == len(cards)
    # "Investigating a report": twelve steps, more than card_max_items.
    split = [
        text
        for card, text in zip(cards, faces, strict=True)
        if card.select_one(".card__title").get_text().startswith("Investigating a report (")
    ]
    assert len(split) >= 2
    assert [number for text in split for number in printed_numbers(text)] == list(range(1, 13))
    # Every numbered face prints the numbers its page gives it (<ol start>).
    for card, text in zip(cards, faces, strict=True):
        steps = card.select_one("ol.card__items")
        if steps is not None:
            start, count = int(steps.get("start", 1)), len(steps.find_all("li", recursive=False))
            assert printed_numbers(text) == list(range(start, start + count)), card["id"]


def test_the_cards_page_names_both_pages_and_each_face_has_its_pages_date(github_style):
    output, _ = github_style
    page = soup(output / "pocket-cards.html")
    intro = normalised(page.select_one(".cards-intro p").get_text())
    assert intro.startswith(
        "The checklists of the Event Hosts' Response Procedure and Code of Conduct Committee"
        f" Procedure as {len(page.select('.card'))} card faces"
    ), intro
    assert [a["href"] for a in page.select(".cards-intro p a")][:2] == [
        "./hosts-procedure.html",
        "./committee-procedure.html",
    ]
    # Each document's Modified date; the contacts card has the first card page's.
    dates = {"hosts-procedure": "2026-10-15", "committee-procedure": "2026-11-02"}
    for card in page.select(".card"):
        slug = next((slug for slug in dates if card["id"].startswith(f"card-{slug}-")), None)
        footer = normalised(card.select_one(".card__footer").get_text())
        assert f"as of {dates[slug or 'hosts-procedure']} ·" in footer, card["id"]
    faces = printed_faces(output, "pocket-cards.pdf", None)
    assert sum("as of 2026-11-02" in text for text in faces) == len(
        page.select(".card[id^='card-committee-procedure-']")
    )
    # The PDFs are as of the newest document.
    reader = pypdf.PdfReader(output / "pocket-cards.pdf")
    assert reader.metadata["/ModDate"].startswith("D:20261102")


def test_a_contact_with_a_phone_and_an_email_is_on_the_card_once_with_both(github_style):
    output, _ = github_style
    contacts = soup(output / "pocket-cards.html").select_one(".card--contacts")
    chair = [line for line in contacts.select(".card__contact") if "Ana Souza" in line.get_text()]
    assert len(chair) == 1
    assert [a["href"] for a in chair[0].select("a")] == [
        "tel:+351210000000",
        "mailto:chair@tidewater-py.test",
    ]
    printed = printed_faces(output, "pocket-cards.pdf", None)[0]
    assert printed.count("Ana Souza") == 1
    assert "+351 21 000 0000" in printed and "chair@tidewater-py.test" in printed


def test_the_committees_diagram_is_published_with_its_page(github_style):
    output, _ = github_style
    image = soup(output / "committee-procedure.html").select_one("main img")
    assert image["alt"].startswith("From a report to a decision")
    assert (output / image["src"]).is_file()


# The fork as first written for GitHub: a diagram linked beside its page
# (published by no STATIC_PATHS), an address left to fill in, in the
# organization's language, which it names in content_placeholders.
DRAFT = {
    "committee-procedure.md": ("{static}/images/response-flow.svg", "images/response-flow.svg"),
    "code-of-conduct.md": ("write to <{{ CONDUCT_EMAIL }}>", "write to us (e-mail: A DEFINIR)"),
}


def test_the_first_draft_fails_at_each_source_line(tmp_path):
    content = Path(shutil.copytree(FORKS / "github-style", tmp_path / "content"))
    for name, (written, draft) in DRAFT.items():
        page = content / "pages" / name
        page.write_text(page.read_text(encoding="utf-8").replace(written, draft), encoding="utf-8")
    handbook = {**GITHUB_STYLE["HANDBOOK"], "content_placeholders": ["TODO", "TBD", "A DEFINIR"]}
    # Without pocket cards, whose PDFs would be rendered for a build that fails:
    # test_the_github_style_fork_builds_clean checks them.
    handbook["printouts"] = False
    settings = {**GITHUB_STYLE, "STATIC_PATHS": [], "HANDBOOK": handbook}
    result = run_pelican(tmp_path / "output", content=content, settings=settings)
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if line.startswith(str(content))]
    pages = content / "pages"
    assert problems[0] == (
        f"{pages}/code-of-conduct.md:16: 'A DEFINIR' is a placeholder: write the real text"
        " (HANDBOOK content_placeholders)"
    )
    assert problems[1].startswith(
        f"{pages}/committee-procedure.md:11: link to 'images/response-flow.svg' has no target"
    )
    assert len(problems) == 2, problems


def test_settings_that_end_in_a_link_or_a_date_are_reported_at_the_setting(tmp_path):
    settings = {**GITHUB_STYLE, "CONDUCT_EMAIL": None, "TIMEZONE": "Europe/Lisbn"}
    result = run_pelican(tmp_path / "output", content=FORKS / "github-style", settings=settings)
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if ": " in line]
    assert [line.split(": ", 1)[1] for line in problems[:2]] == [
        "CONDUCT_EMAIL None is not an email address",
        "TIMEZONE 'Europe/Lisbn' is not a time zone (did you mean 'Europe/Lisbon'?)",
    ]
    assert all(line.split(": ", 1)[0].endswith("pelicanconf.py") for line in problems[:2])
    assert "mailto:None" not in result.stdout + result.stderr
    assert "Could not process" not in result.stdout + result.stderr
    assert not list((tmp_path / "output").rglob("*.html"))


def test_a_site_with_no_checklist_gets_its_report_form_from_the_settings(tmp_path):
    fields = [
        "Where it happened",
        "What happened. In the reporter's own words.",
        "Who was involved: names, a description",
    ]
    handbook = {**ONE_PAGE["HANDBOOK"], "report_form_fields": fields}
    output, result = build_fork(tmp_path, "one-page", {**ONE_PAGE, "HANDBOOK": handbook})
    assert result.returncode == 0, result.stdout + result.stderr
    form = soup(output / "incident-report-form.html")
    labels = [normalised(label.get_text()) for label in form.select(".field__label")]
    assert labels[-3:] == ["Where it happened", "What happened", "Who was involved"]
    hints = [normalised(hint.get_text()) for hint in form.select(".field__hint")]
    assert hints == ["In the reporter's own words.", "For example: names, a description"]
    assert not (output / "pocket-cards.html").exists()
