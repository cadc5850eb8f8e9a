"""The raw-Markdown link scanner: targets, lines, references and malformed syntax."""

from __future__ import annotations

from pelican.plugins.handbook.linkcheck.placeholders import loose_placeholders
from pelican.plugins.handbook.linkcheck.source import scan
from pelican.plugins.handbook.source_lines import SourceLines


def targets(text: str) -> list[tuple[str, int]]:
    return [(link.target, link.line) for link in scan(text).links]


def test_links_are_found_with_their_lines():
    text = 'Title: T\n\nSee [a](a.md) and\n[b]({filename}b.md#part "Title").\n\n![c](c.png)\n'
    assert targets(text) == [("a.md", 3), ("{filename}b.md#part", 4), ("c.png", 6)]


def test_link_text_over_two_lines_is_at_the_line_it_starts():
    assert targets("[a long\nlink text](x.md)\n") == [("x.md", 1)]


def test_code_spans_fences_and_indented_code_are_left_out():
    text = (
        "Use `[a] (b.md)` or ``[c]{filename}d.md)``.\n"
        "\n"
        "```\n[e] (f.md) [g](h.md\n```\n"
        "\n"
        "    [i] (j.md)\n"
        "\n"
        "~~~python\n[k](\n~~~\n"
        "[real](real.md)\n"
    )
    found = scan(text)
    assert found.malformed == []
    assert [(link.target, link.line) for link in found.links] == [("real.md", 12)]


def test_a_list_items_indented_paragraph_is_not_code():
    text = "* item\n\n    more about [it](it.md)\n"
    assert targets(text) == [("it.md", 3)]


def test_jinja_in_a_target_is_kept_whole():
    text = "[{{ c.phone }}](tel:{{ c.get('tel', c.phone) }})\n<{{ CONDUCT_EMAIL }}>\n"
    assert targets(text) == [("tel:{{ c.get('tel', c.phone) }}", 1), ("{{ CONDUCT_EMAIL }}", 2)]


def test_autolinks_and_raw_html_links_are_found():
    text = '<https://example.org> <a@example.org>\n<a href="x.html">x</a>\n'
    assert targets(text) == [
        ("https://example.org", 1),
        ("mailto:a@example.org", 1),
        ("x.html", 2),
    ]


def test_references_and_definitions():
    text = '[a][one] [Two][] [three] [^1]\n\n[one]: a.md\n[two]: <b.md> "B"\n[^1]: note\n'
    found = scan(text)
    assert {label: d.target for label, d in found.definitions.items()} == {
        "one": "a.md",
        "two": "b.md",
    }
    assert [(r.label, r.line, r.explicit) for r in found.references] == [
        ("one", 1, True),
        ("two", 1, True),
        ("three", 1, False),
    ]


def test_each_kind_of_malformed_link_is_found_at_its_line():
    text = "[a]{filename}a.md)\n\n[b] (b.md)\n\n[c](c.md\n\n[d(d.md)\n\ne](e.md)\n"
    assert sorted(scan(text).malformed) == [
        (
            1,
            "malformed link: '(' missing between ']' and '{filename}'"
            " (did you mean '[a]({filename}a.md)'?)",
        ),
        (3, "malformed link: space between ']' and '(' (did you mean '[b](b.md)'?)"),
        (5, "malformed link: '(' after '[c]' is never closed"),
        (7, "malformed link: '[' is never closed"),
        (9, "malformed link: ']' has no matching '['"),
    ]


def test_brackets_in_prose_are_not_malformed_links():
    text = "A remark [sic] (in words) and a range [0, 1) and [x] (see below).\n"
    assert scan(text).malformed == []


def test_escaped_brackets_are_text():
    assert scan("\\[a\\] (b.md) and \\[c](d.md)\n").malformed == []


def test_loose_placeholders_are_those_outside_links():
    text = "[a]({filename}a.md) then {filename}b.md\n\n`{filename}c.md`\n\nand {static}d.png\n"
    lines = SourceLines({"page.md": text})
    assert loose_placeholders(lines, "page.md", targets(text)) == [1, 5]


def explicit_references(text: str) -> list[str]:
    return [r.label for r in scan(text).references if r.explicit]


def test_code_indented_after_a_heading_or_inside_a_list_item_is_left_out():
    assert explicit_references("## Settings\n    config['Twitter']['cs_key'] = key\n") == []
    assert explicit_references("1. Set:\n\n        config['a']['b'] = 1\n") == []
    # Four spaces after a list continue the item's text, which Markdown reads.
    assert explicit_references("- one\n\n    See [the docs][pyhton].\n") == ["pyhton"]


def test_a_subscript_in_prose_is_not_a_reference():
    assert explicit_references("Set config['Twitter']['cs_key'] first.\n") == []
    assert explicit_references('Read d["a"]["b"].\n') == []


def test_raw_html_blocks_are_not_read_as_markdown_but_keep_their_links():
    tweet = (
        '<blockquote class="twitter-tweet"><p>Regex [^abc] and [x][y]</p>\n'
        '<a href="https://example.org/status/1">May 1</a></blockquote>\n'
        "\n"
        "After it, a real one[^note] and [text][missing].\n"
    )
    found = scan(tweet)
    assert found.footnote_references == [("note", 4)]
    assert [r.label for r in found.references if r.explicit] == ["missing"]
    assert [(link.target, link.line) for link in found.links] == [
        ("https://example.org/status/1", 2)
    ]
    nested = "<div>\n<div>\n[^a]\n</div>\n[^b]\n</div>\n\n[^c]\n"
    assert scan(nested).footnote_references == [("c", 8)]
