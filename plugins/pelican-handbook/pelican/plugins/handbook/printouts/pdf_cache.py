"""The pocket-card PDFs' cache: a written PDF kept under a hash of what decides it.

Rendering, and importing WeasyPrint (which loads Pango), is most of the
time a site with cards takes to build, so a written PDF is kept in a cache
folder under a hash of what decides it: the cards page, every stylesheet,
image and font it loads (read here with lxml and a CSS `url()` scan,
without WeasyPrint), the card ids and WeasyPrint's version. A build whose
cards page and styles are unchanged copies the cached PDF and the ids of
the cards that overflowed. The hash cannot see the fonts installed on the
machine, which WeasyPrint picks when the styles name none it loads.

The key holds no absolute path of the output folder: `make html` builds
into a new folder and swaps it in, and each test builds into its own, so a
key that held the folder would render every build's PDFs again. A file in
the output folder is named by its path in it, and read for its bytes.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import os
import re
import tempfile
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html

logger = logging.getLogger(__name__)

# Part of the cache key: bump it when how this module calls WeasyPrint
# changes, or PDFs rendered the old way would still be copied.
_RECIPE = 2
# Cache entries are named `pocket-cards-<key>.pdf` (and `.json`). A build
# renders several (trial fits, the cards, a sheet per paper); storing one
# keeps the _KEEP last used, so the last few builds' entries all stay.
ENTRY = "pocket-cards"
_KEEP = 32
_PDF_SIGNATURE = b"%PDF-"
_CSS_COMMENT = re.compile(rb"/\*.*?\*/", re.DOTALL)
# url(...) in any of its spellings, and @import "..." (which needs no url()).
_CSS_URL = re.compile(
    rb"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)"""
    rb"""|@import\s+(?:"([^"]*)"|'([^']*)')"""
)
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


def _css_urls(css: bytes) -> list[str]:
    """Return the URLs a stylesheet loads, as written: url(...) and @import."""
    found = []
    for match in _CSS_URL.finditer(_CSS_COMMENT.sub(b"", css)):
        url = next(group for group in match.groups() if group is not None).strip()
        if url:
            found.append(url.decode("utf-8", "replace"))
    return found


def _html_urls(html: bytes) -> tuple[list[str], list[str]]:
    """Return the URLs the cards page loads as (stylesheets, other files), as written.

    Also the url(...)s of its <style> elements and style attributes, though
    the site's Content-Security-Policy forbids them: WeasyPrint would load them.
    """
    root = lxml.html.document_fromstring(html)
    sheets, files = [], []
    for link in root.iter("link"):
        if "stylesheet" in (link.get("rel") or "").lower().split() and link.get("href"):
            sheets.append(link.get("href").strip())
    for element in root.iter("img", "image", "use", "object", "embed"):
        for name in ("src", "href", _XLINK_HREF, "xlink:href", "data"):
            value = (element.get(name) or "").strip()
            if value and not value.startswith("#"):
                files.append(value)
    inline = [style.text or "" for style in root.iter("style")]
    inline += [element.get("style") for element in root.iter() if element.get("style")]
    for css in inline:
        files.extend(_css_urls(css.encode("utf-8")))
    return sheets, files


def _in_output(url: str, output_url: str) -> str:
    """Return `url` named by its path in the output folder, when it is there."""
    if url.startswith(output_url + "/"):
        return "output:" + url[len(output_url) :]
    return url


def _local_path(url: str) -> Path | None:
    """Return the file a `file:` URL names, or None for any other URL."""
    parts = urlsplit(url)
    return Path(unquote(parts.path)) if parts.scheme == "file" else None


def site_file(url: str, output: Path, siteurl: str) -> str:
    """Return the URL of the site's own file that `url` names, in the output folder.

    The cards page links its styles as the site does: relative, root-relative
    (`/theme/...`) or absolute under SITEURL. The last two name files of the
    site, not of this disk or of the web, which a build must not fetch from.
    """
    prefix = siteurl.rstrip("/") + "/" if siteurl else None
    if prefix and url.startswith(prefix):
        return (output / unquote(urlsplit(url[len(prefix) :]).path)).as_uri()
    if url.startswith("file://"):
        path = Path(unquote(urlsplit(url).path))
        inside = output / path.relative_to(path.anchor)
        if not path.exists() and inside.exists():
            return inside.as_uri()
    return url


