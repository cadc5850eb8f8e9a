"""The one source-line service: a line by text, link, id or metadata key; one Jinja error line."""

from __future__ import annotations

import re
from types import SimpleNamespace

import jinja2
import pytest
from pelican.plugins.handbook.build import Build
from pelican.plugins.handbook.printouts.cards import card_faces
from pelican.plugins.handbook.source_lines import SourceLines
from pelican.plugins.handbook.template_lines import STRING_TEMPLATE, template_line

PAGE = (
    "Title: Staff procedure\n"
    "Cards: maybe\n"
    "\n"
    "## Who to call\n"
    "\n"
    "1. Call the **venue** [desk](tel:{{ VENUE_TEL }})\n"
    "{: #call-the-venue }\n"
    "2. Read [the policy](policy.md), then [it again](policy.md)\n"
    "\n"
    '<a id="here"></a>Mark this, and `mark this` in code.\n'
    "Mark this again.\n"
)


@pytest.fixture
def lines() -> SourceLines:
    return SourceLines({"staff.md": PAGE})


def test_a_snippet_is_found_at_its_first_line_as_written(lines):
    assert lines.of_text("staff.md", "[the policy]") == 8
    assert lines.of_text("staff.md", "[The policy]") is None


def test_the_same_snippet_asked_again_is_found_further_on_in_any_case(lines):
    found = [lines.next_of_text("staff.md", "MARK THIS") for _ in range(4)]
    assert found == [10, 11, 11, 11]
    assert lines.next_of_text("staff.md", "nowhere") == 1


def test_rendered_text_is_found_at_the_line_that_holds_it_with_its_markup(lines):
    assert lines.of_words("staff.md", "Call the venue desk") == 6
    assert lines.of_words("staff.md", "!!!") is None


def test_each_link_to_the_same_target_gets_its_own_line_in_turn(lines):
    links = [("tel:{{ VENUE_TEL }}", 6), ("policy.md", 8), ("policy.md", 8)]
    found = lines.link_lines("staff.md", links)
    assert found.line_of("tel:+16175550100") == 6
    assert [found.line_of("policy.md"), found.line_of("policy.md")] == [8, 8]
    # A link the scan did not find is placed where the text holds it, else on line 1.
    assert found.line_of("Mark this again.") == 11
    assert found.line_of("who.md") == 1


def test_an_id_is_found_where_it_is_given_else_at_the_heading_it_is_made_of(lines):
    assert lines.of_id("staff.md", "call-the-venue") == 7
    assert lines.of_id("staff.md", "here") == 10
    assert lines.of_id("staff.md", "who-to-call") == 4
    assert lines.of_id("staff.md", "who-to-call", generated=False) is None
    assert lines.of_id("staff.md", "call-the") is None


def test_a_metadata_key_is_found_at_its_line_in_any_case(lines):
    assert lines.of_metadata("staff.md", "cards") == 2
    assert lines.of_metadata("staff.md", "title", 2) is None
    assert lines.line("staff.md", 2) == "Cards: maybe"


def test_matches_outside_code_are_found_at_their_lines(lines):
    found = lines.matches("staff.md", re.compile(r"mark this", re.IGNORECASE))
    assert [line for line, _ in found] == [10, 11]


def test_a_line_past_65535_is_counted_as_written():
    text = "\n" * 70_000 + "Deep [link](deep.md) {: #deep }\n"
    lines = SourceLines({"long.md": text})
    assert lines.of_text("long.md", "[link]") == 70_001
    assert lines.of_id("long.md", "deep") == 70_001
    assert lines.link_lines("long.md", [("deep.md", 70_001)]).line_of("deep.md") == 70_001


def test_a_source_the_reader_did_not_read_is_read_once_and_kept(tmp_path):
    source = tmp_path / "notes.rst"
    source.write_text("Notes\n=====\n\nSee `the policy <policy.html>`_.\n", encoding="utf-8")
    lines = SourceLines({})
    assert lines.of_text(str(source), "policy.html") == 4
    source.write_text("changed\n", encoding="utf-8")
    assert lines.of_text(str(source), "policy.html") == 4
    assert lines.text(str(tmp_path / "missing.rst")) == ""


def test_the_build_asks_the_text_its_reader_holds():
    build = Build({}, {})
    build.sources["page.md"] = "Title: Page\n\nText.\n"
    assert build.lines.of_text("page.md", "Text.") == 3


def test_a_jinja_error_is_placed_at_the_line_of_the_template_that_raised_it(tmp_path):
    (tmp_path / "macros.html").write_text("\n{% macro m() %}{{ nope.x }}{% endmacro %}\n")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(tmp_path)), undefined=jinja2.StrictUndefined
    )
    page = env.from_string('{% import "macros.html" as macros %}\n\n{{ macros.m() }}\n')
    with pytest.raises(jinja2.UndefinedError) as raised:
        page.render()
    assert template_line(raised.value) == (str(tmp_path / "macros.html"), 2)
    # A page's own line: where it called the macro.
    assert template_line(raised.value, STRING_TEMPLATE) == (STRING_TEMPLATE, 3)


def test_a_template_that_does_not_compile_is_placed_at_its_line():
    with pytest.raises(jinja2.TemplateSyntaxError) as raised:
        jinja2.Environment().from_string("one\n{{ x }\n")
    assert template_line(raised.value, STRING_TEMPLATE) == (None, 2)


def test_a_cards_checklist_line_comes_from_the_text_the_reader_holds(tmp_path):
    source = tmp_path / "staff.md"
    source.write_text("Title: Old\n", encoding="utf-8")
    settings: dict = {}
    build = Build(settings, {})
    settings["HANDBOOK_BUILD"] = build
    build.sources[str(source)] = PAGE
    checklist = {
        "id": "who-to-call",
        "title": "Who to call",
        "kind": "steps",
        "items": [{"text": "Call the venue desk", "depth": 0}],
    }
    page = SimpleNamespace(slug="staff", source_path=str(source), handbook_checklists=[checklist])
    [face] = card_faces([page], settings, 9)
    assert face.line == 6
