"""linkcheck."""
