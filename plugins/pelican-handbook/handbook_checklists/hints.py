"""Did-you-mean hints, for every message that names a mistake."""

from __future__ import annotations

import difflib


def did_you_mean(
    wrong: str, choices, prefix: str = "", suffix: str = "", cutoff: float = 0.6
) -> str:
    """Return " (did you mean 'x'?)" for the closest of `choices`, or ''."""
    close = difflib.get_close_matches(wrong, list(choices), n=1, cutoff=cutoff)
    return f" (did you mean '{prefix}{close[0]}{suffix}'?)" if close else ""
