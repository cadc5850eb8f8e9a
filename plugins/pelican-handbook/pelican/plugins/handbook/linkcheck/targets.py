"""What links can point at: output files and their ids; and how a link's target is read."""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from ..settings import did_you_mean
from .html import ParsedPage, parse_document

EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
SOURCE_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown", ".rst")
_EMAIL = re.compile(r"[^@\s,?/]+@[^@\s,?/]+\.[^@\s,?/]+")
# What a phone number may hold besides digits (RFC 3966 visual separators).
_PHONE = re.compile(r"\+?[0-9().-]+(;[a-z-]+=[^;\s]+)*", re.IGNORECASE)


def split_target(href: str) -> tuple[str, str]:
    """Return the path and the (unquoted) fragment of a link."""
    try:
        parts = urlsplit(href)
    except ValueError:  # "//[": a broken IPv6 host; the path is what was meant
        path, _, fragment = href.partition("#")
        return unquote(path.partition("?")[0]), unquote(fragment)
    return unquote(parts.path), unquote(parts.fragment)


def resolve(base: str, path: str) -> str:
    """Return the output path `path` names when linked from output file `base`.

    A trailing slash is kept: `page.html/` asks for a folder, not the page.
    """
    folder = posixpath.dirname(base)
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(folder, path)
    normal = posixpath.normpath(joined) if joined else ""
    normal = "" if normal == "." else normal
    return normal + "/" if path.endswith("/") and normal else normal


def target_of(output: str, href: str) -> tuple[str, str, str]:
    """Return a link's path as written, the output file it leads to, and its fragment."""
    path, fragment = split_target(href)
    # A bare "#fragment" points into the page that holds it.
    return path, resolve(output, path) if path else output, fragment


def is_ignored(path: str, ignore: list[str]) -> bool:
    """Say whether an output path is served by something else (HANDBOOK link_ignore)."""
    path = path.strip("/")
    for entry in ignore:
        entry = entry.strip("/")
        if path == entry or (entry and path.startswith(entry + "/")):
            return True
    return False


def is_top(fragment: str) -> bool:
    """Say whether a fragment is `#top`, which HTML scrolls to without any id."""
    return fragment.lower() == "top"


@dataclass
class OutputIndex:
    """Every file in the output folder, and what every HTML page holds."""

    root: str
    files: set[str] = field(default_factory=set)
    pages: dict[str, ParsedPage] = field(default_factory=dict)

    def exists(self, path: str) -> str | None:
        """Return the file a link to `path` is served from, or None."""
        # `page.html/` asks for a folder: only its index can serve it.
        if path and not path.endswith("/") and path in self.files:
            return path
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


def read_written(text: str, content: str | None, content_read: ParsedPage | None) -> ParsedPage:
    """Return what a written page holds, reading only the theme's part if its content was read.

    `page.content` is the lines that hold the page's content (none if it is
    not found as written). The content's links and ids were read when its
    links were checked; the content was most of each page, and reading it
    again was a quarter of the link check on the 1000-page bench site.
    """
    offset = text.find(content) if content else -1
    if offset < 0:
        return parse_document(text)
    first = text.count("\n", 0, offset) + 1
    lines = range(first, first + content.count("\n") + 1)
    page = None
    if content_read is not None:
        # The content's lines stay, blank, so the theme's keep their numbers.
        theme = text[:offset] + "\n" * content.count("\n") + text[offset + len(content) :]
        page = parse_document(theme)
        if not content_read.lines_known and any(name in page.ids for name in content_read.ids):
            page = None  # an id of the theme's is in the content too: reported at both lines
    if page is None:
        page = parse_document(text)
        page.content = lines
        return page
    page.content = lines
    shift = first - 1
    page.links += [(href, line + shift, tag) for href, line, tag in content_read.links]
    for name, found in content_read.ids.items():
        shifted = tuple(line + shift for line in found)
        page.ids[name] = tuple(sorted(page.ids.get(name, ()) + shifted))
    return page


def index_output(
    root: str, written: dict[str, str] | None = None, read: dict[str, ParsedPage] | None = None
) -> OutputIndex:
    """Walk the output folder once: every file, every HTML page read.

    `written` gives, by absolute path, the content each page was written
    with; `read`, by output path, what that content holds, already read.
    """
    index = OutputIndex(root)
    written, read = written or {}, read or {}
    for folder, _, names in os.walk(root):
        # Worked out once a folder, not once a file: a site has few folders.
        here = os.path.relpath(folder, root).replace(os.sep, "/")
        absolute = os.path.abspath(folder)
        for name in names:
            relative = name if here == "." else f"{here}/{name}"
            index.files.add(relative)
            if name.endswith((".html", ".htm")):
                full = os.path.join(absolute, name)
                with open(full, encoding="utf-8", errors="replace") as handle:
                    text = handle.read()
                index.pages[relative] = read_written(text, written.get(full), read.get(relative))
    return index


def suggestion(wrong: str, choices, prefix: str = "", suffix: str = "") -> str:
    """Return ' (did you mean ...?)' for the closest of `choices`, or ''.

    Closer than a setting's hint: paths and ids share long common parts.
    """
    return did_you_mean(wrong, choices, prefix, suffix, cutoff=0.7)


def dialled(number: str) -> str:
    """Return what a phone dials for a number written for people: digits, and a leading '+'."""
    number = number.strip()
    digits = re.sub(r"\D", "", number)
    return "+" + digits if number.startswith("+") else digits


def scheme_problem(href: str) -> str | None:
    """Return what is wrong with a mailto: or tel: link, or None."""
    scheme, _, rest = href.partition(":")
    scheme = scheme.lower()
    if scheme == "mailto":
        addresses = unquote(rest.split("?")[0]).split(",")
        if not all(_EMAIL.fullmatch(address.strip()) for address in addresses):
            return f"mailto: link '{href}' is not an email address"
    if scheme == "tel":
        number = unquote(rest).split(";")[0]
        digits = re.sub(r"\D", "", number)
        if not _PHONE.fullmatch(unquote(rest)) or len(digits) < 3:
            fixed = "" if len(digits) < 3 else f" (did you mean 'tel:{dialled(number)}'?)"
            return f"tel: link '{href}' is not a phone number{fixed}"
    return None
