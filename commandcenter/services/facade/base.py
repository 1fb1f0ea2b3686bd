"""What every service object shares: its database and the permission and scope checks."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from ...db import Database
from ...domain.actions import Action
from ...domain.entities import Entity
from ...errors import NotFound
from ...models import Case
from ..auth import Principal, authorize


class ServiceBase:
    """A service object over one opened database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def allow(self, principal: Principal, action: Action = Action.VIEW, *, centre_id: int | None = None,
              entity: str = "user", entity_id: int | None = None) -> None:
        """Raise PermissionDenied unless `principal` may `action` now, and OutOfScope when
        `centre_id` is outside their centres; refusals are audited (on `entity` when named)."""
        authorize(self.db, principal, action, centre_id=centre_id, entity=entity, entity_id=entity_id)


    def allow_case(self, principal: Principal, case_id: int, action: Action = Action.VIEW) -> None:
        """`allow` on one case: NotFound when there is no such case, OutOfScope when it belongs to
        a centre outside the principal's."""
        with self.db.read() as s:
            centre = s.scalar(select(Case.centre_id).where(Case.id == case_id))
        if centre is None:
            raise NotFound("case", case_id)
        self.allow(principal, action, centre_id=centre, entity=Entity.CASE.value, entity_id=case_id)


def in_scope(principal: Principal, centre_ids: Iterable[int] | None) -> tuple[int, ...]:
    """The centres asked for that are the principal's (all of theirs when none are asked for)."""
    if centre_ids is None:
        return principal.centre_ids
    mine = set(principal.centre_ids)
    return tuple(sorted(c for c in centre_ids if c in mine))
