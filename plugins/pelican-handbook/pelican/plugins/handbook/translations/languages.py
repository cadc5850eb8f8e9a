"""Several languages in one site, Pelican's way: the same `Slug:` in another `Lang:`.

Once every page is read, each translation's checklists are compared with its
source's (drift.py), its links go to pages in its language (links.py), and
every page gets its language switch; a translation also gets the note that
says which text binds. While a page is written, the words every template
and script reads are its language's (HANDBOOK["language_words"]), and each
language with words gets its home page, `{lang}/index.html`.
"""

from __future__ import annotations

import html
from contextlib import contextmanager
from datetime import date

from handbook_checklists.markup import RECORD_MARKER

from ..language import text_direction
from ..words import SCRIPT_WORDS, check_words
from .drift import compare
from .links import keep_links_in_language, version_in

_TRANSLATIONS = ("translations", "hidden_translations", "draft_translations")


def check_language_words(
    given, site_words: dict, catalog: dict
) -> tuple[dict, list[tuple[str, str]]]:
    """Return each language's words over the site's, and each (setting, problem) found.

    `catalog` holds every word a language may give: the plugin's and the theme's.
    """
    problems, merged = [], {}
    for lang, words in given.items():
        name = f"HANDBOOK['language_words'][{lang!r}]"
        if not isinstance(words, dict):
            problems.append((name, f"must be a dict of words, not {words!r}"))
            continue
        checked, found = check_words(words, catalog)
        problems.extend((where.replace("HANDBOOK['words']", name, 1), why) for where, why in found)
        good = {key: value for key, value in words.items() if checked.get(key) == value}
        # A language's own name is never the site's: without one, its code.
        merged[lang] = {**site_words, **good, "language_name": good.get("language_name", lang)}
    return merged, problems


def _fill_markers(page, outdated: dict[str, str], words: dict, source_lang: str) -> None:
    """Put the "outdated" mark where each outdated item's marker is; take the others out."""
    content = page._content
    for item_id, text in outdated.items():
        mark = (
            f'<details class="checklist__outdated"><summary class="checklist__outdated-mark">'
            f"{html.escape(words['translation_outdated'])}</summary>"
            f'<p class="checklist__source" lang="{html.escape(source_lang)}"'
            f' dir="{text_direction(source_lang)}">{html.escape(text)}</p></details>'
        )
        content = content.replace(f"<!--{RECORD_MARKER}{item_id}-->", mark)
    start = content.find(f"<!--{RECORD_MARKER}")
    while start >= 0:
        end = content.find("-->", start)
        if end < 0:
            break
        content = content[:start] + content[end + 3 :]
        start = content.find(f"<!--{RECORD_MARKER}", start)
    page._content = content


def _source_date(build, translation, date_format: str) -> dict | None:
    """Return the date of the source a translation was made from (`Source_date:`), both ways."""
    written = translation.metadata.get("source_date")
    if written:
        try:
            when = date.fromisoformat(str(written).strip())
            return {"date": when.strftime(date_format), "date_iso": when.isoformat()}
        except ValueError:
            line = build.lines.of_metadata(translation.source_path, "source_date")
            message = f"'Source_date: {written}' is not a date: write it as 2026-11-20"
            build.report.problem(translation.source_path, line, message)
    # Unrecorded: the translation itself was last changed then.
    changed = getattr(translation, "handbook_changed_iso", None)
    return {"date": translation.handbook_changed, "date_iso": changed} if changed else None


def _switch(state, page) -> list[dict]:
    """Return the language switch of a page: its versions, else each language's home page."""
    entries = []
    for lang in state.languages:
        version = version_in(page, lang)
        url = version.url if version is not None else state.homes.get(lang)
        if url is not None:
            current = lang == page.lang
            alternate = version is not None
            entries.append({"lang": lang, "name": state.names[lang], "url": url})
            entries[-1].update(current=current, alternate=alternate)
    return entries if len(entries) > 1 else []


def home_switch(state, lang: str) -> list[dict]:
    """Return the language switch of a page that is no content: each language's home page."""
    if len(state.homes) < 2:
        return []
    # Alternates of each other on the home pages (handbook/alternates.html says where).
    return [
        {
            "lang": other,
            "name": state.names[other],
            "url": url,
            "current": other == lang,
            "alternate": True,
        }
        for other, url in state.homes.items()
    ]


