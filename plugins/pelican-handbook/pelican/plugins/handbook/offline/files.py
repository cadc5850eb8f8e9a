"""Make the written site work offline: app icons, web app manifest, service worker.

The icons and manifest are written before the theme's links are checked
(every page links to them); the service worker last (plugin.py, finish_build
slot 3), once every other output exists, because its precache lists every
file the build wrote and its cache is named after a hash of their contents:
any change to any file gives a new cache, which reaches the phone on its next
online visit.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import jinja2

from .. import report as problems
from ..offline.icons import IconError, write_icons

SERVICE_WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
ICON_SIZES = (192, 512)
# The page's light background (theme/static/css/site.css).
BACKGROUND_COLOR = "#ffffff"


def write_app_files(pelican) -> None:
    """Write the app icons and the manifest every page links to."""
    settings = pelican.settings
    output = Path(pelican.output_path)
    source = Path(settings["THEME"]) / "static" / "img" / "favicon.svg"
    folder = output / settings.get("THEME_STATIC_DIR", "theme") / "img"
    # Pelican's CACHE_PATH, relative to the current folder like Pelican's own.
    cache = Path(settings.get("CACHE_PATH") or "cache") / "handbook"
    try:
        icons = write_icons(source, folder, ICON_SIZES, cache)
    except (IconError, OSError) as error:
        problems.add(str(source), 1, f"cannot draw the app icons: {error}")
        icons = {}
    write_manifest(output, settings, {size: p.relative_to(output) for size, p in icons.items()})


def write_service_worker(pelican) -> None:
    """Write sw.js at the site's root, precaching every file the build wrote."""
    output = Path(pelican.output_path)
    template = Path(pelican.settings["THEME"]) / "templates" / SERVICE_WORKER
    if not template.is_file():
        problems.add(str(template), 1, "the service worker template is missing")
        return
    files = precache_list(output)
    script = render_service_worker(template.read_text(encoding="utf-8"), files, output)
    (output / SERVICE_WORKER).write_text(script, encoding="utf-8")


def precache_list(output: Path) -> list[str]:
    """Return every file of the site, relative to its root, in a stable order."""
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


def content_hash(output: Path, files: list[str]) -> str:
    """Return a short hash of the names and contents of `files`."""
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0")
        digest.update((output / name).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def render_service_worker(template: str, files: list[str], output: Path) -> str:
    """Return the service worker with its precache list and version filled in."""
    return jinja2.Template(template, keep_trailing_newline=True).render(
        version=content_hash(output, files), precache=files
    )


def write_manifest(output: Path, settings: dict, icons: dict[int, Path]) -> None:
    """Write the web app manifest that lets staff add the site to a home screen."""
    organization = settings.get("ORGANIZATION", settings.get("SITENAME", "Handbook"))
    options = settings.get("HANDBOOK", {})
    manifest = {
        "name": settings.get("SITENAME", organization),
        "short_name": settings.get("HANDBOOK_SHORT_NAME", organization),
        "description": options.get("app_description") or settings.get("SITENAME", organization),
        # Relative to the manifest, so the site works from any sub-path.
        "start_url": "index.html",
        "scope": "./",
        "display": "standalone",
        "theme_color": options.get("theme_color", "#ffffff"),
        "background_color": BACKGROUND_COLOR,
        "icons": [
            {"src": icon.as_posix(), "sizes": f"{size}x{size}", "type": "image/png"}
            for size, icon in icons.items()
        ],
    }
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    (output / MANIFEST).write_text(text, encoding="utf-8")
