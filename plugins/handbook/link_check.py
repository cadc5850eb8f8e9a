"""Check every link in every page's source and HTML, once all pages are known.

Targets that need the written site (fragments, plain relative links) are
queued here and checked by `theme_links` once the output exists, so ids the
theme adds count too. Each problem names the source file and line.
"""

from __future__ import annotations

import logging
import os
import posixpath
import re
from dataclasses import dataclass, field

from pelican.urlwrappers import Author, Category, Tag

from . import problems
from .config import handbook_options
from .link_html import PLACEHOLDER, ParsedPage, parse_html
from .link_lines import LineFinder, loose_placeholders
from .link_source import SourceLinks, read_sources, scan
from .link_targets import (
    EXTERNAL,
    SOURCE_SUFFIXES,
    is_ignored,
    scheme_problem,
    split_target,
    suggestion,
    target_of,
    written_by,
)
from .link_tree import read_pages

_WRAPPERS = {"category": Category, "tag": Tag, "author": Author}
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


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


# What checking a link found: a problem to report, the path and fragment to
# check once the site is written, or None (a working external link, an
# ignored path). Pages link to the same targets again and again: each
# verdict is worked out once per folder.
Verdict = str | tuple[str, str] | None


def _points_into_page(href: str) -> bool:
    """Say whether a link has no path: `#x` or `{filename}#x` point into their own page."""
    placeholder = PLACEHOLDER.match(href)
    path, _ = split_target(href[placeholder.end() :] if placeholder else href)
    return not path


