"""The handbook's settings: documented defaults, checks, and what reaches content."""

from __future__ import annotations

DEFAULTS = {
    "card_width": "4in",
    "card_height": "6in",
    "card_max_items": 9,
    "link_ignore": [],
    # Print outputs (cards.py, report_form.py): the page whose checklists
    # become pocket cards, and the checklist (an id, or the start of its
    # title) whose items become the report form's fields.
    "cards_page": "conduct-staff-procedure",
    "report_form_checklist": "The important information to gather",
}

# Settings an organization changes; each reaches the Markdown through
# jinja2content as a global of the same name, so an address is written once.
CONTENT_SETTINGS = (
    "ORGANIZATION",
    "SITENAME",
    "CONDUCT_EMAIL",
    "LEADERS_EMAIL",
    "EMERGENCY_CONTACTS",
    "ORGANIZER_CONTACTS",
)


class ConfigError(ValueError):
    """A handbook setting has a bad key or value."""


def _check_config(options: dict) -> None:
    unknown = sorted(set(options) - set(DEFAULTS))
    if unknown:
        raise ConfigError(f"HANDBOOK has unknown keys: {', '.join(unknown)}")
    if not isinstance(options["card_max_items"], int) or options["card_max_items"] < 1:
        raise ConfigError("HANDBOOK['card_max_items'] must be a whole number above 0")
    if not isinstance(options["link_ignore"], (list, tuple)):
        raise ConfigError("HANDBOOK['link_ignore'] must be a list of paths")
    for key in ("card_width", "card_height", "cards_page", "report_form_checklist"):
        if not isinstance(options[key], str) or not options[key].strip():
            raise ConfigError(f"HANDBOOK[{key!r}] must be a non-empty string")


def handbook_options(settings: dict) -> dict:
    """Return HANDBOOK merged over the defaults, checked."""
    options = {**DEFAULTS, **settings.get("HANDBOOK", {})}
    _check_config(options)
    return options


def share_with_content(settings: dict) -> None:
    """Expose the organization's settings to Markdown through JINJA_GLOBALS."""
    shared = {name: settings[name] for name in CONTENT_SETTINGS if name in settings}
    settings["JINJA_GLOBALS"] = {**shared, **settings.get("JINJA_GLOBALS", {})}
