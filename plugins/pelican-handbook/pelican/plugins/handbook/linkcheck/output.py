"""Check the written site: the queued content links, and every link the theme wrote.

Runs once every file is written (print outputs included). Content links are
reported at their source line; the theme's (navigation, contacts) by output
file, line and template.
"""

from __future__ import annotations

import os
import posixpath

from markdown.extensions.toc import slugify

from .content import LinkState
from .csp import blocked_by_policy
from .html import ParsedPage
from .placeholders import PLACEHOLDER
from .targets import EXTERNAL, is_ignored, scheme_problem, site_path, target_of
from .written import (
    HTML_SUFFIXES,
    OutputIndex,
    add_content_ids,
    list_output,
    read_written,
    written_links,
)


def remember_written(state: LinkState, path: str, context: dict) -> None:
    """Keep the content a page was written with, and the template that wrote the file."""
    path = os.path.abspath(path)
    if state.writing:
        state.templates[path] = state.writing
    page = context.get("page") or context.get("article")
    if page is not None and hasattr(page, "get_content"):
        # The same call the template made: memoized by Pelican, so no new work.
        state.written[path] = page.get_content(page.get_siteurl())


def theme_link_problem(
    index: OutputIndex, output: str, href: str, ignore: list[str], under: str = ""
) -> str | None:
    """Return what is wrong with a link the theme wrote in `output`, or None."""
    if PLACEHOLDER.match(href):
        return f"literal '{PLACEHOLDER.match(href)[0]}' left in link '{href}'"
    if EXTERNAL.match(href):
        return scheme_problem(href)
    _, target, fragment = target_of(output, href, under)
    if is_ignored(target, ignore):
        return None
    return index.fragment_problem(target, fragment, href)


def heading_named(text: str, fragment: str) -> str | None:
    """Return the Markdown heading of `text` whose toc slug is `fragment`, if one is."""
    for line in text.split("\n"):
        if line.startswith("#") and slugify(line.lstrip("#").strip(), "-") == fragment:
            return line.strip()
    return None


