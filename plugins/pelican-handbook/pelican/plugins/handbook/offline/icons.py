"""Draw the app icons (PNG) from the theme's SVG logo, at build time.

Home screens want PNG icons; we draw them from the one SVG source so a
rebranded logo needs no image editor and no binary is downloaded. The reader
understands the shapes a flat logo uses: `rect` (with `rx`), `circle` and
`path` (no arcs), each with a solid `fill` and optional round `stroke`.
Subpaths are filled as a union (no holes) and no `transform` is applied.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PIL import Image, ImageColor, ImageDraw

from ..offline.svgpath import PathError, polylines

# Drawn a whole number of times larger (about this wide, and at least twice
# the size), then scaled down: Pillow draws without anti-aliasing, and
# averaging each block of pixels (a box filter, exact for oversampling and
# twice as fast as Lanczos) smooths the edges. Four times a 512-pixel icon
# took 16 MB and most of the icons' time for no visible gain.
_DRAWN_WIDTH = 1024
_SVG = "{http://www.w3.org/2000/svg}"
_IGNORED = {"title", "desc", "metadata"}


class IconError(ValueError):
    """The SVG uses something the icon reader does not draw."""


def _number(element: ET.Element, name: str, default: float = 0.0) -> float:
    value = element.get(name, str(default)).removesuffix("px")
    try:
        return float(value)
    except ValueError:
        raise IconError(f"<{_tag(element)}> {name}={value!r} is not a plain number") from None


def _tag(element: ET.Element) -> str:
    return element.tag.removeprefix(_SVG)


def _color(element: ET.Element, name: str, default: str) -> tuple | None:
    value = element.get(name, default).strip()
    if value == "none":
        return None
    try:
        return ImageColor.getrgb(value)
    except ValueError:
        raise IconError(f"<{_tag(element)}> {name}={value!r} is not a color") from None


def _rect(draw: ImageDraw.ImageDraw, element: ET.Element, scale: float) -> None:
    x, y = _number(element, "x") * scale, _number(element, "y") * scale
    width, height = _number(element, "width") * scale, _number(element, "height") * scale
    radius = _number(element, "rx", _number(element, "ry")) * scale
    box = (x, y, x + width - 1, y + height - 1)
    draw.rounded_rectangle(box, radius=radius, fill=_color(element, "fill", "black"))


def _circle(draw: ImageDraw.ImageDraw, element: ET.Element, scale: float) -> None:
    cx, cy = _number(element, "cx") * scale, _number(element, "cy") * scale
    r = _number(element, "r") * scale
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=_color(element, "fill", "black"))


def _path(draw: ImageDraw.ImageDraw, element: ET.Element, scale: float) -> None:
    try:
        lines = polylines(element.get("d", ""))
    except PathError as error:
        raise IconError(f"<path> {error}") from None
    fill, stroke = _color(element, "fill", "black"), _color(element, "stroke", "none")
    width = _number(element, "stroke-width", 1) * scale
    for points, closed in lines:
        scaled = [(x * scale, y * scale) for x, y in points]
        if fill and len(scaled) > 2:
            draw.polygon(scaled, fill=fill)
        if stroke:
            _round_stroke(draw, scaled + scaled[:1] if closed else scaled, stroke, width)


def _round_stroke(draw: ImageDraw.ImageDraw, points: list, color: tuple, width: float) -> None:
    """Stroke a polyline with round joins and caps (a check mark's usual style)."""
    draw.line(points, fill=color, width=round(width), joint="curve")
    r = width / 2
    for x, y in (points[0], points[-1]):
        draw.ellipse((x - r, y - r, x + r, y + r), fill=color)


_SHAPES = {"rect": _rect, "circle": _circle, "path": _path}


def _view_box(root: ET.Element) -> tuple[float, float]:
    parts = root.get("viewBox", "").replace(",", " ").split()
    if len(parts) != 4 or float(parts[0]) or float(parts[1]):
        raise IconError('the <svg> needs a viewBox="0 0 width height"')
    return float(parts[2]), float(parts[3])


def draw_icon(svg: str, size: int) -> Image.Image:
    """Return the SVG drawn as a square RGBA image `size` pixels wide."""
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as error:
        raise IconError(f"the SVG is not well-formed XML ({error})") from None
    width, height = _view_box(root)
    oversample = max(2, _DRAWN_WIDTH // size)
    big = size * oversample
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    scale = big / max(width, height)
    for element in root:
        tag = _tag(element)
        if tag in _IGNORED:
            continue
        if tag not in _SHAPES:
            raise IconError(f"<{tag}> is not drawn; use rect, circle or path")
        _SHAPES[tag](draw, element, scale)
    return image.reduce(oversample)


def write_icons(source: Path, folder: Path, sizes: tuple[int, ...]) -> dict[int, Path]:
    """Write `icon-<size>.png` into `folder` for each size; return them by size."""
    svg = source.read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for size in sizes:
        written[size] = folder / f"icon-{size}.png"
        # zlib's default level: `optimize=True` took three times as long to
        # save a kilobyte, on files the service worker fetches once.
        draw_icon(svg, size).save(written[size])
    return written
