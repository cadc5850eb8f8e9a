"""The pocket-card PDF's cache: copied when nothing it comes from changed, else rendered."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time

import pytest
from fixture_sites import copy_site
from pelican.plugins.handbook.printouts import pdf, pdf_cache
from pelican.plugins.handbook.printouts.pdf import cache_key, write_pdf
from pypdf import PdfReader

pytest.importorskip("weasyprint")

CARDS = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Cards</title>
<link rel="stylesheet" href="./theme/cards.css">
<link rel="stylesheet" href="/theme/size.css" media="print">
</head><body>
<section class="card" id="card-short"><h2>Short</h2><p>One line.</p></section>
<section class="card" id="card-long"><h2>Long</h2>{long}</section>
<p><img src="theme/dot.svg" alt=""></p>
</body></html>
"""
DOT = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4">'
    '<rect width="4" height="4" fill="{}"/></svg>'
)
IDS = ["card-short", "card-long"]


@pytest.fixture
def site(tmp_path):
    """Write a cards page, its stylesheets and images; return the output folder."""
    output = tmp_path / "output"
    (output / "theme").mkdir(parents=True)
    long = "".join(f"<p>Step {n}.</p>" for n in range(20))
    (output / "pocket-cards.html").write_text(CARDS.format(long=long), encoding="utf-8")
    (output / "theme" / "cards.css").write_text(
        '@import "more.css";\n.card { break-before: page; color: #111; }\n', encoding="utf-8"
    )
    (output / "theme" / "more.css").write_text(
        "/* url(not-loaded.png) */ h2 { background: url('bg.svg') no-repeat; }\n",
        encoding="utf-8",
    )
    (output / "theme" / "size.css").write_text(
        "@page { size: 2in 3in; margin: 0.1in; }\n", encoding="utf-8"
    )
    (output / "theme" / "bg.svg").write_text(DOT.format("#0b57a4"), encoding="utf-8")
    (output / "theme" / "dot.svg").write_text(DOT.format("#a40b57"), encoding="utf-8")
    return output


@pytest.fixture
def renders(monkeypatch):
    """Count WeasyPrint renders; the list holds one entry a render."""
    calls = []
    render = pdf._render

    def counted(*args):
        calls.append(args)
        return render(*args)

    monkeypatch.setattr(pdf, "_render", counted)
    return calls


def build(site, cache, name="pocket-cards.pdf"):
    """Write the PDF as a build would; return its bytes and the overflowing card ids."""
    ids = write_pdf(site / "pocket-cards.html", site / name, IDS, "", cache)
    return (site / name).read_bytes(), ids


def test_a_second_build_copies_the_cached_pdf_without_rendering(site, tmp_path, renders):
    cache = tmp_path / "cache" / "handbook"
    first, first_ids = build(site, cache)
    assert len(renders) == 1
    assert first.startswith(b"%PDF-")
    # The long card runs onto a second page, and the cache must say so too.
    assert first_ids == ["card-long"]
    (site / "pocket-cards.pdf").unlink()
    second, second_ids = build(site, cache)
    assert len(renders) == 1
    assert second == first
    assert second_ids == first_ids
    assert sorted(p.suffix for p in cache.iterdir()) == [".json", ".pdf"]


def test_a_changed_stylesheet_byte_renders_again(site, tmp_path, renders):
    cache = tmp_path / "cache" / "handbook"
    build(site, cache)
    sheet = site / "theme" / "size.css"
    # One byte: cards 9in tall, on which the long card fits.
    sheet.write_bytes(sheet.read_bytes().replace(b"3in", b"9in"))
    _, ids = build(site, cache)
    assert len(renders) == 2
    assert len(list(cache.glob("*.pdf"))) == 2
    assert ids == []


@pytest.mark.parametrize(
    "changed",
    ["theme/more.css", "theme/bg.svg", "theme/dot.svg", "pocket-cards.html"],
    ids=["imported stylesheet", "image in a stylesheet", "img", "cards page"],
)
def test_every_file_the_page_loads_is_in_the_key(site, changed):
    key = cache_key(site / "pocket-cards.html", site, IDS, "", "70.0")
    assert cache_key(site / "pocket-cards.html", site, IDS, "", "70.0") == key
    path = site / changed
    data = path.read_bytes()
    # One bit of one byte.
    path.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    assert cache_key(site / "pocket-cards.html", site, IDS, "", "70.0") != key


def test_the_key_follows_weasyprint_the_card_ids_and_the_page_path_not_the_folder(site, tmp_path):
    key = cache_key(site / "pocket-cards.html", site, IDS, "", "70.0")
    assert cache_key(site / "pocket-cards.html", site, IDS, "", "70.1") != key
    assert cache_key(site / "pocket-cards.html", site, IDS[:1], "", "70.0") != key
    # The same site written elsewhere: `make html` builds into a new folder.
    moved = tmp_path / "moved"
    site.rename(moved)
    assert cache_key(moved / "pocket-cards.html", moved, IDS, "", "70.0") == key
    # Where the page is in the site still counts: what it loads is found from there.
    (moved / "es").mkdir()
    (moved / "pocket-cards.html").rename(moved / "es" / "pocket-cards.html")
    assert cache_key(moved / "es" / "pocket-cards.html", moved, IDS, "", "70.0") != key


