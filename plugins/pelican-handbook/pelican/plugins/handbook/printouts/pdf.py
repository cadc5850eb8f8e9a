"""Write the pocket cards as a PDF with WeasyPrint, and find cards that do not fit.

Rendering costs about a second, and importing WeasyPrint (which loads Pango)
half of one more, so a written PDF is kept in a cache folder under a hash of
what decides it: the cards page, every stylesheet, image and font it loads
(read here with lxml and a CSS `url()` scan, without WeasyPrint), the card
ids and WeasyPrint's version. A build whose cards page and styles are
unchanged copies the cached PDF and the ids of the cards that overflowed.
The hash cannot see the fonts installed on the machine, which WeasyPrint
picks when the styles name none it loads.
"""

from __future__ import annotations

import contextlib
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
_RECIPE = 1
# Cache entries are named `pocket-cards-<key>.pdf` (and `.json`). A build
# renders several (trial fits, the cards, a sheet per paper); storing one
# keeps the _KEEP last used, so the last few builds' entries all stay.
_ENTRY = "pocket-cards"
_KEEP = 32
_PDF_SIGNATURE = b"%PDF-"
_CSS_COMMENT = re.compile(rb"/\*.*?\*/", re.DOTALL)
# url(...) in any of its spellings, and @import "..." (which needs no url()).
_CSS_URL = re.compile(
    rb"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)"""
    rb"""|@import\s+(?:"([^"]*)"|'([^']*)')"""
)
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


class PdfUnavailable(RuntimeError):
    """WeasyPrint, or the Pango it needs, is not installed."""


def _first_pages(pages, card_ids: list[str]) -> dict[str, int]:
    """Return the index of the page each card starts on, by card id."""
    starts: dict[str, int] = {}
    for index, page in enumerate(pages):
        for anchor in page.anchors:
            if anchor in card_ids and anchor not in starts:
                starts[anchor] = index
    return starts


def overflowing(pages, card_ids: list[str]) -> list[str]:
    """Return the ids of cards that run onto more than one page."""
    starts = _first_pages(pages, card_ids)
    ordered = sorted(starts, key=starts.get)
    if not ordered:
        return []
    ends = [starts[card] for card in ordered[1:]] + [len(pages)]
    return [card for card, end in zip(ordered, ends, strict=True) if end - starts[card] > 1]


def _site_file(url: str, output: Path, siteurl: str) -> str:
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


def _site_fetcher(weasyprint, output: Path, siteurl: str):
    """Return a WeasyPrint URL fetcher that reads the site's files and nothing from the web."""
    if hasattr(weasyprint, "default_url_fetcher"):  # WeasyPrint before 67

        def fetch(url: str, *args, **kwargs):
            local = _site_file(url, output, siteurl)
            if not local.startswith(("file:", "data:")):
                raise ValueError(f"not fetched during the build: {url}")
            return weasyprint.default_url_fetcher(local, *args, **kwargs)

        return fetch

    class SiteFetcher(weasyprint.urls.URLFetcher):
        def fetch(self, url, headers=None):
            return super().fetch(_site_file(url, output, siteurl), headers)

    return SiteFetcher(allowed_protocols={"file", "data"})


def _render(html_path: Path, pdf_path: Path, card_ids: list[str], siteurl: str) -> list[str]:
    """Render `pdf_path` with WeasyPrint; return the ids of cards that overflow."""
    try:
        # Imported here: WeasyPrint loads Pango when imported, and only this job needs it.
        import weasyprint
        import weasyprint.urls
    except ImportError as error:
        raise PdfUnavailable(
            f"WeasyPrint is not installed ({error}): pip install 'pelican-handbook[print]'"
        ) from None
    except OSError as error:  # Pango's libraries are missing
        raise PdfUnavailable(f"{error} (WeasyPrint needs Pango: run `make system-deps`)") from None
    # WeasyPrint logs every CSS rule it does not support (screen-only ones in
    # the theme's stylesheets); those are not the organizer's problem.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = _site_fetcher(weasyprint, pdf_path.parent, siteurl)
    document = weasyprint.HTML(filename=str(html_path), url_fetcher=fetcher).render()
    document.write_pdf(str(pdf_path))
    return overflowing(document.pages, card_ids)


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


