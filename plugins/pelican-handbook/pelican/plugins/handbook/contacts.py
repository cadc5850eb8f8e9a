"""The contact settings: numbers as people write them, and where each contact shows.

EMERGENCY_CONTACTS and ORGANIZER_CONTACTS are lists of dicts. A `phone` is
written for people ("+1 (216) 208 7987", "13 11 14", "000"); the `tel:` link
dials `dialled(phone)` unless the contact gives its own `tel`. `show` lists
where a contact appears: the pocket contacts card ("card"), and the places a
theme shows contacts in (HANDBOOK["contact_places"]); a contact without
`show` appears in every one. An address setting (CONDUCT_EMAIL, `*_EMAIL`
that pages see) must be one.
"""

from __future__ import annotations

import contextlib
import re

from .hints import did_you_mean
from .linkcheck.targets import dialled as dialled_digits
from .linkcheck.targets import scheme_problem

# The place the plugin itself shows contacts in: the pocket contacts card.
CARD = "card"

# Each contact list: the key that names the contact, the keys it reads, and
# the keys of which it needs at least one (how to reach the contact).
LISTS = {
    "EMERGENCY_CONTACTS": ("label", ("label", "phone", "tel", "show"), ("phone",)),
    "ORGANIZER_CONTACTS": (
        "role",
        ("role", "name", "email", "phone", "tel", "show"),
        ("phone", "email"),
    ),
}
# The address the contacts card and the report form's email button write to:
# when set, it must be one, or the mailto: link is broken on every page.
CONDUCT_EMAIL = "CONDUCT_EMAIL"

# Digits and what people put between them: spaces, dots, dashes, parentheses;
# a "+" only in front.
_WRITTEN_PHONE = re.compile(r"\+?[0-9\s().\-\u2010-\u2015]+")


def places(theme_places: list[str]) -> tuple[str, ...]:
    """Return every place a contact can show in: the theme's, then the card."""
    return tuple(dict.fromkeys([*theme_places, CARD]))


def dialled(phone: str) -> str:
    """Return what a phone dials for a number written for people: its digits, and a leading '+'.

    "+1 (216) 208 7987" dials "+12162087987", "13 11 14" dials "131114".
    Raise ValueError for what cannot be dialled: fewer than 3 digits, or
    anything besides digits, spaces, dots, dashes, parentheses and a leading "+".
    """
    written = phone.strip() if isinstance(phone, str) else ""
    if not _WRITTEN_PHONE.fullmatch(written) or len(re.sub(r"[^0-9]", "", written)) < 3:
        raise ValueError(f"{phone!r} is not a phone number")
    return dialled_digits(written)


def contacts_for_templates(
    settings: dict, where: tuple[str, ...] = (CARD,)
) -> dict[str, list[dict]]:
    """Return EMERGENCY_CONTACTS and ORGANIZER_CONTACTS as templates and pages should see them.

    Each contact is a copy with `tel` filled in from its `phone` when it has
    none, and `show` filled in with every place of `where` when it has none.
    The settings are not changed, so every build (and every test) starts
    from what the file says. A contact the settings check rejects is passed
    on as it is.
    """
    lists = {}
    for kind in LISTS:
        given = settings.get(kind) or []
        contacts = []
        for contact in given if isinstance(given, (list, tuple)) else []:
            if not isinstance(contact, dict):
                continue
            contact = dict(contact)
            if not contact.get("tel") and contact.get("phone"):
                with contextlib.suppress(ValueError):  # the settings check reports it
                    contact["tel"] = dialled(contact["phone"])
            if contact.get("show") is None:
                contact["show"] = list(where)
            contacts.append(contact)
        lists[kind] = contacts
    return lists


def shown(settings: dict, place: str) -> list[tuple[str, dict]]:
    """Return (list name, contact) for each contact shown at `place`, emergency ones first."""
    lists = contacts_for_templates(settings, (place,))
    return [
        (kind, contact) for kind in LISTS for contact in lists[kind] if place in contact["show"]
    ]


def is_address(value) -> bool:
    """Say whether a setting's value is one email address (a mailto: link with none is valid)."""
    return (
        isinstance(value, str)
        and bool(value.strip())
        and not scheme_problem(f"mailto:{value.strip()}")
    )


def item_name(name: str, key) -> str:
    """Return how the settings file spells item `key` of setting `name`."""
    if isinstance(key, int):
        return f"{name}[{key}]"
    if isinstance(key, str) and '"' not in key and "\\" not in key:
        return f'{name}["{key}"]'
    return f"{name}[{key!r}]"


