"""Page metadata the handbook reads, checked: a near miss of one of its keys, a value it cannot use.

Pelican keeps every metadata line and uses the ones it knows: `Checklist:
steps` (one letter short) or `Contacts: frist` builds without a word, and
without what the page asked for. A key one edit away from a key the plugin
or the theme reads is an error with a did-you-mean, unless Pelican, the
site's settings or its theme's templates use that key as written; a value
the key cannot take is an error naming those it can. Both are reported at
the metadata line.
"""

from __future__ import annotations

import os
import re

from .hints import did_you_mean

# The page metadata table of the README: each key the plugin or the theme
# reads, with the values it may take (None: any text, or checked where it is
# read: Checklists by the checklist extension, Cards by the printouts,
# Modified by Pelican, a missing Title by the reader).
KEYS: dict[str, tuple[str, ...] | None] = {
    "title": None,
    "checklists": None,
    "cards": None,
    "modified": None,
    "contacts": ("first",),
    "menu_label": None,
    "door": None,
    "summary": None,
    # A translation: the date of the source it was made from (translations/).
    "source_date": None,
}
# Text the theme shows: an empty one shows nothing where the page's name belongs.
_TEXT = ("menu_label", "door")
# Keys Pelican reads itself: never a misspelling of ours.
PELICAN_KEYS = frozenset(
    {"title", "date", "modified", "tags", "keywords", "category", "slug", "author", "authors"}
    | {"summary", "lang", "translation", "status", "template", "save_as", "url", "path"}
)
# A name a template reads: `page.contact`, `metadata.get('cardz')`, `p["door"]`.
_JINJA = re.compile(r"\{[{%](.*?)[%}]\}", re.S)
_NAME = re.compile(r"""\.(\w+)|\[\s*['"](\w+)['"]|\(\s*['"](\w+)['"]""")


def one_edit_apart(a: str, b: str) -> bool:
    """Say whether `b` is `a` with one letter added, dropped, changed, or two swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) != len(b):
        short, long = sorted((a, b), key=len)
        return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
    differ = [i for i in range(len(a)) if a[i] != b[i]]
    if len(differ) == 1:
        return True
    first, second = (differ + [0, 0])[:2]
    swapped = a[first] == b[second] and a[second] == b[first]
    return len(differ) == 2 and second == first + 1 and swapped


def _template_names(settings: dict) -> frozenset[str]:
    """Return every name the theme's templates read from an object."""
    folders = [os.path.join(str(settings.get("THEME", "")), "templates")]
    folders += [str(folder) for folder in settings.get("THEME_TEMPLATES_OVERRIDES", [])]
    names: set[str] = set()
    for folder in folders:
        for parent, _, files in os.walk(folder):
            for name in files:
                with open(os.path.join(parent, name), encoding="utf-8", errors="replace") as file:
                    for block in _JINJA.findall(file.read()):
                        names.update(n.lower() for found in _NAME.findall(block) for n in found)
    return frozenset(names - {""})


def _known(build) -> frozenset[str]:
    """Return the keys this site reads as written: Pelican's, its settings', its theme's."""
    known = build.metadata_keys
    if known is None:
        settings = build.settings
        fields = {str(name).lower() for name in settings.get("FORMATTED_FIELDS", [])}
        fields |= {str(name).lower() for name in settings.get("DEFAULT_METADATA", {})}
        known = build.metadata_keys = frozenset(
            set(KEYS) | PELICAN_KEYS | fields | _template_names(settings)
        )
    return known


def check_metadata(build, source_path: str, metadata: dict) -> None:
    """Report near-miss keys and values the handbook cannot use, at their metadata lines."""
    known = _known(build)
    for name, value in metadata.items():
        if name.startswith("handbook_"):
            continue
        line = build.lines.of_metadata(source_path, name)
        if name not in known:
            near = [key for key in KEYS if one_edit_apart(name, key)]
            if near:
                # The key as the page spells it.
                written = build.lines.line(source_path, line).split(":", 1)[0] if line else name
                message = f"metadata '{written}:' is read by nothing"
                hint = f" (did you mean '{near[0].capitalize()}'?)"
                build.report.problem(source_path, line, message + hint)
            continue
        _check_value(build, source_path, line, name, value)


def _check_value(build, source_path: str, line: int | None, name: str, value) -> None:
    """Report a value of one of the handbook's keys that it cannot use."""
    if name not in KEYS or not isinstance(value, str):
        return
    shown = name.capitalize()
    allowed = KEYS[name]
    # As written: the theme compares `page.contacts == "first"`.
    if allowed and value.strip() not in allowed:
        choices = " or ".join(f"'{choice}'" for choice in allowed)
        hint = did_you_mean(value.strip().lower(), allowed)
        message = f"'{shown}: {value.strip()}' is not a value the handbook reads: use {choices}"
        build.report.problem(source_path, line, message + hint)
    elif name in _TEXT and not value.strip():
        build.report.problem(source_path, line, f"'{shown}:' is empty: give it text, or drop it")
