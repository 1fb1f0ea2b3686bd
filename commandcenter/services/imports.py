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
are created when missing, so a whole city imports into an empty database.
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
from ..domain.enums import DutyStatus
from ..errors import ImportRejected
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
from .geo import EARTH_RADIUS_M, GridLocator
from .lifecycle import write_audit
from .map_data import GEOMETRY_CACHE_KEY
from .roster import PositionReport, pinyin_initials, record_positions
from .worktime import DEFAULT_TZ

GRID_CODE_LENGTHS: tuple[int, ...] = (14, 15)  # 6 county + 3 street + 3 community + 2 or 3 grid digits
OVERLAP_TOLERANCE_M2 = 1.0  # shared edges digitised twice differ by slivers; real overlaps are bigger
GAP_TOLERANCE_M2 = 1.0
FUTURE_TOLERANCE = timedelta(minutes=5)  # device clocks run a little fast
MAX_PROBLEMS = 500  # a file wrong on every line does not need ten thousand messages
# cached lookups (per opened database) that an import makes stale
GEOMETRY_CACHES = ("grid_locator", GEOMETRY_CACHE_KEY, "reference.area_tree")
OFFICER_CACHES = ("reference.officers",)
DEPARTMENT_CACHES = ("reference.departments",)
_M_PER_DEG = math.pi / 180 * EARTH_RADIUS_M
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


def _clear(db: Database, keys: Iterable[str]) -> None:
    for key in keys:
        db.cache.pop(key, None)


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


def _check_length(problems: _Problems, where: str, label: str, value: str, limit: int) -> None:
    if len(value) > limit:
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
        _check_length(problems, where, "name", name, 40)
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
            record_change(s, now, "officer", officer.id, op, officer.centre_id)
        write_audit(s, actor, now, "import_officers", "officer", None,
                    {"file": path.name, "encoding": encoding, "created": created, "updated": updated})
    _clear(db, OFFICER_CACHES)
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
        _check_length(problems, where, "name", name, 80)
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
            record_change(s, now, "department", dept.id, op)
        write_audit(s, actor, now, "import_departments", "department", None,
                    {"file": path.name, "encoding": encoding, "created": created, "updated": updated})
    _clear(db, DEPARTMENT_CACHES)
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


def _json_positions(path: Path, text: str) -> list[tuple[str, dict[str, Any]]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _reject(path, _t(N("imports", "not valid JSON: {reason}")).format(reason=exc.msg),
                      _t(_LINE).format(n=exc.lineno)) from exc
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        items = []
        for i, feature in enumerate(data.get("features") or [], 1):
            props = dict((feature or {}).get("properties") or {})
            geom = (feature or {}).get("geometry") or {}
            if geom.get("type") == "Point" and isinstance(geom.get("coordinates"), list):
                coords = geom["coordinates"]
                props.setdefault("lon", coords[0] if len(coords) > 0 else None)
                props.setdefault("lat", coords[1] if len(coords) > 1 else None)
            items.append((_t(_RECORD).format(n=i), props))
        return items
    if isinstance(data, dict):
        data = data.get("positions")
    if not isinstance(data, list):
        raise _reject(path, _t(N("imports", "expected a list of positions, {\"positions\": [...]} or a GeoJSON "
                                            "FeatureCollection of points")))
    out = []
    for i, item in enumerate(data, 1):
        if not isinstance(item, dict):
            item = {}
        out.append((_t(_RECORD).format(n=i), {_normalise_header(str(k)): v for k, v in item.items()}))
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
    if path.suffix.lower() in (".json", ".geojson") or text.lstrip().startswith(("[", "{")):
        items = _json_positions(path, text)
    else:
        items = [(_t(_LINE).format(n=line), rec) for line, rec in _csv_records(path, text, ("employee_no", "at",
                                                                                               "lon", "lat"))]
    if not items:
        raise _reject(path, _t(N("imports", "the file holds no positions")))
    with db.read() as s:
        officers = dict(s.execute(select(Officer.employee_no, Officer.id)).all())
    latest_allowed = db.clock.now() + FUTURE_TOLERANCE
    problems = _Problems(path)
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
                                                    "or epoch seconds")).format(value=raw_at))
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
                    field=key, value=_t(N("imports", "(empty)")) if raw in (None, "") else raw))
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
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _reject(path, _t(N("imports", "not valid JSON: {reason}")).format(reason=exc.msg),
                      _t(_LINE).format(n=exc.lineno)) from exc
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise _reject(path, _t(N("imports", "not a GeoJSON FeatureCollection")))
    crs = ((data.get("crs") or {}).get("properties") or {}).get("name", "")
    if crs and not re.search(r"(CRS84|EPSG:+4326|EPSG::4326)$", str(crs)):
        raise _reject(path, _t(N("imports", "the coordinates are in {crs}; grids must be WGS84 longitude/latitude"))
                      .format(crs=crs))
    features = data.get("features")
    if not isinstance(features, list) or not features:
        raise _reject(path, _t(N("imports", "the FeatureCollection has no features")))
    out: list[_Feature] = []
    seen: dict[str, int] = {}
    for index, feature in enumerate(features):
        props = (feature or {}).get("properties") if isinstance(feature, dict) else None
        props = props if isinstance(props, dict) else {}
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
        _check_length(problems, where, "name", name, 80)
        names = {}
        for key, limit in (("district_name", 80), ("street_name", 80), ("community_name", 80)):
            value = str(props.get(key) or "").strip()
            _check_length(problems, where, key, value, limit)
            if value:
                names[key] = value
        geom = _feature_geometry(feature, where, problems)
        if geom is not None and len(problems.items) == before:
            out.append(_Feature(index, where, code, name, geom, names))
    return out


