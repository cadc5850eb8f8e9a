"""Write the pocket cards: their page, their PDF, and the Letter and A4 sheets to cut.

The faces are planned (cards.py), fitted to the card (fit.py, measured by
WeasyPrint), given the contacts card's QR code (qr.py), then written as
the cards page (one face per printed page), its PDF, and one sheet PDF per
paper (sheets.py), each named by its HANDBOOK setting (`cards_save_as`,
`cards_pdf_save_as`, `cards_sheets_save_as`). The measuring and sheet pages are
HTML for WeasyPrint only: written beside the cards page, so their links
resolve as its do, and removed once their PDF is written. Without the
`print` extra (WeasyPrint, segno) only the cards page is written, its faces
unmeasured, and the build says so in one line.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from .cards import CONTACTS, Face, card_faces, numbering_css
from .fit import TEXT_SIZES, fit_faces, measure_height
from .pdf import PdfUnavailable, write_pdf
from .qr import contacts_qr, wants_qr
from .sheets import PAPERS, Layout, card_size_css, layout, place
from .sizes import card_size

# What installs WeasyPrint and segno, which write the PDFs and the QR code.
PRINT_EXTRA = 'pip install "pelican-handbook[print]"'
# Never part of the site: removed once their PDF is written.
_MEASURE_HTML = "pocket-cards-measuring.html"
_MEASURE_PDF = "pocket-cards-measuring.pdf"
_SHEET_HTML = "pocket-cards-{paper}.html"


def sheet_layouts(options: dict) -> list[Layout]:
    """Return the layout of each paper that the card fits on (Letter, A4)."""
    size = card_size(options)
    return [found for paper in PAPERS if (found := layout(paper, size)) is not None]


def sheet_links(options: dict, folder: str = "") -> dict[str, str]:
    """Return the sheet PDF of each paper, by paper ("letter", "a4"), in a language's folder."""
    layouts = sheet_layouts(options)
    name = options["cards_sheets_save_as"]
    return {sheet.paper: folder + name.replace("{paper}", sheet.paper) for sheet in layouts}


def _removed(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


def write_cards(build, pelican, state, render: Callable[..., Path]) -> None:
    """Write the pocket cards page, its PDF and sheets (with WeasyPrint); warn about long faces."""
    options, output = build.options, Path(pelican.output_path)
    settings = pelican.settings
    size, sheets = card_size(options), sheet_layouts(options)
    static = output / settings.get("THEME_STATIC_DIR", "theme") / "handbook"
    static.mkdir(parents=True, exist_ok=True)
    # A file, not an inline style: the site's Content-Security-Policy forbids those.
    css = card_size_css(size, sheets, measure_height(size.height_in))
    css += numbering_css(state.pages)
    (static / "card-size.css").write_text(css, encoding="utf-8")
    first = state.pages[0]
    # Another language's printouts go in its folder: es/pocket-cards.html.
    folder = state.folder
    cards_html, cards_pdf = folder + options["cards_save_as"], folder + options["cards_pdf_save_as"]
    sheet_pdfs = sheet_links(options, folder)
    # The pages the faces come from, each named on the cards page.
    card_pages = [page for page in state.pages if any(c["items"] for c in page.handbook_checklists)]
    dates = [getattr(page, "handbook_changed_iso", None) for page in card_pages]
    values = {
        "source_page": first,
        "source_pages": state.pages,
        "card_pages": card_pages,
        # The PDFs' modification date: the newest of the procedures they print.
        "changed_iso": max(filter(None, dates), default=None),
        "card_width": size.width,
        "card_height": size.height,
        # The PDFs the cards page links: none that this build does not write.
        "pdf": cards_pdf if state.pdfs else None,
        "sheets": sheets if state.pdfs else [],
        "sheet_pdfs": sheet_pdfs if state.pdfs else {},
        "folder": folder,
    }
    siteurl = settings.get("SITEURL", "")
    qr = contacts_qr(siteurl, state.generator, state.pages)
    # Pelican's CACHE_PATH, relative to the current folder like Pelican's own:
    # a build whose cards did not change copies its PDFs and measurements.
    cache = Path(settings.get("CACHE_PATH") or "cache") / "handbook"

    def pdf(html: Path, name: str, faces: list[Face]) -> list[str]:
        ids = [face.id for face in faces]
        return write_pdf(html, output / name, ids, siteurl, cache, root=output)

    def make_faces(least: dict) -> list[Face]:
        faces = card_faces(state.pages, settings, options["card_max_items"], least)
        # On the contacts card's last face, when it is split.
        contacts = [face for face in faces if face.checklist == CONTACTS]
        if contacts:
            contacts[-1].qr = qr
        return faces

    def measure(trials: list[Face]) -> set[str]:
        html = render(folder + _MEASURE_HTML, faces=trials, measuring=True, **values)
        try:
            return set(pdf(html, folder + _MEASURE_PDF, trials))
        finally:
            _removed(html, output / folder / _MEASURE_PDF)

    faces = make_faces({})
    has_contacts = any(face.checklist == CONTACTS for face in faces)
    _note_print_extra(build, state.pdfs, has_contacts and wants_qr(siteurl) and qr is None)
    if not state.pdfs:
        render(cards_html, faces=_unmeasured(faces), **values)
        return
    try:
        faces, too_long = fit_faces(make_faces, measure)
    except PdfUnavailable as error:
        # Installed, but it cannot run (Pango is missing): a broken install.
        without_pdfs = {**values, "pdf": None, "sheets": [], "sheet_pdfs": {}}
        render(cards_html, faces=_unmeasured(faces), **without_pdfs)
        build.report.problem(first.source_path, 1, f"cannot write {cards_pdf}: {error}")
        return
    pdf(render(cards_html, faces=faces, **values), cards_pdf, faces)
    for sheet in sheets:
        placed = {"paper": sheet.paper, "pages": place(faces, sheet), "marks": len(sheet.marks)}
        sheet_html = folder + _SHEET_HTML.format(paper=sheet.paper)
        html = render(sheet_html, faces=faces, sheet=placed, **values)
        try:
            pdf(html, sheet_pdfs[sheet.paper], faces)
        finally:
            _removed(html)
    _warn_too_long(build, too_long, size)


def _unmeasured(faces: list[Face]) -> list[Face]:
    """Give faces that WeasyPrint could not measure the smallest type, which fits the most."""
    for face in faces:
        face.text_size = TEXT_SIZES[-1]
    return faces


def _note_print_extra(build, pdfs: bool, qr_missing: bool) -> None:
    """Say, in one line, what the `print` extra would add to this build's cards."""
    if not pdfs:
        what = "their PDFs" + (" and the contacts card's QR code" if qr_missing else "")
        build.report.note(f"pocket cards written as HTML only: {PRINT_EXTRA} writes {what}")
    elif qr_missing:
        build.report.note(f"the contacts card has no QR code: {PRINT_EXTRA} adds it")


def _warn_too_long(build, faces: list[Face], size) -> None:
    """Warn, with the list's file:line, about each face too long for the card at 12 pt."""
    smallest = TEXT_SIZES[-1]
    for face in faces:
        split = f" even split into {face.parts}" if face.parts > 1 else ""
        where = f"{size} card{split} at {smallest} pt"
        if face.checklist == CONTACTS:
            message = (
                f"the contacts card does not fit on a {where}; show fewer contacts on"
                " the card (their 'show' setting) or write them shorter"
            )
        else:
            message = (
                f"pocket card {face.checklist_title!r} does not fit on a {where}"
                f" ({face.title!r}); shorten its items"
            )
        build.report.warn(face.source_path, face.line, message)
