"""Check every link in every page's source and HTML, once all pages are known.

Targets that need the written site (fragments, plain relative links) are
queued, and checked by `output` once the site exists, so ids the theme adds
count too. Each problem names the source file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .html import ParsedPage
from .judge import LinkJudge
from .lines import LineFinder, loose_placeholders
from .source import SourceLinks, scan
from .source_text import JINJA
from .targets import suggestion

# The link back from a footnote to where it is cited (Python-Markdown's footnotes).
_FOOTNOTE_BACKREF = re.compile(r"#fnref\d*:")


# A content link whose target only the written site can tell about:
# (source, line, href, path, fragment, output). A plain tuple of strings and
# a number, which the garbage collector stops looking at once it has seen it;
# it keeps looking at a NamedTuple's, and the bench site queues twenty links
# a page, kept to the end of the build.
Queued = tuple[str, int, str, str, str, str]


@dataclass
class LinkState:
    """What the content pass hands to the output pass of the same build."""

    queued: list[Queued] = field(default_factory=list)
    # The content objects, by output path: their links were checked at their source.
    pages: dict[str, object] = field(default_factory=dict)
    # Literal placeholders reported at their source already, not again in the output.
    placeholders: set[str] = field(default_factory=set)
    # What each page's content holds, by output path: the output pass reads the theme's part only.
    read: dict[str, ParsedPage] = field(default_factory=dict)


def check_references(report, source: str, found: SourceLinks) -> list[str]:
    """Report `[text][label]` without a definition; return the definitions never used."""
    used = set()
    for reference in found.references:
        if reference.label in found.definitions:
            used.add(reference.label)
        elif reference.explicit:
            hint = suggestion(reference.label, found.definitions, "[", "]")
            message = f"reference '[{reference.label}]' has no definition{hint}"
            report.problem(source, reference.line, message)
    return [label for label in found.definitions if label not in used]


def check_footnotes(report, source: str, found: SourceLinks) -> None:
    """Report footnote references without a definition, and definitions never cited."""
    for label, line in found.footnote_references:
        if label not in found.footnote_definitions:
            hint = suggestion(label, found.footnote_definitions, "[^", "]")
            report.problem(source, line, f"footnote '[^{label}]' has no definition{hint}")
    cited = {label for label, _ in found.footnote_references}
    for label, line in found.footnote_definitions.items():
        if label not in cited:
            report.problem(source, line, f"footnote '[^{label}]' is defined but never cited")


def check_page(build, judge: LinkJudge, state: LinkState, page, output: str) -> None:
    """Check the source and the HTML of one page."""
    report, source = build.report, page.source_path
    raw = build.sources.get(source)
    if raw is None:  # not read by the handbook's reader (reStructuredText, HTML)
        with open(source, encoding="utf-8", errors="replace") as handle:
            raw = handle.read()
    found = scan(raw)
    for line, message in found.malformed:
        report.problem(source, line, message)
    lines = LineFinder(found, raw)
    html = state.read[output]
    for href, _, _ in html.links:
        if _FOOTNOTE_BACKREF.match(href):
            continue  # made by the footnotes extension; a footnote never cited is reported
        line = lines.line_of(href)
        verdict = judge.judge(page, output, href)
        if isinstance(verdict, str):
            report.problem(source, line, verdict)
        elif verdict is not None:
            state.queued.append((source, line, href, *verdict, output))
    for label in check_references(report, source, found):
        definition = found.definitions[label]
        if not JINJA.search(definition.target):
            verdict = judge.judge(page, output, definition.target)
            if isinstance(verdict, str):
                report.problem(source, definition.line, verdict)
            elif verdict is not None:
                state.queued.append((source, definition.line, definition.target, *verdict, output))
    check_footnotes(report, source, found)
    if html.placeholders:
        state.placeholders.update(snippet for snippet, _ in html.placeholders)
        report_placeholders(report, source, raw, found, html.placeholders)


def report_placeholders(report, source: str, raw: str, found: SourceLinks, placeholders) -> None:
    """Report each literal `{filename}` in the page text at the line it was written on."""
    malformed_lines = {line for line, _ in found.malformed}
    written = loose_placeholders(raw, found)
    for number, (snippet, _) in enumerate(placeholders):
        line = written[number] if number < len(written) else 1
        if line not in malformed_lines:
            report.problem(
                source, line, f"literal '{snippet}' left in the page text: a malformed link?"
            )


def check_content(
    build, generators, pages: dict[str, object], read: dict[str, ParsedPage]
) -> LinkState:
    """Check every page's links; queue the targets that only the written site can tell.

    `pages` are the content objects by output path, and `read` what each
    one's HTML holds (`html.read_tree`), by the same path.
    """
    state = LinkState(pages=pages, read=read)
    judge = LinkJudge(generators[0].context, build.settings, list(build.options["link_ignore"]))
    for output, page in pages.items():
        check_page(build, judge, state, page, output)
    return state
