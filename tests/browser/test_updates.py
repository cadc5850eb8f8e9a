"""A new deploy reaches the phone on its first online visit; a saved copy says it is one.

The host is emulated (tests/browser/host.py) with the cache headers real ones
send, slow pages and a failing file: the service worker must show the latest
procedure online whatever they say, a page with the assets of its own build,
and keep ticks made on any version.
"""

from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from tests.browser.host import Host
from tests.browser.test_offline import CACHE_NAMES, CONTROLLED, NEW_VERSION_ACTIVE
from tests.helpers import ROOT, build_handbook, copy_handbook

STAFF = "conduct-staff-procedure.html"
NEW_TEXT = "Check the quiet room key is at the registration desk."
# Two steps the second deploy adds to the first checklist.
NEW_STEPS = ("Note who else was there", "Write down the time you were told")
NEW_IDS = ("note-who-else-was-there", "write-down-the-time-you-were-told")
ASK = "ask-the-reporter-if-they-want-to-go-to-a-quiet-space"
LISTEN = "be-an-active-listener-and-dont-use-judgement-words"
# Which deploy's stylesheet a page has: each build's site.css sets it.
DEPLOY = """() => getComputedStyle(document.documentElement)
  .getPropertyValue("--deploy").trim()"""


class Deploys:
    """The fixture handbook, built a first time, then changed and built again in place."""

    def __init__(self, folder):
        self.content = copy_handbook(folder / "content")
        self.theme = folder / "theme"
        shutil.copytree(ROOT / "theme", self.theme)
        self.output = folder / "output"

    def build(self, name: str, steps: tuple[str, ...] = ()) -> None:
        css = self.theme / "static" / "css" / "site.css"
        css.write_text(
            (ROOT / "theme/static/css/site.css").read_text(encoding="utf-8")
            + f'\n/* The deploy this is. */\n:root {{ --deploy: "{name}"; }}\n',
            encoding="utf-8",
        )
        if steps:
            staff = self.content / "pages" / "conduct-staff-procedure.md"
            text = staff.read_text(encoding="utf-8")
            added = "".join(f"1. {step}\n" for step in steps)
            text = text.replace("\n\n\n## While gathering", f"\n{added}\n\n## While gathering")
            staff.write_text(text + f"\n{NEW_TEXT}\n", encoding="utf-8")
        build_handbook(self.output, settings={"THEME": str(self.theme)}, content=self.content)


@pytest.fixture
def deploys(tmp_path):
    return Deploys(tmp_path)


@pytest.fixture
def hosts():
    started = []

    def start(folder, headers="last-modified"):
        started.append(Host(folder, headers))
        return started[-1]

    yield start
    for host in started:
        host.close()


def procedure_date(page_path) -> str:
    """Return the procedure date a built page's footer gives."""
    soup = BeautifulSoup(page_path.read_text(encoding="utf-8"), "html.parser")
    return soup.select_one(".build-date time").get_text()


def first_visit(context, url: str):
    """Open the staff page twice, as staff would before the event: all saved."""
    page = context.new_page()
    page.goto(f"{url}/{STAFF}")
    page.evaluate(CONTROLLED)
    page.goto(f"{url}/{STAFF}")
    expect(page.locator(".incident")).to_be_visible()
    assert page.evaluate(DEPLOY) == '"one"'
    return page


def saved_notice(page):
    return page.locator(".handbook-saved")


@pytest.mark.parametrize("headers", ["last-modified", "max-age=600"])
def test_the_first_online_visit_after_a_deploy_shows_it_with_its_own_styles(
    browser, deploys, hosts, headers
):
    deploys.build("one")
    host = hosts(deploys.output, headers)
    host.deployed()
    context = browser.new_context()
    page = first_visit(context, host.url)
    [old_cache] = page.evaluate(CACHE_NAMES)
    deploys.build("two", NEW_STEPS)

    page.goto(f"{host.url}/{STAFF}")
    expect(page.get_by_text(NEW_TEXT)).to_be_visible()
    # The page and the styles it loads are of the same deploy.
    assert page.evaluate(DEPLOY) == '"two"'
    expect(saved_notice(page)).to_have_count(0)
    # The new deploy is then saved: offline, the phone shows it, styles and all.
    assert old_cache not in page.evaluate(NEW_VERSION_ACTIVE, old_cache)
    context.set_offline(True)
    page.reload()
    expect(page.get_by_text(NEW_TEXT)).to_be_visible()
    assert page.evaluate(DEPLOY) == '"two"'
    context.close()


