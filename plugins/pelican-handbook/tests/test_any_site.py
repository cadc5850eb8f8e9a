"""The plugin on a site of its own: Pelican's `simple` theme, no jinja2content, in-process."""

from __future__ import annotations

import os
import subprocess
import sys

import markdown
from bs4 import BeautifulSoup
from fixture_sites import TEST_DATA, copy_site
from pelican import signals
from pypdf import PdfReader


def page(built, name: str):
    return BeautifulSoup((built.output / name).read_text(encoding="utf-8"), "html.parser")


def test_an_unmodified_theme_gets_checklists_link_checks_and_cards(build_site, tmp_path):
    built = build_site(copy_site(tmp_path))
    assert built.status == 0, built.stderr
    assert "Traceback" not in built.stderr
    procedure = page(built, "pages/procedure.html")
    # Steps are real checkboxes in their labels: they work without the script.
    boxes = procedure.select(".checklist--steps .checklist__label > input.checklist__box")
    texts = [b.parent.get_text(strip=True) for b in boxes]
    assert texts == ["Listen to them", "Write down what happened", "Tell the lead"]
    # Cautions and options are not tasks: nothing to tick.
    assert procedure.select(".checklist--cautions input, .checklist--options input") == []
    assert procedure.find(id="do-not-promise-an-outcome") is not None
    cards = page(built, "pocket-cards.html")
    titles = [h.get_text(strip=True) for h in cards.select(".card__title")]
    # No contacts card: the site sets no contacts.
    assert titles == ["When someone reports a problem", "Never", "Possible responses"]
    pdf = PdfReader(built.output / "pocket-cards.pdf")
    assert len(pdf.pages) == len(titles)
    assert "Listen to them" in pdf.pages[0].extract_text()
    assert (built.output / "theme/handbook/checklist.js").is_file()
    # Offline use is the site's to ask for (HANDBOOK["offline"]).
    for name in ("sw.js", "manifest.webmanifest"):
        assert not (built.output / name).exists(), name


def test_a_broken_link_fails_the_build_naming_file_and_line(build_site, tmp_path):
    content = copy_site(tmp_path)
    notes = content / "pages" / "notes.md"
    notes.write_text(
        notes.read_text(encoding="utf-8").replace("#when-someone", "#when-somebody"),
        encoding="utf-8",
    )
    built = build_site(content)
    assert built.status == 1
    assert built.problems() == [
        f"{notes}:5: link to '{{filename}}procedure.md#when-somebody-reports-a-problem' has no"
        " target: no id 'when-somebody-reports-a-problem' in pages/procedure.html (did you mean"
        " '{filename}procedure.md#when-someone-reports-a-problem'?)"
    ]
    assert "handbook: 1 problem found" in built.stderr
    assert "Traceback" not in built.stderr


def test_one_line_in_the_themes_base_template_brings_the_script(build_site, tmp_path):
    built = build_site(copy_site(tmp_path), THEME=str(TEST_DATA / "one-line-theme"))
    assert built.status == 0, built.stderr
    procedure = page(built, "pages/procedure.html")
    scripts = [s.get("src") for s in procedure.select("script[type=module]")]
    styles = [s.get("href") for s in procedure.select("link[rel=stylesheet]")]
    assert scripts == ["/theme/handbook/checklist.js"]
    assert "/theme/handbook/checklist.css" in styles
    for name in scripts + styles:
        assert (built.output / name.lstrip("/")).is_file(), name


def test_without_jinja2content_pages_are_plain_markdown(build_site, tmp_path):
    content = copy_site(tmp_path)
    (content / "pages" / "jinja.md").write_text(
        "Title: Jinja\n\nCall {{ PHONE }} now.\n", encoding="utf-8"
    )
    built = build_site(content, PHONE="911")
    assert built.status == 0, built.stderr
    assert "Call {{ PHONE }} now." in page(built, "pages/jinja.html").get_text()


def test_with_jinja2content_pages_go_through_jinja_first(build_site, tmp_path):
    content = copy_site(tmp_path)
    (content / "pages" / "jinja.md").write_text(
        "Title: Jinja\n\nCall {{ PHONE }} now.\n\nWrite to {{ EMIAL }}.\n", encoding="utf-8"
    )
    settings = {"PHONE": "911", "HANDBOOK": {"content_settings": ["PHONE"]}}
    built = build_site(content, PLUGINS=["jinja2content", "handbook"], **settings)
    # A misspelt name is an error at its line, not an empty string.
    assert built.status == 1
    assert built.problems() == [
        f"{content / 'pages' / 'jinja.md'}:5: template error: 'EMIAL' is undefined"
    ]
    (content / "pages" / "jinja.md").write_text(
        "Title: Jinja\n\nCall {{ PHONE }} now.\n", encoding="utf-8"
    )
    built = build_site(content, PLUGINS=["jinja2content", "handbook"], **settings)
    assert built.status == 0, built.stderr
    assert "Call 911 now." in page(built, "pages/jinja.html").get_text()


