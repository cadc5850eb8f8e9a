"""The staff page stays light: small files, no web fonts, code readable as written."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from bs4 import BeautifulSoup

STAFF = "conduct-staff-procedure.html"
BUDGET_BYTES = 20 * 1024


def gzipped(path: Path) -> int:
    """Return the size of `path` gzipped as a web server would send it."""
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def loaded_on_open(site: Path, page: str) -> list[Path]:
    """Return the page and the files its HTML makes a browser fetch on load."""
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    links = [tag["href"] for tag in soup.select("link[rel~=stylesheet], link[rel~=icon]")]
    links += [tag["src"] for tag in soup.select("script[src], img[src]")]
    return [site / page, *dict.fromkeys((site / link).resolve() for link in links)]


def assert_within_budget(site: Path, page: str) -> None:
    """Assert that `page` loads within 20 KB gzipped and 5 requests."""
    files = loaded_on_open(site, page)
    sizes = {path.name: gzipped(path) for path in files}
    assert sum(sizes.values()) <= BUDGET_BYTES, sizes
    assert len(files) <= 5, [path.name for path in files]


def test_the_staff_page_loads_within_20_kb_gzipped(site):
    assert_within_budget(site, STAFF)


def test_no_web_fonts_anywhere(site):
    assert not [p for p in site.rglob("*") if p.suffix in {".woff", ".woff2", ".ttf", ".otf"}]
    for css in site.rglob("*.css"):
        assert "@font-face" not in css.read_text(encoding="utf-8"), css.name


# Comments and string literals, read left to right as the browser does: a
# URL in a string ("https://...") is not a comment, a quote in a comment is
# not a string. CSS has no // comments.
STRING = r"""'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`"""
TOKENS = {
    ".css": re.compile(rf"/\*.*?\*/|{STRING}", re.S),
    ".js": re.compile(rf"/\*.*?\*/|//[^\n]*|{STRING}", re.S),
}


def comments(path: Path, text: str) -> list[str]:
    """Return the comments of a CSS or JavaScript file."""
    tokens = TOKENS[path.suffix].findall(text)
    return [token for token in tokens if token.startswith(("/*", "//"))]


def test_css_and_js_are_readable_as_written(site):
    """Not minified: short lines, one rule or statement at a time, with comments."""
    files = [*site.rglob("*.css"), *site.rglob("*.js")]
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        assert max(len(line) for line in lines) <= 120, path.name
        assert len(lines) >= text.count(";") / 3, path.name
        assert comments(path, text), f"{path.name} has no comment"
