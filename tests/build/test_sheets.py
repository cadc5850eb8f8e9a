"""The pocket-card PDFs as an organizer takes them to a print shop, read back from the PDFs.

Type sizes (pdfplumber gives each word's size), items that do not break
after their first word, the Letter and A4 sheets (page sizes, faces per
sheet, crop marks outside the faces, every staff step) at the three card
sizes, the contacts card's QR code (decoded from the rendered page), and the
PDFs' tags and metadata.
"""

from __future__ import annotations

import copy
import functools
import re
import unicodedata
from pathlib import Path

import pdfplumber
import pypdf
import pypdfium2
import pytest
import zxingcpp
from bs4 import BeautifulSoup
from pelican.plugins.handbook.printouts.sheets import PAPERS, PRINTER_MARGIN, layout
from pelican.plugins.handbook.printouts.sizes import CARD_SIZES, CardSize

from tests.helpers import FIXTURE_ORGANIZATION, STAFF, STEP_TEXT, build_handbook

POINTS = 72
HANDBOOK = FIXTURE_ORGANIZATION["HANDBOOK"]
SITEURL = "https://conduct.lakeside-coders.test/handbook"
# Each paper's size in points, portrait.
PAPER_POINTS = {"letter": (612.0, 792.0), "a4": (595.28, 841.89)}
# The faces a sheet holds, by card size, on Letter and on A4 alike.
PER_SHEET = {"4x6": 2, "3x5": 4, "badge": 4}


def text(value: str) -> str:
    """Return `value` with ligatures undone and white space made single."""
    return " ".join(unicodedata.normalize("NFKC", value).split())


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def sized(name: str) -> dict:
    """Return the fixture's HANDBOOK with the card size `name`."""
    return {**HANDBOOK, "card_size": name, "card_width": None, "card_height": None}


@pytest.fixture(scope="module")
def sites(site, tmp_path_factory) -> dict[str, Path]:
    """The fixture handbook at each card size; 3x5 is also published (SITEURL set)."""
    built = {"4x6": site}
    for name, extra in (("3x5", {"SITEURL": SITEURL}), ("badge", {})):
        output = tmp_path_factory.mktemp(f"cards-{name}") / "output"
        built[name] = build_handbook(output, settings={"HANDBOOK": sized(name), **extra})
    return built


class Face:
    """What the cards page says a face holds: its title, footer, caption and items."""

    def __init__(self, section):
        self.id = section["id"]
        self.title = text(section.select_one(".card__title").get_text())
        self.footer = text(section.select_one(".card__footer").get_text())
        caption = section.select_one(".card__qr-caption")
        self.caption = text(caption.get_text()) if caption else ""
        self.items = []
        for item in section.select(".card__item"):
            item = copy.copy(item)
            for nested in item.select(".card__subitems"):
                nested.decompose()
            self.items.append(text(item.get_text()))
        # A contact's label and its number or address are on lines of their own.
        for contact in section.select(".card__contact-label, .card__contact a"):
            self.items.append(text(contact.get_text()))


def faces_of(site: Path) -> list[Face]:
    return [Face(section) for section in soup(site / "pocket-cards.html").select(".card")]


_OPENED: dict[Path, pdfplumber.PDF] = {}


def opened(path: Path) -> pdfplumber.PDF:
    """Return the PDF at `path`, read once per test session."""
    if path not in _OPENED:
        _OPENED[path] = pdfplumber.open(path)
    return _OPENED[path]


@functools.cache
def face_crops(site: Path, pdf_name: str, card: CardSize, paper: str | None = None) -> list:
    """Return (page number, cropped page) for every face of a cards PDF, in order.

    Kept for the session, like the PDFs: a cropped page reads its words once.
    """
    crops = []
    for number, page in enumerate(opened(site / pdf_name).pages):
        if paper is None:
            crops.append((number, page))
            continue
        for x, y in layout(paper, card).slots():
            box = (x * POINTS, y * POINTS, (x + card.width_in) * POINTS)
            crop = page.crop((*box, (y + card.height_in) * POINTS))
            if crop.extract_words():
                crops.append((number, crop))
    return crops


def card_of(name: str) -> CardSize:
    return CardSize(*CARD_SIZES[name], name)


PDFS = [
    ("pocket-cards.pdf", None),
    ("pocket-cards-letter.pdf", "letter"),
    ("pocket-cards-a4.pdf", "a4"),
]


