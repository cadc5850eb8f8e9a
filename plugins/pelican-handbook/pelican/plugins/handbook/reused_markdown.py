"""One Markdown instance for all the pages a reader converts, reset between them.

Pelican's Markdown reader makes a new `Markdown` for every file: each
extension is loaded and each of its processors (about fifty with the site's
extensions) registered again, a twentieth of a build. Python-Markdown is
made to be reused: `reset()` clears one document's state (its stash,
references, and every extension's own) before the next
(https://python-markdown.github.io/reference/#Markdown.reset).

One thing outlives `reset()`: Pelican takes the `meta` preprocessor out of its
instance before it converts formatted fields such as Summary, so a summary
line like "Title: x" stays text. It is put back before the next page.
"""

from __future__ import annotations

from markdown import Markdown


def _registration(md: Markdown, name: str) -> tuple[object, float] | None:
    """Return a preprocessor and its priority, or None if Markdown will not say."""
    # The registry keeps (name, priority) pairs in `_priority`, unchanged
    # since Markdown 3.0. Should that change, every page gets a new instance.
    for entry in getattr(md.preprocessors, "_priority", ()):
        if getattr(entry, "name", None) == name:
            return md.preprocessors[name], entry.priority
    return None


class ReusedMarkdown:
    """Hand out one Markdown instance, as good as new, for each document."""

    def __init__(self, settings: dict):
        self.settings = settings
        self.md: Markdown | None = None
        self.meta: tuple[object, float] | None = None

    def for_next_document(self) -> Markdown:
        """Return the instance, reset; a new one the first time or if it cannot be restored."""
        if self.md is not None and self._restore_meta():
            return self.md.reset()
        self.md = Markdown(**self.settings)
        self.meta = _registration(self.md, "meta")
        return self.md

    def _restore_meta(self) -> bool:
        """Put back the meta preprocessor if Pelican took it out; say if it is there."""
        if "meta" in self.md.preprocessors:
            return True
        if self.meta is None:
            return False
        processor, priority = self.meta
        self.md.preprocessors.register(processor, "meta", priority)
        return True

    def discard(self) -> None:
        """Forget the instance: a conversion failed half-way and left it in an unknown state."""
        self.md = None
