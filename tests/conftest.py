"""Fixtures shared by the build and browser tests.

`site` is the fixture handbook (tests/data/handbook) built as
FIXTURE_ORGANIZATION's, never the real content: the real site's fixtures are
in tests/content/, which a fork adapts or deletes.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests import helpers
from tests.browser.conftest import CHROMIUM_ARGS, DESKTOP, PHONE, chromium_path
from tests.helpers import run_once


def pytest_xdist_auto_num_workers(config) -> int:
    """Give `-n auto` one worker more than the cores this process may use.

    A browser test spends much of its time waiting (for Chromium, the test
    server, the service worker, a browser's own timers): one more worker
    builds sites on the core it leaves idle. PYTEST_XDIST_AUTO_NUM_WORKERS
    still sets the number, as it does without this hook.
    """
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return int(os.environ["PYTEST_XDIST_AUTO_NUM_WORKERS"])
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) + 1


@pytest.fixture(scope="session", autouse=True)
def build_cache(tmp_path_factory):
    """Give this session's builds a cache folder of their own, away from the checkout."""
    helpers.CACHE_PATH = tmp_path_factory.mktemp("pelican-cache")
    yield helpers.CACHE_PATH
    helpers.CACHE_PATH = None


@pytest.fixture(scope="session")
def run_folder(tmp_path_factory) -> Path:
    """A folder every test process of this run shares: sites built once for all of them."""
    base = tmp_path_factory.getbasetemp()
    # pytest-xdist gives each worker a folder in the run's own.
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def site(run_folder) -> Path:
    """The fixture handbook, built once per test run; no test changes it."""
    menu = {"MENU_PAGES": helpers.FIXTURE_ORGANIZATION["MENU_PAGES"]}
    output, result = run_once(run_folder / "site", content=helpers.HANDBOOK, settings=menu)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return output


class _QuietServer(http.server.ThreadingHTTPServer):
    """A server that does not print a traceback when a browser drops a connection.

    Its threads write to whatever sys.stderr is, and a test building in-process
    at that moment would read the traceback as its own.
    """

    def handle_error(self, request, client_address) -> None:
        pass


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".webmanifest": "application/manifest+json",
        ".js": "text/javascript",
    }

    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def serve():
    """Return a function that serves a folder on 127.0.0.1 and gives its base URL."""
    servers = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = _QuietServer(("127.0.0.1", 0), handler)
        # shutdown() waits for the loop to look again: every 0.5 s by default,
        # which at the end of the session added up to seconds for all servers.
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(site, serve) -> str:
    """Base URL of the fixture handbook, served over HTTP."""
    return serve(site)


# The browser tests' Chromium, started by the first test that needs it.
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
