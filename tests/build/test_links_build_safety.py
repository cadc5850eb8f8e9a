"""A failed build keeps the last good site; the development server reports and serves on."""

from __future__ import annotations

import hashlib
import os
import queue
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import yaml

from tests import helpers
from tests.helpers import FIXTURE_ORGANIZATION, HANDBOOK, ROOT

BROKEN = "Title: Broken\n\nSee [the rules]({filename}nowhere.md).\n"
PROBLEM = "content/pages/broken.md:3: link target '{filename}nowhere.md' does not exist"


def project_copy(folder: Path) -> Path:
    """Copy the project (not its output) to `folder`, sharing the virtualenv.

    Its content is the fixture handbook, and its pelicanconf.py ends with the
    fixture organization's settings, as a fork's first block would hold them.
    """
    for name in ("Makefile", "pelicanconf.py", "publishconf.py", "requirements.txt"):
        # copy2 keeps the modification time, so make sees the venv as up to date.
        shutil.copy2(ROOT / name, folder / name)
    for name in ("theme", "plugins", "scripts"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(HANDBOOK, folder / "content")
    settings = "".join(f"{name} = {value!r}\n" for name, value in FIXTURE_ORGANIZATION.items())
    with (folder / "pelicanconf.py").open("a", encoding="utf-8") as conf:
        conf.write(f"\n# The fixture organization (tests/helpers.py).\n{settings}")
    (folder / ".venv").symlink_to(ROOT / ".venv")
    # Pelican's cache/ (where `make html` keeps the rendered card PDFs), shared
    # with the session's other builds, as one checkout keeps it across builds.
    if helpers.CACHE_PATH is not None:
        (folder / "cache").symlink_to(helpers.CACHE_PATH)
    return folder


def make(folder: Path, *targets: str, **variables: str) -> subprocess.CompletedProcess:
    # -o: never reinstall requirements from a test, whatever their dates.
    command = ["make", "-o", str(folder / ".venv" / ".site-requirements"), *targets]
    command += [f"{name}={value}" for name, value in variables.items()]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(command, cwd=folder, capture_output=True, text=True, env=env)


def snapshot(folder: Path) -> dict[str, str]:
    """Return a digest of every file under `folder`, by relative path."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_a_failed_build_leaves_the_last_good_output_as_it_was(tmp_path):
    project = project_copy(tmp_path)
    good = make(project, "html")
    assert good.returncode == 0, good.stdout + good.stderr
    before = snapshot(project / "output")
    assert "index.html" in before and "conduct-staff-procedure.html" in before

    (project / "content" / "pages" / "broken.md").write_text(BROKEN, encoding="utf-8")
    for target in ("html", "publish"):
        failed = make(project, target)
        assert failed.returncode != 0, target
        assert PROBLEM in failed.stderr, target
        assert "Traceback" not in failed.stdout + failed.stderr, target
        assert snapshot(project / "output") == before, target


def test_a_draft_article_without_a_category_builds_with_the_sites_own_settings(tmp_path):
    # The site writes no category pages (CATEGORY_SAVE_AS = ""), and Pelican
    # then gives an article no category, and failed writing it.
    project = project_copy(tmp_path)
    articles = project / "content" / "articles"
    articles.mkdir()
    (articles / "draft.md").write_text("Title: Next year\nStatus: draft\n\nSoon.\n")
    built = make(project, "html")
    assert built.returncode == 0, built.stdout + built.stderr
    assert "Traceback" not in built.stdout + built.stderr
    assert (project / "output" / "drafts" / "next-year.html").is_file()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def read_lines(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line)


def wait_for_line(lines: queue.Queue, text: str, seen: list[str], limit: float) -> bool:
    """Read the server's output until a line holds `text`; False if it never comes."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        seen.append(line)
        if text in line:
            return True
    return False


def fetch(url: str, limit: float) -> bytes:
    """Fetch `url`, retrying while the server starts; raise the last error if it never does."""
    deadline = time.monotonic() + limit
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_the_devserver_reports_problems_and_keeps_serving(tmp_path):
    project = project_copy(tmp_path)
    (project / "content" / "pages" / "broken.md").write_text(BROKEN, encoding="utf-8")
    port = free_port()
    server = subprocess.Popen(
        ["make", "-o", str(project / ".venv" / ".site-requirements"), "devserver", f"PORT={port}"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=read_lines, args=(server.stdout, lines), daemon=True).start()
    seen: list[str] = []
    try:
        assert wait_for_line(lines, PROBLEM, seen, limit=120), "".join(seen)
        page = fetch(f"http://127.0.0.1:{port}/conduct-staff-procedure.html", limit=60)
        assert b"Staff Procedure For Incident Response" in page
        assert FIXTURE_ORGANIZATION["CONDUCT_EMAIL"].encode() in page
        assert server.poll() is None, "the development server stopped"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    assert "Traceback" not in "".join(seen)


def test_the_publishing_workflow_runs_make_publish_which_writes_the_site(tmp_path):
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())
    steps = workflow["jobs"]["build"]["steps"]
    commands = [step["run"] for step in steps if "run" in step]
    assert commands == ['make publish SITEURL="${{ steps.pages.outputs.base_url }}"']
    # What the upload step publishes is what that command writes.
    upload = next(step for step in steps if "upload-pages-artifact" in step.get("uses", ""))
    assert upload["with"]["path"] == "output"
    # The history the dates come from.
    checkout = next(step for step in steps if "checkout" in step.get("uses", ""))
    assert checkout["with"]["fetch-depth"] == 0
    project = project_copy(tmp_path)
    done = make(project, "publish", SITEURL="https://conduct.example.net/handbook")
    assert done.returncode == 0, done.stdout + done.stderr
    for name in ("index.html", "conduct-staff-procedure.html", "pocket-cards.pdf", "sw.js"):
        assert (project / "output" / name).is_file(), name
