"""A centre's referrals in a period for its briefing: in, out, returned, fed back, and how long
the feedback took (the "slow feedback from superior centres" the centres complain of, measured).

Read from the referrals' own instants, never their current state, so a reprint of a past day
counts what the first print counted: a referral counts in the period it was made, a return or a
feedback in the period it happened, and a pending one is one not decided by the period's end.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from ..db import Database
from ..models import CaseReferral, to_epoch
from ..shapes.referral import ReferralFigures


def _percentile(ordered: list[float], q: float) -> float:
    """The q-th percentile by linear interpolation between closest ranks (numpy's default)."""
    at = (len(ordered) - 1) * q / 100
    low = int(at)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (at - low)


def _hours(seconds: list[float]) -> tuple[float | None, float | None]:
    if not seconds:
        return None, None
    ordered = sorted(s / 3600.0 for s in seconds)
    return _percentile(ordered, 50), _percentile(ordered, 90)


def referral_figures(db: Database, centre_id: int, start: datetime, end: datetime) -> ReferralFigures:
    """The referrals `centre_id` made (out) and received (in) in [start, end)."""
    r = CaseReferral
    lo, hi = to_epoch(start), to_epoch(end)
    counts: dict[str, int] = {}
    durations: dict[str, list[float]] = {"out": [], "in": []}
    with db.read() as s:
        for side, column in (("out", r.from_centre_id), ("in", r.to_centre_id)):
            counts[side] = s.scalar(select(func.count()).where(column == centre_id, r.referred_at >= lo,
                                                               r.referred_at < hi)) or 0
            counts[f"{side}_returned"] = s.scalar(select(func.count()).where(
                column == centre_id, r.decided_at >= lo, r.decided_at < hi, r.state == "returned")) or 0
            durations[side] = [float(to_epoch(b) - to_epoch(a)) for a, b in s.execute(
                select(r.referred_at, r.fed_back_at).where(column == centre_id, r.fed_back_at >= lo,
                                                           r.fed_back_at < hi))]
        pending_in = s.scalar(select(func.count()).where(
            r.to_centre_id == centre_id, r.referred_at < hi,
            (r.decided_at.is_(None)) | (r.decided_at >= hi))) or 0
    out_median, out_p90 = _hours(durations["out"])
    in_median, in_p90 = _hours(durations["in"])
    return ReferralFigures(counts["out"], counts["in"], counts["out_returned"], counts["in_returned"],
                           len(durations["out"]), len(durations["in"]), pending_in, out_median, out_p90,
                           in_median, in_p90)
