"""Build cost of the handbook against stock Pelican, and its growth with size (make bench).

Generates sites of 100 and 1000 pages (3 checklists of 8 items and 20
cross-links with anchors on each page), builds each with stock Pelican (no
plugins, default theme, the same Markdown settings) and with ours (our
plugins and theme, problems fatal), alternating the runs, and reports the
median of RUNS (CPU seconds) and their ratio; each run's own ratio is printed
too, to show how much the machine varies. Also times the real site, and its
warm rebuild: a build with nothing changed, after one that filled the caches
(Pelican's CACHE_PATH, kept between builds as `make html` keeps it), into a
fresh output folder as `make html` builds, against stock building the same
documents. Our plugins' bytecode is written first, as Pelican's was when it
was installed. The last line is machine-readable:

    bench: site_build_s=<median> stock_ratio_1000=<ours/stock> scale_1000_over_100=<ours>
    warm_rebuild_ratio=<ours/stock>

(one line, wrapped here).
"""

from __future__ import annotations

import compileall
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIZES = (100, 1000)
# Five, not three: CPU times on a shared machine vary by up to 30% from run
# to run, and the median of five is steadier.
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
CHECKLISTS, ITEMS, LINKS = 3, 8, 20

# Both builds read the same settings; only plugins and theme differ.
COMMON = """
import sys
sys.path.insert(0, {root!r})
from pelicanconf import *  # noqa
PATH = {content!r}
# The real site's documents are not in a generated one; its first three pages are.
MENU_PAGES = ["procedure-0", "procedure-1", "procedure-2"]
"""
# Stock's theme would list all 1000 pages in every page's menu (quadratic
# output); without it, stock is the harder baseline to beat.
STOCK = "PLUGINS = []\nTHEME = 'notmyidea'\nDISPLAY_PAGES_ON_MENU = False\n"
OURS = "THEME = {theme!r}\nHANDBOOK_FAIL_ON_PROBLEMS = True\n"


def page_text(number: int, pages: int) -> str:
    """Return the Markdown of generated page `number`: checklists, then links."""
    # No pocket cards, so these figures are the cost per page of reading,
    # checking and writing. The cards are not free on a large site: every
    # checklist is a face, and WeasyPrint measures and renders each (100 such
    # pages with cards took 98 s of CPU against 0.93 s without, on 2026-12-01),
    # whenever they change (a warm rebuild copies them). The real site's build
    # and warm rebuild below include its cards.
    lines = [f"Title: Procedure {number}", "Checklists: steps", "Cards: no", ""]
    lines.append(f"What to do in situation {number}, step by step.\n")
    for checklist in range(CHECKLISTS):
        lines.append(f"## Stage {checklist + 1} of procedure {number}\n")
        for item in range(ITEMS):
            lines.append(f"1. Do step {item + 1} of stage {checklist + 1}, then tell the lead")
        lines.append("")
    # In a paragraph, not a list: a list here would become a fourth checklist.
    links = []
    for link in range(LINKS):
        target = (number + 1 + link * 37) % pages
        stage = link % CHECKLISTS + 1
        anchor = f"stage-{stage}-of-procedure-{target}"
        links.append(f"[stage {stage} of {target}]({{filename}}page-{target:04d}.md#{anchor})")
    lines.append("See also " + ", ".join(links) + ".")
    return "\n".join(lines) + "\n"


def generate(folder: Path, pages: int) -> Path:
    """Write a content folder of `pages` generated pages; return it."""
    target = folder / "content" / "pages"
    target.mkdir(parents=True)
    for number in range(pages):
        (target / f"page-{number:04d}.md").write_text(page_text(number, pages), encoding="utf-8")
    return folder / "content"


def settings_file(folder: Path, content: Path, flavour: str) -> Path:
    """Write the settings of one flavour ("stock" or "ours") for `content`."""
    text = COMMON.format(root=str(ROOT), content=str(content))
    text += STOCK if flavour == "stock" else OURS.format(theme=str(ROOT / "theme"))
    path = folder / f"{flavour}conf.py"
    path.write_text(text, encoding="utf-8")
    return path


def timed_build(
    content: Path, conf: Path, output: Path, cache: Path, *, removed: bool = False
) -> float:
    """Build `content` with `conf` into a fresh `output`; return its CPU seconds.

    CPU time (user + system of the build process) rather than wall time: the
    machines that run this are often busy with other work, which stretches
    wall time but not the work the build does.

    `cache` is the build's CACHE_PATH: an empty folder gives a first build's
    cost, whatever the checkout's own cache/ holds (which stays untouched).
    Pelican empties `output` (--delete-output-directory), or with `removed`
    this removes it before the build, as `make html` does.
    """
    command = [sys.executable, "-m", "pelican", str(content), "-o", str(output)]
    command += ["-s", str(conf), "-q", "-e", f"CACHE_PATH={json.dumps(str(cache))}"]
    if removed:
        shutil.rmtree(output, ignore_errors=True)
    else:
        command.append("--delete-output-directory")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode:
        sys.exit(f"bench: build failed ({conf.name}):\n{result.stdout}{result.stderr}")
    return seconds


