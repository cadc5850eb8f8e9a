"""Index what links can point at: sources, output files, and the ids in each page.

Everything is indexed once per build, so checking a link is a dictionary look-up
and the whole check grows linearly with the number of links.
"""

from __future__ import annotations

import difflib
import functools
import os
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from ..linkcheck.around import parse_around
from ..linkcheck.html import ParsedPage, parse_html

EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
SOURCE_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown", ".rst")
_EMAIL = re.compile(r"[^@\s,?/]+@[^@\s,?/]+\.[^@\s,?/]+")
_PHONE = re.compile(r"\+?[0-9().-]+(;[a-z-]+=[^;\s]+)*", re.IGNORECASE)


# Pages link to the same targets again and again: these pure helpers are
# memoised (bounded, as `pelican --autoreload` runs many builds in one process).
@functools.lru_cache(maxsize=65536)
def split_target(href: str) -> tuple[str, str]:
    """Return the path and the (unquoted) fragment of a link."""
    try:
        parts = urlsplit(href)
    except ValueError:  # "//[": a broken IPv6 host; the path is what was meant
        path, _, fragment = href.partition("#")
        return unquote(path.partition("?")[0]), unquote(fragment)
    return unquote(parts.path), unquote(parts.fragment)


def resolve(base: str, path: str) -> str:
    """Return the output path `path` names when linked from output file `base`."""
    return _resolve_in(posixpath.dirname(base), path)


@functools.lru_cache(maxsize=65536)
def _resolve_in(folder: str, path: str) -> str:
    """Return the output path `path` names when linked from a file in `folder`."""
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(folder, path)
    joined = posixpath.normpath(joined)
    return "" if joined == "." else joined


def target_of(output: str, href: str) -> tuple[str, str, str]:
    """Return a link's path as written, the output file it leads to, and its fragment."""
    path, fragment = split_target(href)
    # A bare "#fragment" points into the page that holds it.
    return path, resolve(output, path) if path else output, fragment


def is_ignored(path: str, ignore: list[str]) -> bool:
    """Say whether an output path is served by something else (HANDBOOK link_ignore)."""
    for entry in ignore:
        entry = entry.strip("/")
        if path == entry or (entry and path.startswith(entry + "/")):
            return True
    return False


@dataclass
class OutputIndex:
    """Every file in the output folder, and the parsed HTML of every page."""

    root: str
    files: set[str] = field(default_factory=set)
    pages: dict[str, ParsedPage] = field(default_factory=dict)

    def exists(self, path: str) -> str | None:
        """Return the file a link to `path` is served from, or None."""
        for candidate in (path, posixpath.join(path, "index.html")):
            if candidate in self.files:
                return candidate
        return None


# Per written page: its content as written, and the ids the content pass read in it.
ContentOf = Callable[[str], "tuple[str, dict[str, tuple[int, ...]]] | None"]


def index_output(root: str, content_of: ContentOf | None = None) -> OutputIndex:
    """Walk the output folder once: every file, every HTML page parsed.

    A page whose content `content_of` knows has only the theme's part read.
    """
    index = OutputIndex(root)
    for folder, _, names in os.walk(root):
        for name in names:
            full = os.path.join(folder, name)
            relative = os.path.relpath(full, root).replace(os.sep, "/")
            index.files.add(relative)
            if name.endswith((".html", ".htm")):
                with open(full, encoding="utf-8", errors="replace") as handle:
                    html = handle.read()
                known = content_of(relative) if content_of else None
                index.pages[relative] = parse_around(html, *known) if known else parse_html(html)
    return index


def written_by(generators) -> dict[str, object]:
    """Return every content object (articles, pages, drafts, hidden) by output path."""
    objects = {}
    for generator in generators:
        for name in ("articles", "drafts", "pages", "hidden_pages", "draft_pages"):
            for content in getattr(generator, name, []):
                for each in [content, *getattr(content, "translations", [])]:
                    if getattr(each, "save_as", ""):
                        objects[each.save_as.replace(os.sep, "/")] = each
    return objects


def suggestion(wrong: str, choices, prefix: str = "", suffix: str = "") -> str:
    """Return ' (did you mean ...?)' for the closest of `choices`, or ''."""
    close = difflib.get_close_matches(wrong, list(choices), n=1, cutoff=0.7)
    return f" (did you mean '{prefix}{close[0]}{suffix}'?)" if close else ""


def scheme_problem(href: str) -> str | None:
    """Return what is wrong with a mailto: or tel: link, or None."""
    scheme, _, rest = href.partition(":")
    scheme = scheme.lower()
    if scheme == "mailto":
        addresses = rest.split("?")[0].split(",")
        if not all(_EMAIL.fullmatch(address.strip()) for address in addresses):
            return f"mailto: link '{href}' is not an email address"
    if scheme == "tel":
        digits = re.sub(r"\D", "", rest.split(";")[0])
        if not _PHONE.fullmatch(rest) or len(digits) < 3:
            fixed = "" if len(digits) < 3 else f" (did you mean 'tel:{digits}'?)"
            return f"tel: link '{href}' is not a phone number{fixed}"
    return None
