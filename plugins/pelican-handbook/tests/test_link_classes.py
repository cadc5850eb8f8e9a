"""Broken links a new user meets, each reported at its own line; valid ones left alone."""

from __future__ import annotations

from pathlib import Path

from fixture_sites import TEST_DATA
from fixture_sites import write_site as site


def problems(built, content: Path) -> list[str]:
    assert "Traceback" not in built.stderr
    return [line.replace(f"{content}/", "") for line in built.problems()]


TARGET = "Title: Target\n\n## Part two\n\nText.\n"


def test_links_to_drafts_are_not_published(build_site, tmp_path):
    content = site(
        tmp_path,
        {
            "page.md": "Title: Page\n\nSee [the draft]({filename}draft.md).\n\n"
            "And [the news]({filename}../articles/news.md).\n",
            "draft.md": "Title: Draft\nStatus: draft\n\nNot yet.\n",
        },
        # A draft article without a category: Pelican files it under the default.
        {"news.md": "Title: News\nDate: 2026-11-01\nStatus: draft\n\nSoon.\n"},
    )
    built = build_site(content)
    assert built.status == 1
    assert problems(built, content) == [
        "pages/page.md:3: link target '{filename}draft.md' is not published: it is a draft",
        "pages/page.md:5: link target '{filename}../articles/news.md' is not published:"
        " it is a draft",
    ]


def test_top_needs_no_id_in_any_case(build_site, tmp_path):
    page = "Title: Page\n\n[Up](#top), [up](#TOP), [there]({filename}target.md#Top).\n"
    content = site(tmp_path, {"page.md": page, "target.md": TARGET})
    built = build_site(content)
    assert built.status == 0, built.stderr


def test_a_link_written_with_jinja_is_reported_at_its_own_line(build_site, tmp_path):
    page = (
        "Title: Page\n\nWrite to <{{ EMAIL }}>.\n\n"
        "Call [the desk](tel:{{ DESK }}) or <{{ EMAIL }}>.\n"
    )
    content = site(tmp_path, {"page.md": page})
    settings = {"EMAIL": "desk@venue.test", "DESK": "ask at the desk"}
    settings["HANDBOOK"] = {"content_settings": ["EMAIL", "DESK"]}
    built = build_site(content, PLUGINS=["jinja2content", "handbook"], **settings)
    assert built.status == 1
    assert problems(built, content) == [
        "pages/page.md:5: tel: link 'tel:ask at the desk' is not a phone number"
    ]


def test_footnotes_need_a_definition_and_a_citation(build_site, tmp_path):
    page = "Title: Page\n\nA claim[^source] and another[^2].\n\n[^1]: Never cited.\n"
    content = site(tmp_path, {"page.md": page})
    built = build_site(content, MARKDOWN={"extensions": ["footnotes", "toc"]})
    assert built.status == 1
    assert problems(built, content) == [
        "pages/page.md:3: footnote '[^2]' has no definition",
        "pages/page.md:3: footnote '[^source]' has no definition",
        "pages/page.md:5: footnote '[^1]' is defined but never cited",
    ]


def test_a_page_with_a_trailing_slash_is_a_folder_that_is_not_there(build_site, tmp_path):
    page = "Title: Page\n\nSee [the target](target.html/) and [it](target.html).\n"
    content = site(tmp_path, {"page.md": page, "target.md": TARGET})
    built = build_site(content, PAGE_URL="{slug}.html", PAGE_SAVE_AS="{slug}.html")
    assert built.status == 1
    assert problems(built, content) == [
        "pages/page.md:3: link to 'target.html/' has no target: the build writes no"
        " 'target.html/' (did you mean 'target.html'?)"
    ]