def report_pairs(label: str, times: dict[str, list[float]]) -> dict[str, float]:
    """Print the medians of stock's and our runs, their ratio and each run's; return the medians."""
    medians = {flavour: statistics.median(values) for flavour, values in times.items()}
    # Each run's pair of builds, back to back: their spread shows the machine's noise.
    ratios = [ours / stock for ours, stock in zip(times["ours"], times["stock"], strict=True)]
    print(
        f"{label}: stock {medians['stock']:.2f} s, ours {medians['ours']:.2f} s,"
        f" ratio {medians['ours'] / medians['stock']:.2f}"
        f" (per run: {', '.join(f'{r:.2f}' for r in ratios)})",
        flush=True,
    )
    return medians


def bench_size(folder: Path, pages: int) -> dict[str, float]:
    """Return the median build seconds of stock and ours on `pages` generated pages.

    Each run starts with empty caches: these figures are a first build's work.
    """
    content = generate(folder / str(pages), pages)
    confs = {
        flavour: settings_file(content.parent, content, flavour) for flavour in ("stock", "ours")
    }
    times: dict[str, list[float]] = {"stock": [], "ours": []}
    for run in range(RUNS):
        # Alternate which goes first, so neither always runs on a warm disk cache.
        order = ("stock", "ours") if run % 2 == 0 else ("ours", "stock")
        for flavour in order:
            output = content.parent / f"out-{flavour}"
            cache = folder / f"cache-{pages}-{flavour}-{run}"
            times[flavour].append(timed_build(content, confs[flavour], output, cache))
    return report_pairs(f"{pages:5d} pages", times)


def bench_real_site(folder: Path) -> float:
    """Return the median build seconds of the real site (make html's build), caches empty.

    Each run gets an empty CACHE_PATH of its own: a first build's cost, the
    same whatever the checkout's own cache/ folder holds (and it is left alone).
    """
    runs = [
        timed_build(
            ROOT / "content", ROOT / "pelicanconf.py", folder / "real", folder / f"real-cache-{run}"
        )
        for run in range(RUNS)
    ]
    print(
        f"real site: {statistics.median(runs):.2f} s (runs: {', '.join(f'{r:.2f}' for r in runs)})"
    )
    return statistics.median(runs)


def bench_warm_rebuild(folder: Path) -> float:
    """Return the median CPU seconds of a warm rebuild of the real site over stock's.

    Each flavour builds once untimed first, which fills its CACHE_PATH (ours
    keeps the app icons and the pocket-card PDF there); every timed build
    then goes into a fresh output folder with that cache kept, as a second
    `make html` with nothing changed does.
    """
    folder.mkdir()
    content = ROOT / "content"
    confs = {"stock": settings_file(folder, content, "stock"), "ours": ROOT / "pelicanconf.py"}
    times: dict[str, list[float]] = {"stock": [], "ours": []}
    for warming in (True, *([False] * RUNS)):
        run = len(times["ours"])
        order = ("stock", "ours") if run % 2 == 0 else ("ours", "stock")
        for flavour in order:
            output, cache = folder / f"out-{flavour}", folder / f"cache-{flavour}"
            seconds = timed_build(content, confs[flavour], output, cache, removed=True)
            if not warming:
                times[flavour].append(seconds)
    medians = report_pairs("warm rebuild", times)
    return medians["ours"] / medians["stock"]


def compile_plugins() -> None:
    """Write the bytecode of our plugins, as pip does for Pelican's modules when installed.

    Where PYTHONDONTWRITEBYTECODE is set (CI machines often set it), Python
    would otherwise compile our modules from source on every build, and only
    ours: about 0.05 s a build that no one's second build pays.
    """
    compileall.compile_dir(ROOT / "plugins", quiet=1)


def main() -> None:
    compile_plugins()
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as tmp:
        folder = Path(tmp)
        results = {pages: bench_size(folder, pages) for pages in SIZES}
        site = bench_real_site(folder)
        warm = bench_warm_rebuild(folder / "warm")
    ratio = results[1000]["ours"] / results[1000]["stock"]
    scale = results[1000]["ours"] / results[100]["ours"]
    print(f"bench: site_build_s={site:.2f} stock_ratio_1000={ratio:.2f}", end=" ")
    print(f"scale_1000_over_100={scale:.2f} warm_rebuild_ratio={warm:.2f}")


if __name__ == "__main__":
    main()
