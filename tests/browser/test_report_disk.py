"""Nothing typed on the report form reaches the disk: the browser's profile folder is searched.

A report may name a victim: "nothing is stored" must hold on the phone's
disk too, while the tab is open, after Wipe, after the tab is closed and
after the browser is closed.
"""

from __future__ import annotations

import time
from pathlib import Path

from tests.browser.conftest import CHROMIUM_ARGS, PHONE, chromium_path

FORM = "incident-report-form.html"
TYPED = "Quartz-zebra 4417 said it by the cloakroom"
TYPED_AGAIN = "Marmoset-violet 2286 at the coat rack"
# Saved in localStorage by the test itself: once it is on disk, the browser
# has written what it keeps, so a search that finds nothing else means something.
PROBE = "Probe-tangerine 9023"
# Chromium writes the session it would restore every few seconds.
SESSION_WRITE_SECONDS = 3


def on_disk(folder: Path, text: str) -> list[str]:
    """Return the files under `folder` holding `text` in UTF-8 or UTF-16 (Chromium keeps both)."""
    needles = (text.encode("utf-8"), text.encode("utf-16-le"))
    found = []
    for path in sorted(folder.rglob("*")):
        try:
            data = path.read_bytes() if path.is_file() else b""
        except OSError:
            continue
        if any(needle in data for needle in needles):
            found.append(path.relative_to(folder).as_posix())
    return found


def wait_for_disk(folder: Path, text: str, seconds: float = 20) -> list[str]:
    deadline = time.monotonic() + seconds
    while not (found := on_disk(folder, text)) and time.monotonic() < deadline:
        time.sleep(0.5)
    return found


def fill(page, text: str) -> None:
    page.get_by_label("Location of incident").fill("Room 2")
    page.get_by_label("Description of the incident").fill(text)


def test_nothing_typed_reaches_the_profile_on_disk(browser, site_url, tmp_path):
    profile = tmp_path / "profile"
    context = browser.browser_type.launch_persistent_context(
        str(profile), executable_path=chromium_path(), args=CHROMIUM_ARGS, **PHONE
    )
    page = context.new_page()
    page.goto(f"{site_url}/{FORM}")
    fill(page, TYPED)
    page.evaluate(f"localStorage.setItem('probe', {PROBE!r})")
    assert wait_for_disk(profile, PROBE), "the browser wrote nothing: the search proves nothing"
    time.sleep(SESSION_WRITE_SECONDS)
    assert on_disk(profile, TYPED) == [], "while the tab is open"

    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Wipe").click()
    time.sleep(SESSION_WRITE_SECONDS)
    assert on_disk(profile, TYPED) == [], "after Wipe"

    fill(page, TYPED_AGAIN)
    time.sleep(SESSION_WRITE_SECONDS)
    page.close()
    time.sleep(SESSION_WRITE_SECONDS)
    assert on_disk(profile, TYPED_AGAIN) == [], "after the tab is closed"

    context.close()
    assert on_disk(profile, PROBE), "the browser's own files are still there to search"
    assert on_disk(profile, TYPED) + on_disk(profile, TYPED_AGAIN) == [], "after closing"
