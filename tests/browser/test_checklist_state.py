"""Checklists on a phone: ticks and their times are kept, reset and copied."""

from __future__ import annotations

import json
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.browser.conftest import PHONE
from tests.helpers import BOX

STAFF = "conduct-staff-procedure.html"
KEY = "handbook-checklists:conduct-staff-procedure"
# The fixture site's TIMEZONE: a phone there shows times without a zone.
ZONE = ZoneInfo("America/Chicago")
FIRST = "when-taking-an-incident-report"
ASK = "ask-the-reporter-if-they-want-to-go-to-a-quiet-space"
LISTEN = "be-an-active-listener-and-dont-use-judgement-words"
SEEK = "seek-additional-emergency-resources-as-needed"
GATHER_DATE = "current-date-and-time"


def at(hour: int, minute: int) -> datetime:
    return datetime(2026, 11, 25, hour, minute, tzinfo=ZONE)


@pytest.fixture
def profile(browser):
    """A fresh phone profile in the site's time zone (times shown are local)."""
    context = browser.new_context(**PHONE, timezone_id="America/Chicago")
    yield context
    context.close()


@pytest.fixture
def errors() -> list[str]:
    """Uncaught page errors; each test that uses it ends by asserting none."""
    return []


def open_staff(context, site_url: str, errors: list[str] | None = None) -> Page:
    page = context.new_page()
    if errors is not None:
        page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}/{STAFF}")
    expect(page.locator(".incident")).to_be_visible()
    return page


def tick(page: Page, item_id: str, when: datetime | None = None) -> None:
    """Tap an item's text (not its box) at the given time."""
    if when:
        page.clock.set_fixed_time(when)
    page.locator(f"#{item_id} .checklist__text").tap()


def box(page: Page, item_id: str):
    return page.locator(f"#{item_id} .checklist__box")


def stamp(page: Page, item_id: str):
    return page.locator(f"#{item_id} .checklist__time")


def status(page: Page, checklist_id: str):
    return page.locator(f'[data-checklist="{checklist_id}"] .checklist__status')


def saved(page: Page) -> dict | None:
    text = page.evaluate(f"localStorage.getItem({json.dumps(KEY)})")
    return json.loads(text) if text else None


def test_three_taps_survive_a_reload_with_their_times(profile, site_url, errors):
    page = open_staff(profile, site_url, errors)
    tick(page, ASK, at(14, 5))
    tick(page, SEEK, at(14, 7))
    tick(page, GATHER_DATE, at(14, 9))
    page.reload()
    for item_id, shown in ((ASK, "14:05"), (SEEK, "14:07"), (GATHER_DATE, "14:09")):
        expect(box(page, item_id)).to_be_checked()
        expect(stamp(page, item_id)).to_have_text(shown)
        expect(stamp(page, item_id)).to_be_visible()
    expect(box(page, LISTEN)).not_to_be_checked()
    expect(stamp(page, LISTEN)).to_be_hidden()
    expect(status(page, FIRST)).to_have_text("2 of 7 done")
    expect(status(page, FIRST)).to_have_attribute("aria-live", "polite")
    iso = stamp(page, ASK).get_attribute("datetime")
    assert datetime.fromisoformat(iso.replace("Z", "+00:00")) == at(14, 5)
    assert errors == []


def test_storage_holds_ids_and_times_only_never_text(profile, site_url):
    page = open_staff(profile, site_url)
    tick(page, ASK, at(14, 5))
    state = saved(page)
    assert set(state) <= {"started", "built", "ticks"}
    # Each tick under its checklist's id and its item's.
    assert state["ticks"] == {f"{FIRST} {ASK}": {"at": "2026-11-25T20:05:00.000Z"}}
    assert "quiet space" not in json.dumps(state)


def test_a_fresh_profile_starts_clean(browser, profile, site_url):
    tick(open_staff(profile, site_url), ASK)
    other = browser.new_context(**PHONE)
    page = open_staff(other, site_url)
    expect(page.locator(f"{BOX}:checked")).to_have_count(0)
    expect(status(page, FIRST)).to_have_text("0 of 7 done")
    expect(page.locator(".incident__start")).to_have_text("No start time on this device.")
    other.close()


