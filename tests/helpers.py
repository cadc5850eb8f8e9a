"""Build sites the way `make html` does, for tests; the fixture handbook and its organization.

The product's tests (plugin, theme, JavaScript) build fixture sites from
tests/data with pelicanconf.py and FIXTURE_ORGANIZATION over its settings, so
they pass whatever a fork puts in content/ and in the first block of
pelicanconf.py. Tests of this site's own documents and settings are in
tests/content/.
"""

from __future__ import annotations

import copy
import importlib
import io
import json
import locale
import logging
import os
import re
import runpy
import shutil
import subprocess as _subprocess
import sys
import traceback
import weakref
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path
from subprocess import CompletedProcess

import pelican
from blinker import default_namespace
from pelican.log import LimitFilter
from pelican.settings import read_settings
from rich.console import Console
from rich.logging import RichHandler

# The checklist markup, one class per part: .checklist__item > .checklist__label >
# .checklist__box + .checklist__text for steps; .checklist__item > .checklist__text
# for cautions and options.
STEP_TEXT = ".checklist__label > .checklist__text"
ITEM_TEXT = ".checklist__item > .checklist__text, .checklist__label > .checklist__text"
BOX = '[data-module="checklist"] .checklist__box'
ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
# The fixture handbook: the seed staff procedure with its checklist marks, and
# a short code of conduct and attendee procedure, under the real site's slugs.
HANDBOOK = DATA / "handbook"
SEED = DATA / "seed-staff-procedure.md"
STAFF = "conduct-staff-procedure.html"
# The seed procedure names the group it was written for: these settings'
# values, which a site's copy writes as `{{ ORGANIZATION }}` and `{{ LEADERS_EMAIL }}`.
SEED_ORGANIZATION = {"ORGANIZATION": "Boston Python", "LEADERS_EMAIL": "leaders@bostonpython.com"}
# Pelican's CACHE_PATH for the tests' builds (the PDF, icon and template
# caches), unless a test's settings name one: a folder of the test session's
# own (tests/conftest.py sets it), not the checkout's cache/, which `make html`
# keeps and which the test processes running side by side would share.
# None leaves the settings' own (tests/bench does).
CACHE_PATH: Path | None = None

_FIXTURE_CONDUCT = "conduct@lakeside-coders.test"
_FIXTURE_LEADERS = "board@lakeside-coders.test"
# A made-up organization, in the settings a fork changes (pelicanconf.py's
# first block), with values that pass the build's placeholder check. HANDBOOK
# is pelicanconf's with every key the tests depend on set here, so a fork's
# own card size, wording or switched-off feature does not reach them.
FIXTURE_ORGANIZATION = {
    "ORGANIZATION": "Lakeside Coders",
    "SITENAME": "Lakeside Coders Conduct Handbook",
    "CONDUCT_EMAIL": _FIXTURE_CONDUCT,
    "LEADERS_EMAIL": _FIXTURE_LEADERS,
    "EMERGENCY_CONTACTS": [
        {"label": "Emergency services", "phone": "112"},
        {"label": "Night crisis line", "phone": "0800 555 0199"},
    ],
    # The third is on the home page and the contacts card, not on the first screen.
    "ORGANIZER_CONTACTS": [
        {"role": "Conduct team", "email": _FIXTURE_CONDUCT},
        {"role": "Lakeside Coders board", "email": _FIXTURE_LEADERS},
        {"role": "Organizer on call", "name": "Sam Okafor", "phone": "+1 (555) 010 2233"},
    ],
    "MENU_PAGES": ["code-of-conduct", "conduct-attendee-procedure", "conduct-staff-procedure"],
    # 03:00 UTC is still the day before here, as in America/New_York.
    "TIMEZONE": "America/Chicago",
    # Whatever language a fork writes in, the product's tests read English.
    "DEFAULT_LANG": "en",
    "HANDBOOK": {
        **runpy.run_path(str(ROOT / "pelicanconf.py")).get("HANDBOOK", {}),
        "checklists": True,
        "link_check": True,
        "printouts": True,
        "offline": True,
        "card_width": "4in",
        "card_height": "6in",
        "card_max_items": 9,
        "link_ignore": [],
        "theme_color": "#2a6f4e",
        "app_description": "Lakeside Coders: conduct and incident response.",
        "short_name": "LC Conduct",
        "date_format": "%Y-%m-%d",
        "content_settings": [
            "ORGANIZATION",
            "SITENAME",
            "CONDUCT_EMAIL",
            "LEADERS_EMAIL",
            "EMERGENCY_CONTACTS",
            "ORGANIZER_CONTACTS",
        ],
        "words": {"home_lede": "Everyone at Lakeside Coders events should feel safe. Start here."},
    },
}


