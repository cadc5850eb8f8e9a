"""Judging one link: targets, schemes, lines; random input never crashes the checker."""

from __future__ import annotations

import posixpath
import tempfile
from pathlib import Path
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st
from pelican.plugins.handbook.build import Build
from pelican.plugins.handbook.content import content_tree
from pelican.plugins.handbook.linkcheck.content import ContentLinks, LinkState
from pelican.plugins.handbook.linkcheck.html import parse_document, read_tree
from pelican.plugins.handbook.linkcheck.judge import LinkJudge
from pelican.plugins.handbook.linkcheck.output import theme_link_problem
from pelican.plugins.handbook.linkcheck.source import scan
from pelican.plugins.handbook.linkcheck.targets import (
    is_ignored,
    resolve,
    scheme_problem,
    site_path,
    target_of,
)
from pelican.plugins.handbook.linkcheck.written import OutputIndex
from pelican.plugins.handbook.settings import DEFAULTS
from pelican.plugins.handbook.source_lines import SourceLines


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
    # A leading '+' is kept (without it the number dials wrong abroad), and
    # an escaped space is a space, not digits.
    assert scheme_problem("tel:+61 2 9999 0000") == (
        "tel: link 'tel:+61 2 9999 0000' is not a phone number (did you mean 'tel:+61299990000'?)"
    )
    assert scheme_problem("tel:617%20555%200100") == (
        "tel: link 'tel:617%20555%200100' is not a phone number (did you mean 'tel:6175550100'?)"
    )
    assert (
        scheme_problem("mailto:conduct") == "mailto: link 'mailto:conduct' is not an email address"
    )


def test_links_are_resolved_like_a_browser_resolves_them():
    assert resolve("a/b.html", "../c.html") == "c.html"
    assert resolve("a/b.html", "c.html") == "a/c.html"
    assert resolve("a/b.html", "/c.html") == "c.html"
    assert resolve("index.html", "./") == ""
    # A trailing slash asks for a folder: `page.html/` is not `page.html`.
    assert resolve("index.html", "page.html/") == "page.html/"
    index = OutputIndex("out", "exact", {"page.html", "folder/index.html"})
    assert index.exists("page.html") == "page.html"
    assert index.exists("page.html/") is None
    assert index.exists("folder/") == "folder/index.html"
    assert index.exists("folder") == "folder/index.html"


def test_the_ignore_list_covers_a_path_and_everything_under_it():
    assert is_ignored("calendar", ["/calendar/"])
    assert is_ignored("wiki/start.html", ["wiki"])
    assert not is_ignored("wikipedia.html", ["wiki"])


def test_the_ignore_list_takes_glob_patterns_for_files_a_deploy_step_adds():
    assert is_ignored("redirects/old.html", ["/redirects/*"])
    assert is_ignored("talks/2019/slides.pdf", ["*.pdf"])
    assert not is_ignored("talks/2019/slides.html", ["*.pdf"])
    assert not is_ignored("redirect.html", ["/redirects/*"])


def test_a_path_is_served_as_the_host_serves_it():
    files = {"archives.html", "blog/index.html", "blog/first-post.html"}
    pretty = OutputIndex("out", "pretty", files)
    # What `pelican --listen`, GitHub Pages and Netlify serve.
    assert pretty.exists("archives") == "archives.html"
    assert pretty.exists("blog/first-post") == "blog/first-post.html"
    assert pretty.exists("blog/") == "blog/index.html"
    assert pretty.exists("archive") is None
    exact = OutputIndex("out", "exact", files)
    assert exact.exists("archives") is None
    assert exact.fragment_problem("archives", "", "/archives") == (
        "link to '/archives' has no target: the build writes no 'archives'"
        " (did you mean 'archives.html'?)"
    )


def test_links_above_the_root_resolve_at_the_root_as_browsers_do():
    assert resolve("index.html", "../theme/css/style.css") == "theme/css/style.css"
    assert resolve("about.html", "../../page.html") == "page.html"
    assert resolve("a/b.html", "../../c.html") == "c.html"


def test_a_mailto_without_a_recipient_is_valid():
    # RFC 6068: share links give only headers, for the reader's own mail client.
    assert scheme_problem("mailto:?subject=Read%20this&body=https://example.org/x") is None
    assert scheme_problem("mailto:") is None
    assert scheme_problem("mailto:?to=a@example.org") is None
    assert scheme_problem("mailto:nobody?subject=x") is not None


def test_ids_links_and_literal_placeholders_are_read_from_html():
    page = parse_document(
        '<h2 id="a">A</h2>\n<p id="a"><a href="x.html#a">{filename}y.md</a></p>\n'
        "<pre><code>{filename}z.md</code></pre>\n<p>&#123;filename}w.md <!-- c --> {static}v</p>"
    )
    assert page.ids == {"a": [1, 2]}
    assert page.links == [("x.html#a", 2, "a")]
    assert page.placeholders == [("{filename}y.md", 2), ("{filename}w.md", 4), ("{static}v", 4)]


