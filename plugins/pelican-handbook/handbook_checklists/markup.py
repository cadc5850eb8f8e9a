"""Read checklist marks and build the checklist HTML the theme and script rely on."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown import Markdown

from .ids import plain_text
from .markdown_compat import get_attrs_and_remainder

KINDS = ("steps", "cautions", "options")
# Only steps are tasks; cautions are rules to keep and options a menu.
TICKABLE = frozenset({"steps"})
NOT_A_CHECKLIST = "none"

# What a mark's class may say: `.checklist-KIND`, and `.report-form`.
_MARK_PREFIX = "checklist-"
REPORT_FORM = "report-form"
# `{: #id data-source="hash" }` under a translated item: the source item it
# translates, and a hash of that item's text when it was translated.
RECORD = "data-source"
RECORD_MARKER = "handbook-record:"
_ATTR_LIST = re.compile(r"\{:?[ ]*([^}\n ][^\n]*?)[ ]*\}")
# Anything else in an item is phrasing content and may sit inside a <label>.
_BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "details", "dialog", "div", "dl"}
    | {"fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"header", "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul"}
)


@dataclass(frozen=True)
class Mark:
    """What a `{: .checklist-KIND title="..." }` paragraph asks for."""

    # steps, cautions, options or none; None when the mark names no kind (or a wrong one).
    kind: str | None
    title: str | None = None
    # `.report-form`: this list's items are the incident report form's fields.
    report_form: bool = False
    # A `.checklist-...` class that names no kind, as written.
    unknown: str | None = None
    # `#some-id`: the checklist's id, whatever its title (a translation keeps its source's).
    id: str | None = None


def _mark_from_attrs(attrs: list[tuple[str, str]]) -> Mark | None:
    """Return the mark an attribute list makes, or None when it is no checklist mark."""
    classes = " ".join(value for key, value in attrs if key in (".", "class")).split()
    named = [c.removeprefix(_MARK_PREFIX) for c in classes if c.startswith(_MARK_PREFIX)]
    kinds = [name for name in named if name in (*KINDS, NOT_A_CHECKLIST)]
    unknown = next((f".{_MARK_PREFIX}{n}" for n in named if n not in kinds), None)
    report_form = REPORT_FORM in classes
    if not named and not report_form:
        return None
    title = next((value for key, value in attrs if key == "title"), None)
    kind = kinds[0] if kinds else None
    given_id = next((value for key, value in attrs if key == "id"), None)
    return Mark(kind, title.strip() if title else None, report_form, unknown, given_id)


def read_mark(element: etree.Element, md: Markdown) -> Mark | None:
    """Return the mark `element` is, or None when it is ordinary content."""
    if element.tag != "p":
        return None
    if element.get("class") and not (element.text or "").strip() and not len(element):
        # attr_list may already have moved the attributes onto the paragraph.
        return _mark_from_attrs(list(element.items()))
    if not (element.text or "").lstrip().startswith("{"):
        return None
    match = _ATTR_LIST.fullmatch(plain_text(element, md).strip())
    if not match:
        return None
    attrs, remainder = get_attrs_and_remainder(match.group(1))
    return None if remainder else _mark_from_attrs(attrs)


def _is_mark_class(name: str) -> bool:
    return name.startswith(_MARK_PREFIX) or name == REPORT_FORM


def _take_mark(element: etree.Element) -> Mark | None:
    """Return the mark attr_list put on `element`, taking its classes and title off it."""
    mark = _mark_from_attrs(list(element.items()))
    if mark is None:
        return None
    kept = [name for name in element.get("class", "").split() if not _is_mark_class(name)]
    if kept:
        element.set("class", " ".join(kept))
    else:
        element.attrib.pop("class", None)
    if mark.title:
        element.attrib.pop("title", None)
    if mark.id:
        element.attrib.pop("id", None)
    return mark


def take_lazy_mark(items: etree.Element) -> Mark | None:
    """Return the mark written right under a list with no blank line, taken off its last item.

    Without the blank line the mark continues the last item's text, and
    attr_list gives the item (or its last paragraph) the mark's classes.
    """
    lists = [items]
    while lists:
        entries = [child for child in lists[-1] if child.tag == "li"]
        if not entries:
            return None
        last = entries[-1]
        paragraph = [last[-1]] if len(last) and last[-1].tag == "p" else []
        for element in (last, *paragraph):
            mark = _take_mark(element)
            if mark:
                return mark
        lists = [child for child in last if child.tag in ("ul", "ol")][-1:]
    return None


def _is_block(element: etree.Element) -> bool:
    return not isinstance(element.tag, str) or element.tag in _BLOCK_TAGS


def _own_text(item: etree.Element) -> tuple[etree.Element | None, str | None, list]:
    """Return the item's first paragraph (if loose), its text and its phrasing children."""
    first = item[0] if len(item) else None
    if not (item.text or "").strip() and first is not None and first.tag == "p":
        return first, first.text, list(first)
    children = []
    for child in item:
        if _is_block(child):
            break
        children.append(child)
    return None, item.text, children


