"""Cases as GeoReport v2 service requests, and a posted request as intake.

Reading goes through the principal's scope (Action.VIEW, their centres) and masks the address
and any phone number in the text unless the principal may see personal data, so the public
endpoint (the "open311" account) and an export by the command line give nobody's door or number
away. A posted request is entered by `CaseService.report`, the intake every seat uses.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import aliased

from ..db import Database
from ..domain.actions import Action
from ..domain.enums import OPEN_STATUS_VALUES, Priority, SourceChannel
from ..domain.privacy import mask_address, mask_phones_in_text
from ..errors import ValidationError
from ..models import Case, Category, CommandCentre, Open311Service
from ..services.auth import Principal, authorize
from ..services.lifecycle import CaseService
from ..services.personal_data import sees_personal_data
from ..shapes.cases import NewCase
from . import georeport, mapping

DEFAULT_SPAN = timedelta(days=90)  # the spec's default window without dates or ids
MAX_RESULTS = 1000  # the spec's default cap for one answer


@dataclass(frozen=True)
class RequestQuery:
    """The spec's filters for GET requests.json; None means not given."""

    ids: tuple[str, ...] = ()
    service_codes: tuple[str, ...] = ()
    start: datetime | None = None
    end: datetime | None = None
    status: str | None = None  # open | closed
    limit: int | None = MAX_RESULTS


def find_requests(db: Database, principal: Principal, query: RequestQuery) -> list[dict[str, Any]]:
    """The matching cases of the principal's centres as service requests, newest first."""
    authorize(db, principal, Action.VIEW)
    clear = sees_personal_data(db, principal)
    tz = ZoneInfo(principal.timezone)
    major = aliased(Category)
    stmt = (select(Case, Category.code, Category.name_en, Open311Service.service_code, Open311Service.service_name,
                   CommandCentre.name)
            .join(Category, Category.id == Case.category_id)
            .join(major, major.id == Category.parent_id)
            .join(CommandCentre, CommandCentre.id == Case.centre_id)
            .outerjoin(Open311Service, Open311Service.category_id == Case.category_id)
            .where(Case.centre_id.in_(principal.centre_ids))
            .order_by(Case.reported_at.desc(), Case.id.desc()))
    if query.ids:
        stmt = stmt.where(or_(Case.case_number.in_(query.ids), Case.external_id.in_(query.ids)))
    if query.service_codes:
        stmt = stmt.where(or_(Open311Service.service_code.in_(query.service_codes),
                              (Open311Service.id.is_(None)) & Category.code.in_(query.service_codes)))
    if query.start is not None:
        stmt = stmt.where(Case.reported_at >= query.start)
    if query.end is not None:
        stmt = stmt.where(Case.reported_at <= query.end)
    if query.status is not None:
        is_open = Case.status.in_(OPEN_STATUS_VALUES)
        stmt = stmt.where(is_open if query.status == georeport.OPEN else ~is_open)
    if query.limit is not None:
        stmt = stmt.limit(query.limit)
    with db.read() as s:
        return [_request(case, cat_code, cat_name, code, name, centre, tz, clear)
                for case, cat_code, cat_name, code, name, centre in s.execute(stmt)]


def _request(case: Case, cat_code: str, cat_name: str, code: str | None, name: str | None, centre: str,
             tz: ZoneInfo, clear: bool) -> dict[str, Any]:
    """One case as a service request; a category with no service goes out under its own code."""
    text = case.description if clear else mask_phones_in_text(case.description)
    notes = case.reject_reason if clear else mask_phones_in_text(case.reject_reason)
    return {
        "service_request_id": case.external_id or case.case_number,
        "status": georeport.request_status(case.status),
        "status_notes": notes,
        "service_name": name or cat_name,
        "service_code": code or cat_code,
        "description": text,
        "agency_responsible": centre,
        "service_notice": "",
        "requested_datetime": georeport.timestamp(case.reported_at, tz),
        "updated_datetime": georeport.timestamp(case.closed_at or case.updated_at, tz),
        "expected_datetime": georeport.timestamp(case.handle_deadline_at, tz),
        "address": case.address if clear else mask_address(case.address),
        "address_id": "",
        "zipcode": "",
        "lat": case.lat,
        "long": case.lon,
        "media_url": "",
    }


def default_window(db: Database, query: RequestQuery) -> RequestQuery:
    """The spec's default: without ids or dates, the last 90 days."""
    if query.ids or query.start is not None or query.end is not None:
        return query
    return RequestQuery(query.ids, query.service_codes, db.clock.now() - DEFAULT_SPAN, None, query.status,
                        query.limit)


def _text(form: Mapping[str, str], key: str) -> str:
    return (form.get(key) or "").strip()


def submit(db: Database, principal: Principal, form: Mapping[str, str]) -> dict[str, Any]:
    """A posted request (the spec's form fields) entered as a new case from the citizen app;
    ValidationError names the field that is missing or malformed, OutsideCity a location
    outside every grid. Returns the spec's answer: the new id and a notice."""
    code = _text(form, "service_code")
    if not code:
        raise ValidationError("service_code is required", field="service_code")
    with db.read() as s:
        entry = mapping.codes(s).get(code)
    if entry is None:
        raise ValidationError(f"service_code {code} is not a service of this centre", field="service_code")
    if not _text(form, "lat") or not _text(form, "long"):
        raise ValidationError("the location is required as lat and long (WGS84); address_string alone "
                              "cannot be placed in a grid", field="lat")
    try:
        lat = georeport.coordinate(_text(form, "lat"), -90.0, 90.0)
        lon = georeport.coordinate(_text(form, "long"), -180.0, 180.0)
    except ValueError as exc:
        raise ValidationError("lat and long must be WGS84 decimal degrees", field="lat") from exc
    name = " ".join(p for p in (_text(form, "first_name"), _text(form, "last_name")) if p)
    row = CaseService(db).report(principal, NewCase(
        source=SourceChannel.CITIZEN_APP, category_id=entry.category_id, priority=Priority.NORMAL,
        description=_text(form, "description"), lon=lon, lat=lat, address=_text(form, "address_string"),
        reporter_name=name, reporter_phone=_text(form, "phone")))
    return {"service_request_id": row.case_number, "service_notice": "", "account_id": None}
