"""Write the print outputs: pocket cards (HTML and PDF) and the incident report form.

They are rendered with the pages generator's own templates and context, by
Pelican's Writer, so they extend base.html like every other page.
"""

from __future__ import annotations

from pathlib import Path

from pelican.generators import PagesGenerator
from pelican.writers import Writer

from .. import report as problems
from ..printouts.cards import Face, card_faces
from ..printouts.form import find_checklist, form_fields
from ..printouts.pdf import write_pdf
from ..settings import handbook_options

CARDS_HTML = "pocket-cards.html"
CARDS_PDF = "pocket-cards.pdf"
FORM_HTML = "incident-report-form.html"
# Generated, since the CSP forbids inline styles: the @page size of a card.
CARD_SIZE_CSS = "theme/css/card-size.css"

# The pages generator of the current build, kept from all_generators_finalized.
_state: dict = {}


def _cards_page(generator: PagesGenerator, slug: str):
    """Return the page whose checklists become cards, or None."""
    everything = [*generator.pages, *generator.hidden_pages, *generator.draft_pages]
    return next((page for page in everything if page.slug == slug), None)


def remember_pages(generators) -> None:
    """Keep the pages generator, and tell the cards page to link its print outputs."""
    _state.clear()
    generator = next((g for g in generators if isinstance(g, PagesGenerator)), None)
    if generator is None:
        return
    options = handbook_options(generator.settings)
    page = _cards_page(generator, options["cards_page"])
    if page is None:
        return
    checklist = find_checklist(
        page.metadata.get("handbook_checklists", []), options["report_form_checklist"]
    )
    if checklist is None:
        names = ", ".join(repr(c["title"]) for c in page.metadata.get("handbook_checklists", []))
        problems.add(
            page.source_path,
            1,
            f"no checklist for the report form: HANDBOOK['report_form_checklist'] is "
            f"{options['report_form_checklist']!r}; this page's checklists: {names or 'none'}",
        )
    # page.html shows its "Print" links when this is set.
    page.handbook_prints = {"cards": CARDS_HTML, "pdf": CARDS_PDF, "form": checklist and FORM_HTML}
    _state.update(generator=generator, page=page, checklist=checklist, options=options)


def _write_card_size(output: Path, options: dict) -> None:
    """Write the stylesheet that sizes the cards' printed pages."""
    width, height = options["card_width"], options["card_height"]
    (output / CARD_SIZE_CSS).parent.mkdir(parents=True, exist_ok=True)
    (output / CARD_SIZE_CSS).write_text(
        "/* Generated from HANDBOOK card_width and card_height in pelicanconf.py. */\n"
        f"@page {{ size: {width} {height}; margin: 0; }}\n"
        f":root {{ --card-width: {width}; --card-height: {height}; }}\n",
        encoding="utf-8",
    )


def _render(pelican, name: str, template: str, **values) -> Path:
    """Write `name` from a theme template, as the pages generator would."""
    generator = _state["generator"]
    writer = Writer(pelican.output_path, settings=pelican.settings)
    writer.write_file(
        name,
        generator.get_template(template),
        generator.context,
        relative_urls=pelican.settings["RELATIVE_URLS"],
        page_name=name.removesuffix(".html"),
        **values,
    )
    return Path(pelican.output_path) / name


def _warn_overflow(faces: list[Face], ids: list[str], options: dict) -> None:
    """Warn, with the list's file:line, about each card too long for its face."""
    for face in faces:
        if face.id in ids:
            problems.warn(
                face.source_path,
                face.line,
                f"pocket card {face.title!r} does not fit on a {options['card_width']} x "
                f"{options['card_height']} card; shorten its items or lower "
                "HANDBOOK['card_max_items'] to split it",
            )


def write_print_outputs(pelican) -> None:
    """Write the pocket cards, their PDF and the report form for this build."""
    if not _state:
        return
    page, options, output = _state["page"], _state["options"], Path(pelican.output_path)
    faces = card_faces(page, pelican.settings, options["card_max_items"])
    _write_card_size(output, options)
    size = {"card_width": options["card_width"], "card_height": options["card_height"]}
    cards = _render(pelican, CARDS_HTML, "cards", faces=faces, source_page=page, **size)
    if _state["checklist"] is not None:
        opening, gathered = form_fields(_state["checklist"])
        _render(pelican, FORM_HTML, "form", opening=opening, gathered=gathered, source_page=page)
    ids = [face.id for face in faces]
    try:
        too_long = write_pdf(cards, output / CARDS_PDF, ids)
    except OSError as error:
        # WeasyPrint raises OSError when Pango's libraries are missing.
        problems.add(
            page.source_path, 1, f"cannot write {CARDS_PDF}: {error} (run `make system-deps`)"
        )
        return
    _warn_overflow(faces, too_long, options)
