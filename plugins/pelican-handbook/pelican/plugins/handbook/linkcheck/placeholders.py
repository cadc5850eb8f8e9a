"""Pelican's link placeholders (`{filename}`, `{static}`, ...): the one rule of what is one.

Pelican replaces a placeholder only at the start of a link's target; one
left anywhere else (in the text, in a theme's link) is shown as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..source_lines import SourceLines

NAMES = ("filename", "static", "attach", "index", "category", "tag", "author")
# Either syntax Pelican reads: `{filename}` and the older `|filename|`.
PLACEHOLDER = re.compile(r"[{|](" + "|".join(NAMES) + r")[|}]")
# Only the braces, as a Markdown link's target writes them.
BRACED = re.compile(r"\{(" + "|".join(NAMES) + r")\}")


def loose_placeholders(
    lines: SourceLines, source: str, links: Iterable[tuple[str, int]]
) -> list[int]:
    """Return the lines of a source's placeholders that are no link's target, in order.

    `links` are the (target, line) of the source's links.
    """
    in_links: dict[int, int] = {}
    for target, line in links:
        if PLACEHOLDER.match(target):
            in_links[line] = in_links.get(line, 0) + 1
    loose = []
    for line, _ in lines.matches(source, PLACEHOLDER):
        if in_links.get(line):
            in_links[line] -= 1
        else:
            loose.append(line)
    return loose
