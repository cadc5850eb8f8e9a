"""Links kept in the reader's language: a `{filename}` link goes to the target's version in it.

A translation copies its source's links (`{filename}code-of-conduct.md`):
on a page in Spanish such a link goes to the Spanish code of conduct when
there is one, and otherwise to the one there is, with `hreflang` saying its
language. The `{filename}` is rewritten to the version's source path, so
Pelican resolves it as it resolves every other link.
"""

from __future__ import annotations

import os
import re
from urllib.parse import unquote, urlparse, urlunparse

_ANCHOR_START = re.compile(r"<a\b", re.IGNORECASE)


def version_in(content, lang: str):
    """Return the version of `content` in `lang` (itself, or one of its translations), if any."""
    if getattr(content, "lang", None) == lang:
        return content
    return next((t for t in getattr(content, "translations", []) if t.lang == lang), None)


def _target(page, path: str, generated: dict):
    """Return the content a `{filename}` path names, as Pelican finds it."""
    for candidate in (path, unquote(path)):
        if candidate.startswith("/"):
            key = candidate[1:]
        else:
            key = page.get_relative_source_path(os.path.join(page.relative_dir, candidate))
        found = generated.get(key.replace(os.sep, "/")) or generated.get(key)
        if found is not None:
            return found
    return None


def _in_language(page, generated: dict, found: re.Match) -> str:
    """Return one intrasite link, sent to the page's language where it can be."""
    if found.group("what") != "filename":
        return found.group(0)
    value = found.group("value")
    parsed = urlparse(value)
    target = _target(page, parsed.path, generated)
    if target is None or target.lang == page.lang:
        return found.group(0)
    version = version_in(target, page.lang)
    markup, quote, written = found.group("markup"), found.group("quote"), found.group("path")
    if version is not None:
        source = version.get_relative_source_path().replace(os.sep, "/")
        rebuilt = urlunparse(parsed._replace(path="/" + source))
        written = written[: len(written) - len(value)] + rebuilt
    elif _ANCHOR_START.match(markup) and "hreflang" not in markup.lower():
        markup = _ANCHOR_START.sub(f'<a hreflang="{target.lang}"', markup, count=1)
    return f"{markup}{quote}{written}{quote}"


def keep_links_in_language(page, generated: dict) -> None:
    """Send the page's `{filename}` links to their targets' versions in its language."""
    content = getattr(page, "_content", "") or ""
    if "filename" not in content:
        return
    # Pelican's own pattern for intrasite links (INTRASITE_LINK_REGEX in markup).
    pattern = page._get_intrasite_link_regex()
    page._content = pattern.sub(lambda found: _in_language(page, generated, found), content)
