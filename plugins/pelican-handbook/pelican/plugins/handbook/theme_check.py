"""Mistakes in the theme's templates, reported at their file and line instead of a traceback.

A template that does not compile is found when the generator starts, and a
stand-in takes its place so the build goes on to report every problem; one
that fails while rendering is reported by the writer, which then skips that
file. Either way the build ends with the list and exit 1, and `make`'s swap
keeps the last good site.
"""

from __future__ import annotations

import os

import jinja2
import pelican
from pelican.writers import Writer

from .build import current_build

# What a broken template renders as: the build fails anyway.
_STAND_IN = "<!doctype html><title>template error</title>"
# Pelican's own templates (the `simple` theme, which every theme falls back
# on): they compile, so only the theme's and the plugin's are checked. All
# of them took 0.54 billion instructions of the 50-page bench build, the
# theme's and the plugin's alone 0.43.
_PELICAN_TEMPLATES = os.path.join(os.path.dirname(pelican.__file__), "themes", "simple", "")


def _is_pelicans_own(env: jinja2.Environment, name: str) -> bool:
    """Say whether the template `name` loads is one of Pelican's own, not the theme's."""
    try:
        _, filename, _ = env.loader.get_source(env, name)
    except jinja2.TemplateNotFound:
        return False
    return bool(filename) and os.path.abspath(filename).startswith(_PELICAN_TEMPLATES)


def template_line(error: Exception) -> tuple[str | None, int | None]:
    """Return the template file and line an error was raised at, if Jinja kept them."""
    filename, line = getattr(error, "filename", None), getattr(error, "lineno", None)
    traceback = error.__traceback__
    while traceback is not None:
        # Jinja rewrites tracebacks so template frames carry the template's file and line.
        code = traceback.tb_frame.f_code
        if code.co_filename.endswith((".html", ".htm", ".xml", ".js", ".txt")):
            filename, line = code.co_filename, traceback.tb_lineno
        traceback = traceback.tb_next
    return filename, line


class _StandInLoader(jinja2.BaseLoader):
    """Load templates as the theme's loader does, but a stand-in for those that do not compile."""

    def __init__(self, loader: jinja2.BaseLoader, broken: set[str]):
        self.loader, self.broken = loader, broken

    def get_source(self, environment, template):
        if template in self.broken:
            return _STAND_IN, None, lambda: True
        return self.loader.get_source(environment, template)

    def list_templates(self):
        return self.loader.list_templates()


def _compile_all(build, env: jinja2.Environment) -> set[str]:
    """Compile every HTML template of the theme and the plugin; report and return the broken."""
    broken = set()
    try:
        names = env.list_templates(extensions=("html", "htm"))
    except TypeError:  # a loader that cannot list its templates
        return broken
    # "!simple/..." and "!theme/..." are Pelican's own names for the same files.
    for name in (n for n in names if not n.startswith("!") and not _is_pelicans_own(env, n)):
        try:
            env.get_template(name)
        except jinja2.TemplateError as error:
            filename, line = template_line(error)
            build.report.problem(filename or name, line, f"template error: {error}")
            broken.add(name)
    return broken


def check_templates(build, env: jinja2.Environment) -> None:
    """Report the templates that do not compile, once a build; give each generator stand-ins."""
    # Every generator has an environment of its own, over the same templates.
    if "broken_templates" not in build.state:
        build.state["broken_templates"] = _compile_all(build, env)
    broken = build.state["broken_templates"]
    if broken:
        build.state["template_failed"] = True
        env.loader = _StandInLoader(env.loader, broken)
        env.cache = {} if env.cache is not None else None


class HandbookWriter(Writer):
    """Pelican's Writer, reporting a template that fails while rendering instead of stopping."""

    def write_file(self, name, template, context, *args, **kwargs):
        try:
            return super().write_file(name, template, context, *args, **kwargs)
        except jinja2.TemplateError as error:
            build = current_build(self.settings)
            if build is None:
                raise
            build.state["template_failed"] = True
            filename, line = template_line(error)
            message = f"template error: {error} (writing {name})"
            build.report.problem(filename or getattr(template, "filename", name), line, message)
            return None


def provide_writer(pelican):
    """Give Pelican the handbook's writer (the get_writer signal)."""
    return HandbookWriter if current_build(pelican.settings) is not None else None
