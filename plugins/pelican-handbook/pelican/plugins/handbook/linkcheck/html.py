"""Read the links, ids and literal `{filename}`s of HTML with lxml, each with its line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from sys import intern

from lxml import etree

from .placeholders import PLACEHOLDER

# Attributes whose value is a URL the browser follows or loads.
URL_ATTRIBUTES = frozenset({"href", "src", "poster", "action", "formaction", "cite", "data"})
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
    # Each id's lines: more than one is a duplicate id.
    ids: dict[str, list[int]] = field(default_factory=dict)
    placeholders: list[tuple[str, int]] = field(default_factory=list)
    # The page's own Content-Security-Policy, if a <meta> gives one.
    csp: str | None = None
    # The lines that hold the page's content (its links were checked at their source).
    content: range = range(0)


def _shown_as_written(element) -> bool:
    """Say whether text directly inside `element` is code, shown as written."""
    return element.tag in _LITERAL or any(a.tag in _LITERAL for a in element.iterancestors())


def _may_hold_placeholder(text: str | None) -> bool:
    # Asked before anything else of a text: its line, its container.
    return bool(text) and ("{" in text or "|" in text)


def _text_placeholders(text: str, line: int, container, found: list) -> None:
    """Record the placeholders in a text of `container` that starts at `line`, outside code."""
    if container is not None and not _shown_as_written(container):
        found += [(line + text.count("\n", 0, m.start()), m[0]) for m in SNIPPET.finditer(text)]


def _read_attributes(element, page: ParsedPage, found: list) -> None:
    """Record the links, ids and placeholders in an element's attributes."""
    # Links and ids are interned: the build keeps them until the written site
    # is checked, and every page repeats the ids and links of the others.
    tag = element.tag
    kind = _link_kind(element) if tag in ("link", "meta") else tag
    # The line is asked for only when something is found: most elements
    # (a checklist's label, box and text) have a class and nothing more.
    for name, value in element.items():
        if name in URL_ATTRIBUTES:
            page.links.append((intern(value), element.sourceline or 1, kind))
        elif name == "ping":
            page.links += [(url, element.sourceline or 1, "ping") for url in value.split()]
        elif name == "id" or (name == "name" and tag == "a"):
            if value:
                page.ids.setdefault(intern(value), []).append(element.sourceline or 1)
        elif "{" in value or "|" in value:
            line = element.sourceline or 1
            found += [(line, m[0]) for m in SNIPPET.finditer(value)]
    if kind == "meta:content-security-policy":
        page.csp = element.get("content", "")
    elif kind == "meta:refresh":
        target = _REFRESH_URL.search(element.get("content", ""))
        if target:
            page.links.append((target[1].strip("'\""), element.sourceline or 1, kind))


def read_tree(root) -> ParsedPage:
    """Return the links, ids and placeholders under `root`, an lxml tree."""
    page, found = ParsedPage(), []
    for element in root.iter():
        # A comment or a processing instruction is not shown: only its tail is.
        if element.tag.__class__ is str:
            _read_attributes(element, page, found)
            if _may_hold_placeholder(element.text):
                _text_placeholders(element.text, element.sourceline or 1, element, found)
        # lxml gives each element its first line only: the text after a
        # child (its tail) is placed at the child's line, the closest it knows.
        if _may_hold_placeholder(element.tail):
            line = element.sourceline or 1
            _text_placeholders(element.tail, line, element.getparent(), found)
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


# How much of a page the parser is given at a time.
_CHUNK = 1 << 16
# A page up to this size is read as one tree; a larger one as a stream.
_WHOLE = 1 << 20
_PARSER = etree.HTMLParser()


def parse_document(html: str) -> ParsedPage:
    """Return what a whole written HTML file holds.

    A large page is read as a stream, each element dropped once read: a
    page that prints every article of a site (an archive) is megabytes, and
    its whole tree was most of the link check's memory. A page of usual size
    is read as one tree, which is quicker (tests/bench/BENCH.md).
    """
    page, found = ParsedPage(), []
    if not html.strip():
        return page
    if len(html) <= _WHOLE:
        root = _whole_tree(html)
        page = read_tree(root) if root is not None else page
        return _uncapped(page, html)
    parser = etree.HTMLPullParser(events=("start", "end"))
    for start in range(0, len(html), _CHUNK):
        parser.feed(html[start : start + _CHUNK])
        _read_events(parser, page, found)
    parser.close()
    _read_events(parser, page, found)
    page.placeholders = [(snippet, line) for line, snippet in sorted(found, key=lambda f: f[0])]
    return _uncapped(page, html)


def _uncapped(page: ParsedPage, html: str) -> ParsedPage:
    """Return `page` with the lines past libxml2's last one found in the text."""
    if html.count("\n") >= _LAST_LINE:
        _uncap_lines(page, html)
    return page


def _whole_tree(html: str):
    """Return the tree of a page, or None if it holds no element."""
    # Fed, not parsed from a string: lxml refuses a string that starts with
    # an XML declaration naming an encoding, as XHTML pages may.
    _PARSER.feed(html)
    try:
        return _PARSER.close()
    except etree.XMLSyntaxError:
        return None


def _read_events(parser, page: ParsedPage, found: list) -> None:
    """Read the elements the parser has opened and closed since it was last asked."""
    for event, element in parser.read_events():
        if event == "start":
            _read_attributes(element, page, found)
            continue
        if _may_hold_placeholder(element.text):
            _text_placeholders(element.text, element.sourceline or 1, element, found)
        for child in element:
            if _may_hold_placeholder(child.tail):
                _text_placeholders(child.tail, child.sourceline or 1, element, found)
        # Everything inside is read: only the open elements stay in memory.
        del element[:]


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
            page.ids[name] = found


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
