"""Connect the handbook's jobs to Pelican's signals."""

from __future__ import annotations

from pelican import signals

from . import report as problems
from .checklists.extension import ChecklistExtension
from .dates import stamp_build_date
from .linkcheck import content as link_check
from .linkcheck import output as theme_links
from .linkcheck.source import read_sources
from .linkcheck.tree import TreeLinkExtension, read_pages
from .menu import share_menu
from .offline.files import write_app_files, write_service_worker
from .printouts.outputs import remember_pages, write_print_outputs
from .reader import add_reader
from .settings import handbook_options, share_with_content


def start_build(pelican) -> None:
    """Reset per-build state and prepare settings before anything is read."""
    problems.reset()
    # What an interrupted build read and never checked.
    read_pages.clear()
    read_sources.clear()
    settings = pelican.settings
    handbook_options(settings)
    share_with_content(settings)
    stamp_build_date(settings)
    add_markdown_extension(settings)


def add_markdown_extension(settings: dict) -> None:
    """Add the checklist and link extensions to Pelican's Markdown, once per settings object."""
    extensions = settings.setdefault("MARKDOWN", {}).setdefault("extensions", [])
    if not any(isinstance(ext, ChecklistExtension) for ext in extensions):
        extensions.append(ChecklistExtension())
    if not any(isinstance(ext, TreeLinkExtension) for ext in extensions):
        extensions.append(TreeLinkExtension())


def check_content(generators) -> None:
    """Run the checks that need every page, before anything is written."""
    # 1. link checks on every page's source and HTML (links module)
    link_check.check_content(generators)


def finish_build(pelican) -> None:
    """Run the jobs on the written site, then report every problem found."""
    # Order matters: the print outputs are pages too, the theme's links in every
    # written file are checked, and the offline cache lists every file last.
    # 1. print outputs: pocket cards (HTML, PDF) and the incident report form
    write_print_outputs(pelican)
    # 1b. offline: the app icons and the manifest every page links to
    write_app_files(pelican)
    # 2. links the theme wrote, in every output file
    theme_links.check_output(pelican)
    # 3. offline: the service worker with the precache list of every file
    write_service_worker(pelican)
    problems.report(fail=pelican.settings.get("HANDBOOK_FAIL_ON_PROBLEMS", True))


def register() -> None:
    signals.initialized.connect(start_build)
    signals.readers_init.connect(add_reader)
    signals.all_generators_finalized.connect(check_content)
    # The print outputs render with the pages generator, kept here.
    signals.all_generators_finalized.connect(remember_pages)
    signals.all_generators_finalized.connect(share_menu)
    signals.finalized.connect(finish_build)