def _local_path(url: str) -> Path | None:
    """Return the file a `file:` URL names, or None for any other URL."""
    parts = urlsplit(url)
    return Path(unquote(parts.path)) if parts.scheme == "file" else None


def cache_key(
    html_path: Path, output: Path, card_ids: list[str], siteurl: str, version: str
) -> str:
    """Return the hash of what decides the PDF: the cards page and every file it loads.

    Each file is found as the URL fetcher of `_render` finds it, from the
    page's own address (relative, root-relative or under SITEURL, in the
    `output` folder); its URL and its bytes, or that it cannot be read, go
    into the hash. So does the page's own address: WeasyPrint writes links
    to other files as absolute URLs.
    """
    digest = hashlib.sha256()

    def add(data: bytes) -> None:
        # Length first, so no two sequences of fields give the same bytes.
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)

    html = html_path.read_bytes()
    base = Path(os.path.abspath(html_path)).as_uri()
    for field in (str(_RECIPE), version, base, siteurl, "\0".join(card_ids)):
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
        add(url.encode("utf-8"))
        path = _local_path(_site_file(url, output, siteurl))
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


def _cached(entry: Path) -> tuple[bytes, list[str]] | None:
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


def _store(entry: Path, pdf: bytes, ids: list[str]) -> None:
    """Keep a rendered PDF and its overflowing card ids; drop the oldest entries."""
    meta = {"sha256": hashlib.sha256(pdf).hexdigest(), "overflowing": ids}
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        # The PDF first: an entry counts only once its JSON, which holds the
        # PDF's hash, is in place, so a build stopped midway leaves none.
        _write_atomically(entry, pdf)
        _write_atomically(entry.with_suffix(".json"), json.dumps(meta).encode("utf-8"))
        entries = sorted(
            entry.parent.glob(f"{_ENTRY}-*.json"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in entries[_KEEP:]:
            old.unlink(missing_ok=True)
            old.with_suffix(".pdf").unlink(missing_ok=True)
    except OSError as error:
        # The cache only saves time: a read-only checkout still builds.
        logger.warning("cannot cache the pocket-card PDF %s: %s", entry, error)


def _version() -> str | None:
    """Return WeasyPrint's version without importing it, or None if it is not installed."""
    try:
        return importlib.metadata.version("weasyprint")
    except importlib.metadata.PackageNotFoundError:
        return None  # not cached: rendering says it is missing


def write_pdf(
    html_path: Path,
    pdf_path: Path,
    card_ids: list[str],
    siteurl: str = "",
    cache: Path | None = None,
) -> list[str]:
    """Write `pdf_path` from the written cards page; return the ids of cards that overflow.

    With a `cache` folder, a PDF rendered before from the same cards page,
    styles, images, card ids and WeasyPrint is copied instead of rendered.
    """
    version = _version() if cache is not None else None
    entry = None
    if version is not None:
        key = cache_key(html_path, pdf_path.parent, card_ids, siteurl, version)
        entry = cache / f"{_ENTRY}-{key}.pdf"
        found = _cached(entry)
        if found is not None:
            pdf, ids = found
            pdf_path.write_bytes(pdf)
            with contextlib.suppress(OSError):
                # Used now: the last to be removed (see _store).
                os.utime(entry.with_suffix(".json"))
            logger.debug("copied the cached pocket-card PDF %s", entry)
            return ids
    ids = _render(html_path, pdf_path, card_ids, siteurl)
    if entry is not None:
        _store(entry, pdf_path.read_bytes(), ids)
    return ids
