"""The contact settings: numbers as people write them, where each contact shows, addresses."""

from __future__ import annotations

import copy
import sys

import pytest
from bs4 import BeautifulSoup
from fixture_sites import copy_site
from pelican.plugins.handbook.build import checked_settings
from pelican.plugins.handbook.contacts import (
    check_contacts,
    contacts_for_templates,
    dialled,
    places,
    shown,
)
from pelican.plugins.handbook.printouts.cards import contact_lines
from pelican.plugins.handbook.signals import checking_settings


@pytest.mark.parametrize(
    ("phone", "tel"),
    [
        ("+1 (216) 208 7987", "+12162087987"),
        ("13 11 14", "131114"),
        ("000", "000"),
        ("911", "911"),
        ("988", "988"),
        ("617-555-0100", "6175550100"),
        ("617.555.0100", "6175550100"),
        (" +44 20 7946 0958 ", "+442079460958"),
        ("+61\u00a02\u20119876\u20115432", "+61298765432"),
    ],
)
def test_a_number_as_people_write_it_dials_its_digits_and_a_leading_plus(phone, tel):
    assert dialled(phone) == tel


@pytest.mark.parametrize(
    "phone", ["ask Anna", "12", "", "+", "1+2 345", "617 555 0100 ext. 12", "TBD", "0800-CALL-NOW"]
)
def test_what_cannot_be_dialled_is_refused(phone):
    with pytest.raises(ValueError, match="is not a phone number"):
        dialled(phone)


def test_a_phone_that_is_not_a_number_is_an_error_naming_the_entry():
    settings = {"ORGANIZER_CONTACTS": [{"role": "On call", "phone": "ask Anna"}]}
    assert check_contacts(settings) == [
        ('ORGANIZER_CONTACTS[0]["phone"]', "'ask Anna' is not a phone number")
    ]
    settings = {"EMERGENCY_CONTACTS": [{"label": "Police", "phone": 911}]}
    assert check_contacts(settings) == [
        ('EMERGENCY_CONTACTS[0]["phone"]', '911 is not a phone number: write it in quotes, "911"')
    ]
    settings = {"EMERGENCY_CONTACTS": [{"label": "Police", "phone": "911"}, {"label": "Help"}]}
    assert check_contacts(settings) == [
        ("EMERGENCY_CONTACTS[1]", 'has no "phone": say how to reach it')
    ]


def test_check_settings_reports_the_contacts_problems():
    _, problems = checked_settings(
        {"ORGANIZER_CONTACTS": [{"role": "On call", "phone": "ask Anna"}]}
    )
    assert problems == [('ORGANIZER_CONTACTS[0]["phone"]', "'ask Anna' is not a phone number")]


def test_good_contacts_have_no_problem():
    settings = {
        "SITENAME": "PyCon Handbook",
        "EMERGENCY_CONTACTS": [
            {"label": "Emergency", "phone": "000"},
            {"label": "Lifeline", "phone": "13 11 14", "show": ["card"]},
        ],
        "ORGANIZER_CONTACTS": [
            {"role": "On call", "name": "Anna", "phone": "+1 (216) 208 7987"},
            {
                "role": "Leads",
                "email": "conduct@pycon.org.au",
                "tel": "+61298765432",
                "phone": "(02) 9876 5432",
                "show": [],
            },
        ],
    }
    assert check_contacts(settings) == []


