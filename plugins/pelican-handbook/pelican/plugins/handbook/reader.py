"""Read Markdown through Jinja when jinja2content is on, turning template mistakes into problems.

The reader is Pelican's own MarkdownReader (or jinja2content's, when that
plugin is listed), with three additions: it keeps each source's text for the
link check, it reports a template error or a missing title at its line
instead of dropping the page, and it converts every page without Jinja with
one Markdown instance, reset between pages as Python-Markdown asks.
"""

from __future__ import annotations

import re

import jinja2
import markdown
from jinja2.sandbox import SandboxedEnvironment
from markdown import Markdown
from markupsafe import Markup
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, MarkdownReader
from pelican.utils import pelican_open

from .build import current_build
from .metadata import check_metadata
from .template_lines import STRING_TEMPLATE, template_line

try:
    from pelican.plugins.jinja2content.jinja2content import JinjaMarkdownReader
except ImportError:  # jinja2content is optional
    JinjaMarkdownReader = None


def _holds_jinja(env: jinja2.Environment, text: str) -> bool:
    """Say whether rendering `text` as a template could change it."""
    if env.line_statement_prefix or env.line_comment_prefix or list(env.iter_extensions()):
        return True
    starts = (env.variable_start_string, env.block_start_string, env.comment_start_string)
    # `{#` also opens an explicit heading id, which Jinja reads as a comment:
    # such a file still goes through Jinja and reports what it finds.
    return any(start in text for start in starts)


# What a value must not bring into Markdown as it is: a "<" or ">" (raw HTML,
# an autolink, a quote block) and a "&" that starts a character reference.
# Quotes and a lone "&" are text to Markdown, which escapes them itself; an
# autolink (<{{ CONDUCT_EMAIL }}>) would write a reference's "&" as text.
_MARKUP = re.compile(r"[<>]|&(?=#[0-9]+;|#x[0-9a-f]+;|[0-9a-z]+;)", re.IGNORECASE)
_REFERENCES = {"<": "&#60;", ">": "&#62;", "&": "&#38;"}
_CHARACTERS = {reference: character for character, reference in _REFERENCES.items()}
_WRITTEN_REFERENCE = re.compile("|".join(_CHARACTERS))


def markdown_text(value) -> Markup:
    """Return a value a page writes (`{{ ORGANIZATION }}`) as Markdown that shows it as text."""
    if hasattr(value, "__html__"):
        # Marked as HTML by the page itself (`|safe`), or a macro's output.
        return Markup(value.__html__())
    return Markup(_MARKUP.sub(lambda match: _REFERENCES[match.group()], str(value)))


def _plain_metadata(metadata: dict, formatted) -> None:
    """Give metadata that Markdown does not read (Title, Door) the characters of its values."""
    for name, value in metadata.items():
        if isinstance(value, str) and name not in formatted:
            metadata[name] = _WRITTEN_REFERENCE.sub(lambda match: _CHARACTERS[match.group()], value)


# The options of a Jinja environment that say how its templates are written.
SYNTAX_OPTIONS = (
    "trim_blocks",
    "lstrip_blocks",
    "keep_trailing_newline",
    "newline_sequence",
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
)


def sandboxed(env: jinja2.Environment) -> SandboxedEnvironment:
    """Return a sandboxed copy of jinja2content's environment, failing on undefined names.

    A page is content, not code: a fork that builds every pull request must
    not run what a contributor's page asks of Python (`cycler.__init__...`).
    A misspelt setting name fails loudly instead of rendering as nothing.
    Each value is written as Markdown text (markdown_text), whatever the
    site's JINJA_ENVIRONMENT says: HTML escaping would show an address's
    "&#39;" in an autolink.
    """
    options = {name: getattr(env, name) for name in SYNTAX_OPTIONS}
    extensions = [type(extension) for extension in env.extensions.values()]
    sandbox = SandboxedEnvironment(
        loader=env.loader,
        extensions=extensions,
        undefined=jinja2.StrictUndefined,
        # On, so that a macro's or a `{% set %}` block's output stays as written.
        autoescape=True,
        finalize=markdown_text,
        **options,
    )
    sandbox.globals.update(env.globals)
    sandbox.filters.update(env.filters)
    sandbox.tests.update(env.tests)
    return sandbox


# Before Python-Markdown 3.7, `reset()` left the abbr extension's (part of
# `extra`) abbreviations to the next page: there, a new instance per page,
# as Pelican makes.
_RESET_FORGETS_ALL = markdown.__version_info__ >= (3, 7)


