"""What the live wall holds, read in bulk: every open case of the user's centres plus cases
closed in the last hours, or widened to all cases reported in a period."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement

from ..db import Database
from ..domain.enums import OPEN_STATUS_VALUES, CaseStatus
from ..domain.privacy import mask_address
from ..models import Case, to_epoch
from ..shapes.cases import CaseRow
from .case_queries import row_select, to_row
from .changefeed import latest_change_id
from .drill_scope import counted_in_figures
from .personal_data import sees_personal_data

if TYPE_CHECKING:
    from .auth import Principal


@dataclass(frozen=True)
class WallScope:
    """Which cases belong on the wall. Without a period: open + closed within `closed_hours`."""

    centre_ids: tuple[int, ...]
    closed_hours: int = 24
    period_start: datetime | None = None
    period_end: datetime | None = None

    def contains(self, row: CaseRow, now: datetime) -> bool:
        """Whether a changed row still belongs on the wall (same rule as the SQL below)."""
        if row.centre_id not in self.centre_ids:
            return False
        if row.status in OPEN_STATUS_VALUES:
            return True
        if self.period_start is not None:
            end = self.period_end or now
            return self.period_start <= row.reported_at < end
        return (
            row.status == CaseStatus.CLOSED
            and row.closed_at is not None
            and row.closed_at >= now - timedelta(hours=self.closed_hours)
        )

    def conditions(self, now: datetime) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
        """The wall as two disjoint parts, each answered from its own index: the open cases
        (by centre and status) and the rest (by closing time, or by report time when widened).
        One OR of both made SQLite walk a centre's whole history: a second at Putian scale."""
        in_centres = Case.centre_id.in_(self.centre_ids)
        open_part = in_centres & Case.status.in_(OPEN_STATUS_VALUES)
        if self.period_start is not None:
            end = self.period_end or now
            rest = (
                (Case.reported_at >= to_epoch(self.period_start))
                & (Case.reported_at < to_epoch(end))
                & Case.status.not_in(OPEN_STATUS_VALUES)
                & in_centres
            )
        else:
            rest = (
                in_centres
                & (Case.status == CaseStatus.CLOSED.value)
                & (Case.closed_at >= to_epoch(now - timedelta(hours=self.closed_hours)))
            )
        return open_part, rest


@dataclass(frozen=True)
class WallSnapshot:
    rows: list[CaseRow]
    change_id: int  # the change log position the snapshot is at least as new as
    loaded_at: datetime


def load_wall(db: Database, scope: WallScope, viewer: Principal | None = None) -> WallSnapshot:
    """The wall's rows; addresses masked unless `viewer` may see personal data, drill cases
    left out on a production database."""
    # read the change position first: a change committed during the load is then applied twice
    # (harmless, rows are replaced by id) rather than missed
    change_id = latest_change_id(db)
    now = db.clock.now()
    mask = _address_mask(db, viewer)
    rows: list[CaseRow] = []
    with db.read() as s:
        read = s.connection()  # plain result rows: the ORM's row building would cost a tenth more
        for part in scope.conditions(now):
            rows.extend(to_row(r, mask) for r in read.execute(row_select(part, counted_in_figures())))
    return WallSnapshot(rows, change_id, now)


def rows_by_ids(db: Database, ids: Iterable[int], viewer: Principal | None = None) -> list[CaseRow]:
    """Changed rows for the wall, masked as `load_wall` masks them."""
    ids = list(ids)
    mask = _address_mask(db, viewer)
    out: list[CaseRow] = []
    with db.read() as s:
        read = s.connection()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            out.extend(to_row(r, mask) for r in read.execute(row_select(Case.id.in_(chunk), counted_in_figures())))
    return out


def _address_mask(db: Database, viewer: Principal | None) -> Callable[[str], str] | None:
    """How the wall's addresses leave the service for `viewer` (as `personal_data.rows_for`
    masks them), applied while each row is built rather than by a second pass of copies."""
    return None if sees_personal_data(db, viewer) else mask_address
