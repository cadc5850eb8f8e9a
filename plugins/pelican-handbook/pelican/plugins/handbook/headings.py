"""Heading ids on the pages that have checklists, and on no other page.

Checklist ids share one scheme with heading ids (toc's slugs), and links to
a checklist's heading need the heading to have an id. A site that never
asked for heading ids must get none: its authors' own anchors would collide
with them, and its pages would change. So toc runs on every document, as
the checklists need, and the ids it added are taken away again from a
document that turned out to hold no checklist.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from handbook_checklists.slugs import slugify
from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.toc import TocExtension, TocTreeprocessor
from markdown.treeprocessors import Treeprocessor

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def site_has_toc(markdown_settings: dict) -> bool:
    """Say whether the site's own MARKDOWN setting gives headings ids (toc)."""
    extensions = markdown_settings.get("extensions", [])
    names = {getattr(e, "__module__", e) for e in extensions}
    names |= set(markdown_settings.get("extension_configs", {}))
    return any(isinstance(e, TocExtension) for e in extensions) or any(
        str(name).endswith("toc") for name in names
    )


class _AddedIds(TocTreeprocessor):
    """toc's treeprocessor, keeping the headings it gave an id on the Markdown instance."""

    def run(self, doc: etree.Element) -> None:
        without = [el for el in doc.iter() if el.tag in _HEADINGS and "id" not in el.attrib]
        super().run(doc)
        self.md.handbook_added_ids = [el for el in without if "id" in el.attrib]


class _DropIdsWithoutChecklists(Treeprocessor):
    """Take the added heading ids away from a document that has no checklist."""

    def run(self, doc: etree.Element) -> None:
        added = getattr(self.md, "handbook_added_ids", [])
        if not getattr(self.md, "checklists", None):
            for element in added:
                element.attrib.pop("id", None)
        self.md.handbook_added_ids = []


class ChecklistHeadingIds(Extension):
    """Give headings toc's ids on documents with checklists only."""

    def extendMarkdown(self, md: Markdown) -> None:
        # toc's own configuration, with no `[TOC]` marker (a page that writes
        # one as text keeps it, as it would without the plugin), and slugs in
        # every script, as the checklists' ids.
        config = TocExtension(marker="", slugify=slugify).getConfigs()
        # Named and placed as toc is, so the checklists find its slugify and ids.
        md.treeprocessors.register(_AddedIds(md, config), "toc", 5)
        # After the checklists (-1), which say whether the document has any.
        md.treeprocessors.register(_DropIdsWithoutChecklists(md), "handbook_heading_ids", -2)
