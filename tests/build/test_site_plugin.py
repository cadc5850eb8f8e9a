"""The site plugin (plugins/handbook_site): its theme's words, where contacts show, placeholders.

Unit tests of its rules, and builds of the fixture handbook with the site's
theme and the site plugin (pelicanconf.py loads it), never the real content.
"""

from __future__ import annotations

import copy
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from handbook_site.contacts import with_default_places
from handbook_site.placeholders import placeholder_problems
from handbook_site.site import give_site_parts
from handbook_site.words import THEME_WORDS
from pelican.plugins.handbook.contacts import shown
from pelican.plugins.handbook.printouts.cards import contact_lines

from tests.helpers import FIXTURE_ORGANIZATION, HANDBOOK, ROOT, run_pelican, without_printouts

SETTINGS_FILE = ROOT / "pelicanconf.py"


def five_organizers() -> list[dict]:
    return [{"role": f"Room captain {n}", "phone": f"+1 617 555 010{n}"} for n in range(1, 6)]


def placed(settings: dict) -> dict:
    """Return `settings` as the site plugin gives them to the handbook plugin."""
    pelican = SimpleNamespace(settings=copy.deepcopy(settings))
    give_site_parts(pelican)
    return pelican.settings


# -- Where contacts show -----------------------------------------------------------


def test_by_default_only_two_organizers_are_on_the_first_screen_and_emergency_everywhere():
    settings = placed(
        {
            "EMERGENCY_CONTACTS": [{"label": "Police", "phone": "911"}],
            "ORGANIZER_CONTACTS": five_organizers(),
        }
    )
    first = [c.get("role") or c["label"] for _, c in shown(settings, "first_screen")]
    assert first == ["Police", "Room captain 1", "Room captain 2"]
    for place in ("home", "card"):
        assert len(shown(settings, place)) == 6, place
    assert len(contact_lines(settings)) == 6


def test_a_contact_that_says_where_it_shows_keeps_it():
    organizers = five_organizers()
    organizers[0]["show"] = ["home"]
    organizers[4]["show"] = ["first_screen", "card"]
    settings = placed({"ORGANIZER_CONTACTS": organizers})
    roles = {
        place: [c["role"] for _, c in shown(settings, place)]
        for place in ("first_screen", "home", "card")
    }
    assert roles["first_screen"] == ["Room captain 2", "Room captain 5"]
    assert roles["home"] == [f"Room captain {n}" for n in (1, 2, 3, 4)]
    assert roles["card"] == [f"Room captain {n}" for n in (2, 3, 4, 5)]


def test_the_settings_files_lists_are_copied_not_changed():
    given = {"HANDBOOK": {"words": {}}, "ORGANIZER_CONTACTS": five_organizers()}
    before = copy.deepcopy(given)
    pelican = SimpleNamespace(settings=dict(given))
    give_site_parts(pelican)
    assert given == before
    assert pelican.settings["ORGANIZER_CONTACTS"][2]["show"] == ["home", "card"]
    # What is no list is left as it is, for the handbook plugin to name.
    assert with_default_places("EMERGENCY_CONTACTS", "911") == "911"


def test_the_theme_words_and_places_go_under_the_settings_own():
    settings = placed(
        {"HANDBOOK": {"theme_words": {"skip_link": "Skip"}, "contact_places": ["lobby"]}}
    )
    assert settings["HANDBOOK"]["theme_words"] == {**THEME_WORDS, "skip_link": "Skip"}
    assert settings["HANDBOOK"]["contact_places"] == ["first_screen", "home", "lobby"]
    # A HANDBOOK that is no dict is the handbook plugin's to name.
    assert placed({"HANDBOOK": ["words"]})["HANDBOOK"] == ["words"]


# -- Placeholders left in the organization's settings -------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "TODO",
        "todo: the venue's number",
        "XXX",
        "Call xxx",
        "NNN-NNN-NNNN",
        "+1 617 NNN 0100",
        "conduct@example.org",
        "leads@example.com",
        "https://example.net/report",
        "https://www.example.org",
        "",
        "   ",
    ],
)
def test_a_placeholder_in_the_organizations_settings_fails_naming_the_setting(value):
    settings = {"VENUE": value, "HANDBOOK": {"content_settings": ["VENUE"]}}
    problem = f"{value!r} is a placeholder: put your own value"
    assert placeholder_problems(settings) == [("VENUE", problem)]


@pytest.mark.parametrize(
    "value", ["Todos Santos", "conduct@myexample.org", "https://example.org.uk", "Boxxxer", "0"]
)
def test_words_that_only_look_like_placeholders_are_not(value):
    settings = {"VENUE": value, "HANDBOOK": {"content_settings": ["VENUE"]}}
    assert placeholder_problems(settings) == []


