"""A forker's first mistakes stop `make html` with one line each, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.build.test_links_build_safety import make, project_copy


def said(result) -> list[str]:
    """Return what the build printed on stderr, without make's own lines."""
    text = result.stdout + result.stderr
    assert "Traceback" not in text
    return [line for line in result.stderr.splitlines() if not line.startswith("make")]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return project_copy(tmp_path_factory.mktemp("fork"))


def test_a_syntax_error_in_the_settings_is_named_at_its_line(project):
    conf = project / "pelicanconf.py"
    good = conf.read_text(encoding="utf-8")
    lines = good.count("\n")
    try:
        conf.write_text(good + 'SITENAME = "Our group\n', encoding="utf-8")
        result = make(project, "html")
        assert result.returncode != 0
        assert said(result) == [
            f"{conf}:{lines + 1}: unterminated string literal (detected at line {lines + 1})"
        ]
    finally:
        conf.write_text(good, encoding="utf-8")


def test_a_missing_content_or_theme_folder_is_named(project):
    result = make(project, "html", INPUTDIR=str(project / "contents"))
    assert result.returncode != 0
    assert said(result) == [
        f"{project / 'pelicanconf.py'}: PATH '{project / 'contents'}' is not a folder"
    ]
    (project / "theme").rename(project / "theme-old")
    try:
        result = make(project, "html")
        assert result.returncode != 0
        assert said(result) == [
            f"{project / 'pelicanconf.py'}: THEME 'theme' is not a folder,"
            " nor a theme Pelican ships"
        ]
    finally:
        (project / "theme-old").rename(project / "theme")


def test_a_symbolic_link_back_into_the_content_is_named(project):
    link = project / "content" / "pages" / "all"
    link.symlink_to("..")
    try:
        result = make(project, "html")
        assert result.returncode != 0
        assert said(result) == [
            f"{link}: a symbolic link to '..', a folder it is in:"
            " Pelican would read the content again and again"
        ]
    finally:
        link.unlink()


def test_two_pages_with_one_slug_are_both_named(project):
    pages = project / "content" / "pages"
    copy = pages / "copy-of-the-rules.md"
    copy.write_text((pages / "code-of-conduct.md").read_text(encoding="utf-8"), encoding="utf-8")
    try:
        result = make(project, "html")
        assert result.returncode != 0
        problems = [line for line in said(result) if "is written to" in line]
        assert problems == [
            "content/pages/copy-of-the-rules.md:1: this page is written to code-of-conduct.html,"
            " as content/pages/code-of-conduct.md is: give one of them another 'Slug:'"
        ]
    finally:
        copy.unlink()


def test_a_placeholder_left_in_the_first_block_is_named_by_its_setting(project):
    conf = project / "pelicanconf.py"
    good = conf.read_text(encoding="utf-8")
    try:
        conf.write_text(good + 'SITENAME = "TODO: our name"\n', encoding="utf-8")
        result = make(project, "html")
        assert result.returncode != 0
        problems = [line for line in said(result) if "handbook:" not in line]
        # Named as the project's folder names it, where `make html` runs.
        assert problems == [
            "pelicanconf.py: SITENAME 'TODO: our name' is a placeholder: put your own value"
        ]
    finally:
        conf.write_text(good, encoding="utf-8")
