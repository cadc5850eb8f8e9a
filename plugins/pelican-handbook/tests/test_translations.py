"""Translations checked against their source at build time: each way one can fall behind.

One source page with checklists, and a translation per language, each
drifting from it in one way; one build, and its rows compared. A translation
records each item's source id and a hash of its plain text, on the line
under the item (`{: #id data-source="hash" }`).
"""

from __future__ import annotations

import functools

from bs4 import BeautifulSoup
from fixture_sites import write_site
from pelican.plugins.handbook.translations.records import text_hash

LANG_URLS = {"PAGE_LANG_URL": "{lang}/{slug}.html", "PAGE_LANG_SAVE_AS": "{lang}/{slug}.html"}

SOURCE = """Title: Steps
Slug: steps
Checklists: steps

## When a report comes in

1. Ask if they want a [quiet space](#while-listening)
1. Ensure their **safety**
    - Call emergency services first
1. Write the report down

## While listening

1. Do not judge
1. Do not promise an outcome

{: .checklist-cautions }
"""

# The source's items, in order: id, plain text, and whether it is a note.
ITEMS = [
    ("ask-if-they-want-a-quiet-space", "Ask if they want a quiet space", False),
    ("ensure-their-safety", "Ensure their safety", False),
    ("call-emergency-services-first", "Call emergency services first", True),
    ("write-the-report-down", "Write the report down", False),
    ("do-not-judge", "Do not judge", False),
    ("do-not-promise-an-outcome", "Do not promise an outcome", False),
]


def item(words: str, item_id: str, source_text: str | None = None, note: bool = False) -> str:
    """Return a translated item and its record, as `make translation` writes them."""
    indent = "    " if note else ""
    record = f' data-source="{text_hash(source_text)}"' if source_text else ""
    marker = "-" if note else "1."
    return f"{indent}{marker} {words}\n{indent}   {{: #{item_id}{record} }}\n"


def faithful(lang: str, items: list[tuple] = ITEMS) -> list[tuple]:
    return [(f"[{lang}] {text}", item_id, text, note) for item_id, text, note in items]


def translated(lang: str, first=None, second=None, tail: str = "", **headings) -> str:
    """Return a translation into `lang`: faithful, or with other items, headings or a tail."""
    first = faithful(lang, ITEMS[:4]) if first is None else first
    second = faithful(lang, ITEMS[4:]) if second is None else second
    when = headings.get("when", "when-a-report-comes-in")
    listening = headings.get("listening", "while-listening")
    kind = headings.get("kind", "cautions")
    text = f"Title: Steps ({lang})\nSlug: steps\nLang: {lang}\nChecklists: steps\n\n"
    text += f"## Cuando {{: #{when} }}\n\n{''.join(item(*row) for row in first)}\n"
    if second:
        text += f"## Escuchando {{: #{listening} }}\n\n{''.join(item(*row) for row in second)}"
        text += f"\n{{: .checklist-{kind} }}\n"
    return text + tail


def drifting_translations() -> dict[str, str]:
    """Return one translation per way of drifting, by file name."""
    first = faithful("xx", ITEMS[:4])
    return {
        "steps.fr.md": translated("fr", first=[first[i] for i in (0, 1, 2)]),
        "steps.cs.md": translated("cs", first=first[1:]),
        "steps.no.md": translated("no").replace(
            "Lang: no\n", "Lang: no\nSource_date: 20/11/2026\n"
        ),
        "steps.de.md": translated(
            "de", second=[("Zusatz", "zusatz", "Zusatz", False)] + faithful("de", ITEMS[4:])
        ),
        "steps.it.md": translated("it", second=[]),
        "steps.pt.md": translated("pt", tail="\n## Extra\n\n1. Algo\n   {: #algo }\n"),
        "steps.nl.md": translated("nl", kind="steps"),
        "steps.sv.md": translated("sv", first=[first[i] for i in (1, 0, 2, 3)]),
        "steps.pl.md": translated("pl", first=[*first[:2], (*first[2][:3], False), first[3]]),
        "steps.da.md": translated(
            "da", first=[first[0], ("Sí", "ensure-their-safety")] + first[2:]
        ),
        "steps.fi.md": translated("fi", when="cuando"),
    }


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def rows(built, content) -> list[str]:
    """Return the build's problem lines, paths relative to the content folder."""
    return sorted(line.replace(f"{content}/pages/", "") for line in built.problems())


