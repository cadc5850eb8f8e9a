"""Playwright driving a real Chromium: Debian's, or the one CHROMIUM_PATH names.

The browser fixtures (`browser`, `phone`, `desktop`) are in tests/conftest.py,
so that one browser serves this folder and tests/content/.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these, Chromium calls Google's servers at start-up; a closed
    # network refuses them and they would look like third-party requests.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(path).exists():
        # A missing browser fails the run: browser tests are never skipped.
        pytest.fail(
            f"no Chromium at {path}: install Debian's `chromium` "
            "(make test does when apt-get can run) or set CHROMIUM_PATH"
        )
    return path
