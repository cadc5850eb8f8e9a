"""The wording: one dict of defaults, HANDBOOK["words"] over it, in templates and scripts."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fixture_sites import TEST_DATA, copy_site
from pelican.plugins.handbook.build import checked_settings
from pelican.plugins.handbook.printouts.form import form_fields
from pelican.plugins.handbook.words import DEFAULT_WORDS, SCRIPT_WORDS, placeholders

PACKAGE = Path(__file__).resolve().parent.parent / "pelican" / "plugins" / "handbook"
SCRIPTS = [PACKAGE / "static" / "handbook" / name for name in ("checklist.js", "report-form.js")]


def page(built, name: str) -> BeautifulSoup:
    return BeautifulSoup((built.output / name).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture
def named_settings_file(monkeypatch):
    """Run as `pelican -s pelicanconf.py` would, so messages name that settings file."""
    monkeypatch.setattr(sys, "argv", ["pelican", "-s", "pelicanconf.py"])


def word_problems(words) -> list[tuple[str, str]]:
    return checked_settings({"HANDBOOK": {"words": words}})[1]


# -- Settings ------------------------------------------------------------------


def test_a_site_word_is_merged_over_the_defaults():
    options, problems = checked_settings({"HANDBOOK": {"words": {"reset": "Clear"}}})
    assert problems == []
    assert options["words"] == {**DEFAULT_WORDS, "reset": "Clear"}
    assert checked_settings({})[0]["words"] == DEFAULT_WORDS


def test_an_unknown_word_is_an_error_with_a_did_you_mean():
    assert word_problems({"resett": "Clear"}) == [
        ("HANDBOOK['words']", "has an unknown key 'resett' (did you mean 'reset'?)")
    ]


@pytest.mark.parametrize("value", ["", "  ", None, 3, ["Clear"]])
def test_a_word_must_be_a_non_empty_string(value):
    assert word_problems({"reset": value}) == [
        ("HANDBOOK['words']['reset']", f"must be a non-empty string, not {value!r}")
    ]


def test_a_placeholder_the_word_does_not_take_is_an_error():
    assert word_problems({"progress": "{dnoe} of {total}", "reset": "Clear {title}"}) == [
        (
            "HANDBOOK['words']['progress']",
            "has an unknown placeholder {dnoe} (did you mean 'done'?); it takes {done}, {total}",
        ),
        ("HANDBOOK['words']['reset']", "has an unknown placeholder {title}; it takes none"),
    ]
    # Leaving a placeholder out is the site's choice.
    assert word_problems({"progress": "{done} done"}) == []


def test_words_must_be_a_dict():
    assert word_problems(["reset"]) == [("HANDBOOK['words']", "must be a dict, not ['reset']")]


# -- The dict itself -------------------------------------------------------------


def test_every_word_can_be_named_as_an_attribute_in_a_template():
    """`HANDBOOK_WORDS.copy` would be the dict's method, not the word."""
    assert [key for key in DEFAULT_WORDS if hasattr(dict, key)] == []
    assert all(re.fullmatch(r"[a-z][a-z_]*", key) for key in DEFAULT_WORDS)


def test_the_scripts_english_is_the_default_words():
    """Each script's fallback English is DEFAULT_WORDS' own, for every word it uses."""
    used: set[str] = set()
    for script in SCRIPTS:
        text = script.read_text(encoding="utf-8")
        block = re.search(r"^const ENGLISH = \{\n(.*?)^\};", text, re.M | re.S).group(1)
        english = dict(re.findall(r'^  (\w+): ("(?:[^"\\]|\\.)*"),$', block, re.M))
        english = {key: json.loads(value) for key, value in english.items()}
        assert english == {key: DEFAULT_WORDS[key] for key in english}, script.name
        # Every word the script asks for has its English, and every English is used.
        calls = re.findall(r"\bword\(([^)]*)\)", text)
        called = {name for call in calls for name in re.findall(r'"(\w+)"', call)}
        assert called == set(english), script.name
        used |= set(english)
    assert used == set(SCRIPT_WORDS)


