"""How a link's target is read: its path, fragment and scheme, resolved as a browser does."""

from __future__ import annotations

import fnmatch
import posixpath
import re
from urllib.parse import unquote, urlsplit

from ..hints import did_you_mean

EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
SOURCE_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown", ".rst")
_GLOB = re.compile(r"[*?[]")
# An address holds no space, quote or angle bracket (RFC 5322 allows them only
# quoted, which no one writes in a link): "x<b>@y.org" is markup, not an address.
_EMAIL = re.compile(r'[^@\s,?/"<>]+@[^@\s,?/"<>]+\.[^@\s,?/"<>]+')
# What a phone number may hold besides digits (RFC 3966 visual separators).
_PHONE = re.compile(r"\+?[0-9().-]+(;[a-z-]+=[^;\s]+)*", re.IGNORECASE)


def split_target(href: str) -> tuple[str, str]:
    """Return the path and the (unquoted) fragment of a link."""
    # Browsers drop the spaces around a URL.
    href = href.strip()
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
    # Above the site's root a browser stays at the root: `../x` there is `x`.
    while normal == ".." or normal.startswith("../"):
        normal = normal[3:]
    normal = "" if normal == "." else normal
    return normal + "/" if path.endswith("/") and normal else normal


def site_path(settings: dict) -> str:
    """Return the path SITEURL puts the site under ('/blog'), or '' at a host's root."""
    try:
        return urlsplit(settings.get("SITEURL") or "").path.rstrip("/")
    except ValueError:
        return ""


def target_of(output: str, href: str, under: str = "") -> tuple[str, str, str]:
    """Return a link's path as written, the output file it leads to, and its fragment.

    `under` is the site's path on its host (`site_path`): `/blog/x.html`
    on a site served at `/blog` is the output file `x.html`.
    """
    path, fragment = split_target(href)
    if under and (path == under or path.startswith(under + "/")):
        path = path[len(under) :] or "/"
    # A bare "#fragment" points into the page that holds it.
    return path, resolve(output, path) if path else output, fragment


def is_ignored(path: str, ignore: list[str]) -> bool:
    """Say whether an output path is served by something else (HANDBOOK link_ignore).

    An entry is a path (it and everything below it) or a glob pattern
    (`/redirects/*`, `*.pdf`), for files a deploy step adds after Pelican.
    """
    path = path.strip("/")
    for entry in ignore:
        entry = entry.strip("/")
        if _GLOB.search(entry):
            if fnmatch.fnmatchcase(path, entry):
                return True
        elif path == entry or (entry and path.startswith(entry + "/")):
            return True
    return False


def is_top(fragment: str) -> bool:
    """Say whether a fragment is `#top`, which HTML scrolls to without any id."""
    return fragment.lower() == "top"


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
        recipients = unquote(rest.split("?")[0]).strip()
        # No recipient is valid (RFC 6068): share links give only a subject and body.
        addresses = recipients.split(",") if recipients else []
        if not all(_EMAIL.fullmatch(address.strip()) for address in addresses):
            return f"mailto: link '{href}' is not an email address"
    if scheme == "tel":
        number = unquote(rest).split(";")[0]
        digits = re.sub(r"\D", "", number)
        if not _PHONE.fullmatch(unquote(rest)) or len(digits) < 3:
            fixed = "" if len(digits) < 3 else f" (did you mean 'tel:{dialled(number)}'?)"
            return f"tel: link '{href}' is not a phone number{fixed}"
    return None
