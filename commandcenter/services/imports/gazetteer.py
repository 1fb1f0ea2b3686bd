"""Importing the gazetteer (named places for address look-up) from CSV `name,kind,lon,lat[,grid_code]`.

All or nothing like every import: a bad kind, a coordinate that is not a number, a point
outside the city (or, for a GCJ-02 file, outside China), an unknown grid code: each is a
problem naming its line, and a file with any problem stores nothing. Coordinates are stored
WGS-84; a file read off a Chinese map app is GCJ-02 and is converted (`crs="gcj02"`). A row's
grid is the given code, else the grid its point lies in. A place already stored (same name,
kind and grid) gets the file's point; places not in the file are kept.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sqlalchemy import func, insert, select, update

from ...db import Database
from ...domain.actions import Action
from ...domain.coords import gcj02_to_wgs84, in_china
from ...domain.entities import Entity
from ...domain.places import KIND_ALIASES, PlaceKind
from ...i18n import QT_TRANSLATE_NOOP as N
from ...models import Grid
from ...models.gazetteer import GazetteerEntry
from ..auth import Principal, authorize, system_principal
from ..changefeed import record_change
from ..gazetteer.pinyin import place_pinyin
from ..geo import GridLocator
from ..lifecycle import write_audit
from .reading import LINE, ImportResult, Problems, check_length, csv_records, read_text, reject, tr

CRS_CHOICES = ("wgs84", "gcj02")
# a row with its own grid code may sit in a gap between drawn grids, but not kilometres away
_CITY_MARGIN_DEG = 0.01


@dataclass
class _PlaceIn:
    line: int
    name: str
    kind: str
    lon: float
    lat: float
    grid_code: str


def _number(problems: Problems, where: str, label: str, raw: str) -> float | None:
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        problems.add(where, tr(N("imports", "{field} {value!r} is not a number")).format(field=label, value=raw))
        return None
    return value


def import_gazetteer(db: Database, path: str | Path, actor: Principal | None = None, *,
                     crs: str = "wgs84") -> ImportResult:
    """Places from CSV `name,kind,lon,lat[,grid_code]`; `crs` says what the coordinates are in."""
    actor = actor or system_principal(db, "importer")
    authorize(db, actor, Action.IMPORT_DATA)
    path = Path(path)
    if crs not in CRS_CHOICES:
        raise reject(path, tr(N("imports", "unknown coordinate system {value!r}; use wgs84 or gcj02")).format(value=crs))
    text, encoding = read_text(path)
    records = csv_records(path, text, ("name", "kind", "lon", "lat"), ("grid_code",))
    with db.read() as s:
        grid_ids = dict(s.execute(select(Grid.code, Grid.id)).all())
        extent = s.execute(select(func.min(Grid.min_lon), func.min(Grid.min_lat),
                                  func.max(Grid.max_lon), func.max(Grid.max_lat))).one()
    if not grid_ids:
        raise reject(path, tr(N("imports", "the database has no grids yet: import the grids first")))
    problems = Problems(path)
    rows: list[_PlaceIn] = []
    kinds = ", ".join(k.value for k in PlaceKind)
    for line, rec in records:
        where = tr(LINE).format(n=line)
        before = len(problems.items)
        name = rec["name"]
        if not name:
            problems.add(where, tr(N("imports", "name is empty")))
        check_length(problems, where, "name", name, GazetteerEntry.name)
        kind = KIND_ALIASES.get(rec["kind"].strip().lower())
        if kind is None:
            problems.add(where, tr(N("imports", "unknown kind {value!r}; use {kinds}")).format(
                value=rec["kind"], kinds=kinds))
        lon = _number(problems, where, "lon", rec["lon"])
        lat = _number(problems, where, "lat", rec["lat"])
        code = rec.get("grid_code", "")
        if code and code not in grid_ids:
            problems.add(where, tr(N("imports", "unknown grid code {code}")).format(code=code))
        if lon is not None and lat is not None and crs == "gcj02":
            if not in_china(lon, lat):
                problems.add(where, tr(N("imports", "the point {lon}, {lat} is outside China, where GCJ-02 does "
                                                    "not apply")).format(lon=lon, lat=lat))
            else:
                lon, lat = gcj02_to_wgs84(lon, lat)
        if len(problems.items) == before and kind is not None and lon is not None and lat is not None:
            rows.append(_PlaceIn(line, name, kind.value, lon, lat, code))

    located = GridLocator.from_database(db).locate_many(
        np.array([r.lon for r in rows], dtype=float), np.array([r.lat for r in rows], dtype=float)
    ) if rows else np.array([], dtype=np.int64)
    west, south, east, north = (float(v) for v in extent)
    places: list[tuple[_PlaceIn, int]] = []
    for row, found in zip(rows, located.tolist(), strict=True):
        where = tr(LINE).format(n=row.line)
        if row.grid_code:
            inside = (west - _CITY_MARGIN_DEG <= row.lon <= east + _CITY_MARGIN_DEG
                      and south - _CITY_MARGIN_DEG <= row.lat <= north + _CITY_MARGIN_DEG)
            grid_id = grid_ids[row.grid_code]
        else:
            inside, grid_id = found >= 0, int(found)
        if not inside:
            problems.add(where, tr(N("imports", "the point {lon:.6f}, {lat:.6f} is outside the city (in no grid)"))
                         .format(lon=row.lon, lat=row.lat))
            continue
        places.append((row, grid_id))
    seen: dict[tuple[str, str, int], int] = {}
    for row, grid_id in places:
        key = (row.name, row.kind, grid_id)
        if key in seen:
            problems.add(tr(LINE).format(n=row.line), tr(N("imports", "{name} ({kind}) in the same grid is already "
                                                                      "on line {n}")).format(
                name=row.name, kind=row.kind, n=seen[key]))
        else:
            seen[key] = row.line
    problems.raise_if_any()

    now = db.clock.now()
    created = updated = unchanged = 0
    with db.unit_of_work() as s:
        stored = {(n, k, g): (i, lo, la) for i, n, k, g, lo, la in s.execute(
            select(GazetteerEntry.id, GazetteerEntry.name, GazetteerEntry.kind, GazetteerEntry.grid_id,
                   GazetteerEntry.lon, GazetteerEntry.lat))}
        new_rows: list[dict[str, object]] = []
        moved: list[dict[str, object]] = []
        for row, grid_id in places:
            known = stored.get((row.name, row.kind, grid_id))
            if known is None:
                full, initials = place_pinyin(row.name)
                new_rows.append({"name": row.name, "kind": row.kind, "lon": row.lon, "lat": row.lat,
                                 "grid_id": grid_id, "pinyin": full[:480], "pinyin_initials": initials[:120]})
            elif (known[1], known[2]) != (row.lon, row.lat):
                moved.append({"id": known[0], "lon": row.lon, "lat": row.lat})
            else:
                unchanged += 1
        if new_rows:
            s.execute(insert(GazetteerEntry), new_rows)
        if moved:
            s.execute(update(GazetteerEntry), moved)
        created, updated = len(new_rows), len(moved)
        record_change(s, now, Entity.GAZETTEER, 0, "import")
        write_audit(s, actor, now, "import_gazetteer", "gazetteer", None,
                    {"file": path.name, "encoding": encoding, "crs": crs, "created": created, "updated": updated})
    return ImportResult("gazetteer", str(path), encoding, created, updated, unchanged)