def test_every_word_a_template_names_exists():
    """Jinja renders an unknown attribute as nothing: a misspelt key would vanish."""
    named = set()
    for template in (PACKAGE / "templates" / "handbook").glob("*.html"):
        named |= set(re.findall(r"\b(?:HANDBOOK_WORDS|W)\.(\w+)", template.read_text("utf-8")))
    assert named, "no template names a word"
    assert sorted(named - set(DEFAULT_WORDS)) == []


def fixed_phrases() -> list[str]:
    """Return the default words of two words or more, without their placeholders."""
    parts = (re.split(r"\{\w+\}", text) for text in DEFAULT_WORDS.values())
    return [part.strip(" .:“”?") for split in parts for part in split if " " in part.strip()]


def without_comments_and_english(text: str) -> str:
    """Return a template or script without its comments and its fallback ENGLISH block."""
    text = re.sub(r"\{#.*?#\}", "", text, flags=re.S)
    text = re.sub(r"^const ENGLISH = \{\n.*?^\};", "", text, flags=re.M | re.S)
    return re.sub(r"^\s*(//|#).*$", "", text, flags=re.M)


def test_no_default_word_is_written_into_a_template_or_script():
    """The words come from one place: DEFAULT_WORDS (and the scripts' fallback copy)."""
    phrases = fixed_phrases()
    assert "Start over" in phrases and "Staff member taking the report" in phrases
    files = [*(PACKAGE / "templates" / "handbook").glob("*.html"), *SCRIPTS]
    files += [PACKAGE / "printouts" / "form.py", PACKAGE / "printouts" / "cards.py"]
    found = {
        path.name: [phrase for phrase in phrases if phrase in without_comments_and_english(text)]
        for path in files
        if (text := path.read_text(encoding="utf-8"))
    }
    assert {name: left for name, left in found.items() if left} == {}


def test_placeholders_are_found():
    assert placeholders("{done} of {total} done") == {"done", "total"}
    assert placeholders("100% (no braces)") == set()


# -- Where the words appear ------------------------------------------------------


def test_the_report_forms_fixed_fields_and_hints_use_the_words():
    checklist = {
        "items": [
            {"id": "where", "text": "Location of the incident", "depth": 0},
            {"id": "who", "text": "Identifying information: name, badge", "depth": 0},
        ]
    }
    words = {
        **DEFAULT_WORDS,
        "form_staff_member": "Taken by",
        "form_report_time": "Written at",
        "form_examples": "E.g. {examples}",
    }
    opening, gathered = form_fields(checklist, words)
    assert [field.label for field in opening] == ["Taken by", "Written at"]
    assert gathered[1].hint == "E.g. name, badge"
    opening, gathered = form_fields(checklist)
    assert [field.label for field in opening] == [
        "Staff member taking the report",
        "Date and time of this report",
    ]
    assert gathered[1].hint == "For example: name, badge"


def test_a_site_that_overrides_a_word_sees_it_on_the_pocket_cards(build_site, tmp_path):
    words = {
        "cards_title": "Cartes de poche",
        "who_to_call": "Numéros utiles",
        "cards_danger": "En cas de danger, appelez les secours.",
        "cards_pdf": "le PDF",
    }
    contacts = [{"label": "Urgences", "phone": "112"}]
    built = build_site(copy_site(tmp_path), EMERGENCY_CONTACTS=contacts, HANDBOOK={"words": words})
    assert built.status == 0, built.stderr
    cards = page(built, "pocket-cards.html")
    assert cards.title.get_text().startswith("Cartes de poche · ")
    assert cards.h1.get_text() == "Cartes de poche"
    assert cards.select_one(".card--contacts .card__title").get_text() == "Numéros utiles"
    assert cards.select_one(".card__lead").get_text() == words["cards_danger"]
    pdf_link = cards.find("a", href=re.compile(r"pocket-cards\.pdf$"))
    assert pdf_link.get_text() == "le PDF"
    text = cards.get_text(" ")
    for default in ("Pocket cards", "Who to call", "If anyone is in danger", "PDF of these"):
        assert default not in text
    # The rest of the sentence around the link is the default's.
    assert "(or this page) at 100%" in re.sub(r"\s+", " ", text)


