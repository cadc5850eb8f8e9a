"""Bad content fails the build with the file and line named, never a traceback."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import run_pelican


def write_site(root: Path, pages: dict[str, str]) -> Path:
    (root / "pages").mkdir(parents=True)
    for name, text in pages.items():
        (root / "pages" / name).write_text(text, encoding="utf-8")
    return root


GOOD = "Title: Good\n\nA page that is fine.\n"


def failed_build(tmp_path: Path, pages: dict[str, str]) -> tuple[Path, str]:
    """Build `pages`, check it failed cleanly, and return the content folder and stderr."""
    content = write_site(tmp_path / "content", pages)
    result = run_pelican(tmp_path / "out", content=content)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    return content, result.stderr


def test_a_jinja_syntax_error_names_the_file_and_line(tmp_path):
    broken = "Title: Broken\n\nLine three.\n\nWrite to {{ CONDUCT_EMAIL }.\n"
    content, stderr = failed_build(tmp_path, {"good.md": GOOD, "broken.md": broken})
    assert f"{content}/pages/broken.md:5: template error:" in stderr


def test_a_misspelt_setting_is_an_error_not_an_empty_string(tmp_path):
    typo = "Title: Typo\n\nWrite to {{ CONDUCT_EMIAL }}.\n"
    content, stderr = failed_build(tmp_path, {"typo.md": typo})
    assert f"{content}/pages/typo.md:3: template error: 'CONDUCT_EMIAL' is undefined" in stderr


def test_a_page_without_a_title_fails_the_build(tmp_path):
    untitled = "slug: x\n\nNo title.\n"
    content, stderr = failed_build(tmp_path, {"good.md": GOOD, "untitled.md": untitled})
    assert f"{content}/pages/untitled.md:1: page has no 'Title:' metadata line" in stderr


def test_all_problems_are_reported_in_one_run_sorted_by_file(tmp_path):
    content = write_site(
        tmp_path / "content",
        {"b.md": "Title: B\n\n{% if %}\n", "a.md": "Text without a title.\n"},
    )
    result = run_pelican(tmp_path / "out", content=content)
    lines = [line for line in result.stderr.splitlines() if line.startswith(str(content))]
    assert [line.split(":")[0] for line in lines] == [
        f"{content}/pages/a.md",
        f"{content}/pages/b.md",
    ]
    assert "handbook: 2 problems found" in result.stderr


def test_a_good_site_builds_with_exit_status_zero(tmp_path):
    content = write_site(tmp_path / "content", {"good.md": GOOD})
    result = run_pelican(tmp_path / "out", content=content)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "good.html").exists()
