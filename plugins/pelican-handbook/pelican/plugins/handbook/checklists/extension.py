"""Python-Markdown extension: marked lists become checklists with stable ids.

A page with `Checklists: steps` metadata makes each top-level list a checklist;
a paragraph `{: .checklist-KIND }` after any list marks that list (KIND is steps,
cautions, options or none; `.report-form` marks the list whose items are the
incident report form's fields). The element before the list, a heading or a
sentence ending in ":", gives the title. Items nested under an item are its
notes. Results per page are in `md.checklists`, in document order; mistakes
(a kind that does not exist, a mark that follows no list) and doubtful
checklists in `md.checklist_mistakes`, and through the `on_mistake` callback;
the checklists also through `on_checklists`, once each document is done.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.toc import unique
from markdown.treeprocessors import Treeprocessor

from .ids import DocumentText, cut_at_hyphen, ids_in
from .markup import (
    KINDS,
    NOT_A_CHECKLIST,
    Mark,
    add_class,
    mark_item,
    read_mark,
    take_item_text,
    wrap_list,
)
from .mistakes import Mistakes

_LISTS = ("ul", "ol")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# The last sentence of a lead-in paragraph is the title: "... needs. You can:".
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _heading_names(tokens: list[dict]) -> dict[str, str]:
    """Return toc's plain name of each heading by id (it leaves out permalinks)."""
    names = {}
    for token in tokens:
        names[token["id"]] = html.unescape(token["name"])
        names.update(_heading_names(token.get("children", [])))
    return names


class ChecklistTreeprocessor(Treeprocessor):
    """Turn marked lists into checklists, after toc has given headings their ids."""

    def __init__(self, md: Markdown, config: dict[str, Any]):
        super().__init__(md)
        self.metadata_key: str = config["metadata_key"].lower()
        self.item_id_length = int(config["item_id_length"])
        self.default_title: str = config["default_title"]
        self.on_mistake = config["on_mistake"]
        self.on_checklists = config["on_checklists"]

    def run(self, root: etree.Element) -> None:
        self.root = root
        self.text = DocumentText(self.md)
        self.used_ids = ids_in(root)
        self.mistakes = Mistakes(self.md, self.on_mistake, self.default_title)
        self.page_kind = self._page_kind()
        self.heading_names = _heading_names(getattr(self.md, "toc_tokens", []))
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
        if mark and mark.unknown:
            self.mistakes.unknown_mark(mark.unknown)
        page_kind = self.page_kind if parent is self.root else None
        kind = mark.kind if mark and mark.kind else page_kind
        if kind in (None, NOT_A_CHECKLIST) or not self._has_text(items):
            self._walk(items)
            return
        mark = Mark(kind, mark.title if mark else None, bool(mark and mark.report_form))
        lead_in = parent[index - 1] if index else None
        checklist_id, title, own_id = self._name(lead_in, mark)
        parent[index] = wrap_list(items, mark, checklist_id, title, own_id)
        found = {"id": checklist_id, "title": title, "kind": kind, "items": []}
        if mark.report_form:
            found["report_form"] = True
        self.md.checklists.append(found)
        texts: list[etree.Element] = []
        self._mark_items(items, kind, 0, found["items"], texts)
        self.mistakes.check_checklist(found, texts, self._title_is_written(lead_in, mark))

    @staticmethod
    def _has_text(items: etree.Element) -> bool:
        """Return whether any item says something (an empty list is left alone)."""
        return any((el.text or "").strip() or len(el) for el in items if el.tag == "li")

    def _name(self, lead_in: etree.Element | None, mark: Mark | None) -> tuple[str, str, bool]:
        """Return the checklist's id, its title, and whether the wrapper carries the id."""
        title = self._lead_in_title(lead_in)
        if mark and mark.title:
            title = mark.title
        title = title or self.default_title
        if lead_in is not None and lead_in.tag in _HEADINGS and lead_in.get("id"):
            # The heading already is the link target; the wrapper refers to it.
            return lead_in.get("id"), title, False
        base = self.text.slug(title) or self.text.slug(self.default_title) or "checklist"
        return unique(base, self.used_ids), title, True

    @staticmethod
    def _title_is_written(lead_in: etree.Element | None, mark: Mark) -> bool:
        """Say whether the title was chosen by the author: a heading, or `title=`."""
        return bool(mark.title) or (lead_in is not None and lead_in.tag in _HEADINGS)

    def _lead_in_title(self, lead_in: etree.Element | None) -> str | None:
        """Return the title a heading or a paragraph ending in ":" gives, or None."""
        if lead_in is None or lead_in.tag not in (*_HEADINGS, "p"):
            return None
        text = self.heading_names.get(lead_in.get("id")) or self.text.plain_text(lead_in)
        text = text.strip()
        if lead_in.tag == "p":
            if not text.endswith(":"):
                return None
            text = _SENTENCE_END.split(text)[-1]
        return text.removesuffix(":").strip()

    def _mark_items(
        self, items: etree.Element, kind: str, depth: int, found: list, texts: list | None = None
    ) -> None:
        """Mark each item of `items` and of the lists nested in them.

        `texts` gets the text span of each item of `items` that says something.
        """
        for item in [el for el in items if el.tag == "li"]:
            text, words = self._item_text(item)
            if words:
                item_id = item.get("id") or self._item_id(words)
                mark_item(item, text, item_id, kind, note=depth > 0)
                found.append({"id": item_id, "text": words, "depth": depth})
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
        return unique(base or "item", self.used_ids)


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
                "Longest item id, cut at a hyphen, before deduplication. Default: 60",
            ],
            "default_title": [
                "Checklist",
                "Title of a checklist with no heading or lead-in. Default: 'Checklist'",
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
        processor = ChecklistTreeprocessor(md, self.getConfigs())
        md.treeprocessors.register(processor, "checklists", -1)

    def reset(self) -> None:
        self.md.checklists = []
        self.md.checklist_mistakes = []


def makeExtension(**kwargs: Any) -> ChecklistExtension:
    """Return the extension, so Markdown can load it by module name."""
    return ChecklistExtension(**kwargs)
