"""Checklists for every hand: keyboard, no JavaScript, axe, 44 px tap targets."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.browser.test_checklist_state import ASK, FIRST, STAFF, box, open_staff, status, tick
from tests.helpers import BOX


def test_space_toggles_the_focused_item(phone, site_url):
    page = open_staff(phone, site_url)
    box(page, ASK).focus()
    page.keyboard.press("Space")
    expect(box(page, ASK)).to_be_checked()
    expect(status(page, FIRST)).to_have_text("1 of 7 done")
    page.keyboard.press("Space")
    expect(box(page, ASK)).not_to_be_checked()


def focused_name(page) -> str | None:
    return page.evaluate(
        "document.activeElement.matches('.checklist__items input') ? "
        "document.activeElement.closest('li').id : null"
    )


def test_tab_reaches_every_item_with_a_visible_focus_outline(desktop, site_url):
    page = open_staff(desktop, site_url)
    names = page.locator(BOX).evaluate_all("boxes => boxes.map(box => box.closest('li').id)")
    reached = []
    # Links and buttons sit between the items: allow for them, stop once all are reached.
    for _ in range(len(names) + 80):
        if len(reached) == len(names):
            break
        page.keyboard.press("Tab")
        name = focused_name(page)
        if name:
            reached.append(name)
            outline = page.evaluate(
                "getComputedStyle(document.activeElement.closest('label')).outlineStyle"
            )
            assert outline != "none", f"no visible focus on {name}"
    assert reached == names


def test_without_javascript_every_checkbox_is_there_and_tickable(browser, site_url):
    context = browser.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/{STAFF}")
    boxes = page.locator(BOX)
    assert boxes.count() >= 30
    expect(page.locator(".incident, .checklist__tools, .checklist__time")).to_have_count(0)
    page.locator(f"#{ASK} .checklist__text").tap()
    expect(box(page, ASK)).to_be_checked()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_with_items_ticked(browser, site_url, scheme):
    context = browser.new_context(**PHONE, color_scheme=scheme)
    page = open_staff(context, site_url)
    for item_id in (ASK, "ensure-the-reporters-safety", "current-date-and-time"):
        tick(page, item_id)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Start over").tap()
    tick(page, ASK)
    violations = Axe().run(page).response["violations"]
    context.close()
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == []


def test_every_tap_target_is_at_least_44px_tall(phone, site_url):
    page = open_staff(phone, site_url)
    targets = page.locator(".checklist__label, .checklist-button")
    assert targets.count() >= 30 + 6 + 2
    short = targets.evaluate_all(
        """targets => targets
            .map(t => [t.textContent.trim().slice(0, 40), t.getBoundingClientRect().height])
            .filter(([, height]) => height < 44)"""
    )
    assert short == []


def test_a_tap_anywhere_on_the_row_ticks_it(phone, site_url):
    page = open_staff(phone, site_url)
    row = page.locator(f"#{ASK} .checklist__label")
    size = row.bounding_box()
    # The far right of the row, away from both the box and the words.
    row.tap(position={"x": size["width"] - 4, "y": size["height"] / 2})
    expect(box(page, ASK)).to_be_checked()


def test_only_the_checklist_that_changed_is_announced(phone, site_url):
    page = open_staff(phone, site_url)
    # Screen readers speak a live region each time its text is replaced.
    page.evaluate(
        """() => {
        window.__spoken = [];
        for (const region of document.querySelectorAll('[aria-live]')) {
          new MutationObserver(() => window.__spoken.push(region.textContent))
            .observe(region, {childList: true, characterData: true, subtree: true});
        }
      }"""
    )
    tick(page, ASK)
    expect(status(page, FIRST)).to_have_text("1 of 7 done")
    assert page.evaluate("window.__spoken") == ["1 of 7 done"]
