"""Where a Jinja error was raised: the template file and line, for a theme's or a page's mistake."""

from __future__ import annotations

# A page rendered from a string (jinja2content's), as Jinja names it in a traceback.
STRING_TEMPLATE = "<template>"


def template_line(error: Exception, template: str | None = None) -> tuple[str | None, int | None]:
    """Return the template file and line an error was raised at, if Jinja kept them.

    The innermost template frame wins; with `template`, the innermost of that
    template (a page's own line, not one of a macro it called).
    """
    filename, line = getattr(error, "filename", None), getattr(error, "lineno", None)
    traceback = error.__traceback__
    while traceback is not None:
        frame = traceback.tb_frame
        # Jinja rewrites a traceback so each template frame carries the
        # template's file and line, and raises there its own exception.
        if "__jinja_exception__" in frame.f_globals:
            name = frame.f_code.co_filename
            if template is None or name == template:
                filename, line = name, traceback.tb_lineno
        traceback = traceback.tb_next
    return filename, line
