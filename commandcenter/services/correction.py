"""Correction (更正) of a case's category or grid, as the lifecycle applies it, and what the
correction dialog offers.

A call-taker who picked the wrong category or grid puts it right with `Action.CORRECT`, through
`CaseService.perform` like every case action (one transaction: the case, its history row with the
reason as its note, a `case_correction` row with the values before and after, the audit entry
and the change log). The rules:

- Allowed on an open case whose clock runs (`domain.lifecycle.CORRECTABLE`: before or after
  dispatch, not suspended, not in transit to another centre, never once closed), by the centre
  holding it (`referral.guard`); the status does not change. A reason is required.
- A new category, a new grid, or both; a correction naming what the case already has is refused
  (`NothingCorrected`), so every correction row is a real change.
- A new grid must lie in the area of the centre the case belongs to (its street, its district,
  or anywhere for the city centre); a grid of another centre's area is refused
  (`GridOfAnotherCentre`): such a case is transferred or referred there (转办 / 上报), not
  corrected into it. The case's point moves to the new grid's centroid, since the point entered
  lay in the wrong grid; the address stays as the caller said it.
- Deadlines, when the category changes: the running stage's clock is recomputed from the
  stage's start with the new category's limit for the case's priority and stage; minutes an
  approved extension or a suspension had added to that stage (the old deadline's distance past
  the old category's limit from the start) are kept, on the new clock. While the handling runs
  (dispatched or accepted) the handling deadline follows the same way and the assessment
  deadline (按期) moves by as much. So an urgent case re-typed into a category with a shorter
  limit is due earlier, overdue at once if that time has passed (the escalation scan raises it);
  escalation levels still reached under the new clock are kept, the others dropped. A grid
  correction alone changes no clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import Database
from ..domain.actions import Action
from ..domain.entities import Entity
from ..domain.enums import STATUS_STAGE, CaseStatus, Stage
from ..errors import GridOfAnotherCentre, NotFound, NothingCorrected, ValidationError
from ..models import (
    Case,
    CaseCorrection,
    Category,
    CommandCentre,
    Community,
    Grid,
    Street,
)
from ..shapes.corrections import GridChoice
from .auth import Principal, authorize
from .reference_lists import pinyin_initials
from .referral import awaits_feedback
from .timelimits import TimeLimits


@dataclass(frozen=True)
class _Area:
    """A centre's area: one street, one district, or (neither) the whole city."""

    street_id: int | None
    district_id: int | None

    def covers(self, street_id: int, district_id: int) -> bool:
        if self.street_id is not None:
            return street_id == self.street_id
        return self.district_id is None or district_id == self.district_id


def _area(s: Session, centre_id: int) -> _Area:
    row = s.execute(select(CommandCentre.street_id, CommandCentre.district_id)
                    .where(CommandCentre.id == centre_id)).one()
    return _Area(row.street_id, row.district_id)


def _grid_place(s: Session, grid_id: int) -> tuple[Grid, int, int]:
    """The grid with its street and district ids."""
    hit = s.execute(select(Grid, Street.id, Street.district_id)
                    .join(Community, Community.id == Grid.community_id)
                    .join(Street, Street.id == Community.street_id)
                    .where(Grid.id == grid_id)).one_or_none()
    if hit is None:
        raise ValidationError(f"unknown grid {grid_id}", field="grid")
    return hit[0], hit[1], hit[2]


def _local_centre_name(s: Session, street_id: int, district_id: int) -> str:
    """The most local centre whose area holds a street: the street's own, else its district's."""
    for column, value in ((CommandCentre.street_id, street_id), (CommandCentre.district_id, district_id)):
        name = s.scalar(select(CommandCentre.name).where(column == value).order_by(CommandCentre.id).limit(1))
        if name is not None:
            return name
    return str(district_id)


def _followed(limits: TimeLimits, old_category: int, new_category: int, priority: str, stage: Stage,
              start: datetime, deadline: datetime) -> datetime:
    """`deadline` as the new category's limit from `start`, keeping what was added beyond the old one."""
    cal = limits.calendar
    old_minutes, old_unit = limits.limit(old_category, priority, stage)
    new_minutes, new_unit = limits.limit(new_category, priority, stage)
    added = max(0.0, cal.minutes_between(cal.add(start, old_minutes, old_unit), deadline, new_unit))
    return cal.add(cal.add(start, new_minutes, new_unit), added, new_unit)


