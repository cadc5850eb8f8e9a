"""Write the pocket cards as a tagged PDF (PDF/UA-1) with WeasyPrint; find cards too long.

A PDF rendered before from the same page and files is copied from the cache
(pdf_cache.py) instead.
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import os
from pathlib import Path

from .pdf_cache import ENTRY, cache_key, cached, renderer_version, site_file, store

__all__ = ["PdfUnavailable", "cache_key", "overflowing", "pdf_writer_installed", "write_pdf"]

logger = logging.getLogger(__name__)


class PdfUnavailable(RuntimeError):
    """WeasyPrint, or the Pango it needs, is not installed."""


def pdf_writer_installed() -> bool:
    """Say whether WeasyPrint (the `print` extra) is installed, without importing it.

    Importing it loads Pango, which a build copying its PDFs from the cache
    does without.
    """
    return importlib.util.find_spec("weasyprint") is not None


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
    return [card for card, end in zip(ordered, ends) if end - starts[card] > 1]


def _site_fetcher(weasyprint, output: Path, siteurl: str):
    """Return a WeasyPrint URL fetcher that reads the site's files and nothing from the web."""
    if hasattr(weasyprint, "default_url_fetcher"):  # WeasyPrint before 67

        def fetch(url: str, *args, **kwargs):
            local = site_file(url, output, siteurl)
            if not local.startswith(("file:", "data:")):
                raise ValueError(f"not fetched during the build: {url}")
            return weasyprint.default_url_fetcher(local, *args, **kwargs)

        return fetch

    class SiteFetcher(weasyprint.urls.URLFetcher):
        def fetch(self, url, headers=None):
            return super().fetch(site_file(url, output, siteurl), headers)

    return SiteFetcher(allowed_protocols={"file", "data"})


def _render(
    html_path: Path, pdf_path: Path, card_ids: list[str], siteurl: str, root: Path
) -> list[str]:
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
    fetcher = _site_fetcher(weasyprint, root, siteurl)
    document = weasyprint.HTML(filename=str(html_path), url_fetcher=fetcher).render()
    # PDF/UA-1: tagged, so a screen reader reads the cards in order, with the
    # page's language, and its <title> shown as the document's name; the
    # metadata also has the procedure's date (the cards page's dcterms.modified).
    document.write_pdf(str(pdf_path), pdf_variant="pdf/ua-1")
    return overflowing(document.pages, card_ids)


def write_pdf(
    html_path: Path,
    pdf_path: Path,
    card_ids: list[str],
    siteurl: str = "",
    cache: Path | None = None,
    root: Path | None = None,
) -> list[str]:
    """Write `pdf_path` from the written cards page; return the ids of cards that overflow.

    `root` is the site's output folder, where a root-relative link (`/theme/...`)
    leads: another language's PDFs are in a folder of their own (`es/`).

    With a `cache` folder, a PDF rendered before from the same cards page,
    styles, images, card ids and WeasyPrint is copied instead of rendered.
    """
    root = root or pdf_path.parent
    version = renderer_version() if cache is not None else None
    entry = None
    if version is not None:
        key = cache_key(html_path, root, card_ids, siteurl, version)
        entry = cache / f"{ENTRY}-{key}.pdf"
        found = cached(entry)
        if found is not None:
            pdf, ids = found
            pdf_path.write_bytes(pdf)
            with contextlib.suppress(OSError):
                # Used now: the last to be removed (see store).
                os.utime(entry.with_suffix(".json"))
            logger.debug("copied the cached pocket-card PDF %s", entry)
            return ids
    ids = _render(html_path, pdf_path, card_ids, siteurl, root)
    if entry is not None:
        store(entry, pdf_path.read_bytes(), ids)
    return ids