def test_the_tel_is_derived_from_the_phone_and_an_explicit_tel_wins():
    settings = {
        "EMERGENCY_CONTACTS": [{"label": "Emergency", "phone": "000"}],
        "ORGANIZER_CONTACTS": [
            {"role": "On call", "phone": "+1 (216) 208 7987"},
            {"role": "Desk", "phone": "ext. 4410 from any house phone", "tel": "+16175550100"},
            {"role": "Leads", "email": "leads@pycon.org.au"},
        ],
    }
    before = copy.deepcopy(settings)
    lists = contacts_for_templates(settings)
    assert [c["tel"] for c in lists["EMERGENCY_CONTACTS"]] == ["000"]
    assert [c.get("tel") for c in lists["ORGANIZER_CONTACTS"]] == [
        "+12162087987",
        "+16175550100",
        None,
    ]
    # The settings themselves are left as written: the next build starts from them.
    assert settings == before
    hrefs = [means["href"] for line in contact_lines(settings) for means in line["means"]]
    assert hrefs == ["tel:000", "tel:+12162087987", "tel:+16175550100", "mailto:leads@pycon.org.au"]


def test_an_explicit_tel_must_dial():
    settings = {
        "ORGANIZER_CONTACTS": [{"role": "Desk", "phone": "617 555 0100", "tel": "617 555 0100"}]
    }
    assert check_contacts(settings) == [
        (
            'ORGANIZER_CONTACTS[0]["tel"]',
            "'617 555 0100' is not a phone number (did you mean '6175550100'?)",
        )
    ]


def five_organizers() -> list[dict]:
    return [{"role": f"Room captain {n}", "phone": f"+1 617 555 010{n}"} for n in range(1, 6)]


def test_a_contact_without_show_shows_in_every_place():
    settings = {
        "EMERGENCY_CONTACTS": [{"label": "Police", "phone": "911"}],
        "ORGANIZER_CONTACTS": five_organizers(),
    }
    lists = contacts_for_templates(settings, places(["lobby", "home"]))
    shows = [c["show"] for kind in lists for c in lists[kind]]
    assert shows == [["lobby", "home", "card"]] * 6
    # The plugin itself shows them on the pocket contacts card.
    assert [c["show"] for c in contacts_for_templates(settings)["EMERGENCY_CONTACTS"]] == [["card"]]
    for place in ("lobby", "card"):
        assert len(shown(settings, place)) == 6, place
    assert len(contact_lines(settings)) == 6


def test_a_contact_says_where_it_shows():
    organizers = five_organizers()
    organizers[0]["show"] = ["home"]
    organizers[4]["show"] = ["lobby", "card"]
    settings = {
        "EMERGENCY_CONTACTS": [{"label": "Lifeline", "phone": "988", "show": ["card"]}],
        "ORGANIZER_CONTACTS": organizers,
    }
    assert check_contacts(settings, ["lobby", "home"]) == []
    roles = {
        place: [c.get("role") or c["label"] for _, c in shown(settings, place)]
        for place in ("lobby", "home", "card")
    }
    assert roles["lobby"] == [f"Room captain {n}" for n in (2, 3, 4, 5)]
    assert roles["home"] == [f"Room captain {n}" for n in (1, 2, 3, 4)]
    assert roles["card"] == ["Lifeline", *(f"Room captain {n}" for n in (2, 3, 4, 5))]
    assert contact_lines(settings)[0]["means"] == [{"text": "988", "href": "tel:988"}]


def test_an_unknown_place_is_an_error_with_a_did_you_mean():
    settings = {
        "ORGANIZER_CONTACTS": [
            {"role": "On call", "phone": "911", "show": ["lobyb", "cards", "wall"]}
        ]
    }
    assert check_contacts(settings, ["lobby", "home"]) == [
        ('ORGANIZER_CONTACTS[0]["show"]', "has an unknown place 'lobyb' (did you mean 'lobby'?)"),
        ('ORGANIZER_CONTACTS[0]["show"]', "has an unknown place 'cards' (did you mean 'card'?)"),
        (
            'ORGANIZER_CONTACTS[0]["show"]',
            "has an unknown place 'wall' (places: lobby, home, card)",
        ),
    ]
    settings = {"EMERGENCY_CONTACTS": [{"label": "Police", "phone": "911", "show": "home"}]}
    assert check_contacts(settings, ["home"]) == [
        (
            'EMERGENCY_CONTACTS[0]["show"]',
            "must be a list of places among 'home', 'card', not 'home'",
        )
    ]


