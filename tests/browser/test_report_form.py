"""The incident report form: a field per gathered item, kept in memory only."""

from __future__ import annotations

import io
import re
import unicodedata
from urllib.parse import unquote

import pypdf
import pytest
from playwright.sync_api import expect

from tests.helpers import FIXTURE_ORGANIZATION, STEP_TEXT

GATHER = "The important information to gather"
CONDUCT = FIXTURE_ORGANIZATION["CONDUCT_EMAIL"]


@pytest.fixture
def form(phone, site_url):
    page = phone.new_page()
    page.goto(f"{site_url}/incident-report-form.html")
    return page


def gathered_items(context, site_url) -> list[str]:
    """Return the items of the staff page's information-to-gather checklist."""
    page = context.new_page()
    page.goto(f"{site_url}/conduct-staff-procedure.html")
    checklist = page.locator(f'.checklist[aria-label^="{GATHER}"]')
    items = [" ".join(t.split()) for t in checklist.locator(STEP_TEXT).all_inner_texts()]
    page.close()
    return items


def test_each_gathered_item_has_a_labelled_field(form, phone, site_url):
    items = gathered_items(phone, site_url)
    labels = [" ".join(t.split()) for t in form.locator(".field__label").all_inner_texts()]
    assert len(items) >= 5
    for item in items:
        label = next((label for label in labels if item.startswith(label)), None)
        assert label, item
        field = form.get_by_label(label, exact=True)
        assert field.evaluate("el => el.tagName") in ("INPUT", "TEXTAREA")
    assert form.get_by_label("Staff member taking the report").is_editable()
    assert any(re.search(r"date and time", label, re.I) for label in labels)
    anonymous = form.get_by_role("group", name=re.compile("anonymous"))
    assert anonymous.get_by_role("radio").count() == 2


def test_it_prints_on_at_most_two_letter_pages(form):
    pages = pypdf.PdfReader(io.BytesIO(form.pdf(format="Letter"))).pages
    assert 1 <= len(pages) <= 2
    text = unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in pages))
    text = " ".join(text.split())
    assert "Staff member taking the report" in text
    assert "Wipe" not in text


def fill_some(form) -> None:
    form.get_by_label("Location of incident").click()
    form.get_by_label("Location of incident").fill("Room 2, by the stage")
    form.get_by_role("radio", name="No", exact=True).check()


def test_a_reload_asks_first_and_then_the_form_is_empty(form, phone):
    fill_some(form)
    asked = []
    form.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.accept()))
    form.reload()
    assert asked == ["beforeunload"]
    # Nothing was kept anywhere to bring it back.
    assert form.get_by_label("Location of incident").input_value() == ""
    assert not form.get_by_role("radio", name="No", exact=True).is_checked()
    other = phone.new_page()
    other.goto(form.url)
    assert other.get_by_label("Location of incident").input_value() == ""


def test_wipe_clears_the_form(form):
    fill_some(form)
    form.on("dialog", lambda dialog: dialog.accept())
    form.get_by_role("button", name="Wipe").click()
    assert form.get_by_label("Location of incident").input_value() == ""
    assert not form.get_by_role("radio", name="No", exact=True).is_checked()
    expect(form.get_by_role("status")).to_have_text("The form is empty.")
    form.reload()
    assert form.get_by_label("Location of incident").input_value() == ""


def test_nothing_typed_is_in_any_storage(form, phone):
    fill_some(form)
    form.get_by_label("Description of the incident").fill("Someone was rude at the door.")
    assert form.evaluate("sessionStorage.length") == 0
    assert form.evaluate("localStorage.length") == 0
    assert form.evaluate("indexedDB.databases().then((dbs) => dbs.length)") == 0
    assert phone.cookies() == []


def test_the_email_link_carries_the_text_to_the_lead_responders(form):
    fill_some(form)
    href = form.get_by_role("link", name="Email the lead responders").get_attribute("href")
    assert href.startswith(f"mailto:{CONDUCT}?")
    body = unquote(href.split("body=", 1)[1])
    assert "Location of incident:\nRoom 2, by the stage" in body
    # The answer as its label says it, not the radio's value.
    assert "Does the reporter want to stay anonymous?:\nNo\n" in body


def test_copy_as_text_copies_the_report_and_says_it_is_on_the_clipboard(form, phone):
    phone.grant_permissions(["clipboard-read", "clipboard-write"])
    fill_some(form)
    form.get_by_role("button", name="Copy as text").click()
    expect(form.get_by_role("status")).to_have_text(
        "Copied. Paste it into a message to the lead responders."
        " The report stays on this device's clipboard until something else is copied."
    )
    assert "Room 2, by the stage" in form.evaluate("navigator.clipboard.readText()")


def test_wipe_after_copying_clears_the_clipboard_too(form, phone):
    phone.grant_permissions(["clipboard-read", "clipboard-write"])
    fill_some(form)
    form.get_by_role("button", name="Copy as text").click()
    form.get_by_role("status").get_by_text("Copied").wait_for()
    form.on("dialog", lambda dialog: dialog.accept())
    form.get_by_role("button", name="Wipe").click()
    expect(form.get_by_role("status")).to_have_text("The form is empty, and so is the clipboard.")
    assert "Room 2" not in form.evaluate("navigator.clipboard.readText()")


def test_wipe_says_to_clear_the_clipboard_where_the_page_cannot(form, phone):
    phone.grant_permissions(["clipboard-read", "clipboard-write"])
    fill_some(form)
    form.get_by_role("button", name="Copy as text").click()
    form.get_by_role("status").get_by_text("Copied").wait_for()
    # A browser that lets the page copy once, then refuses.
    form.evaluate(
        "() => { navigator.clipboard.writeText = () => Promise.reject(new Error('no')); }"
    )
    form.on("dialog", lambda dialog: dialog.accept())
    form.get_by_role("button", name="Wipe").click()
    expect(form.get_by_role("status")).to_have_text(
        "The form is empty, but the report is still on the clipboard: copy something else over it."
    )


def test_leaving_with_unsent_text_asks_first_and_not_after_copying(form, phone):
    phone.grant_permissions(["clipboard-read", "clipboard-write"])
    asked = []
    form.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.accept()))
    fill_some(form)
    form.reload()
    assert asked == ["beforeunload"]
    form.get_by_label("Location of incident").click()
    form.get_by_role("button", name="Copy as text").click()
    form.get_by_role("status").get_by_text("Copied").wait_for()
    form.reload()
    assert asked == ["beforeunload"]


def test_without_javascript_the_form_is_there_and_the_email_link_works(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/incident-report-form.html")
    page.get_by_label("Location of incident").fill("Hall")
    page.get_by_role("button", name="Wipe").click()
    assert page.get_by_label("Location of incident").input_value() == ""
    email = page.get_by_role("link", name="Email the lead responders")
    assert email.get_attribute("href").startswith(f"mailto:{CONDUCT}")
    context.close()
