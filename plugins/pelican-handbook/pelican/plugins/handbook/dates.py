"""When each document last changed, and when the site was built.

A volunteer who trained on last month's procedure must see whether it has
changed since: "Procedure as of" is the date the page's text last changed
(its `Modified:` metadata, else the last commit that touched its source,
else the file's time). Staff holding a saved copy on a phone also see when
it was built.
"""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def _zone(settings: dict):
    try:
        return ZoneInfo(settings.get("TIMEZONE") or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def build_time(settings: dict) -> datetime:
    """Return now in the site's TIMEZONE, or SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), _zone(settings))
    return datetime.now(_zone(settings))


def stamp_build_date(values: dict, settings: dict, date_format: str) -> None:
    """Set HANDBOOK_BUILD_DATE (in HANDBOOK["date_format"]) and its ISO form for templates."""
    now = build_time(settings)
    values["HANDBOOK_BUILD_DATE"] = now.strftime(date_format)
    values["HANDBOOK_BUILD_DATE_ISO"] = now.date().isoformat()


def _git(folder: Path, *arguments: str) -> str:
    """Return what git says in `folder`, or '' when it is no repository or git is missing."""
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *arguments], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout if done.returncode == 0 else ""


def committed_dates(folder: Path) -> dict[Path, datetime]:
    """Return the date of the last commit that touched each file under `folder`.

    One `git log` for the whole folder: a commit per file would be a process per page.
    Files changed since their last commit are left out: their text is newer.
    """
    log = _git(folder, "log", "--format=%x00%cI", "--name-only", "--relative", "--", ".")
    changed = _git(folder, "diff", "--name-only", "--relative", "HEAD", "--", ".")
    dirty = {(folder / line.strip()).resolve() for line in changed.splitlines() if line.strip()}
    dates: dict[Path, datetime] = {}
    when = None
    for line in log.splitlines():
        if line.startswith("\0"):
            when = datetime.fromisoformat(line[1:])
        elif line.strip() and when is not None:
            path = (folder / line.strip()).resolve()
            if path not in dates and path not in dirty:
                dates[path] = when
    return dates


def stamp_changed_dates(pages: list, settings: dict, date_format: str) -> None:
    """Give each page `handbook_changed` (as date_format writes it) and its ISO form."""
    if not pages:
        return
    zone = _zone(settings)
    committed = committed_dates(Path(settings["PATH"]))
    for page in pages:
        source = Path(page.source_path).resolve()
        when = getattr(page, "modified", None) if "modified" in page.metadata else None
        when = when or committed.get(source)
        if when is None and source.exists():
            when = datetime.fromtimestamp(source.stat().st_mtime, zone)
        if when is None:
            continue
        when = when.astimezone(zone) if when.tzinfo else when
        page.handbook_changed = when.strftime(date_format)
        page.handbook_changed_iso = when.date().isoformat()
