"""Give each Pelican page its checklists and headings.

The handbook's reader gives a page the checklists the extension made of it
(`handbook_checklists` metadata). A page another reader made has them read
from its HTML: the extension writes everything a template or a pocket card
needs into the markup (ids, titles, kinds, items).
"""

from __future__ import annotations

from handbook_checklists.items import Item

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_LISTS = ("ul", "ol")


def _words(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _item_text(item) -> str:
    """Return the words of a checklist item's own text (its notes and nested lists left out)."""
    text = item.find("span")
    if text is None:
        text = item.find("label/span")
    if text is None:
        return ""
    # An item that is only a picture says what its alt text says, as the extension has it.
    return _words(text) or " ".join(img.get("alt", "") for img in text.iter("img")).strip()


def _depth(item, wrapper) -> int:
    """Return how deep `item` is nested in its checklist (0 for a top-level item)."""
    depth = -1
    element = item.getparent()
    while element is not None and element is not wrapper:
        depth += element.tag in _LISTS
        element = element.getparent()
    return max(depth, 0)


def checklists_in(root) -> list[dict]:
    """Return each checklist under `root`: id, title, kind and items (id, text, depth)."""
    found = []
    for wrapper in root.iterfind(".//div[@data-checklist]"):
        items = [
            Item(item.get("id"), _item_text(item), _depth(item, wrapper))
            for item in wrapper.iterfind(".//li[@id]")
        ]
        checklist = {
            "id": wrapper.get("data-checklist"),
            "title": wrapper.get("aria-label", ""),
            "kind": wrapper.get("data-kind", "steps"),
            "items": [item for item in items if item.text],
        }
        if wrapper.get("data-report-form") is not None:
            checklist["report_form"] = True
        found.append(checklist)
    return found


def headings_in(root) -> list[dict]:
    """Return the headings with ids as nested tokens, the shape of `toc`'s `toc_tokens`."""
    # Every element, not iter(*HEADINGS): the root may be lxml's or Python-Markdown's.
    return heading_tokens(e for e in root.iter() if e.tag in HEADINGS and e.get("id"))


def heading_tokens(headings) -> list[dict]:
    """Return headings (elements with ids, in document order) as nested toc tokens."""
    tokens: list[dict] = []
    open_tokens: list[dict] = []
    for heading in headings:
        token = {"level": int(heading.tag[1]), "id": heading.get("id"), "name": _words(heading)}
        token["children"] = []
        while open_tokens and open_tokens[-1]["level"] >= token["level"]:
            open_tokens.pop()
        (open_tokens[-1]["children"] if open_tokens else tokens).append(token)
        open_tokens.append(token)
    return tokens


def describe(page, root) -> None:
    """Set `page.handbook_checklists` and `page.handbook_toc` for the templates."""
    if "handbook_checklists" not in page.metadata:
        page.handbook_checklists = checklists_in(root)
    page.handbook_toc = headings_in(root)
