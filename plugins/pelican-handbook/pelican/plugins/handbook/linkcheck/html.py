"""Read the links, ids and literal `{filename}`s of HTML with lxml, each with its line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

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
    # The lines that hold the page's content (its links were checked at their source).
    content: range = range(0)


def _shown_as_written(element) -> bool:
    """Say whether text directly inside `element` is code, shown as written."""
    return element.tag in _LITERAL or any(a.tag in _LITERAL for a in element.iterancestors())


# XPath picks out the few attributes and texts worth a look: a page has
# hundreds of elements, and a Python loop over each cost most of the link
# check (on the 1000-page bench site, 0.94 s of reading in all; by attribute, 0.4 s).
_URLS = etree.XPath(" | ".join(f"descendant-or-self::*/@{name}" for name in URL_ATTRIBUTES))
_IDS = etree.XPath("descendant-or-self::*/@id | descendant-or-self::a/@name")
_POLICIES = etree.XPath("descendant-or-self::meta[@http-equiv]")
_MAY_HOLD_PLACEHOLDER = "[contains(., '{') or contains(., '|')]"
_ATTRIBUTES = etree.XPath(f"descendant-or-self::*/@*{_MAY_HOLD_PLACEHOLDER}")
_TEXTS = etree.XPath(f"descendant-or-self::text(){_MAY_HOLD_PLACEHOLDER}")


def _read_placeholders(page: ParsedPage, root) -> None:
    """Record every literal `{filename}` outside links and code, with its line."""
    found = []
    for value in _ATTRIBUTES(root):
        owner = value.getparent()
        if value.attrname not in URL_ATTRIBUTES and isinstance(owner.tag, str):
            found += [(owner.sourceline or 1, m[0]) for m in _SNIPPET.finditer(value)]
    for text in _TEXTS(root):
        owner = text.getparent()
        # lxml gives each element its first line only: the text after a
        # child is placed at the child's line, the closest it knows.
        container = owner if text.is_text else owner.getparent()
        if container is None or _shown_as_written(container):
            continue
        line = owner.sourceline or 1
        found += [(line + text.count("\n", 0, m.start()), m[0]) for m in _SNIPPET.finditer(text)]
    page.placeholders.extend((snippet, line) for line, snippet in sorted(found, key=lambda f: f[0]))


def read_tree(root) -> ParsedPage:
    """Return the links, ids and placeholders under `root`, an lxml tree."""
    page = ParsedPage()
    for value in _URLS(root):
        element = value.getparent()
        page.links.append((str(value), element.sourceline or 1, element.tag))
    for value in _IDS(root):
        if value:
            page.ids.setdefault(str(value), []).append(value.getparent().sourceline or 1)
    for meta in _POLICIES(root):
        if meta.get("http-equiv", "").lower() == "content-security-policy":
            page.csp = meta.get("content", "")
    _read_placeholders(page, root)
    return page


def parse_document(html: str) -> ParsedPage:
    """Return what a whole written HTML file holds."""
    if not html.strip():
        return ParsedPage()
    return read_tree(lxml.html.document_fromstring(html))
