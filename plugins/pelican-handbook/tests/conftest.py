"""Fixtures of the plugin's tests: fixture sites built in-process."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from fixture_sites import Built
from pelican import Pelican
from pelican.settings import read_settings


@pytest.fixture
def build_site(tmp_path, capsys):
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
        capsys.readouterr()
        logging.getLogger("weasyprint").setLevel(logging.ERROR)
        try:
            Pelican(read_settings(override=override)).run()
            status = 0
        except SystemExit as stop:
            status = stop.code if isinstance(stop.code, int) else 1
        return Built(status, output, capsys.readouterr().err)

    return build
