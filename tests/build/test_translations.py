"""A site in two languages: an English handbook with a Spanish translation, built with the theme.

Every page and both home pages switch language; each version lists the
others as hreflang alternates; a translation's links stay in Spanish where
they can, and say so where they cannot; its note says which text binds; its
words, menu, cards and form are Spanish; the offline cache holds both.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
from bs4 import BeautifulSoup

from tests.bilingual import BILINGUAL_CONTENT, STAFF, build_bilingual
from tests.build.test_html_valid import assert_valid_html

ENGLISH_ONLY = "conduct-attendee-procedure.html"
PAGES = {
    "index.html": "es/index.html",
    "code-of-conduct.html": "es/code-of-conduct.html",
    STAFF: f"es/{STAFF}",
    ENGLISH_ONLY: None,
}


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory):
    output = tmp_path_factory.mktemp("bilingual") / "output"
    result = build_bilingual(output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output, result


def soup(output, name: str) -> BeautifulSoup:
    return BeautifulSoup((output / name).read_text(encoding="utf-8"), "html.parser")


def resolved(name: str, href: str) -> str:
    """Return a relative link of page `name` as a path from the site's root."""
    parts = name.split("/")[:-1]
    for part in href.split("#")[0].split("/"):
        if part == "..":
            parts.pop()
        elif part not in (".", ""):
            parts.append(part)
    return "/".join(parts) + ("#" + href.split("#")[1] if "#" in href else "")


def test_the_two_languages_build_clean(bilingual):
    _, result = bilingual
    lines = (result.stdout + result.stderr).splitlines()
    assert [line for line in lines if "warning" in line or ": " in line and ".md:" in line] == []


def test_every_page_and_home_switches_to_its_version_or_the_other_home(bilingual):
    output, _ = bilingual
    for english, spanish in PAGES.items():
        for name in filter(None, (english, spanish)):
            links = soup(output, name).select("nav.language-switch a")
            shown = [(a.get_text(), a["lang"], resolved(name, a["href"])) for a in links]
            assert shown == [
                ("English", "en", english),
                ("Español", "es", spanish or "es/index.html"),
            ], name
            current = [a.get_text() for a in links if a.get("aria-current") == "true"]
            assert current == ["Español" if name.startswith("es/") else "English"], name


def test_each_version_lists_both_as_hreflang_alternates(bilingual):
    output, _ = bilingual
    cards = soup(output, "es/pocket-cards.html").select('link[rel="alternate"]')
    assert cards == []
    for english, spanish in PAGES.items():
        if spanish is None:
            alternates = soup(output, english).select('link[rel="alternate"][hreflang]')
            assert alternates == [], english
            continue
        for name in (english, spanish):
            alternates = soup(output, name).select('link[rel="alternate"][hreflang]')
            pairs = [(link["hreflang"], resolved(name, link["href"])) for link in alternates]
            assert pairs == [("en", english), ("es", spanish)], name


def test_each_page_says_its_language_and_speaks_it(bilingual):
    output, _ = bilingual
    for name in ("index.html", STAFF, "es/index.html", f"es/{STAFF}", "es/pocket-cards.html"):
        page = soup(output, name)
        lang = "es" if name.startswith("es/") else "en"
        assert page.html["lang"] == lang, name
        if name.endswith("pocket-cards.html"):
            continue
        nav = page.select_one("nav.site-nav")["aria-label"]
        assert nav == ("Documentos" if lang == "es" else "Documents"), name
        words = json.loads(page.select_one("#handbook-words").string)
        assert words["reset"] == ("Reiniciar" if lang == "es" else "Reset"), name


def test_the_spanish_menu_and_home_lead_to_spanish_pages_where_there_are_some(bilingual):
    output, _ = bilingual
    for name in ("es/index.html", f"es/{STAFF}"):
        page = soup(output, name)
        menu = [resolved(name, a["href"]) for a in page.select("nav.site-nav a")]
        assert menu == ["es/code-of-conduct.html", ENGLISH_ONLY, f"es/{STAFF}"], name
        assert resolved(name, page.select_one("a.site-name")["href"]) == "es/index.html"
    home = soup(output, "es/index.html")
    doors = [resolved("es/index.html", a["href"]) for a in home.select(".door__link")]
    assert sorted(doors) == sorted(["es/code-of-conduct.html", ENGLISH_ONLY, f"es/{STAFF}"])
    assert "Empieza aquí" in home.select_one(".lede").get_text()