def test_a_page_cannot_reach_python_through_jinja(build_site, tmp_path):
    content = copy_site(tmp_path)
    (content / "pages" / "jinja.md").write_text(
        "Title: Jinja\n\nCall {{ PHONE }}.\n\n"
        "Here: {{ cycler.__init__.__globals__.os.getcwd() }}\n",
        encoding="utf-8",
    )
    settings = {"PHONE": "911", "HANDBOOK": {"content_settings": ["PHONE"]}}
    built = build_site(content, PLUGINS=["jinja2content", "handbook"], **settings)
    assert built.status == 1
    [problem] = built.problems()
    assert problem.startswith(f"{content / 'pages' / 'jinja.md'}:5: template error: access to")
    assert "is unsafe" in problem
    assert str(tmp_path) not in (built.output / "pages" / "jinja.html").read_text(encoding="utf-8")


def test_a_misspelt_setting_stops_the_build_naming_it(build_site, tmp_path):
    built = build_site(copy_site(tmp_path), HANDBOOK={"card_max_itmes": 5, "card_width": "4"})
    assert built.status == 1
    assert built.problems() == [
        "pelicanconf.py: HANDBOOK has an unknown key 'card_max_itmes'"
        " (did you mean 'card_max_items'?)",
        "pelicanconf.py: HANDBOOK['card_width'] must be a CSS length such as '4in' or"
        " '101.6mm', not '4'",
    ]
    assert "Traceback" not in built.stderr
    assert not (built.output / "pages/procedure.html").exists()


def test_each_feature_can_be_switched_off(build_site, tmp_path):
    content = copy_site(tmp_path)
    (content / "pages" / "broken.md").write_text(
        "Title: Broken\n\n[x]({filename}nowhere.md)\n", encoding="utf-8"
    )
    off = {"link_check": False, "printouts": False, "offline": False, "checklists": False}
    built = build_site(content, HANDBOOK=off)
    assert built.status == 0, built.stderr
    for name in ("pocket-cards.html", "pocket-cards.pdf", "sw.js", "manifest.webmanifest"):
        assert not (built.output / name).exists(), name
    assert page(built, "pages/procedure.html").select("input") == []


def test_builds_in_one_process_do_not_share_problems(build_site, tmp_path):
    content = copy_site(tmp_path)
    broken = content / "pages" / "broken.md"
    broken.write_text("Title: Broken\n\n[x]({filename}nowhere.md)\n", encoding="utf-8")
    assert build_site(content).status == 1
    broken.unlink()
    again = build_site(content)
    assert again.status == 0, again.stderr
    assert again.problems() == []


def test_a_theme_template_that_does_not_compile_is_reported_at_its_line(build_site, tmp_path):
    theme = tmp_path / "theme" / "templates"
    theme.mkdir(parents=True)
    (theme / "base.html").write_text(
        '{% extends "!simple/base.html" %}\n{% block head %}{{ super() }\n{% endblock %}\n',
        encoding="utf-8",
    )
    built = build_site(copy_site(tmp_path), THEME=str(theme.parent))
    assert built.status == 1
    assert "Traceback" not in built.stderr
    assert built.problems() == [f"{theme / 'base.html'}:2: template error: unexpected '}}'"]


def test_a_theme_template_that_fails_while_rendering_is_reported(build_site, tmp_path):
    theme = tmp_path / "theme" / "templates"
    theme.mkdir(parents=True)
    (theme / "page.html").write_text(
        '{% extends "!simple/page.html" %}\n{% block content %}\n{{ page.title|nosuchthing }}\n'
        "{% endblock %}\n",
        encoding="utf-8",
    )
    built = build_site(copy_site(tmp_path), THEME=str(theme.parent))
    assert built.status == 1
    assert "Traceback" not in built.stderr
    assert built.problems()[0].startswith(f"{theme / 'page.html'}:3: template error:")


def test_a_site_without_checklists_is_told_that_no_cards_were_written(build_site, tmp_path):
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    (content / "pages" / "rules.md").write_text("Title: Rules\n\nBe kind.\n", encoding="utf-8")
    built = build_site(content)
    assert built.status == 0, built.stderr
    # Shown by default (Pelican shows warnings, not information, unless -v).
    assert "handbook: no page has checklists: no pocket cards or report form written" in (
        built.stderr
    )
    assert not (built.output / "pocket-cards.html").exists()


