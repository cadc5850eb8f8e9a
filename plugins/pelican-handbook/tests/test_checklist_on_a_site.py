"""Lists written for GitHub on a Pelican site: kept as checklists, every warning at its line."""

from __future__ import annotations

from bs4 import BeautifulSoup
from fixture_sites import write_site

SITE_PAGE = """Title: Page
Checklists: steps

Intro.

**Immediate Response Checklist**
* Assess **whether** anyone
  is in danger
* [Call](tel:911) the police

Some words. You can:

* **Leave** the
  room

## Go

1. Go out
  * Quietly

Once the reporter is safe, has somewhere quiet to sit and a friend with them, you can then:
* Listen
"""


def test_on_a_site_each_warning_names_the_line_of_its_list(build_site, tmp_path):
    content = write_site(tmp_path, {"page.md": SITE_PAGE})
    built = build_site(content)
    assert built.status == 0, built.stderr
    page = content / "pages" / "page.md"
    # Warnings are logged as each page is read: the list's mistakes first.
    warnings = [line.replace(f"{page}:", "") for line in built.problems()]
    assert sorted(warnings, key=lambda line: int(line.split(":")[0])) == [
        "13: warning: checklist title 'You can' reads as a fragment: name it with"
        ' title="..." in its mark',
        "19: warning: list item indented 2 spaces is nested under nothing: indent it 3 spaces"
        " to nest it under 'Go out', or 0 to follow it",
        "21: warning: checklist title 'Once the reporter is safe, has somewhere quiet...' is 90"
        ' characters long (more than 80): name it with title="..." in its mark',
    ]


GITHUB_PAGE = """Title: Hosts
Checklists: steps

Intro.

**Immediate Response Checklist**
* Assess whether anyone is in danger
  * Call the local emergency number if so
* Find a quiet place

**Do not**
* Promise an outcome
{: .checklist-cautions }
"""

# The same text on a page without checklists: Python-Markdown's paragraph, as stock.
PLAIN_PAGE = """Title: Notes

**Things to bring**
* A pen
"""


def test_on_a_site_lists_written_for_github_are_checklists_and_other_pages_unchanged(
    build_site, tmp_path
):
    content = write_site(tmp_path, {"hosts.md": GITHUB_PAGE, "notes.md": PLAIN_PAGE})
    built = build_site(content)
    assert built.status == 0, built.stderr
    assert built.problems() == []
    hosts = BeautifulSoup((built.output / "pages" / "hosts.html").read_text("utf-8"), "html.parser")
    checklists = [
        (wrapper["aria-label"], wrapper["data-kind"], len(wrapper.select("li")))
        for wrapper in hosts.select(".checklist")
    ]
    assert checklists == [("Immediate Response Checklist", "steps", 3), ("Do not", "cautions", 1)]
    assert [note.get_text() for note in hosts.select(".checklist__item--note")] == [
        "Call the local emergency number if so"
    ]
    notes = (built.output / "pages" / "notes.html").read_text("utf-8")
    assert "<p><strong>Things to bring</strong>\n* A pen</p>" in notes
