"""Boston Python's handbook in Chromium: axe on every page, its contacts on the first screen.

A fork adapts or deletes this folder (README.md here).
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import PHONE
from tests.browser.test_first_screen import LAYOUT, on_first_screen


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_any_page_of_the_real_site(browser, real_site, real_site_url, scheme):
    pages = sorted(str(path.relative_to(real_site)) for path in real_site.rglob("*.html"))
    assert len(pages) >= 4
    context = browser.new_context(**PHONE, color_scheme=scheme)
    report = {}
    for name in pages:
        page = context.new_page()
        page.goto(f"{real_site_url}/{name}", wait_until="networkidle")
        violations = Axe().run(page).response["violations"]
        page.close()
        if violations:
            report[name] = [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
    context.close()
    assert report == {}


def test_the_staff_procedures_contacts_and_first_checklist_link_fit_the_first_screen(
    phone, real_site_url
):
    page = phone.new_page()
    page.goto(f"{real_site_url}/conduct-staff-procedure.html")
    layout = page.evaluate(LAYOUT)
    assert layout["danger"] < layout["contacts"] < layout["jumpList"] < layout["firstChecklist"]
    links = page.locator(".danger .contacts a")
    hrefs = links.evaluate_all("as => as.map((a) => a.getAttribute('href'))")
    assert hrefs == [
        "tel:911",
        "tel:988",
        "mailto:conduct@bostonpython.com",
        "mailto:leaders@bostonpython.com",
    ]
    for n in range(links.count()):
        assert on_first_screen(links.nth(n)), hrefs[n]
    assert on_first_screen(page.locator("nav.toc a").first)
