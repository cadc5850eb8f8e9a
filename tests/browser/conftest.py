"""Playwright driving a real Chromium: Debian's, or the one CHROMIUM_PATH names."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

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


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser):
    """A fresh phone-sized browser profile (no saved ticks, no cache)."""
    context = browser.new_context(**PHONE)
    yield context
    context.close()


@pytest.fixture
def desktop(browser):
    """A fresh desktop-sized browser profile."""
    context = browser.new_context(**DESKTOP)
    yield context
    context.close()