class ContentChecker:
    """Check the links of content pages against every source and static file."""

    def __init__(self, generators):
        self.context = generators[0].context
        self.settings = generators[0].settings
        self.generated = self.context.get("generated_content", {})
        self.static = self.context.get("static_content", {})
        self.static_outputs = {s.save_as.replace(os.sep, "/") for s in self.static.values()}
        # Pelican recomputes these paths on every access; pages share their answers.
        self.folders: dict[str, str] = {}
        self.source_keys: dict[tuple[str, str], str] = {}
        self.published: dict[tuple[bool, str], str | None] = {}
        self.verdicts: dict[tuple, Verdict] = {}
        self.into_page: dict[str, bool] = {}
        self.output_folders: dict[str, tuple[str, str]] = {}

    def relative_dir(self, page) -> str:
        """Return the content folder of `page`'s source, as Pelican names it."""
        if page.source_path not in self.folders:
            self.folders[page.source_path] = page.relative_dir
        return self.folders[page.source_path]

    def check(self, page, output: str, href: str, line: int) -> None:
        """Check one link of `page` (written to `output`), written on `line`."""
        key = self.verdict_key(page, output, href)
        if key in self.verdicts:
            verdict = self.verdicts[key]
        else:
            verdict = self.verdicts[key] = self.judge(page, output, href)
        if isinstance(verdict, str):
            problems.add(page.source_path, line, verdict)
            state.reported.setdefault(output, set()).add(href)
        elif verdict is not None:
            state.pending.append((page.source_path, line, href, *verdict, output))

    def verdict_key(self, page, output: str, href: str) -> tuple:
        """Return what a link's verdict depends on: the folders of its page, and the link."""
        into_page = self.into_page.get(href)
        if into_page is None:
            into_page = self.into_page[href] = _points_into_page(href)
        if into_page:
            return (page.source_path, output, href)
        folders = self.output_folders.get(output)
        if folders is None:
            folders = (self.relative_dir(page), posixpath.dirname(output))
            self.output_folders[output] = folders
        return (folders, href)

    def judge(self, page, output: str, href: str) -> Verdict:
        """Return the verdict on one link of `page`, written to `output`."""
        placeholder = PLACEHOLDER.match(href)
        if not href.strip():
            return "link has no target"
        if placeholder:
            return self.judge_placeholder(page, href, placeholder)
        if EXTERNAL.match(href):
            return scheme_problem(href)
        return self.judge_relative(page, output, href)

    @staticmethod
    def to_check(path: str, fragment: str) -> Verdict:
        """Return the verdict for a target the written site will tell about."""
        return None if is_ignored(path, state.ignore) else (path, fragment)

    def source_key(self, page, path: str) -> str:
        """Return the content-relative source path a `{filename}` path names."""
        if path.startswith("/"):
            return posixpath.normpath(path.lstrip("/"))
        folder = self.relative_dir(page)
        if not (folder or path):  # Pelican reads an empty path as the page's own source
            return page.get_relative_source_path("")
        if (folder, path) not in self.source_keys:
            joined = os.path.join(folder, path)
            self.source_keys[folder, path] = page.get_relative_source_path(joined)
        return self.source_keys[folder, path]

    def written_as(self, what: str, key: str) -> str | None:
        """Return the output path of the source `key` ('' if none), None if it is missing."""
        cache_key = (what == "filename", key)
        if cache_key not in self.published:
            found = self.generated.get(key) if what == "filename" else None
            found = found or self.static.get(key)
            # Pelican adds every `{static}` target to static_content, even a missing one.
            if found is None or not os.path.exists(found.source_path):
                self.published[cache_key] = None
            else:
                self.published[cache_key] = found.save_as.replace(os.sep, "/")
        return self.published[cache_key]

    def judge_placeholder(self, page, href: str, placeholder: re.Match) -> Verdict:
        what, value = placeholder[1], href[placeholder.end() :]
        path, fragment = split_target(value)
        if what == "index":
            return self.to_check(self.settings.get("INDEX_SAVE_AS", "index.html"), fragment)
        if what in ("filename", "static", "attach"):
            key = self.source_key(page, path)
            target = self.written_as(what, key)
            if target is None:
                return self.missing_source(page, href, what, key, path)
            if not target:
                return f"link target '{href}' is not published: it has an empty save_as"
            return self.to_check(target, fragment)
        written = self.settings.get(f"{what.upper()}_SAVE_AS")
        target = _WRAPPERS[what](path, self.settings).save_as if written else ""
        if not target:
            return f"link '{href}' goes to {what} pages, which this site does not write"
        return self.to_check(target, fragment)

    def missing_source(self, page, href: str, what: str, key: str, path: str) -> str:
        """Return the problem with a `{filename}`-style link to a file that does not exist."""
        choices = self.generated if what == "filename" else self.static
        existing = [k for k, c in choices.items() if os.path.exists(c.source_path)]
        # Suggest in the form the author wrote: from the content root, or relative.
        if path.startswith("/"):
            names = {"/" + k.replace(os.sep, "/") for k in existing}
            wanted = path
        else:
            here = self.relative_dir(page) or "."
            names = {posixpath.relpath(k.replace(os.sep, "/"), here) for k in existing}
            wanted = posixpath.relpath(key.replace(os.sep, "/"), here)
        hint = suggestion(wanted, names, f"{{{what}}}")
        return f"link target '{href}' does not exist{hint}"

    def judge_relative(self, page, output: str, href: str) -> Verdict:
        path, target, fragment = target_of(output, href)
        if path.lower().endswith(SOURCE_SUFFIXES) and target not in self.static_outputs:
            key = self.source_key(page, path)
            here = self.relative_dir(page) or "."
            names = {posixpath.relpath(k, here) for k in self.generated}
            if key in self.generated:
                hint = f" (did you mean '{{filename}}{href}'?)"
                what = "a Markdown source, which is not published"
            else:
                hint = suggestion(path, names, "{filename}")
                what = "a source file that does not exist"
            return f"link to '{href}' points at {what}{hint}"
        return self.to_check(target, fragment)


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
        if not _JINJA.search(definition.target):
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
    checker = ContentChecker(generators)
    state.pages = written_by(generators)
    for output, page in state.pages.items():
        check_page(checker, page, output)
    # Pages no one writes (and an earlier build's) are not needed.
    read_pages.clear()
    read_sources.clear()
