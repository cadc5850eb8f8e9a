"""One checklist item as the extension reports it: read like the dict it always was."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

_KEYS = ("id", "text", "depth", "source")


class Item(Mapping):
    """A checklist item: its id, its words, how deep it is nested, and a translation's record.

    Read as a mapping (`item["text"]`, `item.get("source")`, `dict(item)`),
    with "source" present only when the item carries a record. Slots rather
    than a dict: a site keeps one per item of every page until the end of
    its build, and a dict costs three times the memory (tests/bench/BENCH.md).
    """

    __slots__ = _KEYS

    def __init__(self, id: str, text: str, depth: int, source: str | None = None):
        self.id, self.text, self.depth, self.source = id, text, depth, source

    def __getitem__(self, key: str):
        if key not in _KEYS or (key == "source" and self.source is None):
            raise KeyError(key)
        return getattr(self, key)

    def __iter__(self) -> Iterator[str]:
        return iter(_KEYS if self.source is not None else _KEYS[:3])

    def __len__(self) -> int:
        return 3 + (self.source is not None)

    def __repr__(self) -> str:
        return repr(dict(self))

    def __reduce__(self):
        # Pelican's content cache pickles metadata; the plain constructor call
        # needs no slot-state support from the pickle protocol in use.
        return (Item, (self.id, self.text, self.depth, self.source))
