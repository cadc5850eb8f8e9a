"""Fixtures of the plugin's tests: fixture sites built in-process."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from fixture_sites import Built, build_in_process


@pytest.fixture
def build_site(tmp_path):
    """Return a function that builds a content folder in-process and says what happened."""

    def build(content: Path, **settings) -> Built:
        output = tmp_path / "output"
        shutil.rmtree(output, ignore_errors=True)
        override = {
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "THEME": "simple",
            "PLUGINS": ["handbook"],
            "CACHE_PATH": str(tmp_path / "cache"),
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