class OutputCheck:
    """Check every written page of one build, each read once, in turn."""

    def __init__(self, build, output_path: str, state: LinkState):
        self.build, self.report, self.state = build, build.report, state
        self.ignore = list(build.options["link_ignore"])
        self.under = site_path(build.settings)
        served = build.options["served_paths"]
        self.index = OutputIndex(output_path, served, list_output(output_path))
        # The ids of every page's content, as written: a template that prints
        # many pages' content (an archive) repeats them, which is no one's mistake.
        self.content_ids: set[str] = set()
        # Theme links into a page not read yet: (output, line, href, label).
        self.waiting: list[tuple[str, int, str, str]] = []

    def run(self) -> None:
        pages = [name for name in self.index.files if name.endswith(HTML_SUFFIXES)]
        # Content pages first: what their content holds tells a copy of it
        # on a listing page (an index, an archive) from the theme's own.
        for output in sorted(pages, key=lambda name: (name not in self.state.pages, name)):
            path = os.path.join(self.index.root, output)
            # A page whose content was checked at its source is read without it.
            checked = output in self.state.content_ids
            content = self.state.written.get(os.path.abspath(path)) if checked else None
            parsed = read_written(path, content)
            ids = frozenset(parsed.ids)
            if parsed.content:
                content_ids = self.state.content_ids.pop(output)
                add_content_ids(parsed, content_ids, self.state.content_duplicates.pop(output, {}))
                ids |= content_ids
                self.content_ids |= content_ids
                self.state.content_hrefs |= written_links(content)
            self.index.ids[output] = ids
            self.check_page(output, parsed)
        for output, line, href, label in self.waiting:
            problem = self.theme_problem(output, href)
            if problem:
                self.report.problem(os.path.join(self.index.root, output), line, problem + label)
        for source, line, href, (path, fragment) in self.state.queued:
            problem = self.index.fragment_problem(path, fragment, href)
            if problem and self.index.exists(path) is None:
                problem = self.static_hint(path, href) or problem
            elif problem:
                problem += self.heading_hint(path, fragment)
            if problem:
                self.report.problem(source, line, problem)

    def theme_problem(self, output: str, href: str) -> str | None:
        """Return what is wrong with a link the theme wrote in `output`, or None."""
        return theme_link_problem(self.index, output, href, self.ignore, self.under)

    def waits(self, output: str, href: str) -> bool:
        """Say whether a theme link goes to a fragment of a page not read yet."""
        if EXTERNAL.match(href) or PLACEHOLDER.match(href):
            return False
        _, target, fragment = target_of(output, href, self.under)
        return self.index.is_unread(target, fragment)

    def static_hint(self, path: str, href: str) -> str | None:
        """Return the problem of a link to a missing file that a static file of that name fixes."""
        name = posixpath.basename(path)
        found = sorted(s for s in self.state.static_outputs if posixpath.basename(s) == name)
        if not name:
            return None
        if not found:
            return self.unpublished_hint(path, href, name)
        choice = min(found, key=lambda s: (not path.endswith(s), len(s)))
        return (
            f"link to '{href}' has no target: the build writes no '{path}'"
            f" (did you mean '{{static}}/{choice}'?)"
        )

    def unpublished_hint(self, path: str, href: str, name: str) -> str | None:
        """Return the problem of a link to a file in the content that no setting publishes."""
        content = self.build.settings.get("PATH", "")
        for folder, _, names in os.walk(content):
            if name in names:
                where = os.path.relpath(folder, content).replace(os.sep, "/")
                return (
                    f"link to '{href}' has no target: the build writes no '{path}'"
                    f" ({where}/{name} is not published: add '{where.split('/')[0]}'"
                    " to STATIC_PATHS)"
                )
        return None

    def heading_hint(self, path: str, fragment: str) -> str:
        """Return how to give an id to the heading a fragment names, if it has none."""
        page = self.state.pages.get(self.index.exists(path) or "")
        source = getattr(page, "source_path", None)
        text = self.build.lines.text(source) if fragment and source else ""
        heading = heading_named(text, fragment) if text else None
        if heading is None:
            return ""
        return (
            f" (headings get ids only on pages with checklists, or with the toc extension:"
            f" write '{heading} {{: #{fragment} }}')"
        )

    def where(self, path: str) -> str:
        """Return the label naming the template a written file came from."""
        template = self.state.templates.get(os.path.abspath(path))
        return f" (template: {template})" if template else ""

    def check_page(self, output: str, parsed: ParsedPage) -> None:
        """Check the theme's links, literal placeholders and ids of one written page."""
        path = os.path.join(self.index.root, output)
        where = self.where(path)
        page = self.state.pages.get(output)
        content = parsed.content if page is not None else range(0)
        # A draft is not published: the theme may link it to pages that only
        # published content brings (its category's), which is no one's mistake.
        draft = getattr(page, "status", "") == "draft"
        for href, line, tag in parsed.links:
            in_content = line in content
            blocked = blocked_by_policy(parsed.csp, href, tag)
            if blocked:
                self.problem_at(output, path, line, in_content, blocked, where, href)
            # A copy of some page's content (an index, an archive) was checked at its source.
            copied = page is None and href in self.state.content_hrefs
            if in_content or draft or copied:
                continue
            if self.waits(output, href):
                self.waiting.append((output, line, href, where))
                continue
            problem = self.theme_problem(output, href)
            if problem:
                self.report.problem(path, line, problem + where)
        if parsed.content:
            # The content was left out of the page read: its links on other sites here.
            for href, _, tag in self.state.content_external.pop(output, ()):
                blocked = blocked_by_policy(parsed.csp, href, tag)
                if blocked:
                    self.problem_at(output, path, 1, True, blocked, where, href)
        for snippet, line in parsed.placeholders:
            if line not in content and snippet not in self.state.placeholders:
                self.report.problem(path, line, f"literal '{snippet}' left in the page{where}")
        self.check_duplicate_ids(output, parsed, path, where)

    def problem_at(self, output, path, line, in_content, message, where, href) -> None:
        """Report a problem at its source line when it is in the content, else in the output."""
        page = self.state.pages.get(output)
        if in_content and page is not None:
            # The message quotes the address, which the source holds as written.
            line = self.build.lines.of_text(page.source_path, href) or 1
            self.report.problem(page.source_path, line, message)
        else:
            self.report.problem(path, line, message + where)

    def check_duplicate_ids(self, output: str, parsed: ParsedPage, path: str, where: str) -> None:
        """Report each id used more than once in a page, where its author wrote it."""
        page = self.state.pages.get(output)
        for name, lines in parsed.ids.items():
            if len(lines) < 2 or (page is None and name in self.content_ids):
                continue
            message = f"id '{name}' is used {len(lines)} times on {output}"
            line = self.build.lines.of_id(page.source_path, name) if page is not None else None
            if line:
                self.report.problem(page.source_path, line, message)
            else:
                self.report.problem(path, lines[1], message + where)


def check_output(build, output_path: str, state: LinkState) -> None:
    """Check every written HTML file and the content links queued for the written site."""
    OutputCheck(build, output_path, state).run()