def test_the_same_target_twice_gets_each_line_in_turn():
    raw = "[a](x.md)\n\n[b](x.md)\n\n[{{ p }}](tel:{{ t }})\n"
    links = [(link.target, link.line) for link in scan(raw).links]
    lines = SourceLines({"page.md": raw}).link_lines("page.md", links)
    assert [lines.line_of("x.md"), lines.line_of("x.md"), lines.line_of("tel:911")] == [1, 3, 5]


class FakePage:
    """What the checker reads of a Pelican page."""

    def __init__(self, source_path: str, relative_dir: str = "pages"):
        self.source_path = source_path
        self.relative_dir = relative_dir
        self.save_as = posixpath.basename(source_path).replace(".md", ".html")
        self._content = ""

    def get_relative_source_path(self, path: str) -> str:
        return posixpath.normpath(path)


def fake_judge() -> LinkJudge:
    target = SimpleNamespace(save_as="target.html", source_path=__file__)
    draft = SimpleNamespace(save_as="drafts/draft.html", source_path=__file__, status="draft")
    generated = {"pages/target.md": target, "pages/draft.md": draft}
    context = {"generated_content": generated, "static_content": {}}
    settings = {"INDEX_SAVE_AS": "index.html", "TAG_SAVE_AS": "", "CATEGORY_SAVE_AS": ""}
    return LinkJudge(context, settings, [])


def fake_build() -> Build:
    return Build(settings={}, options=dict(DEFAULTS))


def test_a_link_to_a_draft_is_not_published():
    page = FakePage("pages/page.md")
    assert fake_judge().judge(page, "page.html", "{filename}draft.md") == (
        "link target '{filename}draft.md' is not published: it is a draft"
    )
    assert fake_judge().judge(page, "page.html", "{filename}target.md#x") == ("target.html", "x")


def test_top_is_a_target_on_every_page_in_any_case():
    index = OutputIndex("out", "pretty", {"page.html"}, {"page.html": frozenset()})
    for fragment in ("top", "TOP", "Top"):
        assert index.fragment_problem("page.html", fragment, f"#{fragment}") is None
    assert index.fragment_problem("page.html", "topp", "#topp") is not None


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


def check_page(build, judge, state: LinkState, page, output: str) -> None:
    """Check the content links of `page`, written to `output`, as a build does."""
    ContentLinks(build, state, judge).check(page, output, read_tree(content_tree(page)))


@settings(max_examples=300, deadline=None)
@given(href=TARGETS, raw=SOUP)
def test_random_targets_never_crash_the_checker(href, raw):
    build = fake_build()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "page.md"
        source.write_text(raw, encoding="utf-8")
        page = FakePage(str(source))
        page._content = f'<p><a href="{href.replace(chr(34), "&quot;")}">x</a></p>'
        state = LinkState()
        check_page(build, fake_judge(), state, page, "page.html")
        index = OutputIndex(
            folder, "pretty", {"page.html", "target.html"}, {"page.html": frozenset()}
        )
        for _, _, href, (path, fragment) in state.queued:
            index.fragment_problem(path, fragment, href)
        theme_link_problem(index, "page.html", href, [])
    # Every problem is placed on a line of the source.
    lines = raw.count("\n") + 1
    assert all(1 <= problem.line <= max(lines, 1) for problem in build.report.found())


def test_a_target_urlsplit_rejects_is_reported_not_raised():
    build = fake_build()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "page.md"
        source.write_text("[x]({filename}//[)\n", encoding="utf-8")
        page = FakePage(str(source))
        page._content = '<p><a href="{filename}//[">x</a></p>'
        check_page(build, fake_judge(), LinkState(), page, "page.html")
    assert [(p.line, p.message) for p in build.report.found()] == [
        (1, "link target '{filename}//[' does not exist")
    ]


def test_links_with_the_same_text_from_other_folders_are_judged_apart():
    judge = fake_judge()
    pages = [FakePage("pages/a.md"), FakePage("other/c.md", "other")]
    verdicts = [
        judge.judge(p, o, "{filename}target.md#t")
        for p, o in zip(pages, ["a.html", "other/c.html"])
    ]
    assert verdicts == [("target.html", "t"), "link target '{filename}target.md#t' does not exist"]
    assert judge.judge(pages[0], "a.html", "#top") == ("a.html", "top")


def test_a_site_served_under_a_path_resolves_its_root_links_below_it():
    assert target_of("a/b.html", "/blog/theme/css/main.css", "/blog") == (
        "/theme/css/main.css",
        "theme/css/main.css",
        "",
    )
    assert target_of("index.html", "/blog", "/blog")[1] == ""
    assert target_of("index.html", "/blogroll.html", "/blog")[1] == "blogroll.html"
    assert site_path({"SITEURL": "https://example.org/blog/"}) == "/blog"
    assert site_path({"SITEURL": ""}) == ""


def test_spaces_around_a_link_are_dropped_as_browsers_drop_them():
    assert target_of("index.html", " images/euros.jpeg ") == (
        "images/euros.jpeg",
        "images/euros.jpeg",
        "",
    )
