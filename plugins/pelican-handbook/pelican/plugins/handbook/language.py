"""The site's language as pages, PDFs and the manifest declare it."""

from __future__ import annotations

# Languages written right to left (their primary subtag), and the scripts
# that make any language right to left (`pa-Arab`, `az-Arab`).
_RIGHT_TO_LEFT = {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "syr", "ug"}
_RIGHT_TO_LEFT |= {"ur", "yi"}
_RIGHT_TO_LEFT_SCRIPTS = {"arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"}


def text_direction(lang: str) -> str:
    """Return "rtl" for a language tag written right to left, else "ltr"."""
    subtags = (lang or "").replace("_", "-").lower().split("-")
    if subtags[0] in _RIGHT_TO_LEFT:
        return "rtl"
    return "rtl" if any(s in _RIGHT_TO_LEFT_SCRIPTS for s in subtags[1:]) else "ltr"
