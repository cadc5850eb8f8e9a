"""Print marks: every printed page of a document says the procedure's date and "page N of M".

Browsers print them in the page's margin from `@page` margin boxes. The date
is each page's own (`handbook_changed`), so the rules are a few lines of CSS
per page, for a `<style>` in the page itself: a stylesheet file per date would
be one more request. A Content-Security-Policy without 'unsafe-inline'
allows that `<style>` by its hash, so each page gets both:
`page.handbook_print_marks = {"css": ..., "hash": "'sha256-...'"}`, for the
theme to put in a `<style media="print">` and in its policy's `style-src`.
"""

from __future__ import annotations

import base64
import hashlib
import re

from markupsafe import Markup

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# What each placeholder of a word becomes in a margin box's `content`.
_COUNTERS = {"page": "counter(page)", "pages": "counter(pages)"}


def css_string(text: str) -> str:
    """Return `text` as a CSS string, safe inside a <style> element."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ")
    # No "</style>" can close the element early.
    return '"' + escaped.replace("<", "\\3c ") + '"'


def css_content(word: str, values: dict[str, str]) -> str:
    """Return a word as a margin box's `content`: text, values and page counters."""
    parts, position = [], 0
    for match in _PLACEHOLDER.finditer(word):
        name = match[1]
        if name in _COUNTERS:
            parts += [css_string(word[position : match.start()]), _COUNTERS[name]]
        else:
            parts.append(css_string(word[position : match.start()] + values.get(name, "")))
        position = match.end()
    parts.append(css_string(word[position:]))
    return " ".join(part for part in parts if part != '""') or '""'


def print_marks(changed: str, words: dict) -> dict:
    """Return the print-mark rules of a page whose procedure is as of `changed`, and their hash."""
    date = css_content(words["footer_changed"], {"date": changed})
    number = css_content(words["print_page"], {})
    css = (
        "@page {\n"
        f"  @bottom-left {{ content: {date}; font-size: 10pt; color: #333; }}\n"
        f"  @bottom-right {{ content: {number}; font-size: 10pt; color: #333; }}\n"
        "}\n"
    )
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return {"css": Markup(css), "hash": f"'sha256-{digest}'"}


def stamp_print_marks(pages: list, words: dict) -> None:
    """Give each page with a date (`handbook_changed`) its `handbook_print_marks`."""
    for page in pages:
        changed = getattr(page, "handbook_changed", None)
        if changed:
            page.handbook_print_marks = print_marks(changed, words)
