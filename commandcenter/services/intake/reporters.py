"""A case's further reporters: callers merged in after the first (see `merging`)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from ...domain.enums import ReporterPrivacy
from ...models import Case, CaseReporter
from ...shapes.intake import ReporterEntry


def further_reporters(s: Session, case_id: int) -> tuple[ReporterEntry, ...]:
    """The callers merged into a case, oldest call first; an anonymous or confidential caller's
    name and phone are never shown, whoever reads the case."""
    origin = aliased(Case)
    rows = s.execute(
        select(CaseReporter.name, CaseReporter.phone, CaseReporter.privacy, CaseReporter.source,
               CaseReporter.reported_at, origin.case_number)
        .outerjoin(origin, origin.id == CaseReporter.from_case_id)
        .where(CaseReporter.case_id == case_id)
        .order_by(CaseReporter.reported_at, CaseReporter.id)
    )
    return tuple(
        ReporterEntry(name=r.name if r.privacy == ReporterPrivacy.NAMED else "",
                      phone=r.phone if r.privacy == ReporterPrivacy.NAMED else "",
                      privacy=r.privacy, source=r.source, reported_at=r.reported_at, from_case_number=r.case_number)
        for r in rows
    )
