"""A closed case waiting for its reporter to be called back (回访), as the follow-up list shows it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class FollowUpDue:
    """One follow-up call to make; `late` when the closure is older than the follow-up window."""

    id: int
    case_number: str
    version: int
    closed_at: datetime
    reporter_name: str
    reporter_phone: str
    address: str
    description: str
    category_code: str
    category_zh: str
    category_en: str
    grid_code: str
    late: bool
