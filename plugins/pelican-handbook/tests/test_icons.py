"""The app icons drawn from an SVG logo, and their cache."""

from __future__ import annotations

import io
import re

import pytest
from pelican.plugins.handbook.offline import icons
from pelican.plugins.handbook.offline.icons import IconError, cache_key, draw_png, write_icons
from pelican.plugins.handbook.report import show_again
from PIL import Image

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8">'
    '<rect width="8" height="8" fill="{}"/></svg>'
)
SIZES = (16, 48)


def pixels(png: bytes) -> Image.Image:
    return Image.open(io.BytesIO(png)).convert("RGBA")


@pytest.fixture
def logo(tmp_path):
    source = tmp_path / "favicon.svg"
    source.write_text(SVG.format("#0b57a4"), encoding="utf-8")
    return source


@pytest.fixture
def drawings(monkeypatch):
    """Count resvg's drawings; the list holds one entry a drawing."""
    calls = []
    draw = icons.resvg_py.svg_to_bytes

    def counted(**options):
        calls.append(options)
        return draw(**options)

    monkeypatch.setattr(icons.resvg_py, "svg_to_bytes", counted)
    return calls


def test_a_second_build_copies_the_cached_icons_without_drawing(logo, tmp_path, drawings):
    cache = tmp_path / "cache"
    first = write_icons(logo, tmp_path / "first", SIZES, cache)
    assert len(drawings) == len(SIZES)
    assert sorted(p.name for p in cache.iterdir()) == sorted(
        f"icon-{size}-{cache_key(logo.read_bytes(), size)}.png" for size in SIZES
    )
    second = write_icons(logo, tmp_path / "second", SIZES, cache)
    assert len(drawings) == len(SIZES)
    for size in SIZES:
        assert second[size].read_bytes() == first[size].read_bytes()
        assert pixels(second[size].read_bytes()).size == (size, size)


def test_a_changed_logo_is_drawn_again_not_copied(logo, tmp_path, drawings):
    cache = tmp_path / "cache"
    before = write_icons(logo, tmp_path / "before", SIZES, cache)[16].read_bytes()
    logo.write_text(SVG.format("#a40b57"), encoding="utf-8")
    after = write_icons(logo, tmp_path / "after", SIZES, cache)[16].read_bytes()
    assert len(drawings) == 2 * len(SIZES)
    assert len(list(cache.iterdir())) == 2 * len(SIZES)
    assert pixels(before).getpixel((8, 8)) == (0x0B, 0x57, 0xA4, 255)
    assert pixels(after).getpixel((8, 8)) == (0xA4, 0x0B, 0x57, 255)


def test_the_cache_key_follows_the_svg_the_size_and_resvg(monkeypatch):
    svg = SVG.format("#0b57a4").encode()
    key = cache_key(svg, 16)
    assert cache_key(svg, 16) == key
    assert cache_key(svg.replace(b"0b57a4", b"0b57a5"), 16) != key
    assert cache_key(svg, 17) != key
    monkeypatch.setattr(icons.resvg_py, "__version__", "0.0.0")
    assert cache_key(svg, 16) != key


def test_a_damaged_cached_icon_is_drawn_again(logo, tmp_path, drawings):
    cache = tmp_path / "cache"
    good = write_icons(logo, tmp_path / "first", (16,), cache)[16].read_bytes()
    (stored,) = cache.iterdir()
    stored.write_bytes(good[: len(good) // 2])
    again = write_icons(logo, tmp_path / "second", (16,), cache)[16].read_bytes()
    assert len(drawings) == 2
    assert again == good == stored.read_bytes()


def test_a_cache_that_cannot_be_written_still_gives_the_icons(logo, tmp_path, caplog):
    show_again()  # an earlier test may have logged the same line
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder would go")
    written = write_icons(logo, tmp_path / "out", (16,), blocked / "handbook")
    assert pixels(written[16].read_bytes()).getpixel((8, 8)) == (0x0B, 0x57, 0xA4, 255)
    assert "cannot cache the app icon" in caplog.text


def test_without_a_cache_every_icon_is_drawn(logo, tmp_path, drawings):
    write_icons(logo, tmp_path / "first", SIZES)
    write_icons(logo, tmp_path / "second", SIZES)
    assert len(drawings) == 2 * len(SIZES)


def test_a_logo_that_is_not_square_is_centred_on_a_transparent_square():
    wide = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10">'
        '<rect width="20" height="10" fill="red"/></svg>'
    )
    icon = pixels(draw_png(wide.encode(), 40))
    assert icon.size == (40, 40)
    assert [icon.getpixel((20, y))[3] for y in (0, 9, 10, 29, 30, 39)] == [0, 0, 255, 255, 0, 0]


@pytest.mark.parametrize(
    "svg, message",
    [
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"', "not well-formed XML"),
        ("<svg viewBox='0 0 8 8'><rect width='8' height='8'/></svg>", "not an SVG <svg>"),
        ('<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"/>', "resvg cannot draw"),
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><g/></svg>', "draws nothing"),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><text y="8">BP</text></svg>',
            "<text> is not drawn",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
            ' viewBox="0 0 8 8"><image width="8" height="8" xlink:href="/logo.png"/></svg>',
            "<image> links to '/logo.png'",
        ),
    ],
)
def test_an_svg_that_cannot_be_drawn_raises_icon_error(svg, message):
    with pytest.raises(IconError, match=re.escape(message)):
        draw_png(svg.encode(), 16)


def test_an_svg_that_cannot_be_drawn_is_not_cached(tmp_path):
    source = tmp_path / "favicon.svg"
    source.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"')
    with pytest.raises(IconError):
        write_icons(source, tmp_path / "out", SIZES, tmp_path / "cache")
    assert not (tmp_path / "cache").exists()