def test_a_place_no_theme_declares_is_an_error():
    """Without HANDBOOK["contact_places"], the plugin knows the card alone."""
    settings = {"ORGANIZER_CONTACTS": [{"role": "On call", "phone": "911", "show": ["home"]}]}
    _, problems = checked_settings(settings)
    assert problems == [
        ('ORGANIZER_CONTACTS[0]["show"]', "has an unknown place 'home' (places: card)")
    ]
    _, problems = checked_settings({**settings, "HANDBOOK": {"contact_places": ["home"]}})
    assert problems == []
    _, problems = checked_settings({"HANDBOOK": {"contact_places": "home"}})
    assert problems == [("HANDBOOK['contact_places']", "must be a list of strings, not 'home'")]


def test_a_misspelt_key_is_an_error_and_other_keys_are_the_organizations_own():
    settings = {"ORGANIZER_CONTACTS": [{"role": "On call", "phnoe": "911", "pronouns": "she/her"}]}
    assert check_contacts(settings) == [
        ("ORGANIZER_CONTACTS[0]", "has an unknown key 'phnoe' (did you mean 'phone'?)"),
        ("ORGANIZER_CONTACTS[0]", 'has no "phone" or "email": say how to reach it'),
    ]


def test_a_value_left_as_a_placeholder_is_no_number_nor_address_to_the_plugin():
    settings = {
        "CONDUCT_EMAIL": "",
        "EMERGENCY_CONTACTS": [{"label": "Police", "phone": "NNN"}],
        "ORGANIZER_CONTACTS": [{"role": "On call", "email": "oncall@example.org", "tel": "TODO"}],
    }
    assert check_contacts(settings) == [
        ('EMERGENCY_CONTACTS[0]["phone"]', "'NNN' is not a phone number"),
        ('ORGANIZER_CONTACTS[0]["tel"]', "'TODO' is not a phone number"),
        ("CONDUCT_EMAIL", "'' is not an email address"),
    ]


def call_them_placeholders(settings: dict) -> list[tuple[str, str]]:
    """A site's own settings check, as a site plugin connects it."""
    return [
        ('EMERGENCY_CONTACTS[0]["phone"]', "'NNN' is a placeholder: put your own value"),
        ("SITENAME", "'TODO' is a placeholder: put your own value"),
    ]


def test_another_plugins_problem_with_a_setting_replaces_the_plugins_own():
    settings = {
        "SITENAME": "TODO",
        "EMERGENCY_CONTACTS": [{"label": "Police", "phone": "NNN"}, {"label": "Help"}],
    }
    checking_settings.connect(call_them_placeholders)
    try:
        _, problems = checked_settings(settings)
    finally:
        checking_settings.disconnect(call_them_placeholders)
    assert problems == [
        ("EMERGENCY_CONTACTS[1]", 'has no "phone": say how to reach it'),
        *call_them_placeholders(settings),
    ]
    _, problems = checked_settings(settings)
    assert ('EMERGENCY_CONTACTS[0]["phone"]', "'NNN' is not a phone number") in problems


# -- Builds of a fixture site, in-process -------------------------------------


@pytest.fixture
def named_settings_file(monkeypatch):
    """Run as `pelican -s pelicanconf.py` would, so messages name that settings file."""
    monkeypatch.setattr(sys, "argv", ["pelican", "-s", "pelicanconf.py"])


def test_a_build_with_a_phone_that_is_not_a_number_names_the_setting(
    build_site, tmp_path, named_settings_file
):
    built = build_site(
        copy_site(tmp_path), ORGANIZER_CONTACTS=[{"role": "On call", "phone": "ask Anna"}]
    )
    assert built.status == 1
    assert built.problems() == [
        """pelicanconf.py: ORGANIZER_CONTACTS[0]["phone"] 'ask Anna' is not a phone number"""
    ]
    assert "Traceback" not in built.stderr