def test_the_next_step_is_highlighted_and_moves_on(profile, site_url):
    page = open_staff(profile, site_url)
    current = page.locator('[aria-current="step"]')
    expect(current).to_have_count(1)
    expect(current).to_have_id(ASK)
    tick(page, ASK)
    expect(current).to_have_id(LISTEN)
    expect(current).to_have_class(re.compile(r"\bchecklist__item--next\b"))


def test_reset_clears_one_checklist_only_after_confirming(profile, site_url):
    page = open_staff(profile, site_url)
    tick(page, ASK)
    tick(page, GATHER_DATE)
    reset = page.locator(f'[data-checklist="{FIRST}"] [data-checklist-action="reset"]')
    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.dismiss()))
    reset.tap()
    expect(box(page, ASK)).to_be_checked()
    page.once("dialog", lambda dialog: dialog.accept())
    reset.tap()
    expect(box(page, ASK)).not_to_be_checked()
    expect(box(page, GATHER_DATE)).to_be_checked()
    assert "When taking an incident report" in messages[0]
    page.reload()
    expect(box(page, ASK)).not_to_be_checked()
    expect(status(page, FIRST)).to_have_text("0 of 7 done")


def test_starting_over_clears_the_page_after_confirming_and_shows_its_start(profile, site_url):
    page = open_staff(profile, site_url)
    tick(page, ASK)
    tick(page, GATHER_DATE)
    start = page.get_by_role("button", name="Start over")
    page.once("dialog", lambda dialog: dialog.dismiss())
    start.tap()
    expect(page.locator(f"{BOX}:checked")).to_have_count(2)
    page.clock.set_fixed_time(at(21, 30))
    page.once("dialog", lambda dialog: dialog.accept())
    start.tap()
    expect(page.locator(f"{BOX}:checked")).to_have_count(0)
    started = page.locator(".incident__start")
    expect(started).to_have_text("Started 2026-11-25 at 21:30.")
    page.reload()
    expect(page.locator(f"{BOX}:checked")).to_have_count(0)
    expect(started).to_have_text("Started 2026-11-25 at 21:30.")


TIMELINE = (
    "Started: 2026-11-25 14:00\n"
    "Times in CST (America/Chicago)\n"
    "14:06 Ask the reporter if they want to go to a quiet space\n"
    "14:02 Seek additional emergency resources as needed\n"
    "14:09 Current date and time"
)


def start_and_tick(page: Page) -> None:
    """Start over at 14:00, then tick three steps out of document order."""
    page.clock.set_fixed_time(at(14, 0))
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Start over").tap()
    tick(page, SEEK, at(14, 2))
    tick(page, ASK, at(14, 6))
    tick(page, GATHER_DATE, at(14, 9))


def test_copy_timeline_gives_ticked_steps_in_document_order_with_times(profile, site_url):
    profile.grant_permissions(["clipboard-read", "clipboard-write"])
    page = open_staff(profile, site_url)
    start_and_tick(page)
    page.get_by_role("button", name="Copy timeline").tap()
    expect(page.locator(".incident__message")).to_have_text("Timeline copied.")
    assert page.evaluate("navigator.clipboard.readText()") == TIMELINE


def test_copy_timeline_shows_the_text_when_the_clipboard_refuses(profile, site_url, errors):
    profile.add_init_script(
        "navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));"
    )
    page = open_staff(profile, site_url, errors)
    start_and_tick(page)
    page.get_by_role("button", name="Copy timeline").tap()
    timeline = page.get_by_label("Timeline")
    expect(timeline).to_be_visible()
    expect(timeline).to_have_value(TIMELINE)
    assert Axe().run(page).response["violations"] == []
    assert errors == []


BROKEN_STORAGE = {
    "storage that throws": """
        Object.defineProperty(window, "localStorage", {
          get() { throw new DOMException("denied", "SecurityError"); },
        });
    """,
    "storage that is full": """
        Storage.prototype.setItem = () => {
          throw new DOMException("full", "QuotaExceededError");
        };
    """,
    "corrupt JSON": f"""
        localStorage.setItem({json.dumps(KEY)}, '{{"ticks": [oops');
    """,
    "JSON of the wrong shape": f"""
        localStorage.setItem({json.dumps(KEY)}, '{{"ticks": ["{ASK}"], "started": 5}}');
    """,
}


