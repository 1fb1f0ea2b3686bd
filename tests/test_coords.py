"""WGS-84 ⇄ GCJ-02 ⇄ BD-09 against published reference points, and the China outline."""

from __future__ import annotations

import math

import pytest

from commandcenter.domain import coords

# (wgs lon, wgs lat, gcj lon, gcj lat): the test vectors of googollee/eviltransform
# (go/transform_test.go, python/test.py), repeated by its ports in every language.
EVILTRANSFORM = [
    (121.5272106, 31.1774276, 121.531541859215, 31.17530398364597),  # Shanghai
    (113.912316, 22.543847, 113.9171764808363, 22.540796131694766),  # Shenzhen
    (116.377817, 39.911954, 116.38404722455657, 39.91334545536069),  # Beijing
]


@pytest.mark.parametrize(("w_lon", "w_lat", "g_lon", "g_lat"), EVILTRANSFORM)
def test_forward_matches_eviltransform(w_lon, w_lat, g_lon, g_lat):
    lon, lat = coords.wgs84_to_gcj02(w_lon, w_lat)
    assert lon == pytest.approx(g_lon, abs=1e-9)
    assert lat == pytest.approx(g_lat, abs=1e-9)


@pytest.mark.parametrize(("w_lon", "w_lat", "g_lon", "g_lat"), EVILTRANSFORM)
def test_inverse_recovers_wgs84_to_a_millionth_of_a_degree(w_lon, w_lat, g_lon, g_lat):
    lon, lat = coords.gcj02_to_wgs84(g_lon, g_lat)
    assert abs(lon - w_lon) < 1e-6
    assert abs(lat - w_lat) < 1e-6


def test_coordtransform_reference_points():
    # wandergis/coordtransform test/app.js, its published results for (116.404, 39.915).
    assert coords.wgs84_to_gcj02(116.404, 39.915) == pytest.approx(
        (116.41024449916938, 39.91640428150164), abs=1e-9
    )
    assert coords.gcj02_to_bd09(116.404, 39.915) == pytest.approx(
        (116.41036949371029, 39.92133699351021), abs=1e-9
    )
    assert coords.bd09_to_gcj02(116.404, 39.915) == pytest.approx(
        (116.39762729119315, 39.90865673957631), abs=1e-9
    )


def test_the_offset_is_hundreds_of_metres_in_putian():
    lon, lat = 119.0077, 25.4540
    g_lon, g_lat = coords.wgs84_to_gcj02(lon, lat)
    metres = math.hypot((g_lon - lon) * 111_320 * math.cos(math.radians(lat)), (g_lat - lat) * 110_574)
    assert 300 < metres < 800


def test_bd09_round_trip_through_wgs84():
    lon, lat = coords.bd09_to_wgs84(*coords.wgs84_to_bd09(119.0077, 25.4540))
    assert lon == pytest.approx(119.0077, abs=1e-5)
    assert lat == pytest.approx(25.4540, abs=1e-5)


@pytest.mark.parametrize(
    ("lon", "lat", "inside"),
    [
        (119.0077, 25.4540, True),  # Putian
        (116.404, 39.915, True),  # Beijing
        (87.6168, 43.8256, True),  # Ürümqi
        (109.5120, 18.2528, True),  # Sanya, Hainan
        (139.767125, 35.681236, False),  # Tokyo
        (126.9780, 37.5665, False),  # Seoul: inside one bounding box, outside the outline
        (105.8342, 21.0278, False),  # Hanoi
        (121.5654, 25.0330, False),  # Taipei: the apps show WGS-84 there
        (-104.9903, 39.7392, False),  # Denver
        (0.0, 0.0, False),
    ],
)
def test_in_china_rough_outline(lon, lat, inside):
    assert coords.in_china(lon, lat) is inside


def test_outside_china_nothing_moves():
    assert coords.wgs84_to_gcj02(139.767125, 35.681236) == (139.767125, 35.681236)
    assert coords.gcj02_to_wgs84(-104.9903, 39.7392) == (-104.9903, 39.7392)
