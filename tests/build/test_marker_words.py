"""Every word the plugin and the theme write comes from the words catalog.

A site whose catalog replaces each word by a marker (`⟦reset⟧`, with the
word's placeholders) is built with every feature on: checklists, contacts,
split cards with their PDFs and sheets, the report form, a translation,
offline use; with the site's theme and with Pelican's own. Its content and
settings are in Polish, so any English left in what it writes (pages, their
JSON blocks, the scripts' strings, the CSS's printed text, the manifest, the
PDFs' text and metadata) or in what its scripts show in a browser was
written by code rather than by the catalog.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from urllib.parse import unquote

import pypdf
import pytest
from bs4 import BeautifulSoup, Comment
from handbook_site.words import THEME_WORDS as SITE_THEME_WORDS
from pelican.plugins.handbook.plurals import forms
from pelican.plugins.handbook.words import DEFAULT_WORDS, placeholders
from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.helpers import FIXTURE_ORGANIZATION, build

STEPS = "\n".join(f"1. Krok numer {n} procedury" for n in range(1, 12))
PROCEDURE = f"""Title: Procedura zespołu
Slug: procedura
Contacts: first
Summary: Jak zespół przyjmuje zgłoszenie.
Modified: 2026-11-20

Zacznij od [zasad]({{filename}}zasady.md#zasady-ogolne).

## Gdy ktoś zgłasza problem

{STEPS}

{{: .checklist-steps }}

## Nigdy

* Nie obiecuj wyniku
* Nie podawaj nazwiska

{{: .checklist-cautions }}

## Możliwe odpowiedzi

* Ostrzeżenie
* Usunięcie z wydarzenia

{{: .checklist-options }}

## Zgłoszenie

1. Gdzie to się stało
1. Kto był zaangażowany. Imiona, jeśli są znane
1. Opis zdarzenia: kiedy, gdzie, co

{{: .checklist-steps .report-form }}
"""
RULES = """Title: Zasady
Slug: zasady
Summary: Zasady naszych spotkań.

## Zasady ogólne {: #zasady-ogolne }

Szanuj innych. Wróć do [procedury]({filename}procedura.md).
"""
# A list with no heading or lead-in: its title is a word.
UNTITLED = """Title: Lista
Slug: lista
Checklists: steps

1. Pierwszy krok
1. Drugi krok
"""
# A translation: the language switch, the note of which text binds.
TRANSLATED = """Title: Reglas
Slug: zasady
Lang: es
Source_date: 2026-11-20

## Reglas generales {: #zasady-ogolne }

Respeta a los demás.
"""
CONTACT_EMAIL = "zespol@grupa-lorem.test"
ORGANIZATION = {
    "ORGANIZATION": "Grupa Lorem",
    "SITENAME": "Podręcznik Grupy Lorem",
    "CONDUCT_EMAIL": CONTACT_EMAIL,
    "LEADERS_EMAIL": "zarzad@grupa-lorem.test",
    "EMERGENCY_CONTACTS": [{"label": "Pogotowie", "phone": "112"}],
    "ORGANIZER_CONTACTS": [
        {"role": "Zespół", "email": CONTACT_EMAIL},
        {"role": "Dyżur", "name": "Ola Nowak", "phone": "+48 600 100 200"},
    ],
    "MENU_PAGES": ["procedura", "zasady"],
    "DEFAULT_LANG": "pl",
    "TIMEZONE": "Europe/Warsaw",
    # A published address: the contacts card gets its QR code and its words.
    "SITEURL": "https://grupa-lorem.test",
}


# Every word: the plugin's, and the site theme's (plugins/handbook_site).
CATALOG = {**DEFAULT_WORDS, **SITE_THEME_WORDS}


def marker(key: str) -> str:
    """Return a word's marker: its key, then each placeholder it takes."""
    takes = "".join(f" {{{name}}}" for name in sorted(placeholders(CATALOG[key])))
    return f"⟦{key}{takes}⟧"


MARKERS = {key: marker(key) for key in CATALOG}
# Each default's text between its placeholders is looked for, as a whole
# word, case and all; but pieces under four letters ("and", "of", "or",
# "Yes", "No", "at"): they are found in any text and code, and where they
# are a word on their own (the form's yes and no) a browser test reads them.
SHORTEST = 4
ENGLISH = sorted(
    {
        part.strip(" .,:;!?()“”\"'")
        for value in CATALOG.values()
        for text in forms(value)
        for part in re.split(r"\{\w*\}", text)
    }
    - {""},
    key=len,
    reverse=True,
)
LOOKED_FOR = [text for text in ENGLISH if len(text) >= SHORTEST]


# The site's theme, and Pelican's own, which gets the plugin's default templates.
@pytest.fixture(scope="module", params=["theme", "simple"])
def marked(request, tmp_path_factory) -> Path:
    """Build the Polish site whose every word is a marker; return its output."""
    folder = tmp_path_factory.mktemp("markers")
    pages = folder / "content" / "pages"
    pages.mkdir(parents=True)
    (pages / "procedura.md").write_text(PROCEDURE, encoding="utf-8")
    (pages / "zasady.md").write_text(RULES, encoding="utf-8")
    (pages / "lista.md").write_text(UNTITLED, encoding="utf-8")
    (pages / "zasady.es.md").write_text(TRANSLATED, encoding="utf-8")
    handbook = {**FIXTURE_ORGANIZATION["HANDBOOK"], "words": MARKERS, "short_name": "Lorem"}
    handbook["language_words"] = {"es": {"language_name": MARKERS["language_name"]}}
    handbook["app_description"] = "Podręcznik Grupy Lorem"
    settings = {**ORGANIZATION, "HANDBOOK": handbook, "THEME": request.param}
    if request.param == "simple":
        # Pelican's theme writes the content unescaped, as Pelican's default Jinja does.
        settings["JINJA_ENVIRONMENT"] = {"trim_blocks": True, "lstrip_blocks": True}
    return build(folder / "output", content=folder / "content", settings=settings)


def page_texts(html: str) -> list[str]:
    """Return what a page shows or says: text, JSON blocks, printed CSS strings, labels."""
    soup = BeautifulSoup(html, "html.parser")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    texts = []
    for style in soup.find_all("style"):
        texts += css_strings(style.get_text())
        style.extract()
    for script in soup.find_all("script"):
        if script.get("type") in ("application/json", "application/ld+json"):
            texts += json_strings(json.loads(script.get_text()))
        script.extract()
    texts += soup.get_text("\n").splitlines()
    for tag in soup.find_all(True):
        for name in ("title", "alt", "aria-label", "placeholder", "content", "data-title"):
            if tag.get(name):
                texts.append(tag[name])
    return texts


def json_strings(value) -> list[str]:
    """Return every string value in a JSON value (its keys are names, never shown)."""
    if isinstance(value, dict):
        return [s for item in value.values() for s in json_strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in json_strings(item)]
    return [value] if isinstance(value, str) else []


def css_strings(css: str) -> list[str]:
    """Return the strings CSS prints (`content: "..."`), not its selectors' values."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    printed = " ".join(re.findall(r"\bcontent:([^;}]*)", css))
    return re.findall(r'"((?:[^"\\]|\\.)*)"', printed)


def script_strings(script: str) -> list[str]:
    """Return a script's string literals, but its fallback English and its comments."""
    script = re.sub(r"^const ENGLISH = \{\n.*?^\};", "", script, flags=re.M | re.S)
    script = re.sub(r"/\*.*?\*/", "", script, flags=re.S)
    script = re.sub(r"^\s*//.*$", "", script, flags=re.M)
    found = re.findall(r"\"((?:[^\"\\]|\\.)*)\"|'((?:[^'\\]|\\.)*)'|`([^`]*)`", script)
    strings = [re.sub(r"\$\{[^}]*\}", " ", "".join(parts)) for parts in found]
    # A lowercase word alone is a name (an event, a key, a class), never shown.
    return [text for text in strings if not re.fullmatch(r"[a-z_]+", text)]


def pdf_texts(path: Path) -> list[str]:
    reader = pypdf.PdfReader(path)
    return [page.extract_text() for page in reader.pages] + [str(reader.metadata or {})]


def written_texts(output: Path) -> dict[str, list[str]]:
    """Return each written file's texts a reader may meet, by its path in the output."""
    found = {}
    for path in sorted(output.rglob("*")):
        name = path.relative_to(output).as_posix()
        if path.suffix == ".html":
            found[name] = page_texts(path.read_text(encoding="utf-8"))
        elif path.suffix == ".js":
            found[name] = script_strings(path.read_text(encoding="utf-8"))
        elif path.suffix == ".css":
            found[name] = css_strings(path.read_text(encoding="utf-8"))
        elif path.suffix in (".webmanifest", ".json"):
            found[name] = json_strings(json.loads(path.read_text(encoding="utf-8")))
        elif path.suffix == ".pdf":
            found[name] = pdf_texts(path)
    return found


@functools.lru_cache(maxsize=1)
def english_pattern() -> re.Pattern:
    return re.compile("|".join(rf"\b{re.escape(text)}\b" for text in LOOKED_FOR))


# Words the plugin writes whatever the theme, then those the site's theme adds.
PLUGIN_WORDS = ("cards_intro", "card_part", "form_told", "form_examples", "cards_qr")
THEME_WORDS = ("skip_link", "progress", "checklist_title", "translation_note", "languages")


def test_the_markers_reach_every_kind_of_output(marked):
    texts = written_texts(marked)
    assert "pocket-cards.pdf" in texts and "pocket-cards-letter.pdf" in texts
    assert "incident-report-form.html" in texts and "sw.js" in texts
    everything = "\n".join(text for found in texts.values() for text in found)
    # Page, card, PDF and form words; the scripts' words in the pages' JSON.
    site_theme = (marked / "theme" / "css" / "site.css").is_file()
    for key in PLUGIN_WORDS + (THEME_WORDS if site_theme else ()):
        assert f"⟦{key}" in everything, key
    assert "⟦card_part" in "\n".join(pdf_texts(marked / "pocket-cards.pdf"))


def test_no_english_default_is_written_by_code(marked):
    assert {"Reset", "Who to call", "Incident report form", "Saved copy of"} <= set(LOOKED_FOR)
    left = {}
    for name, texts in written_texts(marked).items():
        # A word the script fills in keeps its placeholders' names ({done}).
        texts = [re.sub(r"\{\w+\}", "", text) for text in texts]
        hits = sorted({hit for text in texts for hit in english_pattern().findall(text)})
        if hits:
            left[name] = hits
    assert left == {}


def shown_by_the_scripts(browser, url: str) -> list[str]:
    """Tick a step, reset a checklist, fill and wipe the form; return what a reader saw."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    seen = []
    page.on("dialog", lambda dialog: (seen.append(dialog.message), dialog.accept()))
    page.goto(f"{url}/procedura.html")
    steps = page.locator(".checklist--steps").first
    steps.locator(".checklist__box").first.check()
    expect(steps.locator(".checklist__status")).to_contain_text("⟦progress")
    seen.append(page.locator("body").inner_text())
    steps.locator("[data-checklist-action=reset]").click()
    page.goto(f"{url}/incident-report-form.html")
    page.locator("textarea.field__input").first.fill("Coś się stało")
    page.locator("input[type=radio]").first.check()
    # The report as the email link carries it, answers and all.
    seen.append(unquote(page.locator("[data-action=email]").get_attribute("href")))
    page.locator("button[type=reset]").click()
    expect(page.locator(".report-form__status")).to_contain_text("⟦form_wiped")
    seen.append(page.locator("body").inner_text())
    context.close()
    return seen


# Pelican's own theme loads no script.
@pytest.mark.parametrize("marked", ["theme"], indirect=True)
def test_what_the_scripts_show_is_the_catalogs(browser, serve, marked):
    seen = shown_by_the_scripts(browser, serve(marked))
    assert any("⟦confirm_reset" in text for text in seen)
    assert any("⟦form_confirm_wipe" in text for text in seen)
    assert any("⟦form_anonymous⟧:\n⟦form_yes⟧\n" in text for text in seen)
    hits = {hit for text in seen for hit in english_pattern().findall(text)}
    assert sorted(hits) == []