def run_pelican(
    output: Path,
    content: Path | None = None,
    settings: dict | None = None,
    conf: str = "pelicanconf.py",
    subprocess: bool = False,
) -> CompletedProcess:
    """Build `content` (default: the real content) into `output`; never raises.

    `settings` override pelicanconf values as `pelican -e` would, so a test
    can change an address and see the page change. A fixture site (any
    `content`) is built as FIXTURE_ORGANIZATION's, with no menu unless
    `settings` give one: the organization's own settings never reach it. Its
    CACHE_PATH is CACHE_PATH above, when set, unless `settings` give one. The build runs in this
    process, as `python -m pelican` would run it, unless `subprocess` is true
    (for tests of the command line itself) or `conf` is another settings file
    (publishconf.py imports pelicanconf by module name, which a process that
    has loaded a settings file already may answer from sys.modules).
    Either way the result has the command's returncode, stdout and stderr.
    """
    if content is not None:
        # The fixture organization's menu names pages a fixture site may not
        # have, which the build rightly reports.
        settings = {**FIXTURE_ORGANIZATION, "MENU_PAGES": [], **(settings or {})}
    if CACHE_PATH is not None:
        settings = {"CACHE_PATH": str(CACHE_PATH), **(settings or {})}
    command = [
        str(content or ROOT / "content"),
        "-o",
        str(output),
        "-s",
        str(ROOT / conf),
    ]
    if settings:
        # One -e with every pair: a second -e would replace the first.
        command += ["-e", *(f"{k}={json.dumps(v)}" for k, v in settings.items())]
    if subprocess or (ROOT / conf).resolve() != ROOT / "pelicanconf.py":
        return _pelican_command(command)
    return _pelican_in_process(command, output, content, settings)


def _pelican_command(arguments: list[str]) -> CompletedProcess:
    """Run `python -m pelican` with `arguments` from the project folder."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return _subprocess.run(
        [sys.executable, "-m", "pelican", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )


def _pelican_in_process(
    arguments: list[str], output: Path, content: Path | None, settings: dict | None
) -> CompletedProcess:
    """Build with ROOT/pelicanconf.py in this process, as the command line would.

    The command line's settings: PATH and OUTPUT_PATH made absolute, DEBUG off,
    then each -e value decoded from JSON (so a test's dict is copied, and a
    tuple becomes a list, as in a subprocess). What the build prints is
    captured; Pelican's own log records go to stdout through the same kind
    of handler the command line uses, so its warnings are seen too.
    """
    override = {
        "PATH": os.path.abspath(content or ROOT / "content"),
        "OUTPUT_PATH": os.path.abspath(output),
        "DEBUG": False,
        **{name: json.loads(json.dumps(value)) for name, value in (settings or {}).items()},
    }
    stdout, stderr = io.StringIO(), io.StringIO()
    returncode = 0
    with _like_a_new_process(arguments, stdout), redirect_stdout(stdout), redirect_stderr(stderr):
        try:
            values = read_settings(str(ROOT / "pelicanconf.py"), override=override)
            pelican_class = values["PELICAN_CLASS"]
            if isinstance(pelican_class, str):
                module, name = pelican_class.rsplit(".", 1)
                pelican_class = getattr(importlib.import_module(module), name)
            pelican_class(values).run()
        except SystemExit as stop:
            # As the interpreter ends: None is success, a number is the
            # status, anything else is printed and the status is 1.
            if stop.code is None or isinstance(stop.code, int):
                returncode = stop.code or 0
            else:
                print(stop.code, file=sys.stderr)
                returncode = 1
        except Exception:
            traceback.print_exc(file=sys.stderr)
            returncode = 1
    return CompletedProcess(
        [sys.executable, "-m", "pelican", *arguments],
        returncode,
        stdout.getvalue(),
        stderr.getvalue(),
    )


@contextmanager
def _like_a_new_process(arguments: list[str], stdout: io.StringIO):
    """Give one build what a fresh `python -m pelican` has, and put everything back after.

    Process-wide state a build reads or leaves behind: the working directory
    (problem paths are printed relative to it), sys.argv (the plugin names
    the settings file from it), the module the settings file is loaded as
    (load_source puts it in sys.modules under its bare name), sys.path
    (Pelican adds the working directory), the locale (set from LOCALE),
    the log filter's memory of messages already shown and of LOG_FILTER
    (shared by every build in a process, so a second build would not show a
    warning the first one showed), the log handler and levels, and the
    receivers plugins connect to Pelican's signals (jinja2content's would
    otherwise run in every later in-process build, with or without it).
    """
    cwd = os.getcwd()
    argv = sys.argv[:]
    path = sys.path[:]
    settings_module = sys.modules.get("pelicanconf")
    dont_write_bytecode = sys.dont_write_bytecode
    saved_locale = locale.setlocale(locale.LC_ALL)
    filter_state = (
        set(LimitFilter._ignore),
        set(LimitFilter._raised_messages),
        dict(LimitFilter._group_count),
    )
    receivers = {name: set(signal.receivers) for name, signal in default_namespace.items()}
    root = logging.getLogger()
    pelican_logger = logging.getLogger("pelican")
    levels = (root.level, pelican_logger.level)
    # The handler and format `python -m pelican` gives the root logger.
    handler = RichHandler(console=Console(file=stdout))
    handler.setFormatter(logging.Formatter("%(message)s", datefmt="[%H:%M:%S]"))

    os.chdir(ROOT)
    sys.argv = [str(Path(pelican.__file__).with_name("__main__.py")), *arguments]
    sys.dont_write_bytecode = True
    LimitFilter._ignore.clear()
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
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
        for name, signal in list(default_namespace.items()):
            for receiver_id in set(signal.receivers) - receivers.get(name, set()):
                receiver = signal.receivers.get(receiver_id)
                if isinstance(receiver, weakref.ref):
                    receiver = receiver()
                if receiver is not None:
                    signal.disconnect(receiver)
        LimitFilter._ignore.clear()
        LimitFilter._ignore.update(filter_state[0])
        LimitFilter._raised_messages.clear()
        LimitFilter._raised_messages.update(filter_state[1])
        LimitFilter._group_count.clear()
        LimitFilter._group_count.update(filter_state[2])
        locale.setlocale(locale.LC_ALL, saved_locale)
        sys.dont_write_bytecode = dont_write_bytecode
        if settings_module is None:
            sys.modules.pop("pelicanconf", None)
        else:
            sys.modules["pelicanconf"] = settings_module
        sys.path[:] = path
        sys.argv = argv
        os.chdir(cwd)


def build(output: Path, **kwargs) -> Path:
    """Build the site into `output` and fail the test with Pelican's output if it fails."""
    result = run_pelican(output, **kwargs)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return output