def test_an_unquoted_link_in_html_is_checked_at_its_line(build_site, tmp_path):
    page = "Title: Page\n\nFine.\n\n<p><a href={filename}nowhere.md>here</a></p>\n"
    content = site(tmp_path, {"page.md": page})
    built = build_site(content)
    assert built.status == 1
    assert problems(built, content) == [
        "pages/page.md:5: link '{filename}nowhere.md' is not in quotes, so Pelican leaves it"
        " as written (did you mean '\"{filename}nowhere.md\"'?)",
        "pages/page.md:5: link target '{filename}nowhere.md' does not exist",
    ]


def test_an_escaped_bracket_is_not_a_reference(build_site, tmp_path):
    page = "Title: Page\n\nKeep [text][ref\\] as written, and \\[this\\] too.\n"
    content = site(tmp_path, {"page.md": page})
    built = build_site(content)
    assert built.status == 0, built.stderr


def test_an_image_the_pages_policy_blocks_is_reported(build_site, tmp_path):
    page = (
        "Title: Page\n\n![A map](http://maps.example.org/venue.png)\n\n"
        "![Allowed](https://images.example.org/ok.png)\n"
    )
    content = site(tmp_path, {"page.md": page})
    built = build_site(content, THEME=str(TEST_DATA / "csp-theme"))
    assert built.status == 1
    assert problems(built, content) == [
        "pages/page.md:3: 'http://maps.example.org/venue.png' is blocked by the page's"
        " Content-Security-Policy (img-src): keep the file on the site (put it in a static"
        " folder and link it with {static})"
    ]


def test_links_to_a_page_pelican_could_not_process_are_reported(build_site, tmp_path):
    # Pelican keeps a page it failed to process (here, a date it cannot read)
    # among the sources as None, and says why itself: the plugin reports the
    # links to it, and still judges the links to missing files.
    content = site(
        tmp_path,
        {
            "page.md": "Title: Page\n\nSee [the bad page]({filename}bad.md)"
            " and [a missing one]({filename}missing.md).\n",
            "bad.md": "Title: Bad\nDate: not a date\n\nText.\n",
            "other.md": TARGET,
        },
    )
    built = build_site(content)
    assert built.status == 1
    assert problems(built, content) == [
        "pages/page.md:3: link target '{filename}bad.md' could not be read:"
        " 'not a date' is not a valid date",
        "pages/page.md:3: link target '{filename}missing.md' does not exist",
    ]


def test_the_same_link_is_judged_from_each_pages_own_folder(build_site, tmp_path):
    link = "Title: {}\n\nSee [the target]({{filename}}target.md).\n"
    content = site(
        tmp_path,
        {"first.md": link.format("First"), "target.md": TARGET, "last.md": link.format("Last")},
    )
    (content / "pages" / "sub").mkdir()
    (content / "pages" / "sub" / "inner.md").write_text(link.format("Inner"), encoding="utf-8")
    built = build_site(content)
    assert built.status == 1
    # Only the page in sub/ has no target.md beside it; the others' links work.
    assert problems(built, content) == [
        "pages/sub/inner.md:3: link target '{filename}target.md' does not exist"
        " (did you mean '{filename}../target.md'?)"
    ]


def test_links_pelican_would_ship_as_written_are_reported(build_site, tmp_path):
    page = (
        "Title: Page\n\n"
        "Read [it]({filename}) or [part two]({filename}#part-two).\n\n"
        "Or <a href={filename}target.md>the target</a>,"
        ' and <a href="{filename}target.md">x</a>.\n\n'
        "See (this website)[https://www.example.com] too.\n"
    )
    content = site(tmp_path, {"page.md": page, "target.md": TARGET})
    built = build_site(content)
    assert built.status == 1
    assert problems(built, content) == [
        "pages/page.md:3: link '{filename}#part-two' names no file after '{filename}'"
        " (did you mean '#part-two'?)",
        "pages/page.md:3: link '{filename}' names no file after '{filename}'",
        "pages/page.md:5: link '{filename}target.md' is not in quotes, so Pelican leaves it"
        " as written (did you mean '\"{filename}target.md\"'?)",
        "pages/page.md:7: malformed link: '(this website)[https://www.example.com]' is written"
        " the wrong way round (did you mean '[this website](https://www.example.com)'?)",
    ]


