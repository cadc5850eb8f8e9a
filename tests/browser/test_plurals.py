"""A count word's plural forms: the progress line shows the page's language's form of each count."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.helpers import build, without_printouts

# Polish has a form for one, for a few (2-4, 22-24...) and for many (0, 5-21...).
PROGRESS = {
    "one": "{done} krok z {total} zrobiony",
    "few": "{done} kroki z {total} zrobione",
    "many": "{done} kroków z {total} zrobionych",
    "other": "{done} z {total} kroków",
}
STEPS = """Title: Kroki
Slug: kroki
Checklists: steps

## Gdy ktoś zgłasza problem

1. Wysłuchaj osoby
1. Zapisz, co się stało
1. Powiedz prowadzącym
1. Sprawdź, czy jest bezpieczna
1. Zamknij zgłoszenie
"""


@pytest.fixture(scope="module")
def polish(tmp_path_factory, serve):
    """A site in Polish with the progress line's three forms; its URL."""
    folder = tmp_path_factory.mktemp("polish")
    (folder / "content" / "pages").mkdir(parents=True)
    (folder / "content" / "pages" / "kroki.md").write_text(STEPS, encoding="utf-8")
    # No printouts: the forms tested are the progress line's, on the page.
    handbook = without_printouts()
    words = {**handbook["words"], "progress": PROGRESS}
    settings = {"DEFAULT_LANG": "pl", "HANDBOOK": {**handbook, "words": words}}
    return serve(build(folder / "output", content=folder / "content", settings=settings))


def test_ticking_one_two_and_five_steps_shows_polish_forms(phone, polish):
    page = phone.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{polish}/kroki.html")
    status = page.locator(".checklist--steps .checklist__status")
    boxes = page.locator(".checklist--steps .checklist__box")
    expect(boxes).to_have_count(5)
    expect(status).to_have_text("0 kroków z 5 zrobionych")
    shown = []
    for index in range(5):
        boxes.nth(index).check()
        expect(status).not_to_have_text(shown[-1] if shown else "0 kroków z 5 zrobionych")
        shown.append(status.text_content())
    assert shown == [
        "1 krok z 5 zrobiony",
        "2 kroki z 5 zrobione",
        "3 kroki z 5 zrobione",
        "4 kroki z 5 zrobione",
        "5 kroków z 5 zrobionych",
    ]
    assert errors == []
