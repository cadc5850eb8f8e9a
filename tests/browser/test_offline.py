"""After one visit the whole site works with the network off; a new build arrives online."""

from __future__ import annotations

import time
from pathlib import Path

from bs4 import BeautifulSoup
from pelican.plugins.handbook.contacts import contacts_for_templates
from playwright.sync_api import expect

from tests.helpers import (
    BOX,
    FIXTURE_ORGANIZATION,
    build_handbook,
    copy_handbook,
    without_printouts,
)

STAFF = "conduct-staff-procedure.html"

# Resolves once the service worker has installed (every file cached) and
# controls the page. (page.wait_for_function would not wait for a promise.)
CONTROLLED = """async () => {
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((resolve) =>
      navigator.serviceWorker.addEventListener("controllerchange", resolve, {once: true}));
  }
  return navigator.serviceWorker.controller.scriptURL;
}"""

# Resolves with the handbook's cache names once a service worker other than
# the one that made `old` is active and `old` is gone (or after 30 s of trying).
NEW_VERSION_ACTIVE = """async (old) => {
  for (let tries = 0; tries < 300; tries++) {
    const names = (await caches.keys()).filter((name) => name.startsWith("handbook "));
    const registration = await navigator.serviceWorker.getRegistration();
    const settled = !registration.installing && !registration.waiting
      && registration.active.state === "activated";
    if (settled && !names.includes(old) && names.length > 0) {
      return names;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return await caches.keys();
}"""

# The bytes of `path` as the page gets them, through the service worker.
FETCH_SIZE = """async (path) => {
  const response = await fetch(path);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {ok: response.ok, size: bytes.length, head: String.fromCharCode(...bytes.slice(0, 5))};
}"""

CACHE_NAMES = "async () => (await caches.keys()).filter((name) => name.startsWith('handbook '))"


def visit_once(context, url: str):
    """Open the staff page and wait until the service worker has everything."""
    page = context.new_page()
    page.goto(f"{url}/{STAFF}")
    assert page.evaluate(CONTROLLED).endswith("/sw.js")
    return page


def title_of(path: Path) -> str:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").title.get_text()


def test_after_one_visit_every_page_and_the_pdf_load_offline(phone, site, site_url):
    page = visit_once(phone, site_url)
    phone.set_offline(True)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 4
    for path in pages:
        name = path.relative_to(site).as_posix()
        response = page.goto(f"{site_url}/{name}")
        assert response.ok, name
        assert page.title() == title_of(path), name
    # Every other file, the pocket-card PDF among them, byte for byte.
    # (sw.js itself is kept by the browser, outside the cache.)
    others = [p for p in site.rglob("*") if p.is_file() and p.suffix != ".html"]
    others = [p for p in others if p.name != "sw.js"]
    assert any(p.suffix == ".pdf" for p in others), "the site has no PDF to keep"
    for path in others:
        name = path.relative_to(site).as_posix()
        got = page.evaluate(FETCH_SIZE, name)
        assert got["ok"] and got["size"] == path.stat().st_size, name
        if path.suffix == ".pdf":
            assert got["head"] == "%PDF-"


def test_offline_ticks_still_work_and_the_contacts_are_there(phone, site, site_url):
    page = visit_once(phone, site_url)
    phone.set_offline(True)
    response = page.reload()
    # No network: the service worker answers the reload with its saved copy.
    assert response.ok and response.from_service_worker
    assert page.title() == title_of(site / STAFF)
    emergency = contacts_for_templates(FIXTURE_ORGANIZATION)["EMERGENCY_CONTACTS"][0]
    expect(page.locator(f".danger a[href='tel:{emergency['tel']}']")).to_be_visible()
    box = page.locator(BOX).first
    box.check()
    # The tick is kept (checklist.js, itself from the cache) across another
    # offline reload.
    response = page.reload()
    assert response.ok and response.from_service_worker
    expect(page.locator(BOX).first).to_be_checked()


def test_a_new_build_reaches_the_phone_on_its_next_online_visit(browser, serve, tmp_path):
    content = copy_handbook(tmp_path / "content")
    # No printouts: the PDF offline is the test above's; this one is the page's new text.
    settings = {"HANDBOOK": without_printouts()}
    output = build_handbook(tmp_path / "output", settings, content=content)
    url = serve(output)
    context = browser.new_context()
    page = visit_once(context, url)
    old_caches = page.evaluate(CACHE_NAMES)
    assert len(old_caches) == 1

    # The test server's Last-Modified has one-second resolution: a build in the
    # same second as the visit would be answered "304 Not Modified" (a real
    # rebuild comes minutes or days later).
    time.sleep(1.1)
    staff = content / "pages" / "conduct-staff-procedure.md"
    new_text = "Check the quiet room key is at the registration desk."
    staff.write_text(staff.read_text(encoding="utf-8") + f"\n{new_text}\n", encoding="utf-8")
    build_handbook(output, settings, content=content)

    # Online: the page itself comes from the network at once.
    page.goto(f"{url}/{STAFF}")
    assert new_text in page.content()
    # The new service worker takes over and the old cache is deleted.
    names = page.evaluate(NEW_VERSION_ACTIVE, old_caches[0])
    assert len(names) == 1 and names != old_caches
    # Offline afterwards: the saved copy is the new one.
    context.set_offline(True)
    page.reload()
    assert new_text in page.content()
    context.close()
