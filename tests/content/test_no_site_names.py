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
# Also never in the plugin: the logo's colour and the manifest's description.
PLUGIN_WORDS = ("#0b57a4", "code of conduct and incident response")
TEXT = {".py", ".html", ".js", ".css", ".svg", ".json", ".txt", ".toml", ".webmanifest"}


def site_words_in(files, words=SITE_WORDS) -> dict[str, list[str]]:
    """Return each text file among `files` that holds one of `words`, and those words."""
    found = {}
    for path in files:
        if path.is_file() and path.suffix in TEXT and "__pycache__" not in path.parts:
            text = path.read_text(encoding="utf-8").lower()
            if held := [word for word in words if word in text]:
                name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
                found[str(name)] = held
    return found


@pytest.mark.parametrize("place", PLACES)
def test_no_boston_python_name_address_or_slug(place):
    files = sorted(PLACES[place].rglob("*"))
    words = SITE_WORDS
    if place == "plugin package":
        files.append(PACKAGE / "pyproject.toml")
        words = SITE_WORDS + PLUGIN_WORDS
    assert len([path for path in files if path.suffix in TEXT]) > 3
    assert site_words_in(files, words) == {}


def test_the_check_sees_a_site_word(tmp_path):
    """Guard: a template that names the staff page by its slug is found."""
    template = tmp_path / "index.html"
    template.write_text('<a href="{{ SITEURL }}/Conduct-Staff-Procedure.html">Staff</a>')
    assert site_words_in([template]) == {"index.html": ["conduct-staff-procedure"]}