def take_item_text(item: etree.Element) -> etree.Element | None:
    """Move the item's own phrasing content into a new text span; None if it has none."""
    paragraph, text, children = _own_text(item)
    if not (text or "").strip() and not children:
        return None
    if paragraph is not None:
        # attr_list gave a loose item's attributes (`{: #id }`) to its paragraph.
        for name in ("id", RECORD):
            if paragraph.get(name) and not item.get(name):
                item.set(name, paragraph.get(name))
    span = etree.Element("span")
    span.text = text
    span.extend(children)
    # A loose item's first paragraph becomes the label: a label holds no blocks.
    for moved in [paragraph] if paragraph is not None else children:
        item.remove(moved)
    span.tail = paragraph.tail if paragraph is not None else None
    item.text = None
    return span


def take_record(item: etree.Element) -> str | None:
    """Return what a translated item records of its source, leaving a marker after its text.

    The marker is where the translation check puts an "outdated" mark, or nothing.
    """
    record = item.attrib.pop(RECORD, None)
    if record is not None:
        item.insert(1, etree.Comment(f"{RECORD_MARKER}{item.get('id')}"))
    return record


def add_class(element: etree.Element, name: str) -> None:
    """Add a class to `element`, keeping any it has."""
    existing = element.get("class")
    if not existing:
        element.set("class", name)
        return
    classes = existing.split()
    element.set("class", " ".join([name, *[c for c in classes if c != name]]))


def mark_item(
    item: etree.Element, text: etree.Element, item_id: str, kind: str, note: bool = False
) -> None:
    """Give `item` its id and classes; put its text first, in a label with a checkbox if tickable.

    One class per part (GOV.UK's BEM): `checklist__item`, `checklist__label`,
    `checklist__box`, `checklist__text`. The theme's CSS and the script find
    each part by its class, never by its place.
    """
    item.set("id", item_id)
    add_class(item, "checklist__item")
    if note:
        # Nested under a step: a note of that step, shown and printed, never ticked.
        item.set("class", f"{item.get('class')} checklist__item--note")
    add_class(text, "checklist__text")
    lead = text
    if kind in TICKABLE and not note:
        lead = etree.Element("label", {"class": "checklist__label"})
        etree.SubElement(lead, "input", {"class": "checklist__box", "type": "checkbox"})
        lead.append(text)
        lead.tail, text.tail = text.tail, None
    item.insert(0, lead)


def wrap_list(
    items: etree.Element, mark: Mark, checklist_id: str, title: str, own_id: bool
) -> etree.Element:
    """Return the checklist wrapper holding `items`; the caller puts it in place."""
    kind = mark.kind
    wrapper = etree.Element("div", {"class": f"checklist checklist--{kind}"})
    if mark.report_form:
        wrapper.set("data-report-form", "")
    if own_id:
        wrapper.set("id", checklist_id)
    if kind in TICKABLE:
        wrapper.set("data-module", "checklist")
    wrapper.set("data-checklist", checklist_id)
    wrapper.set("data-kind", kind)
    wrapper.set("role", "group")
    wrapper.set("aria-label", title)
    add_class(items, "checklist__items")
    # Keep the newlines Python-Markdown's prettify step put around blocks.
    wrapper.text, wrapper.tail, items.tail = "\n", items.tail, "\n"
    wrapper.append(items)
    return wrapper
