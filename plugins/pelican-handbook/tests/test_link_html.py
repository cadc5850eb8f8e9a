"""A written page reads the same whole or as a stream (large pages are streamed)."""

from __future__ import annotations

import pytest
from pelican.plugins.handbook.linkcheck import html
from pelican.plugins.handbook.linkcheck.written import written_links

PAGE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'">
<meta http-equiv="refresh" content="5; url=https://example.org/next">
<link rel="stylesheet" href="theme/style.css">
</head><body>
<!-- <a href="commented.html"> -->
<h2 id="a">A</h2>
<p id="a"><a href="x.html#a" ping="/count /again">{filename}y.md</a> and {static}v</p>
<pre><code>{filename}z.md</code></pre>
<img src="https://example.org/picture.png" alt="">
<a name="anchor"></a>
</body></html>
"""


@pytest.mark.parametrize("whole", [True, False], ids=["whole", "stream"])
def test_a_page_gives_its_links_ids_and_placeholders_each_way(monkeypatch, whole):
    if not whole:
        monkeypatch.setattr(html, "_WHOLE", 0)
    page = html.parse_document(PAGE)
    assert page.links == [
        ("https://example.org/next", 5, "meta:refresh"),
        ("theme/style.css", 6, "link:stylesheet"),
        ("x.html#a", 10, "a"),
        ("/count", 10, "ping"),
        ("/again", 10, "ping"),
        ("https://example.org/picture.png", 12, "img"),
    ]
    assert page.ids == {"a": [9, 10], "anchor": [13]}
    assert page.placeholders == [("{filename}y.md", 10), ("{static}v", 10)]
    assert page.csp == "default-src 'self'"


@pytest.mark.parametrize("text", ["", "  \n", "<!-- nothing shown -->", "just words"])
def test_a_page_without_elements_has_nothing_to_check(text):
    page = html.parse_document(text)
    assert (page.links, page.ids, page.placeholders) == ([], {}, [])


def test_a_contents_links_as_written_are_found_in_each_quote_and_url_attribute():
    content = (
        '<p><a href="a.html#x">a</a> <img src=\'b.png\' alt=""> '
        '<video poster="c.jpg"></video> <a HREF="d.html?x=1&amp;y=2">d</a> '
        '<a href=unquoted.html>e</a> href="text.html"</p>'
    )
    assert written_links(content) == {"a.html#x", "b.png", "c.jpg", "d.html?x=1&y=2"}
