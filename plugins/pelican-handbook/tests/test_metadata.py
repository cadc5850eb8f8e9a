"""Page metadata the handbook reads: a misspelt key or a value it cannot use fails at its line."""

from __future__ import annotations

import pytest
from fixture_sites import write_site
from pelican.plugins.handbook.metadata import one_edit_apart

PAGE = "Title: Staff procedure\n{metadata}\n\n## Respond\n\n* Listen\n* Thank\n"


def problems_of(built, page) -> list[str]:
    return [line.replace(f"{page}:", "") for line in built.problems()]


@pytest.mark.parametrize(
    "a,b,apart",
    [
        ("checklist", "checklists", True),
        ("cheklists", "checklists", True),
        ("chekclists", "checklists", True),
        ("chekclist", "checklists", False),
        ("cnotacts", "contacts", True),
        ("menu-label", "menu_label", True),
        ("door", "door", False),
        ("cards", "carts", True),
        ("title", "tags", False),
    ],
)
def test_one_edit_is_a_letter_added_dropped_changed_or_two_swapped(a, b, apart):
    assert one_edit_apart(a, b) is apart


def test_a_key_one_edit_from_the_handbooks_fails_at_its_line_with_a_did_you_mean(
    build_site, tmp_path
):
    metadata = "Checklist: steps\nContact: first\nMenu-label: Staff\nCrads: no\nModifed: 2024-05-01"
    content = write_site(tmp_path, {"staff.md": PAGE.format(metadata=metadata)})
    built = build_site(content)
    assert built.status == 1
    assert problems_of(built, content / "pages" / "staff.md") == [
        "2: metadata 'Checklist:' is read by nothing (did you mean 'Checklists'?)",
        "3: metadata 'Contact:' is read by nothing (did you mean 'Contacts'?)",
        "4: metadata 'Menu-label:' is read by nothing (did you mean 'Menu_label'?)",
        "5: metadata 'Crads:' is read by nothing (did you mean 'Cards'?)",
        "6: metadata 'Modifed:' is read by nothing (did you mean 'Modified'?)",
    ]


def test_pelicans_own_keys_and_other_words_are_not_taken_for_misspellings(build_site, tmp_path):
    metadata = (
        "Date: 2024-05-01\nTags: conduct\nCategory: Procedures\nSlug: staff\nStatus: published\n"
        "Lang: en\nAuthor: Sam\nSave_as: staff.html\nUrl: staff.html\nTemplate: page\n"
        "Summary: What staff do.\nCartoons: yes\nReviewer: Sam"
    )
    content = write_site(tmp_path, {"staff.md": PAGE.format(metadata=metadata)})
    built = build_site(content)
    assert built.status == 0, built.stderr
    assert built.problems() == []


def test_a_key_the_theme_reads_as_written_is_the_themes_not_a_misspelling(build_site, tmp_path):
    theme = tmp_path / "theme"
    (theme / "templates").mkdir(parents=True)
    for name in ("index", "page", "article", "archives", "tags", "categories", "authors"):
        body = "{{ page.title }} {{ page.contact }}" if name == "page" else "{{ SITENAME }}"
        (theme / "templates" / f"{name}.html").write_text(
            f"<!doctype html><title>x</title>{body}", encoding="utf-8"
        )
    (theme / "static").mkdir()
    content = write_site(tmp_path, {"staff.md": PAGE.format(metadata="Contact: Sam, 555 0100")})
    built = build_site(content, THEME=str(theme), DIRECT_TEMPLATES=["index"])
    assert built.status == 0, built.stderr
    assert built.problems() == []


def test_a_value_the_handbook_cannot_use_fails_naming_the_values_it_can(build_site, tmp_path):
    metadata = "Checklists: steps\nContacts: frist\nMenu_label:\nDoor: Something happened"
    content = write_site(tmp_path, {"staff.md": PAGE.format(metadata=metadata)})
    built = build_site(content)
    assert built.status == 1
    assert problems_of(built, content / "pages" / "staff.md") == [
        "3: 'Contacts: frist' is not a value the handbook reads: use 'first'"
        " (did you mean 'first'?)",
        "4: 'Menu_label:' is empty: give it text, or drop it",
    ]


def test_the_right_keys_and_values_build_clean(build_site, tmp_path):
    metadata = "Checklists: steps\nContacts: first\nMenu_label: Staff\nDoor: Something happened"
    content = write_site(tmp_path, {"staff.md": PAGE.format(metadata=metadata)})
    built = build_site(content)
    assert built.status == 0, built.stderr
    assert built.problems() == []
