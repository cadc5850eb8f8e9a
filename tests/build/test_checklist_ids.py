"""Checklist ids on the built fixture handbook: unique, stable across builds, on the staff page."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.helpers import build_handbook

STAFF = "conduct-staff-procedure.html"


def soup(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def pages(site: Path) -> list[str]:
    return sorted(str(path.relative_to(site)) for path in site.rglob("*.html"))


def checklist_ids(page: BeautifulSoup) -> list[str]:
    """Return every checklist's and item's id, in document order."""
    lists = [div["data-checklist"] for div in page.select("[data-checklist]")]
    return lists + [item["id"] for item in page.select(".checklist__item")]


@pytest.fixture(scope="module")
def second_build(tmp_path_factory, site, run_folder) -> Path:
    """The fixture handbook built again, as `make html` would with the first build's cache/."""
    cache = {"CACHE_PATH": str(run_folder / "site" / "cache")}
    return build_handbook(tmp_path_factory.mktemp("again") / "output", settings=cache)


def test_ids_are_unique_within_each_page(site):
    repeated = {}
    for name in pages(site):
        counts = Counter(tag["id"] for tag in soup(site, name).select("[id]"))
        if twice := sorted(key for key, count in counts.items() if count > 1):
            repeated[name] = twice
    assert repeated == {}


def test_a_second_build_gives_every_checklist_and_item_the_same_id(site, second_build):
    first = {name: checklist_ids(soup(site, name)) for name in pages(site)}
    again = {name: checklist_ids(soup(second_build, name)) for name in pages(second_build)}
    assert first[STAFF], "the staff page has no checklists"
    assert first == again


def test_every_checklist_points_at_a_link_target_titled_by_its_lead_in(site):
    page = soup(site, STAFF)
    for checklist in page.select("[data-checklist]"):
        target = page.find(id=checklist["data-checklist"])
        assert target is not None, checklist["data-checklist"]
        assert target is checklist or target is checklist.find_previous_sibling()
        assert checklist["aria-label"].strip()


def test_the_staff_page_has_at_least_30_tickable_steps_each_in_its_label(site):
    page = soup(site, STAFF)
    boxes = page.select('[data-module="checklist"] .checklist__items input[type="checkbox"]')
    assert len(boxes) >= 30
    for box in boxes:
        label = box.parent
        assert label.name == "label" and label.get_text(strip=True)
        # The item's id names the tick the script saves.
        assert label.parent.name == "li" and label.parent["id"]


def test_the_information_to_gather_is_a_steps_checklist(site):
    page = soup(site, STAFF)
    item = page.find(id="current-date-and-time")
    checklist = item.find_parent(attrs={"data-checklist": True})
    assert checklist["data-kind"] == "steps"
    assert (
        item.select_one(':scope > .checklist__label > .checklist__box[type="checkbox"]') is not None
    )


def test_cautions_and_options_cannot_be_ticked(site):
    page = soup(site, STAFF)
    kinds = Counter(div["data-kind"] for div in page.select("[data-checklist]"))
    assert kinds["cautions"] == 2 and kinds["options"] == 1
    for checklist in page.select('[data-kind="cautions"], [data-kind="options"]'):
        assert checklist.select("input") == []
        assert not checklist.has_attr("data-module")


def test_links_to_checklists_and_items_resolve(site):
    page = soup(site, STAFF)
    for fragment in ("when-taking-an-incident-report", "ensure-the-reporters-safety"):
        assert page.find(id=fragment) is not None