def test_placeholders_are_found_in_every_organization_setting_and_inside_lists_and_dicts():
    settings = {
        "SITENAME": "TODO: our name",
        "NOT_SHARED": "TODO",
        "VENUE": {"rooms": ["Room 23", "Room XXX"], "map": "https://example.com/map"},
        "EMERGENCY_CONTACTS": [{"label": "Police", "phone": "NNN"}],
        "ORGANIZER_CONTACTS": [{"role": "On call", "email": "oncall@example.org"}, {"role": ""}],
        "CONDUCT_EMAIL": "TODO",
        "HANDBOOK": {"content_settings": ["VENUE", "SITENAME"]},
    }
    assert sorted(placeholder_problems(settings)) == [
        ("CONDUCT_EMAIL", "'TODO' is a placeholder: put your own value"),
        ('EMERGENCY_CONTACTS[0]["phone"]', "'NNN' is a placeholder: put your own value"),
        (
            'ORGANIZER_CONTACTS[0]["email"]',
            "'oncall@example.org' is a placeholder: put your own value",
        ),
        ('ORGANIZER_CONTACTS[1]["role"]', "'' is a placeholder: put your own value"),
        ("SITENAME", "'TODO: our name' is a placeholder: put your own value"),
        ('VENUE["map"]', "'https://example.com/map' is a placeholder: put your own value"),
        ('VENUE["rooms"][1]', "'Room XXX' is a placeholder: put your own value"),
    ]


# -- Builds of the fixture handbook --------------------------------------------------


def test_the_sites_settings_mistakes_are_one_list_each_setting_told_once(tmp_path):
    """Placeholders, a misplaced contact and a misspelt theme word: one list, one build."""
    handbook = FIXTURE_ORGANIZATION["HANDBOOK"]
    settings = {
        "SITENAME": "TODO: our name",
        "CONDUCT_EMAIL": "TODO",
        "EMERGENCY_CONTACTS": [{"label": "Police", "phone": "NNN"}],
        "ORGANIZER_CONTACTS": [
            {"role": "On call", "email": "oncall@example.org", "show": ["frist_screen"]},
            {"role": "Desk", "phone": "ask Anna", "show": ["wall"]},
        ],
        "HANDBOOK": {**handbook, "words": {**handbook["words"], "skip_lnik": "Skip"}},
    }
    result = run_pelican(tmp_path / "output", content=HANDBOOK, settings=settings)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    problems = [line for line in result.stderr.splitlines() if "handbook:" not in line]
    assert problems == [
        # The settings file, named from the folder the build runs in.
        f"{SETTINGS_FILE.relative_to(ROOT)}: {line}"
        for line in (
            "CONDUCT_EMAIL 'TODO' is a placeholder: put your own value",
            """EMERGENCY_CONTACTS[0]["phone"] 'NNN' is a placeholder: put your own value""",
            "HANDBOOK['words'] has an unknown key 'skip_lnik' (did you mean 'skip_link'?)",
            """ORGANIZER_CONTACTS[0]["email"] 'oncall@example.org' is a placeholder:"""
            " put your own value",
            """ORGANIZER_CONTACTS[0]["show"] has an unknown place 'frist_screen'"""
            " (did you mean 'first_screen'?)",
            """ORGANIZER_CONTACTS[1]["phone"] 'ask Anna' is not a phone number""",
            """ORGANIZER_CONTACTS[1]["show"] has an unknown place 'wall'"""
            " (places: first_screen, home, card)",
            "SITENAME 'TODO: our name' is a placeholder: put your own value",
        )
    ]
    assert not (tmp_path / "output" / "index.html").exists()


def test_a_site_changes_a_theme_word_in_its_words(tmp_path):
    # The words looked at are on the staff page: no printouts to render.
    handbook = without_printouts()
    words = {**handbook["words"], "skip_link": "Aller au contenu", "danger_title": "Danger"}
    result = run_pelican(
        tmp_path / "output",
        content=HANDBOOK,
        settings={"MENU_PAGES": [], "HANDBOOK": {**handbook, "words": words}},
    )
    assert result.returncode == 0, result.stderr
    staff = tmp_path / "output" / "conduct-staff-procedure.html"
    page = BeautifulSoup(staff.read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("a.skip-link").get_text() == "Aller au contenu"
    assert page.select_one("#danger").get_text() == "Danger"
    # The other theme words keep the site plugin's defaults.
    assert page.select_one("#toc-title").get_text() == THEME_WORDS["toc_checklists"]
