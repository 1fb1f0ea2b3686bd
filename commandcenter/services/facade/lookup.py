"""Cases by the names outsiders use (number, status, report time), within the principal's centres
and masked as their role sees them: the scripting API's way in (`commandcenter.api`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from ...shapes.cases import CaseRow
from ..auth import Principal
from ..case_lookup import case_by_number, find_cases
from ..personal_data import rows_for
from .base import ServiceBase


class LookupService(ServiceBase):
    """Finding the principal's cases without knowing their ids."""

    def case(self, principal: Principal, number: str) -> CaseRow:
        """The principal's case numbered `number`; NotFound for another centre's, as for none."""
        self.allow(principal)
        return rows_for(self.db, principal, [case_by_number(self.db, principal.centre_ids, number)])[0]

    def cases(self, principal: Principal, *, statuses: Iterable[str] = (), since: datetime | None = None,
              limit: int | None = None) -> list[CaseRow]:
        """The principal's cases, newest report first (see `case_lookup.find_cases`)."""
        self.allow(principal)
        rows = find_cases(self.db, principal.centre_ids, statuses=statuses, since=since, limit=limit)
        return rows_for(self.db, principal, rows)

    def shown(self, principal: Principal, row: CaseRow) -> CaseRow:
        """A row another service returned, masked as the principal sees it."""
        return rows_for(self.db, principal, [row])[0]
