"""The written site: every file in the output folder, and the ids of each HTML page read."""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass, field
from html import unescape

from .html import URL_ATTRIBUTES, ParsedPage, parse_document
from .targets import is_top, suggestion

# How the host serves a path (HANDBOOK["served_paths"]): "pretty" also
# serves `x` from `x.html`, as `pelican --listen`, GitHub Pages and Netlify do.
SERVED_PATHS = ("pretty", "exact")
HTML_SUFFIXES = (".html", ".htm")


@dataclass
class OutputIndex:
    """Every file in the output folder, and the ids of every HTML page read so far."""

    root: str
    served_paths: str = "pretty"
    files: set[str] = field(default_factory=set)
    # Only the ids of a page are kept once it is checked: a site's pages are many.
    ids: dict[str, frozenset[str]] = field(default_factory=dict)

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

    def is_unread(self, path: str, fragment: str) -> bool:
        """Say whether a link's verdict waits for a page not read yet (its ids)."""
        served = self.exists(path)
        return (
            bool(fragment)
            and served is not None
            and served.endswith(HTML_SUFFIXES)
            and (served not in self.ids)
        )

    def fragment_problem(self, path: str, fragment: str, href: str) -> str | None:
        """Return what is wrong with a link to `path#fragment`, or None."""
        served = self.exists(path)
        if served is None:
            hint = suggestion(path.rstrip("/"), sorted(self.files))
            return f"link to '{href}' has no target: the build writes no '{path}'{hint}"
        if not fragment or served not in self.ids or is_top(fragment):
            return None
        ids = self.ids[served]
        if fragment in ids:
            return None
        hint = suggestion(fragment, ids, href.rsplit("#", 1)[0] + "#")
        return f"link to '{href}' has no target: no id '{fragment}' in {served}{hint}"


def list_output(root: str) -> set[str]:
    """Return every file under the output folder, as paths relative to it."""
    files = set()
    for folder, _, names in os.walk(root):
        here = os.path.relpath(folder, root).replace(os.sep, "/")
        files.update(name if here == "." else f"{here}/{name}" for name in names)
    return files


def read_written(path: str, content: str | None) -> ParsedPage:
    """Return what the theme wrote in a page, and which of its lines hold its content.

    `content` is the content the page was written with, or None to read the
    whole page. Its links were checked at its source and its ids read there,
    so it is left out here, each of its lines kept blank: the theme's lines
    keep their numbers, and the content, most of a page, is not parsed twice.
    """
    with open(path, encoding="utf-8", errors="replace") as handle:
        text = handle.read()
    offset = text.find(content) if content else -1
    if offset < 0:
        return parse_document(text)
    lines = content.count("\n")
    page = parse_document(text[:offset] + "\n" * lines + text[offset + len(content) :])
    first = text.count("\n", 0, offset) + 1
    page.content = range(first, first + lines + 1)
    return page


def add_content_ids(page: ParsedPage, ids: frozenset[str], duplicates: dict) -> None:
    """Give a page read without its content the ids of its content that are duplicates.

    `ids` are the content's ids, `duplicates` those it holds more than once,
    with their lines in the content: with the theme's, they are the page's.
    """
    shift = page.content.start - 1
    for name in ids & page.ids.keys():
        # The content's line of an id it holds once is not kept: its first line stands for it.
        lines = [line + shift for line in duplicates.get(name, [1])]
        page.ids[name] = sorted([*page.ids[name], *lines])
    for name, lines in duplicates.items():
        if name not in page.ids:
            page.ids[name] = [line + shift for line in lines]


# The quoted links of a page's content, as Pelican fills in its `{filename}`s
# (it fills in quoted values of tags only, read as these read them): a
# listing page that copies the content repeats them. Each other link is
# written as its source has it.
_TAG = re.compile(r"<[a-zA-Z][^>]*>")
_WRITTEN_LINK = re.compile(
    rf"""\s(?:{"|".join(sorted(URL_ATTRIBUTES))})\s*=\s*(?:"([^"]*)"|'([^']*)')""",
    re.IGNORECASE,
)


def written_links(content: str) -> set[str]:
    """Return the quoted links of a page's content as written, addresses filled in."""
    return {
        unescape(double or single)
        for tag in _TAG.findall(content)
        for double, single in _WRITTEN_LINK.findall(tag)
    }
