"""Find the pages of the site navigation once per build, for every page's menu."""

from __future__ import annotations

# The context key base.html loops over.
MENU_KEY = "HANDBOOK_MENU"


def menu_pages(context: dict) -> list:
    """Return the pages MENU_PAGES names, in its order, hidden pages included."""
    everything = [*context.get("pages", []), *context.get("hidden_pages", [])]
    return [
        page for slug in context.get("MENU_PAGES", []) for page in everything if page.slug == slug
    ]


def share_menu(generators) -> None:
    """Put the menu's pages into the context every template is rendered with."""
    # Looking them up in base.html cost a pass over every page for every page
    # written: quadratic in the size of the site.
    # Pelican gives every generator the same context; a plugin's may differ.
    contexts = [getattr(generator, "context", None) for generator in generators]
    unique = {id(context): context for context in contexts if context is not None}
    for context in unique.values():
        context[MENU_KEY] = menu_pages(context)
