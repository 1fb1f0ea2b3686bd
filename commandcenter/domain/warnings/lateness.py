"""Chronic lateness: a department or street that keeps missing its deadlines, day after day.

For each unit, the cases due to close on each day (their assessment deadline's local day, as
the KPIs count 按期结案率: closed by the deadline after extensions and suspensions) give that
day's on-time rate. The unit is chronically late when the rate was below `threshold` on each of
the last `days` days, each with at least `min_due` cases due (a day with two cases due says
little). One late day is a bad day; `days` in a row is a pattern a supervisor should see.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from ...shapes.warnings import WarningKind
from .facts import DueFact, Finding
from .params import LatenessParams


def chronic_lateness(facts: Iterable[DueFact], last_day: date, params: LatenessParams) -> list[Finding]:
    """Units late on every one of the `days` days ending with `last_day` (a complete day)."""
    days = [last_day - timedelta(days=k) for k in range(params.days)]
    wanted = set(days)
    tallies: dict[tuple[str, int], dict[date, list[DueFact]]] = defaultdict(lambda: defaultdict(list))
    for f in facts:
        if f.day in wanted:
            tallies[f.unit][f.day].append(f)
    out = []
    for unit, by_day in sorted(tallies.items()):
        rates = []
        for d in days:
            due = by_day.get(d, [])
            if len(due) < params.min_due:
                break
            rates.append(sum(f.on_time for f in due) / len(due))
        if len(rates) < params.days or max(rates) >= params.threshold:
            continue
        late = sorted((f for d in days for f in by_day[d] if not f.on_time), key=lambda f: (f.due_at, f.case_id))
        due_total = sum(len(by_day[d]) for d in days)
        on_time = sum(f.on_time for d in days for f in by_day[d])
        out.append(Finding(
            kind=WarningKind.CHRONIC_LATENESS, key=f"chronic_lateness:{unit[0]}:{unit[1]}", category=None,
            case_ids=tuple(f.case_id for f in late), grid_ids=(), last_evidence_at=max(f.due_at for f in late),
            subject=unit,
            evidence={"days": params.days, "due": due_total, "on_time": on_time,
                      "rate": round(on_time / due_total, 3), "worst_rate": round(min(rates), 3),
                      "threshold": params.threshold, "unit": unit[0]}))
    return out
