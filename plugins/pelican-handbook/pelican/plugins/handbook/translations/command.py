"""Start a translation, or refresh one translation's records once it is checked.

    python -m pelican.plugins.handbook.translations new es staff-procedure -s pelicanconf.py
    python -m pelican.plugins.handbook.translations checked content/pages/x.es.md -s pelicanconf.py

`new` writes `<source>.<lang>.md` beside the source page: its text with every
id and record in place, for a translator to put the words in. `checked`
refreshes the records of the one file it is given (never of every
translation at once): run it once that file says what its source says now.
Pages are read as a build reads them: through Jinja when jinja2content is
on, with the site's Markdown settings.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

from .drift import reworded
from .records import refresh_records, text_hash
from .skeleton import LIST_ITEM, write_skeleton

LANG_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
_LINE_MARK = re.compile(r"HANDBOOKLINE(\d+)END")


class Site:
    """A site's settings and its Markdown reader, set up as a build sets them up."""

    def __init__(self, settings_file: str):
        from pelican import Pelican
        from pelican.readers import Readers
        from pelican.settings import read_settings

        from ..handbook import begin
        from ..reader import install_reader

        pelican = Pelican(read_settings(settings_file))
        begin(pelican)
        self.settings = pelican.settings
        readers = Readers(self.settings)
        install_reader(SimpleNamespace(readers=readers, settings=self.settings))
        self.reader = readers.readers["md"]

    def read(self, path: Path) -> tuple[str, dict]:
        return self.reader.read(str(path))

    def slug_and_lang(self, path: Path) -> tuple[str, str]:
        """Return a Markdown file's slug and language as Pelican gives them, from its metadata."""
        from pelican.utils import slugify

        metadata: dict[str, str] = {}
        for line in path.read_text(encoding="utf-8").split("\n"):
            if not line.strip():
                break
            name, _, value = line.partition(":")
            metadata.setdefault(name.strip().lower(), value.strip())
        lang = metadata.get("lang") or self.settings["DEFAULT_LANG"]
        if metadata.get("slug"):
            return metadata["slug"], lang
        words = path.stem if self.settings.get("SLUGIFY_SOURCE") == "basename" else None
        subs = self.settings.get("SLUG_REGEX_SUBSTITUTIONS", [])
        return slugify(words or metadata.get("title", path.stem), regex_subs=subs), lang

    def source_of(self, slug: str) -> Path:
        """Return the source page (in DEFAULT_LANG) whose slug is `slug`."""
        for path in sorted(Path(self.settings["PATH"]).rglob("*.md")):
            if self.slug_and_lang(path) == (slug, self.settings["DEFAULT_LANG"]):
                return path
        raise SystemExit(f"no page in {self.settings['DEFAULT_LANG']} has the slug '{slug}'")

    def changed_date(self, path: Path, metadata: dict) -> str | None:
        """Return the date the page last changed, as the footer's "Procedure as of" says it."""
        from ..dates import stamp_changed_dates

        page = SimpleNamespace(metadata=metadata, source_path=str(path))
        page.modified = metadata.get("modified")
        stamp_changed_dates([page], self.settings, "%Y-%m-%d")
        return getattr(page, "handbook_changed_iso", None)


def _item_lines(site: Site, source: Path, text: str) -> list[int | None]:
    """Return the line (0-based) each checklist item of `source` starts on, in order."""
    lines = text.split("\n")
    marked = [
        f"{line} HANDBOOKLINE{index}END" if LIST_ITEM.match(line) else line
        for index, line in enumerate(lines)
    ]
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / source.name
        copy.write_text("\n".join(marked), encoding="utf-8")
        _, metadata = site.read(copy)
    found = []
    for checklist in metadata.get("handbook_checklists", []):
        for item in checklist["items"]:
            line = _LINE_MARK.search(item["text"])
            found.append(int(line.group(1)) if line else None)
    return found


