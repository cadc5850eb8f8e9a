"""Links and ids read from Markdown's tree are exactly what the HTML reader finds,
and the tree is left aside whenever it could tell otherwise."""

from __future__ import annotations

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pelican.plugins.handbook.checklists.extension import ChecklistExtension
from pelican.plugins.handbook.linkcheck.html import parse_html
from pelican.plugins.handbook.linkcheck.tree import TreeLinkExtension

# The Markdown extensions of pelicanconf.py, and the handbook's.
EXTENSIONS = ["extra", "meta", "toc"]

WORDS = st.sampled_from(
    ["Ask", "the lead", "&", "a < b", "`code`", "*em*", ":", "\\*", "—", "|"]
    + ["[next]({filename}other.md#steps)", "[out](https://example.org/?a=1&b=2)"]
    + ["[here](#here)", "[sp](<a b.html>)", "![logo]({static}logo.png)", "[r][ref]"]
    + ["<https://auto.example>", "<me@example.com>", "[t](x.html 'title')"]
    + ["{filename}left.md", "&#123;filename}ent.md", "`{filename}code.md`", "|static|x"]
    + ["&copy;", "&amp;", "<a href='raw.html' id='raw'>raw</a>", "<b>bold</b>"]
    + ["[amp](a&b.html)", "[q](a%22b.html)", "note[^1]", "<!-- c -->", '[x](href "href")']
)
TEXT = st.lists(st.one_of(WORDS, st.text(max_size=6)), min_size=1, max_size=6).map(" ".join)
ATTRIBUTES = st.sampled_from(
    ["", "{: #here }", "{: #dup }", "{: id=id }", "{: href=href }", "{: #steps .c }"]
    + ["{: data-x='{filename}attr.md' }", "{: title='a&b' }", "{: name=n }", "{: ID=Up }"]
)


@st.composite
def a_list(draw) -> str:
    bullet = draw(st.sampled_from(["*", "1."]))
    items = draw(st.lists(TEXT, min_size=1, max_size=4))
    return "\n".join(f"{bullet} {item}" for item in items)


BLOCK = st.one_of(
    st.tuples(TEXT, ATTRIBUTES).map(lambda parts: "\n".join(parts)),
    st.tuples(TEXT, ATTRIBUTES).map(lambda parts: f"## {parts[0]} {parts[1]}"),
    a_list(),
    st.sampled_from(
        ["[ref]: target.html#frag", "[^1]: A footnote.", "```\n{filename}fenced.md\n```"]
        + ["<div id='block'>\n<a href='x.html'>x</a>\n</div>", "    indented {filename}code"]
        + ["| a | b |\n|---|---|\n| [c](c.html) | d |", "Term\n:   [dd](dd.html)", "---"]
        + ["*[HTML]: Hyper Text", "[TOC]", "{: .checklist-steps }"]
    ),
)
DOCUMENT = st.tuples(
    st.sampled_from(["", "Checklists: steps\n\n"]),
    st.lists(BLOCK, max_size=8).map("\n\n".join),
).map("".join)


def convert(source: str) -> tuple[str, object]:
    md = markdown.Markdown(
        extensions=[*EXTENSIONS, ChecklistExtension(), TreeLinkExtension()],
        output_format="html5",
    )
    html = md.convert(source)
    return html, md.handbook_links


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENT)
def test_the_tree_gives_what_the_html_reader_finds_or_nothing(source):
    html, from_tree = convert(source)
    if from_tree is None:
        return
    assert from_tree.html == html
    read = parse_html(html)
    assert [href for href, _ in from_tree.page.links] == [href for href, _ in read.links]
    assert list(from_tree.page.ids) == list(read.ids)
    assert read.placeholders == []


def test_plain_markdown_is_read_from_the_tree():
    source = "## Steps\n\n1. Call [the lead]({filename}staff.md#contacts)\n2. Write it down\n"
    html, from_tree = convert(f"Checklists: steps\n\n{source}")
    assert from_tree is not None
    assert [href for href, _ in from_tree.page.links] == ["{filename}staff.md#contacts"]
    assert list(from_tree.page.ids) == ["steps", "call-the-lead", "write-it-down"]


def test_what_the_tree_cannot_tell_is_left_to_the_html_reader():
    cases = {
        "raw HTML": "<a href='x.html' id='raw'>x</a>",
        "an entity that spells a placeholder": "&#123;filename}x.md",
        "a literal placeholder in the text": "see {filename}x.md",
        "a duplicate id": "## One {: #same }\n\n## Two {: #same }",
        "an ampersand in a link": "[q](a&b.html)",
    }
    for what, source in cases.items():
        _, from_tree = convert(source)
        assert from_tree is None, what


def test_a_processor_after_the_reader_keeps_the_tree_out():
    class Rewrite(markdown.postprocessors.Postprocessor):
        def run(self, text):
            return text.replace("a.html", "b.html")

    md = markdown.Markdown(extensions=[*EXTENSIONS, TreeLinkExtension()], output_format="html5")
    md.postprocessors.register(Rewrite(md), "rewrite", 15)
    md.convert("[x](a.html)")
    assert md.handbook_links is None
    md.postprocessors.deregister("rewrite")
    md.reset()
    md.convert("[x](a.html)")
    assert md.handbook_links is not None
