"""Card sizes: the named sizes of HANDBOOK["card_size"], and CSS lengths in inches.

`card_size` names one of CARD_SIZES; `card_width` and `card_height` (CSS
lengths) give any other size and win over it. Setting both ways at once is
an error only when they disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Width and height of each named card, portrait. The faces per sheet are what
# fits on Letter and on A4 folded over in pairs (sheets.py).
CARD_SIZES = {
    # An index card or a photo print: a shirt pocket. 2 faces per sheet.
    "4x6": ("4in", "6in"),
    # The small index card. 4 faces per sheet.
    "3x5": ("3in", "5in"),
    # The insert of a 3 x 4 in badge holder, the common conference size
    # (portrait). A credit-card badge (86 x 54 mm) cannot hold a checklist at
    # 12 pt. 4 faces per sheet.
    "badge": ("3in", "4in"),
}
DEFAULT_SIZE = "4x6"

LENGTH = re.compile(r"(\d+(?:\.\d+)?)(in|cm|mm|pt|pc|px)")
_PER_INCH = {"in": 1.0, "cm": 2.54, "mm": 25.4, "pt": 72.0, "pc": 6.0, "px": 96.0}


def inches(length: str) -> float:
    """Return a CSS length such as '4in' or '101.6mm' in inches."""
    match = LENGTH.fullmatch(length.strip())
    if match is None:
        raise ValueError(f"not a CSS length: {length!r}")
    return float(match[1]) / _PER_INCH[match[2]]


@dataclass(frozen=True)
class CardSize:
    """A card face: its CSS width and height, and the name it was chosen by (if any)."""

    width: str
    height: str
    name: str | None = None

    @property
    def width_in(self) -> float:
        return inches(self.width)

    @property
    def height_in(self) -> float:
        return inches(self.height)

    def __str__(self) -> str:
        return f"{self.width} x {self.height}"


def card_size(options: dict) -> CardSize:
    """Return the card face HANDBOOK asks for: card_width and card_height, else card_size."""
    if options.get("card_width") and options.get("card_height"):
        width, height = options["card_width"].strip(), options["card_height"].strip()
        named = CARD_SIZES.get(options.get("card_size") or "")
        same = named and all(
            abs(inches(a) - inches(b)) < 1e-6 for a, b in zip((width, height), named)
        )
        return CardSize(width, height, options.get("card_size") if same else None)
    name = options.get("card_size") or DEFAULT_SIZE
    return CardSize(*CARD_SIZES[name], name)


def size_problems(given: dict, options: dict) -> list[tuple[str, str]]:
    """Return what is wrong with how HANDBOOK's card size keys go together."""
    width, height = options.get("card_width"), options.get("card_height")
    if (width is None) != (height is None):
        missing = "card_height" if height is None else "card_width"
        return [(f"HANDBOOK[{missing!r}]", "must be given with the other, or neither")]
    name = given.get("card_size")
    if width is None or name not in CARD_SIZES:
        return []
    named = CARD_SIZES[name]
    if all(abs(inches(a) - inches(b)) < 1e-6 for a, b in zip((width, height), named)):
        return []
    return [
        (
            "HANDBOOK['card_size']",
            f"is {name!r} ({named[0]} x {named[1]}) but card_width and card_height say"
            f" {width} x {height}: set one or the other",
        )
    ]
