"""Mistakes in the theme's templates, reported at their file and line instead of a traceback.

A template that does not compile is found when the build first loads it,
and a stand-in takes its place so the build goes on to report every
problem; one that fails while rendering is reported by the writer, which
then skips that file. Either way the build ends with the list and exit 1,
and `make`'s swap keeps the last good site.
"""

from __future__ import annotations

import jinja2
from pelican.writers import Writer

from .build import current_build
from .template_lines import template_line

# What a broken template renders as: the build fails anyway.
_STAND_IN = "<!doctype html><title>template error</title>"


class _ReportingLoader(jinja2.BaseLoader):
    """Load templates as the theme's loader does; report one that does not compile.

    Checked as each is first loaded, not all at the start: a build need not
    compile the templates it never renders (the cards' and the form's, on a
    site without checklists).
    """

    def __init__(self, loader: jinja2.BaseLoader, build):
        self.loader, self.build = loader, build

    def get_source(self, environment, template):
        return self.loader.get_source(environment, template)

    def list_templates(self):
        return self.loader.list_templates()

    def load(self, environment, name, globals=None):
        try:
            return self.loader.load(environment, name, globals)
        except jinja2.TemplateSyntaxError as error:
            filename, line = template_line(error)
            self.build.report.problem(filename or name, line, f"template error: {error}")
            self.build.template_failed = True
            return environment.from_string(_STAND_IN, globals)


def report_broken_templates(build, env: jinja2.Environment) -> None:
    """Have `env` report each template that does not compile, and render a stand-in for it."""
    env.loader = _ReportingLoader(env.loader, build)


class HandbookWriter(Writer):
    """Pelican's Writer, reporting a template that fails while rendering instead of stopping."""

    def write_file(self, name, template, context, *args, **kwargs):
        build = current_build(self.settings)
        if build is not None:
            # The content_written signal, sent from inside, names no template.
            build.links.writing = getattr(template, "name", None)
        try:
            return super().write_file(name, template, context, *args, **kwargs)
        except jinja2.TemplateError as error:
            if build is None:
                raise
            build.template_failed = True
            filename, line = template_line(error)
            message = f"template error: {error} (writing {name})"
            build.report.problem(filename or getattr(template, "filename", name), line, message)
            return None


def provide_writer(pelican):
    """Give Pelican the handbook's writer (the get_writer signal)."""
    return HandbookWriter if current_build(pelican.settings) is not None else None
