"""Link check: every internal link of every page, checked at build time, reported by line."""

from .content import ContentLinks, LinkState
from .output import check_output, remember_written

__all__ = ["ContentLinks", "LinkState", "check_output", "remember_written"]
