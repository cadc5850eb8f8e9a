"""Small fixture sites, built with Pelican in-process as `python -m pelican` would build them.

The site's own tests (tests/helpers.py) build through `build_in_process` too:
one way to run a build in a test, kept here so the plugin's tests run alone.
"""

from __future__ import annotations

import importlib
import io
import locale
import logging
import os
import shutil
import sys
import traceback
import weakref
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pelican
from blinker import default_namespace
from pelican.log import LimitFilter
from pelican.settings import read_settings

TEST_DATA = Path(__file__).resolve().parent.parent / "test_data"


@dataclass
class Built:
    """What one build gave: its exit status, its output folder and what it printed."""

    status: int
    output: Path
    stderr: str
    stdout: str = ""
    # What ended the build with a traceback, if anything did.
    error: Exception | None = None

    def problems(self) -> list[str]:
        """Return the problem lines, each `path:line: message`, with paths as written."""
        return [
            line for line in self.stderr.splitlines() if ": " in line and "handbook:" not in line
        ]


def build_in_process(
    arguments: list[str],
    override: dict,
    settings_file: Path | None = None,
    cwd: Path | None = None,
) -> Built:
    """Build as `python -m pelican ARGUMENTS` would in a new process, and say what happened.

    `override` holds the settings the command line's options give (PATH,
    OUTPUT_PATH, each -e), over `settings_file` or Pelican's defaults. What the
    build prints is captured, and Pelican's log records go to stderr through
    the handler `--log-handler plain` gives them. An exception is printed
    as the interpreter would print it, status 1, and kept in `error`.
    """
    stdout, stderr = io.StringIO(), io.StringIO()
    process = _as_in_a_new_process(arguments, settings_file, cwd, stderr)
    with process, redirect_stdout(stdout), redirect_stderr(stderr):
        status, error = _run(settings_file, override)
    output = Path(override["OUTPUT_PATH"])
    return Built(status, output, stderr.getvalue(), stdout.getvalue(), error)


def _run(settings_file: Path | None, override: dict) -> tuple[int, Exception | None]:
    """Run Pelican; return the exit status and what ended it with a traceback, if anything."""
    try:
        settings = read_settings(settings_file and str(settings_file), override=override)
        pelican_class = settings["PELICAN_CLASS"]
        if isinstance(pelican_class, str):
            module, name = pelican_class.rsplit(".", 1)
            pelican_class = getattr(importlib.import_module(module), name)
        pelican_class(settings).run()
    except SystemExit as stop:
        return _exit_status(stop), None
    except Exception as raised:
        traceback.print_exc()
        return 1, raised
    return 0, None


def _exit_status(stop: SystemExit) -> int:
    """Return the status the interpreter ends with on `stop`, printing a message as it would."""
    if stop.code is None or isinstance(stop.code, int):
        return stop.code or 0
    print(stop.code, file=sys.stderr)
    return 1


def _log_handler(stream: io.StringIO) -> logging.Handler:
    """Return the handler `python -m pelican --log-handler plain` logs through, on `stream`.

    The plain handler (Python's last resort) writes each record as it is, on
    stderr: a problem is one `path:line: message` line, as the Makefile runs
    Pelican. Pelican's default, rich, wraps lines at the terminal's width.
    """
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(message)s"))
    return handler


def _forget_shown_messages() -> None:
    """Empty the memory Pelican's log filter shares across a process (and LOG_FILTER)."""
    LimitFilter._ignore.clear()
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


@contextmanager
def _as_in_a_new_process(
    arguments: list[str], settings_file: Path | None, cwd: Path | None, stream: io.StringIO
):
    """Give one build what a new process has, and put back what the build changes.

    A build reads the working directory (problems are named relative to it)
    and sys.argv (a plugin may read it); it changes
    sys.path, sys.modules (the settings file is loaded as a module named
    after it) and the locale (LOCALE). Pelican's log filter would not show
    again a message an earlier build showed; and a receiver a plugin connects
    to Pelican's signals would run in every later build, with the plugin or
    without it (jinja2content's does).
    """
    module = settings_file and Path(settings_file).stem
    cwd_before, argv, path, bytecode = os.getcwd(), sys.argv, sys.path[:], sys.dont_write_bytecode
    saved_module = sys.modules.get(module) if module else None
    saved_locale = locale.setlocale(locale.LC_ALL)
    receivers = {name: set(signal.receivers) for name, signal in default_namespace.items()}
    root, pelican_logger = logging.getLogger(), logging.getLogger("pelican")
    levels = (root.level, pelican_logger.level)
    handler = _log_handler(stream)

    if cwd is not None:
        os.chdir(cwd)
    sys.argv = [str(Path(pelican.__file__).with_name("__main__.py")), *arguments]
    sys.dont_write_bytecode = True
    _forget_shown_messages()
    # The command line's defaults: warnings and worse, through its handler.
    root.setLevel(logging.WARNING)
    pelican_logger.setLevel(logging.NOTSET)
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
        root.setLevel(levels[0])
        pelican_logger.setLevel(levels[1])
        _disconnect_new_receivers(receivers)
        _forget_shown_messages()
        locale.setlocale(locale.LC_ALL, saved_locale)
        if module:
            sys.modules.pop(module, None)
            if saved_module is not None:
                sys.modules[module] = saved_module
        sys.dont_write_bytecode = bytecode
        sys.path[:] = path
        sys.argv = argv
        os.chdir(cwd_before)


def _disconnect_new_receivers(before: dict[str, set]) -> None:
    """Disconnect every receiver connected to a signal since `before` was taken."""
    for name, signal in list(default_namespace.items()):
        for receiver_id in set(signal.receivers) - before.get(name, set()):
            receiver = signal.receivers.get(receiver_id)
            if isinstance(receiver, weakref.ref):
                receiver = receiver()
            if receiver is not None:
                signal.disconnect(receiver)


def copy_site(tmp_path: Path, name: str = "simple-site") -> Path:
    """Copy a fixture site's content to `tmp_path`, for a test that changes it."""
    return Path(shutil.copytree(TEST_DATA / name, tmp_path / "content"))


def write_site(
    tmp_path: Path, pages: dict[str, str], articles: dict[str, str] | None = None
) -> Path:
    """Write a content folder of `pages` (and `articles`), by file name; return it."""
    content = tmp_path / "content"
    for folder, files in (("pages", pages), ("articles", articles or {})):
        (content / folder).mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (content / folder / name).write_text(text, encoding="utf-8")
    return content
