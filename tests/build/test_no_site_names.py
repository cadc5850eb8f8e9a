"""The theme and the plugin package hold no Boston Python name, address or slug.

A fork gets them as they are: what names an organization or its documents
comes from its settings and its content. Generic words ("Code of Conduct")
may stay in templates.
"""

from __future__ import annotations

import pytest

from tests.helpers import ROOT

PACKAGE = ROOT / "plugins" / "pelican-handbook"
PLACES = {
    "theme": ROOT / "theme",
    "plugin package": PACKAGE / "pelican" / "plugins" / "handbook",
}
# Boston Python's name, short name, addresses and its documents' slugs, as
# written in its settings and content.
SITE_WORDS = (
    "boston",
    "bostonpython",
    "bp conduct",
    "conduct-staff-procedure",
    "conduct-attendee-procedure",
)
TEXT = {".py", ".html", ".js", ".css", ".svg", ".json", ".txt", ".toml", ".webmanifest"}


def site_words_in(files) -> dict[str, list[str]]:
    """Return each text file among `files` that holds a site word, and its words."""
    found = {}
    for path in files:
        if path.is_file() and path.suffix in TEXT and "__pycache__" not in path.parts:
            text = path.read_text(encoding="utf-8").lower()
            if words := [word for word in SITE_WORDS if word in text]:
                name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
                found[str(name)] = words
    return found


@pytest.mark.parametrize("place", PLACES)
def test_no_boston_python_name_address_or_slug(place):
    files = sorted(PLACES[place].rglob("*"))
    if place == "plugin package":
        files.append(PACKAGE / "pyproject.toml")
    assert len([path for path in files if path.suffix in TEXT]) > 3
    assert site_words_in(files) == {}


def test_the_check_sees_a_site_word(tmp_path):
    """Guard: a template that names the staff page by its slug is found."""
    template = tmp_path / "index.html"
    template.write_text('<a href="{{ SITEURL }}/Conduct-Staff-Procedure.html">Staff</a>')
    assert site_words_in([template]) == {"index.html": ["conduct-staff-procedure"]}
