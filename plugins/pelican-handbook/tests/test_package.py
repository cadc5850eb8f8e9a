"""The distribution a site installs: its files and its dependency ranges."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

PACKAGE = Path(__file__).resolve().parent.parent
SOURCE = PACKAGE / "pelican" / "plugins" / "handbook"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    """The plugin's wheel, built once for this file's tests."""
    folder = tmp_path_factory.mktemp("wheel")
    # No build isolation: the build backend is installed from requirements-dev.txt,
    # so this needs no network.
    command = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation"]
    subprocess.run([*command, str(PACKAGE), "-w", str(folder)], check=True, capture_output=True)
    (built,) = folder.glob("pelican_handbook-*.whl")
    with zipfile.ZipFile(built) as opened:
        yield opened


def test_the_wheel_holds_the_code_templates_and_assets_and_no_tests(wheel):
    names = set(wheel.namelist())
    shipped = {
        path.relative_to(PACKAGE).as_posix()
        for path in SOURCE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert shipped <= names
    assert "pelican/plugins/handbook/templates/handbook/cards.html" in names
    assert "pelican/plugins/handbook/static/handbook/checklist.js" in names
    # A namespace package: no pelican/__init__.py that would shadow Pelican.
    assert "pelican/__init__.py" not in names and "pelican/plugins/__init__.py" not in names
    assert not any(name.startswith(("tests/", "test_data/")) for name in names)


def _metadata(wheel: zipfile.ZipFile):
    name = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
    return Parser().parsestr(wheel.read(name).decode())


def test_the_dependencies_are_ranges_with_extras_for_print_and_jinja(wheel):
    metadata = _metadata(wheel)
    requires = metadata.get_all("Requires-Dist")
    ranges = {canonicalize_name(r.name): r.specifier for r in map(Requirement, requires)}
    # What real sites pin installs as it is: pip upgrades none of it.
    assert ranges["pelican"].contains("4.7.2") and ranges["markdown"].contains("3.3.7")
    assert SpecifierSet(metadata["Requires-Python"]).contains("3.9")
    assert not any("==" in requirement.split(";")[0] for requirement in requires)
    assert set(metadata.get_all("Provides-Extra")) >= {"print", "jinja"}


def test_the_floors_run_tests_each_dependency_at_its_lowest_version(wheel):
    # make test-floors installs these pins with the plugin: a floor above its
    # pin would make pip refuse; one below it would be a version never tested.
    pins = {}
    for line in (PACKAGE / "requirements-floors.txt").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==")
            pins[canonicalize_name(name)] = Version(version)
    for requirement in map(Requirement, _metadata(wheel).get_all("Requires-Dist")):
        (floor,) = [s for s in requirement.specifier if s.operator == ">="]
        assert pins.get(canonicalize_name(requirement.name)) == Version(floor.version), requirement
