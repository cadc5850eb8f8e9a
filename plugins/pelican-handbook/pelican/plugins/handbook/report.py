"""Collect the problems a build finds, and report them all at once through logging.

Problems are people's mistakes in content, settings or theme, not bugs: each
is logged as `path:line: message`, sorted, through the package's logger and
whatever handler Pelican gives it (`pelican --log-handler plain` writes each
as one line, for editors and scripts), and the build then exits 1 without a
traceback.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

logger = logging.getLogger("pelican.plugins.handbook")


def show_again() -> None:
    """Let this build log what an earlier build in the process logged already.

    Pelican's loggers drop a message already logged once in the process; a
    second build (`pelican --autoreload`, a test) must say it again.
    """
    for found in [f for f in logger.filters if type(f).__name__ == "LimitFilter"]:
        logger.removeFilter(found)


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: {self.message}"
            if self.line
            else f"{self.path}: {self.message}"
        )


def display_path(path: str) -> str:
    """Return `path` relative to the working directory when it lies below it."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute)
    return absolute if relative.startswith("..") else relative


class Report:
    """The problems of one build, logged together at its end."""

    def __init__(self):
        self.problems: set[Problem] = set()

    def problem(self, path: str, line: int | None, message: str) -> None:
        """Record a problem in `path` at `line` (1-based; None when unknown)."""
        self.problems.add(Problem(display_path(path), line or 1, message))

    def setting(self, name: str, message: str, settings_file: str = "pelicanconf.py") -> None:
        """Record a problem with a setting, named as the settings file spells it."""
        self.problems.add(Problem(display_path(settings_file), 0, f"{name} {message}"))

    def warn(self, path: str, line: int | None, message: str) -> None:
        """Log a warning now; a warning does not fail the build."""
        logger.warning("%s", Problem(display_path(path), line or 1, f"warning: {message}"))

    def note(self, message: str) -> None:
        """Log one line about what the build left out; shown by default, it fails nothing."""
        # A warning, not information: Pelican shows only warnings unless -v, and
        # a site that gets no cards should be told so without asking.
        logger.warning("handbook: %s", message)

    def found(self) -> list[Problem]:
        """Return the problems recorded so far, sorted by path and line."""
        return sorted(self.problems)

    def finish(self, fail: bool, group: bool = True) -> None:
        """Log every problem; exit with status 1 if there are any and `fail`.

        With `group`, a problem repeated in many places (a theme link on
        every page) is shown a few times, then counted.
        """
        problems = self.found()
        if not problems:
            return
        # Problems that end the build are critical: `pelican -q` shows only
        # those, and would otherwise exit 1 without a word.
        level = logging.CRITICAL if fail else logging.ERROR
        noun = "problem" if len(problems) == 1 else "problems"
        lines = grouped(problems) if group else [str(problem) for problem in problems]
        # One record: Pelican's `--fatal errors` stops at the first record of
        # its level, which must hold the whole list.
        lines.append(f"handbook: {len(problems)} {noun} found")
        logger.log(level, "%s", "\n".join(lines))
        if fail:
            # SystemExit passes through Pelican's `except Exception`, so the user
            # sees the list and no traceback.
            raise SystemExit(1)


# How many of a repeated problem are shown before the rest are counted.
SHOWN_OF_A_KIND = 3


def grouped(problems: list[Problem]) -> list[str]:
    """Return the lines to show: each problem, or the first few of a repeated one and a count."""
    by_message: dict[str, list[Problem]] = {}
    for problem in problems:
        by_message.setdefault(problem.message, []).append(problem)
    lines, shown = [], dict.fromkeys(by_message, 0)
    for problem in problems:
        same = by_message[problem.message]
        shown[problem.message] += 1
        if len(same) <= SHOWN_OF_A_KIND + 1 or shown[problem.message] <= SHOWN_OF_A_KIND:
            lines.append(str(problem))
        if len(same) > SHOWN_OF_A_KIND + 1 and shown[problem.message] == SHOWN_OF_A_KIND:
            rest = same[SHOWN_OF_A_KIND:]
            files = len({p.path for p in rest})
            where = "1 file" if files == 1 else f"{files} files"
            lines.append(f"  ... and {len(rest)} more like this in {where}")
    return lines
