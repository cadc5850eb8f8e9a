"""Tell whether a page's own Content-Security-Policy blocks a resource it loads.

A page that says `img-src 'self'` and shows an `http://` image shows a
broken image instead: the build reports it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

# The directive that governs each element's resource (CSP level 3).
_DIRECTIVE = {
    "img": "img-src",
    "script": "script-src",
    "iframe": "frame-src",
    "audio": "media-src",
    "video": "media-src",
    "source": "media-src",
    "track": "media-src",
    "embed": "object-src",
    "object": "object-src",
}


def _directives(policy: str) -> dict[str, list[str]]:
    found = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            found.setdefault(words[0].lower(), [w.lower() for w in words[1:]])
    return found


def _allows(sources: list[str], url: str) -> bool:
    """Say whether a source list allows an external URL."""
    parts = urlsplit(url)
    scheme = (parts.scheme or "https").lower()
    host = (parts.hostname or "").lower()
    for source in sources:
        if source == "*" and scheme in ("http", "https"):
            return True
        if source == f"{scheme}:":
            return True
        bare = source.split("://", 1)[-1].rstrip("/")
        if bare.startswith("*.") and host.endswith(bare[1:]):
            return True
        if bare and host == bare.split("/")[0].split(":")[0]:
            return True
    return False


def blocked_by_policy(policy: str | None, href: str, tag: str) -> str | None:
    """Return why a page's policy blocks the external resource `href` of a `tag`, or None."""
    directive = _DIRECTIVE.get(tag)
    if not policy or directive is None or not href.lower().startswith(("http:", "https:", "//")):
        return None
    directives = _directives(policy)
    sources = directives.get(directive, directives.get("default-src"))
    if sources is None or _allows(sources, href):
        return None
    return (
        f"'{href}' is blocked by the page's Content-Security-Policy ({directive}):"
        " keep the file on the site (put it in a static folder and link it with {static})"
    )
