"""Small fixture sites, built with Pelican in-process as a site using the plugin would."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

TEST_DATA = Path(__file__).resolve().parent.parent / "test_data"


@dataclass
class Built:
    """What one build gave: its exit status, its output folder and what it printed."""

    status: int
    output: Path
    stderr: str

    def problems(self) -> list[str]:
        """Return the problem lines, each `path:line: message`, with paths as written."""
        return [
            line for line in self.stderr.splitlines() if ": " in line and "handbook:" not in line
        ]


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
