"""The web app manifest: what a site sets, and the plugin's neutral defaults."""

from __future__ import annotations

import json
from pathlib import Path

from pelican.plugins.handbook.offline.files import write_manifest
from pelican.plugins.handbook.settings import check_settings


def manifest(tmp_path, settings: dict) -> dict:
    options, problems = check_settings(settings)
    assert problems == []
    write_manifest(tmp_path, settings, options, {192: Path("theme/img/icon-192.png")})
    return json.loads((tmp_path / "manifest.webmanifest").read_text(encoding="utf-8"))


def test_the_colour_and_description_come_from_the_sites_settings(tmp_path):
    handbook = {"theme_color": "#123456", "app_description": "Incident response, offline."}
    written = manifest(tmp_path, {"SITENAME": "Example Handbook", "HANDBOOK": handbook})
    assert written["theme_color"] == "#123456"
    assert written["description"] == "Incident response, offline."


def test_a_site_that_sets_neither_gets_white_and_its_name(tmp_path):
    for handbook in ({}, {"app_description": None}):
        written = manifest(tmp_path, {"SITENAME": "Example Handbook", "HANDBOOK": handbook})
        assert written["theme_color"] == "#ffffff"
        assert written["description"] == "Example Handbook"
    assert manifest(tmp_path, {"SITENAME": "Example Handbook"})["description"] == "Example Handbook"
