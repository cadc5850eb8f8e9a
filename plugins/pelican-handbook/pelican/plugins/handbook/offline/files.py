"""Make the written site work offline: app icons, web app manifest, service worker.

The icons and manifest are written before the theme's links are checked
(every page links to them); the service worker last, once every other output
exists, because its precache lists the files the build wrote and its cache
is named after a hash of their contents: any change to any of them gives a
new cache, which reaches the phone on its next online visit.

Every page says which build it is of, in the JSON block handbook/offline.html
writes: the build's version (the cache's name) and time, filled in here over
the template's placeholders once the version is known. The hash reads pages
with those values blanked, so writing them changes nothing it covers.

The precache holds at most HANDBOOK["offline_max_bytes"]: the theme's files
and the manifest first (every page needs them), then the pages, then every
other file (images, PDFs). A file that does not fit is left out, smaller ones
after it still go in, and the build says in one line what was left out.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from datetime import timezone
from pathlib import Path

import jinja2

from ..dates import build_time
from ..language import text_direction
from ..template_lines import template_line
from .icons import IconError, write_icons

SERVICE_WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
ICON_SIZES = (192, 512)
PACKAGE = Path(__file__).resolve().parent.parent
# The icon a theme without its own logo (static/img/favicon.svg) gets.
DEFAULT_ICON = PACKAGE / "static" / "handbook" / "icon.svg"
# The block of handbook/offline.html, and its build values as it writes them:
# placeholders of the same length as what replaces them (a 16-digit hash, a
# UTC time to the second), so no file changes size once stamped.
_BLOCK = b'id="handbook-service-worker">'
_VERSION = re.compile(rb'"version": "[0-9a-f]{16}"')
_BUILT = re.compile(rb'"built": "[0-9TZ:-]{20}"')
_BLANK_VERSION = b"0" * 16
_BLANK_BUILT = b"0000-00-00T00:00:00Z"


def _theme_file(settings: dict, *parts: str) -> Path | None:
    """Return a file of the theme, if the theme has it."""
    path = Path(settings["THEME"]).joinpath(*parts)
    return path if path.is_file() else None


def write_app_files(build, pelican) -> None:
    """Write the app icons and the manifest every page links to."""
    settings = pelican.settings
    output = Path(pelican.output_path)
    source = _theme_file(settings, "static", "img", "favicon.svg") or DEFAULT_ICON
    folder = output / settings.get("THEME_STATIC_DIR", "theme") / "img"
    # Pelican's CACHE_PATH, relative to the current folder like Pelican's own.
    cache = Path(settings.get("CACHE_PATH") or "cache") / "handbook"
    try:
        icons = write_icons(source, folder, ICON_SIZES, cache)
    except (IconError, OSError) as error:
        build.report.problem(str(source), 1, f"cannot draw the app icons: {error}")
        icons = {}
    icons = {size: path.relative_to(output) for size, path in icons.items()}
    write_manifest(output, settings, build.options, icons)


def write_service_worker(build, pelican) -> None:
    """Write sw.js at the site's root, precaching the files the build wrote, up to the limit."""
    output = Path(pelican.output_path)
    # A theme may bring its own handbook/sw.js; the plugin's is the default.
    template = _theme_file(pelican.settings, "templates", "handbook", SERVICE_WORKER)
    template = template or PACKAGE / "templates" / "handbook" / SERVICE_WORKER
    theme = pelican.settings.get("THEME_STATIC_DIR", "theme")
    limit = build.options["offline_max_bytes"]
    every = precache_list(output)
    files, left_out = within_limit(output, every, limit, theme)
    if left_out:
        build.report.note(left_out_line(output, files, left_out, limit))
    version = content_hash(output, files)
    built = build_time(pelican.settings).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    stamp_pages(output, every, version, built)
    try:
        script = render_service_worker(template.read_text(encoding="utf-8"), files, version)
    except jinja2.TemplateError as error:
        _, line = template_line(error)
        build.report.problem(str(template), line, f"template error: {error}")
        return
    (output / SERVICE_WORKER).write_text(script, encoding="utf-8")


def precache_list(output: Path) -> list[str]:
    """Return every file of the site but sw.js, relative to its root, in a stable order."""
    files = []
    # os.walk rather than Path.rglob: a large site has thousands of files, and
    # this walk only needs their names.
    for folder, folders, names in os.walk(output):
        folders[:] = [name for name in folders if not name.startswith(".")]
        relative = os.path.relpath(folder, output).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        files.extend(prefix + name for name in names if not name.startswith("."))
    # Sorted folder by folder, as paths sort: "a/b" before "a-b".
    return sorted((name for name in files if name != SERVICE_WORKER), key=lambda n: n.split("/"))


