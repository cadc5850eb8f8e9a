"""Broken and malformed links fail the build, each named by source file and line.

tests/data/broken-links holds one page per mistake, and pages whose links are
all valid; it is built once, and what the build reports is compared with the
lines below, as Sphinx's linkcheck compares the output of one test root.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.helpers import DATA, FIXTURE_ORGANIZATION, ROOT, SEED, run_pelican

# A menu of one page: without MENU_PAGES the menu lists every page, which is
# not what these pages test.
SETTINGS = {
    "MENU_PAGES": ["target"],
    "HANDBOOK": {**FIXTURE_ORGANIZATION["HANDBOOK"], "link_ignore": ["/calendar/", "/wiki"]},
}

# What the build reports in each source file, in order: `line: message`.
EXPECTED = {
    # Pelican's own warning names neither the page nor the line: ours replaces it.
    "pages/missing-filename-target.md": [
        "5: link target '{filename}traget.md' does not exist (did you mean '{filename}target.md'?)"
    ],
    "pages/missing-static-file.md": ["3: link target '{static}/photos/venue.jpg' does not exist"],
    "pages/missing-fragment-here.md": [
        "5: link to '#first-step' has no target: no id 'first-step' in missing-fragment-here.html"
        " (did you mean '#first-steps'?)"
    ],
    "pages/missing-fragment-there.md": [
        "4: link to '{filename}target.md#part-too' has no target: no id 'part-too' in target.html"
        " (did you mean '{filename}target.md#part-two'?)"
    ],
    "pages/link-to-a-source.md": [
        "3: link to 'target.md' points at a Markdown source, which is not published"
        " (did you mean '{filename}target.md'?)"
    ],
    "pages/relative-link-nowhere.md": [
        "3: link to 'targets.html' has no target: the build writes no 'targets.html'"
        " (did you mean 'target.html'?)"
    ],
    "pages/root-relative-link-nowhere.md": [
        "3: link to '/handouts/rules.pdf' has no target: the build writes no 'handouts/rules.pdf'"
    ],
    # Reported at the definition, not at the reference.
    "pages/reference-to-nowhere.md": [
        "5: link to 'slack.html' has no target: the build writes no 'slack.html'"
    ],
    "pages/reference-without-definition.md": [
        "3: reference '[slak]' has no definition (did you mean '[slack]'?)"
    ],
    "pages/brace-for-parenthesis.md": [
        "3: malformed link: '(' missing between ']' and '{filename}'"
        " (did you mean '[Code of Conduct]({filename}target.md)'?)"
    ],
    "pages/space-before-target.md": [
        "3: malformed link: space between ']' and '('"
        " (did you mean '[target]({filename}target.md)'?)"
    ],
    "pages/parenthesis-never-closed.md": [
        "4: malformed link: '(' after '[target]' is never closed"
    ],
    "pages/bracket-never-closed.md": ["3: malformed link: '[' is never closed"],
    "pages/bracket-never-opened.md": ["3: malformed link: ']' has no matching '['"],
    "pages/literal-filename.md": [
        "5: literal '{filename}target.md' left in the page text: a malformed link?"
    ],
    "pages/duplicate-id.md": ["4: id 'same' is used 2 times on duplicate-id.html"],
    # With `Contacts: first` the page template writes "Who to call", id `who-to-call`.
    "pages/heading-takes-theme-id.md": [
        "4: id 'who-to-call' is used 2 times on heading-takes-theme-id.html"
    ],
    "pages/tel-not-a-number.md": ["3: tel: link 'tel:ask-at-the-desk' is not a phone number"],
    "pages/tel-with-spaces.md": [
        "3: tel: link 'tel:617 555 0100' is not a phone number (did you mean 'tel:6175550100'?)"
    ],
    "pages/mailto-not-an-address.md": ["3: mailto: link 'mailto:conduct' is not an email address"],
    # Every problem of a file, in order of line; `#top` needs no id: HTML scrolls to the top.
    "pages/several-problems.md": [
        "3: malformed link: '(' missing between ']' and '{filename}'"
        " (did you mean '[Code of Conduct]({filename}target.md)'?)",
        "5: link to 'slack.md' points at a source file that does not exist",
        "5: malformed link: space between ']' and '(' (did you mean '[there](target.md)'?)",
        "7: link to '{filename}target.md#part-2' has no target: no id 'part-2' in target.html"
        " (did you mean '{filename}target.md#part-two'?)",
    ],
    "pages/link-to-unwritten-page.md": [
        "3: link target '{filename}unwritten.md' is not published: it has an empty save_as"
    ],
    # A page with its own URL and save_as, a hidden page and an article are all checked.
    "pages/moved.md": [
        "7: link to '#hree' has no target: no id 'hree' in elsewhere/index.html"
        " (did you mean '#here'?)"
    ],
    "pages/hidden.md": [
        "5: link to '{filename}moved.md#nothing' has no target: no id 'nothing'"
        " in elsewhere/index.html"
    ],
    "articles/news.md": [
        "4: link to '{filename}../pages/moved.md#her' has no target: no id 'her'"
        " in elsewhere/index.html (did you mean '{filename}../pages/moved.md#here'?)"
    ],
    # The seed a fork starts from, as its staff procedure: its first link is malformed.
    "pages/conduct-staff-procedure.md": [
        "7: malformed link: '(' missing between ']' and '{filename}'"
        " (did you mean '[Code of Conduct]({filename}code-of-conduct.md)'?)"
    ],
    # Paths the settings' link_ignore names are not checked.
    "pages/ignored-paths.md": [],
    "pages/every-valid-link.md": [],
    "pages/target.md": [],
}
PROBLEM = re.compile(r"(?P<path>[^:\s]+):(?P<rest>\d+: .*)")


@pytest.fixture(scope="module")
def broken_links(tmp_path_factory):
    """Build tests/data/broken-links with the seed; return the result and each file's problems."""
    folder = tmp_path_factory.mktemp("broken-links")
    content = Path(shutil.copytree(DATA / "broken-links", folder / "content"))
    shutil.copy(SEED, content / "pages" / "conduct-staff-procedure.md")
    result = run_pelican(folder / "output", content=content, settings=SETTINGS)
    problems: dict[str, list[str]] = {}
    for line in result.stderr.splitlines():
        found = PROBLEM.fullmatch(line)
        if found:
            path = found["path"].removeprefix(f"{content}/")
            problems.setdefault(path, []).append(found["rest"])
        elif line.startswith(str(content)):
            # A problem of ours that is not in `path:line: message` form.
            # (Pelican's own warnings, on the same stream, are not ours.)
            problems.setdefault("(not a problem line)", []).append(line)
    return result, problems