def test_each_way_a_translation_drifts_is_an_error_at_its_line(build_site, tmp_path):
    pages = {"steps.md": SOURCE, **drifting_translations()}
    content = write_site(tmp_path, pages)
    # Thirteen languages: no pocket cards, whose PDFs in each would be most of the build.
    built = build_site(content, **LANG_URLS, HANDBOOK={"printouts": False})
    assert built.status == 1
    source = "steps.md"
    at = {name: lambda needle, text=text: line_of(text, needle) for name, text in pages.items()}
    assert rows(built, content) == sorted(
        [
            # Missing first: reported at the item it comes before.
            f"steps.cs.md:{at['steps.cs.md']('#ensure-their-safety')}: item"
            " 'ask-if-they-want-a-quiet-space' of checklist 'when-a-report-comes-in' is missing"
            f' here: it says "Ask if they want a quiet space" in {source}',
            f"steps.da.md:{at['steps.da.md']('#ensure-their-safety')}: item 'ensure-their-safety'"
            f" records nothing of the source text it translates: once it says what {source}"
            ' says, write {: #ensure-their-safety data-source="'
            f'{text_hash("Ensure their safety")}" }} under it',
            f"steps.de.md:{at['steps.de.md']('#zusatz')}: item 'zusatz' (\"Zusatz\") of checklist"
            f" 'while-listening' is not in {source}: give it the id of the item it translates",
            f"steps.fi.md:{at['steps.fi.md']('#cuando')}: checklist 'cuando' (\"Cuando\") is not"
            f" in {source} (it stands where 'when-a-report-comes-in' is: give it that id,"
            " {: #when-a-report-comes-in })",
            f"steps.fi.md:{at['steps.fi.md']('#while-listening')}: checklist"
            f" 'when-a-report-comes-in' (\"When a report comes in\" in {source}) is missing"
            " here: translate it, its heading or mark keeping the id"
            " ({: #when-a-report-comes-in })",
            f"steps.fr.md:{at['steps.fr.md']('#call-emergency-services-first')}: item"
            " 'write-the-report-down' of checklist 'when-a-report-comes-in' is missing here:"
            f' it says "Write the report down" in {source}',
            f"steps.it.md:{pages['steps.it.md'].count(chr(10)) + 1}: checklist 'while-listening'"
            f' ("While listening" in {source}) is missing here: translate it, its heading or'
            " mark keeping the id ({: #while-listening })",
            f"steps.no.md:{at['steps.no.md']('Source_date')}: 'Source_date: 20/11/2026' is not a"
            " date: write it as 2026-11-20",
            f"steps.nl.md:{at['steps.nl.md']('#while-listening')}: checklist 'while-listening'"
            f" is steps here, cautions in {source}",
            f"steps.pl.md:{at['steps.pl.md']('#call-emergency-services-first')}: item"
            " 'call-emergency-services-first' is an item of its own here, a note under a step"
            f" in {source}",
            f"steps.pt.md:{at['steps.pt.md']('Extra')}: checklist 'extra' (\"Extra\") is not in"
            f" {source}: give it the id of the checklist it translates",
            f"steps.sv.md:{at['steps.sv.md']('#ensure-their-safety')}: item"
            f" 'ensure-their-safety' comes before 'ask-if-they-want-a-quiet-space' here, after"
            f" it in {source}",
        ]
    )


