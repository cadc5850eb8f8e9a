"""The contact settings: numbers as people write them, where each contact shows, placeholders.

EMERGENCY_CONTACTS and ORGANIZER_CONTACTS are lists of dicts. A `phone` is
written for people ("+1 (216) 208 7987", "13 11 14", "000"); the `tel:` link
dials `dialled(phone)` unless the contact gives its own `tel`. `show` lists
where a contact appears, among PLACES; by default an emergency contact shows
everywhere, an organizer contact on the home page and the contacts card, and
only the first FIRST_SCREEN_ORGANIZERS organizer contacts on the first screen
(the "If anyone is in danger" box), so a long list never pushes the first
checklist off a phone's first screen.

The organization's settings must not ship with placeholders left in them:
TODO, XXX, NNN, an example.com/.org/.net address, or an empty string; and
an address setting (CONDUCT_EMAIL, `*_EMAIL` that pages see) must be one.
"""

from __future__ import annotations

import contextlib
import re

from .hints import did_you_mean
from .linkcheck.targets import dialled as dialled_digits
from .linkcheck.targets import scheme_problem

# Where a contact can appear: the danger box at the top of a `Contacts: first`
# page, the home page's list, and the pocket contacts card.
PLACES = ("first_screen", "home", "card")
# Organizer contacts on the first screen when they do not say: the first two.
FIRST_SCREEN_ORGANIZERS = 2

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
# The organization's settings always checked for placeholders, besides those
# HANDBOOK["content_settings"] names.
ORGANIZATION_SETTINGS = ("SITENAME", "EMERGENCY_CONTACTS", "ORGANIZER_CONTACTS")
# The address the contacts card and the report form's email button write to:
# when set, it must be one, or the mailto: link is broken on every page.
CONDUCT_EMAIL = "CONDUCT_EMAIL"

# Digits and what people put between them: spaces, dots, dashes, parentheses;
# a "+" only in front.
_WRITTEN_PHONE = re.compile(r"\+?[0-9\s().\-\u2010-\u2015]+")
_PLACEHOLDER_WORD = re.compile(r"\b(?:todo|xxx|nnn)\b", re.IGNORECASE)
# example.com, example.org, example.net, and any name below them, in an
# address or a URL; not "myexample.org" or "example.org.uk".
_PLACEHOLDER_DOMAIN = re.compile(
    r"(?<![\w-])example\.(?:com|org|net)(?![\w-]|\.[\w])", re.IGNORECASE
)


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


def default_places(kind: str, index: int) -> list[str]:
    """Return where contact number `index` of list `kind` shows when it does not say."""
    if kind == "EMERGENCY_CONTACTS" or index < FIRST_SCREEN_ORGANIZERS:
        return list(PLACES)
    return [place for place in PLACES if place != "first_screen"]


def contacts_for_templates(settings: dict) -> dict[str, list[dict]]:
    """Return EMERGENCY_CONTACTS and ORGANIZER_CONTACTS as templates and pages should see them.

    Each contact is a copy with `tel` filled in from its `phone` when it has
    none, and `show` filled in with its default places. The settings are not
    changed, so every build (and every test) starts from what the file says.
    A contact the settings check rejects is passed on as it is.
    """
    lists = {}
    for kind in LISTS:
        given = settings.get(kind) or []
        contacts = []
        for index, contact in enumerate(given if isinstance(given, (list, tuple)) else []):
            if not isinstance(contact, dict):
                continue
            contact = dict(contact)
            if not contact.get("tel") and contact.get("phone"):
                with contextlib.suppress(ValueError):  # the settings check reports it
                    contact["tel"] = dialled(contact["phone"])
            if contact.get("show") is None:
                contact["show"] = default_places(kind, index)
            contacts.append(contact)
        lists[kind] = contacts
    return lists


def shown(settings: dict, place: str) -> list[tuple[str, dict]]:
    """Return (list name, contact) for each contact shown at `place`, emergency ones first."""
    lists = contacts_for_templates(settings)
    return [
        (kind, contact) for kind in LISTS for contact in lists[kind] if place in contact["show"]
    ]


def is_placeholder(value) -> bool:
    """Say whether a setting's text was left as a placeholder: TODO, XXX, NNN, example.org, ''."""
    return isinstance(value, str) and (
        not value.strip()
        or _PLACEHOLDER_WORD.search(value) is not None
        or _PLACEHOLDER_DOMAIN.search(value) is not None
    )


def _item(name: str, key) -> str:
    """Return how the settings file spells item `key` of setting `name`."""
    if isinstance(key, int):
        return f"{name}[{key}]"
    if isinstance(key, str) and '"' not in key and "\\" not in key:
        return f'{name}["{key}"]'
    return f"{name}[{key!r}]"


