"""What the referral and joint-handling services hand to screens and reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class CentreChoice:
    """A centre a case may be referred to."""

    id: int
    code: str
    name: str
    level: str


@dataclass(frozen=True)
class ReferralInfo:
    """One referral of a case: who referred it to whom, why, and what came of it."""

    id: int
    case_id: int
    kind: str  # a ReferralKind value
    from_centre_id: int
    from_centre: str
    to_centre_id: int
    to_centre: str
    reason: str  # a ReferralReason value
    note: str
    state: str  # a ReferralState value
    referred_at: datetime
    decided_at: datetime | None
    return_note: str
    fed_back_at: datetime | None
    feedback: str


@dataclass(frozen=True)
class ReferralMark:
    """What the wall shows on a case's row while a referral concerns the viewer's centre:
    `incoming` when the viewer's centre received it (to accept, handle, feed back), otherwise
    it is the viewer's own referral out (waiting for the outcome, or fed back to it)."""

    case_id: int
    incoming: bool
    kind: str
    state: str
    other_centre: str  # who referred it (incoming) or to whom it went (outgoing)
    reason: str


@dataclass(frozen=True)
class ReferralFigures:
    """A centre's referrals in a period, for the briefing: counts out (it referred) and in (it
    received), and the hours from referral to feedback of those fed back in the period."""

    out_count: int
    in_count: int
    out_returned: int
    in_returned: int
    out_fed_back: int
    in_fed_back: int
    pending_in: int  # received, not yet accepted or returned at the period's end
    out_median_hours: float | None
    out_p90_hours: float | None
    in_median_hours: float | None
    in_p90_hours: float | None


@dataclass(frozen=True)
class SupportInfo:
    """A supporting unit (协办) of a case and its part of the feedback."""

    department_id: int
    department: str
    task: str
    added_at: datetime
    fed_back_at: datetime | None
    feedback: str
