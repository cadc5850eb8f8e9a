"""Mistakes in a document's checklist marks, and checklists that look like something else.

Errors: a kind that does not exist (`Checklists: step`, `.checklist-caution`),
a mark that follows no list, and an attribute list left as text. Warnings: a
checklist that holds only links or contact details, a title that reads as a
fragment or is too long, and an item nested under nothing. Each is kept on
`md.checklist_mistakes` as (level, message, snippet), the snippet being text
to find it by in the source, and passed to the extension's `on_mistake`
callback when it has one.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown import Markdown

from .hints import did_you_mean
from .markup import KINDS, NOT_A_CHECKLIST, read_mark

_ALL_KINDS = (*KINDS, NOT_A_CHECKLIST)
_CODE = frozenset({"code", "pre", "kbd", "samp", "script", "style"})
_ATTRIBUTE_LIST = re.compile(r"\{:[^}\n]*\}?")
_CONTACT = re.compile(r"^[^\s@]+@[^\s@]+\.\w+$|^\+?[\d\s().-]{3,}$")


# The words a lead-in's last sentence starts or ends with when it is no title,
# in English ("You can:", "However, remember:", "Then:"): the extension's
# `fragment_openers` and `fragment_closers` give another language's.
FRAGMENT_OPENERS = "you we they however then and but so also or it this these please"
FRAGMENT_OPENERS += " otherwise first next finally"
FRAGMENT_CLOSERS = "can should must may might remember include includes"


def _reads_as_fragment(title: str, default_title: str, openers: set, closers: set) -> bool:
    """Say whether a title taken from the text names nothing: "You can", or the default."""
    words = title.lower().replace(",", " ").split()
    if title == default_title or not words:
        return True
    return len(words) <= 3 and (words[0] in openers or words[-1] in closers)


def _is_only_a_link(span: etree.Element) -> bool:
    """Say whether an item's text is one link and nothing else."""
    links = [child for child in span if child.tag == "a"]
    outside = (span.text or "") + "".join(child.tail or "" for child in span)
    return len(span) == 1 and len(links) == 1 and not outside.strip(" .,;:")


class Mistakes:
    """Collect the mistakes of one document."""

    def __init__(
        self,
        md: Markdown,
        callback: Callable[[str, str, str], None] | None,
        default_title: str,
        fragment_words: tuple[str, str] = (FRAGMENT_OPENERS, FRAGMENT_CLOSERS),
    ):
        self.md = md
        self.default_title = default_title
        self.openers, self.closers = (set(words.lower().split()) for words in fragment_words)
        self.callback = callback
        if not hasattr(md, "checklist_mistakes"):
            md.checklist_mistakes = []

    def record(self, level: str, message: str, snippet: str) -> None:
        self.md.checklist_mistakes.append((level, message, snippet))
        if self.callback is not None:
            self.callback(level, message, snippet)

    def unknown_page_kind(self, key: str, kind: str) -> None:
        name = key.capitalize()
        message = f"'{name}: {kind}' names no kind of checklist{did_you_mean(kind, _ALL_KINDS)}"
        self.record("error", f"{message}; use steps, cautions, options or none", f"{name}:")

    def unknown_mark(self, written: str) -> None:
        hint = did_you_mean(written.removeprefix(".checklist-"), _ALL_KINDS, ".checklist-")
        message = f"checklist mark '{written}' names no kind{hint}"
        self.record("error", f"{message}; use steps, cautions, options or none", written)

    def after_walk(self, root: etree.Element) -> None:
        """Report (and take out) marks that follow no list, then attribute lists left as text."""
        stray = [p for p in root.iter("p") if read_mark(p, self.md) is not None]
        for parent in list(root.iter()) if stray else ():
            for child in [c for c in parent if c in stray]:
                mark = read_mark(child, self.md)
                snippet = mark.unknown or (
                    f".checklist-{mark.kind}" if mark.kind else ".report-form"
                )
                message = "checklist mark follows no list: put it right after the list it marks"
                self.record("error", message, snippet)
                parent.remove(child)
        # Looked for in the whole text first (in C): almost every page has none.
        if "{:" in "".join(root.itertext()):
            self._left_as_text(root, inside_code=False)

    def _left_as_text(self, element: etree.Element, inside_code: bool) -> None:
        inside_code = inside_code or element.tag in _CODE
        for text in (element.text,) if not inside_code else ():
            self._report_attribute_lists(text)
        for child in element:
            self._left_as_text(child, inside_code)
            if not inside_code:
                self._report_attribute_lists(child.tail)

    def _report_attribute_lists(self, text: str | None) -> None:
        for match in _ATTRIBUTE_LIST.finditer(text or ""):
            message = (
                f"'{match[0]}' is left in the page as text: an attribute list goes at the end"
                " of what it marks, or on its own line right after a list"
            )
            self.record("error", message, match[0])

    def check_checklist(self, found: dict, snippet: str, spans: list, title_chosen: bool) -> None:
        """Warn about a checklist that looks like a list of links or contacts, or a weak title.

        `snippet` finds the list's first item in the source; `spans` are the
        text spans of its top-level items.
        """
        first = snippet or (found["items"][0]["text"] if found["items"] else found["title"])
        title = found["title"]
        if spans and all(_is_only_a_link(span) for span in spans):
            message = f"checklist '{title}' holds only links: mark it {{: .checklist-none }}"
            self.record("warning", f"{message} if it is not a list of things to do", first)
        elif spans and all(_CONTACT.match("".join(span.itertext()).strip()) for span in spans):
            message = f"checklist '{title}' holds only contact details: mark it"
            self.record(
                "warning", f"{message} {{: .checklist-none }} if it is not a to-do list", first
            )
        if not title_chosen and _reads_as_fragment(
            title, self.default_title, self.openers, self.closers
        ):
            message = f"checklist title '{title}' reads as a fragment: name it with"
            self.record("warning", f'{message} title="..." in its mark', first)

    def long_title(self, title: str, limit: int, snippet: str) -> None:
        """Warn about a title taken from a lead-in too long for a card or a jump list."""
        shown = title if len(title) <= 50 else f"{title[:47].rstrip()}..."
        message = f"checklist title '{shown}' is {len(title)} characters long (more than {limit}):"
        self.record("warning", f'{message} name it with title="..." in its mark', snippet)