@pytest.mark.parametrize("size", list(CARD_SIZES))
@pytest.mark.parametrize(("pdf_name", "paper"), PDFS)
def test_items_are_12_pt_titles_14_pt_and_nothing_under_10_pt(sites, size, pdf_name, paper):
    site = sites[size]
    faces = faces_of(site)
    crops = list(face_crops(site, pdf_name, card_of(size), paper))
    assert len(crops) == len(faces)
    for face, (_, crop) in zip(faces, crops, strict=True):
        words = crop.extract_words(extra_attrs=["size"])
        title = len(face.title.split())
        small = tail_count(words, face.caption + face.footer)
        assert words[:title] and words[title:-small], face.id
        # Sizes as PDF points, to a hundredth.
        assert min(w["size"] for w in words[:title]) >= 13.99, face.id
        assert min(w["size"] for w in words[title:-small]) >= 11.99, face.id
        assert min(w["size"] for w in words) >= 9.99, face.id
        # The title opens the face.
        assert text(" ".join(w["text"] for w in words[:title])) == face.title


def tail_count(words: list[dict], expected: str) -> int:
    """Return how many of the last `words` spell `expected` (the footer, after any caption)."""
    target, spelt = re.sub(r"\s", "", expected), ""
    for count, word in enumerate(reversed(words), start=1):
        spelt = word["text"] + spelt
        if spelt == target:
            return count
        if not target.endswith(spelt):
            break
    raise AssertionError(f"the face does not end with {expected!r}")


def test_the_faces_use_the_card(site):
    """The type grows to fill the face: most faces are set larger than the 12 pt floor."""
    sizes = [
        int(m) for m in re.findall(r"card--text-(\d+)", (site / "pocket-cards.html").read_text())
    ]
    assert len(sizes) == len(faces_of(site))
    assert sum(size > 12 for size in sizes) > len(sizes) / 2


@pytest.mark.parametrize("size", list(CARD_SIZES))
@pytest.mark.parametrize(("pdf_name", "paper"), PDFS)
def test_each_items_opening_words_share_a_line(sites, size, pdf_name, paper):
    """ "☐ Ask", then "the reporter if ..." on the next line, is the break to catch.

    The second word goes on the next line only when it would not fit beside
    the first, within the widest line of the face.
    """
    site = sites[size]
    crops = list(face_crops(site, pdf_name, card_of(size), paper))
    checked = 0
    for face, (_, crop) in zip(faces_of(site), crops, strict=True):
        words = crop.extract_words()
        right = max(word["x1"] for word in words)
        at = 0
        for item in face.items:
            first, *rest = item.split()
            if not rest:
                continue  # an address of one long word may wrap, as any word too long
            at = next(
                i
                for i in range(at, len(words) - 1)
                if text(words[i]["text"]) == first and text(words[i + 1]["text"]) == rest[0]
            )
            one, two = words[at], words[at + 1]
            if abs(one["top"] - two["top"]) > 1:
                space = 0.25 * (one["bottom"] - one["top"])  # a quarter of an em
                fits = one["x1"] + space + (two["x1"] - two["x0"]) <= right
                assert not fits, (face.id, first, rest[0])
            checked += 1
    assert checked >= 20


