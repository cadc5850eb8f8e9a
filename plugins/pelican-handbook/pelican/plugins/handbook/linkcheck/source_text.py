"""A page's raw Markdown with code and comments blanked out, every offset kept.

The link scanner (`link_source`) reads links only where Markdown would:
fenced and indented code blocks, code spans and comments are blanked to
spaces, line for line, so every character keeps its offset and line.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
_INDENTED = re.compile(r"(?: {4}|\t)")
_LIST_ITEM = re.compile(r"(?:[*+-]|\d+[.)])[ \t]")
_COMMENT = re.compile(r"<!--.*?-->|\{#.*?#\}", re.DOTALL)
# A Jinja expression or statement, which jinja2content renders before Markdown.
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.DOTALL)


def _blank(match: re.Match) -> str:
    """Return the match as spaces, keeping its newlines so lines still count."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _fill(match: re.Match) -> str:
    """Return the match as filler without brackets, parens or spaces."""
    return re.sub(r"[^\n]", "J", match.group(0))


def _without_code_blocks(text: str) -> str:
    """Blank out fenced (``` or ~~~) and indented code blocks, line for line."""
    fenced = "```" in text or "~~~" in text
    indented = "\n    " in text or "\n\t" in text or text.startswith(("    ", "\t"))
    if not fenced and not indented:
        # No line that _FENCE or _INDENTED could match: a few substring
        # searches instead of a Python loop over every line (37 µs of a
        # bench page's 78 µs preparation).
        return text
    lines = text.split("\n")
    fence = None
    in_list = in_code = False
    previous_blank = True
    for number, line in enumerate(lines):
        found = _FENCE.match(line)
        blank = not line.strip()
        if fence is None and found:
            fence = found.group(1)
            lines[number] = ""
        elif fence is not None:
            if found and found.group(1)[0] == fence[0] and len(found.group(1)) >= len(fence):
                fence = None
            lines[number] = ""
        elif _INDENTED.match(line) and (in_code or (previous_blank and not in_list)):
            # Indented under a blank line and outside a list: a code block.
            in_code = True
            lines[number] = ""
        elif not blank:
            in_code = False
            if not line[:1].isspace():
                in_list = bool(_LIST_ITEM.match(line))
        previous_blank = blank
    return "\n".join(lines)


def prepare(text: str) -> tuple[str, str]:
    """Return the text without code and comments, and its bracket structure.

    Both keep every character's offset. In the structure, Jinja expressions
    are filler, so brackets inside them never count.
    """
    text = _without_code_blocks(text)
    # Each substitution only where its opening characters occur at all.
    if "<!--" in text or "{#" in text:
        text = _COMMENT.sub(_blank, text)
    if "`" in text:
        text = _CODE_SPAN.sub(_blank, text)
    if "{{" not in text and "{%" not in text:
        return text, text
    return text, JINJA.sub(_fill, text)
