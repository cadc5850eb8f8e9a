"""Find the links, ids and literal `{filename}`s in an HTML document, with their lines.

Every page's content is read once, and what the theme wrote around it once
more (`link_around`), so this is on the build's hot path. Plain HTML (what
Markdown and our theme write) is read by a regular-expression scanner that
gives what `html.parser` gives, several times faster; anything it does not
know (processing instructions, CDATA, odd tag syntax, a stray '<') goes to
`html.parser`, so results never depend on which one ran.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

# Attributes whose value is a URL the browser follows or loads.
URL_ATTRIBUTES = {"href", "src", "poster", "action", "formaction", "cite", "data"}
PLACEHOLDER = re.compile(r"[{|](filename|static|attach|index|category|tag|author)[|}]")
# A placeholder with the word after it: the same snippet in a page's summary
# or description is the same mistake, reported once, at the source.
_SNIPPET = re.compile(PLACEHOLDER.pattern + r"[^\s\"'<]{0,40}")
# Text in these elements is shown as written: a `{filename}` there is on purpose.
_LITERAL_ELEMENTS = {"code", "pre", "kbd", "samp", "script", "style", "textarea"}
# html.parser reads these elements' text raw, up to their end tag.
_RAW_TEXT = {"script", "style"}

# A subset of what html.parser accepts, where it reads the same tag and
# attributes: ASCII spaces only (its `\s` is Unicode), a space before each
# attribute, one '=', and bare values without quotes or spaces.
_SPACE = r"[ \t\n\r\f]"
_ATTRIBUTE = re.compile(
    rf"{_SPACE}+([a-zA-Z_:@][-a-zA-Z0-9_:.@]*)"
    rf"(?:{_SPACE}*={_SPACE}*(\"[^\"]*\"|'[^']*'|[-\w.:/#?&;%+,@!~]+))?"
)
_TOKEN = re.compile(
    rf"<(?:(?P<tag>[a-zA-Z][a-zA-Z0-9-]*)(?P<attrs>(?:{_ATTRIBUTE.pattern})*){_SPACE}*(?P<close>/?)>"
    rf"|/(?P<end>[a-zA-Z][a-zA-Z0-9-]*){_SPACE}*>"
    r"|!--(?:(?!--)[\s\S])*-->"
    r"|![dD][oO][cC][tT][yY][pP][eE][^<>]*>)"
    r"|(?P<unusual><)"
)

# Most tags only carry classes and ARIA: a tag is read attribute by attribute
# only if it may hold what is asked for, or a placeholder (entities included).
_URL_NAMES = "|".join(sorted(URL_ATTRIBUTES))
_WORTH_READING = {
    names: re.compile(rf"{_SPACE}(?:{names}){_SPACE}*=|[{{|&]", re.IGNORECASE)
    for names in (_URL_NAMES, f"{_URL_NAMES}|id", f"{_URL_NAMES}|id|name")
}
# Text can only hold a placeholder with one of these (or an entity for one).
_TEXT_WORTH_READING = re.compile(r"[{|&]")
# What the scanner would read and drop, skipped in one step: text without
# [{|&], comments, end tags, and start tags that hold nothing asked for (no URL
# or id attribute, no [{|&]; `<a>`, whose name is an id, is always read). Tags
# of code-like elements are always read.
# Most of a page is this; what stops it is read token by token.
_LITERAL_NAMES = "|".join(sorted(_LITERAL_ELEMENTS))
_NOT_A_NAME = r"(?![a-zA-Z0-9-])"
_PLAIN_ATTRIBUTE = (
    rf"{_SPACE}+(?!(?i:{_URL_NAMES}|id){_SPACE}*=)[a-zA-Z_:@][-a-zA-Z0-9_:.@]*"
    rf"(?:{_SPACE}*={_SPACE}*(?:\"[^\"{{|&]*\"|'[^'{{|&]*'|[-\w.:/#?;%+,@!~]+))?"
)
_SKIPPABLE = (
    r"(?:[^<{|&]++"
    rf"|<(?!(?i:{_LITERAL_NAMES}|a){_NOT_A_NAME})[a-zA-Z][a-zA-Z0-9-]*+(?:{_PLAIN_ATTRIBUTE})*+{_SPACE}*/?>"
    rf"|</(?!(?i:{_LITERAL_NAMES}){_NOT_A_NAME})[a-zA-Z][a-zA-Z0-9-]*+{_SPACE}*>"
    r"|<!--(?:(?!--)[\s\S])*-->"
    r")*+"
)
# One step of the scanner, in one regular-expression call: what it may skip,
# then text up to the next '<', then the token there (or the end).
_STEP = re.compile(rf"{_SKIPPABLE}(?P<text>[^<]*)(?:{_TOKEN.pattern}|\Z)")


@dataclass
class ParsedPage:
    """The links and ids of one HTML document, each with its line."""

    links: list[tuple[str, int]] = field(default_factory=list)
    # Tuples, not lists: the garbage collector stops tracking tuples of ints,
    # and a large site holds an id index for every page until the end. Empty
    # when the ids were read from Markdown's tree (link_tree), which has no lines.
    ids: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # Literal `{filename}...` outside links and code, as snippets.
    placeholders: list[tuple[str, int]] = field(default_factory=list)

    def add_tag(self, tag: str, attrs, line: int) -> None:
        """Record the links, ids and placeholders of one start tag."""
        for name, value in attrs:
            if value is None:
                continue
            if name in URL_ATTRIBUTES:
                self.links.append((value, line))
            else:
                if name == "id" or (name == "name" and tag == "a"):
                    lines = self.ids.get(value, ())
                    self.ids[value] = (*lines, line)
                if "{" in value or "|" in value:  # how every placeholder starts
                    for match in _SNIPPET.finditer(value):
                        self.placeholders.append((match[0], line))

    def add_text(self, data: str, line: int) -> None:
        """Record the placeholders in text (not code) that starts on `line`."""
        for match in _SNIPPET.finditer(data):
            self.placeholders.append((match[0], line + data.count("\n", 0, match.start())))


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self.literal_depth = 0

    def handle_starttag(self, tag, attrs):
        self.page.add_tag(tag, attrs, self.getpos()[0])
        if tag in _LITERAL_ELEMENTS:
            self.literal_depth += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in _LITERAL_ELEMENTS:
            self.literal_depth -= 1

    def handle_endtag(self, tag):
        if tag in _LITERAL_ELEMENTS and self.literal_depth:
            self.literal_depth -= 1

    def handle_data(self, data):
        if not self.literal_depth:
            self.page.add_text(data, self.getpos()[0])


class _Unusual(Exception):
    """The document has markup the fast scanner leaves to html.parser."""


class _Scanner:
    """Read plain HTML token by token, as `_PageParser` would."""

    def __init__(self, html: str, ids: bool):
        self.html = html
        self.ids = ids
        self.page = ParsedPage()
        self.literal_depth = 0
        self.counted = 0  # line numbers are counted up to this offset
        self.line_number = 1

    def line(self, offset: int) -> int:
        """Return the 1-based line of `offset` (offsets only grow)."""
        self.line_number += self.html.count("\n", self.counted, offset)
        self.counted = offset
        return self.line_number

    def run(self) -> ParsedPage:
        html, position, end_of_html = self.html, 0, len(self.html)
        while True:
            step = _STEP.match(html, position)
            text_start, start = step.span("text")
            # Entities are decoded first: `&#123;filename}` is a placeholder too.
            if not self.literal_depth and _TEXT_WORTH_READING.search(html, text_start, start):
                self.page.add_text(unescape(html[text_start:start]), self.line(text_start))
            if start == end_of_html:
                return self.page
            tag, attrs, close, end = step.group("tag", "attrs", "close", "end")
            position = step.end()
            if tag is not None:
                tag = tag.lower()
                if attrs and self.worth_reading(tag).search(attrs):
                    self.page.add_tag(tag, attributes(attrs), self.line(start))
                if tag in _LITERAL_ELEMENTS and not close:
                    position = self.enter_literal(tag, position)
            elif end is not None:
                if self.literal_depth and end.lower() in _LITERAL_ELEMENTS:
                    self.literal_depth -= 1
            elif step.lastgroup == "unusual":
                raise _Unusual

    def worth_reading(self, tag: str) -> re.Pattern:
        """Return what shows that a start tag holds something asked for."""
        if not self.ids:
            return _WORTH_READING[_URL_NAMES]
        return _WORTH_READING[f"{_URL_NAMES}|id|name" if tag == "a" else f"{_URL_NAMES}|id"]

    def enter_literal(self, tag: str, position: int) -> int:
        """Open a code-like element at `position`; return where the next text starts."""
        if tag in _RAW_TEXT:
            return self.skip_raw_text(tag, position)
        self.literal_depth += 1
        return position

    def skip_raw_text(self, tag: str, start: int) -> int:
        """Skip a script or style body, as html.parser does; return its end."""
        close = re.compile(rf"</\s*{tag}\s*>", re.IGNORECASE).search(self.html, start)
        if close is None:
            raise _Unusual
        return close.end()


# Every page repeats the theme's tags (stylesheets, menu, footer) as written.
@functools.lru_cache(maxsize=4096)
def attributes(attrs: str) -> tuple[tuple[str, str | None], ...]:
    """Return the names and values of a start tag's attributes, as html.parser does."""
    found = []
    for name, value in _ATTRIBUTE.findall(attrs):
        if not value:  # no '=' at all; `=""` arrives with its quotes
            found.append((name.lower(), None))
            continue
        if value[0] in "'\"":
            value = value[1:-1]
        found.append((name.lower(), unescape(value)))
    return tuple(found)


def scan_alone(html: str) -> ParsedPage | None:
    """Return what the fast scanner reads in `html`, a piece that must stand alone.

    None when it cannot: markup it leaves to html.parser (a tag, comment or
    script that does not end in the piece, among others), or a code element
    still open at its end.
    """
    scanner = _Scanner(html, ids=True)
    try:
        page = scanner.run()
    except _Unusual:
        return None
    return None if scanner.literal_depth else page


def parse_html(html: str, ids: bool = True) -> ParsedPage:
    """Return the links, literal `{filename}`s and (if asked) ids of an HTML document."""
    try:
        page = _Scanner(html, ids).run()
    except _Unusual:
        parser = _PageParser()
        parser.feed(html)
        parser.close()
        page = parser.page
    if not ids:
        page.ids.clear()  # some were read on the way: return none rather than a few
    return page
