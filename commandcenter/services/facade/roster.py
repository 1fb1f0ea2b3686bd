"""The roster's officers: listed, loaded and given a duty status within the principal's centres.

An officer belongs to the centre that employs them; one without a centre (a city-wide pool, or
imported before centres were assigned) is shown to every seat, as before centres were checked.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import or_, select

from ...domain.actions import Action
from ...domain.entities import Entity
from ...domain.enums import DutyStatus
from ...errors import OutOfScope
from ...models import Officer
from ...shapes.officer_page import OfficerPage
from .. import roster
from ..auth import Principal, refusals_audited
from ..officer_page import officer_page
from ..roster import DutyChangeResult, OfficerLoad, OfficerRow
from .base import ServiceBase


class RosterService(ServiceBase):
    """Officers as the roster screen and the dispatch dialog see them."""

    def _mine(self, principal: Principal, officer_ids: Iterable[int] | None) -> list[int]:
        stmt = select(Officer.id).where(or_(Officer.centre_id.in_(principal.centre_ids), Officer.centre_id.is_(None)))
        if officer_ids is not None:
            stmt = stmt.where(Officer.id.in_(sorted(set(officer_ids))))
        with self.db.read() as s:
            return list(s.scalars(stmt))

    def rows(self, principal: Principal, officer_ids: Iterable[int] | None = None) -> list[OfficerRow]:
        """The principal's officers (or those of the given ones that are theirs), phones masked
        unless their role may see personal data."""
        self.allow(principal)
        mine = set(self._mine(principal, officer_ids))
        return [r for r in roster.officer_rows(self.db, officer_ids, principal) if r.id in mine]

    def loads(self, principal: Principal, officer_ids: Iterable[int] | None = None) -> dict[int, OfficerLoad]:
        """Open and overdue cases per officer of the principal's."""
        self.allow(principal)
        mine = set(self._mine(principal, officer_ids))
        return {k: v for k, v in roster.officer_loads(self.db, officer_ids).items() if k in mine}

    def page(self, principal: Principal, officer_id: int) -> OfficerPage:
        """One officer's page: grids, open cases, duty and position history, places named."""
        self.allow(principal)
        self._check_officers(principal, [officer_id], Action.VIEW)
        return officer_page(self.db, principal, officer_id)

    def _check_officers(self, principal: Principal, officer_ids: Iterable[int],
                        action: Action = Action.MANAGE_ROSTER) -> None:
        wanted = set(officer_ids)
        outside = sorted(wanted - set(self._mine(principal, wanted)))
        if outside:
            with refusals_audited(self.db, principal, action, Entity.OFFICER.value, outside[0]):
                raise OutOfScope(principal.username, action.value, None)

    def set_duty_status(self, principal: Principal, officer_id: int, status: DutyStatus | str,
                        expected_version: int | None = None) -> OfficerRow:
        self.allow(principal, Action.MANAGE_ROSTER)
        self._check_officers(principal, [officer_id])
        return roster.set_duty_status(self.db, principal, officer_id, status, expected_version)

    def set_duty_statuses(self, principal: Principal, officers: Sequence[tuple[int, int | None]],
                          status: DutyStatus | str) -> DutyChangeResult:
        """Several officers at once: (officer id, version the screen showed) each."""
        self.allow(principal, Action.MANAGE_ROSTER)
        self._check_officers(principal, [officer_id for officer_id, _ in officers])
        return roster.set_duty_statuses(self.db, principal, officers, status)
