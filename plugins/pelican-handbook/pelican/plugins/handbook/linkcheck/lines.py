"""Map links and text in a page's HTML back to the source lines they came from.

Python-Markdown keeps no source line numbers, so each link found in the
rendered HTML is matched to a link found by scanning the raw file.
"""

from __future__ import annotations

import re
from collections import deque

from ..linkcheck.html import PLACEHOLDER
from ..linkcheck.source import SourceLinks
from ..linkcheck.source_text import JINJA, prepare


class LineFinder:
    """Give each link in a page's HTML the source line it was written on."""

    def __init__(self, found: SourceLinks, raw: str):
        self.raw = raw
        self.exact: dict[str, deque[int]] = {}
        # (literal characters, pattern, line) of each target that holds Jinja.
        self.patterns: list[tuple[int, re.Pattern, int]] = []
        for link in found.links:
            self.exact.setdefault(link.target, deque()).append(link.line)
            if JINJA.search(link.target):
                # Jinja renders first; `tel:{{ x }}` matches any `tel:...`.
                parts = JINJA.split(link.target)
                pattern = re.compile(".*?".join(map(re.escape, parts)))
                self.patterns.append((len("".join(parts)), pattern, link.line))

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
        offset = self.raw.find(href) if href else -1
        return self.raw.count("\n", 0, offset) + 1 if offset >= 0 else 1


def loose_placeholders(text: str, found: SourceLinks) -> list[int]:
    """Return the lines of `{filename}`s that are no link's target, in order."""
    in_links: dict[int, int] = {}
    for link in found.links:
        if PLACEHOLDER.match(link.target):
            in_links[link.line] = in_links.get(link.line, 0) + 1
    prepared, _ = prepare(text)
    lines = []
    for match in PLACEHOLDER.finditer(prepared):
        line = prepared.count("\n", 0, match.start()) + 1
        if in_links.get(line):
            in_links[line] -= 1
        else:
            lines.append(line)
    return lines