def test_a_translations_links_go_to_spanish_pages_or_say_they_are_english(bilingual):
    output, _ = bilingual
    name = f"es/{STAFF}"
    links = soup(output, name).select(".prose a[href]")
    shown = [(resolved(name, a["href"]), a.get("hreflang")) for a in links]
    assert shown == [
        ("es/code-of-conduct.html", None),
        (f"{ENGLISH_ONLY}#how-to-report", "en"),
        ("es/code-of-conduct.html#what-we-ask", None),
    ]
    # The Spanish code of conduct's link into the staff procedure keeps its anchor,
    # which the Spanish procedure has too.
    code = soup(output, "es/code-of-conduct.html")
    href = resolved("es/code-of-conduct.html", code.select_one(".prose a")["href"])
    assert href == f"es/{STAFF}#when-taking-an-incident-report"
    assert soup(output, f"es/{STAFF}").find(id="when-taking-an-incident-report") is not None
    # The English pages keep their English links.
    english = [a["href"] for a in soup(output, STAFF).select(".prose a[href]")]
    assert all(not href.startswith("./es/") for href in english)


def test_a_translation_says_which_text_binds_and_an_original_does_not(bilingual):
    output, _ = bilingual
    for name in ("es/code-of-conduct.html", f"es/{STAFF}"):
        note = soup(output, name).select_one(".document .translation-note")
        assert note.get_text() == (
            "Traducido del inglés del 2026-11-20; donde difieran, rige el inglés."
        )
        assert note.time["datetime"] == "2026-11-20"
    assert soup(output, STAFF).select(".translation-note") == []


def test_a_tick_has_one_key_in_both_languages(bilingual):
    output, _ = bilingual

    def ids(name: str) -> list[str]:
        page = soup(output, name)
        found = page.select("[data-checklist], .checklist__item")
        return [page.body["data-page"]] + [e.get("data-checklist") or e["id"] for e in found]

    assert ids(f"es/{STAFF}") == ids(STAFF)


def test_each_language_has_its_cards_and_form_and_its_pages_link_them(bilingual):
    output, _ = bilingual
    for folder in ("", "es/"):
        page = soup(output, f"{folder}{STAFF}")
        prints = [resolved(f"{folder}{STAFF}", a["href"]) for a in page.select(".print-links a")]
        assert prints == [
            f"{folder}pocket-cards.html",
            f"{folder}pocket-cards.pdf",
            f"{folder}pocket-cards-letter.pdf",
            f"{folder}pocket-cards-a4.pdf",
            f"{folder}incident-report-form.html",
        ]
    cards = soup(output, "es/pocket-cards.html")
    titles = [title.get_text(" ", strip=True) for title in cards.select(".card__title")]
    assert any(title.startswith("Al tomar un reporte") for title in titles), titles
    form = soup(output, "es/incident-report-form.html")
    labels = " ".join(label.get_text(" ", strip=True) for label in form.select("label"))
    assert "Lugar del incidente" in labels and "Location" not in labels


def test_the_offline_cache_holds_every_language(bilingual):
    output, _ = bilingual
    script = (output / "sw.js").read_text(encoding="utf-8")
    cached = set(re.findall(r'"([^"]+\.(?:html|pdf))"', script))
    for name in (*[n for pair in PAGES.items() for n in pair if n], "es/pocket-cards.pdf"):
        assert name in cached, name


def test_both_languages_are_valid_html_an_outdated_mark_too(tmp_path):
    content = shutil.copytree(BILINGUAL_CONTENT, tmp_path / "content")
    source = content / "pages" / STAFF.replace(".html", ".md")
    source.write_text(
        source.read_text("utf-8").replace("Offer them water", "Offer them a glass of water"),
        encoding="utf-8",
    )
    result = build_bilingual(tmp_path / "output", content)
    assert result.returncode == 0, result.stdout + result.stderr
    marks = soup(tmp_path / "output", f"es/{STAFF}").select("details.checklist__outdated")
    assert [mark.find_parent("li")["id"] for mark in marks] == ["offer-them-water"]
    assert_valid_html(tmp_path / "output")
