"""Give templates the build date, shown as "Procedure as of 2026-11-25".

Staff holding a saved copy on a phone need to know how old it is.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def build_time(settings: dict) -> datetime:
    """Return now in the site's TIMEZONE, or SOURCE_DATE_EPOCH for reproducible builds."""
    try:
        zone = ZoneInfo(settings.get("TIMEZONE") or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = UTC
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), zone)
    return datetime.now(zone)


def stamp_build_date(values: dict, settings: dict, date_format: str) -> None:
    """Set HANDBOOK_BUILD_DATE (in HANDBOOK["date_format"]) and its ISO form for templates."""
    now = build_time(settings)
    values["HANDBOOK_BUILD_DATE"] = now.strftime(date_format)
    values["HANDBOOK_BUILD_DATE_ISO"] = now.date().isoformat()
