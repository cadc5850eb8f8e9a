"""Card sizes, sheets, fitting, print marks, ids and the report form, without a browser."""

from __future__ import annotations

import base64
import hashlib
import shutil
from pathlib import Path

import pelican
import pytest
from bs4 import BeautifulSoup
from fixture_sites import copy_site
from pelican.plugins.handbook.build import checked_settings
from pelican.plugins.handbook.printouts.cards import (
    Face,
    card_faces,
    numbering_css,
    split_items,
    unique_ids,
)
from pelican.plugins.handbook.printouts.fit import TEXT_SIZES, fit_faces, trial_id
from pelican.plugins.handbook.printouts.form import form_fields, settings_checklist
from pelican.plugins.handbook.printouts.marks import css_content, css_string, print_marks
from pelican.plugins.handbook.printouts.sheets import layout, place
from pelican.plugins.handbook.printouts.sizes import CARD_SIZES, CardSize, card_size
from pelican.plugins.handbook.words import DEFAULT_WORDS


def problems(**handbook) -> list[tuple[str, str]]:
    return checked_settings({"HANDBOOK": handbook})[1]


# -- Settings ------------------------------------------------------------------


def test_card_size_names_a_size_with_a_did_you_mean():
    assert problems(card_size="3x5") == []
    assert problems(card_size="bagde") == [
        (
            "HANDBOOK['card_size']",
            "must be '4x6', '3x5' or 'badge' (did you mean 'badge'?), not 'bagde'",
        )
    ]
    assert card_size(checked_settings({})[0]) == CardSize("4in", "6in", "4x6")


def test_card_width_and_height_give_any_size_and_must_agree_with_card_size():
    options, found = checked_settings({"HANDBOOK": {"card_width": "105mm", "card_height": "148mm"}})
    assert found == []
    assert card_size(options) == CardSize("105mm", "148mm", None)
    # The same size both ways is no mistake.
    assert problems(card_size="3x5", card_width="3in", card_height="127mm") == []
    assert problems(card_size="3x5", card_width="4in", card_height="6in") == [
        (
            "HANDBOOK['card_size']",
            "is '3x5' (3in x 5in) but card_width and card_height say 4in x 6in:"
            " set one or the other",
        )
    ]
    assert problems(card_width="3in") == [
        ("HANDBOOK['card_height']", "must be given with the other, or neither")
    ]


def test_a_misspelt_card_size_stops_the_build(build_site, tmp_path):
    built = build_site(copy_site(tmp_path), HANDBOOK={"card_size": "4x5"})
    assert built.status == 1
    assert "HANDBOOK['card_size'] must be '4x6', '3x5' or 'badge' (did you mean" in built.stderr
    assert "Traceback" not in built.stderr


# -- Sheets --------------------------------------------------------------------


@pytest.mark.parametrize(("name", "per_sheet"), [("4x6", 2), ("3x5", 4), ("badge", 4)])
@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_each_card_size_fits_its_number_of_faces_per_sheet(name, per_sheet, paper):
    sheet = layout(paper, CardSize(*CARD_SIZES[name], name))
    assert sheet.per_sheet == per_sheet
    # The faces lie inside the sheet with room for the marks and the printer's margin.
    w, h = sheet.card.width_in, sheet.card.height_in
    for x, y in sheet.slots():
        assert x >= 0.45 and y >= 0.45
        assert x + w <= sheet.width - 0.45 and y + h <= sheet.height - 0.45
    # The 4 x 6 in pair only fits across a landscape sheet.
    assert sheet.landscape == (name == "4x6")


def test_a_card_too_big_for_the_paper_has_no_sheet():
    assert layout("letter", CardSize("6in", "9in")) is None


def test_faces_go_on_sheets_in_pairs_and_an_odd_last_face_has_a_blank_back():
    sheet = layout("letter", CardSize("3in", "5in"))
    assert place(list("abcdefg"), sheet) == [list("abcd"), [*"efg", None]]


# -- Splitting and fitting -----------------------------------------------------


def items(count: int) -> list[dict]:
    return [{"text": f"Step {n}", "depth": 0} for n in range(count)]


def test_a_split_makes_exactly_the_parts_asked_for_as_even_as_can_be():
    assert [len(part) for part in split_items(items(10), 4)] == [4, 3, 3]
    assert [len(part) for part in split_items(items(9), 9, least=4)] == [3, 2, 2, 2]
    assert [len(part) for part in split_items(items(3), 9, least=5)] == [1, 1, 1]


