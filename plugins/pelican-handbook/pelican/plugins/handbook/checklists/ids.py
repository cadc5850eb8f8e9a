"""Turn rendered Markdown into plain text and stable, unique ids.

Ids follow Python-Markdown's `toc` extension, so headings, checklists and items
share one scheme: the configured slugify with "-", deduplicated as `x`, `x_1`.
"""

from __future__ import annotations

import html
import re
import unicodedata
import xml.etree.ElementTree as etree
from collections.abc import Callable, MutableSet

from markdown import Markdown, util
from markdown.extensions import toc
from markdown.extensions.footnotes import FootnotePostprocessor
from markdown.postprocessors import AndSubstitutePostprocessor, RawHtmlPostprocessor

SEPARATOR = "-"
# Postprocessors that only restore placeholders (STX...ETX); text without
# placeholders passes through them unchanged. So does one that says it
# `leaves_text_alone` (link_tree's).
_PLACEHOLDER_POSTPROCESSORS = (
    AndSubstitutePostprocessor,
    FootnotePostprocessor,
    RawHtmlPostprocessor,
)
# toc.slugify's patterns, compiled once: it builds them on every call. On
# ASCII text, `[^\w\s-]` is these characters, removed by str.translate.
_SEPARATOR_RUNS = re.compile(rf"[{SEPARATOR}\s]+")
_NOT_ASCII_SLUG_CHARS = {
    code: None
    for code in range(128)
    if not (chr(code).isalnum() or chr(code).isspace() or chr(code) in "_-")
}


def plain_text(element: etree.Element, md: Markdown) -> str:
    """Return the text a reader sees in `element`, without tags or escapes."""
    return DocumentText(md).plain_text(element)


class DocumentText:
    """Plain text and slugs of one document's elements, as `toc` makes them.

    What depends only on the Markdown instance (its slugify, whether its
    postprocessors only restore placeholders) is looked up once: a checklist
    page asks for hundreds of item texts and slugs.
    """

    def __init__(self, md: Markdown):
        self.md = md
        slugify = _slugifier(md)
        self.slugify = toc_slugify if slugify is toc.slugify else slugify
        self.placeholders_only = all(
            isinstance(pp, _PLACEHOLDER_POSTPROCESSORS) or getattr(pp, "leaves_text_alone", False)
            for pp in md.postprocessors
        )

    def plain_text(self, element: etree.Element) -> str:
        """Return the text a reader sees in `element`, without tags or escapes."""
        if self.placeholders_only and _renders_as_own_text(element):
            # Rendering would change nothing but the tags, which are stripped anyway.
            if not len(element):  # most items are one run of text
                return " ".join((element.text or "").split())
            return " ".join("".join(element.itertext()).split())
        # toc does the same for headings: inline placeholders (raw HTML, escapes,
        # `&`) are only restored by later processors, so render first.
        inner = toc.render_inner_html(toc.remove_fnrefs(element), self.md)
        return html.unescape(toc.strip_tags(inner))

    def renders_as_written(self, text: str) -> bool:
        """Say whether a run of text renders as itself: no escape, placeholder or tag in it."""
        return self.placeholders_only and _renders_as_written(text)

    def slug(self, text: str) -> str:
        """Return the slug toc would make of `text` (before deduplication)."""
        return self.slugify(text, SEPARATOR)


def _renders_as_own_text(element: etree.Element) -> bool:
    """Return whether `element` renders to its own text once tags are stripped.

    Only asked when every postprocessor merely restores placeholders.
    """
    if not len(element) and isinstance(element.tag, str) and element.tag != "sup":
        return _renders_as_written(element.text or "")  # one node: the loop below, unrolled
    for node in element.iter():
        # Comments and processing instructions have callable tags; `sup` may
        # be a footnote reference, which toc leaves out.
        if not isinstance(node.tag, str) or node.tag == "sup":
            return False
        text = node.text or ""
        tail = (node.tail or "") if node is not element else ""
        if not (_renders_as_written(text) and _renders_as_written(tail)):
            return False
    return True


def _renders_as_written(text: str) -> bool:
    """Say whether `text` holds none of the characters rendering would escape, restore or strip.

    Text holding any of them takes toc's full path. Five substring tests are
    cheaper than asking a set about every character.
    """
    return not ("&" in text or "<" in text or ">" in text or util.STX in text or util.ETX in text)


def toc_slugify(value: str, separator: str = SEPARATOR) -> str:
    """Return what `toc.slugify(value, "-")` returns, faster: a page has hundreds of items."""
    if separator != SEPARATOR:
        return toc.slugify(value, separator)
    if not value.isascii():  # ASCII text has no compatibility decompositions
        value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    # ASCII now: what `[^\w\s-]` removes is a fixed set of characters.
    value = value.translate(_NOT_ASCII_SLUG_CHARS).strip().lower()
    if SEPARATOR in value:
        return _SEPARATOR_RUNS.sub(SEPARATOR, value)
    return SEPARATOR.join(value.split())  # runs of spaces between words, none at the ends


def _slugifier(md: Markdown) -> Callable[[str, str], str]:
    """Return the slugify function toc is configured with, or toc's default."""
    # A Registry, not a dict: it has no .get().
    if "toc" not in md.treeprocessors:
        return toc.slugify
    return getattr(md.treeprocessors["toc"], "slugify", toc.slugify)


def cut_at_hyphen(slug: str, limit: int) -> str:
    """Shorten `slug` to at most `limit` characters, ending at a whole word."""
    if len(slug) <= limit:
        return slug
    if slug[limit] == SEPARATOR:
        return slug[:limit]
    head, separator, _ = slug[:limit].rpartition(SEPARATOR)
    return head if separator and head else slug[:limit]


def unique_id(slug: str, used: MutableSet[str]) -> str:
    """Return `slug`, or `slug_1`, `slug_2`..., whichever is unused; mark it used."""
    return toc.unique(slug, used)


def ids_in(root: etree.Element) -> set[str]:
    """Return every id already present under `root`."""
    return {element.get("id") for element in root.iter() if element.get("id")}
