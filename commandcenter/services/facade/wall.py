"""The wall's reads: the principal's cases, masked as their role sees them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ...shapes.cases import CaseRow
from ...shapes.follow_up import FollowUpDue
from ..auth import Principal
from ..field_steps import follow_ups_due
from ..info import LiveCounts, live_counts
from ..wall import WallScope, WallSnapshot, load_wall, rows_by_ids
from .base import ServiceBase, in_scope


class WallService(ServiceBase):
    """Loads the wall and its changed rows; a scope asking for another centre's cases gets none."""

    def load(self, principal: Principal, scope: WallScope) -> WallSnapshot:
        self.allow(principal)
        return load_wall(self.db, replace(scope, centre_ids=in_scope(principal, scope.centre_ids)), principal)

    def rows(self, principal: Principal, ids: Iterable[int]) -> list[CaseRow]:
        """Changed rows by id, leaving out those of centres outside the principal's."""
        self.allow(principal)
        mine = set(principal.centre_ids)
        return [r for r in rows_by_ids(self.db, ids, principal) if r.centre_id in mine]

    def counts(self, principal: Principal) -> LiveCounts:
        """The status bar's open, overdue and today's figures."""
        self.allow(principal)
        return live_counts(self.db)

    def follow_ups(self, principal: Principal) -> tuple[FollowUpDue, ...]:
        """Closed cases of the principal's centres whose reporter is still to be called back."""
        self.allow(principal)
        return follow_ups_due(self.db, principal)