def _placeholders(name: str, value) -> list[tuple[str, str]]:
    """Return a problem for each placeholder in `value`, looking into lists and dicts."""
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _placeholders(_item(name, key), item)]
    if isinstance(value, (list, tuple)):
        return [p for n, item in enumerate(value) for p in _placeholders(_item(name, n), item)]
    if is_placeholder(value):
        return [(name, f"{value!r} is a placeholder: put your own value")]
    return []


def _organization_settings(settings: dict) -> list[str]:
    """Return the organization's settings, each once: the contacts, and those pages see."""
    names = list(ORGANIZATION_SETTINGS)
    handbook = settings.get("HANDBOOK")
    named = handbook.get("content_settings", []) if isinstance(handbook, dict) else []
    if isinstance(named, (list, tuple)):
        names += [name for name in named if isinstance(name, str)]
    return [name for n, name in enumerate(names) if name in settings and name not in names[:n]]


def _place_problems(name: str, show) -> list[tuple[str, str]]:
    if not isinstance(show, (list, tuple)) or not all(isinstance(p, str) for p in show):
        places = ", ".join(repr(p) for p in PLACES)
        return [(name, f"must be a list of places among {places}, not {show!r}")]
    problems = []
    for place in show:
        if place not in PLACES:
            hint = did_you_mean(place, PLACES) or " (places: " + ", ".join(PLACES) + ")"
            problems.append((name, f"has an unknown place {place!r}{hint}"))
    return problems


def _contact_problems(kind: str, index: int, contact) -> list[tuple[str, str]]:
    """Return what is wrong with one contact of list `kind`, each as (entry, problem)."""
    entry = _item(kind, index)
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
    phone, tel = contact.get("phone"), contact.get("tel")
    # With a `tel` of its own, the phone is only the text people read.
    if phone is not None and tel is None and not is_placeholder(phone):
        try:
            dialled(phone)
        except ValueError:
            quote = "" if isinstance(phone, str) else f': write it in quotes, "{phone}"'
            problems.append((_item(entry, "phone"), f"{phone!r} is not a phone number{quote}"))
    if tel is not None and not is_placeholder(tel):
        if not isinstance(tel, str) or scheme_problem(f"tel:{tel}"):
            try:
                hint = f" (did you mean {dialled(tel)!r}?)"
            except ValueError:
                hint = ""
            problems.append((_item(entry, "tel"), f"{tel!r} is not a phone number{hint}"))
        elif phone is None:
            problems.append((entry, 'has a "tel" but no "phone": write the number for people too'))
    email = contact.get("email")
    if (
        email is not None
        and not is_placeholder(email)
        and (not isinstance(email, str) or scheme_problem(f"mailto:{email}"))
    ):
        problems.append((_item(entry, "email"), f"{email!r} is not an email address"))
    if "show" in contact:
        problems += _place_problems(_item(entry, "show"), contact["show"])
    return problems


def _email_problems(settings: dict) -> list[tuple[str, str]]:
    """Return a problem for each address setting that is no address.

    CONDUCT_EMAIL, and each `*_EMAIL` setting that pages see (content_settings):
    a page or template makes a mailto: link of it, which would be reported at
    the written page instead of at the setting.
    """
    organization = _organization_settings(settings)
    names = [CONDUCT_EMAIL, *(n for n in organization if n.endswith("_EMAIL"))]
    problems = []
    for name in dict.fromkeys(name for name in names if name in settings):
        value = settings[name]
        if is_placeholder(value):
            # Named as a placeholder, once.
            problems += [] if name in organization else _placeholders(name, value)
            continue
        if not isinstance(value, str) or scheme_problem(f"mailto:{value.strip()}"):
            problems.append((name, f"{value!r} is not an email address"))
    return problems


def check_contacts(settings: dict) -> list[tuple[str, str]]:
    """Return each (setting, problem) of the contact lists and the organization's settings.

    Names are spelt as in the settings file (`ORGANIZER_CONTACTS[0]["phone"]`),
    for messages such as `pelicanconf.py: ORGANIZER_CONTACTS[0]["phone"] 'ask
    Anna' is not a phone number`.
    """
    problems = []
    for kind in LISTS:
        if kind not in settings:
            continue
        contacts = settings[kind]
        if not isinstance(contacts, (list, tuple)):
            problems.append((kind, f"must be a list of dicts, not {contacts!r}"))
            continue
        for index, contact in enumerate(contacts):
            problems += _contact_problems(kind, index, contact)
    for name in _organization_settings(settings):
        problems += _placeholders(name, settings[name])
    return problems + _email_problems(settings)
