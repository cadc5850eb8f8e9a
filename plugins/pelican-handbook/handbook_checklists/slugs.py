"""Slugs in every script: toc's own where it loses nothing, letters and marks kept elsewhere.

Python-Markdown's `toc.slugify` keeps ASCII only, so Russian, Greek, Arabic,
Hebrew, Japanese, Chinese and Korean give empty slugs, and German loses
letters (`Größe` gives `groe`); `toc.slugify_unicode` keeps `\\w`, which
leaves out the combining marks Devanagari and Tamil write vowels with
(`रिपोर्टर` gives `रपरटर`). Text toc turns into a complete ASCII slug keeps
toc's slug exactly, so ids already published (and the ticks saved under
them) do not change.
"""

from __future__ import annotations

import re
import unicodedata

from markdown.extensions import toc


def _is_complete_in_ascii(text: str) -> bool:
    """Say whether every letter and digit of `text` has an ASCII form (accents aside)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return all(
        ord(char) < 128 or not unicodedata.category(char).startswith(("L", "N"))
        for char in decomposed
    )


def _is_word(char: str) -> bool:
    """Say whether a character belongs in a slug: a letter, a mark, a digit or '_'."""
    return char == "_" or unicodedata.category(char).startswith(("L", "M", "N"))


def slugify(value: str, separator: str) -> str:
    """Return the slug of `value`: toc's, or one that keeps every script's letters and marks."""
    # ASCII text needs no look at each character's category (BENCH.md).
    if value.isascii() or _is_complete_in_ascii(value):
        return toc.slugify(value, separator)
    text = unicodedata.normalize("NFC", value)
    # As toc does: drop what is neither word, space nor hyphen; lower; join with `separator`.
    text = "".join(c for c in text if _is_word(c) or c.isspace() or c == "-").strip().lower()
    return re.sub(rf"[{re.escape(separator)}\s]+", separator, text)
