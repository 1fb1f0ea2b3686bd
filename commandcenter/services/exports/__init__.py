"""CSV exports of cases, handovers and a day's per-unit KPIs, for the screens and the command line.

Each export keeps to the principal's centres, masks personal data unless the principal may see it
(`Action.VIEW_PERSONAL_DATA`, rules in domain/privacy), streams its rows from the database in
batches to a UTF-8 file with a BOM (csvfile: formula-safe cells), and writes one audit entry
naming the kind, the filters, the file and how many rows left. A year of a city's cases is a
million rows: they are never held in memory at once.

Modules: `csvfile` (the file and its cells), `cases`, `handovers`, `units` (the rows of each).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ...domain.actions import Action
from ...domain.entities import Entity
from .. import audit
from ..auth import Principal
from ..facade.base import ServiceBase
from ..personal_data import sees_personal_data
from . import cases, handovers, units
from .csvfile import csv_file, neutralise

Progress = Callable[[int, int], None]  # (rows written, rows in all)
PROGRESS_EVERY = 1000


@dataclass(frozen=True)
class ExportResult:
    kind: str  # cases | handovers | kpis | open311
    path: Path
    rows: int
    masked: bool  # personal data left masked


class ExportService(ServiceBase):
    """`ctx.exports` on the screens; the `export cases|handovers|kpis` commands."""

    def cases(self, principal: Principal, out: Path, *, date_from: date | None = None,
              date_to: date | None = None, statuses: tuple[str, ...] = (),
              progress: Progress | None = None) -> ExportResult:
        """Cases reported in the date range (days in the principal's zone), of the given statuses."""
        self.allow(principal, Action.VIEW)
        tz = ZoneInfo(principal.timezone)
        clear = sees_personal_data(self.db, principal)
        where = cases.filters(principal.centre_ids, tz, date_from, date_to, statuses)
        with self.db.read() as s:
            total = cases.count(s, where)
            n = self._write(out, cases.HEADER, cases.rows(s, where, tz, clear), total, progress)
        return self._audited(principal, "cases", out, n, clear, Entity.CASE.value, {
            "from": str(date_from or ""), "to": str(date_to or ""), "status": ",".join(statuses)})

    def listed_cases(self, principal: Principal, out: Path, case_ids: Sequence[int], *, described_as: str = "",
                     progress: Progress | None = None) -> ExportResult:
        """The cases a screen lists, in its order (the wall under its current filter);
        `described_as` says which filter for the audit entry."""
        self.allow(principal, Action.VIEW)
        tz = ZoneInfo(principal.timezone)
        clear = sees_personal_data(self.db, principal)
        with self.db.read() as s:
            n = self._write(out, cases.HEADER, cases.rows_of(s, case_ids, principal.centre_ids, tz, clear),
                            len(case_ids), progress)
        return self._audited(principal, "cases", out, n, clear, Entity.CASE.value, {"listed": described_as})

    def handovers(self, principal: Principal, out: Path, *, date_from: date | None = None,
                  date_to: date | None = None, progress: Progress | None = None) -> ExportResult:
        """Handover records of shifts dated in the range, with their notes and pending items."""
        self.allow(principal, Action.VIEW)
        tz = ZoneInfo(principal.timezone)
        clear = sees_personal_data(self.db, principal)
        where = handovers.filters(principal.centre_ids, date_from, date_to)
        with self.db.read() as s:
            total = handovers.count(s, where)
            n = self._write(out, handovers.HEADER, handovers.rows(s, where, tz, clear), total, progress)
        return self._audited(principal, "handovers", out, n, clear, Entity.HANDOVER.value, {
            "from": str(date_from or ""), "to": str(date_to or "")})

    def kpis(self, principal: Principal, out: Path, day: date, *, centre_id: int | None = None,
             progress: Progress | None = None) -> ExportResult:
        """The day's per-street and per-department figures of a centre (default: the principal's;
        for a system account, which has none, the top-level centre), the same as the daily
        briefing's unit tables; needs the right to print briefings."""
        from ..briefing_checks import check_briefing_request
        from ..kpi import default_centre, period_units

        centre = centre_id if centre_id is not None else principal.centre_id
        if centre is None:
            centre = default_centre(self.db)
        self.allow(principal, Action.PRINT_BRIEFING, centre_id=centre, entity=Entity.CENTRE.value, entity_id=centre)
        request = check_briefing_request(self.db, centre, day)
        streets, departments = period_units(self.db, centre, request.day)
        n = self._write(out, units.HEADER, units.rows(request.day, streets, departments),
                        len(streets) + len(departments), progress)
        return self._audited(principal, "kpis", out, n, True, Entity.CENTRE.value,  # no personal data in it
                             {"day": request.day.isoformat()}, entity_id=centre)

    def open311_requests(self, principal: Principal, out: Path) -> ExportResult:
        """Every request of the principal's centres as an Open311 request file (the `export
        open311` command's file; interchange.files writes its audit entry)."""
        from ...interchange.files import export_requests

        text = export_requests(self.db, principal)
        with open(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as f:
            f.write(text + "\n")
        return ExportResult(kind="open311", path=out, rows=len(json.loads(text)),
                            masked=not sees_personal_data(self.db, principal))

    @staticmethod
    def _write(out: Path, header: tuple[str, ...], rows: Iterator[list[Any]], total: int,
               progress: Progress | None) -> int:
        n = 0
        with csv_file(out, header) as write:
            for row in rows:
                write(row)
                n += 1
                if progress is not None and n % PROGRESS_EVERY == 0:
                    progress(n, max(total, n))
        if progress is not None:
            progress(n, n)
        return n

    def _audited(self, principal: Principal, kind: str, out: Path, n: int, clear: bool, entity: str,
                 filters: dict[str, str], entity_id: int | None = None) -> ExportResult:
        with self.db.unit_of_work() as s:
            audit.append(s, principal, "export", entity, entity_id,
                         {"kind": kind, "file": out.name, "rows": n, "masked": not clear, **filters})
        return ExportResult(kind=kind, path=out, rows=n, masked=not clear)


__all__ = ["ExportResult", "ExportService", "neutralise"]
