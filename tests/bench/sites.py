"""The sites the bench builds: generated checklist pages, and a generated blog.

Each site is built twice, by stock Pelican and with the handbook plugin, from
the same content; only the settings written here differ.
"""

from __future__ import annotations

import base64
import random
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BLOG_THEME = Path(__file__).resolve().parent / "blog-theme"

# --- The checklist site: the handbook's kind of page ------------------------

CHECKLISTS, ITEMS, LINKS = 3, 8, 20

# Both builds read the same settings; only plugins and theme differ.
COMMON = """
import sys
sys.path.insert(0, {root!r})
from pelicanconf import *  # noqa
PATH = {content!r}
# The site plugin's folder, which pelicanconf.py names relative to itself.
PLUGIN_PATHS = [{plugins!r}]
# The real site's documents are not in a generated one; its first three pages are.
MENU_PAGES = ["procedure-0", "procedure-1", "procedure-2"]
"""
# Stock's theme would list all 1000 pages in every page's menu (quadratic
# output); without it, stock is the harder baseline to beat.
STOCK = "PLUGINS = []\nTHEME = 'notmyidea'\nDISPLAY_PAGES_ON_MENU = False\n"
OURS = "THEME = {theme!r}\nHANDBOOK_FAIL_ON_PROBLEMS = True\n"


def page_text(number: int, pages: int) -> str:
    """Return the Markdown of generated page `number`: checklists, then links."""
    # No pocket cards, so these figures are the cost per page of reading,
    # checking and writing: every checklist would be a card face that
    # WeasyPrint measures and renders (BENCH.md has the figure). The real
    # site's build and warm rebuild include its cards.
    lines = [f"Title: Procedure {number}", "Checklists: steps", "Cards: no", ""]
    lines.append(f"What to do in situation {number}, step by step.\n")
    for checklist in range(CHECKLISTS):
        lines.append(f"## Stage {checklist + 1} of procedure {number}\n")
        for item in range(ITEMS):
            lines.append(f"1. Do step {item + 1} of stage {checklist + 1}, then tell the lead")
        lines.append("")
    # In a paragraph, not a list: a list here would become a fourth checklist.
    links = []
    for link in range(LINKS):
        target = (number + 1 + link * 37) % pages
        stage = link % CHECKLISTS + 1
        anchor = f"stage-{stage}-of-procedure-{target}"
        links.append(f"[stage {stage} of {target}]({{filename}}page-{target:04d}.md#{anchor})")
    lines.append("See also " + ", ".join(links) + ".")
    return "\n".join(lines) + "\n"


def generate(folder: Path, pages: int) -> Path:
    """Write a content folder of `pages` generated checklist pages; return it."""
    target = folder / "content" / "pages"
    target.mkdir(parents=True)
    for number in range(pages):
        (target / f"page-{number:04d}.md").write_text(page_text(number, pages), encoding="utf-8")
    return folder / "content"


def settings_file(folder: Path, content: Path, flavour: str) -> Path:
    """Write the checklist site's settings of one flavour ("stock" or "ours"); return them."""
    text = COMMON.format(root=str(ROOT), content=str(content), plugins=str(ROOT / "plugins"))
    text += STOCK if flavour == "stock" else OURS.format(theme=str(ROOT / "theme"))
    path = folder / f"{flavour}conf.py"
    path.write_text(text, encoding="utf-8")
    return path


# --- The blog: what real Pelican sites hold ---------------------------------

# A blog's pelicanconf.py as real ones write it: pretty URLs, its own theme
# with a page printing every article, feeds, pagination, Pelican's default
# Markdown settings (codehilite, extra, meta).
BLOG = """
SITENAME = "Bench blog"
AUTHOR = "Ada"
PATH = {content!r}
THEME = {theme!r}
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
SITEURL = ""
FEED_DOMAIN = "https://blog.example.org"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
ARTICLE_URL = "{{slug}}"
ARTICLE_SAVE_AS = "{{slug}}.html"
PAGE_URL = "{{slug}}"
PAGE_SAVE_AS = "{{slug}}.html"
CATEGORY_URL = "category/{{slug}}/"
CATEGORY_SAVE_AS = "category/{{slug}}/index.html"
TAG_URL = "tag/{{slug}}/"
TAG_SAVE_AS = "tag/{{slug}}/index.html"
AUTHOR_URL = "author/{{slug}}/"
AUTHOR_SAVE_AS = "author/{{slug}}/index.html"
DIRECT_TEMPLATES = ["index", "tags", "categories", "authors", "archives", "all"]
DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = (
    (1, "{{url}}", "{{save_as}}"),
    (2, "{{base_name}}/page/{{number}}/", "{{base_name}}/page/{{number}}/index.html"),
)
"""
# The plugin as its README installs it, problems reported but not fatal: the
# bench counts them.
BLOG_PLUGINS = {
    "stock": "PLUGINS = []\n",
    "ours": 'PLUGINS = ["handbook"]\nHANDBOOK_FAIL_ON_PROBLEMS = False\n',
}

