"""Judge one link of a page's content against every source and static file of the build.

A verdict is a problem to report, a target (path and fragment) to check once
the site is written, or None: a working external link, or an ignored path.
"""

from __future__ import annotations

import os
import posixpath
import re

from pelican.urlwrappers import Author, Category, Tag

from .placeholders import PLACEHOLDER
from .targets import (
    EXTERNAL,
    SOURCE_SUFFIXES,
    is_ignored,
    scheme_problem,
    site_path,
    split_target,
    suggestion,
    target_of,
)

_WRAPPERS = {"category": Category, "tag": Tag, "author": Author}

# A string: evaluated by type checkers only, so it reads the same on Python 3.9.
Verdict = "str | tuple[str, str] | None"
# What `written_as` says of a draft, and of a source Pelican could not
# process, which it keeps as None (no output path looks like either).
_DRAFT = "\0draft"
_UNREAD = "\0unread"


class LinkJudge:
    """Judge content links against the sources and static files Pelican knows."""

    def __init__(
        self, context: dict, settings: dict, ignore: list[str], unread: dict | None = None
    ):
        self.settings = settings
        # Why the handbook's reader could not read a source, by its path.
        self.unread = unread or {}
        self.ignore = ignore
        self.under = site_path(settings)
        self.generated = context.get("generated_content", {})
        self.static = context.get("static_content", {})
        self.static_outputs = {s.save_as.replace(os.sep, "/") for s in self.static.values()}
        # Pelican works a page's folder out again on every access (from its
        # URL settings, each time): once per page here.
        self.folders: dict[str, str] = {}
        # A `{filename}x.md`-style link means the same from every page of a
        # folder, and pages share links (a site's main pages are linked from
        # many): its verdict, by folder and link.
        self.verdicts: dict[tuple[str, str], Verdict] = {}

    def folder_of(self, page) -> str:
        """Return the content folder of `page`'s source, as Pelican names it."""
        if page.source_path not in self.folders:
            self.folders[page.source_path] = page.relative_dir
        return self.folders[page.source_path]

    def judge(self, page, output: str, href: str) -> Verdict:
        """Return the verdict on one link of `page`, which is written to `output`."""
        if not href.strip():
            return "link has no target"
        placeholder = PLACEHOLDER.match(href)
        if placeholder:
            value = href[placeholder.end() :]
            if not value or value[0] in "#?":  # the page itself: no other page's verdict
                return self.judge_placeholder(page, href, placeholder)
            key = (self.folder_of(page), href)
            if key not in self.verdicts:
                self.verdicts[key] = self.judge_placeholder(page, href, placeholder)
            return self.verdicts[key]
        if EXTERNAL.match(href):
            return scheme_problem(href)
        return self.judge_relative(page, output, href)

    def to_check(self, path: str, fragment: str) -> Verdict:
        """Return the verdict for a target that only the written site can tell about."""
        return None if is_ignored(path, self.ignore) else (path, fragment)

    def source_key(self, page, path: str) -> str:
        """Return the content-relative source path that a `{filename}` path names."""
        if path.startswith("/"):
            return posixpath.normpath(path.lstrip("/"))
        return page.get_relative_source_path(os.path.join(self.folder_of(page), path))

    def judge_placeholder(self, page, href: str, placeholder: re.Match) -> Verdict:
        what, value = placeholder[1], href[placeholder.end() :]
        path, fragment = split_target(value)
        if what == "index":
            return self.to_check(self.settings.get("INDEX_SAVE_AS", "index.html"), fragment)
        if what in ("filename", "static", "attach"):
            return self.judge_file(page, href, what, path, fragment)
        written = self.settings.get(f"{what.upper()}_SAVE_AS")
        target = _WRAPPERS[what](path, self.settings).save_as if written else ""
        if not target:
            return f"link '{href}' goes to {what} pages, which this site does not write"
        return self.to_check(target, fragment)

    def judge_file(self, page, href: str, what: str, path: str, fragment: str) -> Verdict:
        """Judge a `{filename}`, `{static}` or `{attach}` link."""
        if not path:
            # Pelican replaces neither: the link ships as written.
            hint = f" (did you mean '#{fragment}'?)" if fragment else ""
            return f"link '{href}' names no file after '{{{what}}}'{hint}"
        key = self.source_key(page, path)
        target = self.written_as(what, key)
        if target is None:
            return self.missing_source(page, href, what, key, path)
        if target == _DRAFT:
            return f"link target '{href}' is not published: it is a draft"
        if target == _UNREAD:
            why = self.unread.get(os.path.join(self.settings.get("PATH", ""), key))
            return f"link target '{href}' could not be read" + (f": {why}" if why else "")
        if not target:
            return f"link target '{href}' is not published: it has an empty save_as"
        return self.to_check(target, fragment)

    def written_as(self, what: str, key: str) -> str | None:
        """Return where the source `key` is written ('' if nowhere), or None if it is missing."""
        found = self.generated.get(key) if what == "filename" else None
        found = found or self.static.get(key)
        if found is None:
            unread = key in self.static or (what == "filename" and key in self.generated)
            return _UNREAD if unread else None
        # Pelican adds every `{static}` target to static_content, even a missing one.
        if not os.path.exists(found.source_path):
            return None
        if getattr(found, "status", "published") == "draft":
            return _DRAFT
        return getattr(found, "save_as", "").replace(os.sep, "/")

    def missing_source(self, page, href: str, what: str, key: str, path: str) -> str:
        """Return the problem with a `{filename}`-style link to a file that does not exist."""
        choices = self.generated if what == "filename" else self.static
        existing = [k for k, c in choices.items() if c and os.path.exists(c.source_path)]
        # Suggest in the form the author wrote: from the content root, or relative.
        if path.startswith("/"):
            names = {"/" + k.replace(os.sep, "/") for k in existing}
            wanted = path
        else:
            here = self.folder_of(page) or "."
            names = {posixpath.relpath(k.replace(os.sep, "/"), here) for k in existing}
            wanted = posixpath.relpath(key.replace(os.sep, "/"), here)
        hint = suggestion(wanted, names, f"{{{what}}}")
        return f"link target '{href}' does not exist{hint}"

    def judge_relative(self, page, output: str, href: str) -> Verdict:
        """Judge a relative or root-relative link; a link to a source suggests `{filename}`."""
        path, target, fragment = target_of(output, href, self.under)
        if path.lower().endswith(SOURCE_SUFFIXES) and target not in self.static_outputs:
            key = self.source_key(page, path)
            here = self.folder_of(page) or "."
            names = {posixpath.relpath(k, here) for k in self.generated}
            if key in self.generated:
                hint = f" (did you mean '{{filename}}{href}'?)"
                what = "a Markdown source, which is not published"
            else:
                hint = suggestion(path, names, "{filename}")
                what = "a source file that does not exist"
            return f"link to '{href}' points at {what}{hint}"
        return self.to_check(target, fragment)