def _prepare_state(build, generators, contents: list) -> None:
    """Record the site's languages, their words and names, homes and menus."""
    state, settings, options = build.translations, build.settings, build.options
    state.default = settings.get("DEFAULT_LANG") or "en"
    languages = {getattr(page, "lang", state.default) for page in contents}
    state.languages = [state.default, *sorted(languages - {state.default})]
    state.words = {state.default: dict(options["words"]), **options["language_words"]}
    state.names = {lang: state.words.get(lang, {}).get("language_name", lang) for lang in languages}
    state.names[state.default] = options["words"]["language_name"]
    state.homes = {}
    if "index" in settings.get("DIRECT_TEMPLATES", ()):
        # A language the site has words for gets a home page.
        state.homes[state.default] = settings.get("INDEX_SAVE_AS") or "index.html"
        others = [lang for lang in state.languages[1:] if lang in state.words]
        state.homes.update({lang: f"{lang}/index.html" for lang in others})
    menu = generators[0].context.get("HANDBOOK_MENU", [])
    state.menus = {lang: [version_in(p, lang) or p for p in menu] for lang in state.languages}


def apply_translations(build, generators, contents: list) -> None:
    """Compare each translation with its source, keep links in language, give pages their switch."""
    _prepare_state(build, generators, contents)
    state = build.translations
    translations = {
        id(page) for g in generators for kind in _TRANSLATIONS for page in getattr(g, kind, [])
    }
    generated = generators[0].context.get("generated_content", {})
    for page in contents:
        outdated, source = {}, None
        if id(page) in translations:
            source = next((t for t in page.translations if id(t) not in translations), None)
            if source is not None:
                outdated = compare(build, source, page)
                page.handbook_translation = _source_date(build, page, build.options["date_format"])
        if RECORD_MARKER in (getattr(page, "_content", "") or ""):
            source_lang = source.lang if source is not None else state.default
            _fill_markers(page, outdated, state.words_of(page.lang), source_lang)
        if state.several:
            keep_links_in_language(page, generated)
            page.handbook_languages = _switch(state, page)
    if state.several and build.on("printouts"):
        from ..printouts.marks import stamp_print_marks  # the printouts import the build

        for lang in state.languages[1:]:
            stamp_print_marks([p for p in contents if p.lang == lang], state.words_of(lang))
    speak(build, generators[0].context, state.default)


def speak(build, context: dict, lang: str, switch: list | None = None) -> None:
    """Have every template and script read `lang`'s words and menu, from here on."""
    state = build.translations
    if not state.languages:
        # The pages were never looked at (a build that stopped early): nothing to say.
        return
    # The one dict every template reads (macros imported without context too):
    # filled in place with this language's words.
    words = build.options["words"]
    chosen = state.words_of(lang)
    if chosen is not words:
        words.clear()
        words.update(chosen)
    context["HANDBOOK_SCRIPT_WORDS"] = {key: words[key] for key in SCRIPT_WORDS}
    context["HANDBOOK_LANG"] = lang
    context["HANDBOOK_DIR"] = text_direction(lang)
    context["HANDBOOK_LANGUAGES"] = home_switch(state, lang) if switch is None else switch
    context["HANDBOOK_HOME"] = state.homes.get(lang, state.homes.get(state.default, "index.html"))
    # What the home pages are written as (`page_name`), for their alternates.
    context["HANDBOOK_HOMES"] = [home.rsplit(".", 1)[0] for home in state.homes.values()]
    if lang in state.menus:
        context["HANDBOOK_MENU"] = state.menus[lang]


@contextmanager
def speaking(build, context: dict, lang: str):
    """Speak `lang` while writing what is not a page (the printouts), then the site's language."""
    speak(build, context, lang)
    try:
        yield
    finally:
        speak(build, context, build.translations.default)


def page_writing(generator, content) -> None:
    """Speak the language of the page about to be written (page_generator_write_page)."""
    build = generator.context.get("HANDBOOK_BUILD")
    if build is not None and build.translations.several:
        lang = getattr(content, "lang", build.translations.default)
        speak(build, generator.context, lang, getattr(content, "handbook_languages", []))


def pages_written(generator, writer) -> None:
    """Write each other language's home page, then speak the site's language again."""
    build = generator.context.get("HANDBOOK_BUILD")
    if build is None or not build.translations.several:
        return
    state, settings = build.translations, generator.settings
    homes = {lang: home for lang, home in state.homes.items() if lang != state.default}
    template = generator.get_template("index") if homes else None
    articles = generator.context.get("articles", [])
    for lang, home in homes.items():
        speak(build, generator.context, lang)
        # A theme's index.html may page through the articles (Pelican's own
        # reads `articles_page`): this language's, as Pelican gives the site's.
        own = [a for a in articles if a.lang == lang]
        own += [t for a in articles for t in a.translations if t.lang == lang]
        writer.write_file(
            home,
            template,
            generator.context,
            relative_urls=settings.get("RELATIVE_URLS", False),
            paginated={"articles": own, "dates": own},
            template_name="index",
            url=home,
            page_name=home.rsplit(".", 1)[0],
        )
    speak(build, generator.context, state.default)
