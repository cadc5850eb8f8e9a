"""Check the written site: the queued content links, and every link the theme wrote.

Runs once every file is written (print outputs included). Content links are
reported at their source line; the theme's (navigation, contacts) by output
file, line and template.
"""

from __future__ import annotations

import os
import re

from .content import LinkState
from .csp import blocked_by_policy
from .html import PLACEHOLDER, ParsedPage
from .targets import (
    EXTERNAL,
    OutputIndex,
    index_output,
    is_ignored,
    scheme_problem,
    split_target,
    target_of,
)


def remember_written(state: dict, path: str, context: dict) -> None:
    """Keep the content a page was written with, to tell its links from the theme's."""
    page = context.get("page") or context.get("article")
    if page is not None and hasattr(page, "get_content"):
        # The same call the template made: memoized by Pelican, so no new work.
        state[os.path.abspath(path)] = page.get_content(page.get_siteurl())


def template_of(output: str, state: LinkState, settings: dict) -> str:
    """Return the name of the template that wrote an output file, if known."""
    page = state.pages.get(output)
    if page is not None:
        return f"{getattr(page, 'template', 'page')}.html"
    for name in settings.get("DIRECT_TEMPLATES", []):
        if settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html") == output:
            return f"{name}.html"
    return ""


def theme_link_problem(index: OutputIndex, output: str, href: str, ignore: list[str]) -> str | None:
    """Return what is wrong with a link the theme wrote in `output`, or None."""
    if PLACEHOLDER.match(href):
        return f"literal '{PLACEHOLDER.match(href)[0]}' left in link '{href}'"
    if EXTERNAL.match(href):
        return scheme_problem(href)
    _, target, fragment = target_of(output, href)
    if is_ignored(target, ignore):
        return None
    return index.fragment_problem(target, fragment, href)


def source_line_of_id(text: str, name: str) -> int | None:
    """Return the source line that gives an element id `name`, if one visibly does."""
    explicit = re.compile(r"(?:#|\bid=[\"']?)" + re.escape(name) + r"(?![\w-])")
    heading = re.compile(r"^#{1,6}\s")
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        if not heading.match(line) and explicit.search(line):
            return number
    words = name.replace("-", " ").split("_")[0].split()
    for number, line in enumerate(lines, 1):
        if heading.match(line) and words and all(w in line.lower() for w in words):
            return number
    return None


class OutputCheck:
    """Check every written page of one build."""

    def __init__(self, build, output_path: str, state: LinkState, written: dict[str, str]):
        self.build, self.report, self.state = build, build.report, state
        self.written = written
        self.ignore = list(build.options["link_ignore"])
        self.index = index_output(output_path, written, state.read)
        # A theme link's verdict, by the folder it is written in and the link:
        # every page repeats the theme's links.
        self.verdicts: dict[tuple[str, str], str | None] = {}
        # Whether a link has a path (else it is `#fragment`, into its own page), by link.
        self.has_path: dict[str, bool] = {}

    def run(self) -> None:
        for source, line, href, path, fragment, _ in self.state.queued:
            problem = self.index.fragment_problem(path, fragment, href)
            if problem:
                self.report.problem(source, line, problem)
        for output, parsed in sorted(self.index.pages.items()):
            self.check_page(output, parsed)

    def check_page(self, output: str, parsed: ParsedPage) -> None:
        """Check the theme's links, literal placeholders and ids of one written page."""
        template = template_of(output, self.state, self.build.settings)
        where = f" (template: {template})" if template else ""
        path = os.path.join(self.index.root, output)
        page = self.state.pages.get(output)
        content = parsed.content if page is not None else range(0)
        # A draft is not published: the theme may link it to pages that only
        # published content brings (its category's), which is no one's mistake.
        draft = getattr(page, "status", "") == "draft"
        for href, line, tag in parsed.links:
            in_content = line in content
            blocked = blocked_by_policy(parsed.csp, href, tag)
            if blocked:
                self.problem_at(output, path, line, in_content, blocked, where)
            if in_content or draft:
                continue
            if href not in self.has_path:
                self.has_path[href] = bool(split_target(href)[0])
            key = (os.path.dirname(output) if self.has_path[href] else output, href)
            if key not in self.verdicts:
                self.verdicts[key] = theme_link_problem(self.index, output, href, self.ignore)
            if self.verdicts[key]:
                self.report.problem(path, line, self.verdicts[key] + where)
        for snippet, line in parsed.placeholders:
            if line not in content and snippet not in self.state.placeholders:
                self.report.problem(path, line, f"literal '{snippet}' left in the page{where}")
        self.check_duplicate_ids(output, parsed, path, where)

    def problem_at(self, output, path, line, in_content, message, where) -> None:
        """Report a problem at its source line when it is in the content, else in the output."""
        page = self.state.pages.get(output)
        if in_content and page is not None:
            self.report.problem(page.source_path, self.source_line(page, message), message)
        else:
            self.report.problem(path, line, message + where)

    def source_line(self, page, message: str) -> int:
        """Return the source line that holds the address a message quotes, else 1."""
        text = self.build.sources.get(page.source_path, "")
        quoted = re.search(r"'([^']+)'", message)
        offset = text.find(quoted[1]) if quoted else -1
        return text.count("\n", 0, offset) + 1 if offset >= 0 else 1

    def check_duplicate_ids(self, output: str, parsed: ParsedPage, path: str, where: str) -> None:
        """Report each id used more than once in a page, where it can be fixed."""
        page = self.state.pages.get(output)
        for name, lines in parsed.ids.items():
            if len(lines) < 2:
                continue
            message = f"id '{name}' is used {len(lines)} times on {output}"
            text = self.build.sources.get(page.source_path, "") if page is not None else ""
            line = source_line_of_id(text, name) if text else None
            if line:
                self.report.problem(page.source_path, line, message)
            else:
                self.report.problem(path, lines[1], message + where)


def check_output(build, output_path: str, state: LinkState, written: dict[str, str]) -> None:
    """Check every written HTML file and the content links queued for the written site."""
    OutputCheck(build, output_path, state, written).run()
