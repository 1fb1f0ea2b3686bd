"""Imports of officers, departments, positions (CSV or JSON) and unit grids (GeoJSON).

Every import is all or nothing: the whole file is read and validated first, every problem is
collected with its line (CSV), record (JSON) or feature code (GeoJSON), and only a file without
problems is written, in one unit of work. A refused file raises `ImportRejected` listing the
problems and leaves the database exactly as it was.

Text files may be UTF-8 with or without a byte-order mark, UTF-16 with one, or GBK/GB18030 (what
Chinese spreadsheet tools write); the encoding used is reported back. CSV headers may use the
English column names of the issue or their usual Chinese names (工号, 姓名, 电话 …).

A grid import checks each polygon's validity, duplicate codes, overlaps (with the file's other
grids and with grids already stored) and reports gaps inside a community as warnings. The
district, street and community of a grid come from its code's prefixes (6 + 3 + 3 digits) and
are created when missing, so a whole city imports into an empty database; renaming a stored one
is refused unless asked for, and then audited.

JSON of the wrong shape (a feature that is not an object, `properties` or `geometry` that are
not objects, a `crs` that names nothing, nesting too deep to parse) is a problem naming the
record or the file, like any other, never an unexpected error.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import shapely
from shapely.geometry import shape
from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from ..db import Database
from ..domain.actions import Action
from ..domain.entities import Entity
from ..domain.enums import DutyStatus
from ..errors import ImportRejected
from ..geometry.projection import LocalProjection
from ..i18n import QT_TRANSLATE_NOOP as N
from ..i18n import translate
from ..models import (
    Category,
    CommandCentre,
    Community,
    Department,
    DepartmentRoute,
    District,
    DutyChange,
    Grid,
    Officer,
    OfficerGrid,
    Street,
    to_epoch,
)
from .auth import Actor, SystemActor, authorize
from .changefeed import record_change
from .geo import GridLocator
from .lifecycle import write_audit
from .roster import PositionReport, pinyin_initials, record_positions
from .validation import column_limit
from .worktime import DEFAULT_TZ

GRID_CODE_LENGTHS: tuple[int, ...] = (14, 15)  # 6 county + 3 street + 3 community + 2 or 3 grid digits
OVERLAP_TOLERANCE_M2 = 1.0  # shared edges digitised twice differ by slivers; real overlaps are bigger
GAP_TOLERANCE_M2 = 1.0
FUTURE_TOLERANCE = timedelta(minutes=5)  # device clocks run a little fast
MAX_PROBLEMS = 500  # a file wrong on every line does not need ten thousand messages
_EMPLOYEE_NO = re.compile(r"^[A-Za-z0-9_.\-]{1,20}$")
_PHONE = re.compile(r"^[0-9+\-() ]{0,20}$")
_DEPT_CODE = re.compile(r"^[A-Za-z0-9_.\-]{1,20}$")
_LIST_SPLIT = re.compile(r"[;；]")

DUTY_ALIASES: dict[str, str] = {
    **{d.value: d.value for d in DutyStatus},
    "on duty": "on_duty", "off duty": "off_duty", "on leave": "on_leave", "in the field": "in_field",
    "in field": "in_field",
    "在岗": "on_duty", "值班": "on_duty", "上班": "on_duty",
    "离岗": "off_duty", "下班": "off_duty", "不在岗": "off_duty", "休息": "off_duty",
    "请假": "on_leave", "休假": "on_leave",
    "外勤": "in_field", "巡查": "in_field", "巡查中": "in_field",
}
HEADER_ALIASES: dict[str, str] = {
    "工号": "employee_no", "编号": "employee_no", "员工编号": "employee_no",
    "姓名": "name", "名称": "name",
    "电话": "phone", "手机": "phone", "联系电话": "phone",
    "网格": "grid_codes", "网格编码": "grid_codes", "负责网格": "grid_codes",
    "状态": "duty_status", "在岗状态": "duty_status",
    "编码": "code", "代码": "code", "部门编码": "code",
    "类别": "category_codes", "案件类别": "category_codes", "类别编码": "category_codes",
    "时间": "at", "定位时间": "at", "timestamp": "at", "time": "at",
    "经度": "lon", "lng": "lon", "longitude": "lon",
    "纬度": "lat", "latitude": "lat",
}

_LINE = N("imports", "line {n}")
_RECORD = N("imports", "record {n}")
_FEATURE = N("imports", "feature {code}")
_FEATURE_N = N("imports", "feature #{n}")
_FILE = N("imports", "file")


def _t(text: str) -> str:
    return translate("imports", text)


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote: rows created and updated, parents created, and warnings."""

    kind: str  # officers | departments | positions | grids
    path: str
    encoding: str
    created: int
    updated: int
    unchanged: int = 0
    warnings: tuple[tuple[str, str], ...] = ()
    parents_created: dict[str, int] = field(default_factory=dict)  # districts / streets / communities
    renamed: tuple[tuple[str, str, str, str], ...] = ()  # (district | street | community, code, old, new)