AUTHORS = ("Ada Byron", "Grace Hopper", "Alan Kay", "Barbara Liskov")
CATEGORIES = ("Python", "Notes", "Talks", "Travel", "Tools", "Meetups", "Books", "Misc")
TAGS = tuple(f"topic-{number}" for number in range(40))
WORDS = (
    *("the", "a", "an", "of", "to", "in", "and", "is", "for", "on", "with", "that", "it"),
    *("we", "our", "was", "be", "by", "from", "at", "python", "code", "build", "page"),
    *("site", "test", "link", "theme", "data", "list", "file", "release", "user", "change"),
    *("small", "fast", "simple", "clear", "quietly", "again", "often", "never", "later"),
    *("wrote", "read", "fixed", "moved", "found", "tried", "kept", "made", "ran", "shipped"),
)
# A 1x1 transparent PNG: the image some articles show.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def slug(number: int) -> str:
    """Return the slug of generated article `number`."""
    return f"post-{number:04d}"


def paragraph(rng: random.Random, words: int, links: list[str] = ()) -> str:
    """Return a paragraph of `words` filler words with `links` spread through it."""
    text = [rng.choice(WORDS) for _ in range(words)]
    for index, link in enumerate(links):
        text.insert((index + 1) * words // (len(links) + 1), link)
    return " ".join(text).capitalize() + "."


def article_text(number: int, articles: int) -> str:
    """Return the Markdown of generated article `number`, with the links real blogs have."""
    rng = random.Random(number)
    other = (number * 7 + 3) % articles
    tags = rng.sample(TAGS, 3)
    day = date(2015, 1, 1) + timedelta(days=number * 2)
    category = CATEGORIES[number % len(CATEGORIES)]
    head = [
        f"Title: Post {number}: {paragraph(rng, 4)[:-1]}",
        f"Date: {day.isoformat()} 10:00",
        f"Category: {category}",
        f"Tags: {', '.join(tags)}",
        f"Author: {AUTHORS[number % len(AUTHORS)]}",
        f"Slug: {slug(number)}",
    ]
    pretty = [
        "[the archives](/archives)",
        f"[another post](/{slug(other)})",
        f"[its intro](/{slug(other)}#intro)",
        f"[more on this](/tag/{tags[0]}/)",
        f"[the {category} posts](/category/{category.lower()}/)",
    ]
    body = [
        paragraph(rng, 80, pretty[:2]),
        '<a name="intro"></a>\n## Intro',
        paragraph(rng, 90, [f"[the same]({{filename}}{slug(other)}.md)", "[above](#intro)"]),
        "Two ways to read a setting, `config['a']['b']` and `re.compile('[^abc]')`:",
        "```python\nvalue = config['a']['b']\npattern = re.compile(r\"[^abc]+\")\n```",
        "The old way, indented:",
        "    value = config['Twitter']['cs_key']\n    found = re.findall('[^abc]', text)",
        "## More",
        paragraph(rng, 90, pretty[2:]),
    ]
    if number % 3 == 0:
        body.append(
            '<blockquote class="twitter-tweet">\n'
            "<p>Use [^abc] to match anything but a, b or c. [label] is not a link.</p>\n"
            f'&mdash; A reader (@reader) <a href="https://twitter.com/reader/status/{number}">'
            f"{day:%B %Y}</a>\n</blockquote>"
        )
    if number % 5 == 0:
        body += [paragraph(rng, 40) + "[^1]", "[^1]: " + paragraph(rng, 12)]
    if number % 10 == 0:
        body.append("![A chart of the build times]({static}/images/chart.png)")
    body.append(
        f"Share it: [by email](mailto:?subject=Post%20{number}"
        f"&body=https%3A%2F%2Fblog.example.org%2F{slug(number)})."
    )
    return "\n".join(head) + "\n\n" + "\n\n".join(body) + "\n"


PAGES = {
    "about": "Title: About\n\nWho writes here: [every post](/all), [the archives](../archives.html)"
    " and [the feed](https://blog.example.org/feeds/all.atom.xml).\n",
    "contact": "Title: Contact\n\n[Write to us](mailto:blog@example.org?subject=Hello), or read"
    " [the about page](/about).\n",
}


def generate_blog(folder: Path, articles: int) -> Path:
    """Write a content folder of a blog of `articles` generated articles; return it."""
    content = folder / "content"
    for part in ("articles", "pages", "images"):
        (content / part).mkdir(parents=True)
    for number in range(articles):
        text = article_text(number, articles)
        (content / "articles" / f"{slug(number)}.md").write_text(text, encoding="utf-8")
    for name, text in PAGES.items():
        (content / "pages" / f"{name}.md").write_text(text, encoding="utf-8")
    (content / "images" / "chart.png").write_bytes(PNG)
    return content


def blog_settings_file(folder: Path, content: Path, flavour: str) -> Path:
    """Write the blog's settings of one flavour ("stock" or "ours"); return them."""
    text = BLOG.format(content=str(content), theme=str(BLOG_THEME)) + BLOG_PLUGINS[flavour]
    path = folder / f"blog-{flavour}conf.py"
    path.write_text(text, encoding="utf-8")
    return path