def test_the_build_fails_and_counts_every_problem_without_a_traceback(broken_links):
    result, _ = broken_links
    assert result.returncode == 1
    count = sum(len(lines) for lines in EXPECTED.values())
    assert f"handbook: {count} problems found" in result.stderr.splitlines()
    assert "Traceback" not in result.stdout + result.stderr
    # Pelican's own warning for a missing {filename} target.
    assert "Unable to find" not in result.stdout + result.stderr


@pytest.mark.parametrize("source", EXPECTED)
def test_each_page_reports_its_problems_at_their_lines(broken_links, source):
    _, problems = broken_links
    assert problems.get(source, []) == EXPECTED[source]


def test_nothing_else_is_reported(broken_links):
    _, problems = broken_links
    assert set(problems) - set(EXPECTED) == set()


def test_a_valid_link_to_a_checklist_item_is_written_as_it_is(broken_links):
    result, _ = broken_links
    page = Path(result.args[result.args.index("-o") + 1]) / "every-valid-link.html"
    assert 'href="./target.html#call-the-venue"' in page.read_text(encoding="utf-8")


def theme_with(folder: Path, template: str, old: str, new: str, count: int = -1) -> Path:
    """Copy the site's theme to `folder` with `old` replaced by `new` in one template."""
    theme = folder / "theme"
    theme.mkdir()
    (theme / "static").symlink_to(ROOT / "theme" / "static")
    shutil.copytree(ROOT / "theme" / "templates", theme / "templates")
    path = theme / "templates" / template
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, count), encoding="utf-8")
    return theme


def write_content(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_a_link_the_theme_writes_is_reported_by_output_file_and_template(tmp_path):
    # Settings are checked before anything is written (a bad phone in the
    # contacts stops the build there); a theme can still write a bad link.
    theme = theme_with(
        tmp_path, "index.html", "</ul>", '</ul>\n<p><a href="tel:ask Anna">Anna</a></p>', 1
    )
    content = write_content(tmp_path / "content", {"pages/page.md": "Title: Page\n\nFine.\n"})
    result = run_pelican(tmp_path / "out", content=content, settings={"THEME": str(theme)})
    assert result.returncode == 1
    out = tmp_path / "out"
    problems = [line for line in result.stderr.splitlines() if line.startswith(str(out))]
    html = (out / "index.html").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(html, 1) if 'href="tel:ask Anna"' in text)
    assert problems == [
        f"{out}/index.html:{line}: tel: link 'tel:ask Anna' is not a phone number"
        " (template: index.html)"
    ]
    assert "Traceback" not in result.stderr


def test_broken_navigation_and_literal_filename_in_a_template_are_reported(tmp_path):
    nav = (
        '<a href="{{ SITEURL }}/abuot.html">About</a>\n<a href="{filename}about.md">About</a></nav>'
    )
    theme = theme_with(tmp_path, "base.html", "</nav>", nav)
    content = write_content(tmp_path / "content", {"pages/about.md": "Title: About\n\nFine.\n"})
    result = run_pelican(tmp_path / "out", content=content, settings={"THEME": str(theme)})
    assert result.returncode == 1
    out = tmp_path / "out"
    problems = [
        line.split(": ", 1)[1]
        for line in result.stderr.splitlines()
        if line.startswith(f"{out}/about.html")
    ]
    assert problems == [
        "link to './abuot.html' has no target: the build writes no 'abuot.html'"
        " (did you mean 'about.html'?) (template: page.html)",
        "literal '{filename}' left in link '{filename}about.md' (template: page.html)",
    ]