def _place_problems(name: str, show, where: tuple[str, ...]) -> list[tuple[str, str]]:
    if not isinstance(show, (list, tuple)) or not all(isinstance(p, str) for p in show):
        listed = ", ".join(repr(p) for p in where)
        return [(name, f"must be a list of places among {listed}, not {show!r}")]
    problems = []
    for place in show:
        if place not in where:
            hint = did_you_mean(place, where) or " (places: " + ", ".join(where) + ")"
            problems.append((name, f"has an unknown place {place!r}{hint}"))
    return problems


def _means_problems(entry: str, contact: dict) -> list[tuple[str, str]]:
    """Return what is wrong with how a contact is reached: its phone, tel and email."""
    problems = []
    phone, tel = contact.get("phone"), contact.get("tel")
    # With a `tel` of its own, the phone is only the text people read.
    if phone is not None and tel is None:
        try:
            dialled(phone)
        except ValueError:
            quote = "" if isinstance(phone, str) else f': write it in quotes, "{phone}"'
            problems.append((item_name(entry, "phone"), f"{phone!r} is not a phone number{quote}"))
    if tel is not None:
        if not isinstance(tel, str) or scheme_problem(f"tel:{tel}"):
            try:
                hint = f" (did you mean {dialled(tel)!r}?)"
            except ValueError:
                hint = ""
            problems.append((item_name(entry, "tel"), f"{tel!r} is not a phone number{hint}"))
        elif phone is None:
            problems.append((entry, 'has a "tel" but no "phone": write the number for people too'))
    email = contact.get("email")
    if email is not None and not is_address(email):
        problems.append((item_name(entry, "email"), f"{email!r} is not an email address"))
    return problems


def _contact_problems(kind: str, index: int, contact, where) -> list[tuple[str, str]]:
    """Return what is wrong with one contact of list `kind`, each as (entry, problem)."""
    entry = item_name(kind, index)
    if not isinstance(contact, dict):
        return [(entry, f"must be a dict, not {contact!r}")]
    label, known, reach = LISTS[kind]
    problems = []
    for key in contact:
        # Other keys are the organization's own, for its pages; a near miss is a typo.
        hint = did_you_mean(str(key), known) if key not in known else ""
        if hint:
            problems.append((entry, f"has an unknown key {key!r}{hint}"))
    if not isinstance(contact.get(label), str):
        problems.append((entry, f'has no "{label}": say who it reaches'))
    if not any(contact.get(key) is not None for key in reach):
        ways = " or ".join(f'"{key}"' for key in reach)
        problems.append((entry, f"has no {ways}: say how to reach it"))
    problems += _means_problems(entry, contact)
    if "show" in contact:
        problems += _place_problems(item_name(entry, "show"), contact["show"], where)
    return problems


def _email_problems(settings: dict, content_settings: list[str]) -> list[tuple[str, str]]:
    """Return a problem for each address setting that is no address.

    CONDUCT_EMAIL, and each `*_EMAIL` setting that pages see (content_settings):
    a page or template makes a mailto: link of it, which would be reported at
    the written page instead of at the setting.
    """
    names = [CONDUCT_EMAIL, *(n for n in content_settings if n.endswith("_EMAIL"))]
    problems = []
    for name in dict.fromkeys(name for name in names if name in settings):
        value = settings[name]
        if not is_address(value):
            problems.append((name, f"{value!r} is not an email address"))
    return problems


def check_contacts(settings: dict, contact_places=(), content_settings=()) -> list[tuple[str, str]]:
    """Return each (setting, problem) of the contact lists and the address settings.

    `contact_places` and `content_settings` are the plugin's checked
    HANDBOOK's. Names are spelt as in the settings file
    (`ORGANIZER_CONTACTS[0]["phone"]`), for messages such as
    `pelicanconf.py: ORGANIZER_CONTACTS[0]["phone"] 'ask Anna' is not a phone number`.
    """
    where = places(contact_places)
    problems = []
    for kind in LISTS:
        if kind not in settings:
            continue
        contacts = settings[kind]
        if not isinstance(contacts, (list, tuple)):
            problems.append((kind, f"must be a list of dicts, not {contacts!r}"))
            continue
        for index, contact in enumerate(contacts):
            problems += _contact_problems(kind, index, contact, where)
    return problems + _email_problems(settings, content_settings)
