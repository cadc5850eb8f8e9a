"""The organization's settings must not ship with placeholders left in them.

A fork of this handbook changes pelicanconf.py's first block; a value left
as the template's TODO, XXX, NNN, an example.com/.org/.net address or ""
would reach every page and card. Checked are SITENAME, the contact lists and
every setting the pages see (HANDBOOK["content_settings"]), inside their
lists and dicts; each problem names the item as the settings file spells it.
"""

from __future__ import annotations

import re

from pelican.plugins.handbook.contacts import item_name

# The organization's settings always checked, besides those the pages see.
ORGANIZATION_SETTINGS = ("SITENAME", "EMERGENCY_CONTACTS", "ORGANIZER_CONTACTS")

_PLACEHOLDER_WORD = re.compile(r"\b(?:todo|xxx|nnn)\b", re.IGNORECASE)
# example.com, example.org, example.net, and any name below them, in an
# address or a URL; not "myexample.org" or "example.org.uk".
_PLACEHOLDER_DOMAIN = re.compile(
    r"(?<![\w-])example\.(?:com|org|net)(?![\w-]|\.[\w])", re.IGNORECASE
)


def is_placeholder(value) -> bool:
    """Say whether a setting's text was left as a placeholder: TODO, XXX, NNN, example.org, ''."""
    return isinstance(value, str) and (
        not value.strip()
        or _PLACEHOLDER_WORD.search(value) is not None
        or _PLACEHOLDER_DOMAIN.search(value) is not None
    )


def placeholders_in(name: str, value) -> list[tuple[str, str]]:
    """Return a problem for each placeholder in `value`, looking into lists and dicts."""
    if isinstance(value, dict):
        return [
            p for key, item in value.items() for p in placeholders_in(item_name(name, key), item)
        ]
    if isinstance(value, (list, tuple)):
        return [
            p for n, item in enumerate(value) for p in placeholders_in(item_name(name, n), item)
        ]
    if is_placeholder(value):
        return [(name, f"{value!r} is a placeholder: put your own value")]
    return []


def organization_settings(settings: dict) -> list[str]:
    """Return the organization's settings, each once: the contacts, and those pages see."""
    names = list(ORGANIZATION_SETTINGS)
    handbook = settings.get("HANDBOOK")
    named = handbook.get("content_settings", []) if isinstance(handbook, dict) else []
    if isinstance(named, (list, tuple)):
        names += [name for name in named if isinstance(name, str)]
    return [name for name in dict.fromkeys(names) if name in settings]


def placeholder_problems(settings: dict) -> list[tuple[str, str]]:
    """Return each (setting, problem) of a placeholder left in the organization's settings.

    CONDUCT_EMAIL, which the cards and the report form write to, is checked
    whether or not the pages see it (as any other value, the plugin says, it
    must be an address).
    """
    names = organization_settings(settings)
    if isinstance(settings.get("CONDUCT_EMAIL"), str) and "CONDUCT_EMAIL" not in names:
        names.append("CONDUCT_EMAIL")
    return [problem for name in names for problem in placeholders_in(name, settings[name])]
