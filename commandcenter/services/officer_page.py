"""One officer's page: their grids (outlines for a small map), open cases, the history of their
duty changes and of where they have been, places named rather than given as coordinates.

Everything comes from tables the roster already writes: `officer_grid`, `case_record`,
`duty_change` (every duty change through `roster.set_duty_status`) and `officer_position`
(every report through `roster.record_positions`).
"""

from __future__ import annotations

from sqlalchemy import select

from ..db import Database
from ..domain.enums import OPEN_STATUS_VALUES
from ..models import Case, DutyChange, Grid, OfficerGrid, OfficerPosition, User
from ..shapes.officer_page import DutyEntry, GridOutline, OfficerPage, PositionStay
from .auth import Principal
from .case_queries import row_select, to_row
from .place_names import name_places
from .roster import officer_row

DUTY_ENTRIES = 100  # the newest duty changes listed
POSITION_REPORTS = 500  # the newest position reports, folded into stays per grid
OPEN_CASES = 200


def officer_page(db: Database, viewer: Principal, officer_id: int) -> OfficerPage:
    """The page of `officer_id` as `viewer` may see it (phone masked without the right)."""
    import shapely

    row = officer_row(db, officer_id, viewer)
    with db.read() as s:
        mine = set(s.scalars(select(OfficerGrid.grid_id).where(OfficerGrid.officer_id == officer_id)))
        communities = select(Grid.community_id).where(Grid.id.in_(mine)) if mine else None
        outlines = s.execute(
            select(Grid.id, Grid.code, Grid.name, Grid.geometry).where(Grid.community_id.in_(communities))
            .order_by(Grid.code)
        ).all() if communities is not None else []
        cases = s.execute(
            row_select(Case.assignee_officer_id == officer_id, Case.status.in_(OPEN_STATUS_VALUES))
            .order_by(Case.stage_deadline_at.is_(None), Case.stage_deadline_at, Case.id).limit(OPEN_CASES)
        ).all()
        duty = s.execute(
            select(DutyChange.at, DutyChange.from_status, DutyChange.to_status, User.display_name)
            .outerjoin(User, User.id == DutyChange.user_id)
            .where(DutyChange.officer_id == officer_id)
            .order_by(DutyChange.at.desc(), DutyChange.id.desc()).limit(DUTY_ENTRIES)
        ).all()
        reports = s.execute(
            select(OfficerPosition.at, OfficerPosition.lon, OfficerPosition.lat)
            .where(OfficerPosition.officer_id == officer_id)
            .order_by(OfficerPosition.at.desc(), OfficerPosition.id.desc()).limit(POSITION_REPORTS)
        ).all()
    grids = []
    for gid, code, name, wkb in outlines:
        shape = shapely.from_wkb(wkb)
        polygon = max(getattr(shape, "geoms", [shape]), key=lambda g: g.area)  # a multipolygon's main part
        grids.append(GridOutline(gid, code, name, tuple((x, y) for x, y in polygon.exterior.coords), gid in mine))
    points = [(r.lon, r.lat) for r in reports]
    last = (row.last_lon, row.last_lat) if row.last_lon is not None and row.last_lat is not None else None
    places = name_places(db, points + ([last] if last else []))
    stays: list[PositionStay] = []
    for r, place in zip(reports, places, strict=False):
        at = r.at
        previous = stays[-1] if stays else None
        if previous is not None and previous.place == place:
            # newest first: an older report of the same stay moves its start back
            stays[-1] = PositionStay(at, previous.last_at, previous.reports + 1, previous.lon, previous.lat, place)
        else:
            stays.append(PositionStay(at, at, 1, r.lon, r.lat, place))
    return OfficerPage(
        officer_id=row.id, employee_no=row.employee_no, name=row.name, phone=row.phone,
        duty_status=row.duty_status, last_seen_at=row.last_seen_at, last_place=places[-1] if last else None,
        grids=tuple(grids), open_cases=tuple(to_row(r) for r in cases),
        duty_history=tuple(DutyEntry(at, a, b, who or "") for at, a, b, who in duty),
        stays=tuple(stays),
    )
