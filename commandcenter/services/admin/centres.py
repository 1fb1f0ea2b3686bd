"""Command centres: their name (what briefings, handover records and the title bar show),
level, parent and time zone. Needs MANAGE_CENTRES.

Briefings read the centre's name when they are made, so a rename shows on the next one; a
briefing already issued keeps the name it was printed with.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, aliased

from ...domain.actions import Action
from ...domain.entities import Entity
from ...domain.enums import CentreLevel
from ...errors import NotFound, ValidationError
from ...models import CommandCentre
from ...shapes.admin import CentreRow
from ..auth import Principal, centre_scope
from ..changefeed import record_change
from ..validation import clean_text
from .common import AdminPart, audit, versioned_update

# a parent is always of a higher level: a city seat over districts over streets
LEVEL_RANK: dict[CentreLevel, int] = {CentreLevel.STREET: 0, CentreLevel.DISTRICT: 1, CentreLevel.CITY: 2}


def centre_rows(session: Session, centre_id: int | None = None) -> list[CentreRow]:
    parent = aliased(CommandCentre)
    query = (
        select(CommandCentre.id, CommandCentre.code, CommandCentre.name, CommandCentre.level,
               CommandCentre.parent_id, parent.name, CommandCentre.timezone, CommandCentre.version)
        .outerjoin(parent, parent.id == CommandCentre.parent_id)
        .order_by(CommandCentre.code)
    )
    if centre_id is not None:
        query = query.where(CommandCentre.id == centre_id)
    return [CentreRow(r[0], r[1], r[2], CentreLevel(r[3]), r[4], r[5] or "", r[6], r[7])
            for r in session.execute(query)]


def _check_timezone(timezone: str) -> str:
    timezone = timezone.strip()
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"unknown time zone {timezone!r}", field="timezone", problem="timezone") from None
    return timezone


def _check_parent(session: Session, level: CentreLevel, parent_id: int | None, centre_id: int | None) -> None:
    """The parent exists, ranks above `level`, and is not the centre itself or one below it."""
    if parent_id is None:
        return
    parent_level = session.scalar(select(CommandCentre.level).where(CommandCentre.id == parent_id))
    if parent_level is None:
        raise NotFound("command centre", parent_id)
    if centre_id is not None and parent_id in centre_scope(session, centre_id):
        raise ValidationError("a centre cannot sit under itself or a centre below it", field="parent",
                              problem="parent_cycle")
    if LEVEL_RANK[CentreLevel(parent_level)] <= LEVEL_RANK[level]:
        raise ValidationError("a centre's parent must be of a higher level", field="parent", problem="parent_level")


class CentreAdmin(AdminPart):
    """Command centres and the names their briefings carry."""

    def rows(self, principal: Principal) -> list[CentreRow]:
        self._allow(principal, Action.MANAGE_CENTRES)
        with self.db.read() as s:
            return centre_rows(s)

    def add(self, principal: Principal, code: str, name: str, level: CentreLevel, parent_id: int | None,
            timezone: str) -> CentreRow:
        self._allow(principal, Action.MANAGE_CENTRES)
        code = clean_text(code, "code", CommandCentre.code, required=True)
        name = clean_text(name, "name", CommandCentre.name, required=True)
        level, timezone = CentreLevel(level), _check_timezone(timezone)
        now = self.db.clock.now()
        with self.db.unit_of_work() as s:
            if s.scalar(select(func.count()).select_from(CommandCentre).where(CommandCentre.code == code)):
                raise ValidationError(f"centre code {code!r} is taken", field="code", problem="code_taken")
            _check_parent(s, level, parent_id, None)
            centre_id = s.execute(
                insert(CommandCentre).values(code=code, name=name, level=level.value, parent_id=parent_id,
                                             timezone=timezone, version=1).returning(CommandCentre.id)
            ).scalar_one()
            audit(s, principal, now, "add_centre", "centre", centre_id,
                  {"code": code, "name": name, "level": level.value, "parent_id": parent_id, "timezone": timezone})
            record_change(s, now, Entity.CENTRE, centre_id, "insert", centre_id)
            return centre_rows(s, centre_id)[0]

    def edit(self, principal: Principal, centre: CentreRow, *, name: str, level: CentreLevel, parent_id: int | None,
             timezone: str) -> CentreRow:
        """Rename or move a centre, or change its zone, if nobody changed it since `centre` was read."""
        self._allow(principal, Action.MANAGE_CENTRES)
        name = clean_text(name, "name", CommandCentre.name, required=True)
        level, timezone = CentreLevel(level), _check_timezone(timezone)
        now = self.db.clock.now()
        with self.db.unit_of_work() as s:
            _check_parent(s, level, parent_id, centre.id)
            child_levels = s.scalars(select(CommandCentre.level).where(CommandCentre.parent_id == centre.id))
            if any(LEVEL_RANK[CentreLevel(c)] >= LEVEL_RANK[level] for c in child_levels):
                raise ValidationError("a centre must rank above the centres under it", field="level",
                                      problem="level_below_children")
            versioned_update(s, CommandCentre, centre.id, centre.version, "centre", centre.code,
                             name=name, level=level.value, parent_id=parent_id, timezone=timezone)
            audit(s, principal, now, "edit_centre", "centre", centre.id, {
                "code": centre.code,
                "before": {"name": centre.name, "level": centre.level.value, "parent_id": centre.parent_id,
                           "timezone": centre.timezone},
                "after": {"name": name, "level": level.value, "parent_id": parent_id, "timezone": timezone},
            })
            record_change(s, now, Entity.CENTRE, centre.id, "update", centre.id)
            return centre_rows(s, centre.id)[0]
