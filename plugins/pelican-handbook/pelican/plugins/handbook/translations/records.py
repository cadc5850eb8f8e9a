"""What a translation records of its source: each item's source id and a hash of its text.

A translated item is written with an attribute list on the line under it:

    - Llama a los servicios de emergencia
      {: #call-emergency-services data-source="5d41402a" }

`#id` keeps the source item's id (its tick, its links); `data-source` is a
hash of the source item's plain text when it was translated. Plain text, so
a source item whose link target or emphasis alone changed reads the same.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

RECORD_LENGTH = 8
# The hash of a record, as written in its attribute list.
_HASH = re.compile(r"""\bdata-source\s*=\s*(["']?)[^"'\s}]*\1""")


def text_hash(text: str) -> str:
    """Return the record of an item's plain text: the same for the same words, spaces aside."""
    words = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:RECORD_LENGTH]


def _id_pattern(element_id: str) -> re.Pattern:
    """Return a pattern matching an attribute list that gives `element_id`."""
    return re.compile(r"\{:?[^}\n]*#" + re.escape(element_id) + r"(?![\w-])[^}\n]*\}")


def record_attributes(item_id: str, text: str) -> str:
    """Return the attribute list recording a source item: its id and its text's hash."""
    return f'{{: #{item_id} data-source="{text_hash(text)}" }}'


def refresh_records(text: str, current: dict[str, tuple[str, str]]) -> tuple[str, list[str]]:
    """Return `text` with each item's record set to (source id, hash); and the ids changed.

    `current` is by the id the item has now: a source item reworded into a
    new id gives the translation's item that new id.
    """
    changed = []
    for item_id, (source_id, digest) in current.items():
        found = _id_pattern(item_id).search(text)
        if found is None:
            continue
        written = found.group(0)
        new_id, record = f"#{source_id}", f'data-source="{digest}"'
        renamed = re.sub(f"#{re.escape(item_id)}(?![\\w-])", lambda _, new=new_id: new, written)
        if _HASH.search(renamed):
            updated = _HASH.sub(lambda _, new=record: new, renamed, count=1)
        else:
            updated = f'{renamed[:-1].rstrip()} data-source="{digest}" }}'
        if updated != written:
            text = text[: found.start()] + updated + text[found.end() :]
            changed.append(item_id)
    return text, changed