def card_titles(built) -> list[str]:
    return [h.get_text(strip=True) for h in page(built, "pocket-cards.html").select(".card__title")]


def test_a_page_read_from_pelicans_content_cache_keeps_its_checklists(build_site, tmp_path):
    content = copy_site(tmp_path)
    cached = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
    first = build_site(content, **cached)
    assert first.status == 0, first.stderr
    # The second build reads the pages from the cache, not through Markdown.
    second = build_site(content, **cached)
    assert second.status == 0, second.stderr
    assert card_titles(second) == card_titles(first)
    assert "When someone reports a problem" in card_titles(second)


def test_a_summary_does_not_take_the_place_of_the_pages_checklists(build_site, tmp_path):
    content = copy_site(tmp_path)
    procedure = content / "pages" / "procedure.md"
    # Pelican converts a Summary with the page's Markdown after the page
    # itself: a summary has no checklists, and the page keeps its own.
    procedure.write_text(
        "Summary: What to do when *someone* reports a problem.\n"
        + procedure.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    built = build_site(content)
    assert built.status == 0, built.stderr
    assert "When someone reports a problem" in card_titles(built)


def test_a_page_another_reader_made_has_its_checklists_read_from_its_html(build_site, tmp_path):
    content = copy_site(tmp_path)
    (content / "pages" / "written.html").write_text(
        "<html><head><title>Written by hand</title></head><body>\n"
        '<div class="checklist checklist--steps" data-checklist="on-arrival" data-kind="steps"'
        ' aria-label="On arrival"><ul class="checklist__items">\n'
        '<li class="checklist__item" id="sign-in"><label class="checklist__label">'
        '<input class="checklist__box" type="checkbox"><span class="checklist__text">Sign in'
        "</span></label></li>\n</ul></div>\n</body></html>\n",
        encoding="utf-8",
    )
    built = build_site(content)
    assert built.status == 0, built.stderr
    assert "On arrival" in card_titles(built)


def _convert_a_snippet(generators) -> None:
    """Convert Markdown with the site's extensions once every page is read, as a plugin may."""
    settings = generators[0].settings["MARKDOWN"]
    markdown.Markdown(**settings).convert("1. A list\n\n{: .checklist-bogus }\n")


def test_markdown_another_plugin_converts_later_is_no_pages(build_site, tmp_path):
    # Its mistakes are not reported against the last page read, nor its lists added to it.
    signals.all_generators_finalized.connect(_convert_a_snippet)
    try:
        built = build_site(TEST_DATA / "simple-site")
    finally:
        signals.all_generators_finalized.disconnect(_convert_a_snippet)
    assert built.status == 0, built.stderr
    assert "bogus" not in built.stderr


def test_a_quiet_build_still_says_why_it_failed(tmp_path):
    content = copy_site(tmp_path)
    notes = content / "pages" / "notes.md"
    notes.write_text(
        notes.read_text(encoding="utf-8").replace("#when-someone", "#when-somebody"),
        encoding="utf-8",
    )
    settings = tmp_path / "conf.py"
    settings.write_text(
        'THEME = "simple"\nPLUGINS = ["handbook"]\nPAGE_PATHS = ["pages"]\nTIMEZONE = "UTC"\n'
        f"CACHE_PATH = {str(tmp_path / 'cache')!r}\n",
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "pelican", str(content), "-o", str(tmp_path / "out")]
    # -q: Pelican shows only critical messages, through its own handler (a
    # wide terminal, so that rich does not wrap the line).
    result = subprocess.run(
        [*command, "-s", str(settings), "-q"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "COLUMNS": "400"},
    )
    assert result.returncode == 1
    said = result.stdout + result.stderr
    assert "notes.md:5: link to '{filename}procedure.md#when-somebody" in said
    assert "handbook: 1 problem found" in said


def test_a_themes_broken_pocket_card_or_service_worker_template_is_reported(build_site, tmp_path):
    theme = tmp_path / "theme" / "templates"
    (theme / "handbook").mkdir(parents=True)
    (theme / "handbook" / "cards.html").write_text(
        '{% extends "base.html" %}\n{% block content %}\n{% for face in faces %}\n{% endblock %}\n',
        encoding="utf-8",
    )
    (theme / "handbook" / "sw.js").write_text("const v = {{ version }\n", encoding="utf-8")
    built = build_site(copy_site(tmp_path), THEME=str(theme.parent), HANDBOOK={"offline": True})
    assert built.status == 1
    assert "Traceback" not in built.stderr
    problems = built.problems()
    assert problems[0].startswith(f"{theme / 'handbook' / 'cards.html'}:4: template error:")
    assert problems[1].startswith(f"{theme / 'handbook' / 'sw.js'}:1: template error:")
