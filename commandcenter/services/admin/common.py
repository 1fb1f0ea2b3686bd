"""What every admin service shares: the audit entry, the permission check and the
compare-before-write update that keeps two admins from overwriting each other."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from ...db import Database
from ...domain.actions import Action
from ...errors import StaleSetting
from .. import audit as audit_trail
from ..auth import Principal, authorize


class AdminPart:
    """One admin service over an opened database; each method takes the principal first."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _allow(self, principal: Principal, action: Action) -> None:
        authorize(self.db, principal, action)


def audit(session: Session, principal: Principal, at: datetime, action: str, entity: str, entity_id: int | None,
          detail: dict[str, object]) -> None:
    """The audit entry of an admin change, in the change's own transaction (the hash chain)."""
    audit_trail.append(session, principal, action, entity, entity_id, detail, at=at)


def versioned_update(session: Session, table: Any, row_id: int, version: int, kind: str, key: object,
                     **values: object) -> None:
    """Write `values` to row `row_id` only if its version is still `version`, and bump it.

    One UPDATE with the version in its WHERE clause: the database decides who was first, so a
    second admin's edit of a row changed since their screen read it is refused (StaleSetting)."""
    done = session.execute(
        update(table).where(table.id == row_id, table.version == version)
        .values(version=table.version + 1, **values)
        .execution_options(synchronize_session=False)
    )
    if done.rowcount != 1:
        raise StaleSetting(kind, key)
