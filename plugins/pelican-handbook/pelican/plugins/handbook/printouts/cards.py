"""Build the pocket card faces from a page's checklists and the contact settings.

One checklist per face; a checklist longer than HANDBOOK["card_max_items"] is
split into parts titled "(1 of 2)", "(2 of 2)". The contacts card comes first.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..build import current_build
from ..contacts import shown
from ..words import DEFAULT_WORDS


@dataclass
class Face:
    """One side of a pocket card: a title and its items, or the contacts."""

    id: str
    title: str
    kind: str  # steps, cautions, options or contacts
    items: list[dict] = field(default_factory=list)
    # Number of the first item, so a split numbered list keeps counting.
    start: int = 1
    source_path: str = ""
    line: int = 1


def group_items(items: list[dict]) -> list[dict]:
    """Return the top-level items, each with the items nested under it as `children`."""
    groups: list[dict] = []
    for item in items:
        if item["depth"] == 0 or not groups:
            groups.append({"text": item["text"], "children": []})
        else:
            groups[-1]["children"].append(item)
    return groups


def split_items(items: list[dict], limit: int) -> list[list[dict]]:
    """Split top-level items into the fewest even parts of at most `limit` each.

    Nested items stay with their parent (as `children`), so a part may hold a
    few more lines.
    """
    groups = group_items(items)
    parts = math.ceil(len(groups) / limit)
    size = math.ceil(len(groups) / parts)
    return [groups[i : i + size] for i in range(0, len(groups), size)]


def _alnum(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).lower()


def source_line(source_path: str, checklist: dict) -> int:
    """Return the line where `checklist` starts in its Markdown source (1 if unknown).

    Python-Markdown keeps no line numbers, so scan the source for the first
    item's words, then for the title's.
    """
    try:
        lines = Path(source_path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    first = checklist["items"][0]["text"] if checklist["items"] else ""
    for needle in (_alnum(first)[:25], _alnum(checklist["title"])[:25]):
        if not needle:
            continue
        for number, line in enumerate(lines, start=1):
            if needle in _alnum(line):
                return number
    return 1


def checklist_faces(page, limit: int) -> list[Face]:
    """Return the faces the checklists of `page` make, split at `limit` items."""
    faces = []
    for checklist in getattr(page, "handbook_checklists", []):
        parts = split_items(checklist["items"], limit) if checklist["items"] else []
        line = source_line(page.source_path, checklist)
        start = 1
        for number, items in enumerate(parts, start=1):
            title, face_id = checklist["title"], f"card-{checklist['id']}"
            if len(parts) > 1:
                title, face_id = f"{title} ({number} of {len(parts)})", f"{face_id}-{number}"
            faces.append(
                Face(face_id, title, checklist["kind"], items, start, page.source_path, line)
            )
            start += len(items)
    return faces


def _words(settings: dict) -> dict:
    """Return this build's wording (DEFAULT_WORDS outside a build)."""
    build = current_build(settings)
    return {**DEFAULT_WORDS, **(build.options.get("words", {}) if build is not None else {})}


def contact_lines(settings: dict) -> list[dict]:
    """Return the contacts card's lines: the contacts shown on the "card", then the conduct address.

    Each phone dials what `contacts.dialled` makes of it unless the contact
    gives its own `tel`.
    """
    lines = []
    emails = set()
    for kind, contact in shown(settings, "card"):
        if kind == "EMERGENCY_CONTACTS":
            label = contact["label"]
        else:
            label = contact["role"] + (f": {contact['name']}" if contact.get("name") else "")
        if contact.get("phone"):
            line = {"label": label, "text": contact["phone"], "href": f"tel:{contact['tel']}"}
            if kind == "EMERGENCY_CONTACTS":
                line["emergency"] = True
            lines.append(line)
        if contact.get("email"):
            emails.add(contact["email"])
            lines.append(
                {"label": label, "text": contact["email"], "href": f"mailto:{contact['email']}"}
            )
    conduct = settings.get("CONDUCT_EMAIL")
    if conduct and conduct not in emails:
        label = _words(settings)["cards_conduct_email"]
        lines.append({"label": label, "text": conduct, "href": f"mailto:{conduct}"})
    return lines


def card_faces(pages: list, settings: dict, limit: int) -> list[Face]:
    """Return every face: the contacts card, then one per checklist part of each page."""
    title = _words(settings)["who_to_call"]
    contacts = Face("card-contacts", title, "contacts", contact_lines(settings))
    contacts.source_path = pages[0].source_path
    return [contacts, *(face for page in pages for face in checklist_faces(page, limit))]
