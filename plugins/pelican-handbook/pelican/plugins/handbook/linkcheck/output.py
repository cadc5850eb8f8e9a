"""Check the written site: queued content links, and every link the theme wrote.

Runs once every file is written (print outputs included). Content links are
reported at their source line; links the theme added (navigation, contacts)
by output file, line and template.
"""

from __future__ import annotations

import os
import posixpath
import re

from .. import report as problems
from ..linkcheck import content as link_check
from ..linkcheck.html import PLACEHOLDER, ParsedPage
from ..linkcheck.targets import (
    EXTERNAL,
    OutputIndex,
    index_output,
    is_ignored,
    scheme_problem,
    split_target,
    suggestion,
    target_of,
)


def fragment_problem(index: OutputIndex, path: str, fragment: str, href: str) -> str | None:
    """Return what is wrong with a link to `path#fragment`, or None."""
    served = index.exists(path)
    if served is None:
        others = sorted(index.files)
        return f"link to '{href}' has no target: the build writes no '{path}'" + suggestion(
            path, others
        )
    if not fragment or served not in index.pages:
        return None
    ids = index.pages[served].ids
    if fragment in ids:
        return None
    hint = suggestion(fragment, ids, href.rsplit("#", 1)[0] + "#")
    return f"link to '{href}' has no target: no id '{fragment}' in {served}{hint}"


def check_pending(index: OutputIndex) -> None:
    """Check the content links queued by the content pass."""
    # Many pages queue the same link to the same target: each is checked once.
    verdicts: dict[tuple[str, str, str], str | None] = {}
    for source, line, href, path, fragment, _ in link_check.state.pending:
        key = (path, fragment, href)
        if key not in verdicts:
            verdicts[key] = fragment_problem(index, path, fragment, href)
        if verdicts[key]:
            problems.add(source, line, verdicts[key])


def template_of(output: str, settings: dict) -> str:
    """Return the name of the template that wrote an output file, if known."""
    page = link_check.state.pages.get(output)
    if page is not None:
        return f"{getattr(page, 'template', 'page')}.html"
    for name in settings.get("DIRECT_TEMPLATES", []):
        if settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html") == output:
            return f"{name}.html"
    return ""


def theme_link_problem(index: OutputIndex, output: str, href: str) -> str | None:
    """Return what is wrong with a link the theme wrote in `output`, or None."""
    if PLACEHOLDER.match(href):
        return f"literal '{PLACEHOLDER.match(href)[0]}' left in link '{href}'"
    if EXTERNAL.match(href):
        return scheme_problem(href)
    _, target, fragment = target_of(output, href)
    if is_ignored(target, link_check.state.ignore):
        return None
    return fragment_problem(index, target, fragment, href)


# What a theme link's check found, by the folder it is written in (by the
# page, for a link within the page): every page repeats the theme's links.
Verdicts = dict[tuple[str, str], "str | None"]


def _verdict_key(output: str, href: str) -> tuple[str, str]:
    path, _ = split_target(href)
    return (posixpath.dirname(output) if path else output, href)


def check_page_output(
    index: OutputIndex, output: str, parsed: ParsedPage, settings, verdicts: Verdicts
) -> None:
    """Check the theme's links, literal placeholders and ids of one written page."""
    template = template_of(output, settings)
    where = f" (template: {template})" if template else ""
    path = os.path.join(index.root, output)
    for href, line in parsed.links:
        key = _verdict_key(output, href)
        if key not in verdicts:
            verdicts[key] = theme_link_problem(index, output, href)
        message = verdicts[key]
        if message and not checked_as_content(index, output, href):
            problems.add(path, line, message + where)
    for snippet, line in parsed.placeholders:
        if snippet not in link_check.state.placeholders:
            problems.add(path, line, f"literal '{snippet}' left in the page{where}")
    check_duplicate_ids(output, parsed, path, where)


def checked_as_content(index: OutputIndex, output: str, href: str) -> bool:
    """Say whether the content pass checked this link of `output` already.

    Asked only of a link with a problem, which is rare: the queue is searched
    then rather than indexed for every link.
    """
    if href in link_check.state.reported.get(output, ()):
        return True
    _, target, fragment = target_of(output, href)
    resolved = (index.exists(target) or target, fragment)
    return any(
        queued_output == output and (queued_href == href or (path, fragment) == resolved)
        for _, _, queued_href, path, fragment, queued_output in link_check.state.pending
    )


def check_duplicate_ids(output: str, parsed: ParsedPage, path: str, where: str) -> None:
    """Report each id used more than once in a page, where it can be fixed."""
    page = link_check.state.pages.get(output)
    for name, lines in parsed.ids.items():
        if len(lines) < 2:
            continue
        message = f"id '{name}' is used {len(lines)} times on {output}"
        line = source_line_of_id(page.source_path, name) if page is not None else None
        if line:
            problems.add(page.source_path, line, message)
        else:
            problems.add(path, lines[1], message + where)


def source_line_of_id(source: str, name: str) -> int | None:
    """Return the source line that gives an element id `name`, if one visibly does."""
    explicit = re.compile(r"(?:#|\bid=[\"']?)" + re.escape(name) + r"(?![\w-])")
    heading = re.compile(r"^#{1,6}\s")
    with open(source, encoding="utf-8", errors="replace") as handle:
        lines = handle.read().split("\n")
    for number, text in enumerate(lines, 1):
        if not heading.match(text) and explicit.search(text):
            return number
    words = name.replace("-", " ").split("_")[0].split()
    for number, text in enumerate(lines, 1):
        if heading.match(text) and words and all(w in text.lower() for w in words):
            return number
    return None


def written_content(output: str) -> tuple[str, dict[str, tuple[int, ...]]] | None:
    """Return a page's content as its file holds it, and the ids read in it, if known."""
    page = link_check.state.pages.get(output)
    if page is None or output not in link_check.state.content_ids:
        return None
    # Pelican's `content` is `_content` with link targets filled in: same ids, same lines.
    return page.content, link_check.state.content_ids[output]


def check_output(pelican) -> None:
    """Check every written HTML file and the links queued for the written site."""
    index = index_output(pelican.output_path, written_content)
    check_pending(index)
    verdicts: Verdicts = {}
    for output, parsed in sorted(index.pages.items()):
        check_page_output(index, output, parsed, pelican.settings, verdicts)
