"""The content objects a build writes, and each one's HTML read once with lxml."""

from __future__ import annotations

import os

from lxml import etree
from pelican.contents import Article
from pelican.urlwrappers import Category

from .report import display_path

# lxml's own HTML parser, without lxml.html's element classes: the plugin
# reads attributes and text only, and would look a class up for every element.
_PARSER = etree.HTMLParser()
_KINDS = ("articles", "drafts", "pages", "hidden_pages", "draft_pages")


def every_content(generators) -> list:
    """Return every article and page of the build, drafts, hidden ones and translations included."""
    found = []
    for generator in generators:
        for kind in _KINDS:
            for content in getattr(generator, kind, []):
                found.extend([content, *getattr(content, "translations", [])])
    return found


def give_articles_a_category(contents: list, settings: dict) -> None:
    """Give each article without a category the default one, as Pelican does when it writes them.

    With `CATEGORY_SAVE_AS = ""` (no category pages) Pelican gives none, then
    fails with a traceback writing the article or draft that lacks one.
    """
    for content in contents:
        if isinstance(content, Article) and not hasattr(content, "category"):
            content.category = Category(settings.get("DEFAULT_CATEGORY") or "misc", settings)


def drop_shared_outputs(build, generators, contents: list) -> list:
    """Report contents written to a file another content writes; return the others.

    Two pages with one slug (or a symbolic link that reads a folder twice)
    make Pelican stop with a traceback when it writes the second: it is left
    out of the build instead, and reported.
    """
    first_of: dict[str, object] = {}
    kept = []
    for content in contents:
        output = getattr(content, "save_as", "")
        first = first_of.setdefault(output, content) if output else content
        if first is content:
            kept.append(content)
            continue
        message = (
            f"this page is written to {output}, as {display_path(first.source_path)} is:"
            " give one of them another 'Slug:'"
        )
        build.report.problem(content.source_path, 1, message)
        for generator in generators:
            for kind in _KINDS:
                listed = getattr(generator, kind, None)
                if isinstance(listed, list) and content in listed:
                    listed.remove(content)
    return kept


def written_by(contents: list) -> dict[str, object]:
    """Return the content objects that are written to a file, by their output path."""
    # Pelican works `save_as` out from its settings on every access: once each here.
    outputs = [(getattr(content, "save_as", ""), content) for content in contents]
    return {output.replace(os.sep, "/"): content for output, content in outputs if output}


def content_tree(content):
    """Return the content's HTML as an lxml tree.

    Read from `_content`, the HTML as the reader made it: `content` would
    replace the `{filename}` links the link check reports.
    """
    return parse_fragment(getattr(content, "_content", "") or "")


def parse_fragment(html: str):
    """Return HTML that is part of a page (a page's content) as the `body` of an lxml tree."""
    # Wrapped as lxml.html.fragment_fromstring wraps it, so lines are the fragment's own.
    document = etree.fromstring(f"<html><body>{html}</body></html>", _PARSER)
    body = document.find("body")
    return document if body is None else body
