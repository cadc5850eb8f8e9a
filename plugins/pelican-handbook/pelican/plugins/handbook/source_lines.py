"""Where something is written in a page's source: the one place every feature asks for a line.

Python-Markdown keeps no source line numbers, so a problem found in a page's
HTML, its metadata or its checklists is placed by scanning the source's
text for what it quotes: a snippet, a link target, an id, a metadata key.
The texts are those the reader read (`Build.sources`); a source it did not
read (reStructuredText, HTML) is read once, here, and kept.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable

from .linkcheck.source_text import JINJA, prepare

_HEADING = re.compile(r"^#{1,6}\s")
_NOT_ALNUM = re.compile(r"[\W_]+")
# How much of a text's letters and digits is enough to find its line.
_WORDS = 25


def _line_at(text: str, offset: int) -> int:
    """Return the 1-based line of a character offset."""
    return text.count("\n", 0, offset) + 1


def _alnum(text: str) -> str:
    return _NOT_ALNUM.sub("", text).lower()


def readable_matches(text: str, pattern: re.Pattern) -> list[tuple[int, re.Match]]:
    """Return each match of `pattern` outside code and comments, with its line."""
    if not pattern.search(text):
        return []
    readable, _ = prepare(text)
    return [(_line_at(readable, match.start()), match) for match in pattern.finditer(readable)]


def _gives_id(name: str) -> re.Pattern:
    """Return a pattern for what gives an element id: an attribute list, or an `id=`."""
    escaped = re.escape(name) + r"(?![\w-])"
    return re.compile(r"\{:?[^}\n]*#" + escaped + r"[^}\n]*\}|\bid=[\"']?" + escaped)


class LinkLines:
    """The lines of one source's links, given out in turn as its HTML's links are read."""

    def __init__(self, lines: SourceLines, path: str, links: Iterable[tuple[str, int]]):
        self.lines, self.path = lines, path
        self.exact: dict[str, deque[int]] = {}
        # (literal characters, pattern, line) of each target that holds Jinja.
        self.patterns: list[tuple[int, re.Pattern, int]] = []
        for target, line in links:
            self.exact.setdefault(target, deque()).append(line)
            if JINJA.search(target):
                # Jinja renders first; `tel:{{ x }}` matches any `tel:...`.
                parts = JINJA.split(target)
                pattern = re.compile(".*?".join(map(re.escape, parts)))
                self.patterns.append((len("".join(parts)), pattern, line))

    def line_of(self, href: str) -> int:
        """Return the line of `href`: the next unused link with that target, or a guess."""
        lines = self.exact.get(href)
        if lines:
            return lines.popleft() if len(lines) > 1 else lines[0]
        # The pattern that says most about the link wins: `<{{ EMAIL }}>`
        # matches any link, `tel:{{ x.tel }}` only a `tel:` one.
        matching = [
            (-size, line) for size, pattern, line in self.patterns if pattern.fullmatch(href)
        ]
        if matching:
            return min(matching)[1]
        return (self.lines.of_text(self.path, href) if href else None) or 1


class SourceLines:
    """The lines of every source of one build, found in the text the reader holds."""

    def __init__(self, texts: dict[str, str]):
        # The reader's texts, by source path: shared, so what it reads later is here too.
        self.texts = texts
        self.read_here: dict[str, str] = {}
        # The line each snippet was last found at, for `next_of_text`.
        self.found_at: dict[tuple[str, str], int] = {}
        self.words_at: dict[tuple[str, str], int | None] = {}

    def text(self, path: str) -> str:
        """Return a source's text: the reader's, else read once from disk ("" if unreadable)."""
        text = self.texts.get(path)
        if text is None:
            text = self.read_here.get(path)
        if text is None:
            try:
                with open(path, encoding="utf-8", errors="replace") as handle:
                    text = handle.read()
            except OSError:
                text = ""
            self.read_here[path] = text
        return text

    def line(self, path: str, number: int) -> str:
        """Return the text of line `number` of a source ("" past its end)."""
        lines = self.text(path).split("\n")
        return lines[number - 1] if 0 < number <= len(lines) else ""

    def of_text(self, path: str, snippet: str) -> int | None:
        """Return the first line of a source holding `snippet` as written, if one does."""
        text = self.text(path)
        offset = text.find(snippet)
        return _line_at(text, offset) if offset >= 0 else None

    def next_of_text(self, path: str, snippet: str) -> int:
        """Return the line where `snippet` is next written (any case), else the last found, or 1.

        Each call goes on from the line found before: a second mistake with
        the same text is further on.
        """
        lines = self.text(path).lower().split("\n")
        start = self.found_at.get((path, snippet), 0)
        wanted = snippet.lower()
        for number in range(start, len(lines)):
            if wanted in lines[number]:
                self.found_at[path, snippet] = number + 1
                return number + 1
        return self.found_at.get((path, snippet), 1)

    def of_words(self, path: str, text: str) -> int | None:
        """Return the first line holding the letters and digits that `text` starts with.

        For text as rendered (a checklist item), whose source line has its markup too.
        """
        needle = _alnum(text)[:_WORDS]
        if not needle:
            return None
        key = (path, needle)
        if key not in self.words_at:
            lines = self.text(path).split("\n")
            found = (number for number, line in enumerate(lines, 1) if needle in _alnum(line))
            self.words_at[key] = next(found, None)
        return self.words_at[key]

    def of_id(self, path: str, name: str, generated: bool = True) -> int | None:
        """Return the line that gives element id `name`, if one visibly does.

        An attribute list (`{: #name }`) or an `id=` gives it; else, with
        `generated`, the heading whose words the id is made of.
        """
        text = self.text(path)
        found = _gives_id(name).search(text)
        if found:
            return _line_at(text, found.start())
        words = name.replace("-", " ").split("_")[0].split()
        if not generated or not words:
            return None
        for number, line in enumerate(text.split("\n"), 1):
            if _HEADING.match(line) and all(word in line.lower() for word in words):
                return number
        return None

    def of_metadata(self, path: str, key: str, nth: int = 1) -> int | None:
        """Return the line of the `nth` metadata line for `key` (any case), if there is one."""
        found = 0
        for number, line in enumerate(self.text(path).split("\n"), 1):
            if line.lower().startswith(f"{key}:"):
                found += 1
                if found == nth:
                    return number
        return None

    def link_lines(self, path: str, links: Iterable[tuple[str, int]]) -> LinkLines:
        """Return the lines of the links (target, line) a scan of `path` found, to ask by href."""
        return LinkLines(self, path, links)

    def matches(self, path: str, pattern: re.Pattern) -> list[tuple[int, re.Match]]:
        """Return each match of `pattern` in a source outside code and comments, with its line."""
        return readable_matches(self.text(path), pattern)