def test_the_contacts_card_dials_the_number_as_people_write_it(build_site, tmp_path):
    organizers = [*five_organizers(), {"role": "Desk", "phone": "ext. 4410", "tel": "+16175550199"}]
    organizers[0] = {"role": "On call", "phone": "+1 (216) 208 7987"}
    organizers[1]["show"] = ["home"]
    built = build_site(
        copy_site(tmp_path),
        EMERGENCY_CONTACTS=[{"label": "Emergency", "phone": "000"}],
        ORGANIZER_CONTACTS=organizers,
        HANDBOOK={"contact_places": ["home"]},
    )
    assert built.status == 0, built.stderr
    cards = BeautifulSoup(
        (built.output / "pocket-cards.html").read_text(encoding="utf-8"), "html.parser"
    )
    links = [(a.get_text(strip=True), a["href"]) for a in cards.select(".card__contact a")]
    assert links == [
        ("000", "tel:000"),
        ("+1 (216) 208 7987", "tel:+12162087987"),
        ("+1 617 555 0103", "tel:+16175550103"),
        ("+1 617 555 0104", "tel:+16175550104"),
        ("+1 617 555 0105", "tel:+16175550105"),
        ("ext. 4410", "tel:+16175550199"),
    ]


# -- Address settings: reported at the setting, not at a broken mailto: link --


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (None, "None is not an email address"),
        ("conduct at tidewater-py.test", "'conduct at tidewater-py.test' is not an email address"),
        (["conduct@tidewater-py.test"], "['conduct@tidewater-py.test'] is not an email address"),
    ],
)
def test_conduct_email_must_be_an_address(value, problem):
    assert check_contacts({"CONDUCT_EMAIL": value}) == [("CONDUCT_EMAIL", problem)]


def test_an_address_setting_pages_see_must_be_an_address_and_others_are_not_checked():
    settings = {
        "CONDUCT_EMAIL": "conduct@tidewater-py.test",
        "LEADERS_EMAIL": None,
        "AUTHOR_EMAIL": None,
        "HANDBOOK": {"content_settings": ["CONDUCT_EMAIL", "LEADERS_EMAIL"]},
    }
    assert check_contacts(settings, (), settings["HANDBOOK"]["content_settings"]) == [
        ("LEADERS_EMAIL", "None is not an email address")
    ]
    assert check_contacts({}) == []


def test_a_build_with_conduct_email_none_names_the_setting_not_a_page(
    build_site, tmp_path, named_settings_file
):
    built = build_site(copy_site(tmp_path), CONDUCT_EMAIL=None)
    assert built.status == 1
    assert built.problems() == ["pelicanconf.py: CONDUCT_EMAIL None is not an email address"]
    assert "mailto:None" not in built.stderr and "Traceback" not in built.stderr


def test_a_contact_with_a_phone_and_an_email_is_one_line_with_both():
    settings = {
        "CONDUCT_EMAIL": "conduct@tidewater-py.test",
        "ORGANIZER_CONTACTS": [
            {"role": "Chair", "name": "Ana", "phone": "+351 21 000 0000", "email": "ana@t.test"},
            {"role": "Committee", "email": "conduct@tidewater-py.test"},
        ],
    }
    assert contact_lines(settings) == [
        {
            "label": "Chair: Ana",
            "means": [
                {"text": "+351 21 000 0000", "href": "tel:+351210000000"},
                {"text": "ana@t.test", "href": "mailto:ana@t.test"},
            ],
            "emergency": False,
        },
        # The conduct address is a contact's already: not written twice.
        {
            "label": "Committee",
            "means": [
                {"text": "conduct@tidewater-py.test", "href": "mailto:conduct@tidewater-py.test"}
            ],
            "emergency": False,
        },
    ]
