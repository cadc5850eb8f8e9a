"""Say in one line what Pelican would stop on with a traceback, before it runs.

Usage: python scripts/check_site.py SETTINGS_FILE

A forker's first mistakes are a typo in the settings file, a content or
theme folder that moved, and a symbolic link that leads back into the
content: Pelican meets each with a traceback many lines long. Each is
named here as `file:line: what is wrong`, and the build stops (exit 1).
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

# Themes Pelican ships, which THEME may name without a folder.
BUILT_IN_THEMES = {"notmyidea", "simple"}


def settings_values(path: Path) -> tuple[dict, list[str]]:
    """Return the settings file's names, run as Pelican runs it, and what stopped it."""
    text = path.read_text(encoding="utf-8")
    try:
        code = compile(text, str(path), "exec")
    except SyntaxError as error:
        return {}, [f"{path}:{error.lineno}: {error.msg}"]
    values: dict = {"__file__": str(path), "__name__": path.stem}
    sys.path.insert(0, str(path.parent))
    try:
        exec(code, values)
    except Exception as error:  # a forker's mistake of any kind: say where
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == str(path)]
        line = frames[-1].lineno if frames else 1
        return {}, [f"{path}:{line}: {type(error).__name__}: {error}"]
    finally:
        sys.path.remove(str(path.parent))
    return values, []


def folder_problems(path: Path, values: dict, content: str | None) -> list[str]:
    """Return what is wrong with the content and theme folders the settings name."""
    problems = []
    base = path.parent
    # The folder given on Pelican's command line wins over PATH, as in Pelican.
    content_folder = Path(content) if content else base / (values.get("PATH") or ".")
    if not content_folder.is_dir():
        problems.append(f"{path}: PATH {str(content_folder)!r} is not a folder")
    theme = values.get("THEME")
    if theme and theme not in BUILT_IN_THEMES and not (base / theme).is_dir():
        problems.append(f"{path}: THEME {theme!r} is not a folder, nor a theme Pelican ships")
    if content_folder.is_dir():
        problems += symlink_loops(content_folder)
    return problems


def symlink_loops(folder: Path) -> list[str]:
    """Return a problem for each symbolic link that leads back to a folder above it."""
    problems = []
    for here, folders, _ in os.walk(folder):
        for name in list(folders):
            link = Path(here) / name
            if not link.is_symlink():
                continue
            target = link.resolve()
            if target == Path(here).resolve() or target in Path(here).resolve().parents:
                problems.append(
                    f"{link}: a symbolic link to {os.readlink(link)!r}, a folder it is in:"
                    " Pelican would read the content again and again"
                )
                folders.remove(name)
    return problems


def main(arguments: list[str]) -> int:
    if not arguments:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    path = Path(arguments[0])
    if not path.is_file():
        print(f"{path}: the settings file does not exist", file=sys.stderr)
        return 1
    values, problems = settings_values(path)
    if not problems:
        problems = folder_problems(path, values, arguments[1] if len(arguments) > 1 else None)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
