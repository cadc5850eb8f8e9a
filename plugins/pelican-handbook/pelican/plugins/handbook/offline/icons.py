"""Draw the app icons (PNG) from the theme's SVG logo, at build time, with resvg.

Home screens want PNG icons; we draw them from the one SVG source so a
rebranded logo needs no image editor and no binary is downloaded. resvg
draws the whole of SVG 1.1 (transforms, gradients, arcs), anti-aliased.

A drawn icon is kept in a cache folder under a hash of everything that
decides its pixels, so a build with an unchanged logo copies it instead.
That holds only if the SVG alone decides them: a logo may not link to
other files or use the build machine's fonts (see `check_svg`).
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import struct
import tempfile
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import resvg_py

logger = logging.getLogger(__name__)

_SVG = "{http://www.w3.org/2000/svg}"
_HREFS = ("href", "{http://www.w3.org/1999/xlink}href")
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"
# Part of the cache key: bump it when draw_png changes how it calls resvg,
# or icons drawn the old way would still be copied.
_RECIPE = 1


class IconError(ValueError):
    """The SVG cannot be drawn as an app icon."""


def check_svg(svg: bytes) -> None:
    """Raise IconError unless the SVG is well-formed and decides its own pixels."""
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as error:
        raise IconError(f"the SVG is not well-formed XML ({error})") from None
    if root.tag != f"{_SVG}svg":
        raise IconError(f"the root element is <{root.tag}>, not an SVG <svg>")
    for element in root.iter():
        tag = str(element.tag).removeprefix(_SVG)
        # The glyphs would come from whatever fonts the building machine has,
        # which the cache key cannot see.
        if tag == "text":
            raise IconError("<text> is not drawn: convert the logo's text to paths")
        for name in _HREFS:
            target = element.get(name, "")
            # A linked file could change without the SVG changing, and resvg
            # reads a relative one from the current folder, not the theme's.
            if target and not target.startswith(("#", "data:")):
                raise IconError(f"<{tag}> links to {target!r}: embed it as a data: URI")


def _render(svg: str, size: int) -> bytes:
    try:
        # System fonts are skipped: check_svg refuses text, and this keeps
        # the icons the same on every machine.
        return resvg_py.svg_to_bytes(
            svg_string=svg, width=size, height=size, skip_system_fonts=True
        )
    except ValueError as error:
        raise IconError(f"resvg cannot draw the SVG ({error})") from None


def _png_size(png: bytes) -> tuple[int, int]:
    """Return the width and height in a PNG's header."""
    return struct.unpack(">II", png[16:24])


def _is_blank(png: bytes) -> bool:
    """Return whether every pixel of resvg's 8-bit RGBA PNG is transparent black."""
    width, height = _png_size(png)
    data, offset = bytearray(), len(_PNG_SIGNATURE)
    while offset < len(png):
        (length,) = struct.unpack(">I", png[offset : offset + 4])
        if png[offset + 4 : offset + 8] == b"IDAT":
            data += png[offset + 8 : offset + 8 + length]
        offset += 12 + length
    rows = bytearray(zlib.decompress(data))
    # Each row starts with its filter type; past it, every PNG filter maps
    # all-zero pixels to zero bytes and back, so the pixels are blank exactly
    # when the filtered bytes are.
    rows[:: 1 + 4 * width] = bytes(height)
    return rows.count(0) == len(rows)


def draw_png(svg: bytes, size: int) -> bytes:
    """Return the SVG drawn as a square RGBA PNG `size` pixels wide."""
    check_svg(svg)
    try:
        text = svg.decode("utf-8")
    except UnicodeDecodeError as error:
        raise IconError(f"the SVG is not UTF-8 ({error})") from None
    png = _render(text, size)
    if _png_size(png) != (size, size):
        # resvg keeps the logo's proportions; as an image in a square SVG
        # (preserveAspectRatio's default) it is centred on a transparent square.
        uri = "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
        square = (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}">'
            f'<image width="{size}" height="{size}" href="{uri}"/></svg>'
        )
        png = _render(square, size)
    if _is_blank(png):
        raise IconError("the SVG draws nothing (the icon would be blank)")
    return png


def cache_key(svg: bytes, size: int) -> str:
    """Return the hash of what decides an icon's pixels: SVG, size, resvg's version."""
    versions = f"{_RECIPE}\0{resvg_py.__version__}\0{resvg_py.__resvg_version__}"
    # The SVG comes last and the rest holds no NUL, so no two inputs collide.
    return hashlib.sha256(f"{versions}\0{size}\0".encode() + svg).hexdigest()[:32]


def _cached(path: Path, size: int) -> bytes | None:
    try:
        png = path.read_bytes()
    except OSError:
        return None
    # Written whole (os.replace), so this only catches a file damaged later.
    whole = png.startswith(_PNG_SIGNATURE) and png.endswith(_PNG_END)
    return png if whole and _png_size(png) == (size, size) else None


def _store(path: Path, png: bytes) -> None:
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as file:
            temporary = Path(file.name)
            file.write(png)
        # Renamed into place, so a build stopped midway never leaves a
        # truncated icon for the next build to copy.
        os.replace(temporary, path)
    except OSError as error:
        # The cache only saves time: a read-only checkout still builds.
        logger.warning("cannot cache the app icon %s: %s", path, error)
        if temporary:
            temporary.unlink(missing_ok=True)


def write_icons(
    source: Path, folder: Path, sizes: tuple[int, ...], cache: Path | None = None
) -> dict[int, Path]:
    """Write `icon-<size>.png` into `folder` for each size; return them by size."""
    svg = source.read_bytes()
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for size in sizes:
        stored = cache / f"icon-{size}-{cache_key(svg, size)}.png" if cache else None
        png = _cached(stored, size) if stored else None
        if png is None:
            png = draw_png(svg, size)
            if stored:
                _store(stored, png)
        written[size] = folder / f"icon-{size}.png"
        written[size].write_bytes(png)
    return written
