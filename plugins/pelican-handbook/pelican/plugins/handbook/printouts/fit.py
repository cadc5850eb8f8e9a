"""Fit each card's text to its face, measured with WeasyPrint's own layout, not estimated.

Every face is tried at every size of TEXT_SIZES in one measuring document:
each face at each size on a page of its own, a little shorter than the card
(MEASURE_ROOM less), with its footer in the flow. A face that does not fit
runs onto a second page, which is what `measure` reports. Each face gets the
largest size that fits. A checklist part that does not fit even at the
smallest size is split into one part more and measured again; a face that
cannot be split (a single item, or the contacts card) keeps the smallest
size and is returned as too long, for the build to warn about.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from .cards import Face

# Item sizes in points, largest first; titles are 1.2 times these (cards.css).
# 12 pt items and 14 pt titles are the least that reads at 40 to 50 cm.
TEXT_SIZES = (18, 16, 14, 13, 12)
# Inches taken off the measuring page: room for a browser that breaks lines
# a little differently from WeasyPrint (printing the cards page itself).
MEASURE_ROOM = 0.15
# A hair taken off every card page (cards.css), so rounding never adds a page.
CARD_HAIR = 0.02


def measure_height(card_height: float) -> float:
    """Return the measuring page's height, in inches, for a card `card_height` tall."""
    return card_height - CARD_HAIR - MEASURE_ROOM


def trial_id(face: Face, size: int) -> str:
    return f"{face.id}--{size}"


def fit_faces(
    make_faces: Callable[[dict], list[Face]], measure: Callable[[list[Face]], set[str]]
) -> tuple[list[Face], list[Face]]:
    """Return the faces, each with its `text_size`, and those that fit at no size.

    `make_faces(least)` plans the faces, each checklist split into at least
    `least[checklist id]` parts; `measure(trials)` returns the ids of the
    trial faces that run past their page.
    """
    least: dict[str, int] = {}
    sizes: dict[str, int] = {}
    too_long: set[str] = set()
    while True:
        faces = make_faces(least)
        todo = [face for face in faces if face.id not in sizes]
        if not todo:
            break
        trials = [
            dataclasses.replace(face, id=trial_id(face, size), text_size=size)
            for face in todo
            for size in TEXT_SIZES
        ]
        overflowing = measure(trials)
        split = set()
        for face in todo:
            fitting = [size for size in TEXT_SIZES if trial_id(face, size) not in overflowing]
            if fitting:
                sizes[face.id] = fitting[0]
            elif face.checklist and len(face.items) > 1:
                split.add(face.checklist)
            else:
                sizes[face.id] = TEXT_SIZES[-1]
                too_long.add(face.id)
        if not split:
            continue
        for face in faces:
            if face.checklist in split:
                least[face.checklist] = face.parts + 1
                # Its parts are new faces (ids and items): measure them again.
                sizes.pop(face.id, None)
                too_long.discard(face.id)
    for face in faces:
        face.text_size = sizes[face.id]
    return faces, [face for face in faces if face.id in too_long]