@pytest.mark.parametrize("size", list(CARD_SIZES))
@pytest.mark.parametrize("paper", list(PAPERS))
def test_sheets_hold_as_many_faces_as_fit_with_crop_marks(sites, size, paper):
    site, card = sites[size], card_of(size)
    faces = faces_of(site)
    sheet = layout(paper, card)
    assert sheet.per_sheet == PER_SHEET[size]
    reader = pypdf.PdfReader(site / f"pocket-cards-{paper}.pdf")
    assert len(reader.pages) == -(-len(faces) // sheet.per_sheet)
    short, long = PAPER_POINTS[paper]
    on_sheets = [0] * len(reader.pages)
    for number, _ in face_crops(site, f"pocket-cards-{paper}.pdf", card, paper):
        on_sheets[number] += 1
    assert on_sheets[:-1] == [sheet.per_sheet] * (len(on_sheets) - 1)
    assert sum(on_sheets) == len(faces)
    for page in opened(site / f"pocket-cards-{paper}.pdf").pages:
        width, height = sorted((page.width, page.height))
        assert (round(width, 1), round(height, 1)) == (round(short, 1), round(long, 1))
        assert_crop_marks(page, sheet)


def assert_crop_marks(page, sheet) -> None:
    """Every cut has short marks outside the faces, within what a printer prints."""
    w, h = sheet.card.width_in * POINTS, sheet.card.height_in * POINTS
    slots = [(x * POINTS, y * POINTS) for x, y in sheet.slots()]
    left, top = min(x for x, _ in slots), min(y for _, y in slots)
    right, bottom = max(x for x, _ in slots) + w, max(y for _, y in slots) + h
    marks = [
        r for r in page.rects if min(r["width"], r["height"]) < 1 <= max(r["width"], r["height"])
    ]
    edge = PRINTER_MARGIN * POINTS - 0.5
    for mark in marks:
        assert edge <= mark["x0"] and mark["x1"] <= page.width - edge
        assert edge <= mark["top"] and mark["bottom"] <= page.height - edge
    short = [m for m in marks if max(m["width"], m["height"]) < 0.5 * POINTS]

    def outside(mark) -> bool:
        return (
            mark["bottom"] <= top
            or mark["top"] >= bottom
            or mark["x1"] <= left
            or mark["x0"] >= right
        )

    assert short and all(outside(mark) for mark in short)
    for x, y in slots:
        for corner_x in (x, x + w):
            # A fold between two faces of a pair has its own (dashed) line.
            cut = [m for m in marks if m["height"] > m["width"] and abs(m["x0"] - corner_x) < 1]
            assert cut, ("no mark in line with the cut at x", corner_x)
        for corner_y in (y, y + h):
            cut = [m for m in short if m["width"] > m["height"] and abs(m["top"] - corner_y) < 1]
            assert len(cut) >= 2, ("no marks either side of the cut at y", corner_y)


def staff_steps(site: Path) -> list[str]:
    page = soup(site / STAFF)
    return [text(step.get_text()) for step in page.select(f".checklist--steps {STEP_TEXT}")]


@pytest.mark.parametrize("size", list(CARD_SIZES))
@pytest.mark.parametrize(("pdf_name", "paper"), PDFS)
def test_every_staff_step_is_on_the_cards(sites, size, pdf_name, paper):
    site = sites[size]
    crops = face_crops(site, pdf_name, card_of(size), paper)
    printed = text(" ".join(crop.extract_text() for _, crop in crops))
    printed = re.sub(r"(?<=-) ", "", printed)  # a line broken after a hyphen
    steps = staff_steps(site)
    assert len(steps) >= 20
    assert [step for step in steps if step not in printed] == []


def test_the_staff_page_links_every_pdf(site):
    links = {a["href"] for a in soup(site / STAFF).select(".print-links a")}
    pdfs = {"./pocket-cards.pdf", "./pocket-cards-letter.pdf", "./pocket-cards-a4.pdf"}
    assert pdfs <= links
    assert all((site / link).is_file() for link in pdfs)


def test_a_published_contacts_card_has_a_qr_code_to_the_staff_page(sites):
    site = sites["3x5"]
    cards = soup(site / "pocket-cards.html").select(".card")
    # On the contacts card, or its last face if the card is split to fit.
    contacts = [card for card in cards if "card--contacts" in card["class"]][-1]
    assert contacts.select_one(".card__qr svg") is not None
    # Rendered from the PDF, as a phone's camera would see the printed card.
    pdf = pypdfium2.PdfDocument(site / "pocket-cards.pdf")
    image = pdf[cards.index(contacts)].render(scale=300 / 72).to_pil()
    found = [code.text for code in zxingcpp.read_barcodes(image)]
    assert found == [f"{SITEURL}/{STAFF}"]
    assert f"{SITEURL}/{STAFF}" in text(contacts.get_text())


def test_without_siteurl_there_is_no_qr_code(site):
    cards = soup(site / "pocket-cards.html")
    assert cards.select(".card__qr, .card svg") == []
    image = pypdfium2.PdfDocument(site / "pocket-cards.pdf")[0].render(scale=300 / 72).to_pil()
    assert zxingcpp.read_barcodes(image) == []


@pytest.mark.parametrize("pdf_name", [name for name, _ in PDFS])
def test_the_pdfs_are_tagged_with_a_title_and_the_procedures_date(site, pdf_name):
    reader = pypdf.PdfReader(site / pdf_name)
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert root.get("/Lang") == "en"
    title = soup(site / "pocket-cards.html").title.get_text()
    assert reader.metadata.title == title
    changed = soup(site / STAFF).select_one(".build-date time")["datetime"]
    assert reader.metadata["/ModDate"].startswith("D:" + changed.replace("-", ""))


def printed_numbers(value: str) -> list[int]:
    """Return the step numbers a face prints, each at the start of a line ("7. Write down")."""
    return [int(number) for number in re.findall(r"^(\d+)\. ", value, re.MULTILINE)]


@pytest.mark.parametrize("size", list(CARD_SIZES))
@pytest.mark.parametrize(("pdf_name", "paper"), PDFS)
def test_every_numbered_face_prints_the_numbers_its_page_gives_it(sites, size, pdf_name, paper):
    """A list split over cards goes on counting: part 2 starts at its <ol start>, not at 1."""
    site = sites[size]
    sections = soup(site / "pocket-cards.html").select(".card")
    crops = face_crops(site, pdf_name, card_of(size), paper)
    starts = []
    for section, (_, crop) in zip(sections, crops, strict=True):
        steps = section.select_one("ol.card__items")
        if steps is None:
            continue
        start, count = int(steps.get("start", 1)), len(steps.find_all("li", recursive=False))
        assert printed_numbers(crop.extract_text()) == list(range(start, start + count)), section[
            "id"
        ]
        starts.append(start)
    # The staff procedure's longest lists fit a 4 x 6 in face; on the smaller
    # cards they are split.
    if size != "4x6":
        assert max(starts) > 1
