"""The real site: content/ built with pelicanconf.py as it is (see README.md here)."""

from __future__ import annotations

from pathlib import Path
from subprocess import CompletedProcess

import pytest

from tests.helpers import run_once


@pytest.fixture(scope="session")
def real_build(run_folder) -> tuple[Path, CompletedProcess]:
    """The real site's output folder, and what its build printed; built once per test run."""
    output, result = run_once(run_folder / "real-site")
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return output, result


@pytest.fixture(scope="session")
def real_site(real_build) -> Path:
    return real_build[0]


@pytest.fixture(scope="session")
def real_site_url(real_site, serve) -> str:
    return serve(real_site)
