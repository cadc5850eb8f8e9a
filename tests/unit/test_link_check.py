"""The link checker's parts, and Hypothesis: no target or bracket soup crashes it."""

from __future__ import annotations

import posixpath
import tempfile
from pathlib import Path
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st
from pelican.plugins.handbook import report as problems
from pelican.plugins.handbook.linkcheck import content as link_check
from pelican.plugins.handbook.linkcheck.content import ContentChecker, check_page
from pelican.plugins.handbook.linkcheck.lines import LineFinder
from pelican.plugins.handbook.linkcheck.output import check_pending, theme_link_problem
from pelican.plugins.handbook.linkcheck.source import scan
from pelican.plugins.handbook.linkcheck.targets import (
    OutputIndex,
    is_ignored,
    parse_html,
    resolve,
    scheme_problem,
)


def test_phone_and_mail_links_that_work_pass():
    for href in ["tel:911", "tel:+1-617-555-0100", "tel:+1(617)555.0100", "tel:555;ext=12"]:
        assert scheme_problem(href) is None, href
    for href in ["mailto:a@example.org", "mailto:a@example.org,b@example.org?subject=Hi"]:
        assert scheme_problem(href) is None, href


def test_phone_and_mail_links_that_cannot_work_are_named():
    assert scheme_problem("tel:ask-at-desk") == "tel: link 'tel:ask-at-desk' is not a phone number"
    assert scheme_problem("tel:") == "tel: link 'tel:' is not a phone number"
    assert scheme_problem("tel:617 555 0100") == (
        "tel: link 'tel:617 555 0100' is not a phone number (did you mean 'tel:6175550100'?)"
    )
    assert (
        scheme_problem("mailto:conduct") == "mailto: link 'mailto:conduct' is not an email address"
    )


def test_links_are_resolved_like_a_browser_resolves_them():
    assert resolve("a/b.html", "../c.html") == "c.html"
    assert resolve("a/b.html", "c.html") == "a/c.html"
    assert resolve("a/b.html", "/c.html") == "c.html"
    assert resolve("index.html", "./") == ""


def test_the_ignore_list_covers_a_path_and_everything_under_it():
    assert is_ignored("calendar", ["/calendar/"])
    assert is_ignored("wiki/start.html", ["wiki"])
    assert not is_ignored("wikipedia.html", ["wiki"])


def test_ids_links_and_literal_placeholders_are_read_from_html():
    page = parse_html(
        '<h2 id="a">A</h2>\n<p id="a"><a href="x.html#a">{filename}y.md</a></p>\n'
        "<pre><code>{filename}z.md</code></pre>"
    )
    assert page.ids == {"a": (1, 2)}
    assert page.links == [("x.html#a", 2)]
    assert page.placeholders == [("{filename}y.md", 2)]


def test_the_same_target_twice_gets_each_line_in_turn():
    raw = "[a](x.md)\n\n[b](x.md)\n\n[{{ p }}](tel:{{ t }})\n"
    lines = LineFinder(scan(raw), raw)
    assert [lines.line_of("x.md"), lines.line_of("x.md"), lines.line_of("tel:911")] == [1, 3, 5]


class FakePage:
    """What the checker reads of a Pelican page."""

    def __init__(self, source_path: str, relative_dir: str = "pages"):
        self.source_path = source_path
        self.relative_dir = relative_dir
        self._content = ""

    def get_relative_source_path(self, path: str) -> str:
        return posixpath.normpath(path)


def fake_checker() -> ContentChecker:
    target = SimpleNamespace(save_as="target.html", source_path=__file__)
    context = {"generated_content": {"pages/target.md": target}, "static_content": {}}
    settings = {"INDEX_SAVE_AS": "index.html", "TAG_SAVE_AS": "", "CATEGORY_SAVE_AS": ""}
    return ContentChecker([SimpleNamespace(context=context, settings=settings)], link_check.state)


