"""Read the links, ids and literal `{filename}`s of HTML with lxml, each with its line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from ..content import parse_page

# Attributes whose value is a URL the browser follows or loads.
URL_ATTRIBUTES = frozenset({"href", "src", "poster", "action", "formaction", "cite", "data"})
PLACEHOLDER = re.compile(r"[{|](filename|static|attach|index|category|tag|author)[|}]")
# A placeholder with the word after it, as the message shows it.
SNIPPET = re.compile(PLACEHOLDER.pattern + r"[^\s\"'<]{0,40}")
# Text in these elements is shown as written: a `{filename}` there is on purpose.
_LITERAL = frozenset({"code", "pre", "kbd", "samp", "script", "style", "textarea"})


@dataclass
class ParsedPage:
    """The links, ids and literal placeholders of one HTML document, each with its line."""

    # (href, line, kind): the element (`a`, `img`), or what a `<link>` or
    # `<meta>` does (`link:stylesheet`, `meta:refresh`), or `ping`: it tells
    # which directive of a Content-Security-Policy applies.
    links: list[tuple[str, int, str]] = field(default_factory=list)
    # Each id's lines, as a tuple: the link check keeps one of these for every
    # page until the end of the build, and the garbage collector stops looking
    # at tuples of numbers (it looks at every list, on every full collection).
    ids: dict[str, tuple[int, ...]] = field(default_factory=dict)
    placeholders: list[tuple[str, int]] = field(default_factory=list)
    # The page's own Content-Security-Policy, if a <meta> gives one.
    csp: str | None = None
    # The lines that hold the page's content (its links were checked at their source).
    content: range = range(0)


def _shown_as_written(element) -> bool:
    """Say whether text directly inside `element` is code, shown as written."""
    return element.tag in _LITERAL or any(a.tag in _LITERAL for a in element.iterancestors())


def _may_hold_placeholder(text: str | None) -> bool:
    return bool(text) and ("{" in text or "|" in text)


def _text_placeholders(element, own_text: str | None, found: list) -> None:
    """Record the placeholders in `element`'s own text and its tail, outside code."""
    line = element.sourceline or 1
    # lxml gives each element its first line only: the text after a child
    # (its tail) is placed at the child's line, the closest it knows.
    for text, container in ((own_text, element), (element.tail, element.getparent())):
        if not _may_hold_placeholder(text) or container is None or _shown_as_written(container):
            continue
        found += [(line + text.count("\n", 0, m.start()), m[0]) for m in SNIPPET.finditer(text)]


def read_tree(root) -> ParsedPage:
    """Return the links, ids and placeholders under `root`, an lxml tree.

    One walk in Python over every element, with no call per element it can
    do without: 0.05 ms for a written page of the bench site, where an XPath
    query per kind of attribute (each a walk of its own) took 0.1 ms.
    """
    page, found = ParsedPage(), []
    for element in root.iter():
        tag = element.tag
        if tag.__class__ is not str:  # a comment or a processing instruction: not shown
            text = None
        else:
            text = element.text
            # The line is asked for only when something is found: most elements
            # (a checklist's label, box and text) have a class and nothing more.
            kind = _link_kind(element) if tag in ("link", "meta") else tag
            for name, value in element.items():
                if name in URL_ATTRIBUTES:
                    page.links.append((value, element.sourceline or 1, kind))
                elif name == "ping":
                    page.links += [(url, element.sourceline or 1, "ping") for url in value.split()]
                elif name == "id" or (name == "name" and tag == "a"):
                    if value:
                        page.ids[value] = page.ids.get(value, ()) + (element.sourceline or 1,)
                elif "{" in value or "|" in value:
                    line = element.sourceline or 1
                    found += [(line, m[0]) for m in SNIPPET.finditer(value)]
            if kind == "meta:content-security-policy":
                page.csp = element.get("content", "")
            elif kind == "meta:refresh":
                target = _REFRESH_URL.search(element.get("content", ""))
                if target:
                    page.links.append((target[1].strip("'\""), element.sourceline or 1, kind))
        tail = element.tail
        if (text and ("{" in text or "|" in text)) or (tail and ("{" in tail or "|" in tail)):
            _text_placeholders(element, text, found)
    page.placeholders = [(snippet, line) for line, snippet in sorted(found, key=lambda f: f[0])]
    return page


# `<meta http-equiv="refresh" content="0; url=https://...">`: where it sends the reader.
_REFRESH_URL = re.compile(r";\s*url\s*=\s*(\S+)", re.IGNORECASE)


def _link_kind(element) -> str:
    """Return what a `<link>` or `<meta>` does: `link:stylesheet`, `meta:refresh`, ..."""
    if element.tag == "link":
        rel = (element.get("rel") or "").lower().split()
        return "link:" + (rel[0] if rel else "")
    return "meta:" + (element.get("http-equiv") or "").lower()


def parse_document(html: str) -> ParsedPage:
    """Return what a whole written HTML file holds."""
    root = parse_page(html) if html.strip() else None
    # A file of only comments or a doctype has no tree.
    if root is None:
        return ParsedPage()
    page = read_tree(root)
    if html.count("\n") >= _LAST_LINE:
        _uncap_lines(page, html)
    return page


# libxml2 gives no line past this one to the elements of a longer page.
_LAST_LINE = 65535


def _uncap_lines(page: ParsedPage, html: str) -> None:
    """Give the links and ids past libxml2's last line their real lines, found in the text."""
    start = _offset_of_line(html, _LAST_LINE)
    cursor = start
    links = []
    for href, line, tag in page.links:
        if line >= _LAST_LINE:
            line, cursor = _line_after(html, href, cursor, line)
        links.append((href, line, tag))
    page.links = links
    for name, lines in page.ids.items():
        if max(lines) >= _LAST_LINE:
            at, found = start, []
            for line in lines:
                if line >= _LAST_LINE:
                    line, at = _line_after(html, name, at, line)
                found.append(line)
            page.ids[name] = tuple(found)


def _line_after(html: str, value: str, start: int, line: int) -> tuple[int, int]:
    """Return the line of `value` written at or after `start`, and where to look next."""
    at = _find_value(html, value, start)
    if at < 0:
        return line, start
    return html.count("\n", 0, at) + 1, at + 1


def _offset_of_line(text: str, line: int) -> int:
    """Return the offset where 1-based `line` of `text` starts."""
    offset = 0
    for _ in range(line - 1):
        offset = text.index("\n", offset) + 1
    return offset


def _find_value(html: str, value: str, start: int) -> int:
    """Return the offset of attribute value `value` at or after `start`, as written or escaped."""
    for written in (value, escape(value), escape(value, quote=False)):
        found = html.find(written, start)
        if found >= 0:
            return found
    return -1
