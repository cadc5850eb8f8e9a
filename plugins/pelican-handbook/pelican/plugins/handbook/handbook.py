"""Connect the handbook's features to Pelican's signals.

One receiver per signal, each calling the features whose settings are on in
a fixed order: Pelican's signals call their receivers in no set order, and
the order of the features matters (cards are pages too, so their links are
checked, and the offline cache lists every file, so it comes last).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from handbook_checklists import ChecklistExtension
from jinja2 import ChoiceLoader, FileSystemBytecodeCache, FileSystemLoader
from pelican import signals

from .build import current_build, start_build
from .contacts import contacts_for_templates, places
from .content import (
    content_tree,
    drop_shared_outputs,
    every_content,
    give_articles_a_category,
    written_by,
)
from .dates import stamp_build_date, stamp_changed_dates
from .headings import ChecklistHeadingIds, site_has_toc
from .language import text_direction
from .linkcheck import ContentLinks, check_output, remember_written
from .linkcheck.html import read_tree
from .loaded_plugins import unloaded_plugins
from .menu import share_menu
from .offline import write_app_files, write_service_worker
from .page_checklists import describe
from .placeholders import placeholder_pattern, report_placeholders
from .printouts import plan_printouts, write_printouts
from .printouts.marks import stamp_print_marks
from .reader import SYNTAX_OPTIONS, install_reader
from .report import show_again
from .theme_check import provide_writer, report_broken_templates
from .translations import apply_translations, page_writing, pages_written
from .words import SCRIPT_WORDS

HERE = os.path.dirname(__file__)
TEMPLATES = os.path.join(HERE, "templates")
STATIC = os.path.join(HERE, "static")
FEATURES = ("checklists", "link_check", "printouts", "offline")
# The options of a Jinja environment that its compiled templates depend on.
COMPILE_OPTIONS = ("autoescape", "finalize", *SYNTAX_OPTIONS)


def _add_markdown_extensions(build, settings: dict) -> None:
    """Add the checklist extension to Pelican's Markdown, with heading ids for its pages."""
    markdown = settings.setdefault("MARKDOWN", {})
    extensions = markdown.setdefault("extensions", [])
    # A new one each build, reporting to this build (an earlier build's is dropped).
    ours = (ChecklistExtension, ChecklistHeadingIds)
    extensions[:] = [e for e in extensions if not isinstance(e, ours)]
    if not site_has_toc(markdown):
        extensions.append(ChecklistHeadingIds())
    extensions.append(
        ChecklistExtension(
            on_mistake=build.checklist_mistake,
            on_checklists=build.checklists_made,
            default_title=build.options["words"]["checklist_title"],
            fragment_openers=build.options["words"]["title_fragment_openers"],
            fragment_closers=build.options["words"]["title_fragment_closers"],
        )
    )


def begin(pelican) -> None:
    """Start this build's object and prepare the settings, before any generator exists."""
    show_again()
    # A plugin Pelican could not load is a settings problem: what it gives is missing.
    build = start_build(pelican.settings, unloaded_plugins(pelican))
    settings = pelican.settings
    if build.on("checklists"):
        _add_markdown_extensions(build, settings)
    # The contacts with each `tel` and `show` filled in, for the theme and the pages.
    contacts = contacts_for_templates(settings, places(build.options["contact_places"]))
    build.template_values.update(contacts)
    shared = {
        name: contacts.get(name, settings[name]) for name in build.options["content_settings"]
    }
    # The wording, for every template (a macro imported without context too)
    # and, in part, for the scripts (handbook/words.html).
    words = build.options["words"]
    build.template_values["HANDBOOK_WORDS"] = words
    build.template_values["HANDBOOK_SCRIPT_WORDS"] = {key: words[key] for key in SCRIPT_WORDS}
    shared["HANDBOOK_WORDS"] = words
    settings["JINJA_GLOBALS"] = {**settings.get("JINJA_GLOBALS", {}), **shared}
    stamp_build_date(build.template_values, settings, build.options["date_format"])
    # `<html dir>` for the site's language: Arabic, Hebrew, Persian, Urdu read right to left.
    build.template_values["HANDBOOK_DIR"] = text_direction(settings.get("DEFAULT_LANG", "en"))
    # The dates the scripts write (a checklist run's start) follow it too.
    build.template_values["HANDBOOK_DATE_FORMAT"] = build.options["date_format"]
    # Which features are on, for handbook/assets.html: it brings only their files.
    build.template_values["HANDBOOK_FEATURES"] = {name: build.on(name) for name in FEATURES}
    # The plugin's assets go first, so a theme's own `handbook/` files replace
    # them; a site whose features need none gets no `handbook/` folder.
    static_paths = settings.setdefault("THEME_STATIC_PATHS", ["static"])
    needed = any(build.on(name) for name in ("checklists", "printouts", "offline"))
    if needed and STATIC not in static_paths:
        static_paths.insert(0, STATIC)
    elif not needed and STATIC in static_paths:
        static_paths.remove(STATIC)


