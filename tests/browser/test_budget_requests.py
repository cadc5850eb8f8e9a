"""What the staff page really fetches on a first visit, counted in Chromium."""

from __future__ import annotations

import gzip
from urllib.parse import urlsplit

STAFF = "conduct-staff-procedure.html"
BUDGET_BYTES = 20 * 1024
MAX_REQUESTS = 5


def first_load(context, url: str) -> list[str]:
    """Open `url` in a fresh profile and return every URL the page requested."""
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url, wait_until="networkidle")
    return requested


def test_the_staff_page_makes_at_most_5_requests_within_20_kb(phone, site, site_url):
    requested = first_load(phone, f"{site_url}/{STAFF}")
    assert len(requested) <= MAX_REQUESTS, requested
    assert all(url.startswith(site_url + "/") for url in requested), requested
    paths = [site / urlsplit(url).path.lstrip("/") for url in requested]
    sizes = {p.name: len(gzip.compress(p.read_bytes(), compresslevel=9, mtime=0)) for p in paths}
    assert sum(sizes.values()) <= BUDGET_BYTES, sizes


def test_no_font_and_no_third_party_request_on_any_page(desktop, site, site_url):
    for path in sorted(site.rglob("*.html")):
        name = path.relative_to(site).as_posix()
        requested = first_load(desktop, f"{site_url}/{name}")
        fonts = [url for url in requested if url.endswith((".woff", ".woff2", ".ttf", ".otf"))]
        outside = [url for url in requested if not url.startswith(site_url + "/")]
        assert (fonts, outside) == ([], []), name
