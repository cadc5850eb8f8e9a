"""Read what the theme wrote around a page's content: its links, ids and placeholders.

Every written page is read once more once the site is written, for the
theme's links. Its content was read already (from Markdown's tree or its
HTML), so only the theme's part is read, line by line: every page repeats
most of its theme's lines, and a line read once is remembered.
"""

from __future__ import annotations

from ..linkcheck.html import ParsedPage, parse_html, scan_alone


def parse_around(html: str, content: str, content_ids: dict[str, tuple[int, ...]]) -> ParsedPage:
    """Return what `parse_html` gives for a written page whose content part was read already.

    Only what the theme wrote is scanned: the content is blanked down to its
    newlines, so every line stays where it was, and its ids (`content_ids`, by
    line within the content) come from the content pass. Its links and
    placeholders were checked there, at their source lines.
    """
    start = _find(html, content) if content else -1
    if start < 0:
        return parse_html(html)
    end = start + len(content)
    theme = html[:start] + "\n" * content.count("\n") + html[end:]
    page = _parse_by_line(theme) or parse_html(theme)
    offset = html.count("\n", 0, start)
    theme_ids, page.ids = (
        page.ids,
        {
            name: tuple(line + offset for line in lines) if lines else ()
            for name, lines in content_ids.items()
        },
    )
    for name, lines in theme_ids.items():
        if name in page.ids:  # rare: the theme wrote the same id
            if not content_ids[name]:  # read from Markdown's tree, which has no lines to report
                return parse_html(html)
            lines = tuple(sorted(lines + page.ids[name]))
        page.ids[name] = lines
    return page


def _find(html: str, content: str) -> int:
    """Return `html.find(content)`, faster: look for its start, then compare the rest."""
    probe = content[:64]
    start = html.find(probe)
    while start >= 0 and not html.startswith(content, start):
        start = html.find(probe, start + 1)
    return start


# Lines of theme HTML as read alone, by their text: every page repeats most of
# its theme's lines. Bounded, as `pelican --autoreload` runs many builds.
_LINES: dict[str, ParsedPage | None] = {}
_LINES_KEPT = 16384
_UNREADABLE = ParsedPage()  # a line that cannot be read alone


def _parse_by_line(html: str) -> ParsedPage | None:
    """Return `parse_html(html)` put together from its lines read one by one.

    None when a line cannot be read alone: a tag, comment or script that goes
    on to the next line, a code element left open, or markup the scanner
    leaves to html.parser.
    """
    page = ParsedPage()
    for number, line in enumerate(html.split("\n"), 1):
        if not line:
            continue
        found = _LINES.get(line, _UNREADABLE)
        if found is _UNREADABLE:
            found = _read_line(line)
            if found is _UNREADABLE:
                return None
            if len(_LINES) >= _LINES_KEPT:
                _LINES.clear()
            _LINES[line] = found
        if found is not None:
            _add_line(page, found, number - 1)
    return page


def _read_line(line: str) -> ParsedPage | None:
    """Return what one line holds (None if nothing), or _UNREADABLE."""
    found = scan_alone(line)
    if found is None:
        return _UNREADABLE
    return found if found.links or found.ids or found.placeholders else None


def _add_line(page: ParsedPage, found: ParsedPage, offset: int) -> None:
    """Add what a line read alone holds to `page`, `offset` lines down."""
    page.links.extend((value, line + offset) for value, line in found.links)
    for name, lines in found.ids.items():
        page.ids[name] = page.ids.get(name, ()) + tuple(line + offset for line in lines)
    page.placeholders.extend((snippet, line + offset) for snippet, line in found.placeholders)
