"""Broken and malformed links fail the build, each named by source file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.helpers import ROOT, run_pelican

TARGET = """Title: Target
slug: target

## Part two

Steps to take:

1. Call the venue
1. Write it down

{: .checklist-steps }

A paragraph with its own id.
{: #own-id }
"""


def write_content(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def build_page(tmp_path: Path, body: str, extra: dict | None = None, **kwargs):
    """Build `pages/page.md` (Title line 1, blank line 2, `body` from line 3) with a target.

    Every such build writes to one output folder of the session, emptied
    first: the target's pocket cards are then the same page at the same
    address each time, and the build copies their PDFs from its cache (keyed
    on the cards page and its address) instead of rendering them again.
    """
    files = {"pages/page.md": f"Title: Page\n\n{body}", "pages/target.md": TARGET, **(extra or {})}
    content = write_content(tmp_path / "content", files)
    output = tmp_path.parent / "links-output"
    shutil.rmtree(output, ignore_errors=True)
    result = run_pelican(output, content=content, **kwargs)
    return content, result


def problem_lines(content: Path, result) -> list[str]:
    """Return the reported problems, with the content folder as `content/`."""
    assert "Traceback" not in result.stdout + result.stderr
    return [
        line.replace(f"{content}/", "content/")
        for line in result.stderr.splitlines()
        if line.startswith(f"{content}/")
    ]


def assert_only_problem(tmp_path: Path, body: str, expected: str, **kwargs) -> None:
    content, result = build_page(tmp_path, body, **kwargs)
    assert result.returncode == 1, result.stderr
    assert problem_lines(content, result) == [expected]


def test_a_missing_filename_target_names_the_line_and_the_likely_page(tmp_path):
    content, result = build_page(tmp_path, "Fine.\n\nSee [the target]({filename}traget.md).\n")
    assert result.returncode == 1
    assert problem_lines(content, result) == [
        "content/pages/page.md:5: link target '{filename}traget.md' does not exist"
        " (did you mean '{filename}target.md'?)"
    ]
    # Pelican's own warning names neither the page nor the line: ours replaces it.
    assert "Unable to find" not in result.stdout + result.stderr


def test_a_missing_static_file_is_reported(tmp_path):
    assert_only_problem(
        tmp_path,
        "![A map]({static}/images/map.png)\n",
        "content/pages/page.md:3: link target '{static}/images/map.png' does not exist",
    )


def test_a_missing_fragment_on_the_same_page_is_reported(tmp_path):
    assert_only_problem(
        tmp_path,
        "## First steps\n\nGo back to [the start](#first-step).\n",
        "content/pages/page.md:5: link to '#first-step' has no target: no id 'first-step'"
        " in page.html (did you mean '#first-steps'?)",
    )


def test_a_missing_fragment_on_another_page_is_reported(tmp_path):
    assert_only_problem(
        tmp_path,
        "Line three.\nSee [part two]({filename}target.md#part-too).\n",
        "content/pages/page.md:4: link to '{filename}target.md#part-too' has no target:"
        " no id 'part-too' in target.html (did you mean '{filename}target.md#part-two'?)",
    )


def test_a_link_to_a_markdown_source_suggests_filename(tmp_path):
    assert_only_problem(
        tmp_path,
        "Ask in [the target](target.md).\n",
        "content/pages/page.md:3: link to 'target.md' points at a Markdown source, which is"
        " not published (did you mean '{filename}target.md'?)",
    )


def test_a_relative_link_to_a_file_the_build_does_not_write_is_reported(tmp_path):
    assert_only_problem(
        tmp_path,
        "See [the target](targets.html).\n",
        "content/pages/page.md:3: link to 'targets.html' has no target: the build writes no"
        " 'targets.html' (did you mean 'target.html'?)",
    )


def test_a_root_relative_link_to_a_missing_file_is_reported(tmp_path):
    assert_only_problem(
        tmp_path,
        "Print [the rules](/handouts/rules.pdf).\n",
        "content/pages/page.md:3: link to '/handouts/rules.pdf' has no target: the build"
        " writes no 'handouts/rules.pdf'",
    )


def test_a_reference_definition_that_points_nowhere_is_reported_at_the_definition(tmp_path):
    assert_only_problem(
        tmp_path,
        "Ask on [Slack][slack].\n\n[slack]: slack.html\n",
        "content/pages/page.md:5: link to 'slack.html' has no target: the build writes no"
        " 'slack.html'",
    )


def test_a_reference_without_a_definition_is_reported(tmp_path):
    assert_only_problem(
        tmp_path,
        "Ask on [Slack][slak].\n\n[slack]: target.html\n",
        "content/pages/page.md:3: reference '[slak]' has no definition (did you mean '[slack]'?)",
    )


def test_a_brace_instead_of_a_parenthesis_is_reported_with_the_fix(tmp_path):
    assert_only_problem(
        tmp_path,
        "Read our [Code of Conduct]{filename}target.md).\n",
        "content/pages/page.md:3: malformed link: '(' missing between ']' and '{filename}'"
        " (did you mean '[Code of Conduct]({filename}target.md)'?)",
    )


def test_a_space_between_text_and_target_is_reported_with_the_fix(tmp_path):
    assert_only_problem(
        tmp_path,
        "Read the [target] ({filename}target.md).\n",
        "content/pages/page.md:3: malformed link: space between ']' and '('"
        " (did you mean '[target]({filename}target.md)'?)",
    )


def test_a_parenthesis_never_closed_is_reported(tmp_path):
    assert_only_problem(
        tmp_path,
        "Read the\n[target]({filename}target.md and go on.\n",
        "content/pages/page.md:4: malformed link: '(' after '[target]' is never closed",
    )


def test_a_bracket_never_closed_is_reported(tmp_path):
    assert_only_problem(
        tmp_path,
        "Read the [target({filename}target.md) now.\n",
        "content/pages/page.md:3: malformed link: '[' is never closed",
    )


def test_a_closing_bracket_without_an_opening_one_is_reported(tmp_path):
    assert_only_problem(
        tmp_path,
        "Read the target]({filename}target.md) now.\n",
        "content/pages/page.md:3: malformed link: ']' has no matching '['",
    )


def test_a_literal_filename_left_in_the_text_is_reported(tmp_path):
    assert_only_problem(
        tmp_path,
        "Line three.\n\nRead {filename}target.md first.\n",
        "content/pages/page.md:5: literal '{filename}target.md' left in the page text:"
        " a malformed link?",
    )


def test_a_duplicate_explicit_id_is_reported(tmp_path):
    assert_only_problem(
        tmp_path,
        "One.\n{: #same }\n\nTwo.\n{: #same }\n",
        "content/pages/page.md:4: id 'same' is used 2 times on page.html",
    )


def test_a_heading_that_takes_an_id_the_theme_uses_is_reported(tmp_path):
    # With `Contacts: first` the page template writes "Who to call", id `who-to-call`.
    page = "Title: Page\nContacts: first\n\n## Who to call\n\nThe venue.\n"
    content = write_content(tmp_path / "content", {"pages/page.md": page})
    result = run_pelican(tmp_path / "out", content=content)
    assert result.returncode == 1
    assert problem_lines(content, result) == [
        "content/pages/page.md:4: id 'who-to-call' is used 2 times on page.html"
    ]


def test_a_tel_link_that_is_not_a_phone_number_is_reported(tmp_path):
    assert_only_problem(
        tmp_path,
        "Call [Anna](tel:ask-at-the-desk).\n",
        "content/pages/page.md:3: tel: link 'tel:ask-at-the-desk' is not a phone number",
    )


def test_a_tel_link_with_spaces_suggests_the_digits(tmp_path):
    assert_only_problem(
        tmp_path,
        "Call [Anna](<tel:617 555 0100>).\n",
        "content/pages/page.md:3: tel: link 'tel:617 555 0100' is not a phone number"
        " (did you mean 'tel:6175550100'?)",
    )


def test_a_mailto_link_that_is_not_an_address_is_reported(tmp_path):
    assert_only_problem(
        tmp_path,
        "Write to [us](mailto:conduct).\n",
        "content/pages/page.md:3: mailto: link 'mailto:conduct' is not an email address",
    )


def test_an_ignored_path_is_not_reported(tmp_path):
    content, result = build_page(
        tmp_path,
        "See [the calendar](/calendar/) and [the wiki](/wiki/start.html).\n",
        settings={"HANDBOOK": {"link_ignore": ["/calendar/", "/wiki"]}},
    )
    assert result.returncode == 0, result.stderr
    assert problem_lines(content, result) == []


def test_several_problems_in_one_file_are_all_reported_in_order(tmp_path):
    body = (
        "Read our [Code of Conduct]{filename}target.md).\n"
        "\n"
        "Ask in [Slack](slack.md) or [there] (target.md).\n"
        "\n"
        "See [part two]({filename}target.md#part-2) and [home](#top).\n"
    )
    content, result = build_page(tmp_path, body)
    assert result.returncode == 1
    lines = problem_lines(content, result)
    # `#top` needs no id: HTML scrolls to the top.
    assert [line.split(": ", 1)[0] for line in lines] == [
        "content/pages/page.md:3",
        "content/pages/page.md:5",
        "content/pages/page.md:5",
        "content/pages/page.md:7",
    ]
    assert "handbook: 4 problems found" in result.stderr


def test_the_seeds_malformed_first_link_is_caught(tmp_path):
    seed = (ROOT / "tests" / "data" / "seed-staff-procedure.md").read_text(encoding="utf-8")
    content = write_content(
        tmp_path / "content",
        {
            "pages/conduct-staff-procedure.md": seed,
            "pages/code-of-conduct.md": "Title: Code of Conduct\n\nText.\n",
            "pages/conduct-attendee-procedure.md": "Title: Attendee\n\nText.\n",
        },
    )
    result = run_pelican(tmp_path / "out", content=content)
    assert result.returncode == 1
    links = [line for line in problem_lines(content, result) if "link" in line]
    assert links == [
        "content/pages/conduct-staff-procedure.md:7: malformed link: '(' missing between ']'"
        " and '{filename}' (did you mean '[Code of Conduct]({filename}code-of-conduct.md)'?)"
    ]


def test_pages_with_url_metadata_hidden_pages_and_articles_are_checked(tmp_path):
    files = {
        "pages/moved.md": "Title: Moved\nURL: elsewhere/\nsave_as: elsewhere/index.html\n\n"
        "## Here\n\nSee [there](#hree).\n",
        "pages/hidden.md": "Title: Hidden\nstatus: hidden\n\nLine four.\n"
        "See [moved]({filename}moved.md#here) and [nothing]({filename}moved.md#nothing).\n",
        "articles/news.md": "Title: News\nDate: 2024-05-01\n\n"
        "Read [the moved page]({filename}../pages/moved.md#her).\n",
    }
    content = write_content(tmp_path / "content", files)
    result = run_pelican(tmp_path / "out", content=content)
    assert result.returncode == 1
    lines = problem_lines(content, result)
    assert (
        "content/articles/news.md:4: link to '{filename}../pages/moved.md#her' has no target:"
        " no id 'her' in elsewhere/index.html (did you mean '{filename}../pages/moved.md#here'?)"
    ) in lines
    assert (
        "content/pages/hidden.md:5: link to '{filename}moved.md#nothing' has no target:"
        " no id 'nothing' in elsewhere/index.html"
    ) in lines
    assert (
        "content/pages/moved.md:7: link to '#hree' has no target: no id 'hree' in"
        " elsewhere/index.html (did you mean '#here'?)"
    ) in lines


def test_a_link_the_theme_writes_is_reported_by_output_file_and_template(tmp_path):
    # Settings are checked before anything is written (a bad phone in the
    # contacts stops the build there); a theme can still write a bad link.
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "static").symlink_to(ROOT / "theme" / "static")
    shutil.copytree(ROOT / "theme" / "templates", theme / "templates")
    index = theme / "templates" / "index.html"
    index.write_text(
        index.read_text(encoding="utf-8").replace(
            "</ul>", '</ul>\n<p><a href="tel:ask Anna">Anna</a></p>', 1
        ),
        encoding="utf-8",
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
    theme = tmp_path / "theme"
    (theme).mkdir()
    (theme / "static").symlink_to(ROOT / "theme" / "static")
    shutil.copytree(ROOT / "theme" / "templates", theme / "templates")
    base = theme / "templates" / "base.html"
    base.write_text(
        base.read_text(encoding="utf-8").replace(
            "</nav>",
            '<a href="{{ SITEURL }}/abuot.html">About</a>\n'
            '<a href="{filename}about.md">About</a></nav>',
        ),
        encoding="utf-8",
    )
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


EVERY_VALID_LINK = """Title: Page
Summary: A page with [every kind]({filename}target.md) of link.

## Links

A page: [target]({filename}target.md), from the root: [target]({filename}/pages/target.md).
A heading [elsewhere]({filename}target.md#part-two), a checklist
[elsewhere]({filename}target.md#steps-to-take), an item
[elsewhere]({filename}target.md#call-the-venue), an explicit id
[elsewhere]({filename}target.md#own-id), [here](#links), [the theme's](#content).
The output: [relative](target.html#part-two), [root-relative](/target.html),
[home]({index}), [a picture]({static}/images/map.png), ![inline]({static}/images/map.png),
[attached]({attach}/images/plan.png), [with a title](target.html "Target"),
[in angle brackets](<target.html>), [the web](https://example.org/a_(b)),
<https://example.org>, <conduct@example.org>, [write](mailto:a@example.org?subject=Hi),
[call](tel:+1-617-555-0100), [dial](tel:911),
<a href="target.html#own-id">raw HTML</a> and {{ ORGANIZATION }}'s
[{{ EMERGENCY_CONTACTS[0].phone }}](tel:{{ EMERGENCY_CONTACTS[0].tel }}).

By [reference][ref], [collapsed][], [Shortcut] and a footnote[^1].

[ref]: {filename}target.md#part-two
[collapsed]: target.html
[shortcut]: <target.html> "Title"
[^1]: A footnote with [a link](#links).

Code is left alone: `[text] (x.md)`, `[a]{filename}b.md)` and `{filename}x.md`.

```
[text] (x.md) and [broken](nowhere.md and {filename}x.md
```

    [indented] (code.md) under a paragraph is still text, as written.

{% for contact in EMERGENCY_CONTACTS %}
* {{ contact.label }}: [{{ contact.phone }}](tel:{{ contact.tel }})
{% endfor %}

Checkbox-like text [ ] and [x] and a range [1, 2] are not links.
"""


def test_a_page_with_every_kind_of_valid_link_builds_clean(tmp_path):
    images = tmp_path / "content" / "images"
    images.mkdir(parents=True)
    (images / "map.png").write_bytes(b"png")
    (images / "plan.png").write_bytes(b"png")
    content = write_content(
        tmp_path / "content", {"pages/page.md": EVERY_VALID_LINK, "pages/target.md": TARGET}
    )
    result = run_pelican(tmp_path / "out", content=content, settings={"STATIC_PATHS": ["images"]})
    assert result.returncode == 0, result.stderr
    assert "handbook:" not in result.stderr
    assert "Traceback" not in result.stderr
    page = (tmp_path / "out" / "page.html").read_text(encoding="utf-8")
    assert 'href="./target.html#call-the-venue"' in page


def test_a_link_to_a_page_that_is_not_written_is_reported(tmp_path):
    assert_only_problem(
        tmp_path,
        "See [the draft]({filename}unwritten.md).\n",
        "content/pages/page.md:3: link target '{filename}unwritten.md' is not published:"
        " it has an empty save_as",
        extra={"pages/unwritten.md": "Title: Unwritten\nsave_as:\n\nText.\n"},
    )
