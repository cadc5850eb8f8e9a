"""The plugin on a blog built the way real Pelican sites are: a third-party-style theme,
pretty URLs, share links, a deploy step, and one real broken link that must be found.

The blog (`test_data/blog-site`, theme `test_data/blog-theme`) holds every class of
false alarm that issue 22 found on real sites (116 problems before its fix, the
seeded one among them). Stock Pelican's output is what the plugin must not change.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from fixture_sites import TEST_DATA, copy_site, write_site

# How the blog is configured, as a site's pelicanconf.py would say it.
BLOG = {
    "SITENAME": "Crumbs",
    "THEME": str(TEST_DATA / "blog-theme"),
    "ARTICLE_URL": "{slug}",
    "ARTICLE_SAVE_AS": "{slug}.html",
    "PAGE_URL": "{slug}",
    "PAGE_SAVE_AS": "{slug}.html",
    "CATEGORY_URL": "category/{slug}/",
    "CATEGORY_SAVE_AS": "category/{slug}/index.html",
    "TAG_URL": "tag/{slug}/",
    "TAG_SAVE_AS": "tag/{slug}/index.html",
    "AUTHOR_SAVE_AS": "",
    "AUTHORS_SAVE_AS": "",
    "TAGS_SAVE_AS": "",
    "CATEGORIES_SAVE_AS": "",
    "DIRECT_TEMPLATES": ["index", "archives", "all"],
    # The deploy step copies old redirect pages (blog-site/deploy/) and talk
    # slides into the output after Pelican runs.
    "HANDBOOK": {"link_ignore": ["/redirects/*", "*.pdf"]},
}
SEEDED = "More on starters in [my sourdough notes]({filename}sourdogh.md).\n"


def blog(tmp_path, seeded: bool = True):
    """Copy the blog's content, with or without its one real broken link."""
    content = copy_site(tmp_path, "blog-site/content")
    if not seeded:
        kettles = content / "articles" / "kettles.md"
        kettles.write_text(kettles.read_text(encoding="utf-8").replace(SEEDED, ""), "utf-8")
    return content


def stock_pelican(tmp_path, content, settings: dict):
    """Build with Pelican alone, in a new process; return the output folder.

    Not in-process: receivers a plugin connected in an earlier build of this
    process stay connected, so a build with PLUGINS=[] here is not stock.
    """
    output = tmp_path / "stock"
    override = {
        **{f"{kind}_FEED_ATOM": None for kind in ("CATEGORY", "AUTHOR", "TRANSLATION")},
        "FEED_ALL_ATOM": None,
        "AUTHOR_FEED_RSS": None,
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(tmp_path / "stock-cache"),
        "PAGE_PATHS": ["pages"],
        "ARTICLE_PATHS": ["articles"],
        "TIMEZONE": "UTC",
        "SITEURL": "",
        **settings,
        "PLUGINS": [],
    }
    script = "\n".join(
        [
            "import json, sys",
            "from pelican import Pelican",
            "from pelican.settings import read_settings",
            "Pelican(read_settings(override=json.loads(sys.argv[1]))).run()",
        ]
    )
    subprocess.run(
        [sys.executable, "-c", script, json.dumps(override)], check=True, capture_output=True
    )
    return output


def written(output) -> dict[str, bytes]:
    """Return every HTML file of a build's output, by its path there."""
    return {str(path.relative_to(output)): path.read_bytes() for path in output.rglob("*.html")}


def naming(built, text: str) -> list[str]:
    return [line for line in built.problems() if text in line]


