"""Collect the problems a build finds, and report them all at once.

Problems are people's mistakes in content, not bugs: each one is reported as
`path:line: message`, sorted, and the build exits non-zero without a traceback.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


_found: set[Problem] = set()


def reset() -> None:
    """Forget the problems of an earlier build (autoreload runs many builds)."""
    _found.clear()


def display_path(path: str) -> str:
    """Return `path` relative to the working directory when it lies below it."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute)
    return absolute if relative.startswith("..") else relative


def add(path: str, line: int | None, message: str) -> None:
    """Record one problem found in `path` at `line` (1-based; None for unknown)."""
    _found.add(Problem(display_path(path), line or 1, message))


def warn(path: str, line: int | None, message: str) -> None:
    """Print a warning about `path` at `line` now; a warning does not fail the build."""
    # Printed whole, like problems: Pelican's log handler would cut the path
    # to the terminal's width.
    print(Problem(display_path(path), line or 1, f"warning: {message}"), file=sys.stderr)


def found() -> list[Problem]:
    """Return the problems recorded so far, sorted by path and line."""
    return sorted(_found)


def report(fail: bool) -> None:
    """Print every problem; exit with status 1 if there are any and `fail`."""
    problems = found()
    if not problems:
        return
    for problem in problems:
        print(problem, file=sys.stderr)
    noun = "problem" if len(problems) == 1 else "problems"
    print(f"handbook: {len(problems)} {noun} found", file=sys.stderr)
    if fail:
        # SystemExit passes through Pelican's `except Exception`, so the user
        # sees our list and no traceback.
        raise SystemExit(1)
