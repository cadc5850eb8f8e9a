"""Installing the plugin changes nothing a site did not ask for.

With every feature switched off the site is written byte for byte as stock
Pelican writes it, and exits as it does; a theme that includes the plugin's
assets with `ignore missing` still builds once the plugin is taken out.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fixture_sites import TEST_DATA, Built, copy_site

ALL_OFF = {"checklists": False, "link_check": False, "printouts": False, "offline": False}
# What the fixture sites share, as their pelicanconf.py would say it.
SITE = {
    "THEME": "simple",
    "PAGE_PATHS": ["pages"],
    "ARTICLE_PATHS": ["articles"],
    "STATIC_PATHS": ["images"],
    "TIMEZONE": "UTC",
    "SITEURL": "",
    "FEED_ALL_ATOM": None,
    "CATEGORY_FEED_ATOM": None,
    "AUTHOR_FEED_ATOM": None,
    "AUTHOR_FEED_RSS": None,
    "TRANSLATION_FEED_ATOM": None,
}


def pelican_alone(tmp_path: Path, content: Path, **settings) -> Built:
    """Build with PLUGINS=[] in a new process; say how it went.

    Not in-process: receivers a plugin connected in an earlier build of this
    process stay connected, so a build with PLUGINS=[] there is not stock.
    """
    output = tmp_path / "stock"
    override = {
        **SITE,
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(tmp_path / "stock-cache"),
        **settings,
        "PLUGINS": [],
    }
    script = (
        "import json, sys\n"
        "from pelican import Pelican\n"
        "from pelican.settings import read_settings\n"
        "Pelican(read_settings(override=json.loads(sys.argv[1]))).run()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps(override)], capture_output=True, text=True
    )
    return Built(done.returncode, output, done.stderr)


def every_file(output: Path) -> dict[str, bytes]:
    """Return every file a build wrote, by its path in the output folder."""
    return {
        path.relative_to(output).as_posix(): path.read_bytes()
        for path in sorted(output.rglob("*"))
        if path.is_file()
    }


def mixed_site(tmp_path: Path) -> Path:
    """Return a site with articles, pages (one with checklists), a static image, two bad sources."""
    content = copy_site(tmp_path, "blog-site/content")
    for name in ("procedure.md", "notes.md"):
        shutil.copy(TEST_DATA / "simple-site" / "pages" / name, content / "pages" / name)
    (content / "images").mkdir()
    (content / "images" / "dot.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n', encoding="utf-8"
    )
    # Sources Pelican skips, saying why: its own warnings, not the plugin's problems.
    (content / "pages" / "untitled.md").write_text("Text without a title.\n", encoding="utf-8")
    (content / "pages" / "undated.md").write_text(
        "Title: Undated\nDate: not a date\n\nText.\n", encoding="utf-8"
    )
    return content


# Pelican's own theme, and one with the README's line for the plugin's assets.
@pytest.mark.parametrize("theme", ["simple", str(TEST_DATA / "one-line-theme")])
def test_every_feature_off_writes_what_stock_pelican_writes(build_site, tmp_path, theme):
    content = mixed_site(tmp_path)
    stock = pelican_alone(tmp_path, content, THEME=theme, HANDBOOK=ALL_OFF)
    built = build_site(content, **{**SITE, "THEME": theme}, HANDBOOK=ALL_OFF)
    assert "Traceback" not in built.stderr
    assert built.status == stock.status == 0, built.stderr
    assert "handbook" not in built.stderr
    expected, written = every_file(stock.output), every_file(built.output)
    assert "images/dot.svg" in expected and "pages/procedure.html" in expected
    assert sorted(written) == sorted(expected)
    assert [name for name in expected if written[name] != expected[name]] == []


def test_a_theme_with_the_readme_line_builds_without_the_plugin(tmp_path):
    stock = pelican_alone(tmp_path, copy_site(tmp_path), THEME=str(TEST_DATA / "one-line-theme"))
    assert stock.status == 0, stock.stderr
    assert "TemplateNotFound" not in stock.stderr
    procedure = (stock.output / "pages" / "procedure.html").read_text(encoding="utf-8")
    assert "handbook" not in procedure