def line_of(path, text: str) -> int:
    """Return the 1-based line of `path` that holds `text`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_the_blog_reports_only_its_seeded_broken_link(build_site, tmp_path):
    content = blog(tmp_path)
    built = build_site(content, **BLOG)
    assert "Traceback" not in built.stderr
    assert built.status == 1
    assert built.problems() == [
        f"{content / 'articles' / 'kettles.md'}:9: link target '{{filename}}sourdogh.md'"
        " does not exist (did you mean '{filename}sourdough.md'?)"
    ]
    assert "handbook: 1 problem found" in built.stderr


def test_the_blog_without_the_seeded_link_builds_clean(build_site, tmp_path):
    built = build_site(blog(tmp_path, seeded=False), **BLOG)
    assert built.problems() == []
    assert built.status == 0, built.stderr


def test_pages_without_checklists_are_written_as_stock_pelican_writes_them(build_site, tmp_path):
    content = blog(tmp_path, seeded=False)
    stock = written(stock_pelican(tmp_path, content, BLOG))
    assert len(stock) == 12
    (content / "pages" / "packing.md").write_text(
        "Title: Packing\nChecklists: steps\n\n## Before the market\n\n- Load the crates\n"
        "- Take the float\n",
        encoding="utf-8",
    )
    settings = {**BLOG, "HANDBOOK": {**BLOG["HANDBOOK"], "printouts": False}}
    built = build_site(content, **settings)
    mine = written(built.output)
    # Articles, pages, the index's teasers, all.html, archives, tags, categories.
    changed = [name for name, html in stock.items() if mine.get(name) != html]
    assert changed == []
    # A page that has checklists still gets heading ids, so its steps can be linked to.
    assert 'id="before-the-market"' in (built.output / "packing.html").read_text("utf-8")


def test_a_themes_truncated_teaser_is_the_one_stock_pelican_writes(build_site, tmp_path):
    content = blog(tmp_path, seeded=False)
    teaser = (stock_pelican(tmp_path, content, BLOG) / "index.html").read_text("utf-8")
    built = build_site(content, **BLOG)
    assert (built.output / "index.html").read_text("utf-8") == teaser


def test_a_problem_in_content_a_direct_template_prints_is_reported_once(build_site, tmp_path):
    content = blog(tmp_path)
    built = build_site(content, **BLOG)
    # all.html and index.html print the article: still one problem, at the content.
    assert naming(built, "sourdogh.md") == [
        f"{content / 'articles' / 'kettles.md'}:9: link target '{{filename}}sourdogh.md'"
        " does not exist (did you mean '{filename}sourdough.md'?)"
    ]


def tagged_site(tmp_path, count: int = 1):
    articles = {
        f"post-{n}.md": f"Title: Post {n}\nDate: 2024-01-{n + 1:02}\nCategory: Baking\n"
        "Tags: cakes\n\nText.\n"
        for n in range(count)
    }
    return write_site(tmp_path, {}, articles)


def theme_with(tmp_path, template: str, extra: str):
    """Write a theme whose `template` is simple's with `extra` after its content."""
    folder = tmp_path / "theme" / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / template).write_text(
        f'{{% extends "!simple/{template}" %}}\n{{% block content %}}\n{{{{ super() }}}}\n'
        f"{extra}\n{{% endblock %}}\n",
        encoding="utf-8",
    )
    return str(folder.parent)


@pytest.mark.parametrize(
    ("template", "page"),
    [
        ("tag.html", "tag/cakes.html"),
        ("category.html", "category/baking.html"),
        ("index.html", "index2.html"),
    ],
)
def test_a_theme_link_on_a_listing_page_names_its_template(build_site, tmp_path, template, page):
    content = tagged_site(tmp_path, count=2)
    theme = theme_with(tmp_path, template, '<a href="/help/listing.html">How to browse</a>')
    built = build_site(content, THEME=theme, DEFAULT_PAGINATION=1)
    assert built.status == 1
    # Simple's tag.html and category.html extend index.html: look at `page` only.
    lines = [
        line
        for line in naming(built, "/help/listing.html")
        if line.startswith(f"{built.output / page}:")
    ]
    assert lines
    assert all(line.endswith(f"(template: {template})") for line in lines), lines


def test_identical_problems_are_grouped(build_site, tmp_path):
    theme = theme_with(tmp_path, "article.html", '<a href="/help/sharing.html">Share</a>')
    built = build_site(tagged_site(tmp_path, count=30), THEME=theme)
    assert built.status == 1
    # Three shown, then counted.
    assert len(naming(built, "/help/sharing.html")) == 3
    assert "and 27 more like this in 27 files" in built.stderr


def test_group_problems_false_lists_every_one(build_site, tmp_path):
    theme = theme_with(tmp_path, "article.html", '<a href="/help/sharing.html">Share</a>')
    built = build_site(
        tagged_site(tmp_path, count=30), THEME=theme, HANDBOOK={"group_problems": False}
    )
    assert built.status == 1
    assert len(naming(built, "/help/sharing.html")) == 30
    assert "more like this" not in built.stderr


LONG = "".join(f"Line {n} of the log.\n" for n in range(70_000))


def test_a_theme_link_past_line_65535_is_reported_at_its_line(build_site, tmp_path):
    content = write_site(tmp_path, {"log.md": f"Title: Log\n\n{LONG}"})
    theme = theme_with(tmp_path, "page.html", '<a href="/help/logs.html">Reading logs</a>')
    built = build_site(content, THEME=theme)
    page = built.output / "pages" / "log.html"
    line = line_of(page, "/help/logs.html")
    assert line > 70_000
    [problem] = naming(built, "/help/logs.html")
    assert problem.startswith(f"{page}:{line}: link to '/help/logs.html' has no target")
    assert problem.endswith("(template: page.html)")


def test_a_content_link_past_line_65535_is_reported_at_its_line(build_site, tmp_path):
    page = f"Title: Log\n\n{LONG}\nSee [the summary](/summary.html).\n"
    content = write_site(tmp_path, {"log.md": page})
    built = build_site(content)
    assert built.problems() == [
        f"{content / 'pages' / 'log.md'}:70004: link to '/summary.html' has no target:"
        " the build writes no 'summary.html'"
    ]
