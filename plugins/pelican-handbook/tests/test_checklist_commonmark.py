"""Lists written for GitHub are nested and started as CommonMark reads them.

The reference is markdown-it-py, a CommonMark parser that Pelican brings
with it (through rich). Hypothesis writes lists the way CommonMark nests
them (under the parent item's text, two spaces under `* `, three under
`1. `, right under a paragraph line, with blank lines and continued text),
and the lists and paragraphs of both renderings must match.
"""

from __future__ import annotations

import lxml.html
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from test_checklist_lists import convert

WORD = st.sampled_from(["ask", "call", "leave", "thank", "listen", "write"])


@st.composite
def commonmark_list(draw, indent: int = 0, depth: int = 0) -> list[str]:
    """Return the lines of a list nested as CommonMark nests: under its parent's text."""
    marker = draw(st.sampled_from(["*", "-", "1."]))
    lines = []
    for _ in range(draw(st.integers(1, 3))):
        if lines and draw(st.booleans()):
            lines.append("")
        lines.append(f"{' ' * indent}{marker} {draw(WORD)} {draw(WORD)}")
        if depth < 2 and draw(st.booleans()):
            lines.extend(draw(commonmark_list(indent + len(marker) + 1, depth + 1)))
    return lines


@st.composite
def commonmark_document(draw) -> str:
    blocks = []
    for _ in range(draw(st.integers(1, 3))):
        # Python-Markdown joins two lists with only a blank line between: not this test's point.
        lead_in = draw(st.sampled_from(["**Steps**", "Then you can:", "Some words"]))
        blocks.append("\n".join([lead_in, *draw(commonmark_list())]))
    return "\n\n".join(blocks)


def _words(element) -> str:
    """Return an item's own words, its nested lists left out."""
    own = [element.text or ""]
    for child in element:
        if child.tag not in ("ul", "ol"):
            own.append(_words(child))
        own.append(child.tail or "")
    return " ".join("".join(own).split())


def shape(html: str) -> list:
    """Return the lists and paragraphs of `html`: each list's items, their words and lists."""

    def blocks(element) -> list:
        found = []
        for child in element:
            if child.tag in ("ul", "ol"):
                items = [(_words(li), blocks(li)) for li in child if li.tag == "li"]
                found.append((child.tag, items))
            elif child.tag == "p" and element.tag != "li":
                found.append(("p", _words(child)))
            elif child.tag not in ("p", "input", "span"):
                found.extend(blocks(child))
        return found

    return blocks(lxml.html.fragment_fromstring(html, create_parent="div"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(commonmark_document())
def test_lists_are_nested_and_started_as_commonmark_reads_them(source):
    html, _ = convert(f"Checklists: none\n\n{source}\n")
    assert shape(html) == shape(MarkdownIt("commonmark").render(source))
