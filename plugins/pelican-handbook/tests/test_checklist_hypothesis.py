"""Any Markdown through the checklist extension renders without raising."""

from __future__ import annotations

import re

import lxml.etree
import lxml.html
import markdown
import pytest
from bs4 import BeautifulSoup
from handbook_checklists.extension import ChecklistExtension
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pelican.plugins.handbook.page_checklists import checklists_in

WORDS = st.sampled_from(
    ["Ask", "do not", "the reporter", "café", "&", "<b>x</b>", "`code`", "*em*", "**strong**"]
    + ["[link](a.md)", "![img](a.png)", "<!-- c -->", "{: #x }", ":", ".", "_", "#", "\\", "—"]
)
# libxml2 before 2.14 (lxml before 6, as on the plugin's floors) drops these
# control characters from HTML text and stops reading at a NUL, so the text
# read back from the HTML could not match what the extension made; 2.14 reads
# them as browsers do.
DROPPED = "".join(chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
if lxml.etree.LIBXML_VERSION < (2, 14):
    # Surrogates left out as st.text() leaves them out: no UTF-8 page holds one.
    CHARACTERS = st.characters(exclude_categories=("Cs",), exclude_characters=DROPPED)
    ANY_TEXT = st.text(CHARACTERS, max_size=8)
else:
    ANY_TEXT = st.text(max_size=8)
TEXT = st.lists(st.one_of(WORDS, ANY_TEXT), max_size=6).map(" ".join)
MARKS = st.sampled_from(
    ["{: .checklist-steps }", "{: .checklist-cautions }", "{: .checklist-options }"]
    + ["{: .checklist-none }", '{: .checklist-steps title="T" }', "{: .checklist-bogus }"]
    + ["{: .checklist-options title= }", "{:}", "{: .checklist-steps .checklist-none }"]
)


@st.composite
def a_list(draw, depth: int = 0, min_items: int = 0, text=TEXT) -> str:
    """Return a Markdown list of at least `min_items` items, maybe nested, maybe loose."""
    bullet = draw(st.sampled_from(["*", "-", "1."]))
    # Python-Markdown's four spaces, or CommonMark's two or three (read on checklist pages).
    indent = draw(st.sampled_from(["    ", "  ", "   "])) * depth
    lines = []
    for _ in range(draw(st.integers(min_items, 4))):
        lines.append(f"{indent}{bullet} {draw(text)}")
        if depth < 2 and draw(st.booleans()):
            lines.append(draw(a_list(depth + 1)))
        if draw(st.booleans()):
            lines.append("")
    return "\n".join(lines)


BLOCK = st.one_of(
    TEXT,
    TEXT.map(lambda text: f"## {text}"),
    TEXT.map(lambda text: f"{text}:"),
    a_list(),
    a_list().map(lambda text: re.sub("^", "> ", text, flags=re.M)),
    MARKS,
)
# Blocks apart, or a list right under a paragraph line, as written for GitHub.
BLOCKS = st.lists(st.tuples(BLOCK, st.sampled_from(["\n\n", "\n"])), max_size=8).map(
    lambda blocks: "".join(block + apart for block, apart in blocks)
)
# One list each document is sure to hold, marked as a checklist under it or
# by the page's metadata on most documents: without it, most documents made no
# checklist and the assertions below had nothing to check.
CHECKLIST = st.tuples(
    a_list(min_items=1, text=st.tuples(WORDS, TEXT).map(" ".join)),
    st.sampled_from(["\n\n", "\n"]),
    st.sampled_from(["{: .checklist-steps }", "{: .checklist-options }", ""]),
).map(lambda parts: "".join(parts) + "\n\n")
DOCUMENT = st.tuples(
    st.sampled_from(["", "Checklists: steps\n\n", "Checklists: cautions\n\n", "Checklists: x\n\n"]),
    BLOCKS,
    CHECKLIST,
    BLOCKS,
).map("".join)


def checklist_markdown() -> markdown.Markdown:
    """Return a Markdown converter with the checklist extension, as a site uses it."""
    extensions = [ChecklistExtension(), "toc", "attr_list", "meta", "extra"]
    return markdown.Markdown(extensions=extensions, output_format="html5")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENT)
def test_any_markdown_renders_and_every_item_is_a_unique_link_target(source):
    md = checklist_markdown()
    html = md.convert(source)
    # What Pelican's templates and cards get, read back from the HTML, is what
    # the extension made (an HTML parser reads NUL as U+FFFD, as browsers do).
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    made = [
        {
            **c,
            "title": c["title"].replace("\0", "\ufffd"),
            "items": [{**i, "text": i["text"].replace("\0", "\ufffd")} for i in c["items"]],
        }
        for c in md.checklists
    ]
    assert checklists_in(root) == made
    item_ids = [item["id"] for checklist in md.checklists for item in checklist["items"]]
    assert len(item_ids) == len(set(item_ids))
    for item_id in item_ids + [checklist["id"] for checklist in md.checklists]:
        assert f'id="{item_id}"' in html
    # Every checkbox has a name a screen reader can say.
    for label in BeautifulSoup(html, "html.parser").select(".checklist__label"):
        assert label.get_text(strip=True) or label.select("img[alt]")


def test_an_item_whose_id_is_id_keeps_it():
    # Python-Markdown writes an attribute whose value is its name as a bare
    # name, as for `checked`; HTML would then read the item's id as empty, and
    # a link to it or the box's saved tick would have nothing to find.
    md = checklist_markdown()
    html = md.convert("Bring:\n\n* ID\n* Passport\n* Id\n\n{: .checklist-steps }\n")
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    assert [item.get("id") for item in root.iter("li")] == ["id_1", "passport", "id_2"]
    assert [item["id"] for item in md.checklists[0]["items"]] == ["id_1", "passport", "id_2"]


@pytest.mark.parametrize("title", ["ID", "Data checklist"])
@pytest.mark.parametrize(
    "source",
    ['* Call\n\n{{: .checklist-steps title="{}" }}', "## {}\n\n* Call\n\n{{: .checklist-steps }}"],
    ids=["title", "heading"],
)
def test_a_checklist_whose_id_is_an_attribute_name_keeps_it(title, source):
    # The wrapper carries its id in `id` and `data-checklist`: a heading's
    # `<h2 id>` (toc's) is no target, so the wrapper takes an id of its own.
    md = checklist_markdown()
    html = md.convert(source.format(title) + "\n")
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    wrapper = root.find(".//div[@data-checklist]")
    checklist_id = md.checklists[0]["id"]
    assert checklist_id.endswith("_1")
    assert wrapper.get("id") == wrapper.get("data-checklist") == checklist_id
    assert checklists_in(root) == md.checklists
