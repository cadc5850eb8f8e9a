"""Slugs of checklist and item titles: the same as Python-Markdown's toc makes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.extensions import toc
from pelican.plugins.handbook.checklists.ids import toc_slugify

WORDS = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("aZ09 -_\t\n.,:;!?&'\"()[]{}#/éÉßæﬁ①Ⅻ—–  ")),
        st.characters(),
    ),
    max_size=40,
)


# Mostly ASCII, as most titles are: the fast path's own ground.
ASCII = st.text(alphabet=st.sampled_from([chr(code) for code in range(128)]), max_size=40)


@settings(max_examples=1000)
@given(st.one_of(WORDS, ASCII))
def test_the_fast_slug_is_tocs_slug(text):
    assert toc_slugify(text) == toc.slugify(text, "-")


def test_a_slug_keeps_words_and_folds_accents():
    assert toc_slugify("Élan — Ask, then *act*!") == "elan-ask-then-act"


def test_another_separator_is_left_to_toc():
    assert toc_slugify("Ask then act", "_") == toc.slugify("Ask then act", "_") == "ask_then_act"
