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
# The attribute list of one record, with its hash, wherever it is written.
_RECORD = re.compile(r"""\{:?[^}\n]*?\bdata-source\s*=\s*(["']?)([^"'\s}]*)\1[^}\n]*\}""")


def text_hash(text: str) -> str:
    """Return the record of an item's plain text: the same for the same words, spaces aside."""
    words = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:RECORD_LENGTH]


def _id_pattern(element_id: str) -> re.Pattern:
    """Return a pattern matching an attribute list that gives `element_id`."""
    return re.compile(r"\{:?[^}\n]*#" + re.escape(element_id) + r"(?![\w-])[^}\n]*\}")


def id_line(text: str, element_id: str) -> int | None:
    """Return the line of the attribute list that gives `element_id` (`{: #id }`), if any."""
    found = _id_pattern(element_id).search(text)
    return text.count("\n", 0, found.start()) + 1 if found else None


def record_attributes(item_id: str, text: str) -> str:
    """Return the attribute list recording a source item: its id and its text's hash."""
    return f'{{: #{item_id} data-source="{text_hash(text)}" }}'


def refresh_records(text: str, current: dict[str, str]) -> tuple[str, list[str]]:
    """Return `text` with the records of the ids in `current` set to their hash, and those ids."""
    changed = []

    def refresh(found: re.Match) -> str:
        written = found.group(0)
        ids = re.findall(r"#([^\s}#.]+)", written)
        item_id = next((name for name in ids if name in current), None)
        if item_id is None or found.group(2) == current[item_id]:
            return written
        changed.append(item_id)
        start, end = found.span(2)
        offset = found.start()
        return written[: start - offset] + current[item_id] + written[end - offset :]

    return _RECORD.sub(refresh, text), changed
