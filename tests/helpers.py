"""Build the site the way `make html` does, for tests."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

# The checklist markup, one class per part: .checklist__item > .checklist__label >
# .checklist__box + .checklist__text for steps; .checklist__item > .checklist__text
# for cautions and options.
STEP_TEXT = ".checklist__label > .checklist__text"
ITEM_TEXT = ".checklist__item > .checklist__text, .checklist__label > .checklist__text"
BOX = '[data-module="checklist"] .checklist__box'
ROOT = Path(__file__).resolve().parent.parent


def run_pelican(
    output: Path,
    content: Path | None = None,
    settings: dict | None = None,
    conf: str = "pelicanconf.py",
) -> subprocess.CompletedProcess:
    """Build `content` (default: the real content) into `output`; never raises.

    `settings` override pelicanconf values through `pelican -e`, so a test
    can change an address and see the page change.
    """
    command = [
        sys.executable,
        "-m",
        "pelican",
        str(content or ROOT / "content"),
        "-o",
        str(output),
        "-s",
        str(ROOT / conf),
    ]
    if settings:
        # One -e with every pair: a second -e would replace the first.
        command += ["-e", *(f"{k}={json.dumps(v)}" for k, v in settings.items())]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)


def build(output: Path, **kwargs) -> Path:
    """Build the site into `output` and fail the test with Pelican's output if it fails."""
    result = run_pelican(output, **kwargs)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return output


def copy_content(destination: Path) -> Path:
    """Copy the real content to `destination`, for tests that change it."""
    shutil.copytree(ROOT / "content", destination)
    return destination


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