SOUP = st.lists(
    st.sampled_from(
        [
            "[",
            "]",
            "(",
            ")",
            "{",
            "}",
            "{filename}",
            "{static}",
            "{tag}",
            "{author}",
            "{index}",
            "<",
            ">",
            "!",
            ":",
            "#",
        ]
        + ["\\", "`", "```", "\n", "\n\n", "    ", " ", "x.md", "a b", "tel:", "mailto:", "{{ x }}"]
        + [
            'href="',
            '"',
            "{attach}",
            "{category}",
            "|filename|",
            "[^1]",
            "{: #i }",
            "*",
            "1.",
            "é",
            "%",
            "?",
            "/",
            "../",
            "//",
        ]
    ),
    max_size=40,
).map("".join)
TARGETS = st.one_of(st.text(max_size=30), SOUP)


@settings(max_examples=300, deadline=None)
@given(text=SOUP)
def test_bracket_soup_never_crashes_the_scanner(text):
    found = scan(text)
    lines = text.count("\n") + 1
    assert all(1 <= line <= lines for line, _ in found.malformed)
    assert all(1 <= link.line <= lines for link in found.links)


@settings(max_examples=300, deadline=None)
@given(href=TARGETS, raw=SOUP)
def test_random_targets_never_crash_the_checker(href, raw):
    problems.reset()
    link_check.state = link_check.State()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "page.md"
        source.write_text(raw, encoding="utf-8")
        page = FakePage(str(source))
        page._content = f'<p><a href="{href.replace(chr(34), "&quot;")}">x</a></p>'
        check_page(fake_checker(), page, "page.html")
        index = OutputIndex(folder, {"page.html", "target.html"}, {"page.html": parse_html("")})
        check_pending(index)
        theme_link_problem(index, "page.html", href)
    assert all(problem.line >= 1 for problem in problems.found())
    problems.reset()


def test_a_target_urlsplit_rejects_is_reported_not_raised():
    problems.reset()
    link_check.state = link_check.State()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "page.md"
        source.write_text("[x]({filename}//[)\n", encoding="utf-8")
        page = FakePage(str(source))
        page._content = '<p><a href="{filename}//[">x</a></p>'
        check_page(fake_checker(), page, "page.html")
    assert [(p.line, p.message) for p in problems.found()] == [
        (1, "link target '{filename}//[' does not exist")
    ]
    problems.reset()


def test_a_verdict_is_shared_only_by_links_that_mean_the_same():
    # The same href means another target from another folder, or another page.
    problems.reset()
    link_check.state = link_check.State()
    checker = fake_checker()
    pages = [FakePage("pages/a.md"), FakePage("pages/b.md"), FakePage("other/c.md", "other")]
    outputs = ["a.html", "b.html", "other/c.html"]
    for page, output in zip(pages, outputs, strict=True):
        for href in ["{filename}target.md#t", "#top", "{filename}#top"]:
            checker.check(page, output, href, 7)
    queued = [(source, href, path) for source, _, href, path, _, _ in link_check.state.pending]
    assert queued == [
        ("pages/a.md", "{filename}target.md#t", "target.html"),
        ("pages/a.md", "#top", "a.html"),
        ("pages/b.md", "{filename}target.md#t", "target.html"),
        ("pages/b.md", "#top", "b.html"),
        ("other/c.md", "#top", "other/c.html"),
    ]
    # `{filename}#top` is the page's own source, which the fake site does not hold;
    # from other/, `target.md` is other/target.md, which does not exist either.
    assert sorted((p.path, p.message) for p in problems.found()) == [
        ("other/c.md", "link target '{filename}#top' does not exist"),
        ("other/c.md", "link target '{filename}target.md#t' does not exist"),
        ("pages/a.md", "link target '{filename}#top' does not exist"),
        ("pages/b.md", "link target '{filename}#top' does not exist"),
    ]
    problems.reset()