def face(face_id: str, count: int) -> Face:
    return Face(face_id, face_id, "steps", items(count), checklist=face_id)


def test_each_face_gets_the_largest_size_that_fits():
    def make(least):
        return [face("a", 3), face("b", 3)]

    # "a" fits at 14 pt and below; "b" only at 12.
    def measure(trials):
        return {
            trial_id(f, s) for f in make({}) for s in TEXT_SIZES if s > (14 if f.id == "a" else 12)
        }

    faces, too_long = fit_faces(make, measure)
    assert [(f.id, f.text_size) for f in faces] == [("a", 14), ("b", 12)]
    assert too_long == []


def test_a_face_that_does_not_fit_is_split_until_it_does_and_an_item_too_long_warns():
    asked = []

    def make(least):
        asked.append(dict(least))
        parts = split_items(items(4), 9, least.get("x", 1))
        faces = [Face(f"x{n}", "x", "steps", part, checklist="x") for n, part in enumerate(parts)]
        for made in faces:
            made.parts = len(parts)
        return faces

    # A face of more than one item never fits, nor does the fourth item.
    def measure(trials):
        return {t.id for t in trials if len(t.items) > 1 or t.id.startswith("x3")}

    faces, too_long = fit_faces(make, measure)
    # One part more each time, never more than it needs.
    assert sorted({least.get("x", 1) for least in asked}) == [1, 2, 3, 4]
    assert [f.id for f in faces] == ["x0", "x1", "x2", "x3"]
    assert [f.text_size for f in faces] == [18, 18, 18, 12]
    assert [f.id for f in too_long] == ["x3"]


# -- Print marks ---------------------------------------------------------------


def test_print_marks_say_the_date_and_the_page_number_with_their_hash():
    marks = print_marks("2026-11-25", DEFAULT_WORDS)
    assert '@bottom-left { content: "Procedure as of 2026-11-25";' in marks["css"]
    assert '@bottom-right { content: "page " counter(page) " of " counter(pages);' in marks["css"]
    digest = base64.b64encode(hashlib.sha256(marks["css"].encode()).digest()).decode()
    assert marks["hash"] == f"'sha256-{digest}'"


def test_a_word_becomes_a_safe_css_string():
    assert css_string('a "b" \\ </style>') == '"a \\"b\\" \\\\ \\3c /style>"'
    assert css_content("{page}/{pages}", {}) == 'counter(page) "/" counter(pages)'
    assert css_content("Stand {date}", {"date": "1 May"}) == '"Stand 1 May"'


# -- Ids on the cards page and the form ----------------------------------------


class Page:
    """A page as the printouts see it: a slug, a source, a date and checklists."""

    def __init__(self, slug: str, checklists: list[dict], changed: str = "2026-11-25"):
        self.slug, self.source_path = slug, f"content/pages/{slug}.md"
        self.handbook_checklists, self.handbook_changed = checklists, changed


def checklist(checklist_id: str, count: int, kind: str = "steps") -> dict:
    return {"id": checklist_id, "title": "Checklist", "kind": kind, "items": items(count)}


def test_two_pages_untitled_lists_make_faces_with_ids_of_their_own_and_their_pages_dates():
    pages = [
        Page("hosts", [checklist("checklist", 3)], "2026-10-01"),
        Page("committee", [checklist("checklist", 12)], "2026-11-25"),
    ]
    faces = card_faces(pages, {}, 9)
    assert [face.id for face in faces] == [
        "card-hosts-checklist",
        "card-committee-checklist-1",
        "card-committee-checklist-2",
    ]
    assert [face.changed for face in faces] == ["2026-10-01", "2026-11-25", "2026-11-25"]
    # The second part goes on counting.
    assert [face.start for face in faces] == [1, 1, 7]


def test_ids_that_still_meet_get_a_suffix_their_titles_included():
    pages = [Page("a", [checklist("b-c", 2)]), Page("a-b", [checklist("c", 2)])]
    faces = card_faces(pages, {}, 9)
    assert [face.id for face in faces] == ["card-a-b-c", "card-a-b-c_1"]
    faces = [Face("x", "x", "steps"), Face("x-title", "t", "steps")]
    unique_ids(faces)
    assert [face.id for face in faces] == ["x", "x-title_1"]


