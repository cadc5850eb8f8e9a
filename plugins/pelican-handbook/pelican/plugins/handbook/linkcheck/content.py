"""Check every link in every page's source and HTML, once all pages are known.

Targets that need the written site (fragments, plain relative links) are
queued here and checked by `theme_links` once the output exists, so ids the
theme adds count too. Each problem names the source file and line.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from .. import report as problems
from ..linkcheck.html import ParsedPage, parse_html
from ..linkcheck.lines import LineFinder, loose_placeholders
from ..linkcheck.source import SourceLinks, read_sources, scan
from ..linkcheck.source_text import JINJA
from ..linkcheck.targets import suggestion, written_by
from ..linkcheck.tree import read_pages
from ..linkcheck.verdicts import ContentChecker
from ..settings import handbook_options

# A link whose target is checked against the written site: source, line,
# href, path, fragment, and the output file that holds it. A plain tuple of
# strings and ints, which the garbage collector stops tracking: a large site
# queues tens of thousands.
Pending = tuple[str, int, str, str, str, str]


@dataclass
class State:
    """What the content pass hands to the output pass of the same build."""

    pending: list[Pending] = field(default_factory=list)
    # Per output file: the content's links that were reported already, so
    # the output pass does not report them again as the theme's.
    reported: dict[str, set[str]] = field(default_factory=dict)
    pages: dict[str, object] = field(default_factory=dict)
    # Per output file: the ids in its content, by line within the content.
    content_ids: dict[str, dict[str, tuple[int, ...]]] = field(default_factory=dict)
    placeholders: set[str] = field(default_factory=set)
    ignore: list[str] = field(default_factory=list)


state = State()


def check_references(source: str, found: SourceLinks) -> list[str]:
    """Report `[text][label]` without a definition; return the unused definitions."""
    used = set()
    for reference in found.references:
        if reference.label in found.definitions:
            used.add(reference.label)
        elif reference.explicit:
            hint = suggestion(reference.label, found.definitions, "[", "]")
            problems.add(
                source, reference.line, f"reference '[{reference.label}]' has no definition{hint}"
            )
    return [label for label in found.definitions if label not in used]


def check_page(checker: ContentChecker, page, output: str) -> None:
    """Check the source and HTML of one page."""
    source = page.source_path
    raw = read_sources.pop(source, None)
    if raw is None:  # not read by the handbook reader (reStructuredText, HTML)
        with open(source, encoding="utf-8", errors="replace") as handle:
            raw = handle.read()
    found = scan(raw)
    for line, message in found.malformed:
        problems.add(source, line, message)
    lines = LineFinder(found, raw)
    html = content_links(page)
    state.content_ids[output] = html.ids
    state.placeholders.update(snippet for snippet, _ in html.placeholders)
    for href, _ in html.links:
        checker.check(page, output, href, lines.line_of(href))
    for label in check_references(source, found):
        definition = found.definitions[label]
        if not JINJA.search(definition.target):
            checker.check(page, output, definition.target, definition.line)
    if html.placeholders:
        report_placeholders(source, raw, found, html.placeholders)


def content_links(page) -> ParsedPage:
    """Return the links and ids of a page's content: from Markdown's tree if it can tell."""
    content = page._content or ""
    from_tree = read_pages.pop(page.source_path, None)
    # The tree describes the HTML Markdown wrote; a plugin may have changed it since.
    if from_tree is not None and from_tree.html == content:
        return from_tree.page
    return parse_html(content)


def report_placeholders(source: str, raw: str, found: SourceLinks, placeholders) -> None:
    """Report each literal `{filename}` in the page text at the line it was written on."""
    malformed_lines = {line for line, _ in found.malformed}
    written = loose_placeholders(raw, found)
    for number, (snippet, _) in enumerate(placeholders):
        line = written[number] if number < len(written) else 1
        if line not in malformed_lines:
            message = f"literal '{snippet}' left in the page text: a malformed link?"
            problems.add(source, line, message)


def _not_our_report(record: logging.LogRecord) -> bool:
    """Drop Pelican's warning for a missing target: we name its file and line instead."""
    return not str(record.msg).startswith("Unable to find '%s', skipping url replacement")


def check_content(generators) -> None:
    """Check every page's links; queue the targets only the written site can tell."""
    global state
    # addFilter ignores a filter it already has: safe on every autoreload build.
    logging.getLogger("pelican.contents").addFilter(_not_our_report)
    state = State(ignore=list(handbook_options(generators[0].settings)["link_ignore"]))
    checker = ContentChecker(generators, state)
    state.pages = written_by(generators)
    for output, page in state.pages.items():
        check_page(checker, page, output)
    # Pages no one writes (and an earlier build's) are not needed.
    read_pages.clear()
    read_sources.clear()
