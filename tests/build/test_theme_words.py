"""The theme's words come from HANDBOOK_WORDS: none written into a template, none misspelt."""

from __future__ import annotations

import re

from pelican.plugins.handbook.words import DEFAULT_WORDS

from tests.helpers import ROOT

TEMPLATES = sorted((ROOT / "theme" / "templates").rglob("*.html"))


def without_comments(text: str) -> str:
    return re.sub(r"\{#.*?#\}", "", text, flags=re.S)


def test_every_word_the_theme_names_exists():
    """Jinja renders an unknown attribute as nothing: a misspelt key would vanish."""
    named = {
        name
        for path in TEMPLATES
        for name in re.findall(r"\bHANDBOOK_WORDS\.(\w+)", path.read_text(encoding="utf-8"))
    }
    assert {"skip_link", "home_lede", "danger_title", "contacts"} <= named
    assert sorted(named - set(DEFAULT_WORDS)) == []


def test_no_default_word_is_written_into_a_theme_template():
    parts = (re.split(r"\{\w+\}", text) for text in DEFAULT_WORDS.values())
    phrases = [part.strip(" .:“”?") for split in parts for part in split if " " in part.strip()]
    assert "If anyone is in danger" in phrases
    found = {
        path.name: [p for p in phrases if p in without_comments(path.read_text(encoding="utf-8"))]
        for path in TEMPLATES
    }
    assert {name: left for name, left in found.items() if left} == {}
