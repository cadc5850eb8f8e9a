"""Settings and metadata with markup or quotes reach every page as text, never as HTML."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.build.test_html_valid import assert_valid_html
from tests.helpers import FIXTURE_ORGANIZATION, build_handbook, copy_handbook, run_pelican

# Each value carries an element and an attribute that must never be written
# (data-injected, an event handler), a quote of each kind, a "&" and a "<"
# that closes the <title> a value lands in.
ORGANIZATION = 'Lakeside <b data-injected onmouseover="alert(1)">Coders</b> & "Friends"'
SITENAME = "O'Brien's </title><script data-injected>alert(2)</script> \"Handbook\""
# An address may hold an apostrophe and a "&"; "<" or a space is not an address.
CONDUCT_EMAIL = "o'brien&conduct@lakeside-coders.test"
EMERGENCY_LABEL = 'Police & <i data-injected onclick="alert(3)">fire</i>'
ORGANIZER_ROLE = "Conduct <u data-injected>team</u> \"on call\" & 'day'"
ORGANIZER_NAME = "Sam <s data-injected>O'Kafor</s>"
SHORT_NAME = 'LC "Conduct" <b>'
APP_DESCRIPTION = 'Lakeside\'s </script> & "conduct" <b data-injected>help</b>'
WORDS = {
    "home_lede": 'Welcome to <em data-injected>"all"</em> & everyone.',
    "site_description": "{organization}: <b data-injected>\"conduct\"</b> & 'help'.",
    "reset": "Reset </script><script data-injected>alert(4)</script>",
    "form_title": 'Report "now" <b data-injected>&</b>',
    # In the CSS of each page's print marks, and the footer.
    "footer_changed": 'As "of" {date} </style><b data-injected>',
}
# How dates are written: text around the date too.
DATE_FORMAT = "%Y-%m-%d <i data-injected>'d'</i>"
# A page's own metadata: Markdown reads the Summary (its "<b>" is markup, its
# "1 < 2" is text) but not the Title.
STAFF_TITLE = 'Staff "Steps" & <b data-injected onmouseover="alert(5)">Rules</b> 1 < 2'
STAFF_SUMMARY = 'What "staff" do & why: <b data-injected>now</b>, 1 < 2.'
STAFF_SUMMARY_TEXT = 'What "staff" do & why: now, 1 < 2.'

SETTINGS = {
    "ORGANIZATION": ORGANIZATION,
    "SITENAME": SITENAME,
    "CONDUCT_EMAIL": CONDUCT_EMAIL,
    "EMERGENCY_CONTACTS": [{"label": EMERGENCY_LABEL, "phone": "112"}],
    "ORGANIZER_CONTACTS": [
        {"role": ORGANIZER_ROLE, "email": CONDUCT_EMAIL},
        {"role": "Board", "name": ORGANIZER_NAME, "phone": "+1 (555) 010 2233"},
    ],
    "HANDBOOK": {
        **FIXTURE_ORGANIZATION["HANDBOOK"],
        "short_name": SHORT_NAME,
        "app_description": APP_DESCRIPTION,
        "words": WORDS,
        "date_format": DATE_FORMAT,
    },
}
PAGES = ("index.html", "code-of-conduct.html", "conduct-attendee-procedure.html")
STAFF = "conduct-staff-procedure.html"
PRINTOUTS = ("pocket-cards.html", "incident-report-form.html")


def edit_metadata(path: Path, key: str, value: str) -> None:
    """Replace the `key:` line of a page's metadata with `value`."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(n for n, line in enumerate(lines) if line.lower().startswith(key.lower() + ":"))
    lines[at] = f"{key}: {value}\n"
    path.write_text("".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    """The fixture handbook built with markup and quotes in every setting and in metadata."""
    root = tmp_path_factory.mktemp("hostile")
    content = copy_handbook(root / "content")
    pages = content / "pages"
    edit_metadata(pages / "conduct-staff-procedure.md", "Title", STAFF_TITLE)
    edit_metadata(pages / "conduct-staff-procedure.md", "Summary", STAFF_SUMMARY)
    # A setting in a Title: Markdown does not read it, so its "<" is a character.
    edit_metadata(pages / "code-of-conduct.md", "Title", "{{ ORGANIZATION }} Code")
    return build_handbook(root / "output", SETTINGS, content=content)


def read(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def text(element) -> str:
    return " ".join(element.get_text().split())


def description(page: BeautifulSoup) -> str:
    return page.find("meta", attrs={"name": "description"})["content"]


@pytest.mark.parametrize("name", (*PAGES, STAFF, *PRINTOUTS))
def test_no_value_adds_an_element_or_an_attribute(hostile, name):
    page = read(hostile, name)
    assert page.select("[data-injected]") == []
    handlers = [
        tag.name for tag in page.find_all(True) if any(a.startswith("on") for a in tag.attrs)
    ]
    assert handlers == []
    # Every script is a file or a JSON block: none is code a value wrote.
    scripts = page.find_all("script")
    assert all(s.get("src") or s.get("type") == "application/json" for s in scripts)


@pytest.mark.parametrize("name", (*PAGES, STAFF, *PRINTOUTS))
def test_the_organization_and_site_name_show_as_written(hostile, name):
    page = read(hostile, name)
    assert SITENAME in page.title.get_text()
    if name != "pocket-cards.html":
        assert text(page.select_one(".site-name")) == " ".join(ORGANIZATION.split())
        assert ORGANIZATION in text(page.select_one(".site-footer"))


def test_the_home_page_shows_each_value_as_text(hostile):
    page = read(hostile, "index.html")
    assert text(page.h1) == SITENAME
    assert text(page.select_one(".lede")) == WORDS["home_lede"]
    labels = [text(label) for label in page.select(".contacts__label")]
    assert labels == [EMERGENCY_LABEL, ORGANIZER_ROLE, f"Board: {ORGANIZER_NAME}"]
    door = page.select_one('a.door__link[href$="code-of-conduct.html"] .door__blurb')
    assert ORGANIZATION in text(door)


@pytest.mark.parametrize("name", (*PAGES, *PRINTOUTS))
def test_each_description_holds_the_whole_value(hostile, name):
    content = description(read(hostile, name))
    if name == "index.html":
        assert content == WORDS["site_description"].replace("{organization}", ORGANIZATION)
    else:
        assert ORGANIZATION in content


def test_a_title_and_a_summary_with_markup_and_quotes_show_as_text(hostile):
    page = read(hostile, STAFF)
    assert text(page.h1) == STAFF_TITLE
    assert page.title.get_text() == f"{STAFF_TITLE} · {SITENAME}"
    assert description(page) == STAFF_SUMMARY_TEXT
    # The pages built from it name it too.
    assert STAFF_TITLE in text(read(hostile, "pocket-cards.html").select_one(".cards-intro"))
    assert STAFF_TITLE in text(read(hostile, "incident-report-form.html").select_one(".report"))


def test_a_setting_written_in_a_page_is_text_in_its_body_and_its_metadata(hostile):
    page = read(hostile, "code-of-conduct.html")
    assert text(page.h1) == f"{ORGANIZATION} Code"
    assert page.title.get_text() == f"{ORGANIZATION} Code · {SITENAME}"
    assert ORGANIZATION in description(page)
    listed = [text(item) for item in page.select(".prose li")]
    assert any(item.startswith(f"{EMERGENCY_LABEL}: 112") for item in listed), listed
    assert any(item.startswith(ORGANIZER_ROLE) for item in listed), listed


def test_the_dates_and_their_words_show_as_written(hostile):
    footer = text(read(hostile, STAFF).select_one(".build-date"))
    assert 'As "of" ' in footer and "</style><b data-injected>" in footer
    assert "<i data-injected>'d'</i>" in footer
    # The print marks' CSS holds them as CSS strings: no "</style>" ends it early.
    style = read(hostile, STAFF).find("style", media="print")
    assert "</style>" not in style.string and 'As \\"of\\"' in style.string


def test_an_address_with_a_quote_and_an_ampersand_links_as_written(hostile):
    for name in PAGES:
        page = read(hostile, name)
        links = page.select(f'a[href="mailto:{CONDUCT_EMAIL}"]')
        assert links and all(text(link) == CONDUCT_EMAIL for link in links), name
    # The page writes it as an autolink, <{{ CONDUCT_EMAIL }}>.
    prose = read(hostile, "conduct-attendee-procedure.html").select_one(".prose")
    assert CONDUCT_EMAIL in [text(a) for a in prose.select("a")]
    form = read(hostile, "incident-report-form.html").select_one("form.report-form")
    assert form["data-email"] == CONDUCT_EMAIL
    assert form["data-title"] == f"{WORDS['form_title']} · {ORGANIZATION}"
    assert form.select_one('[data-action="email"]')["href"].startswith(f"mailto:{CONDUCT_EMAIL}?")


def test_the_contacts_card_shows_each_value_as_text(hostile):
    page = read(hostile, "pocket-cards.html")
    labels = [text(label) for label in page.select(".card__contact-label")]
    assert EMERGENCY_LABEL in labels and ORGANIZER_ROLE in labels
    assert ORGANIZATION in text(page.select_one(".card__footer"))
    assert CONDUCT_EMAIL in text(page.select_one(".card__contacts"))


@pytest.mark.parametrize("name", (*PAGES, STAFF, *PRINTOUTS))
def test_the_scripts_words_parse_and_hold_the_values(hostile, name):
    page = read(hostile, name)
    # Every JSON block parses: no value closed its <script> early.
    for block in page.find_all("script", type="application/json"):
        json.loads(block.string)
    words = json.loads(page.find("script", id="handbook-words").string)
    assert words["reset"] == WORDS["reset"]
    assert words["form_title"] == WORDS["form_title"]


def test_the_manifest_parses_and_holds_the_values(hostile):
    manifest = json.loads((hostile / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == SITENAME
    assert manifest["short_name"] == SHORT_NAME
    assert manifest["description"] == APP_DESCRIPTION


def test_the_pages_are_valid_html(hostile):
    assert_valid_html(hostile)


@pytest.mark.parametrize(
    "contact,setting,message",
    [
        (
            {"label": "Police", "phone": "<b>112</b>"},
            'EMERGENCY_CONTACTS[0]["phone"]',
            "'<b>112</b>' is not a phone number",
        ),
        (
            {"label": "Police", "phone": "112", "tel": '112"><b>'},
            'EMERGENCY_CONTACTS[0]["tel"]',
            "'112\"><b>' is not a phone number",
        ),
    ],
)
def test_a_phone_with_markup_is_reported_at_its_setting(tmp_path, contact, setting, message):
    result = run_pelican(
        tmp_path / "out",
        content=copy_handbook(tmp_path / "content"),
        settings={"EMERGENCY_CONTACTS": [contact]},
    )
    assert result.returncode == 1
    assert f"{setting} {message}" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "address", ["<b>conduct</b>@lakeside-coders.test", 'x"<b>@lakeside-coders.test']
)
def test_an_address_with_markup_is_reported_at_its_setting(tmp_path, address):
    organizers = [{"role": "Conduct team", "email": address}]
    result = run_pelican(
        tmp_path / "out",
        content=copy_handbook(tmp_path / "content"),
        settings={"CONDUCT_EMAIL": address, "ORGANIZER_CONTACTS": organizers},
    )
    assert result.returncode == 1
    assert f'ORGANIZER_CONTACTS[0]["email"] {address!r} is not an email address' in result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def stock_theme(tmp_path_factory) -> Path:
    """The same, in Pelican's own theme, which escapes nothing by itself."""
    settings = {**SETTINGS, "THEME": "simple", "JINJA_ENVIRONMENT": {"autoescape": False}}
    return build_handbook(tmp_path_factory.mktemp("stock") / "output", settings)


def test_the_plugins_pages_escape_in_a_theme_without_autoescape(stock_theme):
    # The cards page is the plugin's own; the form is the plugin's, in the theme's frame.
    cards = read(stock_theme, "pocket-cards.html")
    form = read(stock_theme, "incident-report-form.html").select_one("article.report")
    for part in (cards, form):
        assert part.select("[data-injected]") == []
        assert part.find_all(lambda tag: any(a.startswith("on") for a in tag.attrs)) == []
    assert cards.title.get_text().endswith(SITENAME)
    labels = [text(label) for label in cards.select(".card__contact-label")]
    assert EMERGENCY_LABEL in labels and ORGANIZER_ROLE in labels
    assert ORGANIZATION in text(cards.select_one(".card__footer"))
    assert form.select_one("form")["data-title"] == f"{WORDS['form_title']} · {ORGANIZATION}"
