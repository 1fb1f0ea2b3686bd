"""Importing officers and departments from CSV.

Both files are rows keyed by a code (an officer's employee number, a department's code) with a
name, a phone and a `;`-separated list of codes (grids, categories); the rows are checked by the
same rules, and a known key updates the stored row.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from ...db import Database
from ...domain.actions import Action
from ...domain.entities import Entity
from ...domain.enums import DutyStatus
from ...domain.privacy import mask_phone
from ...i18n import QT_TRANSLATE_NOOP as N
from ...models import (
    Category,
    CommandCentre,
    Community,
    Department,
    DepartmentRoute,
    DutyChange,
    Grid,
    Officer,
    OfficerGrid,
    Street,
    to_epoch,
)
from ..auth import Principal, authorize, system_principal
from ..changefeed import record_change
from ..lifecycle import write_audit
from ..roster import pinyin_initials
from .reading import (
    LINE,
    ImportResult,
    Problems,
    check_length,
    csv_records,
    read_text,
    split_list,
    tr,
)

_KEY = re.compile(r"^[A-Za-z0-9_.\-]{1,20}$")  # an employee number or a department code
_PHONE = re.compile(r"^[0-9+\-() ]{0,20}$")
DUTY_ALIASES: dict[str, str] = {
    **{d.value: d.value for d in DutyStatus},
    "on duty": "on_duty", "off duty": "off_duty", "on leave": "on_leave", "in the field": "in_field",
    "in field": "in_field",
    "在岗": "on_duty", "值班": "on_duty", "上班": "on_duty",
    "离岗": "off_duty", "下班": "off_duty", "不在岗": "off_duty", "休息": "off_duty",
    "请假": "on_leave", "休假": "on_leave",
    "外勤": "in_field", "巡查": "in_field", "巡查中": "in_field",
}


@dataclass(frozen=True)
class _RowKind:
    """What tells an officer row from a department row: the key and list columns, their words.

    Each message stays one whole sentence per kind, so it translates as one.
    """

    key: str  # the key column: employee_no or code
    codes: str  # the `;`-separated list column: grid_codes or category_codes
    name_column: Any  # the model column that limits the name's length
    empty: str
    malformed: str
    repeated: str
    unknown: str


_OFFICER_ROW = _RowKind(
    "employee_no", "grid_codes", Officer.name,
    N("imports", "employee_no is empty"),
    N("imports", "employee_no {value!r} may only hold letters, digits, - _ . (at most 20)"),
    N("imports", "employee_no {value} is already on line {n}"),
    N("imports", "unknown grid code {code}"),
)
_DEPARTMENT_ROW = _RowKind(
    "code", "category_codes", Department.name,
    N("imports", "code is empty"),
    N("imports", "code {value!r} may only hold letters, digits, - _ . (at most 20)"),
    N("imports", "code {value} is already on line {n}"),
    N("imports", "unknown category code {code}"),
)


def _check_row(problems: Problems, where: str, line: int, rec: dict[str, str], kind: _RowKind,
               seen: dict[str, int], known: dict[str, int]) -> list[int]:
    """The checks officer and department rows share; returns the ids of the listed codes.

    The key is well formed and not on an earlier line (`seen` remembers it), the name is given
    and fits its column, the phone looks like one, and every listed code is `known`.
    """
    key, name, phone = rec[kind.key], rec["name"], rec["phone"]
    if not key:
        problems.add(where, tr(kind.empty))
    elif not _KEY.match(key):
        problems.add(where, tr(kind.malformed).format(value=key))
    elif key in seen:
        problems.add(where, tr(kind.repeated).format(value=key, n=seen[key]))
    else:
        seen[key] = line
    if not name:
        problems.add(where, tr(N("imports", "name is empty")))
    check_length(problems, where, "name", name, kind.name_column)
    if not _PHONE.match(phone):
        # the refusal is printed and logged: a mistyped number is still mostly someone's number
        problems.add(where, tr(N("imports", "phone {value!r} is not a phone number")).format(value=mask_phone(phone)))
    ids = []
    for code in split_list(rec[kind.codes]):
        if code in known:
            ids.append(known[code])
        else:
            problems.add(where, tr(kind.unknown).format(code=code))
    return ids


@dataclass
class _OfficerIn:
    line: int
    employee_no: str
    name: str
    phone: str
    grid_ids: list[int]
    duty_status: str | None


def import_officers(db: Database, path: str | Path, actor: Principal | None = None) -> ImportResult:
    """Officers from CSV `employee_no,name,phone,grid_codes,duty_status` (`grid_codes` `;`-separated).

    A known employee number updates that officer: name, phone and grids as in the file; the
    duty status when given (a change is recorded like one made on the roster screen).
    """
    actor = actor or system_principal(db, "importer")
    authorize(db, actor, Action.IMPORT_DATA)
    path = Path(path)
    text, encoding = read_text(path)
    records = csv_records(path, text, ("employee_no", "name", "phone", "grid_codes", "duty_status"))
    with db.read() as s:
        grid_ids = dict(s.execute(select(Grid.code, Grid.id)).all())
    problems = Problems(path)
    seen: dict[str, int] = {}
    rows: list[_OfficerIn] = []
    for line, rec in records:
        where = tr(LINE).format(n=line)
        before = len(problems.items)
        ids = _check_row(problems, where, line, rec, _OFFICER_ROW, seen, grid_ids)
        emp, name, phone = rec["employee_no"], rec["name"], rec["phone"]
        duty: str | None = None
        raw = rec["duty_status"]
        if raw:
            duty = DUTY_ALIASES.get(raw.strip().lower())
            if duty is None:
                problems.add(where, tr(N("imports", "unknown duty status {value!r}; use on_duty, off_duty, "
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


def import_departments(db: Database, path: str | Path, actor: Principal | None = None) -> ImportResult:
    """Departments from CSV `code,name,phone,category_codes` (`;`-separated category codes).

    The listed categories become the department's city-wide routes (replacing its earlier
    city-wide routes); routes scoped to one district are kept.
    """
    actor = actor or system_principal(db, "importer")
    authorize(db, actor, Action.IMPORT_DATA)
    path = Path(path)
    text, encoding = read_text(path)
    records = csv_records(path, text, ("code", "name", "phone", "category_codes"))
    with db.read() as s:
        categories = dict(s.execute(select(Category.code, Category.id)).all())
    problems = Problems(path)
    seen: dict[str, int] = {}
    rows: list[tuple[str, str, str, list[int]]] = []
    for line, rec in records:
        where = tr(LINE).format(n=line)
        before = len(problems.items)
        ids = _check_row(problems, where, line, rec, _DEPARTMENT_ROW, seen, categories)
        code, name, phone = rec["code"], rec["name"], rec["phone"]
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
