"""The change log writers and readers: how live views learn what other processes committed.

Every transaction that changes a row a live view shows appends to `change_log` in the same
transaction, so a reader that sees the change-log row also sees the change. Readers poll
`changes_since` (cheap: one indexed range scan); PostgreSQL NOTIFY can later wake them sooner.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from ..caches import CHANGED_ENTITIES
from ..db import Database
from ..domain.entities import Entity
from ..models import ChangeLog, to_epoch


@dataclass(frozen=True)
class Change:
    id: int
    entity: str  # an Entity value; kept as read, so a newer program's entity does not break an older reader
    entity_id: int
    op: str


def record_change(
    session: Session, at: datetime, entity: Entity, entity_id: int, op: str, centre_id: int | None = None
) -> None:
    """Append a change-log row, and note the entity so the commit drops this process's stale caches."""
    session.execute(
        insert(ChangeLog).values(at=to_epoch(at), entity=entity.value, entity_id=entity_id, op=op,
                                 centre_id=centre_id)
    )
    session.info.setdefault(CHANGED_ENTITIES, set()).add(entity)


def latest_change_id(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.coalesce(func.max(ChangeLog.id), 0))) or 0)


def changes_since(db: Database, after_id: int, limit: int = 5000) -> list[Change]:
    """Changes committed after `after_id`, oldest first (at most `limit`)."""
    with db.read() as s:
        rows = s.execute(
            select(ChangeLog.id, ChangeLog.entity, ChangeLog.entity_id, ChangeLog.op)
            .where(ChangeLog.id > after_id)
            .order_by(ChangeLog.id)
            .limit(limit)
        ).all()
    return [Change(r.id, r.entity, r.entity_id, r.op) for r in rows]
