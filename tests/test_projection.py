"""The one local projection: known distances, round trips, and agreement with the great circle."""

from __future__ import annotations

import math

import numpy as np
import pytest

from commandcenter.geometry.projection import (
    EARTH_RADIUS_M,
    METRES_PER_DEGREE_LAT,
    LocalProjection,
    haversine_m,
)

from .factories import STEP, X0, Y0

SHANGHAI = LocalProjection(121.47, 31.23)


def test_one_degree_of_latitude_is_about_111_km() -> None:
    assert METRES_PER_DEGREE_LAT == pytest.approx(111_195, abs=1)
    assert SHANGHAI.to_xy(121.47, 32.23) == pytest.approx((0.0, 111_195), abs=1)


def test_longitude_shrinks_with_the_cosine_of_latitude() -> None:
    assert LocalProjection(0.0, 0.0).metres_per_degree_lon == pytest.approx(METRES_PER_DEGREE_LAT)
    assert LocalProjection(0.0, 60.0).metres_per_degree_lon == pytest.approx(METRES_PER_DEGREE_LAT / 2)
    x, _ = SHANGHAI.to_xy(121.48, 31.23)
    assert x == pytest.approx(1_111.95 * math.cos(math.radians(31.23)), rel=1e-5)  # 951 m


def test_origin_is_zero_and_round_trip_returns_the_point() -> None:
    assert SHANGHAI.to_xy(121.47, 31.23) == (0.0, 0.0)
    for lon, lat in [(121.5, 31.3), (121.2, 30.9), (121.47, 31.23)]:
        assert SHANGHAI.to_lonlat(*SHANGHAI.to_xy(lon, lat)) == pytest.approx((lon, lat), abs=1e-12)


def test_arrays_agree_with_points_and_round_trip() -> None:
    lon = np.array([121.40, 121.47, 121.55])
    lat = np.array([31.10, 31.23, 31.40])
    x, y = SHANGHAI.to_xy_arrays(lon, lat)
    for i in range(3):
        assert (x[i], y[i]) == pytest.approx(SHANGHAI.to_xy(lon[i], lat[i]))
    coords = np.column_stack([lon, lat])
    projected = SHANGHAI.project_coords(coords)
    assert projected == pytest.approx(np.column_stack([x, y]))
    assert SHANGHAI.unproject_coords(projected) == pytest.approx(coords, abs=1e-12)


def test_city_scale_distances_match_the_great_circle() -> None:
    # about 10 km east, north and north-east of the origin: the plane is off by less than
    # 0.05 % (a couple of metres on the diagonal, where cos(latitude) has changed)
    for lon, lat in [(121.575, 31.23), (121.47, 31.32), (121.55, 31.30)]:
        x, y = SHANGHAI.to_xy(lon, lat)
        assert math.hypot(x, y) == pytest.approx(haversine_m(121.47, 31.23, lon, lat), rel=5e-4)


def test_haversine_known_distances() -> None:
    assert 95 < haversine_m(X0, Y0, X0 + STEP, Y0) < 105  # a test grid is about 100 m wide
    assert haversine_m(0, 0, 180, 0) == pytest.approx(math.pi * EARTH_RADIUS_M)
    assert haversine_m(121.47, 31.23, 121.47, 31.23) == 0.0
