"""What a checklist item says, as cards and the report form show it: markup gone, text kept."""

from __future__ import annotations

import markdown
import pytest
from pelican.plugins.handbook.checklists.extension import ChecklistExtension

# Each goes through a different path of slugs.plain_text: plain text is read
# from the tree, the rest is rendered first.
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