def test_numbering_css_starts_each_part_where_its_list_left_off():
    css = numbering_css([Page("a", [checklist("long", 12), checklist("no", 20, "cautions")])])
    assert '.card__items[start="7"] { counter-reset: list-item 6; }' in css
    assert '.card__items[start="12"] { counter-reset: list-item 11; }' in css
    # Only numbered lists are counted; cautions are not.
    assert 'start="13"' not in css


def test_a_gathered_item_never_shares_an_id_with_the_forms_own_fields():
    gathered = {
        "items": [
            {"id": "staff-member", "text": "Staff member", "depth": 0},
            {"id": "names", "text": "Names. Or a description.", "depth": 0},
            {"id": "names-hint", "text": "Names hint", "depth": 0},
        ]
    }
    opening, fields = form_fields(gathered)
    ids = [field.id for field in opening + fields]
    assert ids == [
        "field-staff-member",
        "field-report-time",
        "field-staff-member_1",
        "field-names",
        "field-names-hint_1",
    ]
    assert len({*ids, *(f"{i}-hint" for i in ids)}) == 2 * len(ids)


# -- The report form from the settings -----------------------------------------

FIELDS = [
    "Where it happened",
    "What happened. In the reporter's own words.",
    "Who was involved: names, a description",
]


def test_report_form_fields_are_written_as_a_lists_items():
    opening, fields = form_fields(settings_checklist(FIELDS))
    assert [(f.id, f.label, f.hint, f.size) for f in fields] == [
        ("field-where-it-happened", "Where it happened", "", "line"),
        ("field-what-happened", "What happened", "In the reporter's own words.", "box"),
        ("field-who-was-involved", "Who was involved", "For example: names, a description", "box"),
    ]
    assert [f.id for f in opening] == ["field-staff-member", "field-report-time"]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("Where it happened", "must be a list of strings, not 'Where it happened'"),
        (["Where", 3], "must be a list of strings, not ['Where', 3]"),
        (["Where", " "], "must be a list of fields, none empty, not ['Where', ' ']"),
    ],
)
def test_report_form_fields_must_be_a_list_of_texts(value, problem):
    assert problems(report_form_fields=value) == [("HANDBOOK['report_form_fields']", problem)]


def form_labels(output) -> list[str]:
    page = BeautifulSoup((output / "incident-report-form.html").read_text(), "html.parser")
    return [" ".join(label.get_text().split()) for label in page.select(".field__label")]


def test_without_a_marked_list_the_form_comes_from_the_settings(build_site, tmp_path):
    built = build_site(copy_site(tmp_path), HANDBOOK={"report_form_fields": FIELDS})
    assert built.status == 0, built.stderr
    labels = form_labels(built.output)
    assert labels[-3:] == ["Where it happened", "What happened", "Who was involved"]


def test_a_marked_list_wins_over_the_settings_and_the_build_says_so(build_site, tmp_path):
    content = copy_site(tmp_path)
    page = content / "pages" / "procedure.md"
    text = page.read_text().replace("1. Tell the lead\n", "1. Tell the lead\n{: .report-form }\n")
    page.write_text(text)
    built = build_site(content, HANDBOOK={"report_form_fields": FIELDS})
    assert built.status == 0, built.stderr
    assert form_labels(built.output)[-3:] == [
        "Listen to them",
        "Write down what happened",
        "Tell the lead",
    ]
    assert (
        f"{page}:11: warning: the report form is made from this list marked .report-form;"
        " HANDBOOK['report_form_fields'] is not used: remove one or the other"
    ) in built.stderr


def test_a_themes_cards_template_that_fails_is_reported_at_its_line(build_site, tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(Path(pelican.__file__).parent / "themes" / "simple", theme)
    (theme / "templates" / "handbook").mkdir()
    cards = theme / "templates" / "handbook" / "cards.html"
    cards.write_text(
        '{% extends "base.html" %}\n{% block content %}\n{{ nope.x }}\n{% endblock %}\n'
    )
    handbook = {"report_form_fields": FIELDS}
    built = build_site(copy_site(tmp_path), THEME=str(theme), HANDBOOK=handbook)
    assert built.status == 1
    assert f"{cards}:3: template error: 'nope' is undefined" in built.stderr
    assert "Traceback" not in built.stderr
    # The form is still written.
    assert form_labels(built.output)[-1] == "Who was involved"
