"""The theme's words come from HANDBOOK_WORDS: none written into a template, none misspelt.

The theme's own words are the site plugin's THEME_WORDS (plugins/handbook_site);
it also writes some of the handbook plugin's (cards_title, who_to_call).
"""

from __future__ import annotations

import re

from handbook_site.words import THEME_WORDS
from pelican.plugins.handbook.words import DEFAULT_WORDS

from tests.helpers import ROOT

TEMPLATES = sorted((ROOT / "theme" / "templates").rglob("*.html"))


def without_comments(text: str) -> str:
    return re.sub(r"\{#.*?#\}", "", text, flags=re.S)


def named_words() -> set[str]:
    return {
        name
        for path in TEMPLATES
        for name in re.findall(r"\bHANDBOOK_WORDS\.(\w+)", path.read_text(encoding="utf-8"))
    }


def test_every_word_the_theme_names_exists():
    """Jinja renders an unknown attribute as nothing: a misspelt key would vanish."""
    named = named_words()
    assert {"skip_link", "home_lede", "danger_title", "contacts", "who_to_call"} <= named
    assert sorted(named - set(DEFAULT_WORDS) - set(THEME_WORDS)) == []


def test_every_theme_word_is_the_themes_own():
    """A word of THEME_WORDS the theme does not write is dead; one the plugin has is an error."""
    assert sorted(set(THEME_WORDS) - named_words()) == []
    assert sorted(set(THEME_WORDS) & set(DEFAULT_WORDS)) == []


def test_no_default_word_is_written_into_a_theme_template():
    words = {**DEFAULT_WORDS, **THEME_WORDS}
    parts = (re.split(r"\{\w+\}", text) for text in words.values())
    phrases = [part.strip(" .:“”?") for split in parts for part in split if " " in part.strip()]
    assert "If anyone is in danger" in phrases
    found = {
        path.name: [p for p in phrases if p in without_comments(path.read_text(encoding="utf-8"))]
        for path in TEMPLATES
    }
    assert {name: left for name, left in found.items() if left} == {}
