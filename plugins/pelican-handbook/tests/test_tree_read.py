"""Links, ids and headings read from Python-Markdown's tree are what lxml reads in its HTML."""

from __future__ import annotations

from types import SimpleNamespace

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor
from pelican.plugins.handbook.build import Build
from pelican.plugins.handbook.checklists.extension import ChecklistExtension
from pelican.plugins.handbook.checklists.pages import headings_in
from pelican.plugins.handbook.content import parse_fragment, read_from_tree
from pelican.plugins.handbook.linkcheck.html import read_tree
from pelican.plugins.handbook.settings import DEFAULTS
from pelican.plugins.handbook.tree_read import TreeReadingExtension, confirm_in_html

EXTENSIONS = ["toc", "attr_list", "meta", "extra"]

# Mostly what the tree can tell (words, links, ids), sometimes what it cannot.
CLEAN = st.sampled_from(
    ["Ask", "café", "A & B", "<", "x > y", "*em*", "\\*", "—", "Ω", '"q"', "'", ":", "{: #own }"]
    + ["[a]({filename}a.md#x)", "[b](b.html?q=1&r=2)", "[c](#top)", "![i]({static}i.png)"]
    + ["<https://example.org/>", "<a@b.org>", "[d][ref]", "[^1]", "[e](<e f.md>)", "[g](g.md 't')"]
)
TRICKY = st.sampled_from(
    ["&copy;", "`{filename}a.md`", "{filename}loose.md", "|tag|x", "<span id='s'>x</span>"]
    + ["<!-- c -->", "[h](h.md?x=1&amp;y=2)"]
)


def blocks(text) -> st.SearchStrategy[str]:
    """Return Markdown blocks made of `text`: paragraphs, headings, lists, marks."""
    return st.one_of(
        text,
        text.map(lambda words: f"## {words}"),
        st.lists(text, min_size=1, max_size=4).map(lambda i: "\n".join(f"1. {w}" for w in i)),
        st.sampled_from(["{: .checklist-steps }", "[ref]: r.md", "[^1]: note", "***"]),
    )


def documents(blocks) -> st.SearchStrategy[str]:
    """Return whole documents of `blocks`, some with a checklist kind for the page."""
    return st.tuples(
        st.sampled_from(["", "Checklists: steps\n\n"]),
        st.lists(blocks, max_size=6).map("\n\n".join),
    ).map("".join)


CLEAN_TEXT = st.lists(CLEAN, max_size=6).map(" ".join)
ANY_TEXT = st.lists(st.one_of(CLEAN, TRICKY, st.text(max_size=6)), max_size=6).map(" ".join)
OTHER_BLOCKS = st.one_of(
    ANY_TEXT.map(lambda words: f"### {words} {{: #h }}"),
    st.sampled_from(["<div markdown>\n[e](e.md)\n</div>", "```\n[f](f.md)\n```", "    code {x}"]),
)
# Documents the tree can tell about, and documents of anything.
DOCUMENT = st.one_of(documents(blocks(CLEAN_TEXT)), documents(blocks(ANY_TEXT) | OTHER_BLOCKS))


def convert(source: str, *extra) -> tuple[str, list]:
    """Return the HTML of `source` and what its tree said it holds, as its HTML confirms."""
    found: list = []
    extensions = [ChecklistExtension(), *EXTENSIONS, *extra, TreeReadingExtension(found.append)]
    html = markdown.Markdown(extensions=extensions).convert(source)
    return html, [confirm_in_html(what, html) for what in found]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENT)
def test_what_the_tree_holds_is_what_lxml_reads_in_the_html(source):
    html, found = convert(source)
    assert len(found) <= 1  # none: Python-Markdown returns an empty document at once
    if not found or found[0] is None:
        return  # read with lxml, as before
    from_tree, headings = found[0]
    root = parse_fragment(html)
    from_html = read_tree(root)
    assert sorted((href, tag) for href, _, tag in from_tree.links) == sorted(
        (href, tag) for href, _, tag in from_html.links
    )
    assert from_tree.ids.keys() == from_html.ids.keys()
    assert all(len(lines) == 1 for lines in from_html.ids.values())
    assert from_html.placeholders == []
    assert headings == headings_in(root)


def test_a_page_of_words_links_and_checklists_is_read_from_its_tree():
    source = "Checklists: steps\n\n## Stage one\n\n1. Call [the lead](#top)\n2. Write it down\n"
    _, found = convert(source)
    page, headings = found[0]
    assert page.links == [("#top", 1, "a")]
    assert {"stage-one", "call-the-lead", "write-it-down"} <= page.ids.keys()
    assert [heading["name"] for heading in headings] == ["Stage one"]


def test_html_that_changes_after_the_tree_is_read_with_lxml():
    for source in [
        "<span id='x'>raw</span> text",  # raw HTML: stashed, put back after
        "An entity &copy; in text",
        "[a](a.md?x=1&amp;y=2)",  # an entity in an address
        "Literal {filename}x.md in the text",
        "## One {: #same }\n\n## Two {: #same }",  # one id twice
        "## A &amp; B",  # lxml reads the entity: the heading is "A & B"
        "Footnote[^1]\n\n[^1]: note",  # its back link's text is put in after
    ]:
        _, found = convert(source)
        assert found == [None], source


class _Shout(Postprocessor):
    def run(self, text: str) -> str:
        return text.upper()


class _Rename(Treeprocessor):
    def run(self, root) -> None:
        for element in root.iter("a"):
            element.set("href", "elsewhere.md")


class _Later(markdown.extensions.Extension):
    """Another extension's processors, which change the tree or the HTML after ours."""

    def __init__(self, kind: str):
        self.kind = kind
        super().__init__()

    def extendMarkdown(self, md) -> None:
        if self.kind == "post":
            md.postprocessors.register(_Shout(md), "shout", 1)
        else:
            md.treeprocessors.register(_Rename(md), "rename", -100)


def test_another_extensions_later_processors_make_it_read_with_lxml():
    for kind in ("post", "tree"):
        found: list = []
        md = markdown.Markdown(extensions=[TreeReadingExtension(found.append), _Later(kind)])
        html = md.convert("[a](a.md)")
        assert [confirm_in_html(what, html) for what in found] == [None], kind


def test_a_page_whose_html_changed_after_reading_is_read_again():
    build = Build({}, dict(DEFAULTS))
    html = "<p>read</p>"
    build.read_from_tree["p.md"] = (html, ("what the tree held", []))
    page = SimpleNamespace(source_path="p.md", _content=html)
    assert read_from_tree(build, page) == ("what the tree held", [])
    page._content = "".join(["<p>changed by a plugin", "</p>"])
    assert read_from_tree(build, page) is None
