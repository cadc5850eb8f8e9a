"""Lists as authors write them for GitHub, read as CommonMark reads them, on checklist pages.

Python-Markdown needs a blank line before a list and four spaces to nest
one; CommonMark (GitHub, MyST, every editor's preview) needs neither. So
`**Immediate Response Checklist**` with `* Assess ...` on the next line is
one paragraph of literal asterisks, and steps nested two spaces under their
parent become its siblings. On a page with checklists, both are read as
CommonMark reads them: a list may start right under a paragraph line, and a
list written with CommonMark's nesting is given Python-Markdown's indents.
A list Python-Markdown already reads as CommonMark does keeps every line as
written, and a page without checklists is left to stock Python-Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from markdown import Markdown, util
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor

from .mistakes import Mistakes

# Set on the Markdown instance for each document: whether it has checklists.
ACTIVE = "checklist_lists_as_written"

# A list item's start: a bullet, or a number and a dot (Python-Markdown has no `1)`).
_ITEM = re.compile(r"(?P<marker>[*+-]|\d{1,9}\.)(?P<space> +|$)")
_RULE = re.compile(r"([-*_])( *\1){2,} *$")
# What starts a block of its own: a heading, a quote, a fence, stashed raw HTML or code.
_BLOCK = re.compile(rf"#{{1,6}}( |$)|>|```|~~~|{util.STX}")
_FENCE = re.compile(r"(`{3,}|~{3,})")
# A checklist mark, anywhere a list may end: `{: .checklist-steps }`, `.report-form`.
_MARK = re.compile(r"^[ >]*\{:?[^}\n]*\.(?:checklist-[\w-]+|report-form)\b[^}\n]*\}", re.M)


def _item(body: str) -> re.Match | None:
    """Return the list marker `body` (a line without its indent) starts with, if any."""
    return None if _RULE.match(body) else _ITEM.match(body)


def _can_interrupt(body: str, item: re.Match) -> bool:
    """Say whether a list may start here in the middle of a paragraph (CommonMark's rule)."""
    has_text = bool(body[item.end() :].strip())
    return has_text and (item["marker"][0] in "*+-" or item["marker"] == "1.")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def has_checklists(md: Markdown, lines: list[str], metadata_key: str) -> bool:
    """Say whether a document uses checklists: the page metadata key, or a mark in the text."""
    if metadata_key in getattr(md, "Meta", {}):
        return True
    return any(_MARK.search(line) for line in lines if "{" in line)


@dataclass
class _Open:
    """A list item still open: where its content starts, and how deep it is nested."""

    marker: int
    content: int
    depth: int
    words: str


class _Nesting:
    """Walk a document's lines, giving each line of a list the indent Python-Markdown needs.

    Python-Markdown nests by `tab` spaces per level; CommonMark nests an item
    under the one whose text it is indented to. Each list's lines are placed
    at their CommonMark depth times `tab`; a list whose lines all stay at the
    depth Python-Markdown gives them already is left as written.
    """

    def __init__(self, lines: list[str], tab: int):
        self.lines = list(lines)
        self.tab = tab
        self.open: list[_Open] = []
        self.after_blank = True
        self.paragraph = False
        self.previous = 0
        # Inside fenced code: the fence that closes it, and how far its lines move.
        self.fence: tuple[str, int] | None = None
        self.moves: list[tuple[int, int]] = []
        # Items indented past an item's marker but short of its text: CommonMark
        # nests them under nothing, and their author meant to. (line, message)
        self.misnested: list[tuple[str, str]] = []

    def run(self) -> list[str]:
        for number, line in enumerate(self.lines):
            self.step(number, line)
        self._end_list()
        return self.lines

    def step(self, number: int, line: str) -> None:
        indent, body = _indent(line), line.lstrip(" ")
        if self.fence:
            # Code: its lines move with its fence, and nothing in it is read.
            closing, move = self.fence
            if body.startswith(closing) and not body.strip().strip(closing[0]):
                self.fence = None
            if self.open:
                self._place(number, indent + move)
        elif not body:
            self.after_blank, self.paragraph = True, False
        elif self.open:
            self._in_list(number, indent, body)
        else:
            self._outside(number, indent, body)
        if body:
            self.after_blank = False

    def _outside(self, number: int, indent: int, body: str) -> None:
        item = _item(body)
        if item and indent < self.tab and (not self.paragraph or _can_interrupt(body, item)):
            self._open_item(number, indent, item, 0)
            return
        self._start_fence(body, 0)
        self.paragraph = not _BLOCK.match(body) and (self.paragraph or indent < self.tab)

    def _in_list(self, number: int, indent: int, body: str) -> None:
        # The open items this line is indented into.
        inside = len(self.open)
        while inside and indent < self.open[inside - 1].content:
            inside -= 1
        limit = self.open[inside - 1].content + self.tab if inside else self.tab
        item = _item(body)
        if item and indent < limit:
            if inside < len(self.open) and indent > self.open[inside].marker:
                self._misnested(body, indent, self.open[inside])
            del self.open[inside:]
            self._open_item(number, indent, item, inside)
        elif not self.after_blank and self.paragraph and not _BLOCK.match(body):
            # More text of the paragraph in progress, however it is indented. One
            # that looks like an item stays put: moved, it would become one.
            same = item or indent // self.tab == self.previous // self.tab
            self._place(number, indent if same else self.previous)
        elif not inside:
            self._end_list()
            self._outside(number, indent, body)
        else:
            del self.open[inside:]
            parent = self.open[-1]
            start, offset = self.tab * (parent.depth + 1), indent - parent.content
            kept = start <= indent < start + self.tab and offset < self.tab
            self._place(number, indent if kept else start + offset)
            self._start_fence(body, self.previous - indent)
            self.paragraph = not _BLOCK.match(body) and offset < self.tab

    def _open_item(self, number: int, indent: int, item: re.Match, depth: int) -> None:
        space = len(item["space"])
        # Five spaces or more after the marker: the text starts after one (code follows).
        content = indent + len(item["marker"]) + (space if 0 < space <= 4 else 1)
        words = item.string[item.end() :].strip()
        self.open.append(_Open(indent, content, depth, words))
        self._place(number, indent if indent // self.tab == depth else self.tab * depth)
        self.paragraph = bool(words)

    def _misnested(self, body: str, indent: int, above: _Open) -> None:
        shown = above.words if len(above.words) <= 30 else f"{above.words[:27].rstrip()}..."
        message = (
            f"list item indented {indent} spaces is nested under nothing: indent it"
            f" {above.content} spaces to nest it under '{shown}', or {above.marker} to follow it"
        )
        self.misnested.append((body, message))

    def _place(self, number: int, target: int) -> None:
        """Keep the indent line `number` is to have, if its list turns out to need new ones."""
        self.moves.append((number, max(target, 0)))
        self.previous = max(target, 0)

    def _start_fence(self, body: str, move: int) -> None:
        fence = _FENCE.match(body)
        if fence:
            self.fence = (fence[1], move)

    def _end_list(self) -> None:
        """Give the list's lines their new indents, if any line changes depth."""
        moves = self.moves
        self.open, self.moves = [], []
        if not any(_indent(self.lines[n]) // self.tab != to // self.tab for n, to in moves):
            return
        for number, target in moves:
            self.lines[number] = " " * target + self.lines[number].lstrip(" ")


def renest(lines: list[str], tab: int = 4) -> tuple[list[str], list[tuple[str, str]]]:
    """Return `lines` with lists nested as CommonMark reads them, and the items nested wrongly.

    Each wrongly nested item comes as its line's text and what to do about it.
    """
    if not any(line[:1] == " " for line in lines):
        # Nothing indented: every item is at the top of its list, and no line moves.
        return lines, []
    nesting = _Nesting(lines, tab)
    return nesting.run(), nesting.misnested


class ListsAsWritten(Preprocessor):
    """Nest lists as CommonMark does, on a document with checklists; note whether it has any."""

    def __init__(self, md: Markdown, metadata_key: str, mistakes: Callable[[], Mistakes]):
        super().__init__(md)
        self.metadata_key = metadata_key
        self.mistakes = mistakes

    def run(self, lines: list[str]) -> list[str]:
        active = has_checklists(self.md, lines, self.metadata_key)
        setattr(self.md, ACTIVE, active)
        if not active:
            return lines
        # Only leading spaces change: every line keeps its place.
        lines, misnested = renest(lines, self.md.tab_length)
        for line, message in misnested:
            self.mistakes().record("warning", message, line)
        return lines


def _list_start(block: str, tab: int) -> int:
    """Return the index of the line where a list starts inside a paragraph block, else 0."""
    lines = block.split("\n")
    if _item(lines[0].lstrip(" ")):
        return 0
    for number, line in enumerate(lines[1:], 1):
        body = line.lstrip(" ")
        item = _item(body)
        if item and _indent(line) < tab and _can_interrupt(body, item):
            return number
    return 0


def _next_item(block: str, tab: int) -> int:
    """Return the index of the first item line less indented than its indented block, else 0."""
    lines = block.split("\n")
    # Python-Markdown reads the whole block at its first line's depth.
    depth = _indent(lines[0]) // tab * tab
    for number, line in enumerate(lines[1:], 1):
        if _indent(line) < depth and _item(line.lstrip(" ")):
            return number
    return 0


def _split(blocks: list[str], at: int) -> None:
    """Put the first block back as two, as if a blank line parted them at line `at`."""
    lines = blocks.pop(0).split("\n")
    blocks[0:0] = ["\n".join(lines[:at]), "\n".join(lines[at:])]


class ListUnderParagraph(BlockProcessor):
    """Start a list at a paragraph line that begins one, as CommonMark does (checklist pages)."""

    def test(self, parent, block: str) -> bool:
        active = getattr(self.parser.md, ACTIVE, False)
        return active and _list_start(block, self.tab_length) > 0

    def run(self, parent, blocks: list[str]) -> None:
        _split(blocks, _list_start(blocks[0], self.tab_length))


class ItemAfterItsText(BlockProcessor):
    """End an item's indented text at the next item, as CommonMark does (checklist pages).

    `* Leave`, a blank line, `  By the back door.` and `* Call`: with no blank
    line before `* Call`, Python-Markdown would take it into the first item.
    """

    def test(self, parent, block: str) -> bool:
        if not getattr(self.parser.md, ACTIVE, False) or self.parser.state.isstate("detabbed"):
            return False
        # Where Python-Markdown's ListIndentProcessor (90) would take the block.
        in_list = parent.tag == "li" or (len(parent) and parent[-1].tag in ("ul", "ol"))
        indented = block.startswith(" " * self.tab_length)
        return bool(in_list and indented and _next_item(block, self.tab_length))

    def run(self, parent, blocks: list[str]) -> None:
        _split(blocks, _next_item(blocks[0], self.tab_length))
