"""Where this site's contacts show by default: the first screen, the home page, the card.

A contact's `show` names the places it appears in (pelicanconf.py). This
theme shows contacts in two places besides the plugin's pocket card: the
"If anyone is in danger" box of a `Contacts: first` page ("first_screen")
and the home page ("home"). A contact that does not say shows where this
site puts it: an emergency contact everywhere; an organizer contact on the
home page and the card, and on the first screen only the first
FIRST_SCREEN_ORGANIZERS, so a long list never pushes the first checklist off
a phone's first screen.
"""

from __future__ import annotations

# The places the theme shows contacts in, besides the plugin's "card".
PLACES = ("first_screen", "home")
CARD = "card"
# Organizer contacts on the first screen when they do not say: the first two.
FIRST_SCREEN_ORGANIZERS = 2
LISTS = ("EMERGENCY_CONTACTS", "ORGANIZER_CONTACTS")


def default_places(kind: str, index: int) -> list[str]:
    """Return where contact number `index` of list `kind` shows when it does not say."""
    if kind == "EMERGENCY_CONTACTS" or index < FIRST_SCREEN_ORGANIZERS:
        return [*PLACES, CARD]
    return ["home", CARD]


def with_default_places(kind: str, contacts):
    """Return a copy of a contact list, each contact without `show` given this site's default.

    What is no list of dicts is returned as it is, for the plugin's check to name.
    """
    if not isinstance(contacts, (list, tuple)):
        return contacts
    return [
        {**contact, "show": default_places(kind, index)}
        if isinstance(contact, dict) and "show" not in contact
        else contact
        for index, contact in enumerate(contacts)
    ]
