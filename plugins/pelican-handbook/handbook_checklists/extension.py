"""Python-Markdown extension: marked lists become checklists with stable ids.

A page with `Checklists: steps` metadata makes each top-level list a checklist;
a paragraph `{: .checklist-KIND }` after any list marks that list (KIND is steps,
cautions, options or none; `.report-form` marks the list whose items are the
incident report form's fields). The element before the list, a heading, a
bold paragraph or a sentence ending in ":", gives the title. Items nested
under an item are its notes. On a page with checklists, lists are read as
CommonMark reads them (lists.py). Results per page are in `md.checklists`,
in document order; mistakes (a kind that does not exist, a mark that
follows no list) and doubtful checklists in `md.checklist_mistakes`, and
through the `on_mistake` callback; the checklists also through
`on_checklists`, once each document is done.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as etree
from dataclasses import replace
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .ids import CHECKLIST_ATTRIBUTES, DocumentText, cut_at_hyphen, ids_in, unique_id
from .items import Item
from .lists import ACTIVE, ItemAfterItsText, ListsAsWritten, ListUnderParagraph
from .markup import (
    KINDS,
    NOT_A_CHECKLIST,
    Mark,
    add_class,
    mark_item,
    read_mark,
    take_item_text,
    take_lazy_mark,
    take_record,
    wrap_list,
)
from .mistakes import FRAGMENT_CLOSERS, FRAGMENT_OPENERS, Mistakes
from .titles import HEADINGS, LeadIn, heading_names, lead_in, source_snippet

_LISTS = ("ul", "ol")


class ChecklistTreeprocessor(Treeprocessor):
    """Turn marked lists into checklists, after toc has given headings their ids."""

    def __init__(self, md: Markdown, config: dict[str, Any]):
        super().__init__(md)
        self.metadata_key: str = config["metadata_key"].lower()
        self.item_id_length = int(config["item_id_length"])
        self.title_length = int(config["title_length"])
        self.default_title: str = config["default_title"]
        self.fragment_words = (config["fragment_openers"], config["fragment_closers"])
        self.on_mistake = config["on_mistake"]
        self.on_checklists = config["on_checklists"]

    def new_mistakes(self) -> Mistakes:
        """Return what records this document's mistakes, for any step of its conversion."""
        return Mistakes(self.md, self.on_mistake, self.default_title, self.fragment_words)

    def run(self, root: etree.Element) -> None:
        self.root = root
        self.text = DocumentText(self.md)
        self.used_ids = ids_in(root)
        self.mistakes = self.new_mistakes()
        self.page_kind = self._page_kind()
        self.heading_names = heading_names(getattr(self.md, "toc_tokens", []))
        self.md.checklists = []
        self._walk(root)
        self.mistakes.after_walk(root)
        self.on_checklists(self.md.checklists)

    def _page_kind(self) -> str | None:
        """Return the kind page metadata gives top-level lists, if any."""
        values = getattr(self.md, "Meta", {}).get(self.metadata_key, [])
        kind = " ".join(values).strip().lower()
        if values and kind not in (*KINDS, NOT_A_CHECKLIST):
            self.mistakes.unknown_page_kind(self.metadata_key, kind)
        return kind if kind in KINDS else None

    def _walk(self, parent: etree.Element) -> None:
        """Find lists under `parent`, in document order, and make checklists of them."""
        index = 0
        while index < len(parent):
            child = parent[index]
            if child.tag in _LISTS:
                self._consider(parent, index)
            elif isinstance(child.tag, str):
                self._walk(child)
            index += 1

    def _consider(self, parent: etree.Element, index: int) -> None:
        """Make the list at `parent[index]` a checklist if marked; else look inside it."""
        items = parent[index]
        mark = None
        if index + 1 < len(parent):
            mark = read_mark(parent[index + 1], self.md)
            if mark:
                parent.remove(parent[index + 1])
        mark = mark or take_lazy_mark(items)
        if mark and mark.unknown:
            self.mistakes.unknown_mark(mark.unknown)
        page_kind = self.page_kind if parent is self.root else None
        kind = mark.kind if mark and mark.kind else page_kind
        if kind in (None, NOT_A_CHECKLIST) or not self._has_text(items):
            self._walk(items)
            return
        mark = replace(mark, kind=kind, unknown=None) if mark else Mark(kind)
        before = parent[index - 1] if index else None
        lead = lead_in(before, self.text, self.heading_names)
        checklist_id, title, own_id = self._name(before, lead, mark)
        parent[index] = wrap_list(items, mark, checklist_id, title, own_id)
        found = {"id": checklist_id, "title": title, "kind": kind, "items": []}
        if mark.report_form:
            found["report_form"] = True
        self.md.checklists.append(found)
        texts: list[etree.Element] = []
        self._mark_items(items, kind, 0, found["items"], texts)
        snippet = source_snippet(texts[0]) if texts else ""
        self.mistakes.check_checklist(found, snippet, texts, bool(mark.title) or lead.chosen)
        if not mark.title and len(title) > self.title_length and before is not None:
            self.mistakes.long_title(title, self.title_length, source_snippet(before))

    @staticmethod
    def _has_text(items: etree.Element) -> bool:
        """Return whether any item says something (an empty list is left alone)."""
        return any((el.text or "").strip() or len(el) for el in items if el.tag == "li")

    def _name(
        self, before: etree.Element | None, lead: LeadIn, mark: Mark
    ) -> tuple[str, str, bool]:
        """Return the checklist's id, its title, and whether the wrapper carries the id."""
        title = mark.title or lead.title or self.default_title
        if mark.id:
            # Chosen by the author, as a heading's `{: #id }` is: kept as written.
            self.used_ids.add(mark.id)
            return mark.id, title, True
        heading_id = before.get("id") if before is not None and before.tag in HEADINGS else None
        if heading_id and heading_id not in CHECKLIST_ATTRIBUTES:
            # The heading already is the link target; the wrapper refers to it.
            return heading_id, title, False
        base = self.text.slug(title) or self.text.slug(self.default_title) or "checklist"
        # A long lead-in makes a long id: cut at a whole word, as item ids are.
        base = cut_at_hyphen(base, self.item_id_length).strip("-_") or "checklist"
        return unique_id(base, self.used_ids, CHECKLIST_ATTRIBUTES), title, True

    def _mark_items(
        self, items: etree.Element, kind: str, depth: int, found: list, texts: list | None = None
    ) -> None:
        """Mark each item of `items` and of the lists nested in them.

        `texts` gets the text span of each item of `items` that says something.
        """
        for item in [el for el in items if el.tag == "li"]:
            text, words = self._item_text(item)
            if words:
                # Interned: the link check reads the same ids from every written
                # page, and one string per id is what the build keeps of them.
                item_id = sys.intern(item.get("id") or self._item_id(words))
                mark_item(item, text, item_id, kind, note=depth > 0)
                found.append(Item(item_id, words, depth, take_record(item)))
                if texts is not None:
                    texts.append(text)
            elif text is not None:
                # Nothing a reader sees (a comment): a checkbox here would have no name.
                item.insert(0, text)
            self._mark_nested(item, kind, depth + 1, found)

    def _item_text(self, item: etree.Element) -> tuple[etree.Element | None, str]:
        """Move the item's own text into a new span; return it and its words ('' if none)."""
        text = take_item_text(item)
        return text, self._words(text) if text is not None else ""

    def _words(self, text: etree.Element) -> str:
        """Return what an item says: its text, or its images' alt text."""
        words = self.text.plain_text(text).strip()
        return words or " ".join(img.get("alt", "") for img in text.iter("img")).strip()

    def _mark_nested(self, item: etree.Element, kind: str, depth: int, found: list) -> None:
        """Mark the lists directly inside `item` as part of the same checklist."""
        index = 0
        while index < len(item):
            child = item[index]
            if child.tag in _LISTS:
                # A checklist holds no other checklist; a mark here has nothing to add.
                if index + 1 < len(item) and read_mark(item[index + 1], self.md):
                    item.remove(item[index + 1])
                add_class(child, "checklist__items")
                self._mark_items(child, kind, depth, found)
            index += 1

    def _item_id(self, words: str) -> str:
        """Return a new unique id made from an item's words."""
        base = cut_at_hyphen(self.text.slug(words), self.item_id_length).strip("-_")
        if not base:
            # A position-made id moves when a step is added, and saved ticks move with it.
            self.mistakes.record(
                "error",
                f"item '{words}' has no letters or digits to make its id from:"
                " give it one on the line under it, indented: '    {: #call-for-help }'",
                words,
            )
        return unique_id(base or "item", self.used_ids)


