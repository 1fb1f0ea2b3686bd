"""A case's extension (延期) or suspension (挂账) request as the case detail shows it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class TimeRequestRow:
    """One request: what was asked, by whom, before which deadline, and whether it is decided."""

    id: int
    case_id: int
    kind: str  # TimeRequestKind
    state: str  # TimeRequestState
    minutes: int
    reason: str
    stage_deadline_at: datetime
    requested_at: datetime
    requested_by: str
    decided_at: datetime | None
    decided_by: str
    decision_note: str
