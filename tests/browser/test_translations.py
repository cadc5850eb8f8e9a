"""Two languages on a phone: the switch, a tick seen in both, an outdated step one tap away."""

from __future__ import annotations

import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.bilingual import BILINGUAL_CONTENT, STAFF, build_bilingual

ASK = "ask-the-reporter-if-they-want-to-go-to-a-quiet-space"
WATER = "offer-them-water"
REPORT = "report-the-incident-to-the-lead-incident-responders"


@pytest.fixture(scope="module")
def bilingual_url(tmp_path_factory, serve) -> str:
    """The two-language site, with one English step reworded since it was translated."""
    folder = tmp_path_factory.mktemp("bilingual-browser")
    content = shutil.copytree(BILINGUAL_CONTENT, folder / "content")
    source = content / "pages" / STAFF.replace(".html", ".md")
    text = source.read_text(encoding="utf-8")
    # Reworded (its id changes with its words): the Spanish step is outdated.
    reworded = "1. Report the incident to the lead incident responders, at once"
    source.write_text(
        text.replace("1. Report the incident to the lead incident responders", reworded),
        encoding="utf-8",
    )
    # The cards in both languages are tested in tests/build/test_translations.py.
    result = build_bilingual(folder / "output", content, printouts=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return serve(folder / "output")


def box(page: Page, item_id: str):
    return page.locator(f"#{item_id} .checklist__box")


def test_a_tick_made_in_english_shows_in_spanish_and_back(phone, bilingual_url):
    page = phone.new_page()
    page.goto(f"{bilingual_url}/{STAFF}")
    page.locator(f"#{ASK} .checklist__text").tap()
    expect(box(page, ASK)).to_be_checked()
    # Mid-incident, the responder switches to Spanish.
    page.get_by_role("navigation", name="Languages").get_by_role("link", name="Español").tap()
    expect(page).to_have_url(f"{bilingual_url}/es/{STAFF}")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(box(page, ASK)).to_be_checked()
    expect(box(page, WATER)).not_to_be_checked()
    page.locator(f"#{WATER} .checklist__text").tap()
    page.get_by_role("navigation", name="Idiomas").get_by_role("link", name="English").tap()
    expect(page).to_have_url(f"{bilingual_url}/{STAFF}")
    expect(box(page, ASK)).to_be_checked()
    expect(box(page, WATER)).to_be_checked()


def test_the_home_page_switches_to_the_spanish_home(phone, bilingual_url):
    page = phone.new_page()
    page.goto(f"{bilingual_url}/index.html")
    page.get_by_role("navigation", name="Languages").get_by_role("link", name="Español").tap()
    expect(page).to_have_url(f"{bilingual_url}/es/index.html")
    expect(page.locator(".lede")).to_contain_text("Empieza aquí")
    current = page.get_by_role("navigation", name="Idiomas").locator('[aria-current="true"]')
    expect(current).to_have_text("Español")


def test_an_outdated_step_shows_the_english_now_in_one_tap(phone, bilingual_url):
    page = phone.new_page()
    page.goto(f"{bilingual_url}/es/{STAFF}")
    mark = page.locator(f"#{REPORT} .checklist__outdated")
    english = mark.locator(".checklist__source")
    expect(english).to_be_hidden()
    mark.locator("summary").tap()
    expect(english).to_be_visible()
    expect(english).to_have_text("Report the incident to the lead incident responders, at once")
    expect(english).to_have_attribute("lang", "en")
    # Opening it ticks nothing.
    expect(box(page, REPORT)).not_to_be_checked()
    expect(page.locator(".checklist__outdated")).to_have_count(1)
    # The mark, the switch and the note as a screen reader and a phone meet them.
    assert Axe().run(page).response["violations"] == []
    assert mark.locator("summary").bounding_box()["height"] >= 44
