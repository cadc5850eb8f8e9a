"""Every tick on its own step: across tabs, back and forward, focus, and a rebuild with twins."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CHROMIUM_ARGS, PHONE, chromium_path
from tests.browser.host import Host
from tests.browser.test_checklist_state import ASK, FIRST, KEY, LISTEN, box, open_staff
from tests.browser.test_checklist_state import status as progress
from tests.helpers import BOX, FIXTURE_ORGANIZATION, build

TICKED = (
    "() => [...document.querySelectorAll('.checklist__box:checked')].map((b) => b.closest('li').id)"
)
ALL_STEPS = "() => [...document.querySelectorAll('.checklist__box')].map((b) => b.closest('li').id)"

# Taps the item `id` at the wall-clock time `at` (ms since 1970): two tabs
# given the same `at` tick within a millisecond or two of each other.
TAP_AT = """([id, at]) => new Promise((resolve) => setTimeout(() => {
  document.querySelector(`#${id} .checklist__text`).click();
  resolve();
}, Math.max(0, at - Date.now())))"""


def test_two_tabs_ticking_at_the_same_moment_keep_each_others_ticks(phone, site_url):
    first = open_staff(phone, site_url)
    second = open_staff(phone, site_url)
    steps = first.evaluate(ALL_STEPS)
    rounds = len(steps) // 2
    assert rounds >= 15
    for number in range(rounds):
        at = first.evaluate("Date.now()") + 150
        # Both taps are scheduled before either runs.
        first.evaluate(f"(args) => {{ ({TAP_AT})(args); }}", [steps[2 * number], at])
        second.evaluate(TAP_AT, [steps[2 * number + 1], at])
        first.wait_for_timeout(100)
    expected = sorted(steps[: 2 * rounds])
    for page in (first, second):
        expect(page.locator(f"{BOX}:checked")).to_have_count(len(expected))
        assert sorted(page.evaluate(TICKED)) == expected
    page = open_staff(phone, site_url)
    assert sorted(page.evaluate(TICKED)) == expected


def test_a_tab_shows_what_storage_holds_when_it_gets_the_focus(phone, site_url):
    page = open_staff(phone, site_url)
    page.locator(f"#{ASK} .checklist__text").click()
    # Storage changed while the page heard nothing of it (a tab the phone had
    # frozen): a minute later, ASK was unticked and LISTEN ticked.
    later = page.evaluate("new Date(Date.now() + 60000).toISOString()")
    state = {
        "started": None,
        "ticks": {f"{FIRST} {ASK}": {"at": later, "off": True}, f"{FIRST} {LISTEN}": {"at": later}},
    }
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, json.dumps(state)])
    page.evaluate("window.dispatchEvent(new Event('focus'))")
    expect(box(page, LISTEN)).to_be_checked()
    expect(box(page, ASK)).not_to_be_checked()
    expect(progress(page, FIRST)).to_have_text("1 of 7 done")


@pytest.fixture
def no_bfcache(browser):
    """A Chromium without the back/forward cache: going back loads the page again."""
    other = browser.browser_type.launch(
        executable_path=chromium_path(),
        args=[*CHROMIUM_ARGS, "--disable-features=BackForwardCache"],
    )
    yield other.new_context(**PHONE)
    other.close()


def test_back_without_the_back_forward_cache_shows_the_ticks_storage_holds(no_bfcache, site_url):
    page = open_staff(no_bfcache, site_url)
    page.locator(f"#{ASK} .checklist__text").click()
    page.goto(f"{site_url}/code-of-conduct.html")
    # Meanwhile another tab unticks ASK and ticks LISTEN.
    other = open_staff(no_bfcache, site_url)
    other.locator(f"#{ASK} .checklist__text").click()
    other.locator(f"#{LISTEN} .checklist__text").click()
    other.close()
    page.go_back()
    expect(progress(page, FIRST)).to_have_text("1 of 7 done")
    page.wait_for_timeout(500)
    assert page.evaluate(TICKED) == [LISTEN]
    expect(box(page, ASK)).not_to_be_checked()


# A page whose two checklists share a step, as the same words.
TWINS = {
    "both": ("Greet them", "Offer to get them water"),
    "first_only_greets": ("Greet them",),
}
LATER = ("Offer to get them water", "Call a lead responder")
WATER = "offer-to-get-them-water"


def twins_page(greeting: tuple[str, ...]) -> str:
    lines = ["Title: Twins", "slug: twins", "Checklists: steps", "", "## Greeting", ""]
    lines += [f"1. {step}" for step in greeting] + ["", "## Later", ""]
    lines += [f"1. {step}" for step in LATER]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def twins(tmp_path_factory):
    """The twins page built with and without the first checklist's twin, on one host."""
    folder = tmp_path_factory.mktemp("twins")
    handbook = {**FIXTURE_ORGANIZATION["HANDBOOK"], "offline": False, "printouts": False}
    builds = {}
    for name, greeting in TWINS.items():
        content = folder / name / "content"
        (content / "pages").mkdir(parents=True)
        (content / "pages" / "twins.md").write_text(twins_page(greeting), encoding="utf-8")
        builds[name] = build(
            folder / name / "output", content=content, settings={"HANDBOOK": handbook}
        )
    host = Host(builds["both"], "no-store")
    yield host, builds
    host.close()


def water_in(page, checklist: str):
    return page.locator(f'[data-checklist="{checklist}"] li:has-text("Offer to get them water")')


def open_twins(context, host, builds, name: str):
    host.folder = builds[name]
    page = context.new_page()
    page.goto(f"{host.url}/twins.html")
    expect(page.locator(".incident")).to_be_visible()
    return page


@pytest.mark.parametrize("ticked_in", ["greeting", "later"])
def test_a_tick_stays_with_its_step_when_a_twin_is_removed(browser, twins, ticked_in):
    host, builds = twins
    context = browser.new_context(**PHONE)
    page = open_twins(context, host, builds, "both")
    assert water_in(page, "greeting").get_attribute("id") == WATER
    assert water_in(page, "later").get_attribute("id") == f"{WATER}_1"
    water_in(page, ticked_in).locator(".checklist__text").click()

    page = open_twins(context, host, builds, "first_only_greets")
    expect(water_in(page, "greeting")).to_have_count(0)
    assert water_in(page, "later").get_attribute("id") == WATER
    later_box = water_in(page, "later").locator(".checklist__box")
    if ticked_in == "later":
        expect(later_box).to_be_checked()
    else:
        # Its step is gone: the twin that is left was never ticked.
        expect(later_box).not_to_be_checked()
    expect(page.locator(f"{BOX}:checked")).to_have_count(1 if ticked_in == "later" else 0)
    context.close()


def test_a_tick_stays_with_its_step_when_a_twin_is_added_before_it(browser, twins):
    host, builds = twins
    context = browser.new_context(**PHONE)
    page = open_twins(context, host, builds, "first_only_greets")
    water_in(page, "later").locator(".checklist__text").click()
    assert water_in(page, "later").get_attribute("id") == WATER

    page = open_twins(context, host, builds, "both")
    expect(water_in(page, "later").locator(".checklist__box")).to_be_checked()
    expect(water_in(page, "greeting").locator(".checklist__box")).not_to_be_checked()
    context.close()
