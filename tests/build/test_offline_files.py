"""What the build writes for offline use: service worker, manifest, icons, build date."""

from __future__ import annotations

import json
import re
import shutil
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from handbook_site.site import give_site_parts
from pelican.plugins.handbook.build import start_build
from pelican.plugins.handbook.offline.files import write_service_worker
from pelican.plugins.handbook.offline.icons import cache_key
from pelican.settings import read_settings
from PIL import Image

from tests.helpers import FIXTURE_ORGANIZATION, HANDBOOK, ROOT, build_handbook, run_pelican


def service_worker_constants(site: Path) -> tuple[str, list[str]]:
    script = (site / "sw.js").read_text(encoding="utf-8")
    version = re.search(r"^const VERSION = (.+);$", script, re.M).group(1)
    precache = re.search(r"^const PRECACHE = (\[.*?\]);$", script, re.M | re.S).group(1)
    return json.loads(version), json.loads(precache)


def site_files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def test_the_precache_lists_every_file_of_the_site(site):
    _, precache = service_worker_constants(site)
    expected = [name for name in site_files(site) if name != "sw.js"]
    assert sorted(precache) == expected
    # The pages staff need offline, the print outputs and the icons are among them.
    for name in ("conduct-staff-procedure.html", "index.html", "theme/img/icon-512.png"):
        assert name in precache


# 2026-11-25 03:00 UTC, which is still 24 November at the event (the site's TIMEZONE).
STAMPED_EPOCH = 1795575600


