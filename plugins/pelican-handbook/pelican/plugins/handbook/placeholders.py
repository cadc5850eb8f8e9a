"""Placeholder words left in a page's text (TODO, TBD, a word of the organization's language).

Off unless HANDBOOK["content_placeholders"] names words: a blog's "TODO"
may be on purpose, but a procedure that ships "(e-mail: TBD)" fails the
person who needs the address.
"""

from __future__ import annotations

import re

from .source_lines import readable_matches


def placeholder_pattern(words: list[str]) -> re.Pattern | None:
    """Return a pattern matching any of `words` as a whole word, or None for no words."""
    if not words:
        return None
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def report_placeholders(report, source: str, text: str, pattern: re.Pattern | None) -> None:
    """Report each placeholder word outside code and comments, at its line."""
    if pattern is None:
        return
    for line, match in readable_matches(text, pattern):
        message = (
            f"'{match[0]}' is a placeholder: write the real text (HANDBOOK content_placeholders)"
        )
        report.problem(source, line, message)
