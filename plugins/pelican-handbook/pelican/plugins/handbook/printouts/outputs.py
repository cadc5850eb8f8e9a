"""Write the print outputs: pocket cards (HTML, and PDF with the `print` extra) and the report form.

They are rendered with the pages generator's own templates and context, by
the handbook's Writer, so they extend the theme's base.html like every other
page, and a template that fails is reported at its line like a page's.
A theme may override `handbook/cards.html` and `handbook/form.html`.
"""

from __future__ import annotations

import contextlib
import functools
from dataclasses import dataclass, field
from pathlib import Path

from pelican.generators import PagesGenerator

from ..settings import SAVE_AS
from ..theme_check import HandbookWriter
from .card_files import sheet_links, write_cards
from .form import form_fields, settings_checklist
from .pdf import pdf_writer_installed
from .sheets import PAPERS


@dataclass
class PrintState:
    """What the print outputs of one build are made from."""

    generator: PagesGenerator
    pages: list = field(default_factory=list)
    form_checklist: dict | None = None
    form_page: object = None
    # Whether the PDFs can be written: WeasyPrint comes with the `print` extra.
    pdfs: bool = True
    # The language of these pages, and the folder its printouts go in ("" for
    # the site's own language, "es/" for Spanish).
    lang: str = "en"
    folder: str = ""


# What `Cards:` may say; anything else is a mistake.
_CARDS_OFF = ("no", "false", "off")
_CARDS_ON = ("yes", "true", "on")


def _wants_cards(build, page) -> bool:
    """Say whether a page's checklists go on the pocket cards (`Cards: no` says not)."""
    value = str(page.metadata.get("cards", "yes")).strip().lower()
    if value not in _CARDS_OFF + _CARDS_ON:
        line = build.lines.of_metadata(page.source_path, "cards") or 1
        build.report.problem(page.source_path, line, f"'Cards: {value}' is neither yes nor no")
    return value not in _CARDS_OFF


def _with_checklists(everything: list, menu: list[str]) -> list:
    """Return the pages that have checklists: in MENU_PAGES order first, then the others."""
    ranked = sorted(everything, key=lambda p: menu.index(p.slug) if p.slug in menu else len(menu))
    return [page for page in ranked if getattr(page, "handbook_checklists", None)]


def _report_form(build, pages: list, own_language: bool) -> tuple[dict | None, object]:
    """Return the checklist the form is made from, and its page (None for the settings' fields).

    The one list marked `.report-form` (two are an error), else
    HANDBOOK["report_form_fields"]; with both, the list wins and the build warns.
    """
    marked = [(c, p) for p in pages for c in p.handbook_checklists if c.get("report_form")]
    # In order: each call finds the next mark of the same page.
    lines = [build.lines.next_of_text(p.source_path, ".report-form") for _, p in marked]
    for (checklist, page), line in list(zip(marked, lines))[1:]:
        first = marked[0][1].source_path
        message = (
            f"a second list marked .report-form ('{checklist['title']}'): the report form"
            f" is made from one list, and {first} marks '{marked[0][0]['title']}' already"
        )
        build.report.problem(page.source_path, line, message)
    # The fields in settings are written in the site's language.
    fields = build.options["report_form_fields"] if own_language else []
    if marked and fields:
        message = (
            "the report form is made from this list marked .report-form;"
            " HANDBOOK['report_form_fields'] is not used: remove one or the other"
        )
        build.report.warn(marked[0][1].source_path, lines[0], message)
    if marked:
        return marked[0]
    return (settings_checklist(fields), None) if fields else (None, None)


def plan_printouts(build, generators) -> list[PrintState]:
    """Plan each language's printouts, the site's own first: each other's go in its folder."""
    generator = next((g for g in generators if isinstance(g, PagesGenerator)), None)
    if generator is None:
        return []
    default = build.settings.get("DEFAULT_LANG") or "en"
    translations = [*generator.translations, *generator.hidden_translations]
    everything = [*generator.pages, *generator.hidden_pages, *translations]
    languages = [default, *sorted({page.lang for page in everything} - {default})]
    return [
        _plan_language(build, generator, [p for p in everything if p.lang == lang], lang, default)
        for lang in languages
    ]


def _plan_language(build, generator, pages: list, lang: str, default: str) -> PrintState:
    """Choose the pages the cards and the form come from, and give them their Print links."""
    with_checklists = _with_checklists(pages, list(build.settings.get("MENU_PAGES", [])))
    state = PrintState(generator, [p for p in with_checklists if _wants_cards(build, p)])
    state.lang, state.folder = lang, "" if lang == default else f"{lang}/"
    state.form_checklist, state.form_page = _report_form(build, with_checklists, lang == default)
    state.pdfs = pdf_writer_installed()
    names = {key: state.folder + build.options[key] for key in SAVE_AS}
    form = names["report_form_save_as"] if state.form_checklist is not None else None
    # No link to a PDF the build will not write.
    sheets = sheet_links(build.options, state.folder) if state.pdfs else {}
    cards, pdf = names["cards_save_as"], names["cards_pdf_save_as"] if state.pdfs else None
    prints = {"cards": cards, "pdf": pdf, "form": form}
    # The sheets to cut: "letter" and "a4" (None for a paper the card does not fit).
    prints.update({paper: sheets.get(paper) for paper in PAPERS})
    for page in state.pages:
        # The page template shows its "Print" links when this is set.
        page.handbook_prints = dict(prints)
    if state.form_page is not None and state.form_page not in state.pages:
        state.form_page.handbook_prints = {**dict.fromkeys(prints), "form": form}
    return state


class TemplateFailed(Exception):
    """A print template failed while rendering; the writer has reported it at its line."""


def _render(pelican, state: PrintState, name: str, template: str, **values) -> Path:
    """Write `name` from a template, as the pages generator would."""
    path = Path(pelican.output_path) / name
    # Gone unless written now: a failed template leaves no last build's copy behind.
    path.unlink(missing_ok=True)
    writer = HandbookWriter(pelican.output_path, settings=pelican.settings)
    writer.write_file(
        name,
        state.generator.get_template(template),
        state.generator.context,
        relative_urls=pelican.settings["RELATIVE_URLS"],
        page_name=name.removesuffix(".html"),
        **values,
    )
    if not path.exists():
        raise TemplateFailed(template)
    return path


def write_printouts(build, pelican, states: list[PrintState] | None) -> None:
    """Write the pocket cards, their PDF and the report form of each language of this build."""
    from ..translations import speaking  # the translations import the printouts' marks

    states = [state for state in states or [] if state.pages or state.form_checklist is not None]
    if not states:
        build.report.note("no page has checklists: no pocket cards or report form written")
    for state in states:
        # Each language's printouts in its words.
        with speaking(build, state.generator.context, state.lang):
            _write_language(build, pelican, state)


def _write_language(build, pelican, state: PrintState) -> None:
    """Write the pocket cards, their PDF and the report form of one language."""
    if state.pages:
        cards = functools.partial(_render, pelican, state, template="handbook/cards")
        # A failed template is reported at its line; the form may still be written.
        with contextlib.suppress(TemplateFailed):
            write_cards(build, pelican, state, cards)
    if state.form_checklist is not None:
        opening, gathered = form_fields(state.form_checklist, build.options["words"])
        with contextlib.suppress(TemplateFailed):
            _render(
                pelican,
                state,
                state.folder + build.options["report_form_save_as"],
                "handbook/form",
                opening=opening,
                gathered=gathered,
                source_page=state.form_page,
                # The form prints the date of the procedure it comes from.
                handbook_print_marks=getattr(state.form_page, "handbook_print_marks", None),
            )
