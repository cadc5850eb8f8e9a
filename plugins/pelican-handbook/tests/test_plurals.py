"""Count words: a string, or forms by CLDR plural category, checked at build time."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fixture_sites import TEST_DATA, copy_site
from pelican.plugins.handbook.build import checked_settings
from pelican.plugins.handbook.plurals import COUNT_WORDS

CHECKLIST_JS = (
    Path(__file__).resolve().parent.parent
    / "pelican"
    / "plugins"
    / "handbook"
    / "static"
    / "handbook"
    / "checklist.js"
)
POLISH = {
    "one": "{done} krok z {total} zrobiony",
    "few": "{done} kroki z {total} zrobione",
    "many": "{done} kroków z {total} zrobionych",
    "other": "{done} z {total} kroków",
}
EVERY = "zero, one, two, few, many, other"


def problems(words: dict) -> list[tuple[str, str]]:
    return checked_settings({"HANDBOOK": {"words": words}})[1]


def test_a_count_word_takes_one_string_or_its_plural_forms():
    assert problems({"progress": "{done}/{total}"}) == []
    assert problems({"progress": POLISH}) == []
    words = checked_settings({"HANDBOOK": {"words": {"progress": POLISH}}})[0]["words"]
    assert words["progress"] == POLISH


@pytest.mark.parametrize(
    ("forms", "problem"),
    [
        (
            {"one": "{done} krok", "few": "{done} kroki"},
            "has no 'other' form, which every language's counts need",
        ),
        (
            {"one": "{done} krok", "several": "{done} kroki", "other": "{done}"},
            f"has an unknown plural category 'several'; the categories are {EVERY}",
        ),
        (
            {"on": "{done} krok", "other": "{done}"},
            "has an unknown plural category 'on' (did you mean 'one'?);"
            f" the categories are {EVERY}",
        ),
        ({"one": "", "other": "{done}"}, "form 'one' must be a non-empty string, not ''"),
        (
            {"one": "{dome} krok", "other": "{done}"},
            "has an unknown placeholder {dome} (did you mean 'done'?); it takes {done}, {total}",
        ),
    ],
)
def test_a_bad_form_is_named_with_its_word_and_category(forms, problem):
    assert problems({"progress": forms}) == [("HANDBOOK['words']['progress']", problem)]


def test_a_word_that_counts_nothing_takes_no_forms():
    assert problems({"reset": {"one": "Clear", "other": "Clear"}}) == [
        (
            "HANDBOOK['words']['reset']",
            "must be a non-empty string, not {'one': 'Clear', 'other': 'Clear'}",
        )
    ]


def test_another_languages_forms_are_checked_the_same_way():
    found = checked_settings(
        {"HANDBOOK": {"language_words": {"pl": {"progress": {"one": "{done} krok"}}}}}
    )[1]
    assert found == [
        (
            "HANDBOOK['language_words']['pl']['progress']",
            "has no 'other' form, which every language's counts need",
        )
    ]


def test_the_forms_reach_the_script_and_it_counts_by_the_same_placeholder(build_site, tmp_path):
    built = build_site(
        copy_site(tmp_path),
        THEME=str(TEST_DATA / "one-line-theme"),
        HANDBOOK={"words": {"progress": POLISH}},
    )
    assert built.status == 0, built.stderr
    page = BeautifulSoup((built.output / "pages/procedure.html").read_text("utf-8"), "html.parser")
    assert json.loads(page.select_one("script#handbook-words").string)["progress"] == POLISH
    script = CHECKLIST_JS.read_text(encoding="utf-8")
    counted = re.search(r"^const COUNTED_BY = (\{.*?\});$", script, re.M)[1]
    assert json.loads(re.sub(r"(\w+):", r'"\1":', counted)) == COUNT_WORDS