def test_a_faithful_translation_carries_its_source_ids_and_builds_clean(build_site, tmp_path):
    content = write_site(tmp_path, {"steps.md": SOURCE, "steps.es.md": translated("es")})
    built = build_site(content, **LANG_URLS)
    assert built.status == 0, built.stderr
    assert built.problems() == []

    def ids(path: str) -> list[str]:
        soup = BeautifulSoup((built.output / path).read_text(encoding="utf-8"), "html.parser")
        found = soup.select("[data-checklist], .checklist__item")
        return [e.get("data-checklist") or e["id"] for e in found]

    assert ids("es/steps.html") == ids("pages/steps.html")
    spanish = (built.output / "es" / "steps.html").read_text(encoding="utf-8")
    # The records stay in the source: nothing of them is published.
    assert "data-source" not in spanish and "handbook-record" not in spanish


def test_only_a_reworded_source_item_marks_the_translation_outdated(build_site, tmp_path):
    content = write_site(tmp_path, {"steps.md": SOURCE, "steps.es.md": translated("es")})
    source = content / "pages" / "steps.md"
    # Another link target and emphasis alone: the same words, nothing to translate again.
    source.write_text(
        SOURCE.replace("(#while-listening)", "(#when-a-report-comes-in)").replace(
            "**safety**", "*safety*"
        ),
        encoding="utf-8",
    )
    built = build_site(content, **LANG_URLS)
    assert (built.status, built.problems()) == (0, [])
    page = BeautifulSoup((built.output / "es/steps.html").read_text("utf-8"), "html.parser")
    assert page.select(".checklist__outdated") == []

    # Reworded: its id, made from its words, changes too; or only its words.
    reworded = SOURCE.replace("Write the report down", "Write down the report")
    source.write_text(reworded.replace("Do not judge", "Do NOT judge"), "utf-8")
    built = build_site(content, **LANG_URLS)
    assert built.status == 0
    translation = content / "pages" / "steps.es.md"
    at = functools.partial(line_of, translation.read_text("utf-8"))
    assert built.problems() == [
        f"{translation}:{at('#write-the-report-down')}: warning: item 'write-the-report-down'"
        f" is outdated: {source} has reworded it since it was translated (its id is now"
        " 'write-down-the-report'), and now says \"Write down the report\"; translate it"
        " again, then refresh this file's records",
        f"{translation}:{at('#do-not-judge')}: warning: item 'do-not-judge' is outdated:"
        f' {source} has reworded it since it was translated, and now says "Do NOT judge";'
        " translate it again, then refresh this file's records",
    ]
    page = BeautifulSoup((built.output / "es/steps.html").read_text("utf-8"), "html.parser")
    marks = page.select(".checklist__item > details.checklist__outdated")
    outdated = [mark.find_parent("li")["id"] for mark in marks]
    assert outdated == ["write-the-report-down", "do-not-judge"]
    assert marks[0].summary.get_text() == "Outdated: show what the English says now"
    shown = marks[0].select_one(".checklist__source")
    assert (shown.get_text(), shown["lang"]) == ("Write down the report", "en")


def test_a_languages_words_are_checked_as_the_sites_are(build_site, tmp_path):
    content = write_site(tmp_path, {"steps.md": SOURCE})
    words = {
        "es": {"resett": "Reiniciar", "progress": "{hechos} de {total}"},
        "fr": "Réinitialiser",
    }
    built = build_site(content, HANDBOOK={"language_words": words})
    assert built.status == 1
    assert built.problems() == [
        "pelicanconf.py: HANDBOOK['language_words']['es'] has an unknown key 'resett'"
        " (did you mean 'reset'?)",
        "pelicanconf.py: HANDBOOK['language_words']['es']['progress'] has an unknown"
        " placeholder {hechos}; it takes {done}, {total}",
        "pelicanconf.py: HANDBOOK['language_words']['fr'] must be a dict of words, not"
        " 'Réinitialiser'",
    ]
