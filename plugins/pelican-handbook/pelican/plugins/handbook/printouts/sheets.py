"""Sheets to cut: the card faces imposed on Letter and A4, in fold-over pairs, with crop marks.

Each face is printed beside the next one, with a dashed fold line between
them: cut the pair out along the crop marks, fold it on the line, printed
sides out, and it is one two-sided card. Printing on one side registers by
construction, on any printer; a double-sided sheet registers only as well as
the printer turns the paper (a millimetre or more off on most home printers,
and many have no duplex at all).

The faces of a sheet touch (one cut between two), so as many as fit inside
the printable area go on it, the sheet turned landscape when that fits more.
Crop marks are short lines outside the block of faces, in line with every
cut; the fold lines have dashed marks too. Their places are CSS classes in
card-size.css, so the sheet's HTML only names them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .sizes import CardSize

# Paper: (its name for people, width and height in inches, portrait).
PAPERS = {
    "letter": ("Letter", 8.5, 11.0),
    "a4": ("A4", 210 / 25.4, 297 / 25.4),
}
# What home printers leave unprinted at each edge (most print to 3 to 5 mm).
PRINTER_MARGIN = 0.2
# A crop mark starts this far from the faces and is this long.
MARK_GAP = 1 / 16
MARK_LENGTH = 3 / 16
MARK_ROOM = MARK_GAP + MARK_LENGTH
MARK_WIDTH = "0.5pt"


@dataclass(frozen=True)
class Mark:
    """One crop or fold mark: where it starts, which way it runs, and how it is drawn."""

    x: float
    y: float
    vertical: bool
    length: float
    style: str = "solid"  # "dashed" for a fold


@dataclass(frozen=True)
class Layout:
    """How the faces of one card size go on one paper."""

    paper: str
    label: str
    width: float  # of the sheet as printed, in inches (landscape when turned)
    height: float
    card: CardSize
    across: int  # pairs side by side
    down: int  # rows of pairs
    left: float = 0.0  # of the block of faces, centred on the sheet
    top: float = 0.0
    marks: list[Mark] = field(default_factory=list)

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    @property
    def per_sheet(self) -> int:
        return 2 * self.across * self.down

    def slots(self) -> list[tuple[float, float]]:
        """Return each face's top-left corner, in reading order: row by row, front then back."""
        w, h = self.card.width_in, self.card.height_in
        return [
            (self.left + (2 * pair + side) * w, self.top + row * h)
            for row in range(self.down)
            for pair in range(self.across)
            for side in (0, 1)
        ]


def _marks(left: float, top: float, across: int, down: int, w: float, h: float) -> list[Mark]:
    """Return the crop marks outside a block of pairs, and the fold marks and lines."""
    right, bottom = left + 2 * across * w, top + down * h
    marks = []
    for k in range(across + 1):
        x = left + 2 * k * w
        marks += [
            Mark(x, top - MARK_ROOM, True, MARK_LENGTH),
            Mark(x, bottom + MARK_GAP, True, MARK_LENGTH),
        ]
    for r in range(down + 1):
        y = top + r * h
        marks += [
            Mark(left - MARK_ROOM, y, False, MARK_LENGTH),
            Mark(right + MARK_GAP, y, False, MARK_LENGTH),
        ]
    for k in range(across):
        x = left + (2 * k + 1) * w
        marks += [
            Mark(x, top - MARK_ROOM, True, MARK_ROOM + down * h + MARK_ROOM, "dashed"),
        ]
    return marks


def layout(paper: str, card: CardSize) -> Layout | None:
    """Return the layout that puts the most faces of `card` on `paper`, or None if none fit."""
    label, short, long = PAPERS[paper]
    w, h = card.width_in, card.height_in
    best = None
    room = 2 * (PRINTER_MARGIN + MARK_ROOM)
    for width, height in ((short, long), (long, short)):
        across = int((width - room) // (2 * w) + 1e-9)
        down = int((height - room) // h + 1e-9)
        if across < 1 or down < 1:
            continue
        # A tie keeps portrait, which every print dialog takes as it is.
        if best is None or 2 * across * down > best.per_sheet:
            left = (width - 2 * across * w) / 2
            top = (height - down * h) / 2
            marks = _marks(left, top, across, down, w, h)
            best = Layout(paper, label, width, height, card, across, down, left, top, marks)
    return best


def place(faces: list, sheet: Layout) -> list[list]:
    """Return the faces of each sheet in slot order; an odd last face has a blank back (None)."""
    per = sheet.per_sheet
    pages = [list(faces[i : i + per]) for i in range(0, len(faces), per)]
    if pages and len(pages[-1]) % 2:
        pages[-1].append(None)
    return pages


def _in(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".") + "in"


def sheet_css(sheet: Layout) -> str:
    """Return the rules that size one paper's sheets and place their faces and marks."""
    scope = f".sheets--{sheet.paper}"
    name = f"sheet-{sheet.paper}"
    lines = [
        f"/* {sheet.label}: {sheet.per_sheet} faces a sheet"
        f"{', landscape' if sheet.landscape else ''}. */",
        f"@page {name} {{ size: {_in(sheet.width)} {_in(sheet.height)}; margin: 0; }}",
        f"{scope} .sheet {{ page: {name}; width: {_in(sheet.width)};"
        f" height: {_in(sheet.height)}; }}",
    ]
    for number, (x, y) in enumerate(sheet.slots()):
        lines.append(f"{scope} .sheet__slot--{number} {{ left: {_in(x)}; top: {_in(y)}; }}")
    for number, mark in enumerate(sheet.marks):
        side, size = ("left", "height") if mark.vertical else ("top", "width")
        lines.append(
            f"{scope} .sheet__mark--{number} {{ left: {_in(mark.x)}; top: {_in(mark.y)};"
            f" {size}: {_in(mark.length)}; border-{side}: {MARK_WIDTH} {mark.style} #000; }}"
        )
    return "\n".join(lines) + "\n"


def card_size_css(card: CardSize, sheets: list[Layout], measure_height: float) -> str:
    """Return handbook/card-size.css: the card's page, the measuring page, each paper's sheets."""
    parts = [
        "/* Generated from HANDBOOK's card size (card_size, or card_width and card_height). */\n"
        f"@page {{ size: {card.width} {card.height}; margin: 0; }}\n"
        f":root {{ --card-width: {card.width}; --card-height: {card.height}; }}\n"
        "/* The build's measuring page: the card, less room for another browser's line breaks. */\n"
        f"@page card-measure {{ size: {card.width} {_in(measure_height)}; margin: 0; }}\n"
    ]
    parts += [sheet_css(sheet) for sheet in sheets]
    return "\n".join(parts)
