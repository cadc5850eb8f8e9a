"""Build sites the way `make html` does, for tests; the fixture handbook and its organization.

The product's tests (plugin, theme, JavaScript) build fixture sites from
tests/data with pelicanconf.py and FIXTURE_ORGANIZATION over its settings, so
they pass whatever a fork puts in content/ and in the first block of
pelicanconf.py. Tests of this site's own documents and settings are in
tests/content/.
"""

from __future__ import annotations

import copy
import fcntl
import json
import os
import re
import shutil
import subprocess as _subprocess
import sys
from pathlib import Path
from subprocess import CompletedProcess

ROOT = Path(__file__).resolve().parent.parent
# The one in-process build of both test suites lives with the plugin's tests,
# which run without this site; the site's tests borrow it.
sys.path.append(str(ROOT / "plugins" / "pelican-handbook" / "tests"))
# The site's own plugin (plugins/handbook_site), importable as Pelican loads it.
sys.path.append(str(ROOT / "plugins"))
from fixture_sites import build_in_process  # noqa: E402

# The checklist markup, one class per part: .checklist__item > .checklist__label >
# .checklist__box + .checklist__text for steps; .checklist__item > .checklist__text
# for cautions and options.
STEP_TEXT = ".checklist__label > .checklist__text"
ITEM_TEXT = ".checklist__item > .checklist__text, .checklist__label > .checklist__text"
BOX = '[data-module="checklist"] .checklist__box'
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
# is the fixture's own, not pelicanconf's, so a fork's card size, wording,
# file names or switched-off feature does not reach the tests.
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
        "checklists": True,
        "link_check": True,
        "printouts": True,
        "offline": True,
        "card_width": "4in",
        "card_height": "6in",
        "card_max_items": 9,
        "link_ignore": [],
        "content_placeholders": ["TODO", "TBD", "XXX", "FIXME"],
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
    # The command line's settings: PATH and OUTPUT_PATH made absolute, DEBUG
    # off, then each -e value decoded from JSON (so a test's dict is copied,
    # and a tuple becomes a list, as in a subprocess).
    override = {
        "PATH": os.path.abspath(content or ROOT / "content"),
        "OUTPUT_PATH": os.path.abspath(output),
        "DEBUG": False,
        **{name: json.loads(json.dumps(value)) for name, value in (settings or {}).items()},
    }
    built = build_in_process(command, override, settings_file=ROOT / "pelicanconf.py", cwd=ROOT)
    return CompletedProcess(
        [sys.executable, "-m", "pelican", *command], built.status, built.stdout, built.stderr
    )


def _pelican_command(arguments: list[str]) -> CompletedProcess:
    """Run `python -m pelican` with `arguments` from the project folder."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return _subprocess.run(
        # As the Makefile runs it: each problem on a line of its own, on stderr.
        [sys.executable, "-m", "pelican", *arguments, "--log-handler", "plain"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )


def run_once(folder: Path, **kwargs) -> tuple[Path, CompletedProcess]:
    """Build into `folder`/output unless a test process of this run has; say what it gave.

    The processes pytest-xdist runs side by side share `folder`: the first
    to ask builds (run_pelican with `kwargs`) while the others wait, then
    read its output folder and what the build printed (`folder`/result.json).
    The build's CACHE_PATH is `folder`/cache: another build of the same site
    can copy its PDFs from there.
    """
    folder.mkdir(parents=True, exist_ok=True)
    kwargs["settings"] = {"CACHE_PATH": str(folder / "cache"), **(kwargs.get("settings") or {})}
    output, saved = folder / "output", folder / "result.json"
    with (folder / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not saved.exists():
            result = run_pelican(output, **kwargs)
            said = [result.args, result.returncode, result.stdout, result.stderr]
            saved.write_text(json.dumps(said), encoding="utf-8")
    return output, CompletedProcess(*json.loads(saved.read_text(encoding="utf-8")))


def build(output: Path, **kwargs) -> Path:
    """Build the site into `output` and fail the test with Pelican's output if it fails."""
    result = run_pelican(output, **kwargs)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return output


def build_handbook(output: Path, settings: dict | None = None, content: Path = HANDBOOK) -> Path:
    """Build the fixture handbook (or a changed copy of it) as FIXTURE_ORGANIZATION's."""
    menu = {"MENU_PAGES": FIXTURE_ORGANIZATION["MENU_PAGES"]}
    return build(output, content=content, settings={**menu, **(settings or {})})


def without_printouts(handbook: dict | None = None) -> dict:
    """Return HANDBOOK settings (the fixture organization's by default) with printouts off.

    Rendering the pocket-card PDFs is most of what a build of the fixture
    handbook costs, and every change to a card renders them again: a test
    that looks at no printout (cards, PDFs, report form) builds without them.
    """
    return {**(handbook or FIXTURE_ORGANIZATION["HANDBOOK"]), "printouts": False}


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
    text += f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
    conf = folder / "pelicanconf.py"
    conf.write_text(text, encoding="utf-8")
    return conf
