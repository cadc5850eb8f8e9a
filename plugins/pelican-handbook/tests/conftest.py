"""Fixtures of the plugin's tests: fixture sites built in-process."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from fixture_sites import Built, build_in_process


@pytest.fixture(scope="session")
def handbook_cache(tmp_path_factory) -> Path:
    """The folder where the session's builds keep their card PDFs and icons."""
    return tmp_path_factory.mktemp("handbook-cache")


@pytest.fixture
def build_site(tmp_path, handbook_cache):
    """Return a function that builds a content folder in-process and says what happened.

    Its CACHE_PATH is the test's own, but for the plugin's folder there
    (rendered card PDFs, drawn icons), which the session's builds share as a
    checkout's builds share cache/: a site built again copies its PDFs.
    A test that gives CACHE_PATH has a cache of its own.
    """
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "handbook").symlink_to(handbook_cache, target_is_directory=True)

    def build(content: Path, **settings) -> Built:
        output = tmp_path / "output"
        shutil.rmtree(output, ignore_errors=True)
        override = {
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "THEME": "simple",
            "PLUGINS": ["handbook"],
            "CACHE_PATH": str(cache),
            "PAGE_PATHS": ["pages"],
            "ARTICLE_PATHS": ["articles"],
            "TIMEZONE": "UTC",
            "SITEURL": "",
            "FEED_ALL_ATOM": None,
            "CATEGORY_FEED_ATOM": None,
            "AUTHOR_FEED_ATOM": None,
            "AUTHOR_FEED_RSS": None,
            "TRANSLATION_FEED_ATOM": None,
            **settings,
        }
        logging.getLogger("weasyprint").setLevel(logging.ERROR)
        built = build_in_process([str(content), "-o", str(output)], override)
        # A crash fails the test with its own traceback, not as a status to compare.
        if built.error is not None:
            raise built.error
        return built

    return build