def test_a_slow_network_shows_the_saved_copy_of_one_deploy_and_says_so(browser, deploys, hosts):
    deploys.build("one")
    date = procedure_date(deploys.output / STAFF)
    host = hosts(deploys.output)
    host.deployed()
    context = browser.new_context()
    page = first_visit(context, host.url)
    deploys.build("two", NEW_STEPS)
    host.page_delay = 4

    page.goto(f"{host.url}/{STAFF}", timeout=10_000)
    notice = saved_notice(page)
    expect(notice).to_have_text(f"Saved copy of {date}: the network is too slow.")
    expect(page.get_by_text(NEW_TEXT)).to_have_count(0)
    # The saved page with its own build's styles, not the new deploy's.
    assert page.evaluate(DEPLOY) == '"one"'
    context.close()


def test_offline_or_unreachable_the_saved_copy_says_so_with_its_date(browser, deploys, hosts):
    deploys.build("one")
    date = procedure_date(deploys.output / STAFF)
    host = hosts(deploys.output)
    context = browser.new_context()
    page = first_visit(context, host.url)
    expect(saved_notice(page)).to_have_count(0)
    context.set_offline(True)
    page.reload()
    expect(saved_notice(page)).to_have_text(f"Saved copy of {date}: you are offline.")
    # One line, near the top: seen before the checklists.
    box = saved_notice(page).bounding_box()
    assert box["y"] < page.locator(".checklist").first.bounding_box()["y"]
    context.set_offline(False)
    page.reload()
    expect(saved_notice(page)).to_have_count(0)
    # The site answers with an error: the saved copy, which says why.
    host.failing.add(STAFF)
    page.reload()
    expect(saved_notice(page)).to_have_text(f"Saved copy of {date}: the site cannot be reached.")
    context.close()


def ticked(page) -> list[str]:
    return page.eval_on_selector_all(
        ".checklist__box:checked", "boxes => boxes.map((b) => b.closest('li').id)"
    )


def test_ticks_made_on_a_new_version_survive_a_reload_of_the_old_saved_copy(
    browser, deploys, hosts
):
    deploys.build("one")
    host = hosts(deploys.output)
    host.deployed()
    context = browser.new_context()
    page = first_visit(context, host.url)
    deploys.build("two", NEW_STEPS)
    # The new version's download fails: the phone keeps the old saved copy.
    host.failing.add("pocket-cards.pdf")

    page.goto(f"{host.url}/{STAFF}")
    for item_id in (ASK, *NEW_IDS):
        page.locator(f"#{item_id} .checklist__text").click()
    assert sorted(ticked(page)) == sorted((ASK, *NEW_IDS))

    # The signal drops: the old copy, which has one of the three steps.
    context.set_offline(True)
    page.reload()
    expect(page.get_by_text(NEW_TEXT)).to_have_count(0)
    assert ticked(page) == [ASK]
    page.locator(f"#{LISTEN} .checklist__text").click()

    # Back online: the new version shows every tick, those made on the old copy too.
    context.set_offline(False)
    host.failing.clear()
    page.goto(f"{host.url}/{STAFF}")
    expect(page.get_by_text(NEW_TEXT)).to_be_visible()
    assert sorted(ticked(page)) == sorted((ASK, LISTEN, *NEW_IDS))
    status = page.locator('[data-checklist="when-taking-an-incident-report"] .checklist__status')
    expect(status).to_have_text("4 of 9 done")
    context.close()
