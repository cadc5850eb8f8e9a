"""The dates and times the checklist script writes follow the page's language and date format."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.helpers import build, without_printouts

ZONE = "America/Sao_Paulo"
STEPS = """Title: Passos
Slug: passos
Checklists: steps

## Quando alguém relata um incidente

1. Ouça a pessoa
1. Anote o que aconteceu
"""


def site(tmp_path_factory, serve, name: str, lang: str, date_format: str) -> str:
    """Build a one-page site in `lang` whose dates follow `date_format`; return its URL."""
    folder = tmp_path_factory.mktemp(name)
    (folder / "content" / "pages").mkdir(parents=True)
    (folder / "content" / "pages" / "passos.md").write_text(STEPS, encoding="utf-8")
    # No printouts: the dates tested are the ones the checklist script writes.
    handbook = {**without_printouts(), "date_format": date_format}
    settings = {"DEFAULT_LANG": lang, "TIMEZONE": ZONE, "HANDBOOK": handbook}
    return serve(build(folder / "output", content=folder / "content", settings=settings))


@pytest.fixture(scope="module")
def portuguese(tmp_path_factory, serve):
    return site(tmp_path_factory, serve, "portuguese", "pt-BR", "%-d %B %Y (%d/%m/%y)")


@pytest.fixture(scope="module")
def arabic(tmp_path_factory, serve):
    return site(tmp_path_factory, serve, "arabic", "ar-EG", "%d/%m/%Y")


def start_over(browser, url: str, when: datetime) -> str:
    """Start a new run at `when` on a phone in the site's zone; return the status line."""
    context = browser.new_context(**PHONE, timezone_id=ZONE)
    try:
        page = context.new_page()
        page.clock.set_fixed_time(when)
        page.goto(f"{url}/passos.html")
        page.once("dialog", lambda dialog: dialog.accept())
        page.locator(".incident__actions button").first.tap()
        started = page.locator(".incident__start")
        expect(started).not_to_be_empty()
        return started.text_content()
    finally:
        context.close()


def test_a_start_is_written_in_the_date_format_with_the_languages_month(browser, portuguese):
    when = datetime(2026, 3, 5, 21, 7, tzinfo=ZoneInfo(ZONE))
    shown = start_over(browser, portuguese, when)
    # The fixture's words: "Started {day} at {time}." around the script's parts.
    assert "5 março 2026 (05/03/26)" in shown, shown
    assert "21:07" in shown, shown


def test_a_language_with_its_own_digits_writes_them(browser, arabic):
    when = datetime(2026, 3, 5, 21, 7, tzinfo=ZoneInfo(ZONE))
    shown = start_over(browser, arabic, when)
    # Egyptian Arabic writes Arabic-Indic digits: ٠٥/٠٣/٢٠٢٦ and ٢١:٠٧.
    assert "٠٥/٠٣/٢٠٢٦" in shown, shown
    assert "٢١:٠٧" in shown, shown