def keep_only(level: str, message: str, snippet: str) -> None:
    """Do nothing more: the mistake is kept on `md.checklist_mistakes`."""


def keep_checklists(checklists: list[dict]) -> None:
    """Do nothing more: the checklists are kept on `md.checklists`."""


class ChecklistExtension(Extension):
    """Make marked Markdown lists into checklists with titles and stable ids."""

    def __init__(self, **kwargs: Any):
        self.config = {
            "metadata_key": [
                "checklists",
                "Page metadata key whose kind applies to top-level lists. Default: 'checklists'",
            ],
            "item_id_length": [
                60,
                "Longest item or checklist id, cut at a hyphen, before deduplication. Default: 60",
            ],
            "title_length": [
                80,
                "Longest title a lead-in may give before the build warns. Default: 80",
            ],
            "default_title": [
                "Checklist",
                "Title of a checklist with no heading or lead-in. Default: 'Checklist'",
            ],
            "fragment_openers": [
                FRAGMENT_OPENERS,
                "Words (space-separated) a lead-in that is no title starts with, in the"
                " page's language: 'You can:'. Default: English ones",
            ],
            "fragment_closers": [
                FRAGMENT_CLOSERS,
                "Words a lead-in that is no title ends with: 'Staff should:'."
                " Default: English ones",
            ],
            # A function as default: Markdown reads a None default as a boolean switch.
            "on_mistake": [
                keep_only,
                "Called as on_mistake(level, message, snippet) for each mistake ('error') or"
                " doubtful checklist ('warning'); snippet is text to find it by in the source."
                " Default: none called (they are kept on md.checklist_mistakes)",
            ],
            "on_checklists": [
                keep_checklists,
                "Called as on_checklists(checklists) once a document is converted, with"
                " what md.checklists holds. Default: none called",
            ],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        self.md = md
        self.reset()
        # After toc (5) and attr_list (8): headings already carry their ids.
        # After unescape (0) too: it rewrites every attribute of every element,
        # and the checklist markup adds several per item.
        config = self.getConfigs()
        processor = ChecklistTreeprocessor(md, config)
        md.treeprocessors.register(processor, "checklists", -1)
        # After meta (27), fenced code (25) and raw HTML (20): metadata is read
        # and code is stashed away before lists are looked at.
        lists = ListsAsWritten(md, config["metadata_key"].lower(), processor.new_mistakes)
        md.preprocessors.register(lists, "checklist_lists", 15)
        # Just before paragraphs (10), after every other block (references: 15).
        md.parser.blockprocessors.register(ListUnderParagraph(md.parser), "checklist_list", 12)
        # Before the indented text of a list item is taken in (90).
        md.parser.blockprocessors.register(ItemAfterItsText(md.parser), "checklist_item", 95)

    def reset(self) -> None:
        setattr(self.md, ACTIVE, False)
        self.md.checklists = []
        self.md.checklist_mistakes = []


def makeExtension(**kwargs: Any) -> ChecklistExtension:
    """Return the extension, so Markdown can load it by module name."""
    return ChecklistExtension(**kwargs)
