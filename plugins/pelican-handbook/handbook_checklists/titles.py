"""A checklist's title from its lead-in, and text to find a list or lead-in by in the source.

The lead-in is what comes right before the list: a heading, a paragraph
that is only bold text (`**Immediate Response Checklist**`, as authors
write for GitHub), or a paragraph whose last sentence ends in ":".
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from typing import NamedTuple

from markdown import util

from .ids import DocumentText

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BOLD = ("strong", "b")
# The last sentence of a lead-in paragraph is the title: "... needs. You can:".
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# What Python-Markdown put in place of source text (an escape, an entity, raw HTML).
_STASHED = re.compile(f"{util.STX}[^{util.ETX}]*{util.ETX}")
# A snippet long enough to be found where it is written, short enough to be
# written whole on one line (a `{{ setting }}` further on is not in the source).
_SNIPPET_LENGTH = 40


class LeadIn(NamedTuple):
    """The title a lead-in gives, and whether its author chose it (a heading or bold text)."""

    title: str | None
    chosen: bool


def _only_bold(paragraph: etree.Element) -> etree.Element | None:
    """Return the bold element a paragraph is made of, if it is only that (and a ':')."""
    if len(paragraph) != 1 or paragraph[0].tag not in _BOLD or (paragraph.text or "").strip():
        return None
    return paragraph[0] if (paragraph[0].tail or "").strip() in ("", ":") else None


def lead_in(element: etree.Element | None, text: DocumentText, headings: dict) -> LeadIn:
    """Return the title `element`, right before a list, gives it; None if it gives none."""
    if element is None or element.tag not in (*HEADINGS, "p"):
        return LeadIn(None, False)
    if element.tag in HEADINGS:
        name = headings.get(element.get("id")) or text.plain_text(element)
        return LeadIn(name.strip().removesuffix(":").strip(), True)
    bold = _only_bold(element)
    if bold is not None:
        return LeadIn(text.plain_text(bold).strip().removesuffix(":").strip(), True)
    words = text.plain_text(element).strip()
    if not words.endswith(":"):
        return LeadIn(None, False)
    return LeadIn(_SENTENCE_END.split(words)[-1].removesuffix(":").strip(), False)


def source_snippet(element: etree.Element) -> str:
    """Return words of `element`'s first line as its source writes them, to find it by.

    Python-Markdown keeps no line numbers: a mistake is placed by the text it
    quotes. The element's words as read are not always in the source (`**`,
    links and line breaks come between them); the longest run of its first
    line that no markup interrupts is.
    """
    first_line = []
    for piece in element.itertext():
        head, newline, _ = piece.partition("\n")
        first_line.extend(_STASHED.split(head))
        if newline:
            break
    words = max((piece.strip() for piece in first_line), key=len, default="")
    if len(words) <= _SNIPPET_LENGTH:
        return words
    return words[: _SNIPPET_LENGTH + 1].rsplit(" ", 1)[0] or words[:_SNIPPET_LENGTH]


def heading_names(tokens: list[dict]) -> dict[str, str]:
    """Return toc's plain name of each heading by id (it leaves out permalinks)."""
    names = {}
    for token in tokens:
        names[token["id"]] = html.unescape(token["name"])
        names.update(heading_names(token.get("children", [])))
    return names
