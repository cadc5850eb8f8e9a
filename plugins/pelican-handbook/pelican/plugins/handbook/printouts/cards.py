"""Build the pocket card faces from a page's checklists and the contact settings.

One checklist per face; a checklist longer than HANDBOOK["card_max_items"] is
split into parts titled "(1 of 2)", "(2 of 2)", and one whose text does not
fit its face into more (fit.py measures it). The contacts card, written only
when the site sets contacts, comes first. A face's id names its page and
its checklist (`card-hosts-procedure-checklist`): two pages' untitled
lists are both `checklist`, and one page holds every face.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from handbook_checklists.slugs import slugify

from ..build import current_build
from ..contacts import shown
from ..source_lines import SourceLines
from ..words import DEFAULT_WORDS

# The contacts card splits like a checklist; this names it where a checklist id would.
CONTACTS = "contacts"


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
    # The date of the procedure the face comes from (its page's handbook_changed).
    changed: str = ""
    # The checklist this face is a part of (CONTACTS for the contacts card):
    # its key (source path and id, unique in the build) and title, and how
    # many parts it is split into.
    checklist: str = ""
    checklist_title: str = ""
    parts: int = 1
    # Set once the faces are planned: the type size (points) measured to fit,
    # the face's number among `count`, and the contacts card's QR code.
    text_size: int = 12
    number: int = 1
    count: int = 1
    qr: dict | None = None


def group_items(items: list[dict]) -> list[dict]:
    """Return the top-level items, each with the items nested under it as `children`."""
    groups: list[dict] = []
    for item in items:
        if item["depth"] == 0 or not groups:
            groups.append({"text": item["text"], "children": []})
        else:
            groups[-1]["children"].append(item)
    return groups


def split_items(items: list[dict], limit: int, least: int = 1) -> list[list[dict]]:
    """Split top-level items into the fewest even parts of at most `limit` each, `least` or more.

    Nested items stay with their parent (as `children`), so a part may hold a
    few more lines.
    """
    groups = group_items(items)
    parts = min(max(math.ceil(len(groups) / limit), least), len(groups))
    # The first len % parts parts take one item more.
    size, more = divmod(len(groups), parts)
    bounds = [0]
    for number in range(parts):
        bounds.append(bounds[-1] + size + (number < more))
    return [groups[start:end] for start, end in zip(bounds, bounds[1:])]


def numbering_css(pages: list) -> str:
    """Return the rules that number each part of a split list from its first step's number.

    Browsers number an `<ol start="7">` from 7; WeasyPrint ignores `start`
    and numbers every part from 1. So every start a part can have (up to
    the longest list's length) sets the list's counter.
    """
    longest = max(
        (
            len(group_items(checklist["items"]))
            for page in pages
            for checklist in getattr(page, "handbook_checklists", [])
            if checklist["kind"] == "steps"
        ),
        default=0,
    )
    rules = [
        f'.card__items[start="{start}"] {{ counter-reset: list-item {start - 1}; }}\n'
        for start in range(2, longest + 1)
    ]
    return "/* Split lists go on counting (WeasyPrint ignores <ol start>). */\n" + "".join(rules)


def checklist_line(lines: SourceLines, source_path: str, checklist: dict) -> int:
    """Return the line where `checklist` starts: its first item's, else its title's, else 1."""
    first = checklist["items"][0]["text"] if checklist["items"] else ""
    found = lines.of_words(source_path, first) or lines.of_words(source_path, checklist["title"])
    return found or 1


def checklist_faces(
    page,
    limit: int,
    least: dict | None = None,
    words: dict = DEFAULT_WORDS,
    lines: SourceLines | None = None,
) -> list[Face]:
    """Return the faces the checklists of `page` make, split at `limit` items.

    `least` gives, by checklist key, the fewest parts a checklist is split into;
    `lines`, the build's source lines (outside a build, the source is read).
    """
    lines = lines if lines is not None else SourceLines({})
    faces = []
    page_id = slugify(str(page.slug), "-") or "page"
    changed = getattr(page, "handbook_changed", None) or ""
    for checklist in getattr(page, "handbook_checklists", []):
        key = f"{page.source_path}#{checklist['id']}"
        fewest = (least or {}).get(key, 1)
        parts = split_items(checklist["items"], limit, fewest) if checklist["items"] else []
        line = checklist_line(lines, page.source_path, checklist)
        start = 1
        for number, items in enumerate(parts, start=1):
            title, face_id = checklist["title"], f"card-{page_id}-{checklist['id']}"
            if len(parts) > 1:
                part = words["card_part"]
                title = part.format(title=title, number=number, count=len(parts))
                face_id = f"{face_id}-{number}"
            face = Face(face_id, title, checklist["kind"], items, start, page.source_path, line)
            face.checklist, face.checklist_title = key, checklist["title"]
            face.parts, face.changed = len(parts), changed
            faces.append(face)
            start += len(items)
    return faces


def _words(settings: dict) -> dict:
    """Return this build's wording (DEFAULT_WORDS outside a build)."""
    build = current_build(settings)
    return {**DEFAULT_WORDS, **(build.options.get("words", {}) if build is not None else {})}


def contact_lines(settings: dict) -> list[dict]:
    """Return the contacts card's lines: each contact shown on the "card", then the conduct address.

    A line is a contact: its `label`, and its `means` (`text` and `href`),
    its phone and its email, so a contact with both is named once. Each
    phone dials what `contacts.dialled` makes of it unless the contact gives
    its own `tel`.
    """
    lines = []
    emails = set()
    for kind, contact in shown(settings, "card"):
        if kind == "EMERGENCY_CONTACTS":
            label = contact["label"]
        else:
            label = contact["role"] + (f": {contact['name']}" if contact.get("name") else "")
        means = []
        if contact.get("phone"):
            means.append({"text": contact["phone"], "href": f"tel:{contact['tel']}"})
        if contact.get("email"):
            emails.add(contact["email"])
            means.append({"text": contact["email"], "href": f"mailto:{contact['email']}"})
        if means:
            emergency = kind == "EMERGENCY_CONTACTS"
            lines.append({"label": label, "means": means, "emergency": emergency})
    conduct = settings.get("CONDUCT_EMAIL")
    if conduct and conduct not in emails:
        label = _words(settings)["cards_conduct_email"]
        means = [{"text": conduct, "href": f"mailto:{conduct}"}]
        lines.append({"label": label, "means": means, "emergency": False})
    return lines


def contact_faces(settings: dict, page, parts: int = 1) -> list[Face]:
    """Return the contacts card: one face, or `parts` if one does not fit; none without contacts.

    It is dated, and warned about, as the first card page.
    """
    title = _words(settings)["who_to_call"]
    lines = contact_lines(settings)
    if not lines:
        return []
    parts = max(1, min(parts, len(lines)))
    size, more = divmod(len(lines), parts)
    faces, start = [], 0
    for number in range(1, parts + 1):
        end = start + size + (number <= more)
        face_id, face_title = "card-contacts", title
        if parts > 1:
            part = _words(settings)["card_part"].format(title=title, number=number, count=parts)
            face_id, face_title = f"card-contacts-{number}", part
        face = Face(face_id, face_title, "contacts", lines[start:end], source_path=page.source_path)
        face.checklist, face.checklist_title, face.parts = CONTACTS, title, parts
        face.changed = getattr(page, "handbook_changed", None) or ""
        faces.append(face)
        start = end
    return faces


def unique_ids(faces: list[Face]) -> None:
    """Make each face's id, and its title's (`<id>-title`, card_faces.html), unique on the page."""
    used: set[str] = set()
    for face in faces:
        face_id, number = face.id, 0
        # Ids made of a page and a checklist may still meet: page "a" with
        # list "b-c", page "a-b" with list "c".
        while face_id in used or f"{face_id}-title" in used:
            number += 1
            face_id = f"{face.id}_{number}"
        face.id = face_id
        used.update((face_id, f"{face_id}-title"))


def card_faces(pages: list, settings: dict, limit: int, least: dict | None = None) -> list[Face]:
    """Return every face: the contacts card (if any contacts are set), then each checklist part.

    `least` gives, by checklist key, the fewest parts a checklist is split into.
    """
    faces = contact_faces(settings, pages[0], (least or {}).get(CONTACTS, 1))
    words = _words(settings)
    build = current_build(settings)
    lines = build.lines if build is not None else SourceLines({})
    faces += [face for page in pages for face in checklist_faces(page, limit, least, words, lines)]
    unique_ids(faces)
    for number, face in enumerate(faces, start=1):
        face.number, face.count = number, len(faces)
    return faces