def test_an_unknown_word_fails_the_build_with_a_did_you_mean(
    build_site, tmp_path, named_settings_file
):
    built = build_site(copy_site(tmp_path), HANDBOOK={"words": {"resett": "Clear"}})
    assert built.status == 1
    assert built.problems() == [
        "pelicanconf.py: HANDBOOK['words'] has an unknown key 'resett' (did you mean 'reset'?)"
    ]
    assert "Traceback" not in built.stderr
    assert not (built.output / "pages/procedure.html").exists()


def test_the_scripts_get_the_words_as_json_from_the_page(build_site, tmp_path):
    built = build_site(
        copy_site(tmp_path),
        THEME=str(TEST_DATA / "one-line-theme"),
        HANDBOOK={"words": {"reset": "Clear", "progress": "{done}/{total}"}},
    )
    assert built.status == 0, built.stderr
    procedure = page(built, "pages/procedure.html")
    [block] = procedure.select("script#handbook-words")
    assert block["type"] == "application/json"
    words = json.loads(block.string)
    assert words == {key: DEFAULT_WORDS[key] for key in SCRIPT_WORDS} | {
        "reset": "Clear",
        "progress": "{done}/{total}",
    }


def test_a_list_without_a_title_is_named_by_the_word(build_site, tmp_path):
    content = copy_site(tmp_path)
    (content / "pages" / "untitled.md").write_text(
        "Title: Untitled\nChecklists: steps\n\n1. Breathe\n1. Call\n", encoding="utf-8"
    )
    built = build_site(content, HANDBOOK={"words": {"checklist_title": "Liste"}})
    assert built.status == 0, built.stderr
    checklist = page(built, "pages/untitled.html").select_one("[data-module=checklist]")
    assert checklist["aria-label"] == "Liste"


def test_a_split_cards_title_comes_from_the_words():
    from pelican.plugins.handbook.printouts.cards import checklist_faces

    page = type("Page", (), {})()
    page.source_path, page.slug, page.metadata = "x.md", "x", {}
    items = [{"id": f"s{n}", "text": f"Step {n}", "depth": 0} for n in range(12)]
    page.handbook_checklists = [{"id": "c", "title": "Passos", "kind": "steps", "items": items}]
    words = {**DEFAULT_WORDS, "card_part": "{title} ({number} de {count})"}
    faces = checklist_faces(page, 9, None, words)
    assert [face.title for face in faces] == ["Passos (1 de 2)", "Passos (2 de 2)"]


def test_the_form_reads_a_labels_words_in_the_sites_language():
    words = {**DEFAULT_WORDS, "form_line_words": "data hora local onde quando"}
    words["form_long_words"] = "descrição"
    items = [
        {"id": "quando", "text": "Quando aconteceu", "depth": 0},
        {"id": "descricao", "text": "Descrição do que aconteceu", "depth": 0},
        {"id": "pessoas", "text": "Quem estava presente", "depth": 0},
    ]
    _, fields = form_fields({"items": items}, words)
    assert [field.size for field in fields] == ["line", "big", "box"]


def test_a_lead_in_that_is_no_title_is_told_in_the_sites_language():
    import markdown
    from handbook_checklists import ChecklistExtension

    extension = ChecklistExtension(
        fragment_openers="você vocês nós porém então e mas", fragment_closers="pode deve"
    )
    md = markdown.Markdown(extensions=["attr_list", "meta", extension])
    md.convert("Checklists: steps\n\nVocê pode:\n\n- Ouvir\n\nNo entanto, lembre-se:\n\n- Anotar\n")
    warned = [message for level, message, _ in md.checklist_mistakes if level == "warning"]
    assert warned[0].startswith("checklist title 'Você pode' reads as a fragment")