@pytest.mark.parametrize("storage", BROKEN_STORAGE)
def test_broken_storage_leaves_the_checklists_working(profile, site_url, errors, storage):
    profile.add_init_script(BROKEN_STORAGE[storage])
    page = open_staff(profile, site_url, errors)
    expect(page.locator(f"{BOX}:checked")).to_have_count(0)
    tick(page, ASK, at(14, 5))
    tick(page, LISTEN, at(14, 6))
    expect(box(page, ASK)).to_be_checked()
    expect(stamp(page, LISTEN)).to_have_text("14:06")
    expect(status(page, FIRST)).to_have_text("2 of 7 done")
    tick(page, ASK)
    expect(box(page, ASK)).not_to_be_checked()
    warning = page.get_by_text(NOT_SAVING)
    expect(warning).to_have_count(1 if storage.startswith("storage that") else 0)
    assert errors == []


NOT_SAVING = "This browser is not saving ticks: keep this page open."
# Storage that is full until the page sets window.roomAgain.
FULL_FOR_NOW = """
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (...args) {
      if (!window.roomAgain) throw new DOMException("full", "QuotaExceededError");
      return setItem.apply(this, args);
    };
"""


def test_the_not_saving_warning_stays_until_a_tick_is_saved_again(profile, site_url):
    profile.grant_permissions(["clipboard-read", "clipboard-write"])
    profile.add_init_script(FULL_FOR_NOW)
    page = open_staff(profile, site_url)
    tick(page, ASK)
    warning = page.get_by_text(NOT_SAVING)
    expect(warning).to_be_visible()
    page.get_by_role("button", name="Copy timeline").tap()
    expect(page.locator(".incident__message")).to_have_text("Timeline copied.")
    expect(warning).to_be_visible()
    tick(page, LISTEN)
    expect(warning).to_be_visible()
    page.evaluate("window.roomAgain = true")
    tick(page, SEEK)
    expect(warning).to_have_count(0)
    page.reload()
    for item_id in (ASK, LISTEN, SEEK):
        expect(box(page, item_id)).to_be_checked()


def test_times_say_their_zone_on_a_phone_in_another_zone(browser, site_url):
    context = browser.new_context(**PHONE, timezone_id="Europe/Berlin")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = open_staff(context, site_url)
    berlin = ZoneInfo("Europe/Berlin")
    page.clock.set_fixed_time(datetime(2026, 11, 25, 21, 0, tzinfo=berlin))
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Start over").tap()
    tick(page, ASK, datetime(2026, 11, 25, 21, 4, tzinfo=berlin))
    expect(stamp(page, ASK)).to_have_text("21:04 GMT+1")
    expect(page.locator(".incident__start")).to_have_text("Started 2026-11-25 at 21:00 GMT+1.")
    page.get_by_role("button", name="Copy timeline").tap()
    expect(page.locator(".incident__message")).to_have_text("Timeline copied.")
    assert page.evaluate("navigator.clipboard.readText()") == (
        "Started: 2026-11-25 21:00\n"
        "Times in GMT+1 (Europe/Berlin)\n"
        "21:04 Ask the reporter if they want to go to a quiet space"
    )
    context.close()


def test_ids_no_longer_in_the_content_are_dropped_from_saved_state(profile, site_url):
    page = open_staff(profile, site_url)
    old = {"started": None, "ticks": {"a-step-since-removed": "2026-11-25T19:00:00.000Z"}}
    old["ticks"][ASK] = "2026-11-25T19:05:00.000Z"
    page.evaluate(f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(json.dumps(old))})")
    page.reload()
    expect(box(page, ASK)).to_be_checked()
    expect(stamp(page, ASK)).to_have_text("13:05")
    # Kept under the new scheme, checklist and item: no text, no removed step.
    assert saved(page)["ticks"] == {f"{FIRST} {ASK}": {"at": "2026-11-25T19:05:00.000Z"}}
