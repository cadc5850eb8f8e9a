"""Read the links, ids and literal `{filename}`s of HTML with lxml, each with its line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html

# Attributes whose value is a URL the browser follows or loads.
URL_ATTRIBUTES = ("href", "src", "poster", "action", "formaction", "cite", "data")
PLACEHOLDER = re.compile(r"[{|](filename|static|attach|index|category|tag|author)[|}]")
# A placeholder with the word after it, as the message shows it.
_SNIPPET = re.compile(PLACEHOLDER.pattern + r"[^\s\"'<]{0,40}")
# Text in these elements is shown as written: a `{filename}` there is on purpose.

_LITERAL = frozenset({"code", "pre", "kbd", "samp", "script", "style", "textarea"})


@dataclass
class ParsedPage:
    """The links, ids and literal placeholders of one HTML document, each with its line."""

    # (href, line, element): the element tells which directive of a
    # Content-Security-Policy applies to it.
    links: list[tuple[str, int, str]] = field(default_factory=list)
    ids: dict[str, list[int]] = field(default_factory=dict)
    placeholders: list[tuple[str, int]] = field(default_factory=list)
    # The page's own Content-Security-Policy, if a <meta> gives one.
    csp: str | None = None


def _shown_as_written(element) -> bool:
    """Say whether text directly inside `element` is code, shown as written."""
    return element.tag in _LITERAL or any(a.tag in _LITERAL for a in element.iterancestors())


def _add_snippets(page: ParsedPage, text: str | None, line: int, container) -> None:
    """Record the placeholders in a run of text inside `container`."""
    if not text or ("{" not in text and "|" not in text):
        return
    if container is None or _shown_as_written(container):
        return
    for match in _SNIPPET.finditer(text):
        page.placeholders.append((match[0], line + text.count("\n", 0, match.start())))


def read_tree(root) -> ParsedPage:
    """Return the links, ids and placeholders under `root`, an lxml tree."""
    page = ParsedPage()
    for element in root.iter():
        if not isinstance(element.tag, str):  # a comment: only the text after it is read
            _add_snippets(page, element.tail, element.sourceline or 1, element.getparent())
            continue
        line = element.sourceline or 1
        attrib = element.attrib
        for name in URL_ATTRIBUTES:
            value = attrib.get(name)
            if value is not None:
                page.links.append((value, line, element.tag))
        for name in ("id", "name") if element.tag == "a" else ("id",):
            value = attrib.get(name)
            if value:
                page.ids.setdefault(value, []).append(line)
        for name, value in attrib.items():
            if name not in URL_ATTRIBUTES and ("{" in value or "|" in value):
                page.placeholders.extend((m[0], line) for m in _SNIPPET.finditer(value))
        if (
            element.tag == "meta"
            and attrib.get("http-equiv", "").lower() == "content-security-policy"
        ):
            page.csp = attrib.get("content", "")
        # lxml gives each element its first line only: the text after a
        # child is placed at the child's line, the closest it knows.
        _add_snippets(page, element.text, line, element)
        _add_snippets(page, element.tail, line, element.getparent())
    return page


def parse_document(html: str) -> ParsedPage:
    """Return what a whole written HTML file holds."""
    if not html.strip():
        return ParsedPage()
    return read_tree(lxml.html.document_fromstring(html))
