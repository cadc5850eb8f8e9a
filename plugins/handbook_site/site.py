"""Give the handbook plugin this site's parts when Pelican starts, and check its settings."""

from __future__ import annotations

from pelican import signals
from pelican.plugins.handbook.signals import checking_settings

from .contacts import LISTS, PLACES, with_default_places
from .placeholders import placeholder_problems
from .words import THEME_WORDS


def give_site_parts(pelican) -> None:
    """Add the theme's words and contact places, and the contacts' default places.

    At `initialized`, before the handbook plugin checks the settings (when
    the build starts). What the settings file gives wins, and its lists are
    copied, not changed: a second build starts from what the file says.
    """
    settings = pelican.settings
    handbook = settings.get("HANDBOOK", {})
    if not isinstance(handbook, dict):
        return  # the plugin names it
    handbook = dict(handbook)
    words = handbook.get("theme_words", {})
    if isinstance(words, dict):
        handbook["theme_words"] = {**THEME_WORDS, **words}
    places = handbook.get("contact_places", [])
    if isinstance(places, (list, tuple)):
        handbook["contact_places"] = list(dict.fromkeys([*PLACES, *places]))
    settings["HANDBOOK"] = handbook
    for kind in LISTS:
        if kind in settings:
            settings[kind] = with_default_places(kind, settings[kind])


def check_site_settings(settings: dict) -> list[tuple[str, str]]:
    """Return the placeholders left in the organization's settings, for the plugin to report."""
    return placeholder_problems(settings)


def register() -> None:
    signals.initialized.connect(give_site_parts)
    checking_settings.connect(check_site_settings)
