"""The reader: one Markdown instance for every page, and pages that still share nothing."""

from __future__ import annotations

from bs4 import BeautifulSoup
from fixture_sites import write_site as site


def html(built, name: str) -> BeautifulSoup:
    return BeautifulSoup((built.output / name).read_text(encoding="utf-8"), "html.parser")


def test_pages_read_one_after_another_share_nothing(build_site, tmp_path):
    # Checklist pages: their headings get ids.
    first = (
        "Title: First\nChecklists: steps\n\n## Intro\n\n- Step\n\nSee [x] about HTML.[^1]\n\n"
        "[x]: https://docs.python.org/3/\n\n[^1]: The first page's note.\n\n"
        "*[HTML]: HyperText Markup Language\n"
    )
    second = (
        "Title: Second\nChecklists: steps\nCards: no\n\n## Intro\n\n- Step\n\n"
        "See [x] about HTML.[^1]\n\n[^1]: The second's note.\n"
    )
    content = site(tmp_path, {"first.md": first, "second.md": second})
    built = build_site(content)
    assert built.status == 0, built.stderr
    one, two = html(built, "pages/first.html"), html(built, "pages/second.html")
    # The same heading on each page gets the same id: ids are counted per page.
    assert one.find("h2", string="Intro")["id"] == two.find("h2", string="Intro")["id"] == "intro"
    assert one.find("a", href="https://docs.python.org/3/") is not None
    assert one.find("abbr") is not None
    # A reference and an abbreviation are defined on the first page only.
    assert two.find("a", href="https://docs.python.org/3/") is None
    assert two.find("abbr") is None
    notes = [note.get_text(" ", strip=True) for note in two.select(".footnote li")]
    assert len(notes) == 1 and notes[0].startswith("The second's note.")
    assert len(one.select(".footnote li")) == 1


def test_a_summary_is_markdown_even_when_it_starts_like_metadata(build_site, tmp_path):
    article = "Title: News\nDate: 2026-11-01\nSummary: Note: read this *first*\n\nBody.\n"
    content = site(tmp_path, {}, {"news.md": article})
    built = build_site(content)
    assert built.status == 0, built.stderr
    summary = html(built, "index.html").find("em")
    assert summary is not None and summary.parent.get_text() == "Note: read this first"


def test_a_metadata_key_given_twice_warns_at_its_line_and_keeps_the_first(build_site, tmp_path):
    article = "Title: News\nDate: 2026-11-01\nDate: 2026-11-02\n\nBody.\n"
    content = site(tmp_path, {}, {"news.md": article})
    built = build_site(content)
    assert built.status == 0, built.stderr
    news = content / "articles" / "news.md"
    assert f"{news}:3: warning: 'date' given twice: the first is used" in built.stderr
    assert html(built, "news.html").find("time")["datetime"].startswith("2026-11-01")
