"""The plugin's settings: documented defaults merged under HANDBOOK, checked once per build."""

from __future__ import annotations

import contextlib
import re
import sys

from .hints import did_you_mean

# Every key of HANDBOOK, with its default; README.md documents each one.
DEFAULTS = {
    # Features, each usable alone.
    "checklists": True,
    "link_check": True,
    "printouts": True,
    # Off unless asked: a service worker keeps a copy of the site on every
    # visitor's device, which a blog seldom wants.
    "offline": False,
    # Link check: output paths (and everything below them) or glob patterns
    # (`/redirects/*`, `*.pdf`) served by something else.
    "link_ignore": [],
    # How the host serves a link's path: "pretty" also serves `x` from `x.html`
    # (pelican --listen, GitHub Pages, Netlify); "exact" only the file named.
    "served_paths": "pretty",
    # Identical problems in many files are shown a few at a time, with a count.
    "group_problems": True,
    # Words that must not ship in a page's text (outside code): ["TODO", "TBD"].
    "content_placeholders": [],
    # Printouts: the card face, by name ("4x6", "3x5" or "badge": printouts/sizes.py),
    # or as two CSS lengths that win over it; and the most items on one face.
    "card_size": "4x6",
    "card_width": None,
    "card_height": None,
    "card_max_items": 9,
    # The report form's fields when no list is marked `.report-form`: texts
    # written as that list's items ("Where it happened", "Who was involved.
    # Names if known, else a description").
    "report_form_fields": [],
    # Printouts: the names of the files they are published as, at the site's
    # root (another language's in its folder, `es/`); `{paper}` becomes
    # "letter" or "a4".
    "cards_save_as": "pocket-cards.html",
    "cards_pdf_save_as": "pocket-cards.pdf",
    "cards_sheets_save_as": "pocket-cards-{paper}.pdf",
    "report_form_save_as": "incident-report-form.html",
    # Offline: the most the service worker keeps on a device, in bytes (the
    # theme's files first, then pages; the build says what it leaves out).
    "offline_max_bytes": 10_000_000,
    # Offline: the web app manifest.
    "short_name": None,
    "app_description": None,
    "theme_color": "#ffffff",
    "background_color": "#ffffff",
    # Footer date: "Procedure as of 2026-11-25".
    "date_format": "%Y-%m-%d",
    # The places a theme shows contacts in, besides the pocket contacts card
    # ("card"): a contact's `show` names some of them.
    "contact_places": [],
    # Names of settings that pages rendered through Jinja (jinja2content) see
    # as globals of the same name: `{{ CONDUCT_EMAIL }}`.
    "content_settings": [],
    # A theme's own words, with their defaults: they join words.DEFAULT_WORDS,
    # and "words" changes them as any other: {"skip_link": "Skip to content"}.
    "theme_words": {},
    # Wording the templates and scripts show, merged over words.DEFAULT_WORDS
    # and "theme_words": {"reset": "Clear"}.
    "words": {},
    # The words of each other language a page is in (`Lang: es`), merged over
    # "words": {"es": {"language_name": "Español", "reset": "Reiniciar"}}.
    "language_words": {},
}
# Top-level settings the plugin reads besides HANDBOOK: a misspelt one would
# otherwise be ignored without a word.
TOP_LEVEL = {"HANDBOOK", "HANDBOOK_FAIL_ON_PROBLEMS"}
# Set by the plugin itself, for templates: never the user's mistake.
SET_BY_PLUGIN = {
    "HANDBOOK_BUILD",
    "HANDBOOK_BUILD_DATE",
    "HANDBOOK_BUILD_DATE_ISO",
    "HANDBOOK_DATE_FORMAT",
    "HANDBOOK_DIR",
    "HANDBOOK_FEATURES",
    "HANDBOOK_HOME",
    "HANDBOOK_HOMES",
    "HANDBOOK_LANG",
    "HANDBOOK_LANGUAGES",
    "HANDBOOK_MENU",
    "HANDBOOK_WORDS",
    "HANDBOOK_SCRIPT_WORDS",
}

