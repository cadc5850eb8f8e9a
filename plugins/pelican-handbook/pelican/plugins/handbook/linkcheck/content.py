"""Check every link in every page's source and HTML, once all pages are known.

Targets that need the written site (fragments, plain relative links) are
queued, and checked by `output` once the site exists, so ids the theme adds
count too. Each problem names the source file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .csp import may_be_blocked
from .html import ParsedPage
from .judge import LinkJudge
from .placeholders import PLACEHOLDER, loose_placeholders
from .source import SourceLinks, scan
from .source_text import JINJA
from .targets import suggestion

# The link back from a footnote to where it is cited (Python-Markdown's footnotes).
_FOOTNOTE_BACKREF = re.compile(r"#fnref\d*:")


# A content link whose target only the written site can tell about:
# (source, line, href, (path, fragment)). The target is the judge's verdict,
# one tuple shared by every link to the same place.
Queued = tuple[str, int, str, tuple[str, str]]


@dataclass
class LinkState:
    """What the link check gathers during one build, for the pass over the written site."""

    queued: list[Queued] = field(default_factory=list)
    # The content objects, by output path: their links were checked at their source.
    pages: dict[str, object] = field(default_factory=dict)
    # Literal placeholders reported at their source already, not again in the output.
    placeholders: set[str] = field(default_factory=set)
    # Every link of every page's content, checked at its source: a template that
    # prints other pages' content (an index, an archive) repeats them.
    content_hrefs: set[str] = field(default_factory=set)
    # What the written site's check needs of each page's content, which it
    # does not read again, by output path: its ids; the ids it holds more
    # than once, with their lines in the content; the links a page's
    # Content-Security-Policy could block. Only pages with any are in the last two.
    content_ids: dict[str, frozenset[str]] = field(default_factory=dict)
    content_duplicates: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    content_external: dict[str, list[tuple[str, int, str]]] = field(default_factory=dict)
    # The content each page was written with, by absolute output path.
    written: dict[str, str] = field(default_factory=dict)
    # The template each file was written from, by absolute output path.
    templates: dict[str, str] = field(default_factory=dict)
    # Where each static file (images, downloads) is written, by output path.
    static_outputs: set[str] = field(default_factory=set)
    # The template the writer is rendering now (the content_written signal names none).
    writing: str | None = None


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


class ContentLinks:
    """Check every link of each page's content at its source, before the site is written."""

    def __init__(self, build, state: LinkState, judge: LinkJudge):
        self.build, self.report, self.state, self.judge = build, build.report, state, judge

    @classmethod
    def of_build(cls, build, generators) -> ContentLinks:
        """Return the content check of a build, judging against what its generators found."""
        ignore = list(build.options["link_ignore"])
        judge = LinkJudge(generators[0].context, build.settings, ignore, build.unread)
        build.links.static_outputs = judge.static_outputs
        return cls(build, build.links, judge)

    def check(self, page, output: str, html: ParsedPage) -> None:
        """Check the source and the HTML of one page's content."""
        report, source, state = self.report, page.source_path, self.state
        found = scan(self.build.lines.text(source))
        for line, message in found.malformed:
            report.problem(source, line, message)
        for link in found.links:
            if link.kind == "html-unquoted" and PLACEHOLDER.match(link.target):
                message = (
                    f"link '{link.target}' is not in quotes, so Pelican leaves it as written"
                    f" (did you mean '\"{link.target}\"'?)"
                )
                report.problem(source, link.line, message)
        targets = [(link.target, link.line) for link in found.links]
        lines = self.build.lines.link_lines(source, targets)
        for href, _, _ in html.links:
            state.content_hrefs.add(href)
            if _FOOTNOTE_BACKREF.match(href):
                continue  # made by the footnotes extension; a footnote never cited is reported
            self.record(source, lines.line_of(href), page, output, href)
        keep_for_output(state, output, html)
        for label in check_references(report, source, found):
            definition = found.definitions[label]
            if not JINJA.search(definition.target):
                self.record(source, definition.line, page, output, definition.target)
        check_footnotes(report, source, found)
        if html.placeholders:
            state.placeholders.update(snippet for snippet, _ in html.placeholders)
            report_placeholders(self.build, source, found, html.placeholders)

    def record(self, source: str, line: int, page, output: str, href: str) -> None:
        """Report a link's problem now, or queue its target for the written site."""
        verdict = self.judge.judge(page, output, href)
        if isinstance(verdict, str):
            self.report.problem(source, line, verdict)
        elif verdict is not None:
            self.state.queued.append((source, line, href, verdict))


def keep_for_output(state: LinkState, output: str, html: ParsedPage) -> None:
    """Keep what the written site's check needs of a page's content."""
    state.content_ids[output] = frozenset(html.ids)
    duplicates = {name: lines for name, lines in html.ids.items() if len(lines) > 1}
    if duplicates:
        state.content_duplicates[output] = duplicates
    external = [link for link in html.links if may_be_blocked(link[0])]
    if external:
        state.content_external[output] = external


def report_placeholders(build, source: str, found: SourceLinks, placeholders) -> None:
    """Report each literal `{filename}` in the page text at the line it was written on."""
    malformed_lines = {line for line, _ in found.malformed}
    written = loose_placeholders(build.lines, source, ((k.target, k.line) for k in found.links))
    for number, (snippet, _) in enumerate(placeholders):
        line = written[number] if number < len(written) else 1
        if line not in malformed_lines:
            build.report.problem(
                source, line, f"literal '{snippet}' left in the page text: a malformed link?"
            )
