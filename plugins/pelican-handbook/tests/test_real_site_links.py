"""Links real Pelican sites write, each class alone: served as the site will be, never
a problem (each was a false alarm of issue 22); next to each, the broken link of the
same shape that is still reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_sites import write_site as site

PRETTY = {
    "ARTICLE_URL": "{slug}",
    "ARTICLE_SAVE_AS": "{slug}.html",
    "PAGE_URL": "{slug}",
    "PAGE_SAVE_AS": "{slug}.html",
}
TWO_ARTICLES = {
    "first.md": "Title: First\nDate: 2024-01-01\n\nSee [the second](/second).\n",
    "second.md": "Title: Second\nDate: 2024-01-02\n\nBack to [the first](/first).\n",
}


def problems(built, content: Path) -> list[str]:
    assert "Traceback" not in built.stderr
    return [line.replace(f"{content}/", "") for line in built.problems()]


def theme(tmp_path, templates: dict[str, str], css: bool = False) -> str:
    """Write a theme of these templates (simple's for the others); return its folder."""
    folder = tmp_path / "theme"
    (folder / "templates").mkdir(parents=True)
    for name, text in templates.items():
        (folder / "templates" / name).write_text(text, encoding="utf-8")
    if css:
        (folder / "static" / "css").mkdir(parents=True)
        (folder / "static" / "css" / "style.css").write_text("body {}\n", encoding="utf-8")
    return str(folder)


def after_content(template: str, extra: str) -> str:
    """Return a template that is simple's `template` with `extra` after its content."""
    return (
        f'{{% extends "!simple/{template}" %}}\n{{% block content %}}\n{{{{ super() }}}}\n'
        f"{extra}\n{{% endblock %}}\n"
    )


def test_pretty_article_urls_are_served(build_site, tmp_path):
    content = site(tmp_path, {}, TWO_ARTICLES)
    # Simple's index and archives link the articles as /first and /second too.
    built = build_site(content, **PRETTY)
    assert problems(built, content) == []
    assert built.status == 0


LINKS = "Title: Links\n\nSee [the archives](/archives) and [the notes](/pages/notes).\n"
NOTES = "Title: Notes\n\nText.\n"


def test_a_link_without_html_reaches_the_page(build_site, tmp_path):
    content = site(tmp_path, {"links.md": LINKS, "notes.md": NOTES})
    built = build_site(content)
    assert problems(built, content) == []
    assert built.status == 0


def test_a_folder_link_reaches_its_index_page(build_site, tmp_path):
    page = "Title: Links\n\nSee [baking](/category/baking/) and [the notes](/notes/).\n"
    article = "Title: Bread\nDate: 2024-01-01\nCategory: Baking\n\nText.\n"
    content = site(tmp_path, {"links.md": page, "notes.md": NOTES}, {"bread.md": article})
    built = build_site(
        content,
        PAGE_URL="{slug}/",
        PAGE_SAVE_AS="{slug}/index.html",
        CATEGORY_URL="category/{slug}/",
        CATEGORY_SAVE_AS="category/{slug}/index.html",
    )
    assert problems(built, content) == []
    assert built.status == 0


def test_served_paths_exact_reports_a_link_without_html(build_site, tmp_path):
    content = site(tmp_path, {"links.md": LINKS, "notes.md": NOTES})
    built = build_site(content, HANDBOOK={"served_paths": "exact"})
    assert built.status == 1
    assert problems(built, content) == [
        "pages/links.md:3: link to '/archives' has no target: the build writes no"
        " 'archives' (did you mean 'archives.html'?)",
        "pages/links.md:3: link to '/pages/notes' has no target: the build writes no"
        " 'pages/notes' (did you mean 'pages/notes.html'?)",
    ]


def test_served_paths_must_be_pretty_or_exact(build_site, tmp_path):
    content = site(tmp_path, {"notes.md": NOTES})
    built = build_site(content, HANDBOOK={"served_paths": "prety"})
    assert built.status == 1
    assert built.problems() == [
        "pelicanconf.py: HANDBOOK['served_paths'] must be 'pretty' or 'exact'"
        " (did you mean 'pretty'?), not 'prety'"
    ]


SHARE = (
    '<a href="mailto:?subject={{ article.title|urlencode }}&amp;body={{ article.url }}">Mail</a>'
)


def test_a_share_mailto_without_a_recipient_is_valid(build_site, tmp_path):
    share = "Title: Share\nDate: 2024-01-01\n\n[Share it](mailto:?subject=Read&body=Worth%20it).\n"
    content = site(tmp_path, {}, {"share.md": share})
    built = build_site(
        content, THEME=theme(tmp_path, {"article.html": after_content("article.html", SHARE)})
    )
    assert problems(built, content) == []
    assert built.status == 0


def test_a_mailto_to_no_address_is_still_reported(build_site, tmp_path):
    content = site(tmp_path, {"desk.md": "Title: Desk\n\nWrite to [the desk](mailto:the-desk).\n"})
    built = build_site(content)
    assert built.status == 1
    assert problems(built, content) == [
        "pages/desk.md:3: mailto: link 'mailto:the-desk' is not an email address"
    ]


ROOT = {"PAGE_URL": "{slug}.html", "PAGE_SAVE_AS": "{slug}.html"}
STYLE = (
    '{% block head %}{{ super() }}<link rel="stylesheet" href="../theme/css/style.css">'
    "{% endblock %}"
)


def test_a_link_above_the_root_resolves_at_the_root(build_site, tmp_path):
    up = "Title: Up\n\nSee [the notes](../notes.html) and [home](../index.html).\n"
    content = site(tmp_path, {"up.md": up, "notes.md": NOTES})
    page = '{% extends "!simple/page.html" %}\n' + STYLE + "\n"
    built = build_site(content, THEME=theme(tmp_path, {"page.html": page}, css=True), **ROOT)
    assert problems(built, content) == []
    assert built.status == 0


def test_a_link_above_the_root_to_nothing_is_still_reported(build_site, tmp_path):
    content = site(tmp_path, {"up.md": "Title: Up\n\nSee [the gone page](../gone.html).\n"})
    built = build_site(content, **ROOT)
    assert built.status == 1
    [problem] = problems(built, content)
    assert problem.startswith("pages/up.md:3: link to '../gone.html' has no target")


INDENTED_IN_A_LIST = (
    "1. Set the key:\n\n        config['Twitter']['cs_key'] = KEY\n"
    "        schedule[day][hour] = 1\n\n2. Save.\n"
)
TWEET = (
    '<blockquote class="twitter-tweet">\n'
    "<p>Use [^abc] for anything but a, b or c. [label] is no link.</p>\n</blockquote>\n"
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(INDENTED_IN_A_LIST, id="indented-in-list"),
        pytest.param("Set it:\n\n    config['Twitter']['cs_key'] = KEY\n", id="indented"),
        pytest.param("```\n[x] feed the starter\n[x][y] tray\n```\n", id="fenced"),
        pytest.param("Match with `[^abc]` or `[label][x]`.\n", id="inline"),
        pytest.param(TWEET, id="raw-html-block"),
    ],
)
def test_code_and_raw_html_are_not_read_as_markdown(build_site, tmp_path, text):
    content = site(tmp_path, {"code.md": f"Title: Code\n\n{text}"})
    built = build_site(content)
    assert problems(built, content) == []
    assert built.status == 0


