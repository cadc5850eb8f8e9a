"""'Procedure as of' is when a document's text last changed: Modified, else git, else the file."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

from fixture_sites import copy_site
from pelican.plugins.handbook.dates import committed_dates, stamp_changed_dates, timezone_problems

SETTINGS = {"TIMEZONE": "America/New_York"}


def page(path: Path, **metadata) -> SimpleNamespace:
    return SimpleNamespace(source_path=str(path), metadata=metadata, **metadata)


def git(folder: Path, *arguments: str, when: str = "2026-10-05T12:00:00+00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    env |= {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t"}
    env |= {"GIT_COMMITTER_EMAIL": "t@t"}
    subprocess.run(["git", "-C", str(folder), *arguments], check=True, env=env, capture_output=True)


def test_the_last_commit_that_touched_a_file_dates_it(tmp_path):
    git(tmp_path, "init", "-q")
    (tmp_path / "pages").mkdir()
    old, new = tmp_path / "pages" / "old.md", tmp_path / "pages" / "new.md"
    old.write_text("one\n")
    new.write_text("one\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "first", when="2026-10-05T12:00:00+00:00")
    new.write_text("two\n")
    git(tmp_path, "commit", "-qam", "second", when="2026-11-20T12:00:00+00:00")
    dates = committed_dates(tmp_path)
    assert dates["pages/old.md"].date().isoformat() == "2026-10-05"
    assert dates["pages/new.md"].date().isoformat() == "2026-11-20"
    # Changed since its last commit: its text is newer than any commit.
    old.write_text("three\n")
    assert "pages/old.md" not in committed_dates(tmp_path)


def test_modified_metadata_wins_then_git_then_the_files_time(tmp_path):
    git(tmp_path, "init", "-q")
    committed, loose, stated = (tmp_path / name for name in ("c.md", "l.md", "s.md"))
    for path in (committed, stated):
        path.write_text("x\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "docs", when="2026-10-05T03:00:00+00:00")
    loose.write_text("x\n")
    os.utime(loose, (1790000000, 1790000000))  # 2026-09-21 14:13 UTC
    pages = [
        page(committed),
        page(loose),
        page(stated, modified=datetime.fromisoformat("2026-11-01T09:00:00-04:00")),
    ]
    stamp_changed_dates(pages, {**SETTINGS, "PATH": str(tmp_path)}, "%d %B %Y")
    # 03:00 UTC on 5 October is still 4 October in America/New_York.
    assert [(p.handbook_changed_iso, p.handbook_changed) for p in pages] == [
        ("2026-10-04", "04 October 2026"),
        ("2026-09-21", "21 September 2026"),
        ("2026-11-01", "01 November 2026"),
    ]


# -- TIMEZONE: a zone that does not exist is reported at the setting ----------


def test_a_timezone_that_does_not_exist_is_named_with_a_did_you_mean():
    assert timezone_problems({"TIMEZONE": "Europe/London"}) == []
    assert timezone_problems({}) == []
    assert timezone_problems({"TIMEZONE": "Europe/Londno"}) == [
        ("TIMEZONE", "'Europe/Londno' is not a time zone (did you mean 'Europe/London'?)")
    ]
    assert timezone_problems({"TIMEZONE": "america/new york"}) == [
        ("TIMEZONE", "'america/new york' is not a time zone (did you mean 'America/New_York'?)")
    ]
    assert timezone_problems({"TIMEZONE": None}) == [("TIMEZONE", "None is not a time zone")]


def test_a_build_with_a_timezone_that_does_not_exist_stops_at_the_setting(
    build_site, tmp_path, monkeypatch
):
    # Run as `pelican -s pelicanconf.py` would, so the message names that file.
    monkeypatch.setattr(sys, "argv", ["pelican", "-s", "pelicanconf.py"])
    built = build_site(copy_site(tmp_path), TIMEZONE="Europe/Londno")
    assert built.status == 1
    assert built.problems() == [
        "pelicanconf.py: TIMEZONE 'Europe/Londno' is not a time zone"
        " (did you mean 'Europe/London'?)"
    ]
    # Stopped before Pelican read a page (it would fail on each, with no setting named).
    assert not list(built.output.rglob("*.html"))
