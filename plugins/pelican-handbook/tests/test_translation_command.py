"""`make translation` and `make translation-checked`: a translation started with every id and
record in place, and the records of one checked file refreshed, never of the others."""

from __future__ import annotations

import re

import pytest
from fixture_sites import write_site
from pelican.plugins.handbook.translations.command import main

SOURCE = """Title: Steps
Checklists: steps
URL: steps.html
save_as: steps.html

Read the [other page]({filename}other.md).

## When a report comes in

1. Ask if they want a quiet space
1. Ensure their **safety**,
   wherever they are
    - Call emergency services first
1. Write the report down

Then, while listening:

* Do not judge
* Do not promise an outcome

{: .checklist-cautions title="While listening" }
"""

OTHER = "Title: Other\n\nNo checklists here.\n"
LANG_URLS = {"PAGE_LANG_URL": "{lang}/{slug}.html", "PAGE_LANG_SAVE_AS": "{lang}/{slug}.html"}


@pytest.fixture
def site(tmp_path):
    """A site with one page to translate, and its settings file."""
    content = write_site(tmp_path, {"steps.md": SOURCE, "other.md": OTHER})
    settings = tmp_path / "siteconf.py"
    settings.write_text(
        f"PATH = {str(content)!r}\nTHEME = 'simple'\nPLUGINS = ['handbook']\n"
        "PAGE_PATHS = ['pages']\nARTICLE_PATHS = ['articles']\nTIMEZONE = 'UTC'\n"
        "PAGE_LANG_URL = PAGE_LANG_SAVE_AS = '{lang}/{slug}.html'\n",
        encoding="utf-8",
    )
    return content, str(settings)


def translate_words(text: str, lang: str) -> str:
    """Stand in for a translator: every line of words gets the language's mark; ids stay."""
    marked = []
    for line in text.split("\n"):
        if line.strip() and not re.match(r"\s*\{:|\w+:", line):
            words, attributes = re.match(r"(.*?)(\s*\{:.*\})?$", line).groups()
            line = f"{words} [{lang}]{attributes or ''}"
        marked.append(line)
    return "\n".join(marked)


def where(path, needle: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def test_a_new_translation_has_every_id_and_record_and_builds_clean(site, build_site, capsys):
    content, settings = site
    assert main(["new", "es", "steps", "-s", settings]) == 0
    target = content / "pages" / "steps.es.md"
    written = target.read_text(encoding="utf-8")
    # Its own output (URL and save_as dropped), its language, and the date of its source.
    assert re.sub(r"\d{4}-\d\d-\d\d", "DATE", written.split("\n\n")[0]).split("\n") == [
        "Title: Steps",
        "Slug: steps",
        "Lang: es",
        "Source_date: DATE",
        "Checklists: steps",
    ]
    # Each item's record on the line under its words, at its text's indent.
    assert (
        "1. Ensure their **safety**,\n   wherever they are\n   {: #ensure-their-safety" in written
    )
    assert "    - Call emergency services first\n      {: #call-emergency-services-first" in written
    assert "## When a report comes in {: #when-a-report-comes-in }" in written
    assert '{: .checklist-cautions title="While listening" #while-listening }' in written
    target.write_text(translate_words(written, "es"), encoding="utf-8")
    built = build_site(content, **LANG_URLS)
    assert (built.status, built.problems()) == (0, [])
    spanish = (built.output / "es" / "steps.html").read_text(encoding="utf-8")
    assert "Ask if they want a quiet space [es]" in spanish


def test_an_existing_translation_is_never_overwritten(site):
    content, settings = site
    main(["new", "es", "steps", "-s", settings])
    target = content / "pages" / "steps.es.md"
    target.write_text("Title: mine\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="exists already"):
        main(["new", "es", "steps", "-s", settings])
    assert target.read_text(encoding="utf-8") == "Title: mine\n"


def test_checked_refreshes_the_one_file_it_is_given(site, build_site, capsys):
    content, settings = site
    for lang in ("es", "fr"):
        main(["new", lang, "steps", "-s", settings])
        target = content / "pages" / f"steps.{lang}.md"
        target.write_text(translate_words(target.read_text("utf-8"), lang), "utf-8")
    source = content / "pages" / "steps.md"
    source.write_text(SOURCE.replace("Do not judge", "Never judge"), encoding="utf-8")
    built = build_site(content, **LANG_URLS)
    line = where(content / "pages" / "steps.es.md", "#do-not-judge")
    assert sorted(problem.split(": ")[0].rsplit("/", 1)[1] for problem in built.problems()) == [
        f"steps.es.md:{line}",
        f"steps.fr.md:{line}",
    ]
    capsys.readouterr()
    assert main(["checked", str(content / "pages" / "steps.es.md"), "-s", settings]) == 0
    assert capsys.readouterr().out == (
        f"{content}/pages/steps.es.md: 1 records refreshed: do-not-judge (now never-judge)\n"
    )
    built = build_site(content, **LANG_URLS)
    # The French, not yet checked, is still outdated.
    assert [problem.split(": ")[0].rsplit("/", 1)[1] for problem in built.problems()] == [
        f"steps.fr.md:{line}"
    ]
    spanish = (built.output / "es" / "steps.html").read_text(encoding="utf-8")
    assert 'id="never-judge"' in spanish and "checklist__outdated" not in spanish
