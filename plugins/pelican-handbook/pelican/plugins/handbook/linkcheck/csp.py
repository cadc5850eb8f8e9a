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
    "link:stylesheet": "style-src",
    "link:preload": "default-src",
    "link:prefetch": "default-src",
    "link:preconnect": "default-src",
    "link:dns-prefetch": "default-src",
    "link:prerender": "default-src",
    "link:modulepreload": "script-src",
    "form": "form-action",
    "button": "form-action",
    "input": "form-action",
    "base": "base-uri",
    "ping": "connect-src",
    # A redirect to another site: no directive covers it, but a site whose
    # policy keeps everything at home does not send its readers away unasked.
    "meta:refresh": "default-src",
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


def may_be_blocked(href: str) -> bool:
    """Say whether a page's policy could block `href`: it is on another site."""
    return href.lower().startswith(("http:", "https:", "//"))


def blocked_by_policy(policy: str | None, href: str, tag: str) -> str | None:
    """Return why a page's policy blocks the external resource `href` of a `tag`, or None."""
    directive = _DIRECTIVE.get(tag)
    if not policy or directive is None or not may_be_blocked(href):
        return None
    directives = _directives(policy)
    # form-action and base-uri do not fall back to default-src in a browser;
    # here they do: a site whose default is itself does not send readers away unasked.
    directive = directive if directive in directives else "default-src"
    sources = directives.get(directive)
    if sources is None or _allows(sources, href):
        return None
    if tag in ("form", "button", "input", "base", "ping", "meta:refresh"):
        return (
            f"'{href}' sends the reader or their data to another site, which the page's"
            f" Content-Security-Policy ({directive}) does not allow"
        )
    return (
        f"'{href}' is blocked by the page's Content-Security-Policy ({directive}):"
        " keep the file on the site (put it in a static folder and link it with {static})"
    )
