"""Read a page's links, ids and headings from Python-Markdown's finished tree, when it is the HTML.

The link check and the page descriptions need what each page's HTML holds.
Parsing the HTML Python-Markdown wrote with lxml gives that with line
numbers; the tree Python-Markdown serialized gives the same without them,
and costs no parse. The tree is the HTML only when nothing changes the HTML
after it: no raw HTML (Python-Markdown keeps it aside as text and puts it
back after), no third-party treeprocessor after this one or postprocessor,
no entity that lxml reads as another character. A page that holds what the
link check reports by its line (an id used twice, a literal `{filename}`)
is read with lxml too, and so is a page whose HTML something else changed
once it was read (`content.read_from_tree` compares the two).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown import Markdown, util
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .checklists.ids import only_markdowns_postprocessors
from .checklists.pages import HEADINGS, heading_tokens
from .linkcheck.html import SNIPPET, URL_ATTRIBUTES, ParsedPage

# What the HTML of such a tree holds: its links and ids, and its headings as toc tokens.
TreeRead = tuple[ParsedPage, list[dict]]
# A placeholder's start and end: the text is changed after the tree.
_MARKS = (util.STX, util.ETX)
# An entity the serializer leaves as written in an attribute, for lxml to read
# as the character it names (Python-Markdown's serializers.RE_AMP, the other way).
_ENTITY = re.compile(r"&(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);", re.IGNORECASE)
# In the HTML, any entity but the four the serializer writes for `&`, `<`, `>` and `"`.
_NOT_AN_ESCAPE = re.compile(r"&(?!amp;|lt;|gt;|quot;)")


def read_finished_tree(root: etree.Element, md: Markdown) -> TreeRead | None:
    """Return what the HTML of `root` holds, or None if only reading that HTML can tell."""
    if (
        md.htmlStash.html_counter
        or md.htmlStash.rawHtmlBlocks
        or not only_markdowns_postprocessors(md)
    ):
        return None
    # Its links and ids are in the content: the output pass needs no line of theirs.
    page, headings = ParsedPage(lines_known=False), []
    for element in root.iter():
        tag = element.tag
        if tag.__class__ is not str:  # a comment: Python-Markdown stashes those
            return None
        for name, value in element.items():
            # Tested inline, not by a call: every attribute of every page passes here.
            if util.STX in value or util.ETX in value or ("&" in value and _ENTITY.search(value)):
                return None
            name = name.lower()
            if name in URL_ATTRIBUTES:
                page.links.append((value, 1, tag))
            elif value and (name == "id" or (name == "name" and tag == "a")):
                if value in page.ids:
                    return None  # reported at its lines, which lxml knows
                page.ids[value] = (1,)
        if tag in HEADINGS and element.get("id"):
            if any(mark in "".join(element.itertext()) for mark in _MARKS):
                return None  # its name is not its text yet
            headings.append(element)
    return page, heading_tokens(headings)


def confirm_in_html(found: TreeRead | None, html: str) -> TreeRead | None:
    """Return what the tree held if the HTML it became holds the same, else None.

    The HTML is where a placeholder left in the text shows, and where an
    entity lxml reads differently is written.
    """
    if found is None or any(mark in html for mark in _MARKS) or _NOT_AN_ESCAPE.search(html):
        return None
    links = [href for href, _, _ in found[0].links]
    if _openers(html) != sum(_openers(href) for href in links):
        # Some `{` or `|` is outside the links: a literal placeholder there is
        # reported at its line. Counting first spares most pages the search
        # (0.6 million instructions a page of the bench site, 1% of its build).
        in_links = sum(len(SNIPPET.findall(href)) for href in links)
        if len(SNIPPET.findall(html)) != in_links:
            return None
    return found


def _openers(text: str) -> int:
    """Return how many characters of `text` could open a placeholder."""
    return text.count("{") + text.count("|")


class TreeReadingProcessor(Treeprocessor):
    """Hand what the finished tree's HTML holds (or None) to a callback."""

    def __init__(self, md: Markdown, on_read: Callable[[TreeRead | None], None]):
        super().__init__(md)
        self.on_read = on_read

    def run(self, root: etree.Element) -> None:
        # Registered last, but an extension loaded after may register later still.
        last = list(self.md.treeprocessors)[-1] is self
        self.on_read(read_finished_tree(root, self.md) if last else None)


class TreeReadingExtension(Extension):
    """Read each document's links, ids and headings from its tree, as it is serialized."""

    def __init__(self, on_read: Callable[[TreeRead | None], None]):
        self.on_read = on_read
        super().__init__()

    def extendMarkdown(self, md: Markdown) -> None:
        # After every built-in treeprocessor and the checklists' (-1).
        md.treeprocessors.register(TreeReadingProcessor(md, self.on_read), "handbook_read", -50)
