"""The site's language reaches every page, the PDFs and the manifest; right to left too."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from tests.helpers import build_handbook


@pytest.fixture(scope="module")
def hebrew(tmp_path_factory):
    return build_handbook(tmp_path_factory.mktemp("he"), {"DEFAULT_LANG": "he"})


def test_every_page_declares_the_language_and_its_direction(hebrew):
    pages = sorted(hebrew.glob("*.html"))
    assert len(pages) >= 5
    for page in pages:
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").html
        assert (html.get("lang"), html.get("dir")) == ("he", "rtl"), page.name


def test_the_manifest_and_the_pdfs_carry_the_language(hebrew):
    manifest = json.loads((hebrew / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert (manifest["lang"], manifest["dir"]) == ("he", "rtl")
    for pdf in sorted(hebrew.glob("*.pdf")):
        assert PdfReader(pdf).trailer["/Root"].get("/Lang") == "he", pdf.name
