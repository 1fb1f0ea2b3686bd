"""Importing officers' timestamped positions from CSV or JSON (a list, or GeoJSON points)."""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
from sqlalchemy import select

from ...db import Database
from ...domain.actions import Action
from ...i18n import QT_TRANSLATE_NOOP as N
from ...models import (
    Officer,
)
from ..auth import Principal, authorize, system_principal
from ..geo import GridLocator
from ..lifecycle import write_audit
from ..roster import PositionReport, record_positions
from ..worktime import DEFAULT_TZ
from .reading import (
    LINE,
    RECORD,
    ImportResult,
    Problems,
    csv_records,
    load_json,
    normalise_header,
    read_text,
    reject,
    shown,
    tr,
)

FUTURE_TOLERANCE = timedelta(minutes=5)  # device clocks run a little fast


def parse_instant(value: Any, tz: ZoneInfo) -> datetime:
    """ISO 8601 (a time without offset is local time in `tz`) or epoch seconds (or milliseconds)."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float) or (isinstance(value, str) and re.fullmatch(r"\d{9,13}(\.\d+)?", value.strip())):
        seconds = float(value)
        if seconds > 1e11:
            seconds /= 1000.0
        return datetime.fromtimestamp(seconds, UTC)
    text = str(value).strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    instant = datetime.fromisoformat(text.replace("/", "-"))
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=tz)
    return instant.astimezone(UTC)


def _json_positions(path: Path, text: str, problems: Problems) -> list[tuple[str, dict[str, Any]]]:
    """(record label, fields) of every well-formed record; a record of the wrong shape (not an
    object, `properties` or `geometry` not objects) is a problem naming that record."""
    data = load_json(path, text)
    not_object = tr(N("imports", "{part} is not a JSON object"))
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list):
            raise reject(path, tr(N("imports", "the FeatureCollection has no list of features")))
        items = []
        for i, feature in enumerate(features, 1):
            where = tr(RECORD).format(n=i)
            if not isinstance(feature, dict):
                problems.add(where, not_object.format(part=tr(N("imports", "the feature"))))
                continue
            props, geom = feature.get("properties") or {}, feature.get("geometry") or {}
            if not isinstance(props, dict) or not isinstance(geom, dict):
                part = "properties" if not isinstance(props, dict) else "geometry"
                problems.add(where, not_object.format(part=part))
                continue
            props = {normalise_header(str(k)): v for k, v in props.items()}
            if geom.get("type") == "Point" and isinstance(geom.get("coordinates"), list):
                coords = geom["coordinates"]
                props.setdefault("lon", coords[0] if len(coords) > 0 else None)
                props.setdefault("lat", coords[1] if len(coords) > 1 else None)
            items.append((where, props))
        return items
    if isinstance(data, dict):
        data = data.get("positions")
    if not isinstance(data, list):
        raise reject(path, tr(N("imports", "expected a list of positions, {\"positions\": [...]} or a GeoJSON "
                                            "FeatureCollection of points")))
    out = []
    for i, item in enumerate(data, 1):
        where = tr(RECORD).format(n=i)
        if not isinstance(item, dict):
            problems.add(where, not_object.format(part=tr(N("imports", "the record"))))
            continue
        out.append((where, {normalise_header(str(k)): v for k, v in item.items()}))
    return out


def import_positions(db: Database, path: str | Path, actor: Principal | None = None,
                     tz: str = DEFAULT_TZ) -> ImportResult:
    """Timestamped officer positions from CSV (`employee_no,at,lon,lat`) or JSON.

    JSON is a list of objects with the same keys, `{"positions": [...]}`, or a GeoJSON
    FeatureCollection of points with `employee_no` and `at` properties. `at` is ISO 8601 (local
    time in `tz` when it has no offset) or epoch seconds. `created` counts the positions
    stored, `updated` the officers whose last known position moved.
    """
    actor = actor or system_principal(db, "importer")
    authorize(db, actor, Action.IMPORT_DATA)
    path = Path(path)
    text, encoding = read_text(path)
    zone = ZoneInfo(tz)
    problems = Problems(path)
    if path.suffix.lower() in (".json", ".geojson") or text.lstrip().startswith(("[", "{")):
        items = _json_positions(path, text, problems)
    else:
        items = [(tr(LINE).format(n=line), rec) for line, rec in csv_records(path, text, ("employee_no", "at",
                                                                                               "lon", "lat"))]
    if not items:
        problems.raise_if_any()
        raise reject(path, tr(N("imports", "the file holds no positions")))
    with db.read() as s:
        officers = dict(s.execute(select(Officer.employee_no, Officer.id)).all())
    latest_allowed = db.clock.now() + FUTURE_TOLERANCE
    reports: list[PositionReport] = []
    wheres: list[str] = []
    for where, rec in items:
        emp = str(rec.get("employee_no") or "").strip()
        before = len(problems.items)
        if not emp:
            problems.add(where, tr(N("imports", "employee_no is empty")))
        elif emp not in officers:
            problems.add(where, tr(N("imports", "unknown employee_no {value}")).format(value=emp))
        at = None
        raw_at = rec.get("at")
        if raw_at in (None, ""):
            problems.add(where, tr(N("imports", "the time (at) is empty")))
        else:
            try:
                at = parse_instant(raw_at, zone)
            except (ValueError, TypeError, OverflowError, OSError):
                problems.add(where, tr(N("imports", "time {value!r} is not ISO 8601 (2026-11-25T10:00:00+08:00) "
                                                    "or epoch seconds")).format(value=shown(raw_at)))
            else:
                if at > latest_allowed:
                    problems.add(where, tr(N("imports", "time {value} is in the future")).format(value=raw_at))
        coords = []
        for key, low, high in (("lon", -180.0, 180.0), ("lat", -90.0, 90.0)):
            raw = rec.get(key)
            try:
                value = float(raw)  # type: ignore[arg-type]
                if isinstance(raw, bool) or not (math.isfinite(value) and low <= value <= high):
                    raise ValueError(raw)
                coords.append(value)
            except (TypeError, ValueError):
                problems.add(where, tr(N("imports", "{field} {value} is not a WGS84 coordinate")).format(
                    field=key, value=tr(N("imports", "(empty)")) if raw in (None, "") else shown(raw)))
        if len(problems.items) == before and at is not None:
            reports.append(PositionReport(officers[emp], at, coords[0], coords[1]))
            wheres.append(where)
    problems.raise_if_any()

    warnings: list[tuple[str, str]] = []
    locator = GridLocator.from_database(db)
    if len(locator):
        inside = locator.locate_many(np.array([r.lon for r in reports]), np.array([r.lat for r in reports]))
        outside = np.flatnonzero(inside < 0)
        if len(outside):
            warnings.append((wheres[int(outside[0])], tr(N("imports", "{n} position(s) lie outside every unit grid "
                                                                     "(GCJ-02 or BD-09 coordinates instead of "
                                                                     "WGS84?)")).format(n=len(outside))))
    now = db.clock.now()
    with db.unit_of_work() as s:
        moved = record_positions(db, reports, session=s)
        write_audit(s, actor, now, "import_positions", "officer", None,
                    {"file": path.name, "encoding": encoding, "positions": len(reports), "moved": moved})
    return ImportResult("positions", str(path), encoding, len(reports), moved, 0, tuple(warnings))