def _keep_compiled_templates(env, settings: dict) -> None:
    """Keep the compiled templates in Pelican's CACHE_PATH, for the next build.

    Compiling them again is a large part of a second `make html` with
    nothing changed. A changed template is compiled again: Jinja keeps a
    checksum of it.
    The checksum is of the source alone, so each set of the environment's
    options has a folder of its own: a template compiled without autoescape
    must not be reused by a build with it. Autoescape chosen by a function
    (select_autoescape) gives no key: those builds compile every time.
    """
    if env.bytecode_cache is None and not callable(env.autoescape):
        options = [getattr(env, name) for name in COMPILE_OPTIONS] + sorted(env.extensions)
        # A function (finalize) by its name: its repr changes with each process.
        named = [getattr(option, "__qualname__", option) for option in options]
        key = hashlib.sha256(repr(named).encode()).hexdigest()[:12]
        folder = Path(settings.get("CACHE_PATH") or "cache") / "handbook" / "templates" / key
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(folder))


def prepare_generator(generator) -> None:
    """Read with the handbook's reader; find the plugin's templates after the theme's."""
    build = current_build(generator.settings)
    if build is None:
        return
    if build.on("checklists") or build.on("link_check"):
        # Only they need what it keeps; without them Pelican reads as it always does.
        install_reader(generator)
    # The generators share one context, copied from the settings before this
    # build's object existed: templates and content_written see it from here.
    generator.context.update(build.template_values, HANDBOOK_BUILD=build)
    env = getattr(generator, "env", None)
    if env is not None and not getattr(env, "handbook_templates", False):
        env.loader = ChoiceLoader([env.loader, FileSystemLoader(TEMPLATES)])
        env.handbook_templates = True
        _keep_compiled_templates(env, generator.settings)
        report_broken_templates(build, env)


def _read_contents(build, generators, contents: list, written: dict[str, object]) -> None:
    """Describe each page from its HTML, and check the links of each written one's content."""
    checklists = build.on("checklists")
    links = ContentLinks.of_build(build, generators) if build.on("link_check") else None
    outputs = {id(page): output for output, page in written.items()} if links else {}
    placeholders = placeholder_pattern(build.options["content_placeholders"])
    for source, text in build.sources.items() if placeholders else ():
        report_placeholders(build.report, source, text, placeholders)
    for page in contents:
        output = outputs.get(id(page))
        if not checklists and output is None:
            continue
        # One tree at a time, dropped once read: a site's pages can be many.
        tree = content_tree(page)
        if checklists:
            describe(page, tree)
        if output is not None:
            links.check(page, output, read_tree(tree))


# What the build gives each page and article later on, None until then.
LATER_ATTRIBUTES = (
    "handbook_toc",
    "handbook_changed",
    "handbook_changed_iso",
    "handbook_print_marks",
)


def content_made(content) -> None:
    """Give a new page or article the attributes the build fills in later, empty for now."""
    # Set as each is made, in one order: CPython then shares one table of
    # attribute names among all of them, where a name added later gives every
    # page a dictionary of its own (tests/bench/BENCH.md has what this saves).
    if current_build(content.settings) is not None:
        for name in LATER_ATTRIBUTES:
            setattr(content, name, getattr(content, name, None))


def content_ready(generators) -> None:
    """Describe every page, check its links, and plan the printouts, before anything is written."""
    build = current_build(generators[0].settings)
    if build is None:
        return
    contents = drop_shared_outputs(build, generators, every_content(generators))
    give_articles_a_category(contents, build.settings)
    written = written_by(contents)
    build.links.pages = written
    _read_contents(build, generators, contents, written)
    share_menu(build, generators)
    stamp_changed_dates(contents, build.settings, build.options["date_format"])
    if build.on("printouts"):
        # The date and page number every printed page of a document shows.
        stamp_print_marks(contents, build.options["words"])
        build.printouts = plan_printouts(build, generators)
    # Once every page is known: translations against their sources, links in language.
    apply_translations(build, generators, contents)


def page_written(path, context) -> None:
    """Keep the content each page was written with (the link check tells it from the theme)."""
    build = current_build(context)
    if build is not None and build.on("link_check"):
        remember_written(build.links, path, context)


def finish(pelican) -> None:
    """Write the printouts and the offline files, check the written site, then report."""
    build = current_build(pelican.settings)
    if build is None:
        return
    if build.on("printouts"):
        write_printouts(build, pelican, build.printouts)
    if build.on("offline"):
        write_app_files(build, pelican)
    if build.template_failed:
        # Pages written from a stand-in have none of their links or ids.
        build.report.note("the written pages' links were not checked: a template failed")
    elif build.on("link_check"):
        check_output(build, pelican.output_path, build.links)
    if build.on("offline"):
        write_service_worker(build, pelican)
    build.report.finish(fail=build.fail_on_problems, group=build.options["group_problems"])


def register() -> None:
    signals.get_generators.connect(begin)
    signals.generator_init.connect(prepare_generator)
    signals.content_object_init.connect(content_made)
    signals.all_generators_finalized.connect(content_ready)
    signals.content_written.connect(page_written)
    signals.page_generator_write_page.connect(page_writing)
    signals.page_writer_finalized.connect(pages_written)
    signals.get_writer.connect(provide_writer)
    signals.finalized.connect(finish)
