"""The staff page's first screen on a phone: danger, contacts, then the checklists."""

from __future__ import annotations

import pytest
from handbook_site.contacts import LISTS, with_default_places
from pelican.plugins.handbook.contacts import contacts_for_templates, shown
from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.helpers import FIXTURE_ORGANIZATION, build_handbook, without_printouts

STAFF = "conduct-staff-procedure.html"
# The first screen and the home page, built with other organizers: the cards
# (which list them too) are tested in tests/build/test_cards.py.
NO_CARDS = {"HANDBOOK": without_printouts()}

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


def expected_links(settings: dict) -> list[str]:
    """Return the links of the contacts `settings` put on the first screen, in page order."""
    # Where a contact that does not say shows is the site plugin's default.
    placed = {kind: with_default_places(kind, settings.get(kind, [])) for kind in LISTS}
    links = []
    for _, contact in shown(placed, "first_screen"):
        if contact.get("phone"):
            links.append(f"tel:{contact['tel']}")
        if contact.get("email"):
            links.append(f"mailto:{contact['email']}")
    return links


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
    assert sorted(hrefs) == sorted(expected_links(FIXTURE_ORGANIZATION))
    # Each emergency number shows as written and dials; every link is on the first screen.
    for contact in contacts_for_templates(FIXTURE_ORGANIZATION)["EMERGENCY_CONTACTS"]:
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


# Five organizers with a phone and an address each, as a large event might list them.
FIVE_ORGANIZERS = [
    {
        "role": f"Room captain {n}",
        "name": f"Volunteer {n}",
        "phone": f"+1 (617) 555 010{n}",
        "email": f"captain{n}@conference.test",
    }
    for n in range(1, 6)
]


def test_a_long_list_of_organizers_never_pushes_the_danger_box_down(phone, serve, tmp_path):
    danger, links, fits, home = {}, {}, {}, {}
    for count in (2, 5):
        settings = {**NO_CARDS, "ORGANIZER_CONTACTS": FIVE_ORGANIZERS[:count]}
        site = build_handbook(tmp_path / f"output-{count}", settings=settings)
        page = phone.new_page()
        page.goto(f"{serve(site)}/{STAFF}")
        danger[count] = page.locator(".danger").bounding_box()
        first_screen = page.locator(".danger .contacts a")
        links[count] = first_screen.evaluate_all("as => as.map((a) => a.getAttribute('href'))")
        fits[count] = [on_first_screen(first_screen.nth(n)) for n in range(first_screen.count())]
        page.goto(f"{serve(site)}/index.html")
        home[count] = page.locator(".contacts a[href^='tel:+1617555']").count()
        page.close()
    # Only the first two organizers are on the first screen unless they say otherwise.
    assert danger[5]["height"] <= danger[2]["height"], danger
    assert (
        links[5]
        == links[2]
        == expected_links({**FIXTURE_ORGANIZATION, "ORGANIZER_CONTACTS": FIVE_ORGANIZERS})
    )
    assert "tel:+16175550102" in links[5] and "tel:+16175550103" not in links[5]
    # Every link of the danger box is within the phone's first screen, unscrolled.
    assert fits[5] and all(fits[5]), (links[5], fits[5], danger[5])
    # The home page lists every organizer.
    assert home == {2: 2, 5: 5}


@pytest.mark.parametrize("with_phones", [1, 2])
def test_organizer_phones_on_the_first_screen_keep_the_jump_list_in_view(
    with_phones, phone, serve, tmp_path
):
    # The README suggests giving an organizer a phone; the first two show on the first screen.
    organizers = [
        {**contact, "phone": f"+1 (617) 555 010{n}"} if n < with_phones else contact
        for n, contact in enumerate(FIXTURE_ORGANIZATION["ORGANIZER_CONTACTS"])
    ]
    settings = {**NO_CARDS, "ORGANIZER_CONTACTS": organizers}
    site = build_handbook(tmp_path / "output", settings=settings)
    page = phone.new_page()
    page.goto(f"{serve(site)}/{STAFF}")
    assert page.locator(".danger .contacts a[href^='tel:+1617555010']").count() == with_phones
    assert on_first_screen(page.locator("nav.toc a").first), page.locator("nav.toc").bounding_box()