def _plan(site: Site, source: Path, text: str) -> dict:
    """Return where each id and record of `source` goes (skeleton.write_skeleton's plan)."""
    from ..content import parse_fragment

    content, metadata = site.read(source)
    checklists = metadata.get("handbook_checklists", [])
    items = [item for checklist in checklists for item in checklist["items"]]
    lines = _item_lines(site, source, text)
    if len(lines) != len(items):
        lines = [None] * len(items)
    first_line = dict(zip((item["id"] for item in items), lines))
    tree = parse_fragment(content)
    headings = [e.get("id") for e in tree.iter() if e.tag in ("h1", "h2", "h3", "h4", "h5", "h6")]
    own = {div.get("id") for div in tree.iterfind(".//div[@data-checklist][@id]")}
    return {
        "headings": headings,
        "items": [(first_line[item["id"]], item["id"], item["text"]) for item in items],
        "checklists": [
            (c["kind"], c["id"], first_line[c["items"][-1]["id"]])
            for c in checklists
            if c["id"] in own and c["items"] and first_line[c["items"][-1]["id"]] is not None
        ],
    }


def new_translation(site: Site, lang: str, slug: str) -> Path:
    """Write the translation of page `slug` into `lang` beside its source; return its path."""
    source = site.source_of(slug)
    target = source.with_name(f"{source.stem}.{lang}{source.suffix}")
    if target.exists():
        raise SystemExit(f"{target} exists already: refresh its records with 'checked'")
    text = source.read_text(encoding="utf-8")
    _, metadata = site.read(source)
    plan = _plan(site, source, text)
    written, left = write_skeleton(text, lang, slug, site.changed_date(source, metadata), plan)
    target.write_text(written, encoding="utf-8")
    print(f"{target}: translate its words; keep every {{: #id ... }} as it is")
    for what in left:
        print(f"{target}: write by hand: {what}")
    return target


def checked(site: Site, path: Path) -> list[str]:
    """Refresh one translation's records from its source as it is now; return the items changed."""
    slug, lang = site.slug_and_lang(path)
    source = site.source_of(slug)
    _, ours = site.read(path)
    _, theirs = site.read(source)
    sources = {c["id"]: c for c in theirs.get("handbook_checklists", [])}
    current = {}
    for checklist in ours.get("handbook_checklists", []):
        if checklist["id"] not in sources:
            continue
        items, source_items = checklist["items"], sources[checklist["id"]]["items"]
        by_id = {item["id"]: item for item in source_items}
        translates = {**{i["id"]: i["id"] for i in items}, **reworded(items, source_items)}
        for item_id, source_id in translates.items():
            if source_id in by_id:
                current[item_id] = (source_id, text_hash(by_id[source_id]["text"]))
    text = path.read_text(encoding="utf-8")
    text, changed = refresh_records(text, current)
    date = site.changed_date(source, theirs)
    if date:
        text, count = re.subn(r"(?im)^source_date:.*$", f"Source_date: {date}", text, count=1)
        if not count:
            text = re.sub(r"(?im)^(lang:.*)$", rf"\1\nSource_date: {date}", text, count=1)
    path.write_text(text, encoding="utf-8")
    return [
        name if current[name][0] == name else f"{name} (now {current[name][0]})" for name in changed
    ]


def main(arguments: list[str] | None = None) -> int:
    """Run `new LANG SLUG` or `checked FILE`, with the site's settings file."""
    parser = argparse.ArgumentParser(prog="python -m pelican.plugins.handbook.translations")
    site_settings = argparse.ArgumentParser(add_help=False)
    site_settings.add_argument("-s", "--settings", default="pelicanconf.py", help="settings file")
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", parents=[site_settings], help="start a translation")
    new.add_argument("lang", help="its language, as Lang: writes it (es, pt-BR)")
    new.add_argument("slug", help="the slug of the page to translate")
    done = commands.add_parser(
        "checked", parents=[site_settings], help="refresh one checked translation's records"
    )
    done.add_argument("file", help="the translation's file")
    given = parser.parse_args(arguments)
    if given.command == "new" and not LANG_TAG.fullmatch(given.lang):
        parser.error(f"'{given.lang}' is no language code: make translation LANG=es PAGE=slug")
    site = Site(given.settings)
    if given.command == "new":
        new_translation(site, given.lang, given.slug)
        return 0
    path = Path(given.file)
    if not path.is_file():
        parser.error(f"no file {path}: make translation-checked FILE=content/pages/x.es.md")
    changed = checked(site, path)
    names = f": {', '.join(changed)}" if changed else ""
    print(f"{path}: {len(changed)} records refreshed{names}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
