"""WGS-84, GCJ-02 and BD-09 coordinates: the conversions Chinese map data needs.

Satellite positions, our grids and the database are WGS-84. Maps and apps published in mainland
China (Amap/高德, Tencent/腾讯, WeChat locations, most intranet tile servers) use GCJ-02, a
deliberately offset system: a point read off one of them lies a few hundred metres from its
WGS-84 place, more than a unit grid. Baidu adds a second offset on top (BD-09).

The forward formula (WGS-84 → GCJ-02) is the one published with the leaked reference
implementation and used by every open library (eviltransform, coordtransform): a Krasovsky
ellipsoid and a sum of sines. It has no closed inverse, so GCJ-02 → WGS-84 iterates the forward
formula until the round trip agrees to better than 1e-7 degrees (about a centimetre).

Outside mainland China there is no offset: Amap and the others show WGS-84 there, so points
outside `in_china` pass through unchanged, and intake refuses a "GCJ-02" reading outside China
instead of guessing. Pure Python, no Qt, no database: used by intake, the gazetteer import and
the map's basemap alignment.
"""

from __future__ import annotations

import math

_A = 6378245.0  # Krasovsky 1940 semi-major axis, as the published formula uses
_EE = 0.00669342162296594323  # its first eccentricity squared
_X_PI = math.pi * 3000.0 / 180.0  # Baidu's constant

# A rough outline of mainland China as rectangles (west, north, east, south), the widely copied
# set first published by Aimeast (cnblogs.com/Aimeast/archive/2012/08/09/2629614.html) and used
# by eviltransform's ports: better than one bounding box, which would call Seoul, Hanoi and
# Ulaanbaatar Chinese. Taiwan, northern Vietnam and the Russian Far East corners are cut out
# because the map apps show WGS-84 there. Within a few kilometres of a land border the answer
# can be wrong either way; a call-taker's points are in a city well inside.
_REGION: tuple[tuple[float, float, float, float], ...] = (
    (79.446200, 49.220400, 96.330000, 42.889900),
    (109.687200, 54.141500, 135.000200, 39.374200),
    (73.124600, 42.889900, 124.143255, 29.529700),
    (82.968400, 29.529700, 97.035200, 26.718600),
    (97.025300, 29.529700, 124.367395, 20.414096),
    (107.975793, 20.414096, 111.744104, 17.871542),
)
_EXCLUDE: tuple[tuple[float, float, float, float], ...] = (
    (119.921265, 25.398623, 122.497559, 21.785006),
    (101.865200, 22.284000, 106.665000, 20.098800),
    (106.452500, 21.542200, 108.051000, 20.487800),
    (109.032300, 55.817500, 119.127000, 50.325700),
    (127.456800, 55.817500, 137.022700, 49.557400),
    (131.266200, 44.892200, 137.022700, 42.569200),
)

_INVERSE_TOLERANCE = 1e-7
_INVERSE_MAX_STEPS = 30


def _inside(rect: tuple[float, float, float, float], lon: float, lat: float) -> bool:
    west, north, east, south = rect
    return west <= lon <= east and south <= lat <= north


def in_china(lon: float, lat: float) -> bool:
    """Whether GCJ-02 applies at this point (the rough outline above, not a legal border)."""
    if not any(_inside(r, lon, lat) for r in _REGION):
        return False
    return not any(_inside(r, lon, lat) for r in _EXCLUDE)


def _offset(lon: float, lat: float) -> tuple[float, float]:
    """The GCJ-02 shift in degrees (d_lon, d_lat) at a WGS-84 point."""
    x = lon - 105.0
    y = lat - 35.0
    common = (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    d_lat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    d_lat += common
    d_lat += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    d_lat += (160.0 * math.sin(y / 12.0 * math.pi) + 320.0 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    d_lon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    d_lon += common
    d_lon += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    d_lon += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    rad_lat = lat / 180.0 * math.pi
    magic = 1.0 - _EE * math.sin(rad_lat) ** 2
    sqrt_magic = math.sqrt(magic)
    d_lat = (d_lat * 180.0) / ((_A * (1.0 - _EE)) / (magic * sqrt_magic) * math.pi)
    d_lon = (d_lon * 180.0) / (_A / sqrt_magic * math.cos(rad_lat) * math.pi)
    return d_lon, d_lat


def wgs84_to_gcj02(lon: float, lat: float) -> tuple[float, float]:
    """The GCJ-02 (lon, lat) of a WGS-84 point; unchanged outside China."""
    if not in_china(lon, lat):
        return lon, lat
    d_lon, d_lat = _offset(lon, lat)
    return lon + d_lon, lat + d_lat


def gcj02_to_wgs84(lon: float, lat: float) -> tuple[float, float]:
    """The WGS-84 (lon, lat) of a GCJ-02 point, by fixed-point iteration of the forward formula.

    The offset changes by less than 1e-4 of itself per degree, so each step gains about four
    decimal places: three or four steps reach the tolerance.
    """
    if not in_china(lon, lat):
        return lon, lat
    w_lon, w_lat = lon, lat
    for _ in range(_INVERSE_MAX_STEPS):
        d_lon, d_lat = _offset(w_lon, w_lat)
        err_lon = w_lon + d_lon - lon
        err_lat = w_lat + d_lat - lat
        if abs(err_lon) < _INVERSE_TOLERANCE and abs(err_lat) < _INVERSE_TOLERANCE:
            break
        w_lon -= err_lon
        w_lat -= err_lat
    return w_lon, w_lat


def gcj02_to_bd09(lon: float, lat: float) -> tuple[float, float]:
    """Baidu's BD-09 (lon, lat) of a GCJ-02 point (the published closed form)."""
    z = math.hypot(lon, lat) + 0.00002 * math.sin(lat * _X_PI)
    theta = math.atan2(lat, lon) + 0.000003 * math.cos(lon * _X_PI)
    return z * math.cos(theta) + 0.0065, z * math.sin(theta) + 0.006


def bd09_to_gcj02(lon: float, lat: float) -> tuple[float, float]:
    """The GCJ-02 (lon, lat) of a Baidu BD-09 point (the published approximate inverse)."""
    x = lon - 0.0065
    y = lat - 0.006
    z = math.hypot(x, y) - 0.00002 * math.sin(y * _X_PI)
    theta = math.atan2(y, x) - 0.000003 * math.cos(x * _X_PI)
    return z * math.cos(theta), z * math.sin(theta)


def wgs84_to_bd09(lon: float, lat: float) -> tuple[float, float]:
    """Baidu's BD-09 of a WGS-84 point (through GCJ-02)."""
    return gcj02_to_bd09(*wgs84_to_gcj02(lon, lat))


def bd09_to_wgs84(lon: float, lat: float) -> tuple[float, float]:
    """The WGS-84 of a Baidu BD-09 point (through GCJ-02)."""
    return gcj02_to_wgs84(*bd09_to_gcj02(lon, lat))
