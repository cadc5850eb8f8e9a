"""Pocket cards and their PDF, made from the fixture staff procedure's checklists."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest
from bs4 import BeautifulSoup

from tests.helpers import FIXTURE_ORGANIZATION, ITEM_TEXT, build_handbook, card_items, run_pelican

# The default card: 4 x 6 in, in PDF points.
CARD_POINTS = (288.0, 432.0)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def words(text: str) -> str:
    return " ".join(text.split())


def staff_checklists(site: Path) -> list[dict]:
    """Return each checklist of the staff page: title and item texts."""
    page = soup(site / "conduct-staff-procedure.html")
    return [
        {
            "title": checklist["aria-label"],
            "items": [words(t.get_text()) for t in checklist.select(ITEM_TEXT)],
        }
        for checklist in page.select(".checklist")
    ]


def faces(path: Path) -> list:
    return soup(path).select(".card")


def card_title(card) -> str:
    return words(card.select_one(".card__title").get_text())


HANDBOOK = FIXTURE_ORGANIZATION["HANDBOOK"]


@pytest.fixture(
    scope="module", params=[None, 4], ids=["card_max_items-of-the-fixture", "card_max_items-4"]
)
def cards_site(request, site, tmp_path_factory) -> tuple[Path, int]:
    """A built site and the HANDBOOK["card_max_items"] it was built with."""
    if request.param is None:
        return site, HANDBOOK["card_max_items"]
    handbook = {**HANDBOOK, "card_max_items": request.param}
    output = tmp_path_factory.mktemp("cards") / "output"
    return build_handbook(output, settings={"HANDBOOK": handbook}), request.param


def test_one_face_per_checklist_part_after_a_contacts_card(cards_site):
    site, limit = cards_site
    checklists = staff_checklists(site)
    assert len(checklists) >= 5
    contacts, *cards = faces(site / "pocket-cards.html")
    assert "card--contacts" in contacts["class"]
    for checklist in checklists:
        title = checklist["title"]
        # The checklist's faces come next: one titled as the checklist, or
        # parts titled "(1 of N)" to "(N of N)".
        part = re.compile(re.escape(title) + r"( \(\d+ of \d+\))?")
        mine = []
        while cards and part.fullmatch(card_title(cards[0])):
            mine.append(cards.pop(0))
        count = len(mine)
        assert count, f"no card for {title!r}"
        if count == 1:
            assert card_title(mine[0]) == title
        else:
            assert [card_title(c) for c in mine] == [
                f"{title} ({n} of {count})" for n in range(1, count + 1)
            ]
        # No face holds more than card_max_items top-level items, and no
        # more faces are used than the items need.
        tops = [len(card.select(".card__items > li")) for card in mine]
        assert max(tops) <= limit, (title, tops)
        assert (count - 1) * limit < sum(tops), (title, tops)
        # Every item of the checklist is on its cards exactly once, in order.
        assert [text for card in mine for text in card_items(card)] == checklist["items"]
    assert not cards, [card_title(c) for c in cards]


def test_every_item_of_every_checklist_is_on_a_card(site):
    on_cards = {words(li.get_text()) for li in soup(site / "pocket-cards.html").select(".card li")}
    items = [item for checklist in staff_checklists(site) for item in checklist["items"]]
    missing = [item for item in items if not any(text.startswith(item) for text in on_cards)]
    assert items and missing == []


def test_the_contacts_card_has_every_contact_from_settings(site):
    contacts = faces(site / "pocket-cards.html")[0]
    hrefs = {a["href"] for a in contacts.select("a")}
    assert {"tel:112", "tel:08005550199", "tel:+15550102233"} <= hrefs
    emails = {FIXTURE_ORGANIZATION["CONDUCT_EMAIL"], FIXTURE_ORGANIZATION["LEADERS_EMAIL"]}
    assert {f"mailto:{email}" for email in emails} <= hrefs


def test_the_staff_page_links_the_print_outputs(site):
    links = {
        a["href"] for a in soup(site / "conduct-staff-procedure.html").select(".print-links a")
    }
    assert {"./pocket-cards.html", "./pocket-cards.pdf", "./incident-report-form.html"} <= links


def test_the_pdf_has_one_card_sized_page_per_face(site):
    cards = faces(site / "pocket-cards.html")
    reader = pypdf.PdfReader(site / "pocket-cards.pdf")
    assert len(reader.pages) == len(cards)
    for card, page in zip(cards, reader.pages, strict=True):
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == CARD_POINTS
        # The face's title begins its page (pypdf may break lines anywhere).
        title = card.select_one(".card__title").get_text().split()
        assert words(page.extract_text()).split()[:2] == title[:2]


STAFF = """Title: Staff
slug: staff
Checklists: steps

