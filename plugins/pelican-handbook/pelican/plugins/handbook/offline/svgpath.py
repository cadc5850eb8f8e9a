"""Turn SVG path data into polylines, for drawing the app icons.

Supports the commands a simple logo uses: M L H V C S Q T Z, absolute and
relative. Arcs (A) are not supported: draw rounded corners with curves.
"""

from __future__ import annotations

import re

Point = tuple[float, float]

_TOKEN = re.compile(r"[MLHVCSQTZmlhvcsqtz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_ARITY = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "Z": 0}
# Segments per curve: smooth at 512 px, cheap to draw.
_CURVE_STEPS = 24


class PathError(ValueError):
    """Path data uses something this reader does not draw."""


def _tokens(data: str) -> list[str]:
    leftover = _TOKEN.sub(" ", data).replace(",", " ").strip()
    if leftover:
        raise PathError(f"unsupported path data {leftover[:20]!r} (arcs are not drawn)")
    return _TOKEN.findall(data)


def _commands(data: str):
    """Yield (command, numbers) pairs, splitting implicit repeats."""
    command, numbers = None, []
    for token in _tokens(data) + ["Z"]:
        if token.isalpha():
            if command is not None:
                yield from _split(command, numbers)
            command, numbers = token, []
        else:
            numbers.append(float(token))
    # The final "Z" sentinel is never yielded: it only flushes the last command.


def _split(command: str, numbers: list[float]):
    arity = _ARITY[command.upper()]
    if arity == 0:
        yield command, []
        return
    if not numbers or len(numbers) % arity:
        raise PathError(f"command {command!r} needs numbers in groups of {arity}")
    for start in range(0, len(numbers), arity):
        # After a moveto, extra pairs are linetos (SVG 1.1, 8.3.2).
        repeat = command if start == 0 or command.upper() != "M" else chr(ord(command) - 1)
        yield repeat, numbers[start : start + arity]


def _bezier(points: list[Point]) -> list[Point]:
    """Return points along a quadratic or cubic Bezier curve, start excluded."""
    out = []
    for step in range(1, _CURVE_STEPS + 1):
        t = step / _CURVE_STEPS
        layer = points
        while len(layer) > 1:  # de Casteljau
            layer = [
                (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
                for a, b in zip(layer, layer[1:], strict=False)
            ]
        out.append(layer[0])
    return out


def polylines(data: str) -> list[tuple[list[Point], bool]]:
    """Return each subpath of `data` as (points, closed)."""
    paths: list[tuple[list[Point], bool]] = []
    current: list[Point] = []
    pen = start = control = (0.0, 0.0)
    for command, args in _commands(data):
        upper, relative = command.upper(), command.islower()
        if upper == "H":
            args = [args[0], 0.0 if relative else pen[1]]
        elif upper == "V":
            args = [0.0 if relative else pen[0], args[0]]
        pts = [(args[i], args[i + 1]) for i in range(0, len(args), 2)]
        if relative:
            pts = [(pen[0] + x, pen[1] + y) for x, y in pts]
        if upper in "ST":
            mirror = (2 * pen[0] - control[0], 2 * pen[1] - control[1])
            pts = [mirror, *pts]
        if upper == "M":
            if len(current) > 1:
                paths.append((current, False))
            current, start = [pts[0]], pts[0]
        elif upper == "Z":
            if len(current) > 1:
                paths.append((current, True))
            current, pts = [], [start]
        else:
            current = current or [pen]  # drawing on after a Z starts at its point
            current += _bezier([pen, *pts]) if upper in "CSQT" else pts
        control = pts[-2] if upper in "CSQT" else pts[-1]
        pen = pts[-1]
    if len(current) > 1:
        paths.append((current, False))
    return paths
