"""Build cost of the handbook plugin against stock Pelican on sites like its users' (make bench).

Every build runs in a process of its own, stock's and ours alternating on the
same content; each figure is the median of several runs, with empty caches
unless said otherwise. BENCH.md says what each figure means and holds the
measured ones. The figures:

- blog: a generated blog of PAGES articles without checklists, holding the
  links real blogs have (sites.py); stock is the same blog with PLUGINS = [].
  Its CPU and peak memory ratios, and the problems the plugin reports on it
  (each of them a false alarm: the blog has no broken link).
- checklists: PAGES generated checklist pages, and PAGES / 10 for the
  growth of our build time with size; stock builds them without plugins, in
  Pelican's default theme.
- the real site: its build time (its pocket cards included), and its warm
  rebuild: a build with nothing changed, into a fresh output folder as
  `make html` builds, keeping the CACHE_PATH a first build filled, against
  stock building the same documents.

The last line holds every figure; the bench exits 1, naming each figure
that misses its target. BENCH_PAGES shrinks the sites for a quick try
(the figures' names carry the size); BENCH_RUNS sets the number of runs.
"""

from __future__ import annotations

import compileall
import os
import re
import statistics
import sys
import tempfile
from pathlib import Path

from builds import ROOT, Build, alternate, report_pairs, run_build
from sites import blog_settings_file, generate, generate_blog, settings_file

PAGES = int(os.environ.get("BENCH_PAGES", "1000"))
SMALL = max(PAGES // 10, 2)
# Five runs: CPU times on a shared machine vary by up to 30% from run to
# run, and the median of five is steadier than of three.
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
# The most each figure may be (issue 22); site_build_s has none.
TARGETS = {
    f"blog_{PAGES}_cpu": 1.2,
    f"blog_{PAGES}_memory": 1.3,
    f"blog_{PAGES}_problems": 0,
    f"checklists_{PAGES}_cpu": 1.5,
    f"checklists_{PAGES}_memory": 1.5,
    f"scale_{PAGES}_over_{SMALL}": 12,
    "warm_rebuild_ratio": 1.3,
}
# How many distinct problem messages of the blog are shown.
SHOWN = 10


def bench_checklists(folder: Path, pages: int) -> dict[str, float]:
    """Return the medians and ratios of stock's and our builds of `pages` checklist pages."""
    content = generate(folder / f"checklists-{pages}", pages)
    confs = {
        flavour: settings_file(content.parent, content, flavour) for flavour in ("stock", "ours")
    }

    def build(flavour: str, run: int) -> Build:
        output, cache = content.parent / f"out-{flavour}", content.parent / f"cache-{flavour}-{run}"
        return run_build(content, confs[flavour], output, cache)

    return report_pairs(f"checklists_{pages}", alternate(RUNS, build))


def bench_blog(folder: Path, articles: int) -> tuple[dict[str, float], Build]:
    """Return the medians and ratios of stock's and our builds of the blog, and our last build."""
    content = generate_blog(folder / "blog", articles)
    confs = {
        flavour: blog_settings_file(content.parent, content, flavour)
        for flavour in ("stock", "ours")
    }

    def build(flavour: str, run: int) -> Build:
        output, cache = content.parent / f"out-{flavour}", content.parent / f"cache-{flavour}-{run}"
        # Not quiet: the plugin logs problems that do not fail the build as errors.
        return run_build(content, confs[flavour], output, cache, quiet=False)

    builds = alternate(RUNS, build)
    return report_pairs(f"blog_{articles}", builds), builds["ours"][-1]


def show_problems(label: str, build: Build) -> None:
    """Print how many problems `build` reported, how many kinds, and the first distinct messages."""
    # A kind is a message with its quoted parts and numbers blanked: one class of false alarm.
    kinds: dict[str, int] = {}
    for message, count in build.messages.items():
        kind = re.sub(r"\d+", "N", re.sub(r"'[^']*'", "'…'", message))
        kinds[kind] = kinds.get(kind, 0) + count
    print(
        f"{label}: {build.problems} problems, {len(build.messages)} distinct messages,"
        f" {len(kinds)} kinds"
    )
    for message, count in list(build.messages.items())[:SHOWN]:
        print(f"  {count:6d} x {message}")
    if kinds:
        print(f"{label}: problems by kind:")
    for kind, count in sorted(kinds.items(), key=lambda item: -item[1]):
        print(f"  {count:6d} x {kind}")


def bench_real_site(folder: Path) -> float:
    """Return the median build seconds of the real site (make html's build), caches empty."""
    builds = [
        run_build(
            ROOT / "content", ROOT / "pelicanconf.py", folder / "real", folder / f"real-cache-{run}"
        )
        for run in range(RUNS)
    ]
    seconds = [build.cpu for build in builds]
    runs = ", ".join(f"{value:.2f}" for value in seconds)
    print(f"real site: {statistics.median(seconds):.2f} s (runs: {runs})", flush=True)
    return statistics.median(seconds)


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

    def build(flavour: str, run: int) -> Build:
        output, cache = folder / f"out-{flavour}", folder / f"cache-{flavour}"
        return run_build(content, confs[flavour], output, cache, removed=True)

    alternate(1, build)
    return report_pairs("warm rebuild", alternate(RUNS, build))["cpu"]


def compile_plugins() -> None:
    """Write the bytecode of our plugins, as pip does for Pelican's modules when installed.

    Where PYTHONDONTWRITEBYTECODE is set (CI machines often set it), Python
    would otherwise compile our modules from source on every build, and only
    ours, which no one's second build pays.
    """
    compileall.compile_dir(ROOT / "plugins", quiet=1)


def misses(figures: dict[str, float]) -> list[str]:
    """Return a sentence for each figure above its target."""
    return [
        f"{name}={figures[name]} is above its target of {most}"
        for name, most in TARGETS.items()
        if figures[name] > most
    ]


def main() -> None:
    compile_plugins()
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as tmp:
        folder = Path(tmp)
        blog, problems = bench_blog(folder, PAGES)
        show_problems(f"blog_{PAGES}", problems)
        small = bench_checklists(folder, SMALL)
        large = bench_checklists(folder, PAGES)
        site = bench_real_site(folder)
        warm = bench_warm_rebuild(folder / "warm")
    figures = {
        f"blog_{PAGES}_cpu": blog["cpu"],
        f"blog_{PAGES}_memory": blog["memory"],
        f"blog_{PAGES}_problems": problems.problems,
        f"checklists_{PAGES}_cpu": large["cpu"],
        f"checklists_{PAGES}_memory": large["memory"],
        f"scale_{PAGES}_over_{SMALL}": large["ours"] / small["ours"],
        "warm_rebuild_ratio": warm,
        "site_build_s": site,
    }
    # Judged as printed: a figure shown as 1.20 meets a target of 1.2.
    figures = {name: round(value, 2) for name, value in figures.items()}
    missed = misses(figures)
    for sentence in missed:
        print(f"bench: missed: {sentence}")
    shown = (
        f"{name}={value:.2f}" if isinstance(value, float) else f"{name}={value}"
        for name, value in figures.items()
    )
    print("bench: " + " ".join(shown), flush=True)
    if missed:
        sys.exit(1)


if __name__ == "__main__":
    main()