def build_handbook(output: Path, settings: dict | None = None, content: Path = HANDBOOK) -> Path:
    """Build the fixture handbook (or a changed copy of it) as FIXTURE_ORGANIZATION's."""
    menu = {"MENU_PAGES": FIXTURE_ORGANIZATION["MENU_PAGES"]}
    return build(output, content=content, settings={**menu, **(settings or {})})


def copy_handbook(destination: Path) -> Path:
    """Copy the fixture handbook to `destination`, for tests that change it."""
    shutil.copytree(HANDBOOK, destination)
    return destination


def copy_content(destination: Path) -> Path:
    """Copy the real content to `destination`, for tests that change it."""
    shutil.copytree(ROOT / "content", destination)
    return destination


def normalised(text: str) -> str:
    return " ".join(text.split())


def card_items(card) -> list[str]:
    """Return the texts of a card face's items in order, without the notes nested in them."""
    texts = []
    for item in card.select(".card__items li"):
        item = copy.copy(item)
        for nested in item.select(".card__subitems"):
            nested.decompose()
        texts.append(normalised(item.get_text()))
    return texts


def seed_sentences(organization: dict | None = None) -> list[str]:
    """Split the seed's prose into sentences, with Markdown markup removed.

    With `organization` (settings such as FIXTURE_ORGANIZATION), its values
    stand where the seed, written for one group, names that group's.
    """
    body = SEED.read_text(encoding="utf-8").split("\n\n", 1)[1]
    for name, written in SEED_ORGANIZATION.items():
        if organization is not None:
            body = body.replace(written, organization[name])
    body = re.sub(r"\[([^\]]*)\][({][^)]*\)", r"\1", body)  # links, even the malformed one
    body = re.sub(r"<([^>]+@[^>]+)>", r"\1", body)  # autolinks
    body = re.sub(r"^\s*(?:\d+\.|\*|#+|---)\s*", "", body, flags=re.MULTILINE)
    sentences = []
    for block in body.split("\n"):
        for sentence in re.split(r"(?<=[.!?:])\s+", block.strip()):
            if sentence:
                sentences.append(normalised(sentence))
    return sentences


def edited_settings(folder: Path, replacements: dict[str, str]) -> Path:
    """Write a copy of pelicanconf.py with text replaced, as a forking organizer would."""
    text = (ROOT / "pelicanconf.py").read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert old in text, f"{old!r} is not in pelicanconf.py"
        text = text.replace(old, new)
    # Relative paths in a settings file are read relative to the file itself.
    text += f"\nPATH = {str(ROOT / 'content')!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
    conf = folder / "pelicanconf.py"
    conf.write_text(text, encoding="utf-8")
    return conf
