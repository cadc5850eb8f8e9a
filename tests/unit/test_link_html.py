"""The HTML reader of the link checks: the fast scanner reads what html.parser reads,
and reading only the theme's part of a written page loses nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pelican.plugins.handbook.linkcheck.around import _parse_by_line, parse_around
from pelican.plugins.handbook.linkcheck.html import (
    ParsedPage,
    _PageParser,
    _Scanner,
    _Unusual,
    parse_html,
)

# Pieces of the HTML Markdown and our theme write, and of what they should not.
BALANCED = st.sampled_from(
    [
        '<h2 id="when">When</h2>',
        '<p class="lead">Call <a href="tel:911">911</a>.</p>',
        '<a href="other.html#steps">steps</a>',
        "<a name='old-anchor'></a>",
        '<li id="item" class="x"><input name="item" type="checkbox"></li>',
        "<img src=logo.svg alt=logo>",
        "<br/>",
        "<p>{filename}left.md and |static|x and &#123;filename}y</p>",
        '<p title="{filename}in-attr.md">t</p>',
        "<code>{filename}shown.md</code>",
        "<pre><code>{filename}block.md\n</code></pre>",
        "<script>if (a < b) { x('{filename}') }</script>",
        "<style>p { color: red }</style>",
        "<!-- {filename}comment.md <a href=x> -->",
        "<!doctype html>",
        '<div id="same">one</div><div id="same">two</div>',
        '<a href="a&amp;b.html" id="q&quot;">amp</a>',
        "<p>a &amp; b &lt; c</p>",
        "\n",
        "\n\n",
        "text ",
        "<DIV ID=Upper HREF=x.html>u</DIV>",
        "<CODE>{filename}upper.md</CODE>",
        '<p data-x="a|b" hreflang=en identity="i">x</p>',
        "<input NAME=n><a class=x>{filename}y.md</a>",
        "<span title='{filename}q.md' class=\"c\">s</span>",
        "<a Name=n2 href = 'spaced.html'>s</a>",
        "<textarea>{filename}typed</textarea>",
    ]
)
UNUSUAL = st.sampled_from(["a < b", "<?pi?>", "<![CDATA[x]]>", "<p\tid='t'>", "<a href=>"])
FRAGMENTS = st.lists(BALANCED, max_size=12).map("".join)
DOCUMENTS = st.lists(st.one_of(BALANCED, BALANCED, BALANCED, UNUSUAL), max_size=12).map("".join)


def read_with_html_parser(html: str) -> ParsedPage:
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return parser.page


def shifted(lines: list[tuple[str, int]], offset: int) -> list[tuple[str, int]]:
    return [(value, line + offset) for value, line in lines]


@settings(max_examples=500, deadline=None)
@given(html=DOCUMENTS)
def test_the_fast_scanner_reads_what_html_parser_reads(html):
    try:
        scanned = _Scanner(html, ids=True).run()
    except _Unusual:
        scanned = None  # parse_html hands this one to html.parser
    expected = read_with_html_parser(html)
    if scanned is not None:
        assert scanned == expected
    assert parse_html(html) == expected


@settings(max_examples=500, deadline=None)
@given(before=FRAGMENTS, content=FRAGMENTS, after=FRAGMENTS)
def test_reading_around_the_content_gives_what_reading_everything_gives(before, content, after):
    content = f"<div>{content}</div>"
    html = before + content + after
    whole = parse_html(html)
    around = parse_around(html, content, parse_html(content).ids)
    assert around.ids == whole.ids
    # The content's links and placeholders are checked at their source instead.
    offset = html.count("\n", 0, html.find(content))
    inside = parse_html(content)
    assert sorted(around.links + shifted(inside.links, offset)) == sorted(whole.links)
    placeholders = around.placeholders + shifted(inside.placeholders, offset)
    assert sorted(placeholders) == sorted(whole.placeholders)


def test_a_page_whose_content_is_not_in_its_file_is_read_whole():
    html = '<h1 id="t">T</h1>\n<a href="x.html">x</a>'
    assert parse_around(html, "<p>not here</p>", {"gone": [1]}) == parse_html(html)


def test_ids_in_the_content_keep_their_lines_in_the_written_file():
    content = '<h2 id="b">B</h2>\n<p id="c">C</p>'
    html = f'<header id="a">\n</header>\n{content}\n<footer id="c"></footer>'
    around = parse_around(html, content, parse_html(content).ids)
    assert around.ids == {"a": (1,), "b": (3,), "c": (4, 5)}


# Markup that goes on to the next line: a page read line by line must not lose it.
ACROSS_LINES = st.sampled_from(
    ['<a\nhref="x.html">x</a>', '<p title="a\n{filename}b.md">p</p>', "<!--\n{filename}c -->"]
    + ["<script>\nif (a < b) {}\n</script>", "<pre>\n{filename}p.md</pre>", "<!doctype\nhtml>"]
    + ["<textarea>\n{filename}t.md\n</textarea>", "<code>a\n</code>{filename}after.md"]
)
LINES = st.lists(st.one_of(BALANCED, BALANCED, ACROSS_LINES, UNUSUAL), max_size=14).map("".join)


@settings(max_examples=500, deadline=None)
@given(html=LINES)
def test_reading_line_by_line_gives_what_reading_the_whole_gives(html):
    by_line = _parse_by_line(html)
    assert by_line is None or by_line == parse_html(html)
    # Remembered lines read the same the second time.
    assert _parse_by_line(html) == by_line
