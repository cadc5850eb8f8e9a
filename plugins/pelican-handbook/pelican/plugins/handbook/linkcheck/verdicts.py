"""Judge each link of a page's content against every source and static file.

A verdict is a problem to report, a target to check once the site is
written, or nothing. Pages link to the same targets again and again, so each
verdict is worked out once per folder and kept.
"""

from __future__ import annotations

import os
import posixpath
import re
from typing import TYPE_CHECKING

from pelican.urlwrappers import Author, Category, Tag

from .. import report as problems
from ..linkcheck.html import PLACEHOLDER
from ..linkcheck.targets import (
    EXTERNAL,
    SOURCE_SUFFIXES,
    is_ignored,
    scheme_problem,
    split_target,
    suggestion,
    target_of,
)

if TYPE_CHECKING:
    from ..linkcheck.content import State

_WRAPPERS = {"category": Category, "tag": Tag, "author": Author}

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

    def __init__(self, generators, state: State):
        self.state = state
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
            self.state.reported.setdefault(output, set()).add(href)
        elif verdict is not None:
            self.state.pending.append((page.source_path, line, href, *verdict, output))

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

    def to_check(self, path: str, fragment: str) -> Verdict:
        """Return the verdict for a target the written site will tell about."""
        return None if is_ignored(path, self.state.ignore) else (path, fragment)

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
