"""Importing a city's roads from a GeoJSON FeatureCollection of (multi)line strings.

The file replaces every stored road (a road file is the city's whole network, exported again
when it changes), all or nothing: any bad feature refuses the file and nothing is written.
Each feature needs a LineString or MultiLineString in WGS84 lon/lat; ``name`` is optional
(unnamed roads are drawn but not labelled), ``class`` (or OpenStreetMap's ``highway``)
decides whether it is a main road, drawn at every zoom, or a minor one, drawn closer in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import shape
from sqlalchemy import delete

from ...db import Database
from ...domain.actions import Action
from ...domain.entities import Entity
from ...i18n import QT_TRANSLATE_NOOP as N
from ...models import Road
from ..auth import Principal, authorize, system_principal
from ..changefeed import record_change
from ..lifecycle import write_audit
from .reading import ImportResult, Problems, check_length, load_json, read_text, reject, tr

MAIN_CLASSES = frozenset({"main", "primary", "trunk", "motorway", "secondary", "arterial",
                          "主干路", "快速路", "次干路"})
_FEATURE_N = N("imports", "feature #{n}")


def _road_class(props: dict[str, Any]) -> str:
    value = str(props.get("class") or props.get("highway") or "").strip().lower()
    return "main" if value in MAIN_CLASSES else "minor"


def _read(path: Path, text: str, problems: Problems) -> list[tuple[str, str, shapely.Geometry]]:
    data = load_json(path, text)
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise reject(path, tr(N("imports", "not a GeoJSON FeatureCollection")))
    features = data.get("features")
    if not isinstance(features, list) or not features:
        raise reject(path, tr(N("imports", "the FeatureCollection has no features")))
    out = []
    for index, feature in enumerate(features):
        where = tr(_FEATURE_N).format(n=index + 1)
        props = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(feature, dict) or not isinstance(props or {}, dict):
            problems.add(where, tr(N("imports", "{part} is not a JSON object")).format(part=tr(N("imports", "the feature"))))
            continue
        props = props or {}
        name = str(props.get("name") or "").strip()
        check_length(problems, where, "name", name, Road.name)
        try:
            geom = shape(feature.get("geometry") or {})
        except (ValueError, TypeError, AttributeError, KeyError, shapely.errors.GEOSException):
            geom = None
        if geom is None or geom.geom_type not in ("LineString", "MultiLineString") or geom.is_empty:
            problems.add(where, tr(N("imports", "the geometry is not a LineString or MultiLineString")))
            continue
        xmin, ymin, xmax, ymax = geom.bounds
        if xmin < -180 or xmax > 180 or ymin < -90 or ymax > 90:
            problems.add(where, tr(N("imports", "coordinates outside longitude/latitude: roads must be WGS84")))
            continue
        for part in shapely.get_parts(geom):
            out.append((name, _road_class(props), part))
    return out


def import_roads(db: Database, path: str | Path, actor: Principal | None = None) -> ImportResult:
    """Replace the stored roads with the file's (all or nothing)."""
    actor = actor or system_principal(db, "importer")
    authorize(db, actor, Action.IMPORT_DATA)
    path = Path(path)
    text, encoding = read_text(path)
    problems = Problems(path)
    roads = _read(path, text, problems)
    problems.raise_if_any()
    now = db.clock.now()
    with db.unit_of_work() as s:
        removed = s.execute(delete(Road)).rowcount or 0
        rows = []
        for name, road_class, line in roads:
            xmin, ymin, xmax, ymax = line.bounds
            rows.append(Road(name=name, road_class=road_class, geometry=shapely.to_wkb(line),
                             min_lon=xmin, min_lat=ymin, max_lon=xmax, max_lat=ymax))
        s.add_all(rows)
        s.flush()
        # the map's cached geometry (roads included) is dropped on a grid-entity change
        record_change(s, now, Entity.GRID, 0, "update")
        write_audit(s, actor, now, "import_roads", "road", None,
                    {"file": path.name, "created": len(rows), "replaced": removed})
    return ImportResult("roads", str(path), encoding, len(rows), 0)