def _precache_rank(name: str, theme: str) -> tuple:
    """Return where a file comes in the precache: theme files, pages, the rest; shallow first."""
    if name == MANIFEST or name.startswith(theme + "/"):
        kind = 0
    elif name.endswith((".html", ".htm")):
        kind = 1
    else:
        kind = 2
    return kind, name.count("/"), name.split("/")


def within_limit(
    output: Path, files: list[str], limit: int, theme: str = "theme"
) -> tuple[list[str], list[str]]:
    """Return the files kept within `limit` bytes (in `files`' order), and those left out."""
    room, kept, left_out = limit, set(), []
    for name in sorted(files, key=lambda name: _precache_rank(name, theme)):
        size = (output / name).stat().st_size
        if size <= room:
            kept.add(name)
            room -= size
        else:
            left_out.append(name)
    return [name for name in files if name in kept], left_out


def _size(size: int) -> str:
    """Return a size in bytes for people: "12.3 MB", or "340 kB" below a megabyte."""
    return f"{size / 1e6:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1e3))} kB"


def left_out_line(output: Path, kept: list[str], left_out: list[str], limit: int) -> str:
    """Return the one line that says which files the offline copy leaves out, and why."""
    sizes = {name: (output / name).stat().st_size for name in left_out}
    total = sum((output / name).stat().st_size for name in kept) + sum(sizes.values())
    largest = sorted(left_out, key=lambda name: (-sizes[name], name))
    what = f"{largest[0]} ({_size(sizes[largest[0]])})"
    if len(largest) > 1:
        *first, last = largest[:3]
        named = f"{', '.join(first)} and {last}"
        what = f"{len(largest):,} files ({_size(sum(sizes.values()))}), the largest {named},"
    return (
        f"the site is {_size(total)}, more than HANDBOOK['offline_max_bytes']"
        f" ({_size(limit)}): {what} left out of the offline copy"
    )


def _is_page(name: str) -> bool:
    return name.endswith((".html", ".htm"))


def stamped(page: bytes, version: bytes = _BLANK_VERSION, built: bytes = _BLANK_BUILT) -> bytes:
    """Return a page with the build's version and time in its block (blank by default)."""
    start = page.find(_BLOCK)
    if start < 0:
        return page
    end = page.find(b"</script>", start)
    block = _VERSION.sub(b'"version": "' + version + b'"', page[start:end], count=1)
    block = _BUILT.sub(b'"built": "' + built + b'"', block, count=1)
    return page[:start] + block + page[end:]


def stamp_pages(output: Path, files: list[str], version: str, built: str) -> None:
    """Write the build's version and time into every page that has the block."""
    for name in filter(_is_page, files):
        page = (output / name).read_bytes()
        changed = stamped(page, version.encode(), built.encode())
        if changed != page:
            (output / name).write_bytes(changed)


def content_hash(output: Path, files: list[str]) -> str:
    """Return a short hash of the names and contents of `files` (pages with their block blank)."""
    digest = hashlib.sha256()
    for name in files:
        data = (output / name).read_bytes()
        digest.update(name.encode() + b"\0")
        digest.update((stamped(data) if _is_page(name) else data) + b"\0")
    return digest.hexdigest()[:16]


def render_service_worker(template: str, files: list[str], version: str) -> str:
    """Return the service worker with its precache list and version filled in."""
    return jinja2.Template(template, keep_trailing_newline=True).render(
        version=version, precache=files
    )


def write_manifest(output: Path, settings: dict, options: dict, icons: dict[int, Path]) -> None:
    """Write the web app manifest that lets staff add the site to a home screen."""
    name = settings.get("SITENAME", "Handbook")
    lang = settings.get("DEFAULT_LANG") or "en"
    manifest = {
        "name": name,
        "lang": lang,
        "dir": text_direction(lang),
        "short_name": options["short_name"] or name,
        "description": options["app_description"] or name,
        # Relative to the manifest, so the site works from any sub-path.
        "start_url": "index.html",
        "scope": "./",
        "display": "standalone",
        "theme_color": options["theme_color"],
        "background_color": options["background_color"],
        "icons": [
            {"src": icon.as_posix(), "sizes": f"{size}x{size}", "type": "image/png"}
            for size, icon in icons.items()
        ],
    }
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    (output / MANIFEST).write_text(text, encoding="utf-8")
