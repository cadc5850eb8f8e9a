"""Write the print outputs: pocket cards (HTML and PDF) and the incident report form.

They are rendered with the pages generator's own templates and context, by
Pelican's Writer, so they extend the theme's base.html like every other page.
A theme may override `handbook/cards.html` and `handbook/form.html`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pelican.generators import PagesGenerator
from pelican.writers import Writer

from .cards import Face, card_faces
from .form import form_fields
from .pdf import PdfUnavailable, write_pdf

CARDS_HTML = "pocket-cards.html"
CARDS_PDF = "pocket-cards.pdf"
FORM_HTML = "incident-report-form.html"


@dataclass
class PrintState:
    """What the print outputs of one build are made from."""

    generator: PagesGenerator
    pages: list = field(default_factory=list)
    form_checklist: dict | None = None
    form_page: object = None


# What `Cards:` may say; anything else is a mistake.
_CARDS_OFF = ("no", "false", "off")
_CARDS_ON = ("yes", "true", "on")


def _wants_cards(build, page) -> bool:
    """Say whether a page's checklists go on the pocket cards (`Cards: no` says not)."""
    value = str(page.metadata.get("cards", "yes")).strip().lower()
    if value not in _CARDS_OFF + _CARDS_ON:
        line = build.source_line(page.source_path, "cards:")
        build.report.problem(page.source_path, line, f"'Cards: {value}' is neither yes nor no")
    return value not in _CARDS_OFF


def _with_checklists(generator: PagesGenerator, menu: list[str]) -> list:
    """Return the pages that have checklists: in MENU_PAGES order first, then the others."""
    everything = [*generator.pages, *generator.hidden_pages]
    ranked = sorted(everything, key=lambda p: menu.index(p.slug) if p.slug in menu else len(menu))
    return [page for page in ranked if getattr(page, "handbook_checklists", None)]


def _report_form(build, pages: list) -> tuple[dict | None, object]:
    """Return the one checklist marked `.report-form`, and its page; two are an error."""
    marked = [(c, p) for p in pages for c in p.handbook_checklists if c.get("report_form")]
    # In order: each call finds the next mark of the same page.
    lines = [build.source_line(p.source_path, ".report-form") for _, p in marked]
    for (checklist, page), line in list(zip(marked, lines, strict=True))[1:]:
        first = marked[0][1].source_path
        message = (
            f"a second list marked .report-form ('{checklist['title']}'): the report form"
            f" is made from one list, and {first} marks '{marked[0][0]['title']}' already"
        )
        build.report.problem(page.source_path, line, message)
    return marked[0] if marked else (None, None)


def plan_printouts(build, generators) -> PrintState | None:
    """Choose the pages the cards and the form come from, and give them their Print links."""
    generator = next((g for g in generators if isinstance(g, PagesGenerator)), None)
    if generator is None:
        return None
    with_checklists = _with_checklists(generator, list(build.settings.get("MENU_PAGES", [])))
    state = PrintState(generator, [p for p in with_checklists if _wants_cards(build, p)])
    state.form_checklist, state.form_page = _report_form(build, with_checklists)
    form = FORM_HTML if state.form_checklist is not None else None
    for page in state.pages:
        # The page template shows its "Print" links when this is set.
        page.handbook_prints = {"cards": CARDS_HTML, "pdf": CARDS_PDF, "form": form}
    if state.form_page is not None and state.form_page not in state.pages:
        state.form_page.handbook_prints = {"cards": None, "pdf": None, "form": form}
    return state


def _card_size_css(options: dict) -> str:
    """Return the stylesheet that sizes the cards' printed pages."""
    width, height = options["card_width"], options["card_height"]
    return (
        "/* Generated from HANDBOOK card_width and card_height. */\n"
        f"@page {{ size: {width} {height}; margin: 0; }}\n"
        f":root {{ --card-width: {width}; --card-height: {height}; }}\n"
    )


def _render(pelican, state: PrintState, name: str, template: str, **values) -> Path:
    """Write `name` from a template, as the pages generator would."""
    writer = Writer(pelican.output_path, settings=pelican.settings)
    writer.write_file(
        name,
        state.generator.get_template(template),
        state.generator.context,
        relative_urls=pelican.settings["RELATIVE_URLS"],
        page_name=name.removesuffix(".html"),
        **values,
    )
    return Path(pelican.output_path) / name


def write_printouts(build, pelican, state: PrintState | None) -> None:
    """Write the pocket cards, their PDF and the report form of this build."""
    if state is None or (not state.pages and state.form_checklist is None):
        build.report.note("no page has checklists: no pocket cards or report form written")
        return
    if state.pages:
        _write_cards(build, pelican, state)
    if state.form_checklist is not None:
        opening, gathered = form_fields(state.form_checklist, build.options["words"])
        _render(
            pelican,
            state,
            FORM_HTML,
            "handbook/form",
            opening=opening,
            gathered=gathered,
            source_page=state.form_page,
        )


def _write_cards(build, pelican, state: PrintState) -> None:
    """Write the pocket cards page and its PDF."""
    options, output = build.options, Path(pelican.output_path)
    faces = card_faces(state.pages, pelican.settings, options["card_max_items"])
    static = output / pelican.settings.get("THEME_STATIC_DIR", "theme")
    (static / "handbook").mkdir(parents=True, exist_ok=True)
    # A file, not an inline style: the site's Content-Security-Policy forbids those.
    (static / "handbook" / "card-size.css").write_text(_card_size_css(options), encoding="utf-8")
    size = {"card_width": options["card_width"], "card_height": options["card_height"]}
    first = state.pages[0]
    cards = _render(
        pelican,
        state,
        CARDS_HTML,
        "handbook/cards",
        faces=faces,
        source_page=first,
        source_pages=state.pages,
        **size,
    )
    try:
        ids = [face.id for face in faces]
        too_long = write_pdf(cards, output / CARDS_PDF, ids, pelican.settings.get("SITEURL", ""))
    except PdfUnavailable as error:
        build.report.problem(first.source_path, 1, f"cannot write {CARDS_PDF}: {error}")
        return
    _warn_overflow(build, faces, too_long, options)


def _warn_overflow(build, faces: list[Face], ids: list[str], options: dict) -> None:
    """Warn, with the list's file:line, about each card too long for its face."""
    for face in faces:
        if face.id in ids:
            build.report.warn(
                face.source_path,
                face.line,
                f"pocket card {face.title!r} does not fit on a {options['card_width']} x "
                f"{options['card_height']} card; shorten its items or lower "
                "HANDBOOK['card_max_items'] to split it",
            )
