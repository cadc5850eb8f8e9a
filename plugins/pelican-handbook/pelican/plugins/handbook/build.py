"""The one object a build accumulates into: settings, problems, sources, and each feature's state.

Pelican hands each signal a different object (the Pelican instance, the
generators, a reader's settings), but all of them share one settings dict:
the build is kept there, and made anew at the start of every build, so tests
and `pelican --autoreload` never see an earlier build's state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .contacts import check_contacts
from .dates import timezone_problems
from .linkcheck.content import LinkState
from .report import Report
from .settings import check_settings, settings_file
from .signals import checking_settings
from .source_lines import SourceLines
from .translations import check_language_words
from .translations.state import TranslationState
from .words import check_theme_words, check_words

_KEY = "HANDBOOK_BUILD"


@dataclass
class Build:
    """Everything one build of the site has found and queued so far."""

    settings: dict
    options: dict
    report: Report = field(default_factory=Report)
    # Each Markdown source's text as the reader read it, by source path.
    sources: dict[str, str] = field(default_factory=dict)
    # The printouts planned once every page is known, written at the end.
    printouts: list = field(default_factory=list)
    # A theme template failed: pages written from a stand-in hold none of their links.
    template_failed: bool = False
    # The metadata keys the theme and the plugin read (metadata.py), once found.
    metadata_keys: frozenset | None = None
    # What templates see besides the settings (the build date).
    template_values: dict[str, Any] = field(default_factory=dict)
    # Where things are written in those sources: every feature asks it for a line.
    lines: SourceLines = field(init=False)
    # The source the reader is converting now.
    reading: str | None = None
    # The checklists the extension made of each source, by source path.
    checklists: dict[str, list[dict]] = field(default_factory=dict)
    # What the link check gathers for its pass over the written site.
    links: LinkState = field(default_factory=LinkState)
    # Why reading a source failed, by source path: Pelican skips it, and says
    # why only with --debug.
    unread: dict[str, str] = field(default_factory=dict)
    # The site's languages, their words, homes and menus (translations/).
    translations: TranslationState = field(default_factory=TranslationState)

    def __post_init__(self) -> None:
        self.lines = SourceLines(self.sources)

    @property
    def fail_on_problems(self) -> bool:
        return self.settings.get("HANDBOOK_FAIL_ON_PROBLEMS", True) is not False

    def checklist_mistake(self, level: str, message: str, snippet: str) -> None:
        """Report a mistake the checklist extension found in the page being read."""
        if self.reading is None:
            return
        # Python-Markdown keeps no line numbers: the mistake is placed by the text it quotes.
        line = self.lines.next_of_text(self.reading, snippet)
        if level == "error":
            self.report.problem(self.reading, line, message)
        else:
            self.report.warn(self.reading, line, message)

    def checklists_made(self, checklists: list[dict]) -> None:
        """Keep the checklists the extension made of the source being read."""
        # The document is converted first; Pelican then converts its
        # formatted metadata (a Summary) with the same Markdown, whose lists are no page's.
        if self.reading is not None:
            self.checklists.setdefault(self.reading, checklists)

    def on(self, feature: str) -> bool:
        """Say whether a feature (checklists, link_check, printouts, offline) is switched on."""
        return bool(self.options[feature])


def feature_setting_problems(settings: dict, options: dict) -> list[tuple[str, str]]:
    """Return each (setting, problem) the features find in the settings they read."""
    catalog, theme_problems = check_theme_words(options["theme_words"])
    options["words"], problems = check_words(options["words"], catalog)
    options["language_words"], language_problems = check_language_words(
        options["language_words"], options["words"], catalog
    )
    return [
        *theme_problems,
        *problems,
        *language_problems,
        *check_contacts(settings, options["contact_places"], options["content_settings"]),
        *timezone_problems(settings),
    ]


def other_plugins_problems(settings: dict) -> list[tuple[str, str]]:
    """Return each (setting, problem) other plugins find in settings of their own."""
    return [problem for _, found in checking_settings.send(settings) for problem in found or ()]


def checked_settings(settings: dict) -> tuple[dict, list[tuple[str, str]]]:
    """Return the plugin's options, and every (setting, problem) it and other plugins find."""
    options, problems = check_settings(settings)
    problems += feature_setting_problems(settings, options)
    others = other_plugins_problems(settings)
    # One account of each setting: theirs says more (a placeholder, not "no phone number").
    named = {name for name, _ in others}
    return options, [problem for problem in problems if problem[0] not in named] + others


def start_build(settings: dict, found: list[tuple[str, str, str]] | None = None) -> Build:
    """Make this build's object, its settings checked; stop at once if they are wrong.

    `found` holds the settings problems found before, each with its settings file.
    """
    options, problems = checked_settings(settings)
    build = Build(settings, options)
    settings[_KEY] = build
    for name, message, where in found or []:
        build.report.setting(name, message, where)
    if problems or found:
        for name, message in problems:
            build.report.setting(name, message, settings_file(settings, name))
        # Nothing sensible can be built with settings the plugin cannot read.
        build.report.finish(fail=True)
    return build


def current_build(settings: dict) -> Build | None:
    """Return the build that `settings` belong to, if the plugin started one."""
    return settings.get(_KEY)