_CSS_LENGTH = re.compile(r"\d+(?:\.\d+)?(?:in|cm|mm|pt|pc|px)")
_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_OPTIONAL_TEXT = {"short_name", "app_description"}
_CARD_LENGTHS = ("card_width", "card_height")
# The published printouts' names, and the suffix each must end in.
SAVE_AS = {
    "cards_save_as": ".html",
    "cards_pdf_save_as": ".pdf",
    "cards_sheets_save_as": ".pdf",
    "report_form_save_as": ".html",
}
# Characters a link would have to escape, or that end its path: the
# templates write the names into links as they are.
_UNSAFE_IN_NAME = re.compile(r"[\s\"#%&'<>?\\^`{|}:]")


def settings_modules(settings: dict) -> list:
    """Return the modules of the settings files Pelican loaded, the one holding most settings first.

    Pelican keeps no name of the file it read, but loads it as a module whose
    names are the settings' values: the settings hold the file's own lists and
    dicts, not copies (and publishconf.py holds pelicanconf.py's, imported).
    """
    values = {id(v) for k, v in settings.items() if k.isupper() and isinstance(v, (list, dict))}
    found = []
    for module in list(sys.modules.values()):
        # Its own names only: a module's __getattr__ may import or warn.
        names = getattr(module, "__dict__", {})
        if str(names.get("__file__", "")).endswith(".py"):
            shared = sum(1 for value in names.values() if id(value) in values)
            if shared:
                found.append((shared, module))
    return [module for _, module in sorted(found, key=lambda pair: -pair[0])]


def settings_file(settings: dict, name: str) -> str:
    """Return the settings file that writes setting `name`, as Pelican loaded it.

    Of the settings files holding this very value, the one that assigns it
    itself (publishconf.py imports pelicanconf.py's). A value given on the
    command line (`-e`) is in no file: then the file Pelican reads by default.
    """
    top = re.match(r"[A-Za-z_]\w*", name)
    value = settings.get(top[0], _ABSENT) if top else _ABSENT
    holders = [
        module.__file__
        for module in settings_modules(settings)
        if value is not _ABSENT and module.__dict__.get(top[0], _ABSENT) is value
    ]
    if not holders:
        return "pelicanconf.py"
    assigns = re.compile(rf"^{re.escape(top[0])}\s*[:=]", re.MULTILINE)
    for path in holders:
        with contextlib.suppress(OSError), open(path, encoding="utf-8") as handle:
            if assigns.search(handle.read()):
                return path
    return holders[0]


_ABSENT = object()


def _value_problem(key: str, value) -> str | None:
    """Return what is wrong with one HANDBOOK value, or None."""
    default = DEFAULTS[key]
    if key in _CARD_LENGTHS:
        length = isinstance(value, str) and _CSS_LENGTH.fullmatch(value.strip())
        if value is not None and not length:
            return "must be a CSS length such as '4in' or '101.6mm'"
    elif key == "served_paths":
        if value not in ("pretty", "exact"):
            return "must be 'pretty' or 'exact'" + did_you_mean(str(value), ("pretty", "exact"))
    elif key == "card_size":
        from .printouts.sizes import CARD_SIZES  # the printouts import this module

        if value not in CARD_SIZES:
            *others, last = (repr(name) for name in CARD_SIZES)
            hint = did_you_mean(str(value), CARD_SIZES)
            return f"must be {', '.join(others)} or {last}{hint}"
    elif key in SAVE_AS:
        return _file_name_problem(key, value)
    elif key in _OPTIONAL_TEXT:
        if value is not None and (not isinstance(value, str) or not value.strip()):
            return "must be a non-empty string or None"
    elif isinstance(default, bool):
        if not isinstance(value, bool):
            return "must be True or False"
    elif isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            return "must be a whole number above 0"
    elif isinstance(default, dict):
        if not isinstance(value, dict):
            return "must be a dict"
    elif isinstance(default, list):
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            return "must be a list of strings"
        if key == "report_form_fields" and not all(v.strip() for v in value):
            return "must be a list of fields, none empty"
    elif key.endswith("_color"):
        if not isinstance(value, str) or not _COLOR.fullmatch(value.strip()):
            return "must be a colour written as '#rrggbb'"
    elif not isinstance(value, str) or not value.strip():
        return "must be a non-empty string"
    return None


