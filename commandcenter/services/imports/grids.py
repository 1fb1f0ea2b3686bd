"""Importing unit grids from a GeoJSON FeatureCollection of polygons.

Each polygon's validity, duplicate codes and overlaps (with the file's other grids and with
grids already stored) are checked, and gaps inside a community are reported as warnings. The
district, street and community of a grid come from its code's prefixes (6 + 3 + 3 digits) and
are created when missing, so a whole city imports into an empty database; renaming a stored
one is refused unless asked for, and then audited.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import shape
from sqlalchemy import select
from sqlalchemy.orm import Session

from ...db import Database
from ...domain.actions import Action
from ...domain.entities import Entity
from ...errors import ImportRejected
from ...geometry.projection import LocalProjection
from ...i18n import QT_TRANSLATE_NOOP as N
from ...models import (
    Community,
    District,
    Grid,
    Street,
)
from ..auth import Principal, authorize, system_principal
from ..changefeed import record_change
from ..lifecycle import write_audit
from ..roster import pinyin_initials
from .reading import ImportResult, Problems, check_length, load_json, read_text, reject, tr

GRID_CODE_LENGTHS: tuple[int, ...] = (14, 15)  # 6 county + 3 street + 3 community + 2 or 3 grid digits
OVERLAP_TOLERANCE_M2 = 1.0  # shared edges digitised twice differ by slivers; real overlaps are bigger
GAP_TOLERANCE_M2 = 1.0
_FEATURE = N("imports", "feature {code}")
_FEATURE_N = N("imports", "feature #{n}")


@dataclass
class _Feature:
    index: int
    where: str
    code: str
    name: str
    geom: shapely.Geometry
    names: dict[str, str]  # district_name / street_name / community_name when given


def _feature_label(index: int, code: str) -> str:
    return tr(_FEATURE).format(code=code) if code else tr(_FEATURE_N).format(n=index + 1)


def _read_features(path: Path, text: str, problems: Problems) -> list[_Feature]:
    data = load_json(path, text)
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise reject(path, tr(N("imports", "not a GeoJSON FeatureCollection")))
    crs = _crs_name(path, data.get("crs"))
    if crs and not re.search(r"(CRS84|EPSG:+4326|EPSG::4326)$", crs):
        raise reject(path, tr(N("imports", "the coordinates are in {crs}; grids must be WGS84 longitude/latitude"))
                      .format(crs=crs))
    features = data.get("features")
    if not isinstance(features, list) or not features:
        raise reject(path, tr(N("imports", "the FeatureCollection has no features")))
    out: list[_Feature] = []
    seen: dict[str, int] = {}
    not_object = tr(N("imports", "{part} is not a JSON object"))
    for index, feature in enumerate(features):
        if not isinstance(feature, dict):
            problems.add(_feature_label(index, ""), not_object.format(part=tr(N("imports", "the feature"))))
            continue
        props = feature.get("properties")
        if props is not None and not isinstance(props, dict):
            problems.add(_feature_label(index, ""), not_object.format(part="properties"))
            continue
        props = props or {}
        raw_code = props.get("code")
        code = str(raw_code).strip() if isinstance(raw_code, str | int) and not isinstance(raw_code, bool) else ""
        where = _feature_label(index, code)
        before = len(problems.items)
        if not code:
            problems.add(where, tr(N("imports", "no code property (a string of digits)")))
        elif not code.isdigit() or len(code) not in GRID_CODE_LENGTHS:
            problems.add(where, tr(N("imports", "code {code} is not {lengths} digits (county 6 + street 3 + "
                                                "community 3 + grid)")).format(
                code=code, lengths=" or ".join(str(n) for n in GRID_CODE_LENGTHS)))
        elif code in seen:
            problems.add(where, tr(N("imports", "duplicate code: feature #{n} has the same code")).format(
                n=seen[code] + 1))
        else:
            seen[code] = index
        name = str(props.get("name") or "").strip()
        if not name:
            problems.add(where, tr(N("imports", "no name property")))
        check_length(problems, where, "name", name, Grid.name)
        names = {}
        for key, column in (("district_name", District.name), ("street_name", Street.name),
                            ("community_name", Community.name)):
            value = str(props.get(key) or "").strip()
            check_length(problems, where, key, value, column)
            if value:
                names[key] = value
        geom = _feature_geometry(feature, where, problems)
        if geom is not None and len(problems.items) == before:
            out.append(_Feature(index, where, code, name, geom, names))
    return out


def _crs_name(path: Path, crs: Any) -> str:
    """The name of a GeoJSON 2008 `crs` member ({"type": "name", "properties": {"name": ...}}), or
    the member itself when a tool wrote the name as a plain string; '' when absent."""
    if crs is None or crs == "":
        return ""
    if isinstance(crs, str):
        return crs.strip()
    props = crs.get("properties") if isinstance(crs, dict) else None
    name = props.get("name") if isinstance(props, dict) else None
    if not isinstance(name, str):
        raise reject(path, tr(N("imports", "the crs member is not a named coordinate system; grids must be WGS84 "
                                            "longitude/latitude")))
    return name.strip()


def _feature_geometry(feature: dict[str, Any], where: str, problems: Problems) -> shapely.Geometry | None:
    raw = feature.get("geometry")
    if raw is not None and not isinstance(raw, dict):
        problems.add(where, tr(N("imports", "{part} is not a JSON object")).format(part="geometry"))
        return None
    if raw is None or raw.get("type") not in ("Polygon", "MultiPolygon"):
        kind = raw.get("type") if isinstance(raw, dict) else None
        problems.add(where, tr(N("imports", "geometry is {kind}, not a Polygon or MultiPolygon")).format(
            kind=kind or tr(N("imports", "missing"))))
        return None
    try:
        geom = shapely.force_2d(shape(raw))
    except Exception as exc:  # shapely raises several types for malformed coordinates
        problems.add(where, tr(N("imports", "unreadable coordinates: {reason}")).format(reason=str(exc) or type(exc).__name__))
        return None
    if geom.is_empty:
        problems.add(where, tr(N("imports", "the geometry is empty")))
        return None
    xmin, ymin, xmax, ymax = geom.bounds
    if not (-180 <= xmin <= xmax <= 180 and -90 <= ymin <= ymax <= 90):
        problems.add(where, tr(N("imports", "coordinates ({x:.0f}, {y:.0f}) are not WGS84 longitude/latitude "
                                            "(projected metres?)")).format(x=xmin, y=ymin))
        return None
    reason = shapely.is_valid_reason(geom)
    if reason != "Valid Geometry":
        problems.add(where, tr(N("imports", "invalid geometry: {reason}")).format(reason=reason))
        return None
    return geom


def _overlaps(features: list[_Feature], stored: list[tuple[str, shapely.Geometry]],
              project: Callable[[np.ndarray], np.ndarray], problems: Problems) -> None:
    """Pairs of grids whose shared area exceeds the tolerance (containment included)."""
    labels = [f.where for f in features] + [code for code, _ in stored]
    codes = [f.code for f in features] + [code for code, _ in stored]
    geoms = shapely.transform(np.array([f.geom for f in features] + [g for _, g in stored], dtype=object), project)
    n_file = len(features)
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    keep = (left < right) & (left < n_file)  # each pair once, and at least one side from the file
    left, right = left[keep], right[keep]
    if not len(left):
        return
    areas = shapely.area(shapely.intersection(geoms[left], geoms[right]))
    for i, j, area in zip(left.tolist(), right.tolist(), areas.tolist(), strict=True):
        if area <= OVERLAP_TOLERANCE_M2:
            continue
        if j < n_file:
            problems.add(labels[j], tr(N("imports", "overlaps grid {other} by {area} m²")).format(
                other=codes[i], area=f"{area:,.0f}"))
        else:
            problems.add(labels[i], tr(N("imports", "overlaps the stored grid {other} by {area} m²")).format(
                other=codes[j], area=f"{area:,.0f}"))


def _gaps(by_community: dict[str, list[shapely.Geometry]], project: Callable[[np.ndarray], np.ndarray],
          unproject: Callable[[np.ndarray], np.ndarray]) -> list[tuple[str, str]]:
    warnings = []
    for community in sorted(by_community):
        geoms = shapely.transform(np.array(by_community[community], dtype=object), project)
        union = shapely.union_all(geoms, grid_size=0.001)
        parts = [p for p in shapely.get_parts(union) if isinstance(p, shapely.Polygon)]
        where = tr(N("imports", "community {code}")).format(code=community)
        for part in parts:
            for ring in part.interiors:
                hole = shapely.Polygon(ring)
                if hole.area > GAP_TOLERANCE_M2:
                    point = shapely.transform(hole.representative_point(), unproject)
                    warnings.append((where, tr(N("imports", "a gap of {area} m² between its grids near {lon:.5f}, "
                                                            "{lat:.5f}")).format(area=f"{hole.area:,.0f}",
                                                                                 lon=point.x, lat=point.y)))
        if len(parts) > 1:
            warnings.append((where, tr(N("imports", "its grids form {n} separate pieces (a gap runs through it)"))
                             .format(n=len(parts))))
    return warnings


def import_grids(db: Database, path: str | Path, actor: Principal | None = None,
                 rename_areas: bool = False) -> ImportResult:
    """Unit grids from a GeoJSON FeatureCollection of (multi)polygons with `code` and `name`.

    A code already stored updates that grid's name and geometry. Districts, streets and
    communities missing for a code's prefixes are created, named by the optional
    `district_name`, `street_name` and `community_name` properties (else by their code). A name
    differing from a stored one refuses the file unless `rename_areas`: a grid file from another
    source must not quietly rename a street every case and briefing is filed under. Each
    rename asked for is written to the audit trail.
    """
    actor = actor or system_principal(db, "importer")
    authorize(db, actor, Action.IMPORT_DATA)
    path = Path(path)
    text, encoding = read_text(path)
    problems = Problems(path)
    features = _read_features(path, text, problems)
    parents, named_by = _parent_names(features, problems)

    with db.read() as s:
        stored_rows = s.execute(select(Grid.code, Grid.geometry)).all()
        if not rename_areas:
            for r in _renames(s, parents):
                problems.add(named_by[r.kind, r.code], _rename_problem(r))
    file_codes = {f.code for f in features}
    stored = [(code, shapely.from_wkb(wkb)) for code, wkb in stored_rows if code not in file_codes]
    all_geoms = [f.geom for f in features] + [g for _, g in stored]
    centroids = [g.centroid for g in all_geoms]
    projection = LocalProjection(float(np.mean([c.x for c in centroids])) if centroids else 0.0,
                                 float(np.mean([c.y for c in centroids])) if centroids else 0.0)
    project, unproject = projection.project_coords, projection.unproject_coords
    if features:
        _overlaps(features, stored, project, problems)
    problems.raise_if_any()

    by_community: dict[str, list[shapely.Geometry]] = defaultdict(list)
    for f in features:
        by_community[f.code[:12]].append(f.geom)
    for code, geom in stored:
        if code[:12] in by_community:
            by_community[code[:12]].append(geom)
    warnings = _gaps(by_community, project, unproject)

    now = db.clock.now()
    with db.unit_of_work() as s:
        renames = _renames(s, parents)
        if renames and not rename_areas:  # renamed by another seat since the check above
            raise ImportRejected(str(path), [(named_by[r.kind, r.code], _rename_problem(r)) for r in renames])
        community_ids, made = _ensure_parents(s, parents)
        for r in renames:
            write_audit(s, actor, now, "rename_area", r.kind, r.id,
                        {"file": path.name, "code": r.code, "from": r.old, "to": r.new})
        existing = {g.code: g for g in s.scalars(select(Grid).where(Grid.code.in_(list(file_codes))))}
        created = updated = 0
        changed: list[tuple[Grid, str]] = []
        for f in features:
            projected = shapely.transform(f.geom, project)
            centroid = shapely.point_on_surface(f.geom)  # inside the grid even when it is concave or in parts
            xmin, ymin, xmax, ymax = f.geom.bounds
            values = dict(
                community_id=community_ids[f.code[:12]], name=f.name, geometry=shapely.to_wkb(f.geom),
                centroid_lon=centroid.x, centroid_lat=centroid.y, area_m2=max(projected.area, 0.01),
                min_lon=xmin, min_lat=ymin, max_lon=xmax, max_lat=ymax,
            )
            grid = existing.get(f.code)
            if grid is None:
                grid = Grid(code=f.code, **values)
                s.add(grid)
                changed.append((grid, "insert"))
                created += 1
            else:
                for key, value in values.items():
                    setattr(grid, key, value)
                changed.append((grid, "update"))
                updated += 1
        s.flush()
        for grid, op in changed:
            record_change(s, now, Entity.GRID, grid.id, op)
        write_audit(s, actor, now, "import_grids", "grid", None,
                    {"file": path.name, "created": created, "updated": updated, **made})
    return ImportResult("grids", str(path), encoding, created, updated, 0, tuple(warnings), made,
                        tuple((r.kind, r.code, r.old, r.new) for r in renames))


@dataclass(frozen=True)
class _Rename:
    kind: str  # district | street | community
    id: int
    code: str
    old: str
    new: str


_PARENT_KINDS: tuple[tuple[str, int, Any], ...] = (("district", 6, District), ("street", 9, Street),
                                                    ("community", 12, Community))


def _parent_names(features: Iterable[_Feature], problems: Problems
                  ) -> tuple[dict[str, dict[str, str]], dict[tuple[str, str], str]]:
    """Codes of every district (6), street (9) and community (12) the file needs, with the names
    the file gives them, and the first feature naming each; two features naming the same parent
    differently is an error."""
    parents: dict[str, dict[str, str]] = {"district": {}, "street": {}, "community": {}}
    named_by: dict[tuple[str, str], str] = {}
    for f in features:
        for kind, length, _model in _PARENT_KINDS:
            code = f.code[:length]
            name = f.names.get(f"{kind}_name", "")
            known = parents[kind].get(code)
            if known is None or (not known and name):
                parents[kind][code] = name
                if name:
                    named_by[kind, code] = f.where
            elif name and known != name:
                problems.add(f.where, tr(N("imports", "{kind}_name {name} differs from {other} given for {code} by "
                                                      "another feature")).format(kind=kind, name=name, other=known,
                                                                                 code=code))
    return parents, named_by


def _renames(s: Session, parents: dict[str, dict[str, str]]) -> list[_Rename]:
    """Stored districts, streets and communities the file names differently. A stored name that
    is only its code (created by an import without names) is filled in, not renamed."""
    out = []
    for kind, _length, model in _PARENT_KINDS:
        named = {code: name for code, name in parents[kind].items() if name}
        if not named:
            continue
        for id_, code, old in s.execute(select(model.id, model.code, model.name).where(
                model.code.in_(list(named)))):
            if old != named[code] and old != code:
                out.append(_Rename(kind, id_, code, old, named[code]))
    return sorted(out, key=lambda r: (r.code, r.kind))


def _rename_problem(r: _Rename) -> str:
    return tr(N("imports", "{kind}_name {new} would rename {kind} {code}, now {old}; areas are renamed only when "
                           "asked for (import grids --rename-areas)")).format(kind=r.kind, new=r.new, code=r.code,
                                                                             old=r.old)


def _ensure_parents(s: Session, parents: dict[str, dict[str, str]]) -> tuple[dict[str, int], dict[str, int]]:
    """Create missing districts, streets and communities and name the ones the file names (the
    caller has refused renames nobody asked for); returns community id by code and how many of
    each kind were created."""
    made = {"districts": 0, "streets": 0, "communities": 0}
    districts = {d.code: d for d in s.scalars(select(District).where(District.code.in_(list(parents["district"]))))}
    for code, name in sorted(parents["district"].items()):
        if code not in districts:
            districts[code] = District(code=code, name=name or code)
            s.add(districts[code])
            made["districts"] += 1
        elif name and districts[code].name != name:
            districts[code].name = name
    s.flush()
    streets = _ensure_named_level(s, Street, parents["street"], "district_id",
                                  {code: d.id for code, d in districts.items()}, 6, made, "streets")
    communities = _ensure_named_level(s, Community, parents["community"], "street_id",
                                      {code: x.id for code, x in streets.items()}, 9, made, "communities")
    return {code: c.id for code, c in communities.items()}, made


def _ensure_named_level(s: Session, model: type[Street] | type[Community], named: dict[str, str],
                        parent_field: str, parent_ids: dict[str, int], parent_len: int,
                        made: dict[str, int], made_key: str) -> dict[str, Any]:
    """Streets and communities alike: create the missing ones under their parent (found by the
    code's prefix) and rename the ones the file names, keeping their pinyin initials in step."""
    rows = {x.code: x for x in s.scalars(select(model).where(model.code.in_(list(named))))}
    for code, name in sorted(named.items()):
        if code not in rows:
            rows[code] = model(**{parent_field: parent_ids[code[:parent_len]]}, code=code, name=name or code,
                               pinyin_initials=pinyin_initials(name, 40) if name else "")
            s.add(rows[code])
            made[made_key] += 1
        elif name and rows[code].name != name:
            rows[code].name, rows[code].pinyin_initials = name, pinyin_initials(name, 40)
    s.flush()
    return rows