class _Problems:
    """Collects (where, reason) pairs; raises ImportRejected when asked and any were found."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.items: list[tuple[str, str]] = []

    def add(self, where: str, reason: str) -> None:
        if len(self.items) < MAX_PROBLEMS:
            self.items.append((where, reason))

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise ImportRejected(str(self.path), list(self.items))


def _reject(path: Path, reason: str, where: str | None = None) -> ImportRejected:
    return ImportRejected(str(path), [(where or _t(_FILE), reason)])


# ---- reading text ---------------------------------------------------------------------------------
def read_text(path: str | Path) -> tuple[str, str]:
    """The file's text and the encoding it was in: UTF-8 (with or without BOM), UTF-16 with a
    BOM, else GBK (decoded as GB18030, its superset). Raises ImportRejected otherwise."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _reject(path, _t(N("imports", "cannot read the file: {reason}")).format(reason=exc.strerror)) from exc
    for bom, codec, name in ((codecs.BOM_UTF8, "utf-8", "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
                             (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), name
            except UnicodeDecodeError as exc:
                raise _reject(path, _t(N("imports", "the file starts as {encoding} but is not valid {encoding} "
                                                    "(byte {offset})")).format(encoding=name, offset=exc.start)) from exc
    if b"\x00" in data:
        raise _reject(path, _t(N("imports", "this is not a text file")))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for codec in ("gbk", "gb18030"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    raise _reject(path, _t(N("imports", "the text is neither UTF-8 nor GBK; save it as CSV UTF-8")))


def _normalise_header(name: str) -> str:
    key = name.strip().strip("\ufeff").strip().lower()
    return HEADER_ALIASES.get(key, key)


def _csv_records(path: Path, text: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
                 ) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) for each non-blank data row; header problems reject at once."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    header_line = 0
    records: list[tuple[int, dict[str, str]]] = []
    problems = _Problems(path)
    line = 1
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                header, header_line = [_normalise_header(c) for c in cells], start
                where = _t(_LINE).format(n=start)
                missing = [c for c in required if c not in header]
                if missing:
                    raise _reject(path, _t(N("imports", "the header lacks the column(s) {columns}; expected {expected}"))
                                  .format(columns=", ".join(missing), expected=",".join(required + optional)), where)
                dupes = sorted({c for c in header if c and header.count(c) > 1})
                if dupes:
                    raise _reject(path, _t(N("imports", "the header names {columns} twice")).format(
                        columns=", ".join(dupes)), where)
                continue
            if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
                problems.add(_t(_LINE).format(n=start), _t(N("imports", "{n} values but the header has {m} columns"))
                             .format(n=len(cells), m=len(header)))
                continue
            cells = cells + [""] * (len(header) - len(cells))
            records.append((start, {h: c.strip() for h, c in zip(header, cells, strict=False) if h}))
    except csv.Error as exc:
        raise _reject(path, str(exc), _t(_LINE).format(n=reader.line_num)) from exc
    if header is None:
        raise _reject(path, _t(N("imports", "the file is empty: a header row and at least one row are needed")))
    problems.raise_if_any()
    if not records:
        raise _reject(path, _t(N("imports", "the file has a header but no rows")), _t(_LINE).format(n=header_line))
    return records


def _split_list(value: str) -> list[str]:
    return list(dict.fromkeys(part.strip() for part in _LIST_SPLIT.split(value or "") if part.strip()))


def _check_length(problems: _Problems, where: str, label: str, value: str, column: Any) -> None:
    """The column's own length is the limit (PostgreSQL refuses longer text; SQLite would keep it)."""
    limit = column_limit(column)
    if limit is not None and len(value) > limit:
        problems.add(where, _t(N("imports", "{field} is longer than {n} characters")).format(field=label, n=limit))


# ---- officers -------------------------------------------------------------------------------------
@dataclass
class _OfficerIn:
    line: int
    employee_no: str
    name: str
    phone: str
    grid_ids: list[int]
    duty_status: str | None


def import_officers(db: Database, path: str | Path, actor: Actor | SystemActor | None = None) -> ImportResult:
    """Officers from CSV `employee_no,name,phone,grid_codes,duty_status` (`grid_codes` `;`-separated).

    A known employee number updates that officer: name, phone and grids as in the file; the
    duty status when given (a change is recorded like one made on the roster screen).
    """
    actor = actor or SystemActor()
    authorize(db, actor, Action.IMPORT_DATA)
    path = Path(path)
    text, encoding = read_text(path)
    records = _csv_records(path, text, ("employee_no", "name", "phone", "grid_codes", "duty_status"))
    with db.read() as s:
        grid_ids = dict(s.execute(select(Grid.code, Grid.id)).all())
    problems = _Problems(path)
    seen: dict[str, int] = {}
    rows: list[_OfficerIn] = []
    for line, rec in records:
        where = _t(_LINE).format(n=line)
        before = len(problems.items)
        emp, name, phone = rec["employee_no"], rec["name"], rec["phone"]
        if not emp:
            problems.add(where, _t(N("imports", "employee_no is empty")))
        elif not _EMPLOYEE_NO.match(emp):
            problems.add(where, _t(N("imports", "employee_no {value!r} may only hold letters, digits, - _ . "
                                                "(at most 20)")).format(value=emp))
        elif emp in seen:
            problems.add(where, _t(N("imports", "employee_no {value} is already on line {n}")).format(
                value=emp, n=seen[emp]))
        else:
            seen[emp] = line
        if not name:
            problems.add(where, _t(N("imports", "name is empty")))
        _check_length(problems, where, "name", name, Officer.name)
        if not _PHONE.match(phone):
            problems.add(where, _t(N("imports", "phone {value!r} is not a phone number")).format(value=phone))
        ids = []
        for code in _split_list(rec["grid_codes"]):
            if code in grid_ids:
                ids.append(grid_ids[code])
            else:
                problems.add(where, _t(N("imports", "unknown grid code {code}")).format(code=code))
        duty: str | None = None
        raw = rec["duty_status"]
        if raw:
            duty = DUTY_ALIASES.get(raw.strip().lower())
            if duty is None:
                problems.add(where, _t(N("imports", "unknown duty status {value!r}; use on_duty, off_duty, "
                                                    "on_leave or in_field")).format(value=raw))
        if len(problems.items) == before:
            rows.append(_OfficerIn(line, emp, name, phone, ids, duty))
    problems.raise_if_any()

    now = db.clock.now()
    created = updated = unchanged = 0
    with db.unit_of_work() as s:
        existing = {o.employee_no: o for o in s.scalars(select(Officer).where(Officer.employee_no.in_(list(seen))))}
        grids_of: dict[int, set[int]] = defaultdict(set)
        if existing:
            for oid, gid in s.execute(select(OfficerGrid.officer_id, OfficerGrid.grid_id).where(
                    OfficerGrid.officer_id.in_([o.id for o in existing.values()]))):
                grids_of[oid].add(gid)
        centre_of_grid = _grid_centres(s)
        changed: list[tuple[Officer, str, list[int] | None, str | None]] = []
        for row in rows:
            officer = existing.get(row.employee_no)
            if officer is None:
                officer = Officer(
                    employee_no=row.employee_no, name=row.name, pinyin_initials=pinyin_initials(row.name),
                    phone=row.phone, duty_status=row.duty_status or DutyStatus.OFF_DUTY.value,
                    centre_id=centre_of_grid.get(row.grid_ids[0]) if row.grid_ids else None,
                )
                s.add(officer)
                changed.append((officer, "insert", row.grid_ids, None))
                created += 1
                continue
            before_status = officer.duty_status
            grids_differ = set(row.grid_ids) != grids_of.get(officer.id, set())
            fields_differ = (officer.name, officer.phone) != (row.name, row.phone) or (
                row.duty_status is not None and row.duty_status != before_status)
            if not grids_differ and not fields_differ:
                unchanged += 1
                continue
            if fields_differ:
                officer.name, officer.phone = row.name, row.phone
                officer.pinyin_initials = pinyin_initials(row.name)
                if row.duty_status is not None:
                    officer.duty_status = row.duty_status
            changed.append((officer, "update", row.grid_ids if grids_differ else None,
                            before_status if officer.duty_status != before_status else None))
            updated += 1
        s.flush()
        for officer, op, grids, old_status in changed:
            if grids is not None:
                if op == "update":
                    s.execute(delete(OfficerGrid).where(OfficerGrid.officer_id == officer.id))
                if grids:
                    s.execute(insert(OfficerGrid), [{"officer_id": officer.id, "grid_id": g} for g in grids])
            if old_status is not None:
                s.execute(insert(DutyChange).values(officer_id=officer.id, at=to_epoch(now),
                                                    from_status=old_status, to_status=officer.duty_status,
                                                    user_id=actor.user_id))
            record_change(s, now, Entity.OFFICER, officer.id, op, officer.centre_id)
        write_audit(s, actor, now, "import_officers", "officer", None,
                    {"file": path.name, "encoding": encoding, "created": created, "updated": updated})
    return ImportResult("officers", str(path), encoding, created, updated, unchanged)


def _grid_centres(s: Session) -> dict[int, int]:
    """The most local command centre of every grid (its street's, else its district's, else the root)."""
    by_street: dict[int, int] = {}
    by_district: dict[int, int] = {}
    root = None
    for cid, sid, did, parent in s.execute(select(CommandCentre.id, CommandCentre.street_id,
                                                  CommandCentre.district_id, CommandCentre.parent_id)
                                           .order_by(CommandCentre.id)):
        if sid is not None:
            by_street.setdefault(sid, cid)
        elif did is not None:
            by_district.setdefault(did, cid)
        if parent is None and root is None:
            root = cid
    out: dict[int, int] = {}
    for gid, sid, did in s.execute(select(Grid.id, Street.id, Street.district_id)
                                   .join(Community, Community.id == Grid.community_id)
                                   .join(Street, Street.id == Community.street_id)):
        centre = by_street.get(sid) or by_district.get(did) or root
        if centre is not None:
            out[gid] = centre
    return out


# ---- departments ----------------------------------------------------------------------------------
def import_departments(db: Database, path: str | Path, actor: Actor | SystemActor | None = None) -> ImportResult:
    """Departments from CSV `code,name,phone,category_codes` (`;`-separated category codes).

    The listed categories become the department's city-wide routes (replacing its earlier
    city-wide routes); routes scoped to one district are kept.
    """
    actor = actor or SystemActor()
    authorize(db, actor, Action.IMPORT_DATA)
    path = Path(path)
    text, encoding = read_text(path)
    records = _csv_records(path, text, ("code", "name", "phone", "category_codes"))
    with db.read() as s:
        categories = dict(s.execute(select(Category.code, Category.id)).all())
    problems = _Problems(path)
    seen: dict[str, int] = {}
    rows: list[tuple[str, str, str, list[int]]] = []
    for line, rec in records:
        where = _t(_LINE).format(n=line)
        before = len(problems.items)
        code, name, phone = rec["code"], rec["name"], rec["phone"]
        if not code:
            problems.add(where, _t(N("imports", "code is empty")))
        elif not _DEPT_CODE.match(code):
            problems.add(where, _t(N("imports", "code {value!r} may only hold letters, digits, - _ . (at most 20)"))
                         .format(value=code))
        elif code in seen:
            problems.add(where, _t(N("imports", "code {value} is already on line {n}")).format(value=code, n=seen[code]))
        else:
            seen[code] = line
        if not name:
            problems.add(where, _t(N("imports", "name is empty")))
        _check_length(problems, where, "name", name, Department.name)
        if not _PHONE.match(phone):
            problems.add(where, _t(N("imports", "phone {value!r} is not a phone number")).format(value=phone))
        ids = []
        for cat in _split_list(rec["category_codes"]):
            if cat in categories:
                ids.append(categories[cat])
            else:
                problems.add(where, _t(N("imports", "unknown category code {code}")).format(code=cat))
        if len(problems.items) == before:
            rows.append((code, name, phone, ids))
    problems.raise_if_any()

    now = db.clock.now()
    created = updated = unchanged = 0
    with db.unit_of_work() as s:
        existing = {d.code: d for d in s.scalars(select(Department).where(Department.code.in_(list(seen))))}
        routes: dict[int, set[int]] = defaultdict(set)
        if existing:
            for dept_id, cat_id in s.execute(
                select(DepartmentRoute.department_id, DepartmentRoute.category_id).where(
                    DepartmentRoute.department_id.in_([d.id for d in existing.values()]),
                    DepartmentRoute.district_id.is_(None))):
                routes[dept_id].add(cat_id)
        for code, name, phone, cat_ids in rows:
            dept = existing.get(code)
            if dept is None:
                dept = Department(code=code, name=name, phone=phone)
                s.add(dept)
                s.flush()
                op = "insert"
                created += 1
            elif (dept.name, dept.phone) == (name, phone) and routes.get(dept.id, set()) == set(cat_ids):
                unchanged += 1
                continue
            else:
                dept.name, dept.phone = name, phone
                s.execute(delete(DepartmentRoute).where(DepartmentRoute.department_id == dept.id,
                                                        DepartmentRoute.district_id.is_(None)))
                op = "update"
                updated += 1
            if cat_ids:
                s.execute(insert(DepartmentRoute),
                          [{"department_id": dept.id, "category_id": c, "district_id": None} for c in cat_ids])
            record_change(s, now, Entity.DEPARTMENT, dept.id, op)
        write_audit(s, actor, now, "import_departments", "department", None,
                    {"file": path.name, "encoding": encoding, "created": created, "updated": updated})
    return ImportResult("departments", str(path), encoding, created, updated, unchanged)


# ---- positions ------------------------------------------------------------------------------------
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


def _shown(value: Any, most: int = 60) -> Any:
    """A value as a message may quote it: an absurd one (a nested list where a time belongs) cut short."""
    text = repr(value)
    return value if len(text) <= most else text[:most - 1] + "…"


def _load_json(path: Path, text: str) -> Any:
    """The parsed document; malformed or absurdly nested JSON is refused, never a crash."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _reject(path, _t(N("imports", "not valid JSON: {reason}")).format(reason=exc.msg),
                      _t(_LINE).format(n=exc.lineno)) from exc
    except RecursionError as exc:  # the C decoder recurses once per level of [ or {
        raise _reject(path, _t(N("imports", "the JSON is nested too deeply to be read"))) from exc


def _json_positions(path: Path, text: str, problems: _Problems) -> list[tuple[str, dict[str, Any]]]:
    """(record label, fields) of every well-formed record; a record of the wrong shape (not an
    object, `properties` or `geometry` not objects) is a problem naming that record."""
    data = _load_json(path, text)
    not_object = _t(N("imports", "{part} is not a JSON object"))
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list):
            raise _reject(path, _t(N("imports", "the FeatureCollection has no list of features")))
        items = []
        for i, feature in enumerate(features, 1):
            where = _t(_RECORD).format(n=i)
            if not isinstance(feature, dict):
                problems.add(where, not_object.format(part=_t(N("imports", "the feature"))))
                continue
            props, geom = feature.get("properties") or {}, feature.get("geometry") or {}
            if not isinstance(props, dict) or not isinstance(geom, dict):
                part = "properties" if not isinstance(props, dict) else "geometry"
                problems.add(where, not_object.format(part=part))
                continue
            props = {_normalise_header(str(k)): v for k, v in props.items()}
            if geom.get("type") == "Point" and isinstance(geom.get("coordinates"), list):
                coords = geom["coordinates"]
                props.setdefault("lon", coords[0] if len(coords) > 0 else None)
                props.setdefault("lat", coords[1] if len(coords) > 1 else None)
            items.append((where, props))
        return items
    if isinstance(data, dict):
        data = data.get("positions")
    if not isinstance(data, list):
        raise _reject(path, _t(N("imports", "expected a list of positions, {\"positions\": [...]} or a GeoJSON "
                                            "FeatureCollection of points")))
    out = []
    for i, item in enumerate(data, 1):
        where = _t(_RECORD).format(n=i)
        if not isinstance(item, dict):
            problems.add(where, not_object.format(part=_t(N("imports", "the record"))))
            continue
        out.append((where, {_normalise_header(str(k)): v for k, v in item.items()}))
    return out


def import_positions(db: Database, path: str | Path, actor: Actor | SystemActor | None = None,
                     tz: str = DEFAULT_TZ) -> ImportResult:
    """Timestamped officer positions from CSV (`employee_no,at,lon,lat`) or JSON.

    JSON is a list of objects with the same keys, `{"positions": [...]}`, or a GeoJSON
    FeatureCollection of points with `employee_no` and `at` properties. `at` is ISO 8601 (local
    time in `tz` when it has no offset) or epoch seconds. `created` counts the positions
    stored, `updated` the officers whose last known position moved.
    """
    actor = actor or SystemActor()
    authorize(db, actor, Action.IMPORT_DATA)
    path = Path(path)
    text, encoding = read_text(path)
    zone = ZoneInfo(tz)
    problems = _Problems(path)
    if path.suffix.lower() in (".json", ".geojson") or text.lstrip().startswith(("[", "{")):
        items = _json_positions(path, text, problems)
    else:
        items = [(_t(_LINE).format(n=line), rec) for line, rec in _csv_records(path, text, ("employee_no", "at",
                                                                                               "lon", "lat"))]
    if not items:
        problems.raise_if_any()
        raise _reject(path, _t(N("imports", "the file holds no positions")))
    with db.read() as s:
        officers = dict(s.execute(select(Officer.employee_no, Officer.id)).all())
    latest_allowed = db.clock.now() + FUTURE_TOLERANCE
    reports: list[PositionReport] = []
    wheres: list[str] = []
    for where, rec in items:
        emp = str(rec.get("employee_no") or "").strip()
        before = len(problems.items)
        if not emp:
            problems.add(where, _t(N("imports", "employee_no is empty")))
        elif emp not in officers:
            problems.add(where, _t(N("imports", "unknown employee_no {value}")).format(value=emp))
        at = None
        raw_at = rec.get("at")
        if raw_at in (None, ""):
            problems.add(where, _t(N("imports", "the time (at) is empty")))
        else:
            try:
                at = parse_instant(raw_at, zone)
            except (ValueError, TypeError, OverflowError, OSError):
                problems.add(where, _t(N("imports", "time {value!r} is not ISO 8601 (2026-11-25T10:00:00+08:00) "
                                                    "or epoch seconds")).format(value=_shown(raw_at)))
            else:
                if at > latest_allowed:
                    problems.add(where, _t(N("imports", "time {value} is in the future")).format(value=raw_at))
        coords = []
        for key, low, high in (("lon", -180.0, 180.0), ("lat", -90.0, 90.0)):
            raw = rec.get(key)
            try:
                value = float(raw)  # type: ignore[arg-type]
                if isinstance(raw, bool) or not (math.isfinite(value) and low <= value <= high):
                    raise ValueError(raw)
                coords.append(value)
            except (TypeError, ValueError):
                problems.add(where, _t(N("imports", "{field} {value} is not a WGS84 coordinate")).format(
                    field=key, value=_t(N("imports", "(empty)")) if raw in (None, "") else _shown(raw)))
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
            warnings.append((wheres[int(outside[0])], _t(N("imports", "{n} position(s) lie outside every unit grid "
                                                                     "(GCJ-02 or BD-09 coordinates instead of "
                                                                     "WGS84?)")).format(n=len(outside))))
    now = db.clock.now()
    with db.unit_of_work() as s:
        moved = record_positions(db, reports, session=s)
        write_audit(s, actor, now, "import_positions", "officer", None,
                    {"file": path.name, "encoding": encoding, "positions": len(reports), "moved": moved})
    return ImportResult("positions", str(path), encoding, len(reports), moved, 0, tuple(warnings))


# ---- grids ----------------------------------------------------------------------------------------
@dataclass
class _Feature:
    index: int
    where: str
    code: str
    name: str
    geom: shapely.Geometry
    names: dict[str, str]  # district_name / street_name / community_name when given


def _feature_label(index: int, code: str) -> str:
    return _t(_FEATURE).format(code=code) if code else _t(_FEATURE_N).format(n=index + 1)


def _read_features(path: Path, text: str, problems: _Problems) -> list[_Feature]:
    data = _load_json(path, text)
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise _reject(path, _t(N("imports", "not a GeoJSON FeatureCollection")))
    crs = _crs_name(path, data.get("crs"))
    if crs and not re.search(r"(CRS84|EPSG:+4326|EPSG::4326)$", crs):
        raise _reject(path, _t(N("imports", "the coordinates are in {crs}; grids must be WGS84 longitude/latitude"))
                      .format(crs=crs))
    features = data.get("features")
    if not isinstance(features, list) or not features:
        raise _reject(path, _t(N("imports", "the FeatureCollection has no features")))
    out: list[_Feature] = []
    seen: dict[str, int] = {}
    not_object = _t(N("imports", "{part} is not a JSON object"))
    for index, feature in enumerate(features):
        if not isinstance(feature, dict):
            problems.add(_feature_label(index, ""), not_object.format(part=_t(N("imports", "the feature"))))
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
            problems.add(where, _t(N("imports", "no code property (a string of digits)")))
        elif not code.isdigit() or len(code) not in GRID_CODE_LENGTHS:
            problems.add(where, _t(N("imports", "code {code} is not {lengths} digits (county 6 + street 3 + "
                                                "community 3 + grid)")).format(
                code=code, lengths=" or ".join(str(n) for n in GRID_CODE_LENGTHS)))
        elif code in seen:
            problems.add(where, _t(N("imports", "duplicate code: feature #{n} has the same code")).format(
                n=seen[code] + 1))
        else:
            seen[code] = index
        name = str(props.get("name") or "").strip()
        if not name:
            problems.add(where, _t(N("imports", "no name property")))
        _check_length(problems, where, "name", name, Grid.name)
        names = {}
        for key, column in (("district_name", District.name), ("street_name", Street.name),
                            ("community_name", Community.name)):
            value = str(props.get(key) or "").strip()
            _check_length(problems, where, key, value, column)
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
        raise _reject(path, _t(N("imports", "the crs member is not a named coordinate system; grids must be WGS84 "
                                            "longitude/latitude")))
    return name.strip()


def _feature_geometry(feature: dict[str, Any], where: str, problems: _Problems) -> shapely.Geometry | None:
    raw = feature.get("geometry")
    if raw is not None and not isinstance(raw, dict):
        problems.add(where, _t(N("imports", "{part} is not a JSON object")).format(part="geometry"))
        return None
    if raw is None or raw.get("type") not in ("Polygon", "MultiPolygon"):
        kind = raw.get("type") if isinstance(raw, dict) else None
        problems.add(where, _t(N("imports", "geometry is {kind}, not a Polygon or MultiPolygon")).format(
            kind=kind or _t(N("imports", "missing"))))
        return None
    try:
        geom = shapely.force_2d(shape(raw))
    except Exception as exc:  # shapely raises several types for malformed coordinates
        problems.add(where, _t(N("imports", "unreadable coordinates: {reason}")).format(reason=str(exc) or type(exc).__name__))
        return None
    if geom.is_empty:
        problems.add(where, _t(N("imports", "the geometry is empty")))
        return None
    xmin, ymin, xmax, ymax = geom.bounds
    if not (-180 <= xmin <= xmax <= 180 and -90 <= ymin <= ymax <= 90):
        problems.add(where, _t(N("imports", "coordinates ({x:.0f}, {y:.0f}) are not WGS84 longitude/latitude "
                                            "(projected metres?)")).format(x=xmin, y=ymin))
        return None
    reason = shapely.is_valid_reason(geom)
    if reason != "Valid Geometry":
        problems.add(where, _t(N("imports", "invalid geometry: {reason}")).format(reason=reason))
        return None
    return geom


def _overlaps(features: list[_Feature], stored: list[tuple[str, shapely.Geometry]],
              project: Callable[[np.ndarray], np.ndarray], problems: _Problems) -> None:
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
            problems.add(labels[j], _t(N("imports", "overlaps grid {other} by {area} m²")).format(
                other=codes[i], area=f"{area:,.0f}"))
        else:
            problems.add(labels[i], _t(N("imports", "overlaps the stored grid {other} by {area} m²")).format(
                other=codes[j], area=f"{area:,.0f}"))


def _gaps(by_community: dict[str, list[shapely.Geometry]], project: Callable[[np.ndarray], np.ndarray],
          unproject: Callable[[np.ndarray], np.ndarray]) -> list[tuple[str, str]]:
    warnings = []
    for community in sorted(by_community):
        geoms = shapely.transform(np.array(by_community[community], dtype=object), project)
        union = shapely.union_all(geoms, grid_size=0.001)
        parts = [p for p in shapely.get_parts(union) if isinstance(p, shapely.Polygon)]
        where = _t(N("imports", "community {code}")).format(code=community)
        for part in parts:
            for ring in part.interiors:
                hole = shapely.Polygon(ring)
                if hole.area > GAP_TOLERANCE_M2:
                    point = shapely.transform(hole.representative_point(), unproject)
                    warnings.append((where, _t(N("imports", "a gap of {area} m² between its grids near {lon:.5f}, "
                                                            "{lat:.5f}")).format(area=f"{hole.area:,.0f}",
                                                                                 lon=point.x, lat=point.y)))
        if len(parts) > 1:
            warnings.append((where, _t(N("imports", "its grids form {n} separate pieces (a gap runs through it)"))
                             .format(n=len(parts))))
    return warnings


def import_grids(db: Database, path: str | Path, actor: Actor | SystemActor | None = None,
                 rename_areas: bool = False) -> ImportResult:
    """Unit grids from a GeoJSON FeatureCollection of (multi)polygons with `code` and `name`.

    A code already stored updates that grid's name and geometry. Districts, streets and
    communities missing for a code's prefixes are created, named by the optional
    `district_name`, `street_name` and `community_name` properties (else by their code). A name
    differing from a stored one refuses the file unless `rename_areas`: a grid file from another
    source must not quietly rename a street every case and briefing is filed under. Each
    rename asked for is written to the audit trail.
    """
    actor = actor or SystemActor()
    authorize(db, actor, Action.IMPORT_DATA)
    path = Path(path)
    text, encoding = read_text(path)
    problems = _Problems(path)
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
            centroid = f.geom.centroid
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


def _parent_names(features: Iterable[_Feature], problems: _Problems
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
                problems.add(f.where, _t(N("imports", "{kind}_name {name} differs from {other} given for {code} by "
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
    return _t(N("imports", "{kind}_name {new} would rename {kind} {code}, now {old}; areas are renamed only when "
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
    streets = {x.code: x for x in s.scalars(select(Street).where(Street.code.in_(list(parents["street"]))))}
    for code, name in sorted(parents["street"].items()):
        if code not in streets:
            streets[code] = Street(district_id=districts[code[:6]].id, code=code, name=name or code,
                                   pinyin_initials=pinyin_initials(name, 40) if name else "")
            s.add(streets[code])
            made["streets"] += 1
        elif name and streets[code].name != name:
            streets[code].name, streets[code].pinyin_initials = name, pinyin_initials(name, 40)
    s.flush()
    communities = {c.code: c for c in s.scalars(select(Community).where(
        Community.code.in_(list(parents["community"]))))}
    for code, name in sorted(parents["community"].items()):
        if code not in communities:
            communities[code] = Community(street_id=streets[code[:9]].id, code=code, name=name or code,
                                          pinyin_initials=pinyin_initials(name, 40) if name else "")
            s.add(communities[code])
            made["communities"] += 1
        elif name and communities[code].name != name:
            communities[code].name, communities[code].pinyin_initials = name, pinyin_initials(name, 40)
    s.flush()
    return {code: c.id for code, c in communities.items()}, made


IMPORTERS: dict[str, Callable[..., ImportResult]] = {
    "officers": import_officers,
    "departments": import_departments,
    "positions": import_positions,
    "grids": import_grids,
}
