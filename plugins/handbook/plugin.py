"""Connect the handbook's jobs to Pelican's signals."""

from __future__ import annotations

from pelican import signals

from . import problems
from .config import handbook_options, share_with_content
from .reader import add_reader


def start_build(pelican) -> None:
    """Reset per-build state and prepare settings before anything is read."""
    problems.reset()
    settings = pelican.settings
    handbook_options(settings)
    share_with_content(settings)


def check_content(generators) -> None:
    """Run the checks that need every page, before anything is written."""


def finish_build(pelican) -> None:
    """Run the jobs on the written site, then report every problem found."""
    problems.report(fail=pelican.settings.get("HANDBOOK_FAIL_ON_PROBLEMS", True))


def register() -> None:
    signals.initialized.connect(start_build)
    signals.readers_init.connect(add_reader)
    signals.all_generators_finalized.connect(check_content)
    signals.finalized.connect(finish_build)
