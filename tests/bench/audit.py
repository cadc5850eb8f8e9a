"""Lighthouse scores of the staff page, in mobile mode (make audit).

Serves the built site on 127.0.0.1, runs the Lighthouse npm package that
`make audit` installed into .audit/ with Chromium at CHROME_PATH, prints the
four category scores and exits 1 if any is below MINIMUM. On a host slower
than Lighthouse assumes (it warns so), the run is repeated with the CPU
slowdown Lighthouse's calculator gives for this host, and that run counts.

    python tests/bench/audit.py [output folder] [lighthouse binary]
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE = "conduct-staff-procedure.html"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MINIMUM = 95
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run"


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".webmanifest": "application/manifest+json",
        ".js": "text/javascript",
    }

    def log_message(self, *args):  # Lighthouse's own output is what matters
        pass


def serve(folder: Path) -> str:
    """Serve `folder` on an ephemeral port in a daemon thread; return its base URL."""
    handler = functools.partial(_Handler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


def calibrated_slowdown(benchmark_index: float) -> float:
    """Return the CPU slowdown that makes this host behave like Lighthouse's mobile.

    Lighthouse's 4x assumes a fast desktop host (benchmark index about 1500);
    on a slower or busy host it would emulate a far slower phone. The figures
    are Lighthouse's own CPU throttling calculator, linked from
    https://github.com/GoogleChrome/lighthouse/blob/main/docs/throttling.md
    """
    if benchmark_index >= 1300:
        return min(4.0, 3 + (benchmark_index - 1300) / 233)
    if benchmark_index >= 800:
        return 2 + (benchmark_index - 800) / 500
    return max(1.0, 1 + (benchmark_index - 150) / 650)


def lighthouse(binary: Path, url: str, report: Path, slowdown: float | None = None) -> dict:
    """Run Lighthouse on `url` (mobile is its default) and return its report."""
    command = [
        str(binary),
        url,
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        f"--output-path={report}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
    ]
    if slowdown is not None:
        command.append(f"--throttling.cpuSlowdownMultiplier={slowdown:.2f}")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode or not report.exists():
        sys.exit(f"audit: Lighthouse failed:\n{result.stdout}{result.stderr}")
    return json.loads(report.read_text(encoding="utf-8"))


def scores(report: dict) -> dict[str, int]:
    """Return the four category scores of a Lighthouse report, out of 100."""
    categories = report["categories"]
    return {name: round((categories[name]["score"] or 0) * 100) for name in CATEGORIES}


def audit(binary: Path, url: str, folder: Path) -> dict[str, int]:
    """Run Lighthouse, again with a calibrated CPU slowdown if the host is slow."""
    report = lighthouse(binary, url, folder / "default.json")
    index = report.get("environment", {}).get("benchmarkIndex") or 0
    print(f"Lighthouse {report['lighthouseVersion']}, host benchmark index {index:.0f}")
    result = scores(report)
    print("  default 4x CPU slowdown: " + " ".join(f"{k}={v}" for k, v in result.items()))
    if index and calibrated_slowdown(index) < 4:
        slowdown = calibrated_slowdown(index)
        result = scores(lighthouse(binary, url, folder / "calibrated.json", slowdown))
        print(f"  calibrated {slowdown:.2f}x: " + " ".join(f"{k}={v}" for k, v in result.items()))
    return result


def main() -> None:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "output"
    binary = (
        Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / ".audit/node_modules/.bin/lighthouse"
    )
    if not (output / PAGE).is_file():
        sys.exit(f"audit: no {PAGE} in {output}: run `make html` first")
    url = f"{serve(output)}/{PAGE}"
    with tempfile.TemporaryDirectory(prefix="handbook-audit-") as tmp:
        result = audit(binary, url, Path(tmp))
    low = [name for name, score in result.items() if score < MINIMUM]
    print("audit: " + " ".join(f"{name}={score}" for name, score in result.items()))
    if low:
        sys.exit(f"audit: below {MINIMUM}: {', '.join(low)}")


if __name__ == "__main__":
    main()
