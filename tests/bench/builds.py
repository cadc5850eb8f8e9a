"""One Pelican build in a process of its own: its CPU time, peak memory and the problems it logs."""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# What the plugin logs (report.py): `path:line: message` (or `path: message`),
# "  ... and N more like this in M files" after a repeated one, and a total.
PROBLEM = re.compile(r"(?P<path>[^\s:]+[./][^\s:]+)(?::\d+)?: (?P<message>.+)")
MORE = re.compile(r"\s+\.\.\. and (\d+) more like this")
TOTAL = re.compile(r"handbook: (\d+) problems? found")


@dataclass
class Build:
    """What one build cost, and the problems the plugin reported in it."""

    cpu: float  # seconds, user + system
    memory: float  # peak resident set, MiB
    problems: int = 0
    # Each distinct message, in the order logged, with how often it was found.
    messages: dict[str, int] = field(default_factory=dict)


def read_problems(log: str) -> tuple[int, dict[str, int]]:
    """Return the plugin's problem total in `log`, and each distinct message with its count."""
    total, messages, last = 0, {}, None
    for line in log.splitlines():
        if found := TOTAL.fullmatch(line):
            total = int(found[1])
        elif (more := MORE.match(line)) and last:
            messages[last] += int(more[1])
        elif problem := PROBLEM.fullmatch(line):
            message = problem["message"]
            if not message.startswith("warning: "):
                messages[message] = messages.get(message, 0) + 1
                last = message
    return total, messages


def run_build(
    content: Path,
    conf: Path,
    output: Path,
    cache: Path,
    *,
    removed: bool = False,
    quiet: bool = True,
) -> Build:
    """Build `content` with `conf` into a fresh `output` in a new process; return its cost.

    CPU time (user + system of the build process) rather than wall time: the
    machines that run this are often busy with other work, which stretches
    wall time but not the work the build does. os.wait4 gives the figures of
    this one child, peak memory included, whatever else this process ran.

    `cache` is the build's CACHE_PATH: an empty folder gives a first build's
    cost, whatever the checkout's own cache/ holds (which stays untouched).
    Pelican empties `output` (--delete-output-directory), or with `removed`
    this removes it before the build, as `make html` does. Without `quiet`,
    the plugin's problems are logged even when they do not fail the build.
    """
    command = [sys.executable, "-m", "pelican", str(content), "-o", str(output)]
    command += ["-s", str(conf), "-e", f"CACHE_PATH={json.dumps(str(cache))}"]
    # As the Makefile runs it: each problem on a line of its own.
    command += ["--log-handler", "plain"]
    command += ["-q"] if quiet else []
    if removed:
        shutil.rmtree(output, ignore_errors=True)
    else:
        command.append("--delete-output-directory")
    # Files, not pipes: a build that logs thousands of problems would fill a
    # pipe that nobody reads until the build ends.
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        log = out.read().decode("utf-8", "replace") + err.read().decode("utf-8", "replace")
    if process.returncode:
        sys.exit(f"bench: build failed ({conf.name}):\n{log}")
    total, messages = read_problems(log)
    # ru_maxrss is in KiB on Linux.
    return Build(usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, total, messages)


def median(builds: list[Build], figure: str) -> float:
    """Return the median of one figure ("cpu" or "memory") of `builds`."""
    return statistics.median(getattr(build, figure) for build in builds)


def report_pairs(label: str, builds: dict[str, list[Build]]) -> dict[str, float]:
    """Print the medians of stock's and our builds, their ratios and each run's; return them.

    The result holds "stock" and "ours" (median CPU seconds), "cpu" and
    "memory" (the ratios of the medians, ours over stock).
    """
    cpu = {flavour: median(runs, "cpu") for flavour, runs in builds.items()}
    memory = {flavour: median(runs, "memory") for flavour, runs in builds.items()}
    # Each run's pair of builds, back to back: their spread shows the machine's noise.
    ratios = [
        ours.cpu / stock.cpu for ours, stock in zip(builds["ours"], builds["stock"], strict=True)
    ]
    figures = {
        **cpu,
        "cpu": cpu["ours"] / cpu["stock"],
        "memory": memory["ours"] / memory["stock"],
    }
    print(
        f"{label}: CPU stock {cpu['stock']:.2f} s, ours {cpu['ours']:.2f} s,"
        f" ratio {figures['cpu']:.2f} (per run: {', '.join(f'{r:.2f}' for r in ratios)});"
        f" peak memory stock {memory['stock']:.0f} MiB, ours {memory['ours']:.0f} MiB,"
        f" ratio {figures['memory']:.2f}",
        flush=True,
    )
    return figures


def alternate(runs: int, build) -> dict[str, list[Build]]:
    """Call `build(flavour, run)` for stock and ours `runs` times; return the builds by flavour.

    Which goes first alternates, so neither always runs on a warm disk cache.
    """
    builds: dict[str, list[Build]] = {"stock": [], "ours": []}
    for run in range(runs):
        for flavour in ("stock", "ours") if run % 2 == 0 else ("ours", "stock"):
            builds[flavour].append(build(flavour, run))
    return builds
