"""Mistakes in checklist marks are errors, doubtful checklists warnings; nothing shows as text."""

from __future__ import annotations

import markdown
import pytest
from pelican.plugins.handbook.checklists import ChecklistExtension


def convert(source: str) -> tuple[str, list, list]:
    """Return the HTML, the checklists and the mistakes of one document."""
    seen = []
    md = markdown.Markdown(
        extensions=[
            ChecklistExtension(on_mistake=lambda *m: seen.append(m)),
            "extra",
            "toc",
            "meta",
        ],
        output_format="html5",
    )
    html = md.convert(source)
    assert seen == md.checklist_mistakes
    return html, md.checklists, md.checklist_mistakes


def test_a_page_kind_that_does_not_exist_is_an_error():
    html, checklists, mistakes = convert("Checklists: step\n\n* One\n* Two\n")
    assert checklists == []
    assert mistakes == [
        (
            "error",
            "'Checklists: step' names no kind of checklist (did you mean 'steps'?);"
            " use steps, cautions, options or none",
            "Checklists:",
        )
    ]


@pytest.mark.parametrize("mark", ["{: .checklist-caution }", '{: .checklist-caution title="X" }'])
def test_a_mark_kind_that_does_not_exist_is_an_error_not_text(mark):
    html, checklists, mistakes = convert(f"Remember:\n\n* Do not run\n\n{mark}\n")
    assert "{:" not in html and "checklist-caution" not in html
    assert mistakes == [
        (
            "error",
            "checklist mark '.checklist-caution' names no kind (did you mean"
            " '.checklist-cautions'?); use steps, cautions, options or none",
            ".checklist-caution",
        )
    ]


def test_a_mark_before_its_list_is_an_error_not_text():
    html, checklists, mistakes = convert("Remember:\n\n{: .checklist-cautions }\n\n* Do not run\n")
    assert checklists == []
    assert "checklist-cautions" not in html and "{:" not in html
    assert mistakes == [
        (
            "error",
            "checklist mark follows no list: put it right after the list it marks",
            ".checklist-cautions",
        )
    ]


def test_an_attribute_list_left_as_text_is_an_error_but_code_may_show_one():
    html, _, mistakes = convert("A paragraph {: #x y\n\nAnd `{: .code }` in code.\n")
    assert [(level, snippet) for level, _, snippet in mistakes] == [("error", "{: #x y")]


def test_nested_items_are_notes_neither_ticked_nor_counted():
    html, checklists, mistakes = convert(
        "Checklists: steps\n\n## Book a room\n\n1. Ask the venue\n    * Room 23 on May 11\n"
    )
    assert html.count('type="checkbox"') == 1
    assert 'class="checklist__item checklist__item--note" id="room-23-on-may-11"' in html
    assert checklists[0]["items"][1] == {
        "id": "room-23-on-may-11",
        "text": "Room 23 on May 11",
        "depth": 1,
    }
    assert mistakes == []


def test_a_list_of_links_or_contacts_is_probably_not_a_checklist():
    _, _, mistakes = convert(
        "Checklists: steps\n\n## Read more\n\n* [One](a.html)\n* [Two](b.html)\n\n"
        "## Call\n\n* 617 555 0100\n* help@example.org\n"
    )
    assert [(level, message.split(":")[0]) for level, message, _ in mistakes] == [
        ("warning", "checklist 'Read more' holds only links"),
        ("warning", "checklist 'Call' holds only contact details"),
    ]


def test_a_title_that_reads_as_a_fragment_is_doubted():
    _, checklists, mistakes = convert(
        "Checklists: steps\n\nIf you see it, you can:\n\n* Leave\n* Call\n"
    )
    assert checklists[0]["title"] == "If you see it, you can"
    assert mistakes == []
    _, checklists, mistakes = convert("Checklists: steps\n\nThen. You can:\n\n* Leave\n* Call\n")
    assert checklists[0]["title"] == "You can"
    assert mistakes == [
        (
            "warning",
            "checklist title 'You can' reads as a fragment: name it with title=\"...\" in its mark",
            "Leave",
        )
    ]


def test_the_report_form_list_is_marked_in_the_html_and_the_results():
    html, checklists, mistakes = convert(
        "## Gather\n\n1. Names\n1. Times\n\n{: .checklist-steps .report-form }\n"
    )
    assert "data-report-form" in html
    assert checklists[0]["report_form"] is True
    assert mistakes == []


def test_on_a_site_each_mistake_names_its_file_and_line(build_site, tmp_path):
    pages = tmp_path / "content" / "pages"
    pages.mkdir(parents=True)
    page = pages / "page.md"
    page.write_text(
        "Title: Page\nChecklists: step\n\nRemember:\n\n* Do not run\n\n{: .checklist-caution }\n\n"
        "{: .checklist-steps }\n\n* Late\n",
        encoding="utf-8",
    )
    built = build_site(tmp_path / "content")
    assert built.status == 1
    assert [line.replace(f"{page}:", "") for line in built.problems()] == [
        "2: 'Checklists: step' names no kind of checklist (did you mean 'steps'?);"
        " use steps, cautions, options or none",
        "8: checklist mark '.checklist-caution' names no kind (did you mean"
        " '.checklist-cautions'?); use steps, cautions, options or none",
        "10: checklist mark follows no list: put it right after the list it marks",
    ]


def test_on_a_site_a_doubtful_checklist_warns_without_failing(build_site, tmp_path):
    pages = tmp_path / "content" / "pages"
    pages.mkdir(parents=True)
    page = pages / "page.md"
    page.write_text(
        "Title: Page\nChecklists: steps\n\nSee also:\n\n* [One](https://a.test/)\n* [Two](https://b.test/)\n",
        encoding="utf-8",
    )
    built = build_site(tmp_path / "content")
    assert built.status == 0, built.stderr
    assert built.problems() == [
        f"{page}:6: warning: checklist 'See also' holds only links: mark it"
        " {: .checklist-none } if it is not a list of things to do"
    ]
