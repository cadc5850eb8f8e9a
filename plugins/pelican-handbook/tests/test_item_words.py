"""What a checklist item says, as cards and the report form show it: markup gone, text kept."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
import pytest
from handbook_checklists.extension import ChecklistExtension
from handbook_checklists.ids import DocumentText, rendered_text
from hypothesis import example, given, settings
from hypothesis import strategies as st

# Words alone are taken as they are; the rest is rendered first, as toc
# renders a heading (ids.DocumentText.plain_text).
CASES = {
    "Plain words only": "Plain words only",
    "Read *the* `code`  twice": "Read the code twice",
    "Tom & Jerry": "Tom & Jerry",
    "Tom &amp; Jerry": "Tom & Jerry",
    "x &lt; y": "x < y",
    "Call &copy; 911": "Call © 911",
    "Say <b>hi</b> now": "Say hi now",
    r"Not \*bold\*": "Not *bold*",
    "a <!-- c --> b": "a b",
    "Note[^1] here": "Note here",
}


@pytest.mark.parametrize("source,words", CASES.items())
def test_an_item_says_what_a_reader_sees(source, words):
    md = markdown.Markdown(
        extensions=[ChecklistExtension(), "extra", "toc", "meta"], output_format="html5"
    )
    md.convert(f"Checklists: steps\n\n- {source}\n\n[^1]: A note.\n")
    assert md.checklists[0]["items"][0]["text"] == words


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
# An entity, and the placeholder Python-Markdown leaves for a lone `&`.
@example("Tom &amp; Jerry")
@example("Tom \x02amp\x03 Jerry")
def test_words_taken_as_they_are_read_as_toc_renders_them(text):
    """The shortcut for words alone gives what rendering the text would."""
    md = markdown.Markdown(extensions=["extra", "toc", "meta"], output_format="html5")
    md.convert("- x\n\n[^1]: A note.\n")
    element = etree.Element("span")
    element.text = text
    assert DocumentText(md).plain_text(element) == rendered_text(element, md)