def cache_key(
    html_path: Path, output: Path, card_ids: list[str], siteurl: str, version: str
) -> str:
    """Return the hash of what decides the PDF: the cards page and every file it loads.

    Each file is found as the URL fetcher of `_render` finds it, from the
    page's own address (relative, root-relative or under SITEURL, in the
    `output` folder); its URL (its path in `output` when it is there) and
    its bytes, or that it cannot be read, go into the hash. So does the
    page's path in `output`. A link the page shows to another of the site's
    files is written in the PDF as an absolute URL in the folder the PDF was
    first rendered in: a link into a build folder, which `make html` moves,
    wherever it was rendered.
    """

    digest = hashlib.sha256()

    def add(data: bytes) -> None:
        # Length first, so no two sequences of fields give the same bytes.
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)

    html = html_path.read_bytes()
    base = Path(os.path.abspath(html_path)).as_uri()
    output_url = Path(os.path.abspath(output)).as_uri().rstrip("/")
    page = _in_output(base, output_url)
    for field in (str(_RECIPE), version, page, siteurl, "\0".join(card_ids)):
        add(field.encode("utf-8"))
    add(html)
    sheets, files = _html_urls(html)
    queue = [(urljoin(base, url), True) for url in sheets]
    queue += [(urljoin(base, url), False) for url in files]
    seen = set()
    while queue:
        url, is_css = queue.pop(0)
        if url in seen or url.startswith("data:"):
            continue
        seen.add(url)
        add(_in_output(url, output_url).encode("utf-8"))
        path = _local_path(site_file(url, output, siteurl))
        try:
            data = path.read_bytes() if path else None
        except OSError:
            data = None
        # A file that cannot be read is one WeasyPrint skips (an empty one
        # differs from it).
        add(b"unread" if data is None else b"file:" + data)
        if data is not None and (is_css or urlsplit(url).path.lower().endswith(".css")):
            queue += [(urljoin(url, found), True) for found in _css_urls(data)]
    return digest.hexdigest()[:32]


def cached(entry: Path) -> tuple[bytes, list[str]] | None:
    """Return a cache entry's PDF and overflowing card ids, or None if missing or damaged."""
    try:
        meta = json.loads(entry.with_suffix(".json").read_text(encoding="utf-8"))
        pdf = entry.read_bytes()
    except (OSError, ValueError):
        return None
    ids = meta.get("overflowing") if isinstance(meta, dict) else None
    whole = pdf.startswith(_PDF_SIGNATURE) and hashlib.sha256(pdf).hexdigest() == meta.get("sha256")
    if not whole or not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        return None
    return pdf, ids


def _write_atomically(path: Path, data: bytes) -> None:
    """Write `path` by renaming a whole temporary file into place."""
    temporary = None
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as file:
            temporary = Path(file.name)
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        if temporary:
            temporary.unlink(missing_ok=True)
        raise


def store(entry: Path, pdf: bytes, ids: list[str]) -> None:
    """Keep a rendered PDF and its overflowing card ids; drop the oldest entries."""
    meta = {"sha256": hashlib.sha256(pdf).hexdigest(), "overflowing": ids}
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        # The PDF first: an entry counts only once its JSON, which holds the
        # PDF's hash, is in place, so a build stopped midway leaves none.
        _write_atomically(entry, pdf)
        _write_atomically(entry.with_suffix(".json"), json.dumps(meta).encode("utf-8"))
        entries = sorted(
            entry.parent.glob(f"{ENTRY}-*.json"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in entries[_KEEP:]:
            old.unlink(missing_ok=True)
            old.with_suffix(".pdf").unlink(missing_ok=True)
    except OSError as error:
        # The cache only saves time: a read-only checkout still builds.
        logger.warning("cannot cache the pocket-card PDF %s: %s", entry, error)


def renderer_version() -> str | None:
    """Return WeasyPrint's version without importing it, or None if it is not installed."""
    try:
        return importlib.metadata.version("weasyprint")
    except importlib.metadata.PackageNotFoundError:
        return None  # not cached: rendering says it is missing
