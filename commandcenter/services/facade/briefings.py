"""Briefings of the principal's centres: the shift choice, the issued list and a new issue."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ...domain.actions import Action
from ...domain.entities import Entity
from ...shapes.briefing import Kpis
from ..auth import Principal
from ..briefing_checks import BriefingRequest, check_briefing_request
from ..briefings import IssuedBriefing, IssuedRow, Progress, issue_briefing, issued_briefings
from .base import ServiceBase


class BriefingService(ServiceBase):
    """The briefing screen's and the `briefing` command's way to the briefing services."""

    def _centre(self, principal: Principal, centre_id: int | None, action: Action) -> int:
        centre = principal.centre_id if centre_id is None else centre_id
        self.allow(principal, action, centre_id=centre, entity=Entity.CENTRE.value, entity_id=centre)
        assert centre is not None  # a system account names its centre, and None is in no scope
        return centre

    def issued(self, principal: Principal, limit: int = 50) -> list[IssuedRow]:
        """The newest briefings issued for the principal's centres."""
        self.allow(principal)
        return issued_briefings(self.db, principal.centre_ids, limit)

    def check(self, principal: Principal, day: date, shift_name: str | None = None, *,
              centre_id: int | None = None) -> BriefingRequest:
        """Refuse a day to come, one before the data, or an unknown shift (typed errors)."""
        return check_briefing_request(self.db, self._centre(principal, centre_id, Action.VIEW), day, shift_name)

    def figures(self, principal: Principal, day: date, *, centre_id: int | None = None) -> Kpis:
        """The daily briefing's page-1 figures of a day (needs the right to print briefings)."""
        # loaded when first asked for, as the briefing is: the queries pull in numpy and shapely
        from ..kpi import period_kpis

        centre = self._centre(principal, centre_id, Action.PRINT_BRIEFING)
        request = check_briefing_request(self.db, centre, day)
        kpis, _ = period_kpis(self.db, centre, request.day)
        return kpis

    def issue(self, principal: Principal, *, day: date, out: str | Path, shift_name: str | None = None,
              centre_id: int | None = None, lang: str = "en", printed_by: str | None = None,
              progress: Progress | None = None) -> IssuedBriefing:
        """Check the request, build the PDF into `out` and record its issue."""
        centre = self._centre(principal, centre_id, Action.PRINT_BRIEFING)
        request = check_briefing_request(self.db, centre, day, shift_name)
        return issue_briefing(self.db, principal, centre_id=centre, day=request.day, out=out,
                              shift_name=request.shift_name, lang=lang, printed_by=printed_by, progress=progress)
