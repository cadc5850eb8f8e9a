"""The SVG path reader behind the app icons."""

from __future__ import annotations

import pytest
from pelican.plugins.handbook.offline.svgpath import PathError, polylines


def test_absolute_and_relative_lines_and_implicit_linetos():
    assert polylines("M22 32l7 7 14-15") == [([(22, 32), (29, 39), (43, 24)], False)]
    assert polylines("M0 0 10 0 10 10") == [([(0, 0), (10, 0), (10, 10)], False)]
    assert polylines("M1 1H5V4h-2v-1z") == [([(1, 1), (5, 1), (5, 4), (3, 4), (3, 3)], True)]


def test_curves_end_where_they_should_and_stay_inside_their_hull():
    ((points, closed),) = polylines("M0 0C0 10 10 10 10 0")
    assert points[-1] == pytest.approx((10, 0)) and not closed
    assert all(0 <= x <= 10 and 0 <= y <= 7.5 for x, y in points)
    assert max(y for _, y in points) == pytest.approx(7.5)  # a cubic's peak here


def test_a_subpath_after_close_starts_at_the_closed_point():
    first, second = polylines("M0 0h4v4zl2 2")
    assert first == ([(0, 0), (4, 0), (4, 4)], True)
    assert second == ([(0, 0), (2, 2)], False)


@pytest.mark.parametrize("data", ["M0 0A5 5 0 0 1 10 10", "M0 0L1", "M0 0 L x"])
def test_what_is_not_drawn_is_refused(data):
    with pytest.raises(PathError):
        polylines(data)
