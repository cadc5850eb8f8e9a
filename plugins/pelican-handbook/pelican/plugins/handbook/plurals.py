"""Count words: one string for every count, or a form per CLDR plural category.

A count word's forms are picked in the browser with `Intl.PluralRules` for the
page's language (checklist.js), by the number its counting placeholder holds:
"{done} of {total} done" is counted by `done`. The categories are CLDR's:
https://cldr.unicode.org/index/cldr-spec/plural-rules
"""

from __future__ import annotations

from .hints import did_you_mean

# The words the scripts write with a count, and the placeholder that counts.
COUNT_WORDS = {"progress": "done"}
CATEGORIES = ("zero", "one", "two", "few", "many", "other")


def forms(value) -> list[str]:
    """Return the texts of a word: itself, or each of its plural forms."""
    return list(value.values()) if isinstance(value, dict) else [value]


def forms_problem(key: str, value) -> str | None:
    """Return what is wrong with a word's value (a string, or a count word's forms), or None."""
    if isinstance(value, dict) and key in COUNT_WORDS:
        unknown = sorted((str(name) for name in value if name not in CATEGORIES), key=str)
        if unknown:
            hint = did_you_mean(unknown[0], CATEGORIES)
            every = ", ".join(CATEGORIES)
            return (
                f"has an unknown plural category {unknown[0]!r}{hint}; the categories are {every}"
            )
        if "other" not in value:
            return "has no 'other' form, which every language's counts need"
        empty = [
            name for name, text in value.items() if not isinstance(text, str) or not text.strip()
        ]
        if empty:
            return f"form {empty[0]!r} must be a non-empty string, not {value[empty[0]]!r}"
        return None
    if not isinstance(value, str) or not value.strip():
        takes = " or a dict of plural forms" if key in COUNT_WORDS else ""
        return f"must be a non-empty string{takes}, not {value!r}"
    return None
