"""Find the pages of the site navigation once per build: MENU_PAGES, checked."""

from __future__ import annotations

from .hints import did_you_mean
from .settings import settings_file

# The context key templates loop over (the navigation, the home page's doors).
MENU_KEY = "HANDBOOK_MENU"


def menu_pages(build, context: dict) -> list:
    """Return the pages MENU_PAGES names, in its order, hidden pages included.

    Without MENU_PAGES, every published page the build writes, in Pelican's
    order: a page with an empty save_as has no address to link to. A slug that
    names no page is a settings problem: the menu would lose it silently.
    """
    everything = [*context.get("pages", []), *context.get("hidden_pages", [])]
    slugs = context.get("MENU_PAGES") or []
    if not slugs:
        return [page for page in context.get("pages", []) if page.save_as]
    by_slug = {page.slug: page for page in everything}
    for index, slug in enumerate(slugs):
        if slug not in by_slug:
            hint = did_you_mean(str(slug), by_slug)
            message = f"names {slug!r}, which is no page's slug{hint}"
            where = settings_file(build.settings, "MENU_PAGES")
            build.report.setting(f"MENU_PAGES[{index}]", message, where)
    return [by_slug[slug] for slug in slugs if slug in by_slug]


def share_menu(build, generators) -> None:
    """Put the menu's pages into the context every template is rendered with."""
    # Looking them up in a template cost a pass over every page for every page
    # written: quadratic in the size of the site.
    # Pelican gives every generator the same context; a plugin's may differ.
    contexts = [getattr(generator, "context", None) for generator in generators]
    unique = {id(context): context for context in contexts if context is not None}
    for context in unique.values():
        # The report keeps one copy of a problem found in every context.
        context[MENU_KEY] = menu_pages(build, context)
