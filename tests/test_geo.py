"""Grid assignment: inside, on borders and corners, and outside the city."""

from __future__ import annotations

import numpy as np
import pytest

from commandcenter.errors import OutsideCity
from commandcenter.services.geo import GridLocator

from .factories import STEP, X0, Y0, grid_centre


def test_point_inside_a_grid(db, city) -> None:  # type: ignore[no-untyped-def]
    loc = GridLocator.from_database(db)
    for i in range(4):
        assert loc.locate(*grid_centre(i)).grid_id == city.grid_ids[i]


def test_border_and_corner_go_to_the_lowest_code(db, city) -> None:  # type: ignore[no-untyped-def]
    loc = GridLocator.from_database(db)
    # the vertical border between 01 (west) and 02 (east)
    assert loc.locate(X0 + STEP, Y0 + STEP / 2).code.endswith("01")
    # the horizontal border between 02 (south) and 04 (north)
    assert loc.locate(X0 + 1.5 * STEP, Y0 + STEP).code.endswith("02")
    # the corner shared by all four grids
    assert loc.locate(X0 + STEP, Y0 + STEP).code.endswith("01")
    # the city's outer edge still belongs to the city
    assert loc.locate(X0, Y0).code.endswith("01")


@pytest.mark.parametrize("point", [(X0 - 0.0001, Y0), (X0 + 3 * STEP, Y0 + STEP), (0.0, 0.0), (float("nan"), Y0)])
def test_outside_every_grid_is_an_error(db, city, point) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(OutsideCity):
        GridLocator.from_database(db).locate(*point)


def test_locate_many_agrees_with_locate(db, city) -> None:  # type: ignore[no-untyped-def]
    loc = GridLocator.from_database(db)
    pts = [grid_centre(i) for i in range(4)] + [(X0 + STEP, Y0 + STEP), (X0 - 1, Y0)]
    got = loc.locate_many(np.array([p[0] for p in pts]), np.array([p[1] for p in pts]))
    assert list(got[:5]) == [*city.grid_ids, city.grid_ids[0]]
    assert got[5] == -1