@pytest.mark.parametrize("text", [INDENTED_IN_A_LIST, TWEET])
def test_prose_after_code_and_raw_html_is_still_read(build_site, tmp_path, text):
    content = site(tmp_path, {"code.md": f"Title: Code\n\n{text}\nSee [the notes][notes].\n"})
    built = build_site(content)
    assert built.status == 1
    line = 3 + text.count("\n") + 1
    assert f"pages/code.md:{line}: reference '[notes]' has no definition" in problems(
        built, content
    )


def test_link_ignore_takes_glob_patterns(build_site, tmp_path):
    page = (
        "Title: Old\n\nThe [old post](/redirects/old.html), [the slides](/talks/2023/slides.pdf)"
        "\nand [a typo](/redirect/old.html).\n"
    )
    content = site(tmp_path, {"old.md": page})
    built = build_site(content, HANDBOOK={"link_ignore": ["/redirects/*", "*.pdf"]})
    assert built.status == 1
    assert problems(built, content) == [
        "pages/old.md:4: link to '/redirect/old.html' has no target: the build writes no"
        " 'redirect/old.html'"
    ]


INTRO = 'Title: Intro\nDate: 2024-01-01\n\n<a name="intro"></a>\n## Intro\n\nText. [Up](#intro).\n'


def test_an_authors_anchor_before_a_heading_is_not_a_duplicate(build_site, tmp_path):
    content = site(tmp_path, {}, {"intro.md": INTRO})
    built = build_site(content)
    assert problems(built, content) == []
    assert built.status == 0


def test_an_id_the_author_wrote_twice_is_still_reported(build_site, tmp_path):
    page = 'Title: Twice\n\n<a id="here"></a>Text.\n\n<a id="here"></a>More.\n'
    content = site(tmp_path, {"twice.md": page})
    built = build_site(content)
    assert built.status == 1
    [problem] = problems(built, content)
    assert "id 'here' is used 2 times" in problem


def test_a_theme_id_equal_to_a_headings_words_is_not_a_duplicate(build_site, tmp_path):
    article = "Title: Awk\nDate: 2024-01-01\n\n# awk\n\nText.\n"
    content = site(tmp_path, {}, {"awk.md": article})
    # Flex and other themes give the title the article's slug as id.
    titled = after_content("article.html", '<h1 id="{{ article.slug }}">{{ article.title }}</h1>')
    built = build_site(content, THEME=theme(tmp_path, {"article.html": titled}))
    assert problems(built, content) == []
    assert built.status == 0


ALL = (
    '{% extends "!simple/base.html" %}\n{% block content %}\n'
    "{% for article in articles %}{{ article.content }}{% endfor %}\n{% endblock %}\n"
)
RECIPES = {
    f"{name}.md": f"Title: {name.title()}\nDate: 2024-01-0{day}\n\n## Ingredients\n\nSome.\n"
    for day, name in enumerate(["bread", "cake"], 1)
}


@pytest.mark.parametrize("listing", ["all.html", "index.html"])
def test_pages_printing_several_articles_have_no_duplicate_ids(build_site, tmp_path, listing):
    # all.html prints every article's content; simple's index.html their summaries.
    content = site(tmp_path, {}, RECIPES)
    templates = theme(tmp_path, {"all.html": ALL})
    built = build_site(content, THEME=templates, DIRECT_TEMPLATES=["index", "all"])
    assert [line for line in problems(built, content) if listing in line] == []
    assert built.status == 0