class HandbookReading:
    """What the handbook adds to a Markdown reader; mixed into Pelican's or jinja2content's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if hasattr(self, "env"):
            self.env = sandboxed(self.env)

    def read(self, source_path):
        build = current_build(self.settings)
        with pelican_open(source_path) as text:
            if build is not None:
                build.sources[source_path] = text
                build.reading = source_path
                build.checklists.pop(source_path, None)
        try:
            content, metadata = self._convert(build, source_path, text)
        except Exception as error:
            if build is not None:
                build.unread[source_path] = str(error) or type(error).__name__
            raise
        finally:
            if build is not None:
                # What Markdown converts later (another plugin's snippet) is no page's.
                build.reading = None
        if build is not None:
            _keep_what_was_read(build, source_path, content, metadata)
            check_metadata(build, source_path, metadata)
        return content, metadata

    def _convert(self, build, source_path: str, text: str) -> tuple[str, dict]:
        """Return the HTML and metadata of a source, through Jinja when it holds any."""
        try:
            if not hasattr(self, "env") or not _holds_jinja(self.env, text):
                # Most pages hold no Jinja: they skip jinja2content's temporary file.
                return self._read_markdown(build, source_path, text)
            content, metadata = super().read(source_path)
            _plain_metadata(metadata, self.settings["FORMATTED_FIELDS"])
            return content, metadata
        except jinja2.TemplateError as error:
            if build is None:
                raise
            _, line = template_line(error, STRING_TEMPLATE)
            build.report.problem(source_path, line, f"template error: {error}")
            # Read it without Jinja, so links to this page are not reported too.
            return self._read_markdown(build, source_path, text)

    def _markdown(self) -> Markdown:
        """Return this reader's Markdown instance, reset for a new document."""
        # Pelican makes a new instance for every page, with every extension
        # built and registered again, and garbage only a collection frees.
        md = self.__dict__.get("_handbook_markdown")
        if md is None or not _RESET_FORGETS_ALL:
            md = self._handbook_markdown = Markdown(**self.settings["MARKDOWN"])
        return md.reset()

    def _read_markdown(self, build, source_path: str, text: str) -> tuple[str, dict]:
        """Return the HTML and metadata of Markdown `text`, as Pelican's MarkdownReader does."""
        md = self._markdown()
        content = md.convert(text)
        metadata = {}
        for name, values in getattr(md, "Meta", {}).items():
            name = name.lower()
            if name in self.settings["FORMATTED_FIELDS"]:
                # A leading blank line ends the metadata before it starts (the
                # meta extension's rule), as Pelican's deregistering of it does.
                value = self._markdown().convert("\n" + "\n".join(values))
            elif len(values) > 1 and not DUPLICATES_DEFINITIONS_ALLOWED.get(name, True):
                if build is not None:
                    line = build.lines.of_metadata(source_path, name, 2)
                    build.report.warn(source_path, line, f"'{name}' given twice: the first is used")
                value = values[0]
            else:
                value = values if len(values) > 1 else values[0]
            metadata[name] = self.process_metadata(name, value)
        return content, metadata


def _keep_what_was_read(build, source_path: str, content: str, metadata: dict) -> None:
    """Report a page without a title, and give it its checklists."""
    if not metadata.get("title"):
        build.report.problem(source_path, 1, "page has no 'Title:' metadata line")
    if source_path in build.checklists:
        # Metadata becomes the page's attribute, and is cached with its content.
        metadata["handbook_checklists"] = build.checklists.pop(source_path)


class HandbookMarkdownReader(HandbookReading, MarkdownReader):
    """Pelican's Markdown reader, with the handbook's additions."""


if JinjaMarkdownReader is not None:

    class HandbookJinjaReader(HandbookReading, JinjaMarkdownReader):
        """jinja2content's Markdown reader, with the handbook's additions."""

else:
    HandbookJinjaReader = None


def install_reader(generator) -> None:
    """Read the generator's Markdown with the handbook's reader, keeping jinja2content's Jinja."""
    # Done once the generator's readers exist, not in readers_init: Pelican's
    # signals call their receivers in no set order, so a readers_init receiver
    # cannot know whether jinja2content's has run yet.
    readers = getattr(generator, "readers", None)
    if readers is None:
        return
    for extension, reader in list(readers.readers.items()):
        if not isinstance(reader, MarkdownReader) or isinstance(reader, HandbookReading):
            continue
        jinja = JinjaMarkdownReader is not None and isinstance(reader, JinjaMarkdownReader)
        reader_class = HandbookJinjaReader if jinja else HandbookMarkdownReader
        readers.reader_classes[extension] = reader_class
        readers.readers[extension] = reader_class(generator.settings)