@pytest.fixture(scope="module")
def stamped(tmp_path_factory) -> Path:
    """The fixture handbook built as a reproducible build of STAMPED_EPOCH."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(STAMPED_EPOCH))
        return build_handbook(tmp_path_factory.mktemp("stamped") / "out")


def test_the_cache_is_named_after_the_content(stamped, tmp_path, monkeypatch):
    # Rebuilding unchanged content keeps the cache name: phones fetch nothing new.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(STAMPED_EPOCH))
    first = stamped
    second = build_handbook(tmp_path / "second")
    version, files = service_worker_constants(first)
    assert service_worker_constants(second)[0] == version
    # One changed byte in any file a phone keeps gives a new cache name, so
    # the phone fetches the new copy on its next online visit.
    settings = read_settings(str(ROOT / "pelicanconf.py"), override=FIXTURE_ORGANIZATION)
    worker = SimpleNamespace(output_path=str(second), settings=settings)
    # As Pelican starts: the site plugin gives the theme's words, then the build starts.
    give_site_parts(worker)
    build = start_build(settings)
    for name in files:
        path = second / name
        original = path.read_bytes()
        changed = bytearray(original or b"\0")
        changed[len(changed) // 2] ^= 1
        path.write_bytes(bytes(changed))
        write_service_worker(build, worker)
        assert service_worker_constants(second)[0] != version, name
        path.write_bytes(original)
    write_service_worker(build, worker)
    assert service_worker_constants(second)[0] == version


def test_every_page_links_the_manifest_and_shows_the_build_date(stamped):
    # The date shown is the event's, not the server's.
    site = stamped
    zone = ZoneInfo(FIXTURE_ORGANIZATION["TIMEZONE"])
    day = datetime.fromtimestamp(STAMPED_EPOCH, zone).date().isoformat()
    assert day == "2026-11-24"
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        manifest = soup.find("link", rel="manifest")
        assert manifest and (page.parent / manifest["href"]).resolve().is_file(), page.name
        assert soup.find("meta", attrs={"name": "theme-color"}), page.name
        stamp = soup.select("footer time")[-1]
        assert stamp["datetime"] == day, page.name
        assert "Built on " + day in stamp.parent.get_text(" ", strip=True), page.name


def test_the_manifest_lets_staff_add_the_site_to_a_home_screen(site):
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == FIXTURE_ORGANIZATION["SITENAME"]
    assert manifest["short_name"] == FIXTURE_ORGANIZATION["HANDBOOK"]["short_name"]
    assert manifest["display"] == "standalone"
    assert (site / manifest["start_url"]).is_file()
    sizes = {}
    for icon in manifest["icons"]:
        with Image.open(site / icon["src"]) as image:
            sizes[icon["sizes"]] = image.size
    assert sizes == {"192x192": (192, 192), "512x512": (512, 512)}


BLUE = (0x0B, 0x57, 0xA4, 255)
# The tests of the icons and of the date build without pocket cards: their
# PDFs are most of a build's time, and these tests do not look at them.
WITHOUT_CARDS = {**FIXTURE_ORGANIZATION["HANDBOOK"], "printouts": False}


@pytest.fixture(scope="module")
def drawn(tmp_path_factory) -> tuple[Path, Path]:
    """The fixture handbook built with an empty icon cache, and that cache."""
    folder = tmp_path_factory.mktemp("drawn")
    # Not the shared `site`: it may have copied icons cached by an older drawing.
    cache = folder / "pelican-cache"
    settings = {"CACHE_PATH": str(cache), "HANDBOOK": WITHOUT_CARDS}
    return build_handbook(folder / "out", settings=settings), cache


@pytest.mark.parametrize("size", [192, 512])
def test_the_icons_are_drawn_from_the_svg_logo(drawn, size):
    site, _ = drawn
    with Image.open(site / f"theme/img/icon-{size}.png") as image:
        assert (image.format, image.size) == ("PNG", (size, size))
        icon = image.convert("RGBA")

    def at(x: float, y: float) -> tuple:  # in the logo's 64-unit viewBox
        return icon.getpixel((int(x * size / 64), int(y * size / 64)))

    # Blue tile, white shield, blue check mark, transparent rounded corners.
    assert at(3, 32) == BLUE
    assert at(32, 15) == (255, 255, 255, 255)
    assert at(29, 39) == BLUE  # the check's corner
    assert at(0, 0)[3] == at(63.9, 63.9)[3] == 0
    middle = icon.crop((size // 4, size // 4, 3 * size // 4, 3 * size // 4))
    colors = {color for _, color in middle.getcolors(size * size)}
    assert BLUE in colors and (255, 255, 255, 255) in colors
    # Anti-aliased: the shield's edge blends white into blue, and the tile's
    # rounded corner fades out, rather than jumping from one to the other.
    assert len(colors) > 20
    corner = icon.crop((0, 0, size // 8, size // 8)).getchannel("A")
    assert sum(corner.histogram()[1:255]) > size // 16


def test_the_build_keeps_the_icons_in_pelicans_cache(drawn):
    site, cache = drawn
    logo = (ROOT / "theme/static/img/favicon.svg").read_bytes()
    for size in (192, 512):
        cached = cache / "handbook" / f"icon-{size}-{cache_key(logo, size)}.png"
        assert cached.read_bytes() == (site / f"theme/img/icon-{size}.png").read_bytes()


def test_a_logo_the_icons_cannot_be_drawn_from_fails_the_build(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    (theme / "static/img/favicon.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><image href="x.png"/></svg>'
    )
    settings = {"THEME": str(theme), "HANDBOOK": WITHOUT_CARDS}
    result = run_pelican(tmp_path / "out", content=HANDBOOK, settings=settings)
    assert result.returncode == 1
    assert "favicon.svg:1: cannot draw the app icons: <image> links to 'x.png'" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_build_date_follows_its_setting_and_source_date_epoch(tmp_path, monkeypatch):
    # 2026-11-25 12:00 UTC: reproducible builds stamp their source's date.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795608000")
    handbook = {**WITHOUT_CARDS, "date_format": "%d %B %Y"}
    out = build_handbook(tmp_path / "out", settings={"HANDBOOK": handbook})
    soup = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    stamp = soup.select_one("footer time")
    assert (stamp.get_text(), stamp["datetime"]) == ("25 November 2026", "2026-11-25")
