"""Link check: every internal link of every page, checked at build time, reported by line."""

from .content import LinkState, check_content
from .output import check_output, remember_written

__all__ = ["LinkState", "check_content", "check_output", "remember_written"]
