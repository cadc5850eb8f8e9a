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
    lines = text.split("\n")
    fence = None
    in_list = in_code = False
    # A block starts after a blank line, and after a heading (a block of its own).
    block_start = True
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
        elif not blank and (in_code or block_start) and _is_code_line(line, in_list):
            in_code = True
            lines[number] = ""
        elif not blank:
            in_code = False
            if not line[:1].isspace():
                in_list = bool(_LIST_ITEM.match(line))
        block_start = blank or (not line[:1].isspace() and line.startswith("#"))
    return "\n".join(lines)


def _is_code_line(line: str, in_list: bool) -> bool:
    """Say whether a line that starts a block, or follows code, is indented as code.

    In a list, four spaces continue the item's text; code is indented once more.
    """
    indent = len(line) - len(line.lstrip(" \t"))
    width = len(line[:indent].expandtabs(4))
    return width >= (8 if in_list else 4)


# Python-Markdown's block-level elements: one that opens a line after a blank
# line holds raw HTML up to its closing tag, which Markdown leaves alone.
_HTML_BLOCK_START = re.compile(
    r"<(address|article|aside|blockquote|body|canvas|center|colgroup|dd|details|dialog|div"
    r"|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hgroup|hr|iframe|li"
    r"|main|math|menu|nav|noscript|object|ol|output|p|pre|progress|script|section|style"
    r"|table|tbody|td|textarea|tfoot|th|thead|tr|ul|video)(?=[\s>/])",
    re.IGNORECASE,
)


def _without_html_blocks(text: str) -> str:
    """Blank out raw HTML blocks, whose text Markdown never reads as links or footnotes."""
    lines = text.split("\n")
    tag, depth, previous_blank = None, 0, True
    for number, line in enumerate(lines):
        if tag is None:
            start = _HTML_BLOCK_START.match(line) if previous_blank else None
            if start:
                tag, depth = start.group(1).lower(), 0
        if tag is not None:
            depth += _count_tag(line, f"<{tag}") - _count_tag(line, f"</{tag}")
            lines[number] = _blank_line(line)
            if depth <= 0:
                tag = None
        previous_blank = not line.strip()
    return "\n".join(lines)


def _count_tag(line: str, opening: str) -> int:
    """Return how many tags beginning `opening` (`<div`, `</div`) a line holds."""
    return len(re.findall(re.escape(opening) + r"(?=[\s>/])", line, re.IGNORECASE))


def _blank_line(line: str) -> str:
    return " " * len(line)


def prepare(text: str) -> tuple[str, str]:
    """Return the text without code and comments, and its bracket structure.

    Both keep every character's offset. In the structure, raw HTML blocks are
    blank and Jinja expressions are filler, so brackets inside them never count.
    """
    text = _without_code_blocks(text)
    # Each substitution only where its opening characters occur at all.
    if "<!--" in text or "{#" in text:
        text = _COMMENT.sub(_blank, text)
    if "`" in text:
        text = _CODE_SPAN.sub(_blank, text)
    # Raw HTML keeps its links (`href=`) in the text, but no Markdown brackets.
    shape = _without_html_blocks(text) if "<" in text else text
    if "{{" in shape or "{%" in shape:
        shape = JINJA.sub(_fill, shape)
    return text, shape
