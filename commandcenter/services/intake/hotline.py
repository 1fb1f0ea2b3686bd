"""12345 hotline work orders (工单) on a case: the number is kept once per source, and the
facts a case detail shows (number, due time, the answer on the call, the reply at closure)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import WorkOrderTaken
from ...models import Case
from ...shapes.intake import HotlineFacts


def check_unique(s: Session, source: str, number: str) -> None:
    """Refuse a work-order number the same source already brought (the hotline resends orders)."""
    existing = s.scalar(select(Case.case_number).where(Case.hotline_number == number, Case.source == source))
    if existing is not None:
        raise WorkOrderTaken(number, existing)


def facts(case: Case) -> HotlineFacts | None:
    """The work-order facts of a case, or None when it has none."""
    found = HotlineFacts(number=case.hotline_number or "", due_at=case.hotline_due_at,
                         call_answer=case.call_answer or "", reply=case.hotline_reply or "")
    return found if found.any else None
