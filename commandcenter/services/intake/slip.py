"""Dispatch slips (派遣单): one case gathered for its handler, then printed as a one-page PDF.

Built the way handover records are printed: the service reads the case as the printer may see
it (the reporter's name and phone and the house number masked without the right to personal
data, an anonymous or confidential reporter never printed), picks the case's grid and the grids
around it for the small map from the database (no map tiles, no network), and hands the data
to `reports.dispatch_slip`. The file name carries the case number and its version, so a reprint
of an unchanged case overwrites its copy.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from ...db import Database
from ...domain.enums import ReporterPrivacy
from ...domain.privacy import mask_address, mask_name, mask_phone
from ...errors import NotFound
from ...models import Case, Category, Community, Department, Grid, Officer, Street
from ...shapes.slip import DispatchSlip, SlipGrid
from ..auth import Principal
from ..personal_data import sees_personal_data

MAP_MARGIN_DEG = 0.0015  # grids within about 150 m of the case's own are drawn around it


def _rings(wkb: bytes) -> tuple[tuple[tuple[float, float], ...], ...]:
    import shapely  # loaded at the first slip, not with the window (tests/test_startup.py)

    geom = shapely.from_wkb(wkb)
    polygons = getattr(geom, "geoms", [geom])
    return tuple(tuple((float(x), float(y)) for x, y in p.exterior.coords) for p in polygons)


def gather(db: Database, viewer: Principal, case_id: int) -> DispatchSlip:
    """The slip's data for `case_id`, as `viewer` may print it (the caller has authorized the view)."""
    clear = sees_personal_data(db, viewer)
    with db.read() as s:
        r = s.execute(
            select(Case, Category.name_zh, Category.name_en, Grid.code, Grid.name, Grid.min_lon, Grid.min_lat,
                   Grid.max_lon, Grid.max_lat, Community.name.label("community"), Street.name.label("street"),
                   Officer.name.label("officer"), Officer.phone.label("officer_phone"),
                   Department.name.label("department"), Department.phone.label("department_phone"))
            .join(Category, Category.id == Case.category_id).join(Grid, Grid.id == Case.grid_id)
            .join(Community, Community.id == Grid.community_id).join(Street, Street.id == Community.street_id)
            .outerjoin(Officer, Officer.id == Case.assignee_officer_id)
            .outerjoin(Department, Department.id == Case.assignee_department_id)
            .where(Case.id == case_id)
        ).first()
        if r is None:
            raise NotFound("case", case_id)
        c: Case = r.Case
        grids = tuple(
            SlipGrid(code=g.code, name=g.name, rings=_rings(g.geometry), own=g.code == r.code)
            for g in s.execute(select(Grid.code, Grid.name, Grid.geometry).where(
                Grid.min_lon <= r.max_lon + MAP_MARGIN_DEG, Grid.max_lon >= r.min_lon - MAP_MARGIN_DEG,
                Grid.min_lat <= r.max_lat + MAP_MARGIN_DEG, Grid.max_lat >= r.min_lat - MAP_MARGIN_DEG))
        )
        hidden = c.reporter_privacy != ReporterPrivacy.NAMED
        name, phone = ("", "") if hidden else (c.reporter_name, c.reporter_phone)
        handler_phone = r.officer_phone or r.department_phone or ""
        if not clear:
            name, phone = mask_name(name), mask_phone(phone)
            if r.officer is not None:  # an officer's own phone is personal; a department's switchboard is not
                handler_phone = mask_phone(handler_phone)
        return DispatchSlip(
            centre_name=viewer.centre_name, timezone=viewer.timezone, case_number=c.case_number,
            category_zh=r.name_zh, category_en=r.name_en, priority=c.priority, status=c.status, source=c.source,
            description=c.description, address=c.address if clear else mask_address(c.address), street=r.street,
            community=r.community, grid_code=r.code, grid_name=r.name, lon=c.lon, lat=c.lat, reported_at=c.reported_at,
            dispatched_at=c.dispatched_at, deadline_at=c.handle_deadline_at or c.stage_deadline_at,
            contact_name=name, contact_phone=phone, contact_hidden=hidden,
            handler_name=r.officer or r.department or "", handler_phone=handler_phone,
            hotline_number=c.hotline_number or "", hotline_due_at=c.hotline_due_at, grids=grids,
            printed_by=viewer.display_name, printed_at=db.clock.now(),
        )


def print_slip(db: Database, viewer: Principal, case_id: int, *, folder: Path, lang: str) -> Path:
    """Write the case's dispatch slip into `folder` and return the file's path."""
    from ...reports.dispatch_slip import render_slip  # ReportLab loads with the first print

    slip = gather(db, viewer, case_id)
    with db.read() as s:
        version = s.scalar(select(Case.version).where(Case.id == case_id))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"dispatch-slip-{slip.case_number}-v{version}-{lang}.pdf"
    render_slip(slip, path, lang=lang)
    return path
