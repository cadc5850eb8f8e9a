"""Several languages in one site, and translations checked against their sources at build time."""

from .languages import (
    apply_translations,
    check_language_words,
    page_writing,
    pages_written,
    speaking,
)
from .state import TranslationState

__all__ = [
    "TranslationState",
    "apply_translations",
    "check_language_words",
    "page_writing",
    "pages_written",
    "speaking",
]
