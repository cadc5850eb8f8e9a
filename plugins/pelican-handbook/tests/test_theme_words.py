"""A theme's own words: HANDBOOK["theme_words"] adds them to the catalog, "words" changes them."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from fixture_sites import copy_site
from pelican.plugins.handbook.build import checked_settings
from pelican.plugins.handbook.words import DEFAULT_WORDS

THEME_WORDS = {"help_line": "Ask at the {desk}", "nav_name": "Documents"}
# A page template that writes a theme word, as a site's theme does.
PAGE_TEMPLATE = """{% extends "!simple/page.html" %}
{% block content %}{{ super() }}
<p class="help">{{ HANDBOOK_WORDS.help_line|replace("{desk}", "front desk") }}</p>
{% endblock %}
"""


def problems(**handbook) -> list[tuple[str, str]]:
    return checked_settings({"HANDBOOK": {"theme_words": THEME_WORDS, **handbook}})[1]


def test_a_themes_words_join_the_catalog_and_words_change_them():
    words = {"nav_name": "Pages"}
    options, found = checked_settings({"HANDBOOK": {"theme_words": THEME_WORDS, "words": words}})
    assert found == []
    assert options["words"] == {**DEFAULT_WORDS, **THEME_WORDS, "nav_name": "Pages"}
    # Without a theme's words, the catalog is the plugin's.
    assert checked_settings({})[0]["words"] == DEFAULT_WORDS


def test_a_theme_word_is_checked_as_any_word():
    assert problems(words={"help_lien": "Ask"}) == [
        ("HANDBOOK['words']", "has an unknown key 'help_lien' (did you mean 'help_line'?)")
    ]
    assert problems(words={"help_line": ""}) == [
        ("HANDBOOK['words']['help_line']", "must be a non-empty string, not ''")
    ]
    assert problems(words={"help_line": "Ask at the {dsek}", "nav_name": "{count} pages"}) == [
        (
            "HANDBOOK['words']['help_line']",
            "has an unknown placeholder {dsek} (did you mean 'desk'?); it takes {desk}",
        ),
        ("HANDBOOK['words']['nav_name']", "has an unknown placeholder {count}; it takes none"),
    ]


def test_another_languages_words_change_a_theme_word_with_the_same_checks():
    language_words = {"es": {"nav_name": "Documentos", "help_line": "En {mesa}"}}
    options, found = checked_settings(
        {"HANDBOOK": {"theme_words": THEME_WORDS, "language_words": language_words}}
    )
    assert found == [
        (
            "HANDBOOK['language_words']['es']['help_line']",
            "has an unknown placeholder {mesa}; it takes {desk}",
        )
    ]
    assert options["language_words"]["es"]["nav_name"] == "Documentos"
    assert options["language_words"]["es"]["help_line"] == "Ask at the {desk}"


@pytest.mark.parametrize(
    ("theme_words", "problem"),
    [
        (
            {"reset": "Clear"},
            (
                "HANDBOOK['theme_words']",
                "has the key 'reset', a word of the plugin: change it in HANDBOOK['words']",
            ),
        ),
        (
            {"help_line": "  "},
            ("HANDBOOK['theme_words']['help_line']", "must be a non-empty string, not '  '"),
        ),
        (
            {"copy": "Copy"},
            ("HANDBOOK['theme_words']", "has the key 'copy', which a template cannot name"),
        ),
        (
            {"help-line": "Ask"},
            ("HANDBOOK['theme_words']", "has the key 'help-line', which a template cannot name"),
        ),
        (["help_line"], ("HANDBOOK['theme_words']", "must be a dict, not ['help_line']")),
    ],
)
def test_a_bad_theme_word_is_an_error_naming_the_setting(theme_words, problem):
    assert checked_settings({"HANDBOOK": {"theme_words": theme_words}})[1] == [problem]


def test_a_theme_template_writes_its_word_as_the_site_changes_it(build_site, tmp_path):
    theme = tmp_path / "theme"
    (theme / "templates").mkdir(parents=True)
    (theme / "templates" / "page.html").write_text(PAGE_TEMPLATE, encoding="utf-8")
    handbook = {"theme_words": THEME_WORDS, "words": {"help_line": "Ask {desk} staff"}}
    built = build_site(copy_site(tmp_path), THEME=str(theme), HANDBOOK=handbook)
    assert built.status == 0, built.stderr
    page = BeautifulSoup((built.output / "pages/procedure.html").read_text("utf-8"), "html.parser")
    assert page.select_one("p.help").get_text() == "Ask front desk staff"
