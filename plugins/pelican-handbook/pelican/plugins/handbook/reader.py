"""Read Markdown through jinja2content, turning template mistakes into problems."""

from __future__ import annotations

import jinja2
from jinja2.ext import Extension
from pelican.plugins.jinja2content.jinja2content import JinjaMarkdownReader
from pelican.utils import pelican_open

from . import report as problems
from .linkcheck.source import read_sources
from .linkcheck.tree import read_pages
from .reused_markdown import ReusedMarkdown


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


def _read_text(source_path: str) -> str:
    """Return a source file's text as Pelican reads it (without a byte-order mark)."""
    with pelican_open(source_path) as text:
        return text


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


def frozen_checklists(checklists: list[dict]) -> tuple[dict, ...]:
    """Return `frozen(checklists)`, faster: their items hold only strings and numbers."""
    return tuple({**checklist, "items": tuple(checklist["items"])} for checklist in checklists)


class HandbookMarkdownReader(JinjaMarkdownReader):
    """Markdown reader that reports template errors and missing titles."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A misspelt setting name must fail loudly, not render as nothing.
        self.env.undefined = jinja2.StrictUndefined
        self.markdown = ReusedMarkdown(self.settings["MARKDOWN"])

    def _parse_metadata(self, meta):
        # Pelican converts formatted fields (Summary) with the same Markdown
        # instance after a reset, so keep the document's results first.
        self._handbook_results = {
            "handbook_checklists": frozen_checklists(getattr(self._md, "checklists", [])),
            "handbook_toc": frozen(getattr(self._md, "toc_tokens", [])),
        }
        # For the link check (link_tree), kept out of the page's metadata.
        self._tree_links = getattr(self._md, "handbook_links", None)
        return super()._parse_metadata(meta)

    def _convert(self, source_path: str, text: str) -> tuple[str, dict]:
        """Convert one page's text, as Pelican's Markdown reader does, with the reused instance."""
        self._source_path = source_path
        self._md = self.markdown.for_next_document()
        try:
            content = self._md.convert(text)
            metadata = self._parse_metadata(self._md.Meta) if hasattr(self._md, "Meta") else {}
        except BaseException:
            self.markdown.discard()
            raise
        return content, metadata

    def _read_source(self, source_path: str, text: str) -> tuple[str, dict]:
        """Convert a file's text through Jinja, or straight when Jinja would leave it as it is."""
        # Most pages hold no Jinja: they skip compiling a template.
        if _may_change(self.env, text):
            # Rendered here rather than by jinja2content, which converts a temporary copy.
            text = self.env.from_string(text).render()
        return self._convert(source_path, text)

    def read(self, source_path):
        self._handbook_results = {}
        self._tree_links = None
        text = read_sources[source_path] = _read_text(source_path)
        try:
            content, metadata = self._read_source(source_path, text)
        except jinja2.TemplateError as error:
            problems.add(source_path, _template_line(error), f"template error: {error}")
            # Read it without Jinja so links to this page are not reported too.
            content, metadata = self._convert(source_path, text)
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