## A long list

{items}

The important information to gather:

* When it happened
* Where it happened
"""


def write_staff_site(root: Path, items: list[str]) -> Path:
    (root / "pages").mkdir(parents=True)
    text = STAFF.format(items="\n".join(f"1. {item}" for item in items))
    (root / "pages" / "staff.md").write_text(text, encoding="utf-8")
    return root


TWELVE = [f"Step number {n} of the long list" for n in range(1, 13)]


@pytest.fixture(scope="module")
def twelve_steps(tmp_path_factory) -> Path:
    """A one-page site: a checklist of the TWELVE steps, and a list of what to gather."""
    root = tmp_path_factory.mktemp("twelve")
    content = write_staff_site(root / "content", TWELVE)
    result = run_pelican(root / "out", content=content)
    assert result.returncode == 0, result.stderr
    return root / "out"


def test_a_twelve_item_checklist_is_split_into_two_cards(twelve_steps):
    output, items = twelve_steps, TWELVE
    cards = {
        words(c.select_one(".card__title").get_text()): c
        for c in faces(output / "pocket-cards.html")
    }
    first, second = cards["A long list (1 of 2)"], cards["A long list (2 of 2)"]
    assert [words(li.get_text()) for li in first.select("li")] == items[:6]
    assert [words(li.get_text()) for li in second.select("li")] == items[6:]
    # The second part goes on counting where the first stopped.
    assert second.select_one("ol")["start"] == "7"
    assert len(pypdf.PdfReader(output / "pocket-cards.pdf").pages) == len(cards)


def test_a_card_too_long_for_its_face_is_a_warning_with_file_and_line(tmp_path):
    long_step = " ".join(["Write down every word the reporter says, slowly."] * 30)
    content = write_staff_site(tmp_path / "content", [long_step, long_step, "Short step"])
    result = run_pelican(tmp_path / "out", content=content)
    assert result.returncode == 0, result.stderr
    log = " ".join((result.stdout + result.stderr).split())
    # The list starts on line 7 of staff.md.
    assert f"{content}/pages/staff.md:7: warning: pocket card 'A long list' does not fit" in log


def test_the_card_size_setting_sizes_the_printed_pages(tmp_path):
    output = tmp_path / "out"
    handbook = {"card_width": "3in", "card_height": "5in"}
    content = write_staff_site(tmp_path / "content", ["One step", "Another step"])
    result = run_pelican(output, content=content, settings={"HANDBOOK": handbook})
    assert result.returncode == 0, result.stderr
    css = (output / "theme" / "handbook" / "card-size.css").read_text(encoding="utf-8")
    assert "size: 3in 5in" in css
    for page in pypdf.PdfReader(output / "pocket-cards.pdf").pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == (216.0, 360.0)


def test_two_lists_marked_as_the_report_form_are_reported(tmp_path):
    (tmp_path / "content" / "pages").mkdir(parents=True)
    page = tmp_path / "content" / "pages" / "staff.md"
    page.write_text(
        "Title: Staff\nslug: staff\n\n## Gather\n\n1. Names\n\n{: .checklist-steps .report-form }"
        "\n\n## Gather again\n\n1. Times\n\n{: .checklist-steps .report-form }\n",
        encoding="utf-8",
    )
    result = run_pelican(tmp_path / "out", content=tmp_path / "content")
    assert result.returncode == 1
    assert (
        f"{page}:14: a second list marked .report-form ('Gather again'): the report form is"
        f" made from one list, and {page} marks 'Gather' already"
    ) in result.stderr
    assert "Traceback" not in result.stderr


def test_a_site_without_a_report_form_list_has_no_form_and_says_so(twelve_steps):
    # Its list of what to gather is not marked .report-form.
    assert (twelve_steps / "pocket-cards.html").exists()
    assert not (twelve_steps / "incident-report-form.html").exists()


def test_untitled_lists_on_two_pages_make_faces_of_their_own(tmp_path):
    """Both lists are 'checklist' on their page; on the cards page each keeps its page's name."""
    (tmp_path / "content" / "pages").mkdir(parents=True)
    for slug in ("hosts", "committee"):
        text = f"Title: {slug}\nslug: {slug}\nChecklists: steps\n\nSome text.\n\n1. Listen\n"
        (tmp_path / "content" / "pages" / f"{slug}.md").write_text(text, encoding="utf-8")
    output = tmp_path / "out"
    result = run_pelican(output, content=tmp_path / "content")
    assert result.returncode == 0, result.stdout + result.stderr
    ids = [card["id"] for card in faces(output / "pocket-cards.html")]
    assert sorted(ids) == ["card-committee-checklist", "card-contacts", "card-hosts-checklist"]
    assert "is used 2 times" not in result.stdout + result.stderr
