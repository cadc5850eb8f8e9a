"""Plain text and ids of rendered Markdown, made the way Python-Markdown's `toc` makes them.

Headings, checklists and items share one scheme: the slugify `toc` is
configured with (or `toc.slugify`), with "-", deduplicated by `toc.unique`
as `x`, `x_1`, `x_2`.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown import Markdown, util
from markdown.extensions import toc

from .markdown_compat import remove_fnrefs, render_inner_html, strip_tags
from .slugs import slugify

SEPARATOR = "-"
# Python-Markdown's HTML serializer writes an attribute whose value equals its
# name as a bare name, as for `checked`: `id="id"` comes out `<li id>`, which
# HTML reads as an empty id (no link target, no saved tick). An item's id is
# written in `id`; a checklist's in `id` and `data-checklist`.
ITEM_ATTRIBUTES = ("id",)
CHECKLIST_ATTRIBUTES = ("id", "data-checklist")


def _slugifier(md: Markdown) -> Callable[[str, str], str]:
    """Return the slugify function toc is configured with, or one for every script.

    toc's default keeps ASCII only; `slugs.slugify` gives the same slug
    wherever that one loses no letter, and a slug in any other script.
    """
    # A Registry, not a dict: it has no .get().
    configured = (
        getattr(md.treeprocessors["toc"], "slugify", None) if "toc" in md.treeprocessors else None
    )
    return slugify if configured in (None, toc.slugify) else configured


# Characters that make rendering change a text: a placeholder's start, and
# what the serializer escapes.
_RENDERED = re.compile(f"[{util.STX}&<>]")


def rendered_text(element: etree.Element, md: Markdown) -> str:
    """Return the text a reader sees in `element`, rendered as toc renders a heading."""
    # Inline placeholders (raw HTML, escapes, `&`) are only restored by
    # later processors, so the text is rendered first, as toc does.
    inner = render_inner_html(remove_fnrefs(element), md)
    return html.unescape(strip_tags(inner))


def only_markdowns_postprocessors(md: Markdown) -> bool:
    """Say whether every postprocessor is Python-Markdown's own: each only restores placeholders."""
    return all(type(p).__module__.startswith("markdown.") for p in md.postprocessors)


class DocumentText:
    """Plain text and slugs of one document's elements, as `toc` makes them for headings."""

    def __init__(self, md: Markdown):
        self.md = md
        self.slugify = _slugifier(md)
        self.plain_is_itself = only_markdowns_postprocessors(md)

    def plain_text(self, element: etree.Element) -> str:
        """Return the text a reader sees in `element`, without tags or escapes."""
        text = element.text or ""
        if self.plain_is_itself and not len(element) and not _RENDERED.search(text):
            # Words alone, with nothing to restore or unescape: rendering gives
            # them back with their spaces collapsed. Most items are such, and
            # skip rendering, which is most of what an item's text costs.
            return " ".join(text.split())
        return rendered_text(element, self.md)

    def slug(self, text: str) -> str:
        """Return the slug toc would make of `text` (before deduplication)."""
        return self.slugify(text, SEPARATOR)


def plain_text(element: etree.Element, md: Markdown) -> str:
    """Return the text a reader sees in `element`, without tags or escapes."""
    return DocumentText(md).plain_text(element)


def cut_at_hyphen(slug: str, limit: int) -> str:
    """Shorten `slug` to at most `limit` characters, ending at a whole word."""
    if len(slug) <= limit:
        return slug
    if slug[limit] == SEPARATOR:
        return slug[:limit]
    head, separator, _ = slug[:limit].rpartition(SEPARATOR)
    return head if separator and head else slug[:limit]


def unique_id(base: str, used: set[str], attributes: tuple[str, ...] = ITEM_ATTRIBUTES) -> str:
    """Return toc's unique id for `base`, never one of the `attributes` it is written in.

    Such a name counts as used, so "id" gives "id_1": the same id on every
    build, whatever else the page holds.
    """
    if base in attributes:
        # toc's unique() would go on from "id" to "id_1" had "id" been used.
        base = f"{base}_1"
    return toc.unique(base, used)


def ids_in(root: etree.Element) -> set[str]:
    """Return every id already present under `root`."""
    return {element.get("id") for element in root.iter() if element.get("id")}