def test_a_file_in_a_comment_is_not_read_and_a_missing_one_counts(site):
    # more.css names not-loaded.png only in a comment: creating it changes nothing.
    key = cache_key(site / "pocket-cards.html", site, IDS, "", "70.0")
    (site / "theme" / "not-loaded.png").write_bytes(b"png")
    assert cache_key(site / "pocket-cards.html", site, IDS, "", "70.0") == key
    (site / "theme" / "bg.svg").unlink()
    assert cache_key(site / "pocket-cards.html", site, IDS, "", "70.0") != key


def test_builds_into_new_folders_share_the_cached_pdfs_until_a_card_changes(
    build_site, tmp_path, renders
):
    content = copy_site(tmp_path)
    cache = str(tmp_path / "one-cache")

    def build_into(name: str) -> list[str]:
        built = build_site(content, OUTPUT_PATH=str(tmp_path / name), CACHE_PATH=cache)
        assert built.status == 0, built.stderr
        return [page.extract_text() for page in PdfReader(built.output / "pocket-cards.pdf").pages]

    first = build_into("first")
    rendered = len(renders)
    assert rendered >= 1
    assert build_into("second") == first
    assert len(renders) == rendered
    page = content / "pages" / "procedure.md"
    page.write_text(page.read_text().replace("Tell the lead", "Tell the safety lead"))
    changed = build_into("third")
    assert len(renders) > rendered
    assert "Tell the safety lead" in " ".join(changed)
    assert "Tell the safety lead" not in " ".join(first)


@pytest.mark.parametrize("damage", ["truncate pdf", "remove json", "bad json", "wrong ids"])
def test_a_damaged_cache_entry_renders_again(site, tmp_path, renders, damage):
    cache = tmp_path / "cache" / "handbook"
    first, _ = build(site, cache)
    (entry,) = cache.glob("*.pdf")
    meta = entry.with_suffix(".json")
    if damage == "truncate pdf":
        entry.write_bytes(first[: len(first) // 2])
    elif damage == "remove json":
        meta.unlink()
    elif damage == "bad json":
        meta.write_text("{", encoding="utf-8")
    else:
        meta.write_text(json.dumps({**json.loads(meta.read_text()), "overflowing": 3}))
    second, ids = build(site, cache)
    assert len(renders) == 2
    assert second.startswith(b"%PDF-")
    assert ids == ["card-long"]
    # The entry is whole again: a third build copies it.
    build(site, cache)
    assert len(renders) == 2


def test_without_a_cache_folder_every_build_renders(site, renders):
    build(site, None)
    build(site, None)
    assert len(renders) == 2


def test_a_cache_hit_does_not_import_weasyprint(site, tmp_path):
    cache = tmp_path / "cache" / "handbook"
    first, _ = build(site, cache)
    # A fresh interpreter, as the next build is: WeasyPrint must stay unloaded.
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from pelican.plugins.handbook.printouts.pdf import write_pdf
        site = Path({str(site)!r})
        ids = write_pdf(site / "pocket-cards.html", site / "copy.pdf", {IDS!r}, "",
                        Path({str(cache)!r}))
        print(ids, "weasyprint" in sys.modules)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["['card-long']", "False"]
    assert (site / "copy.pdf").read_bytes() == first


def test_storing_keeps_the_entries_used_last(site, tmp_path, monkeypatch):
    def fake_render(html_path, pdf_path, card_ids, siteurl, root):
        pdf_path.write_bytes(b"%PDF-1.7\n" + html_path.read_bytes()[-40:])
        return []

    monkeypatch.setattr(pdf, "_render", fake_render)
    monkeypatch.setattr(pdf_cache, "_KEEP", 2)
    cache = tmp_path / "cache" / "handbook"
    page = site / "pocket-cards.html"
    original = page.read_bytes()

    def entry_of(html: bytes):
        page.write_bytes(html)
        build(site, cache)
        return (
            cache
            / f"pocket-cards-{cache_key(page, site, IDS, '', pdf_cache.renderer_version())}.json"
        )

    first, second = entry_of(original), entry_of(original + b"<!-- 2 -->")
    now = time.time()
    os.utime(first, (now - 100, now - 100))
    os.utime(second, (now - 50, now - 50))
    # A hit makes the first entry the one used last...
    assert entry_of(original) == first
    third = entry_of(original + b"<!-- 3 -->")
    # ... so the second goes when a third is stored.
    assert first.exists() and third.exists()
    assert not second.exists() and not second.with_suffix(".pdf").exists()
    assert sorted(p.name for p in cache.iterdir()) == sorted(
        [first.name, first.with_suffix(".pdf").name, third.name, third.with_suffix(".pdf").name]
    )