def _file_name_problem(key: str, value) -> str | None:
    """Return what is wrong with a printout's file name, or None."""
    suffix = SAVE_AS[key]
    if not isinstance(value, str):
        return f"must be a file name ending in {suffix}"
    if "/" in value or "\\" in value:
        # Each language's printouts go in its own folder: the name is the file's alone.
        return "must be a file name without a folder (another language's go in its folder, es/)"
    sheets = key == "cards_sheets_save_as"
    if sheets and value.count("{paper}") != 1:
        return "must hold {paper} once, which the build replaces by 'letter' or 'a4'"
    name = value.replace("{paper}", "letter") if sheets else value
    if not name.endswith(suffix) or name == suffix:
        return f"must be a file name ending in {suffix}"
    if name.startswith("."):
        # Hidden files are not served by every host, nor kept by the offline copy.
        return "must not start with '.'"
    if _UNSAFE_IN_NAME.search(name):
        return "must not hold spaces or any of \" # % & ' < > ? \\ ^ ` { | } :, which links escape"
    return None


def _same_names(options: dict) -> list[tuple[str, str]]:
    """Return a problem for each printout named as another is."""
    seen, problems = {}, []
    for key in SAVE_AS:
        names = [options[key].replace("{paper}", paper) for paper in ("letter", "a4")]
        for name in dict.fromkeys(names):
            if name in seen:
                problem = f"names {name!r}, as HANDBOOK[{seen[name]!r}] does: give each its own"
                problems.append((f"HANDBOOK[{key!r}]", problem))
            seen.setdefault(name, key)
    return problems


def check_settings(settings: dict) -> tuple[dict, list[tuple[str, str]]]:
    """Return HANDBOOK merged over the defaults, and each (setting, problem) found in it.

    Each feature checks the settings of its own (contacts, words, the time
    zone): `build.start_build` calls them with the options this returns.
    """
    problems = []
    for name in sorted(settings):
        if name.startswith("HANDBOOK") and name not in TOP_LEVEL | SET_BY_PLUGIN:
            problems.append(
                (name, "is not a setting of the handbook plugin" + did_you_mean(name, TOP_LEVEL))
            )
    given = settings.get("HANDBOOK", {})
    if not isinstance(given, dict):
        return dict(DEFAULTS), [*problems, ("HANDBOOK", "must be a dict")]
    for key in sorted(set(given) - set(DEFAULTS), key=str):
        problems.append(
            ("HANDBOOK", f"has an unknown key {key!r}" + did_you_mean(str(key), DEFAULTS))
        )
    options = {**DEFAULTS, **{k: v for k, v in given.items() if k in DEFAULTS}}
    rejected = set()
    for key in DEFAULTS:
        problem = _value_problem(key, options[key])
        if problem:
            problems.append((f"HANDBOOK[{key!r}]", f"{problem}, not {options[key]!r}"))
            options[key] = DEFAULTS[key]
            rejected.add(key)
    # A rejected name is back to its default, which another may hold on purpose.
    if not rejected & set(SAVE_AS):
        problems.extend(_same_names(options))
    from .printouts.sizes import size_problems

    if not any(name.startswith("HANDBOOK['card_") for name, _ in problems):
        problems.extend(size_problems(given, options))
    for name in options["content_settings"]:
        if name not in settings:
            hint = did_you_mean(name, [s for s in settings if s.isupper()])
            problems.append(
                ("HANDBOOK['content_settings']", f"names {name!r}, which is not a setting{hint}")
            )
    fail = settings.get("HANDBOOK_FAIL_ON_PROBLEMS", True)
    if not isinstance(fail, bool):
        problems.append(("HANDBOOK_FAIL_ON_PROBLEMS", f"must be True or False, not {fail!r}"))
    return options, problems
