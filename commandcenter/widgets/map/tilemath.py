"""Web-Mercator tile arithmetic (XYZ and MBTiles/TMS) and the GCJ-02 shift of a basemap's tiles.

Our data is WGS-84. Tiles from 天地图 are CGCS2000, which matches WGS-84 to centimetres, and
are drawn where their numbers say. Tiles from Amap or Tencent are GCJ-02: their pixels show a
place where its GCJ-02 coordinates are, a few hundred metres from its WGS-84 ones. The map
therefore looks up the tiles covering the GCJ-02 image of the view, and draws each tile
shifted back by the offset (GCJ-02 minus WGS-84) computed once at the tile's centre with
:mod:`commandcenter.domain.coords`. The offset varies slowly (about half a percent of the
distance), so the error of one offset per tile grows with the tile: at its corners it is about
0.6 of a tile pixel at every zoom, i.e. under a metre from zoom 17 (tiles ~275 m, pixels ~1 m)
and 1.4 m at zoom 16; ``tests/test_map_basemap.py`` measures it at four cities.
"""

from __future__ import annotations

import math

from ...domain.coords import gcj02_to_wgs84, wgs84_to_gcj02

TILE_PX = 256
EQUATOR_M_PER_PX_Z0 = 156_543.033_928  # ground resolution of zoom 0 at the equator
MAX_LAT = 85.051_128_78
CRS_WGS84, CRS_GCJ02 = "wgs84", "gcj02"
CRS_CHOICES: tuple[str, ...] = (CRS_WGS84, CRS_GCJ02)


def zoom_for(m_per_px: float, lat: float, min_zoom: int, max_zoom: int) -> int:
    """The tile zoom whose pixels are nearest the screen's, in octaves (clamped to the source's).

    Tiles are then drawn at 0.7x to 1.4x: a frame draws a third as many tiles as it would if
    they were never enlarged, and text on them stays legible.
    """
    ground = EQUATOR_M_PER_PX_Z0 * math.cos(math.radians(lat))
    z = round(math.log2(ground / max(m_per_px, 1e-6)))
    return max(min_zoom, min(max_zoom, z))


def tile_xy(lon: float, lat: float, z: int) -> tuple[float, float]:
    """Fractional XYZ tile coordinates of a lon/lat (y grows southwards)."""
    n = 2**z
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    x = (lon + 180.0) / 360.0 * n
    y = (1.0 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2.0 * n
    return x, y


def tile_lonlat(x: float, y: float, z: int) -> tuple[float, float]:
    """The lon/lat of a (fractional) XYZ tile corner."""
    n = 2**z
    return x / n * 360.0 - 180.0, math.degrees(math.atan(math.sinh(math.pi * (1.0 - 2.0 * y / n))))


def tile_bounds(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    """(west, south, east, north) of an XYZ tile, in the tiles' own coordinate system."""
    west, north = tile_lonlat(x, y, z)
    east, south = tile_lonlat(x + 1, y + 1, z)
    return west, south, east, north


def tms_row(z: int, y: int) -> int:
    """MBTiles store rows bottom-up (TMS): row 0 is the southernmost."""
    return 2**z - 1 - y


def data_to_tiles(lon: float, lat: float, crs: str) -> tuple[float, float]:
    """Where a WGS-84 point is in the tiles' coordinates."""
    return wgs84_to_gcj02(lon, lat) if crs == CRS_GCJ02 else (lon, lat)


def tile_offset(z: int, x: int, y: int, crs: str) -> tuple[float, float]:
    """(dlon, dlat) to subtract from a tile's corners to place it on WGS-84 data (0 for WGS-84 tiles).

    One constant per tile, taken at its centre: see the module docstring for why it is enough.
    """
    if crs != CRS_GCJ02:
        return 0.0, 0.0
    west, south, east, north = tile_bounds(z, x, y)
    clon, clat = (west + east) / 2, (south + north) / 2
    wlon, wlat = gcj02_to_wgs84(clon, clat)
    return clon - wlon, clat - wlat
