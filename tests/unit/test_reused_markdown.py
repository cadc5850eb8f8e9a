"""The handbook reader converts every page with one Markdown instance: each page
reads exactly as it would with an instance of its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pelican.plugins.handbook.handbook import add_markdown_extension
from pelican.plugins.handbook.reader import HandbookMarkdownReader
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[2]

# What one page could leave behind for the next: references, footnotes,
# abbreviations, heading ids, stashed HTML, checklists, and metadata.
FRAGMENTS = st.sampled_from(
    ["[ref]: https://example.org/a", "See [ref] and [the ref][ref].", "Note[^1].", "[^1]: Foot."]
    + ["*[HTML]: Hyper Text", "HTML is fine.", "## Steps", "## Steps", "<div>raw</div>"]
    + ["1. Call the lead\n2. Write it down", "* Do not argue\n\n{: .checklist-cautions }"]
    + ["Ask: {{ ORGANIZATION }}", "{% raw %}{{ x }}{% endraw %}", "```\ncode\n```", "Plain."]
)
METADATA = st.sampled_from(
    ["Title: A page", "Title: Another\nChecklists: steps", "Title: S\nSummary: Title: trap"]
    + ["Summary: no title here", "Title: T\nSummary: [ref] *em*"]
)
PAGE = st.tuples(METADATA, st.lists(FRAGMENTS, max_size=6)).map(
    lambda page: page[0] + "\n\n" + "\n\n".join(page[1]) + "\n"
)


def reader(tmp_path: Path) -> HandbookMarkdownReader:
    """Return a handbook reader with the site's settings."""
    site = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(tmp_path)})
    add_markdown_extension(site)
    return HandbookMarkdownReader(site)


def read_all(tmp_path: Path, pages: list[str], one_reader: bool) -> list:
    """Return what reading `pages` in order gives, with one reader or one each."""
    shared = reader(tmp_path)
    results = []
    for number, text in enumerate(pages):
        path = tmp_path / f"page-{number}.md"
        path.write_text(text, encoding="utf-8")
        results.append((shared if one_reader else reader(tmp_path)).read(str(path)))
    return results


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(PAGE, min_size=2, max_size=4))
def test_each_page_reads_as_it_would_alone(tmp_path_factory, pages):
    folder = tmp_path_factory.mktemp("pages")
    assert read_all(folder, pages, one_reader=True) == read_all(folder, pages, one_reader=False)


def test_metadata_is_read_again_after_a_summary(tmp_path):
    # Pelican takes the meta preprocessor out to convert a summary; the next
    # page's metadata must still be read as metadata, not shown as text.
    pages = ["Title: First\nSummary: Title: trap\n\nBody.\n", "Title: Second\n\nBody.\n"]
    (first_html, first), (second_html, second) = read_all(tmp_path, pages, one_reader=True)
    assert (first["title"], second["title"]) == ("First", "Second")
    assert "Title" not in second_html


def test_a_reference_from_one_page_is_not_a_link_on_the_next(tmp_path):
    pages = ["Title: A\n\n[ref]: https://example.org/\n", "Title: B\n\nSee [ref].\n"]
    (_, _), (html, _) = read_all(tmp_path, pages, one_reader=True)
    assert "<a " not in html and "[ref]" in html


def test_checklists_are_the_pages_own(tmp_path):
    pages = ["Title: A\nChecklists: steps\n\n1. Call\n", "Title: B\n\nNo list.\n"]
    (_, first), (_, second) = read_all(tmp_path, pages, one_reader=True)
    (checklist,) = first["handbook_checklists"]
    assert [item["id"] for item in checklist["items"]] == ["call"]
    assert second["handbook_checklists"] == ()


def test_a_failed_conversion_gives_the_next_page_a_new_instance(tmp_path, monkeypatch):
    shared = reader(tmp_path)
    path = tmp_path / "page.md"
    path.write_text("Title: A\n\nBody.\n", encoding="utf-8")
    shared.read(str(path))
    used = shared.markdown.md

    def fail(text):
        raise RuntimeError("an extension failed half-way")

    monkeypatch.setattr(used, "convert", fail)
    with pytest.raises(RuntimeError):
        shared.read(str(path))
    assert shared.read(str(path))[1]["title"] == "A"
    assert shared.markdown.md is not used
