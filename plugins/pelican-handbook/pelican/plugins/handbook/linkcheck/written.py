"""The written site: every file in the output folder, and each HTML page read once with lxml."""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field

from .html import ParsedPage, parse_document
from .targets import is_top, suggestion

# How the host serves a path (HANDBOOK["served_paths"]): "pretty" also
# serves `x` from `x.html`, as `pelican --listen`, GitHub Pages and Netlify do.
SERVED_PATHS = ("pretty", "exact")


@dataclass
class OutputIndex:
    """Every file in the output folder, and what every HTML page holds."""

    root: str
    served_paths: str = "pretty"
    files: set[str] = field(default_factory=set)
    pages: dict[str, ParsedPage] = field(default_factory=dict)

    def exists(self, path: str) -> str | None:
        """Return the file a link to `path` is served from, or None."""
        # `page.html/` asks for a folder: only its index can serve it.
        if path and not path.endswith("/"):
            if path in self.files:
                return path
            if self.served_paths == "pretty" and path + ".html" in self.files:
                return path + ".html"
        index = posixpath.join(path, "index.html")
        return index if index in self.files else None

    def fragment_problem(self, path: str, fragment: str, href: str) -> str | None:
        """Return what is wrong with a link to `path#fragment`, or None."""
        served = self.exists(path)
        if served is None:
            hint = suggestion(path.rstrip("/"), sorted(self.files))
            return f"link to '{href}' has no target: the build writes no '{path}'{hint}"
        if not fragment or served not in self.pages or is_top(fragment):
            return None
        ids = self.pages[served].ids
        if fragment in ids:
            return None
        hint = suggestion(fragment, ids, href.rsplit("#", 1)[0] + "#")
        return f"link to '{href}' has no target: no id '{fragment}' in {served}{hint}"


def read_written(text: str, content: str | None) -> ParsedPage:
    """Return what a written page holds, and which of its lines hold its content.

    `content` is the content the page was written with: its links were
    checked at their source, so the output pass checks the theme's only.
    """
    page = parse_document(text)
    offset = text.find(content) if content else -1
    if offset >= 0:
        first = text.count("\n", 0, offset) + 1
        page.content = range(first, first + content.count("\n") + 1)
    return page


def index_output(
    root: str, written: dict[str, str] | None = None, served_paths: str = "pretty"
) -> OutputIndex:
    """Walk the output folder once: every file, every HTML page read.

    `written` gives, by absolute path, the content each page was written with.
    """
    index = OutputIndex(root, served_paths)
    written = written or {}
    for folder, _, names in os.walk(root):
        here = os.path.relpath(folder, root).replace(os.sep, "/")
        absolute = os.path.abspath(folder)
        for name in names:
            relative = name if here == "." else f"{here}/{name}"
            index.files.add(relative)
            if name.endswith((".html", ".htm")):
                full = os.path.join(absolute, name)
                with open(full, encoding="utf-8", errors="replace") as handle:
                    text = handle.read()
                index.pages[relative] = read_written(text, written.get(full))
    return index
