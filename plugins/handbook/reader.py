"""Read Markdown through jinja2content, turning template mistakes into problems."""

from __future__ import annotations

import jinja2
from jinja2.ext import Extension
from pelican.plugins.jinja2content.jinja2content import JinjaMarkdownReader
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

from . import problems
from .link_tree import read_pages


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


def _may_change(env: jinja2.Environment, text: str) -> bool:
    """Return whether rendering `text` as a template could change more than its end."""
    if env.line_statement_prefix or env.line_comment_prefix:
        return True
    # An extension may rewrite the source or its tokens, markers or not.
    for extension in env.iter_extensions():
        kind = type(extension)
        if kind.preprocess is not Extension.preprocess:
            return True
        if kind.filter_stream is not Extension.filter_stream:
            return True
    starts = (env.variable_start_string, env.block_start_string, env.comment_start_string)
    # `{#` also opens an explicit heading id, which Jinja reads as a comment:
    # such a file still goes through Jinja and reports what it finds.
    return any(start in text for start in starts)


def frozen(value):
    """Return `value` with its lists made tuples, all the way down.

    Every page keeps its checklists and headings to the end of the build. The
    garbage collector stops tracking tuples and dicts that hold only strings,
    numbers and such tuples, but goes over every list in each full collection.
    """
    if isinstance(value, list):
        return tuple(frozen(item) for item in value)
    if isinstance(value, dict):
        return {key: frozen(item) for key, item in value.items()}
    return value


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
            "handbook_checklists": frozen(getattr(self._md, "checklists", [])),
            "handbook_toc": frozen(getattr(self._md, "toc_tokens", [])),
        }
        # For the link check (link_tree), kept out of the page's metadata.
        self._tree_links = getattr(self._md, "handbook_links", None)
        return super()._parse_metadata(meta)

    def _read_source(self, source_path: str) -> tuple[str, dict]:
        """Read a file through Jinja, or straight when Jinja would leave it as it is."""
        with pelican_open(source_path) as text:
            if _may_change(self.env, text):
                return super().read(source_path)
        # Most pages hold no Jinja: skip compiling a template and the temporary
        # file jinja2content converts.
        return MarkdownReader.read(self, source_path)

    def read(self, source_path):
        self._handbook_results = {}
        self._tree_links = None
        try:
            content, metadata = self._read_source(source_path)
        except jinja2.TemplateError as error:
            problems.add(source_path, _template_line(error), f"template error: {error}")
            # Read it without Jinja so links to this page are not reported too.
            content, metadata = MarkdownReader.read(self, source_path)
        if not metadata.get("title"):
            problems.add(source_path, 1, "page has no 'Title:' metadata line")
        metadata.update(self._handbook_results)
        if self._tree_links is not None:
            read_pages[source_path] = self._tree_links
        return content, metadata


def add_reader(readers) -> None:
    """Read every Markdown extension with the handbook reader."""
    for extension in HandbookMarkdownReader.file_extensions:
        readers.reader_classes[extension] = HandbookMarkdownReader
