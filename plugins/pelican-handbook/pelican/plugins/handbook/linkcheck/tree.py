"""Read a page's links and ids from Markdown's element tree, as `parse_html` reads its HTML.

The link check needs every link and id of every page. Markdown has them in
its tree already, and reading them there is several times cheaper than
scanning the HTML it writes from it. The tree tells the truth only when the
HTML is that tree, written out: so the tree is read last, no postprocessor
may change what the serializer wrote, and anything `parse_html` would read
differently (entities, a duplicate id, a literal `{filename}` outside a
link, raw-text elements) leaves the result out. The link check then parses
that page's HTML as before.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.serializers import to_html_string
from markdown.treeprocessors import Treeprocessor

from ..linkcheck.html import PLACEHOLDER, URL_ATTRIBUTES, ParsedPage

# Names the HTML scanner reads as written (others go to html.parser).
_TAG_NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9-]*")
_ATTRIBUTE_NAME = re.compile(r"[a-zA-Z_:@][-a-zA-Z0-9_:.@]*")
# html.parser reads these elements' text raw, up to their end tag (3.11 to 3.14).
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed"})
_RAW_TEXT |= {"noframes", "noscript", "plaintext"}
# `parse_html` decodes entities in text; the serializer's own escapes decode to
# characters no placeholder holds.
_OTHER_ENTITY = re.compile(r"&(?!amp;|lt;|gt;|quot;)")
# Before and after every other processor of its kind.
_FIRST, _LAST = 10_000, -10_000


class TreeLinks:
    """What the tree says of a page's HTML, and the HTML it says it of."""

    __slots__ = ("html", "page")

    def __init__(self, page: ParsedPage, html: str):
        # Ids carry no lines (the tree has none): there is no duplicate to place.
        self.page = page
        self.html = html


# What the reader found, by source path, until the link check takes it: kept
# out of page metadata, so it is freed once used.
read_pages: dict[str, TreeLinks] = {}


# Attributes that hold no link and no id: most tags carry only these.
_NEITHER = frozenset({"class", "type", "role", "title", "alt", "lang", "dir", "style"})
_NEITHER |= {"aria-label", "aria-hidden", "colspan", "rowspan", "align", "start"}
_NEITHER |= {"data-module", "data-checklist", "data-kind", "checked", "disabled"}
# Tag and attribute names seen so far: lower-cased, or "" when the HTML
# reader may read them otherwise. A page repeats a handful of names.
_TAGS: dict = {}
_ATTRIBUTES: dict[str, str] = {}


def _tag(tag) -> str:
    """Return a tag name lower-cased, or "" if `parse_html` may read it otherwise."""
    if tag not in _TAGS:
        readable = isinstance(tag, str) and _TAG_NAME.fullmatch(tag)
        _TAGS[tag] = tag.lower() if readable and tag.lower() not in _RAW_TEXT else ""
    return _TAGS[tag]


def _attribute(name: str) -> str:
    """Return an attribute name lower-cased, or "" if `parse_html` may read it otherwise."""
    if name not in _ATTRIBUTES:
        readable = isinstance(name, str) and _ATTRIBUTE_NAME.fullmatch(name)
        _ATTRIBUTES[name] = name.lower() if readable else ""
    return _ATTRIBUTES[name]


def read_tree(root: etree.Element) -> tuple[ParsedPage, int, int] | None:
    """Return the links and ids `parse_html` would find in the written tree.

    Also returns how many placeholders the links hold, and how many '{' and
    '|' (the characters every placeholder starts with). None when the tree
    holds anything `parse_html` may read otherwise.
    """
    page = ParsedPage()
    in_links = starts_in_links = 0
    for element in root.iter():
        tag = _TAGS.get(element.tag) or _tag(element.tag)
        if not tag:
            return None
        attrib = element.attrib
        if not attrib or attrib.keys() <= _NEITHER or element is root:
            continue
        # The serializer writes attributes sorted; links keep the order they are read in.
        for name in sorted(attrib):
            value = attrib[name]
            if name == value:
                continue  # written bare, as a boolean attribute: no value to read
            name = _ATTRIBUTES.get(name) or _attribute(name)
            if not name:
                return None
            if not isinstance(value, str):
                return None
            if name in URL_ATTRIBUTES:
                if "&" in value:
                    return None
                page.links.append((value, 0))
                if "{" in value or "|" in value:  # how every placeholder starts
                    in_links += len(PLACEHOLDER.findall(value))
                    starts_in_links += value.count("{") + value.count("|")
            elif name == "id" or (name == "name" and tag == "a"):
                if "&" in value or value in page.ids:
                    return None
                page.ids[value] = ()
    return page, in_links, starts_in_links


class TreeLinkReader(Treeprocessor):
    """Read links and ids from the finished tree, when it is the HTML to be."""

    def run(self, root: etree.Element) -> None:
        self.md.handbook_links = None
        self.md.handbook_tree = None
        # Another processor after this one could change the tree; xhtml escapes otherwise.
        if self.md.serializer is not to_html_string or list(self.md.treeprocessors)[-1] is not self:
            return
        self.md.handbook_tree = read_tree(root)


class Observer(Postprocessor):
    """A postprocessor that only looks: every text passes through it unchanged."""

    # `slugs` renders item text through the postprocessors unless all of them
    # leave text alone: this one does.
    leaves_text_alone = True


class SerializedHtml(Observer):
    """Keep the HTML as the serializer wrote it, before any postprocessor runs."""

    def run(self, text: str) -> str:
        self.md.handbook_serialized = text
        return text


class FinalHtml(Observer):
    """Keep what the tree says when the final HTML is what the serializer wrote."""

    def run(self, text: str) -> str:
        found = self.md.handbook_tree
        if found is None:  # no tree read, or toc rendering a heading's name
            return text
        self.md.handbook_tree = None
        processors = list(self.md.postprocessors)
        if not isinstance(processors[0], SerializedHtml) or processors[-1] is not self:
            return text
        if text != self.md.handbook_serialized:
            return text
        page, in_links, starts_in_links = found
        # A placeholder outside links, or an entity that may spell one, is a
        # problem to report at its line: the HTML is read for it.
        outside = _placeholder_outside_links(text, in_links, starts_in_links)
        if not outside and not _OTHER_ENTITY.search(text):
            self.md.handbook_links = TreeLinks(page, text)
        return text


def _placeholder_outside_links(text: str, in_links: int, starts_in_links: int) -> bool:
    """Say whether `text` holds more placeholders than its links ('{' and '|' they hold given)."""
    # When every '{' and '|' of the page is in a link, so is every
    # placeholder: counting two characters is much cheaper than searching.
    if text.count("{") + text.count("|") == starts_in_links:
        return False
    return len(PLACEHOLDER.findall(text)) != in_links


class TreeLinkExtension(Extension):
    """Give each converted page `md.handbook_links`: its links and ids, or None."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        self.md = md
        self.reset()
        md.treeprocessors.register(TreeLinkReader(md), "handbook_tree", _LAST)
        md.postprocessors.register(SerializedHtml(md), "handbook_serialized", _FIRST)
        md.postprocessors.register(FinalHtml(md), "handbook_final", _LAST)

    def reset(self) -> None:
        self.md.handbook_tree = None
        self.md.handbook_serialized = None
        self.md.handbook_links = None