def _feature_geometry(feature: Any, where: str, problems: _Problems) -> shapely.Geometry | None:
    raw = feature.get("geometry") if isinstance(feature, dict) else None
    if not isinstance(raw, dict) or raw.get("type") not in ("Polygon", "MultiPolygon"):
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


def _projector(lat0: float) -> Callable[[np.ndarray], np.ndarray]:
    scale = np.array([_M_PER_DEG * math.cos(math.radians(lat0)), _M_PER_DEG])
    return lambda coords: coords * scale


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


def import_grids(db: Database, path: str | Path, actor: Actor | SystemActor | None = None) -> ImportResult:
    """Unit grids from a GeoJSON FeatureCollection of (multi)polygons with `code` and `name`.

    A code already stored updates that grid's name and geometry. Districts, streets and
    communities missing for a code's prefixes are created, named by the optional
    `district_name`, `street_name` and `community_name` properties (else by their code).
    """
    actor = actor or SystemActor()
    authorize(db, actor, Action.IMPORT_DATA)
    path = Path(path)
    text, encoding = read_text(path)
    problems = _Problems(path)
    features = _read_features(path, text, problems)
    parents = _parent_names(features, problems)

    with db.read() as s:
        stored_rows = s.execute(select(Grid.code, Grid.geometry)).all()
    file_codes = {f.code for f in features}
    stored = [(code, shapely.from_wkb(wkb)) for code, wkb in stored_rows if code not in file_codes]
    all_geoms = [f.geom for f in features] + [g for _, g in stored]
    lat0 = float(np.mean([g.centroid.y for g in all_geoms])) if all_geoms else 0.0
    project = _projector(lat0)
    inverse_scale = 1.0 / project(np.array([1.0, 1.0]))
    unproject: Callable[[np.ndarray], np.ndarray] = lambda coords: coords * inverse_scale  # noqa: E731
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
        community_ids, made = _ensure_parents(s, parents)
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
            record_change(s, now, "grid", grid.id, op)
        write_audit(s, actor, now, "import_grids", "grid", None,
                    {"file": path.name, "created": created, "updated": updated, **made})
    _clear(db, GEOMETRY_CACHES)
    return ImportResult("grids", str(path), encoding, created, updated, 0, tuple(warnings), made)


def _parent_names(features: Iterable[_Feature], problems: _Problems) -> dict[str, dict[str, str]]:
    """Codes of every district (6), street (9) and community (12) the file needs, with the names
    the file gives them; two features naming the same parent differently is an error."""
    parents: dict[str, dict[str, str]] = {"district": {}, "street": {}, "community": {}}
    for f in features:
        for kind, length in (("district", 6), ("street", 9), ("community", 12)):
            code = f.code[:length]
            name = f.names.get(f"{kind}_name", "")
            known = parents[kind].get(code)
            if known is None or (not known and name):
                parents[kind][code] = name
            elif name and known != name:
                problems.add(f.where, _t(N("imports", "{kind}_name {name} differs from {other} given for {code} by "
                                                      "another feature")).format(kind=kind, name=name, other=known,
                                                                                 code=code))
    return parents


def _ensure_parents(s: Session, parents: dict[str, dict[str, str]]) -> tuple[dict[str, int], dict[str, int]]:
    """Create missing districts, streets and communities (renaming ones the file names anew);
    returns community id by code and how many of each kind were created."""
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
