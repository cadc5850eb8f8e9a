"""The printouts' published file names: settable, checked, and followed by every link to them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fixture_sites import copy_site
from pelican.plugins.handbook.build import checked_settings
from pelican.plugins.handbook.translations.records import text_hash

NAMES = {
    "cards_save_as": "cartoes-de-bolso.html",
    "cards_pdf_save_as": "cartoes-de-bolso.pdf",
    "cards_sheets_save_as": "folhas-{paper}.pdf",
    # Not ASCII: a link holds it as written, and the link check reads it so.
    "report_form_save_as": "relatório.html",
}
OLD_NAMES = (
    "pocket-cards.html",
    "pocket-cards.pdf",
    "pocket-cards-letter.pdf",
    "pocket-cards-a4.pdf",
    "incident-report-form.html",
)
# A page template that links every printout of its page, as a site's theme does.
PAGE_TEMPLATE = """{% extends "!simple/page.html" %}
{% block content %}{{ super() }}
{% for name, path in (page.handbook_prints or {}).items() if path %}
<a class="print" href="{{ SITEURL }}/{{ path }}">{{ name }}</a>
{% endfor %}{% endblock %}
"""
STEPS = """Title: {title}
Slug: steps
{lang}Checklists: steps

## {heading}

1. {first}
1. {second}

{{: .checklist-steps .report-form }}
"""


def _translation() -> str:
    """Return a Spanish translation of the steps page, its records in place."""
    text = STEPS.format(
        title="Pasos",
        lang="Lang: es\n",
        heading="Cuando llega un informe {: #when-a-report-comes-in }",
        first="Escucharles",
        second="Escribirlo",
    )
    for words, item_id, source in (
        ("Escucharles", "listen-to-them", "Listen to them"),
        ("Escribirlo", "write-it-down", "Write it down"),
    ):
        record = f'   {{: #{item_id} data-source="{text_hash(source)}" }}'
        text = text.replace(f"1. {words}\n", f"1. {words}\n{record}\n")
    return text


@pytest.fixture
def renamed(build_site, tmp_path):
    """Build a site in two languages, with offline use, its printouts under other names."""
    content = copy_site(tmp_path)
    pages = content / "pages"
    source = STEPS.format(
        title="Steps",
        lang="",
        heading="When a report comes in",
        first="Listen to them",
        second="Write it down",
    )
    (pages / "steps.md").write_text(source, encoding="utf-8")
    (pages / "steps.es.md").write_text(_translation(), encoding="utf-8")
    theme = tmp_path / "theme"
    (theme / "templates").mkdir(parents=True)
    (theme / "templates" / "page.html").write_text(PAGE_TEMPLATE, encoding="utf-8")
    return build_site(
        content,
        THEME=str(theme),
        PAGE_LANG_URL="{lang}/{slug}.html",
        PAGE_LANG_SAVE_AS="{lang}/{slug}.html",
        HANDBOOK={"offline": True, **NAMES},
    )


def written(output: Path) -> set[str]:
    return {path.relative_to(output).as_posix() for path in output.rglob("*") if path.is_file()}


def links(output: Path, name: str) -> set[str]:
    page = BeautifulSoup((output / name).read_text(encoding="utf-8"), "html.parser")
    return {a["href"] for a in page.select("a[href]")}


def test_the_printouts_are_published_under_the_names_set(renamed):
    assert renamed.status == 0, renamed.stderr
    # Every link to them resolves: the link check found nothing.
    assert renamed.problems() == []
    files = written(renamed.output)
    for folder in ("", "es/"):
        expected = {folder + name.replace("{paper}", "letter") for name in NAMES.values()}
        expected.add(folder + "folhas-a4.pdf")
        assert expected <= files, folder
    for name in OLD_NAMES:
        assert not [path for path in files if path.endswith(name)], name


def test_the_pages_the_cards_page_and_the_offline_copy_follow_the_names(renamed):
    output = renamed.output
    assert {
        "/cartoes-de-bolso.html",
        "/cartoes-de-bolso.pdf",
        "/folhas-letter.pdf",
        "/folhas-a4.pdf",
        "/relatório.html",
    } <= links(output, "pages/steps.html")
    assert {"/es/cartoes-de-bolso.html", "/es/relatório.html"} <= links(output, "es/steps.html")
    assert {"/cartoes-de-bolso.pdf", "/folhas-letter.pdf", "/folhas-a4.pdf"} <= links(
        output, "cartoes-de-bolso.html"
    )
    assert {"/es/cartoes-de-bolso.pdf", "/es/folhas-a4.pdf"} <= links(
        output, "es/cartoes-de-bolso.html"
    )
    script = (output / "sw.js").read_text(encoding="utf-8")
    precache = json.loads(re.search(r"^const PRECACHE = (\[.*?\]);$", script, re.M | re.S)[1])
    assert {"cartoes-de-bolso.pdf", "es/folhas-letter.pdf", "relatório.html"} <= set(precache)


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        (
            "cards_save_as",
            "../cards.html",
            "must be a file name without a folder (another language's go in its folder, es/)",
        ),
        (
            "report_form_save_as",
            "forms/report.html",
            "must be a file name without a folder (another language's go in its folder, es/)",
        ),
        ("cards_pdf_save_as", "cards.html", "must be a file name ending in .pdf"),
        ("report_form_save_as", "report", "must be a file name ending in .html"),
        ("report_form_save_as", 3, "must be a file name ending in .html"),
        ("cards_save_as", "..html", "must not start with '.'"),
        (
            "cards_sheets_save_as",
            "sheets.pdf",
            "must hold {paper} once, which the build replaces by 'letter' or 'a4'",
        ),
        (
            "cards_save_as",
            "pocket cards.html",
            "must not hold spaces or any of \" # % & ' < > ? \\ ^ ` { | } :, which links escape",
        ),
    ],
)
def test_a_bad_file_name_is_named_with_its_setting(key, value, problem):
    options, problems = checked_settings({"HANDBOOK": {key: value}})
    assert problems == [(f"HANDBOOK[{key!r}]", f"{problem}, not {value!r}")]
    # The build goes on with the default, and stops once everything is said.
    assert options[key] == checked_settings({})[0][key]


def test_two_printouts_under_one_name_are_an_error():
    found = checked_settings({"HANDBOOK": {"report_form_save_as": "pocket-cards.html"}})[1]
    assert found == [
        (
            "HANDBOOK['report_form_save_as']",
            "names 'pocket-cards.html', as HANDBOOK['cards_save_as'] does: give each its own",
        )
    ]


def test_a_bad_name_stops_the_build_at_the_setting(build_site, tmp_path):
    built = build_site(copy_site(tmp_path), HANDBOOK={"cards_pdf_save_as": "../cards.pdf"})
    assert built.status == 1
    assert "HANDBOOK['cards_pdf_save_as'] must be a file name without a folder" in built.stderr
    assert "Traceback" not in built.stderr
    assert not (built.output.parent / "cards.pdf").exists()
