"""Find the links in a page's raw Markdown, with their line numbers.

Python-Markdown keeps no source line numbers, so the line of a link is found by
scanning the raw file. Malformed link syntax can only be seen here anyway: once
rendered, `[text] (x.md)` is just text. Code (fenced and indented blocks,
code spans), raw HTML blocks and comments are left out; Jinja expressions
are kept whole, so `tel:{{ x.tel }}` is one target.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..linkcheck.source_text import prepare
from .placeholders import BRACED

_AUTOLINK = re.compile(
    r"<((?:[a-z][a-z0-9+.-]*:|[^\s<>@]+@)[^\s<>]*|\{\{[^<>]*?\}\})>", re.IGNORECASE
)
# Quoted or not: `href={filename}x.md` is read by browsers (and lxml) too.
_HTML_LINK = re.compile(
    r"<[a-z][^>]*?\b(?:href|src)\s*=\s*(?:([\"'])(.*?)\1|([^\s\"'=<>`]+))", re.IGNORECASE
)
# What a parenthesis holding a link target looks like (not a remark in prose).
_URL_LIKE = re.compile(
    r"\{\w+\}|[a-z][a-z0-9+.-]*:|#|/|\.\.?/|[\w.-]+\.(?:md|markdown|html?|pdf|png|jpe?g|svg)\b"
)
_QUOTED = re.compile(r"(['\"]).*\1")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# The only characters the bracket and paren walks act on: they jump between them.
_BRACKET = re.compile(r"[\\\[\]]")
_PAREN = re.compile(r"[()]")


@dataclass
class Link:
    """A link target written in the source, at a 1-based line."""

    target: str
    line: int
    kind: str  # inline, image, autolink, html, html-unquoted, definition


@dataclass
class Reference:
    """A use of a reference label: `[text][label]`, `[label][]` or `[label]`."""

    label: str
    line: int
    explicit: bool = True


@dataclass
class SourceLinks:
    """What the scan of one page found: links, references and malformed syntax."""

    links: list[Link] = field(default_factory=list)
    definitions: dict[str, Link] = field(default_factory=dict)
    references: list[Reference] = field(default_factory=list)
    malformed: list[tuple[int, str]] = field(default_factory=list)
    # Footnotes: each `[^label]` cited, with its line; each definition's line.
    footnote_references: list[tuple[str, int]] = field(default_factory=list)
    footnote_definitions: dict[str, int] = field(default_factory=dict)


def normal_label(label: str) -> str:
    """Return a reference label as Python-Markdown compares them."""
    return " ".join(label.split()).lower()


class _Scanner:
    """Walk one page's text, bracket by bracket, paragraph by paragraph."""

    def __init__(self, text: str):
        self.text, self.shape = prepare(text)
        self.found = SourceLinks()
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    def line(self, offset: int) -> int:
        """Return the 1-based line of a character offset."""
        return bisect.bisect_right(self.line_starts, offset)

    def run(self) -> SourceLinks:
        start = 0
        for blank in _BLANK_LINE.finditer(self.shape):
            self.paragraph(start, blank.start())
            start = blank.end() - 1
        self.paragraph(start, len(self.shape))
        self.simple_links()
        self.found.links.sort(key=lambda link: link.line)
        return self.found

    def simple_links(self) -> None:
        """Record autolinks and links written as raw HTML."""
        for match in _AUTOLINK.finditer(self.text):
            target = match.group(1)
            if "@" in target and ":" not in target.split("@")[0]:
                target = "mailto:" + target
            self.found.links.append(Link(target, self.line(match.start()), "autolink"))
        for match in _HTML_LINK.finditer(self.text):
            quoted = match.group(2) is not None
            group = 2 if quoted else 3
            kind = "html" if quoted else "html-unquoted"
            self.found.links.append(Link(match.group(group), self.line(match.start(group)), kind))

    def problem(self, offset: int, message: str) -> None:
        self.found.malformed.append((self.line(offset), message))

    def paragraph(self, start: int, end: int) -> None:
        """Match the brackets of one paragraph, then look at what follows each pair."""
        opened: list[int] = []
        escaped = 0  # `\[` written as text: its `]` is text too
        index = start
        while (special := _BRACKET.search(self.shape, index, end)) is not None:
            index = special.start()
            char = self.shape[index]
            if char == "\\":
                escaped += self.shape.startswith("[", index + 1)
                index += 2
                continue
            if char == "[":
                opened.append(index)
            elif char == "]":
                if opened:
                    index = self.after_brackets(opened.pop(), index, end)
                elif escaped:
                    escaped -= 1
                elif self.shape.startswith("(", index + 1):
                    self.problem(index, "malformed link: ']' has no matching '['")
            index += 1
        for offset in opened:
            if _URL_LIKE.search(self.shape, offset, end) and "(" in self.shape[offset:end]:
                self.problem(offset, "malformed link: '[' is never closed")

    def after_brackets(self, left: int, right: int, end: int) -> int:
        """Handle `[text]` at left..right by what follows it; return the last offset used."""
        text = self.text[left + 1 : right]
        after = self.shape[right + 1 : end]
        if after.startswith("("):
            return self.inline_link(left, right, end)
        if BRACED.match(after):
            target = self.text[right + 1 : end].split(")")[0].split()[0]
            self.problem(
                right,
                f"malformed link: '(' missing between ']' and '{BRACED.match(after)[0]}'"
                f" (did you mean '[{text}]({target})'?)",
            )
        elif re.match(r"[ \t]+\(", after):
            target = self.text[right + 1 : end].lstrip(" \t")[1:].split(")")[0]
            if _URL_LIKE.match(target) and not re.search(r"\s", target):
                self.problem(
                    right,
                    "malformed link: space between ']' and '('"
                    f" (did you mean '[{text}]({target})'?)",
                )
        elif after.startswith("["):
            close = self.shape.find("]", right + 1, end)
            # `[text][ref\]`: the bracket is escaped, so the label never closes.
            if close != -1 and self.shape[close - 1] != "\\":
                label = self.text[right + 2 : close] or text
                # `config['a']['b']` is a subscript in prose, not a reference.
                explicit = not _QUOTED.fullmatch(label.strip())
                reference = Reference(normal_label(label), self.line(left), explicit)
                self.found.references.append(reference)
                return close
        elif after.startswith(":") and self.starts_line(left):
            self.definition(text, right + 2, end)
        elif text.startswith("^"):
            self.found.footnote_references.append((text[1:].strip(), self.line(left)))
        elif self.reversed_link(left, text):
            pass
        else:
            # `[label]` alone is a link only when the label is defined.
            self.found.references.append(Reference(normal_label(text), self.line(left), False))
        return right

    def reversed_link(self, left: int, target: str) -> bool:
        """Report `(text)[target]`, a link written the wrong way round; say if it was one."""
        if left == 0 or self.shape[left - 1] != ")" or not _URL_LIKE.match(target):
            return False
        if re.search(r"\s", target):
            return False
        opening = self.shape.rfind("(", 0, left - 1)
        if opening < 0 or "\n\n" in self.shape[opening:left]:
            return False
        text = self.text[opening + 1 : left - 1]
        self.problem(
            opening,
            f"malformed link: '({text})[{target}]' is written the wrong way round"
            f" (did you mean '[{text}]({target})'?)",
        )
        return True

    def starts_line(self, offset: int) -> bool:
        line_start = self.text.rfind("\n", 0, offset) + 1
        return len(self.text[line_start:offset]) <= 3 and not self.text[line_start:offset].strip()

    def definition(self, label: str, start: int, end: int) -> None:
        """Record a reference definition `[label]: target`."""
        if label.startswith("^"):  # a footnote, not a link
            self.found.footnote_definitions.setdefault(label[1:].strip(), self.line(start))
            return
        rest = self.shape[start:end].lstrip()
        offset = end - len(self.shape[start:end].lstrip()) if rest else start
        width = len(rest.split()[0]) if rest.split() else 0
        target = self.text[offset : offset + width].strip("<>")
        link = Link(target, self.line(offset), "definition")
        self.found.definitions.setdefault(normal_label(label), link)
        self.found.links.append(link)

    def inline_link(self, left: int, right: int, end: int) -> int:
        """Record `[text](target "title")`; report a '(' that is never closed."""
        depth = 0  # the first paren, at right + 1, opens
        for paren in _PAREN.finditer(self.shape, right + 1, end):
            depth += 1 if paren[0] == "(" else -1
            if depth == 0:
                self.record_inline(left, right + 2, paren.start())
                return paren.start()
        self.problem(
            right + 1, f"malformed link: '(' after '{self.text[left : right + 1]}' is never closed"
        )
        return right

    def record_inline(self, left: int, start: int, close: int) -> None:
        inside = self.shape[start:close].strip()
        offset = start + self.shape[start:close].index(inside[0]) if inside else start
        if inside.startswith("<") and ">" in inside:
            target = self.text[offset + 1 : offset + inside.index(">")]
        else:
            width = len(inside.split()[0]) if inside else 0
            target = self.text[offset : offset + width]
        kind = "image" if left > 0 and self.shape[left - 1] == "!" else "inline"
        self.found.links.append(Link(target, self.line(left), kind))


def scan(text: str) -> SourceLinks:
    """Return the links, references and malformed links of one page's raw text."""
    return _Scanner(text).run()
