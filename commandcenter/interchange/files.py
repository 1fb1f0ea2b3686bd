"""Open311 request files: import (all or nothing, idempotent) and export.

A request file is what GET requests.json answers: a JSON list of service requests. Importing
one enters each new request as a case of the centre whose grid holds it, keeping the feed name
and its `service_request_id` (unique together), so the same file imported again changes
nothing. The file is read and checked whole first; a record with a problem (an unknown
service_code, a location outside every grid, a missing or malformed field, an id given twice)
is reported with its position, and then nothing is written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..db import Database
from ..domain.actions import Action
from ..domain.entities import Entity
from ..domain.enums import CaseStatus, Priority, SourceChannel, Stage
from ..errors import OutsideCity
from ..i18n import QT_TRANSLATE_NOOP as N
from ..models import Case, CaseHistory
from ..services import audit
from ..services.auth import Principal, authorize
from ..services.changefeed import record_change
from ..services.geo import GridLocator
from ..services.imports.reading import (
    RECORD,
    ImportResult,
    Problems,
    check_length,
    load_json,
    read_text,
    reject,
    shown,
    tr,
)
from ..services.lifecycle import centre_for_grid, next_case_number, numbering_centre, write_audit
from ..services.timelimits import TimeLimits
from . import georeport, mapping
from .requests import RequestQuery, find_requests

DEFAULT_SOURCE = "open311"


@dataclass(frozen=True)
class _Incoming:
    """One checked record, ready to be written."""

    request_id: str
    category_id: int
    lon: float
    lat: float
    grid_id: int
    description: str
    address: str
    reported_at: datetime
    closed_at: datetime | None
    notes: str


def import_requests(db: Database, path: str | Path, principal: Principal,
                    source: str = DEFAULT_SOURCE) -> ImportResult:
    """Import a request file as the `source` feed; requests already taken from it are counted
    as unchanged. Raises ImportRejected (the database untouched) listing every problem."""
    authorize(db, principal, Action.IMPORT_DATA)
    path = Path(path)
    text, encoding = read_text(path)
    data = load_json(path, text)
    if not isinstance(data, list):
        raise reject(path, tr(N("imports", "expected a JSON list of service requests")))
    if not data:
        raise reject(path, tr(N("imports", "the file holds no service requests")))
    with db.read() as s:
        services = mapping.codes(s)
        known = set(s.scalars(select(Case.external_id).where(Case.external_source == source)))
    locator = GridLocator.from_database(db)
    problems = Problems(path)
    incoming: list[_Incoming] = []
    seen: set[str] = set()
    unchanged = 0
    for n, rec in enumerate(data, start=1):
        where = tr(RECORD).format(n=n)
        if not isinstance(rec, dict):
            problems.add(where, tr(N("imports", "a record must be a JSON object")))
            continue
        request_id = _request_id(problems, where, rec.get("service_request_id"))
        if request_id is None:
            continue
        if request_id in seen:
            problems.add(where, tr(N("imports", "service_request_id {value} appears twice")).format(value=request_id))
            continue
        seen.add(request_id)
        checked = _check(problems, where, rec, request_id, services, locator)
        if checked is None:
            continue
        if request_id in known:
            unchanged += 1
        else:
            incoming.append(checked)
    problems.raise_if_any()
    if incoming:  # a file imported before writes nothing at all, not even an audit entry
        _write(db, principal, source, incoming, path, encoding)
    return ImportResult("open311", str(path), encoding, len(incoming), 0, unchanged)


def _request_id(problems: Problems, where: str, raw: Any) -> str | None:
    if isinstance(raw, bool) or not isinstance(raw, str | int) or not str(raw).strip():
        problems.add(where, tr(N("imports", "service_request_id is missing")))
        return None
    value = str(raw).strip()
    before = len(problems.items)
    check_length(problems, where, "service_request_id", value, Case.external_id)
    return value if len(problems.items) == before else None


def _check(problems: Problems, where: str, rec: dict[str, Any], request_id: str,
           services: dict[str, mapping.ServiceEntry], locator: GridLocator) -> _Incoming | None:
    before = len(problems.items)
    code = rec.get("service_code")
    entry = services.get(code) if isinstance(code, str) else None
    if entry is None:
        problems.add(where, tr(N("imports", "unknown service_code {value}: add it to the service list first"))
                     .format(value=shown(code)))
    status = rec.get("status")
    if status not in georeport.STATUSES:
        problems.add(where, tr(N("imports", "status {value} is neither open nor closed")).format(value=shown(status)))
    texts = {}
    for key, column in (("description", Case.description), ("address", Case.address),
                        ("status_notes", Case.reject_reason)):
        value = rec.get(key)
        if value is None:
            value = ""
        if not isinstance(value, str) or "\x00" in value:
            problems.add(where, tr(N("imports", "{field} must be text")).format(field=key))
            continue
        texts[key] = value.strip()
        check_length(problems, where, key, texts[key], column)
    if texts.get("description") == "":  # given as text, but blank (intake needs a description)
        problems.add(where, tr(N("imports", "description is empty")))
    times: dict[str, datetime | None] = {}
    for key in ("requested_datetime", "updated_datetime"):
        raw = rec.get(key)
        if raw is None and key == "updated_datetime":
            times[key] = None
            continue
        try:
            times[key] = georeport.parse_timestamp(raw)
        except (ValueError, TypeError):
            problems.add(where, tr(N("imports", "{field} {value} is not an ISO 8601 time with its offset"))
                         .format(field=key, value=shown(raw)))
    coords = []
    for key, low, high in (("long", -180.0, 180.0), ("lat", -90.0, 90.0)):
        try:
            coords.append(georeport.coordinate(rec.get(key), low, high))
        except (ValueError, TypeError, OverflowError):
            problems.add(where, tr(N("imports", "{field} {value} is not a WGS84 coordinate")).format(
                field=key, value=shown(rec.get(key))))
    grid_id = None
    if len(coords) == 2:
        try:
            grid_id = locator.locate(coords[0], coords[1]).grid_id
        except OutsideCity:
            problems.add(where, tr(N("imports", "the location {lon}, {lat} is outside every unit grid")).format(
                lon=coords[0], lat=coords[1]))
    if len(problems.items) != before or entry is None or grid_id is None:
        return None
    reported = times["requested_datetime"]
    assert reported is not None  # parsed above, or a problem was recorded
    closed = (times["updated_datetime"] or reported) if status == georeport.CLOSED else None
    return _Incoming(request_id, entry.category_id, coords[0], coords[1], grid_id, texts["description"],
                     texts["address"], reported, closed, texts["status_notes"])


def _write(db: Database, principal: Principal, source: str, incoming: list[_Incoming], path: Path,
           encoding: str) -> None:
    """Every new request as a case, in one unit of work: an open one waits for registration on
    the register clock, a closed one is kept as closed when the feed closed it."""
    limits = TimeLimits.from_database(db)
    now = db.clock.now()
    drafts: list[audit.Draft] = []
    history_ids: list[int | None] = []
    with db.unit_of_work() as s:
        for item in incoming:
            centre_id = centre_for_grid(s, item.grid_id)
            day = item.reported_at.astimezone(limits.calendar.tz).strftime("%Y%m%d")
            status = CaseStatus.REPORTED if item.closed_at is None else CaseStatus.CLOSED
            clock = limits.clock(item.category_id, Priority.NORMAL.value, Stage.REGISTER, item.reported_at)
            running = status is CaseStatus.REPORTED
            case = Case(
                centre_id=centre_id, case_number=next_case_number(s, numbering_centre(s, centre_id), day),
                source=SourceChannel.REFERRAL.value, category_id=item.category_id,
                priority=Priority.NORMAL.value, status=status.value, grid_id=item.grid_id, lon=item.lon,
                lat=item.lat, address=item.address, description=item.description,
                reject_reason="" if running else item.notes[:200],
                reported_at=item.reported_at, closed_at=item.closed_at,
                stage_started_at=item.reported_at if running else None,
                stage_remind_at=clock.remind_at if running else None,
                stage_deadline_at=clock.deadline_at if running else None,
                updated_at=now, created_by=principal.user_id,
                external_source=source, external_id=item.request_id)
            s.add(case)
            s.flush()
            history = CaseHistory(case_id=case.id, at=now, action="report", from_status=None,
                                  to_status=status.value, user_id=principal.user_id,
                                  note=f"Open311 {source} {item.request_id}")
            s.add(history)
            s.flush()
            drafts.append(audit.Draft("report", "case", case.id, {"case_number": case.case_number,
                                                                   "source": source, "request": item.request_id}))
            history_ids.append(history.id)
            record_change(s, now, Entity.CASE, case.id, "insert", centre_id)
        # each history row attested by its own entry, as the lifecycle does (services.audit)
        audit.append_many(s, principal, drafts, at=now, history_ids=history_ids)
        write_audit(s, principal, now, "import_open311", "case", None,
                    {"file": path.name, "encoding": encoding, "source": source, "created": len(incoming)})


def export_requests(db: Database, principal: Principal, *, since: datetime | None = None,
                    status: str | None = None) -> str:
    """Every request of the principal's centres (reported since `since`, of `status`) as the
    JSON text of a request file, oldest first; personal data masked unless they may see it."""
    found = find_requests(db, principal, RequestQuery(start=since, status=status, limit=None))
    with db.unit_of_work() as s:
        audit.append(s, principal, "export_open311", "case", None,
                     {"since": since.isoformat() if since else None, "status": status, "requests": len(found)})
    return json.dumps(found[::-1], ensure_ascii=False, indent=1)


def export_services(db: Database, principal: Principal, *, template: bool = False) -> str:
    """The service list as services.json (with `template`, every minor category to edit)."""
    return json.dumps([e.as_json() for e in mapping.service_list(db, principal, template=template)],
                      ensure_ascii=False, indent=1)
