"""Read Markdown through jinja2content, turning template mistakes into problems."""

from __future__ import annotations

import jinja2
from pelican.plugins.jinja2content.jinja2content import JinjaMarkdownReader
from pelican.readers import MarkdownReader

from . import problems


def _template_line(error: Exception) -> int | None:
    """Return the template line an error was raised at, if Jinja kept it."""
    line = getattr(error, "lineno", None)
    traceback = error.__traceback__
    while traceback is not None:
        # Jinja rewrites tracebacks so template frames carry the source line.
        if traceback.tb_frame.f_code.co_filename == "<template>":
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line


class HandbookMarkdownReader(JinjaMarkdownReader):
    """Markdown reader that reports template errors and missing titles."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A misspelt setting name must fail loudly, not render as nothing.
        self.env.undefined = jinja2.StrictUndefined

    def _parse_metadata(self, meta):
        # Pelican converts formatted fields (Summary) with the same Markdown
        # instance after a reset, so keep the document's results first.
        self._handbook_results = {
            "handbook_checklists": getattr(self._md, "checklists", []),
            "handbook_toc": getattr(self._md, "toc_tokens", []),
        }
        return super()._parse_metadata(meta)

    def read(self, source_path):
        self._handbook_results = {}
        try:
            content, metadata = super().read(source_path)
        except jinja2.TemplateError as error:
            problems.add(source_path, _template_line(error), f"template error: {error}")
            # Read it without Jinja so links to this page are not reported too.
            content, metadata = MarkdownReader.read(self, source_path)
        if not metadata.get("title"):
            problems.add(source_path, 1, "page has no 'Title:' metadata line")
        metadata.update(self._handbook_results)
        return content, metadata


def add_reader(readers) -> None:
    """Read every Markdown extension with the handbook reader."""
    for extension in HandbookMarkdownReader.file_extensions:
        readers.reader_classes[extension] = HandbookMarkdownReader
