"""Offline use: off unless a site asks; then a registered service worker, within a size limit."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup
from fixture_sites import TEST_DATA, copy_site
from pelican.plugins.handbook.offline.files import within_limit
from pelican.plugins.handbook.settings import check_settings

ONE_LINE_THEME = str(TEST_DATA / "one-line-theme")


def page(built, name: str) -> BeautifulSoup:
    return BeautifulSoup((built.output / name).read_text(encoding="utf-8"), "html.parser")


def scripts(built, name: str) -> list[str]:
    return [script.get("src") for script in page(built, name).select("script[src]")]


def service_worker(built, name: str) -> str | None:
    """Return the service worker a page names for checklist.js to register, if any."""
    block = page(built, name).select_one("script#handbook-service-worker")
    return None if block is None else json.loads(block.string)["url"]


def build_of(built, name: str) -> tuple[str, str]:
    """Return the build version and time a page says it is of."""
    block = json.loads(page(built, name).select_one("script#handbook-service-worker").string)
    return block["version"], block["built"]


def worker_version(built) -> str:
    script = (built.output / "sw.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"^const VERSION = (.+);$", script, re.M).group(1))


def precache(built) -> list[str]:
    script = (built.output / "sw.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"^const PRECACHE = (\[.*?\]);$", script, re.M | re.S).group(1))


def test_offline_is_off_unless_the_site_turns_it_on(build_site, tmp_path):
    built = build_site(copy_site(tmp_path), THEME=ONE_LINE_THEME)
    assert built.status == 0, built.stderr
    assert scripts(built, "pages/procedure.html") == ["/theme/handbook/checklist.js"]
    assert service_worker(built, "pages/procedure.html") is None
    assert page(built, "pages/procedure.html").select("link[rel=manifest]") == []
    for name in ("sw.js", "manifest.webmanifest"):
        assert not (built.output / name).exists(), name


def test_turned_on_every_page_registers_the_service_worker(build_site, tmp_path):
    built = build_site(copy_site(tmp_path), THEME=ONE_LINE_THEME, HANDBOOK={"offline": True})
    assert built.status == 0, built.stderr
    for name in ("index.html", "pages/procedure.html", "pages/notes.html"):
        # checklist.js registers it, on pages without checklists too.
        assert scripts(built, name) == ["/theme/handbook/checklist.js"], name
        assert service_worker(built, name) == "/sw.js", name
        # The build it is of: the worker's version (its cache's name), and when.
        version, when = build_of(built, name)
        assert version == worker_version(built), name
        assert re.fullmatch(r"20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ", when), name
        [manifest] = page(built, name).select("link[rel=manifest]")
        assert manifest["href"] == "/manifest.webmanifest"
    kept = precache(built)
    for name in ("pages/procedure.html", "theme/handbook/checklist.js", "pocket-cards.pdf"):
        assert name in kept, name


def test_without_checklists_the_script_still_comes_to_register_it(build_site, tmp_path):
    # Offline use alone, every other feature off.
    handbook = {"offline": True, "checklists": False, "link_check": False, "printouts": False}
    built = build_site(copy_site(tmp_path), THEME=ONE_LINE_THEME, HANDBOOK=handbook)
    assert built.status == 0, built.stderr
    procedure = page(built, "pages/procedure.html")
    assert scripts(built, "pages/procedure.html") == ["/theme/handbook/checklist.js"]
    assert service_worker(built, "pages/procedure.html") == "/sw.js"
    assert procedure.select("link[href$='checklist.css'], script#handbook-words") == []


def test_a_site_over_the_limit_leaves_out_what_does_not_fit_and_says_so(build_site, tmp_path):
    content = copy_site(tmp_path)
    (content / "images").mkdir()
    (content / "images" / "poster.png").write_bytes(bytes(300_000))
    handbook = {"offline": True, "printouts": False, "offline_max_bytes": 150_000}
    built = build_site(content, STATIC_PATHS=["images"], HANDBOOK=handbook)
    assert built.status == 0, built.stderr
    [line] = [line for line in built.stderr.splitlines() if "offline_max_bytes" in line]
    assert re.fullmatch(
        r"handbook: the site is \d{3} kB, more than HANDBOOK\['offline_max_bytes'\] \(150 kB\):"
        r" images/poster.png \(300 kB\) left out of the offline copy",
        line,
    ), line
    kept = precache(built)
    assert "images/poster.png" not in kept
    assert "pages/procedure.html" in kept and "theme/handbook/checklist.js" in kept


def test_the_theme_comes_first_then_pages_shallow_first_and_smaller_files_still_fit(tmp_path):
    sizes = {
        "theme/site.css": 10,
        "index.html": 50,
        "pages/staff.html": 50,
        "img/photo.png": 80,
        "img/dot.png": 5,
    }
    for name, size in sizes.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(bytes(size))
    files = sorted(sizes)
    assert within_limit(tmp_path, files, 120) == (
        ["img/dot.png", "index.html", "pages/staff.html", "theme/site.css"],
        ["img/photo.png"],
    )
    assert within_limit(tmp_path, files, 70) == (
        ["img/dot.png", "index.html", "theme/site.css"],
        ["pages/staff.html", "img/photo.png"],
    )


def test_the_limit_is_a_whole_number_of_bytes():
    _, problems = check_settings({"HANDBOOK": {"offline_max_bytes": "10 MB"}})
    assert problems == [
        ("HANDBOOK['offline_max_bytes']", "must be a whole number above 0, not '10 MB'")
    ]