def test_a_missing_image_suggests_the_static_file_of_that_name(build_site, tmp_path):
    page = "Title: Page\n\n![How a report flows](images/diagram.png)\n"
    content = site(tmp_path, {"page.md": page})
    (content / "images").mkdir()
    (content / "images" / "diagram.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    built = build_site(content)
    assert built.status == 1
    assert problems(built, content) == [
        "pages/page.md:3: link to 'images/diagram.png' has no target: the build writes no"
        " 'pages/images/diagram.png' (did you mean '{static}/images/diagram.png'?)"
    ]


def test_placeholder_words_fail_the_build_at_their_line_outside_code(build_site, tmp_path):
    page = (
        "Title: Page\n\nWrite to the lead (e-mail: A DEFINIR).\n\n"
        "    TODO in a code block is code.\n\nCall `TBD` or TBD.\n"
    )
    content = site(tmp_path, {"page.md": page})
    built = build_site(content, HANDBOOK={"content_placeholders": ["TODO", "TBD", "A DEFINIR"]})
    assert built.status == 1
    assert problems(built, content) == [
        "pages/page.md:3: 'A DEFINIR' is a placeholder: write the real text"
        " (HANDBOOK content_placeholders)",
        "pages/page.md:7: 'TBD' is a placeholder: write the real text"
        " (HANDBOOK content_placeholders)",
    ]
    # Off by default: a blog's TODO may be on purpose.
    assert build_site(content).status == 0


def test_content_that_would_leave_the_site_is_reported_under_a_policy(build_site, tmp_path):
    page = (
        "Title: Page\n\n"
        '<meta http-equiv="refresh" content="0; url=https://elsewhere.example.net/">\n\n'
        '<form action="https://forms.example.net/submit"><button>Send</button></form>\n\n'
        '<link rel="stylesheet" href="https://cdn.example.net/style.css">\n\n'
        '<link rel="preconnect" href="https://fonts.example.net">\n\n'
        '<a href="/" ping="https://track.example.net/ping">Home</a>\n\n'
        '<base href="https://base.example.net/">\n'
    )
    content = site(tmp_path, {"page.md": page})
    built = build_site(content, THEME=str(TEST_DATA / "csp-theme"))
    assert built.status == 1
    sends = "sends the reader or their data to another site, which the page's"
    blocked = "is blocked by the page's Content-Security-Policy"
    keep = "keep the file on the site (put it in a static folder and link it with {static})"
    assert problems(built, content) == [
        f"pages/page.md:3: 'https://elsewhere.example.net/' {sends}"
        " Content-Security-Policy (default-src) does not allow",
        f"pages/page.md:5: 'https://forms.example.net/submit' {sends}"
        " Content-Security-Policy (default-src) does not allow",
        f"pages/page.md:7: 'https://cdn.example.net/style.css' {blocked} (default-src): {keep}",
        f"pages/page.md:9: 'https://fonts.example.net' {blocked} (default-src): {keep}",
        f"pages/page.md:11: 'https://track.example.net/ping' {sends}"
        " Content-Security-Policy (default-src) does not allow",
        f"pages/page.md:13: 'https://base.example.net/' {sends}"
        " Content-Security-Policy (default-src) does not allow",
    ]
    # Without a policy, a site may send its readers anywhere.
    assert build_site(content).status == 0


def test_an_image_no_setting_publishes_names_the_setting(build_site, tmp_path):
    page = "Title: Page\n\n![The floor plan](pictures/plan.png)\n"
    content = site(tmp_path, {"page.md": page})
    (content / "pictures").mkdir()
    (content / "pictures" / "plan.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    built = build_site(content)
    assert problems(built, content) == [
        "pages/page.md:3: link to 'pictures/plan.png' has no target: the build writes no"
        " 'pages/pictures/plan.png' (pictures/plan.png is not published: add 'pictures'"
        " to STATIC_PATHS)"
    ]
