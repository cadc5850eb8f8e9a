"""The text of a new translation: its source with every id and record in place, words to translate.

Each heading gets its id (`## Title {: #id }`), each checklist that is not
named by its heading gets it in its mark (`{: .checklist-steps #id }`), each
item the record of its source item on the line under it, and the metadata
says the translation's language, slug and the date of its source.
"""

from __future__ import annotations

import re

from .records import record_attributes

# A list item's first line: its marker and the indent of its text.
LIST_ITEM = re.compile(r"^(\s*)([-*+]|\d+[.)])(\s+)\S")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_ATTRIBUTES = re.compile(r"^\s*\{:?[^}\n]*\}\s*$")
_MARK = re.compile(r"^\s*\{:?[^}\n]*\.(checklist-[\w-]+|report-form)[^}\n]*\}\s*$")
# Metadata that names an output of its own: the translation takes its language's.
_OWN_OUTPUT = ("url", "save_as")


def _is_continuation(line: str) -> bool:
    return bool(line.strip()) and not LIST_ITEM.match(line) and not _ATTRIBUTES.match(line)


def item_text_end(lines: list[str], first: int) -> int:
    """Return the index of the last line of the item's own text starting at `first`."""
    last = first
    while last + 1 < len(lines) and _is_continuation(lines[last + 1]):
        last += 1
    return last


def _metadata(
    lines: list[str], lang: str, slug: str, source_date: str | None
) -> tuple[list[str], int]:
    """Return the translation's metadata lines (the source's, in `lang`), and where they end."""
    end = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    kept = [line for line in lines[:end] if line.split(":")[0].strip().lower() not in _OWN_OUTPUT]
    kept = [line for line in kept if line.split(":")[0].strip().lower() not in ("slug", "lang")]
    added = [f"Slug: {slug}", f"Lang: {lang}"]
    if source_date:
        added.append(f"Source_date: {source_date}")
    kept = [line for line in kept if line.split(":")[0].strip().lower() != "source_date"]
    return [*kept[:1], *added, *kept[1:]], end


def _heading_lines(lines: list[str], start: int) -> list[int]:
    """Return the indexes of the ATX headings outside fenced code."""
    found, fenced = [], False
    for index in range(start, len(lines)):
        if _FENCE.match(lines[index]):
            fenced = not fenced
        elif not fenced and _HEADING.match(lines[index]):
            found.append(index)
    return found


def _list_end(lines: list[str], last_item: int) -> int:
    """Return the index of the last line of the list whose last item starts at `last_item`."""
    end = item_text_end(lines, last_item)
    index = end + 1
    while index < len(lines):
        line = lines[index]
        if line.strip() and not line.startswith((" ", "\t")) and not LIST_ITEM.match(line):
            break
        if line.strip():
            end = index
        index += 1
    return end


def write_skeleton(
    source: str, lang: str, slug: str, source_date: str | None, plan: dict
) -> tuple[str, list[str]]:
    """Return the translation's text, and what could not be put in place.

    `plan` gives `headings` (each ATX heading's id, in order), `items` (each
    item's first line index, id and text) and `checklists` (each checklist
    named by its own id: kind, id, and the first line index of its last item).
    """
    lines = source.split("\n")
    metadata, body = _metadata(lines, lang, slug, source_date)
    left: list[str] = []
    inserts: dict[int, list[str]] = {}
    replaced: dict[int, str] = {}
    headings = _heading_lines(lines, body)
    if len(headings) == len(plan["headings"]):
        for index, heading_id in zip(headings, plan["headings"]):
            if heading_id and "{:" not in lines[index]:
                replaced[index] = f"{lines[index].rstrip()} {{: #{heading_id} }}"
    else:
        left.append("heading ids: the page has headings that are not written '## Title'")
    for first, item_id, text in plan["items"]:
        if first is None:
            left.append(f"the record of item '{item_id}' (it is not written on a line of its own)")
            continue
        end = item_text_end(lines, first)
        indent = " " * len(LIST_ITEM.match(lines[first]).group(0)[:-1])
        record = f"{indent}{record_attributes(item_id, text)}"
        if end + 1 < len(lines) and _ATTRIBUTES.match(lines[end + 1]):
            replaced[end + 1] = record
        else:
            inserts.setdefault(end, []).append(record)
    for kind, checklist_id, last_item in plan["checklists"]:
        end = _list_end(lines, last_item)
        after = next((i for i in range(end + 1, len(lines)) if lines[i].strip()), None)
        if after is not None and _MARK.match(lines[after]):
            mark = replaced.get(after, lines[after]).rstrip()
            replaced[after] = f"{mark[:-1].rstrip()} #{checklist_id} }}"
        else:
            inserts.setdefault(end, []).extend(["", f"{{: .checklist-{kind} #{checklist_id} }}"])
    out = [*metadata]
    for index in range(body, len(lines)):
        out.append(replaced.get(index, lines[index]))
        out.extend(inserts.get(index, []))
    return "\n".join(out), left
