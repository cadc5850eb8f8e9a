"""A plugin PLUGINS names that Pelican could not load stops the build, as a settings problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_sites import build_in_process, copy_site

SETTINGS = """\
PLUGIN_PATHS = ["plugins"]
PLUGINS = {plugins!r}
THEME = "simple"
PAGE_PATHS = ["pages"]
ARTICLE_PATHS = ["articles"]
TIMEZONE = "UTC"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
HANDBOOK = {{"printouts": False, "offline": False}}
"""


def build(tmp_path: Path, plugins: list[str], **override):
    """Build the simple site with a settings file naming `plugins`, beside a site plugin."""
    content = tmp_path / "content"
    if not content.exists():
        copy_site(tmp_path)
        site_plugin = tmp_path / "plugins" / "site_words"
        site_plugin.mkdir(parents=True)
        (site_plugin / "__init__.py").write_text("def register():\n    pass\n")
    settings = tmp_path / "pelicanconf.py"
    settings.write_text(SETTINGS.format(plugins=plugins), encoding="utf-8")
    output = tmp_path / "output"
    override = {"PATH": str(content), "OUTPUT_PATH": str(output), **override}
    return build_in_process([str(content), "-o", str(output)], override, settings, cwd=tmp_path)


def test_a_misspelt_plugin_stops_the_build_with_a_did_you_mean(tmp_path):
    built = build(tmp_path, ["handbook", "site_wrods"])
    assert built.status == 1
    assert (
        "pelicanconf.py: PLUGINS names 'site_wrods', which Pelican could not load:"
        " ImportError: Cannot import plugin `site_wrods` (did you mean 'site_words'?)"
    ) in built.stderr
    assert "Traceback" not in built.stderr


def test_a_plugin_that_fails_to_import_is_named_with_its_error(tmp_path):
    build(tmp_path, ["handbook"])
    (tmp_path / "plugins" / "broken.py").write_text("import no_such_module_here\n")
    built = build(tmp_path, ["handbook", "broken"])
    assert built.status == 1
    assert (
        "pelicanconf.py: PLUGINS names 'broken', which Pelican could not load:"
        " ModuleNotFoundError: No module named 'no_such_module_here'"
    ) in built.stderr


@pytest.mark.parametrize("override", [{}, {"PLUGINS": ["handbook"]}], ids=["file", "-e"])
def test_plugins_that_load_or_are_left_out_on_the_command_line_are_no_problem(tmp_path, override):
    built = build(tmp_path, ["handbook", "site_words"], **override)
    assert built.status == 0, built.stderr
    assert "PLUGINS" not in built.stderr
