"""The staff page's first screen on a phone: danger, contacts, then the checklists."""

from __future__ import annotations

from playwright.sync_api import expect

import pelicanconf
from tests.browser.conftest import PHONE

STAFF = "conduct-staff-procedure.html"

# Top of each part of the first screen, in page order, as the phone shows it.
LAYOUT = """() => {
  const top = (selector) => {
    const element = document.querySelector(selector);
    return element ? element.getBoundingClientRect().top + window.scrollY : null;
  };
  return {
    danger: top("#danger"),
    contacts: top(".danger .contacts"),
    jumpList: top("nav.toc"),
    firstChecklist: top(".checklist"),
    lastContactBottom: Math.max(...[...document.querySelectorAll(".danger .contacts a")]
      .map((a) => a.getBoundingClientRect().bottom + window.scrollY)),
  };
}"""


def expected_links() -> list[str]:
    tel = [f"tel:{c['tel']}" for c in pelicanconf.EMERGENCY_CONTACTS]
    for contact in pelicanconf.ORGANIZER_CONTACTS:
        if contact.get("phone"):
            tel.append(f"tel:{contact.get('tel') or contact['phone']}")
    mail = [f"mailto:{c['email']}" for c in pelicanconf.ORGANIZER_CONTACTS if c.get("email")]
    return tel + mail


def test_danger_and_every_contact_fit_the_first_phone_screen(phone, site_url):
    page = phone.new_page()
    page.goto(f"{site_url}/{STAFF}")
    layout = page.evaluate(LAYOUT)
    assert layout["danger"] < layout["contacts"] < layout["jumpList"] < layout["firstChecklist"]
    # Nothing to scroll for: a call is one tap from opening the page.
    assert layout["lastContactBottom"] <= PHONE["viewport"]["height"], layout
    assert page.get_by_role("heading", name="If anyone is in danger").is_visible()


def on_first_screen(locator) -> bool:
    """Whether `locator` is shown whole within the phone's first screen, unscrolled."""
    box = locator.bounding_box()
    screen = PHONE["viewport"]
    return (
        box is not None
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= screen["width"]
        and box["y"] + box["height"] <= screen["height"]
    )


def test_the_contacts_come_from_settings_as_tap_to_call_and_write_links(phone, site_url):
    page = phone.new_page()
    page.goto(f"{site_url}/{STAFF}")
    links = page.locator(".danger .contacts a")
    hrefs = links.evaluate_all("as => as.map((a) => a.getAttribute('href'))")
    assert sorted(hrefs) == sorted(expected_links())
    # Each emergency number shows as written and dials; every link is on the first screen.
    for contact in pelicanconf.EMERGENCY_CONTACTS:
        link = page.locator(f".danger .contacts a[href='tel:{contact['tel']}']")
        expect(link).to_have_text(contact["phone"])
    for n in range(links.count()):
        assert on_first_screen(links.nth(n)), (hrefs[n], links.nth(n).bounding_box())
    # The link to the first checklist is on the first screen too.
    first = page.locator("nav.toc a").first
    checklist = page.locator(".checklist").first
    target = checklist.evaluate("(d) => d.previousElementSibling?.id || d.id")
    assert first.get_attribute("href") == f"#{target}"
    assert on_first_screen(first), first.bounding_box()


def test_the_jump_list_reaches_every_checklist(phone, site_url):
    page = phone.new_page()
    page.goto(f"{site_url}/{STAFF}")
    targets = page.eval_on_selector_all(
        "nav.toc a", "as => as.map((a) => a.getAttribute('href').slice(1))"
    )
    checklists = page.eval_on_selector_all(
        ".checklist", "ds => ds.map((d) => d.previousElementSibling?.id || d.id)"
    )
    assert targets == checklists and len(targets) >= 3
