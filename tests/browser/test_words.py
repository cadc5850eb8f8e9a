"""The wording a site sets in HANDBOOK["words"] reaches what the checklist script shows."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.browser.test_quality_gates import WATCH_CSP
from tests.helpers import build_handbook, without_printouts

WORDS = {
    "reset": "Clear",
    "confirm_reset": "Untick every step of “{title}”?",
    "progress": "{done}/{total} ticked",
    "start_incident": "New incident",
}


@pytest.fixture(scope="module")
def worded(tmp_path_factory, serve):
    """The fixture handbook built with WORDS over its organization's words; its folder and URL."""
    # A HANDBOOK given on the command line replaces the whole dict: keep the
    # fixture organization's, never the fork's own (its pelicanconf.py, its content).
    # No printouts: the words tested are the checklist script's, on the staff page.
    handbook = without_printouts()
    settings = {"HANDBOOK": {**handbook, "words": {**handbook["words"], **WORDS}}}
    output = build_handbook(tmp_path_factory.mktemp("words") / "output", settings=settings)
    return output, serve(output)


def with_checklists(output) -> list[tuple[str, int]]:
    """Return each page with tickable checklists, and how many checklists it has."""
    found = []
    for path in sorted(output.glob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if soup.select(".checklist--steps[data-module=checklist]"):
            found.append((path.name, len(soup.select("[data-module=checklist]"))))
    return found


def test_a_site_word_names_the_reset_buttons_and_the_progress(browser, worded):
    output, url = worded
    pages = with_checklists(output)
    assert pages, "no page with checklists"
    for name, count in pages:
        check_words_on(browser, f"{url}/{name}", count)


def check_words_on(browser, address: str, count: int) -> None:
    """Open one page with checklists and check that it says WORDS, not the defaults."""
    context = browser.new_context(**PHONE)
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(address)
    expect(page.locator("[data-checklist-action=reset]")).to_have_count(count)
    expect(page.get_by_role("button", name=re.compile(r"^Clear\b"))).to_have_count(count)
    expect(page.get_by_role("button", name=re.compile(r"^Reset\b"))).to_have_count(0)
    expect(page.get_by_role("button", name="New incident")).to_be_visible()
    steps = page.locator(".checklist--steps").first
    total = steps.locator(".checklist__box").count()
    expect(steps.locator(".checklist__status")).to_have_text(f"0/{total} ticked")
    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.dismiss()))
    steps.locator("[data-checklist-action=reset]").tap()
    expect(steps.locator(".checklist__status")).to_have_text(f"0/{total} ticked")
    assert messages == [f"Untick every step of “{steps.get_attribute('aria-label')}”?"], address
    assert page.evaluate("window.__cspViolations") == [], address
    assert errors == [], address
    context.close()


def test_without_the_words_block_the_script_speaks_its_english(browser, worded):
    """A theme that does not include handbook/words.html still gets working buttons."""
    output, url = worded
    name, count = with_checklists(output)[0]
    html = (output / name).read_text(encoding="utf-8")
    block = r'<script type="application/json" id="handbook-words">.*?</script>'
    stripped, removed = re.subn(block, "", html)
    assert removed == 1
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.route(
        f"{url}/{name}",
        lambda route: route.fulfill(status=200, content_type="text/html", body=stripped),
    )
    page.goto(f"{url}/{name}")
    expect(page.get_by_role("button", name=re.compile(r"^Reset\b"))).to_have_count(count)
    expect(page.get_by_role("button", name="Start over")).to_be_visible()
    expect(page.locator(".checklist--steps .checklist__status").first).to_have_text(
        re.compile(r"^0 of \d+ done$")
    )
    context.close()
