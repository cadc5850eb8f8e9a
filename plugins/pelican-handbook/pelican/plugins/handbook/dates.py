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
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from .hints import did_you_mean


def timezone_problems(settings: dict) -> list[tuple[str, str]]:
    """Return the problem of a TIMEZONE that names no time zone, with a did-you-mean.

    Pelican reads it first when it makes each page, after the plugin's
    settings check (get_generators), and says only "Could not process" each page.
    """
    if "TIMEZONE" not in settings:
        return []  # Pelican says so, and uses UTC
    name = settings["TIMEZONE"]
    try:
        ZoneInfo(name)
        return []
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        pass
    zones = available_timezones()
    # "europe/london" and "Europe London" are near misses too.
    hint = did_you_mean(str(name).replace(" ", "_"), zones)
    if not hint:
        lower = {zone.lower(): zone for zone in zones}
        found = lower.get(str(name).strip().lower().replace(" ", "_"))
        hint = f" (did you mean '{found}'?)" if found else ""
    return [("TIMEZONE", f"{name!r} is not a time zone{hint}")]


def _zone(settings: dict):
    try:
        return ZoneInfo(settings.get("TIMEZONE") or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.utc


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


def committed_dates(folder: Path) -> dict[str, datetime]:
    """Return the date of the last commit that touched each file under `folder`, by its path there.

    One `git log` for the whole folder: a commit per file would be a process per page.
    Files changed since their last commit are left out: their text is newer.
    Paths are as git gives them, relative to `folder` with `/`: a page is
    found by its own path made relative the same way, with nothing resolved.
    """
    log = _git(folder, "log", "--format=%x00%cI", "--name-only", "--relative", "--", ".")
    changed = _git(folder, "diff", "--name-only", "--relative", "HEAD", "--", ".")
    dirty = {line.strip() for line in changed.splitlines() if line.strip()}
    dates: dict[str, datetime] = {}
    when = None
    for line in log.splitlines():
        if line.startswith("\0"):
            when = datetime.fromisoformat(line[1:])
        elif line.strip() and when is not None:
            path = line.strip()
            if path not in dates and path not in dirty:
                dates[path] = when
    return dates


def _file_time(path: str, zone) -> datetime | None:
    try:
        return datetime.fromtimestamp(os.stat(path).st_mtime, zone)
    except OSError:
        return None


def stamp_changed_dates(pages: list, settings: dict, date_format: str) -> None:
    """Give each page `handbook_changed` (as date_format writes it) and its ISO form."""
    if not pages:
        return
    zone = _zone(settings)
    folder = os.path.abspath(settings["PATH"])
    committed = committed_dates(Path(folder))
    for page in pages:
        when = getattr(page, "modified", None) if "modified" in page.metadata else None
        if when is None and committed:
            relative = os.path.relpath(os.path.abspath(page.source_path), folder)
            when = committed.get(relative.replace(os.sep, "/"))
        when = when or _file_time(page.source_path, zone)
        if when is None:
            continue
        when = when.astimezone(zone) if when.tzinfo else when
        page.handbook_changed = when.strftime(date_format)
        page.handbook_changed_iso = when.date().isoformat()