def _refit_clocks(s: Session, case: Case, old_category: int, now: datetime, limits: TimeLimits) -> None:
    """The running clocks under the new category (the module's deadline rule); a handled case held
    on an accepted referral runs on the feedback stage's clock, not verification's."""
    status = CaseStatus(case.status)
    new_category, priority = case.category_id, case.priority
    if status in (CaseStatus.DISPATCHED, CaseStatus.ACCEPTED) and case.handle_deadline_at is not None \
            and case.dispatched_at is not None:
        old = case.handle_deadline_at
        case.handle_deadline_at = _followed(limits, old_category, new_category, priority, Stage.HANDLE,
                                            case.dispatched_at, old)
        if case.assess_deadline_at is not None:
            case.assess_deadline_at += case.handle_deadline_at - old
    if case.stage_started_at is None or case.stage_deadline_at is None:
        return
    stage = STATUS_STAGE[status]
    if stage is Stage.VERIFY and awaits_feedback(s, case.id):
        stage = Stage.FEEDBACK
    deadline = _followed(limits, old_category, new_category, priority, stage, case.stage_started_at,
                         case.stage_deadline_at)
    clock = limits.until(new_category, priority, stage, deadline)
    case.stage_remind_at, case.stage_deadline_at = clock.remind_at, clock.deadline_at
    case.escalation_level = min(case.escalation_level, int(now >= clock.remind_at) + int(now >= clock.deadline_at))


def apply_correction(s: Session, case: Case, category_id: int | None, grid_id: int | None, now: datetime,
                     limits: TimeLimits) -> CaseCorrection:
    """Change `case`'s category and grid (the state machine, the right and the holder allowed it);
    the correction row to store once its history row exists (`record`)."""
    new_category = case.category_id if category_id is None else category_id
    new_grid = case.grid_id if grid_id is None else grid_id
    if (new_category, new_grid) == (case.category_id, case.grid_id):
        raise NothingCorrected(case.case_number)
    correction = CaseCorrection(case_id=case.id, from_category_id=case.category_id, to_category_id=new_category,
                                from_grid_id=case.grid_id, to_grid_id=new_grid)
    if new_grid != case.grid_id:
        grid, street_id, district_id = _grid_place(s, new_grid)
        if not _area(s, case.centre_id).covers(street_id, district_id):
            raise GridOfAnotherCentre(case.case_number, grid.code, _local_centre_name(s, street_id, district_id))
        case.grid_id, case.lon, case.lat = grid.id, grid.centroid_lon, grid.centroid_lat
    if new_category != case.category_id:
        if s.scalar(select(Category.level).where(Category.id == new_category)) != 2:
            raise ValidationError(f"unknown category {new_category}", field="category")
        old_category, case.category_id = case.category_id, new_category
        _refit_clocks(s, case, old_category, now, limits)
    return correction


def record(s: Session, history_id: int, correction: CaseCorrection) -> None:
    """Store the correction beside its case history row."""
    correction.history_id = history_id
    s.add(correction)


class CorrectionService:
    """What the correction dialog offers: the grids a case may be corrected to."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def grids(self, principal: Principal, case_id: int) -> tuple[GridChoice, ...]:
        """The unit grids in the area of the case's centre, by code."""
        with self.db.read() as s:
            centre_id = s.scalar(select(Case.centre_id).where(Case.id == case_id))
            if centre_id is None:
                raise NotFound("case", case_id)
            area = _area(s, centre_id)
            stmt = (select(Grid.id, Grid.code, Grid.name, Community.name, Street.name)
                    .join(Community, Community.id == Grid.community_id)
                    .join(Street, Street.id == Community.street_id).order_by(Grid.code))
            if area.street_id is not None:
                stmt = stmt.where(Street.id == area.street_id)
            elif area.district_id is not None:
                stmt = stmt.where(Street.district_id == area.district_id)
            rows = s.execute(stmt).all()
        authorize(self.db, principal, Action.CORRECT, centre_id=centre_id, entity=Entity.CASE.value,
                  entity_id=case_id)
        return tuple(GridChoice(*r, initials=pinyin_initials(r[2])) for r in rows)


def ids_by_code(db: Database, category_code: str | None, grid_code: str | None) -> tuple[int | None, int | None]:
    """A correction's new minor category and grid named by their public codes (the scripting API)."""
    found: list[int | None] = []
    with db.read() as s:
        for field, code, stmt in (
            ("category", category_code, select(Category.id).where(Category.code == (category_code or "").strip(),
                                                                  Category.level == 2)),
            ("grid", grid_code, select(Grid.id).where(Grid.code == (grid_code or "").strip())),
        ):
            value = None if code is None else s.scalar(stmt)
            if code is not None and value is None:
                raise ValidationError(f"unknown {field} code {code!r}", field=field)
            found.append(value)
    return found[0], found[1]


def search_grids(choices: Sequence[GridChoice], query: str) -> list[GridChoice]:
    """Grids matching a code, a name, pinyin initials, or their community's or street's name; a
    code or name that starts with the query first, then the rest by code."""
    q = query.strip().lower()
    if not q:
        return list(choices)
    ranked = []
    for g in choices:
        if g.code.startswith(q) or g.name.startswith(q) or g.initials.startswith(q):
            ranked.append((0, g.code, g))
        elif q in g.code or q in g.name.lower() or q in g.initials or q in g.community or q in g.street:
            ranked.append((1, g.code, g))
    ranked.sort(key=lambda t: (t[0], t[1]))
    return [g for _, _, g in ranked]
