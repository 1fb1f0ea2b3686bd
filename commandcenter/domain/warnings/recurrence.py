"""Recurrence: the same category reported at the same place again and again (closed cases count).

Per category, the cases of the last `days` days are grouped by DBSCAN over metres with
eps = `radius_m` and min_points = `min_cases`: a place recurs when some case has at least
`min_cases` reports of its category (itself included) within `radius_m`, and the warning holds
every case linked to it that way. No statistics: three reports of one hazard at one corner in a
month is the rule an operator states, whatever the area's base rate (that is the trend's job).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import numpy as np

from ...shapes.warnings import WarningKind
from .dbscan import dbscan, project
from .facts import CaseFact, Finding, centroid_of, grids_of, ids_of
from .params import DAY, RecurrenceParams


def recurrences(facts: Iterable[CaseFact], as_of: int, params: RecurrenceParams,
                focus: Iterable[int] | None = None) -> list[Finding]:
    """Recurring places among `facts` reported in (as_of - days, as_of]; with `focus`, only the
    places that hold one of those cases."""
    start = as_of - params.days * DAY
    wanted = set(focus) if focus is not None else None
    by_category: dict[str, list[CaseFact]] = defaultdict(list)
    for f in facts:
        if start < f.reported_at <= as_of:
            by_category[f.category].append(f)
    out = []
    for category, group in sorted(by_category.items()):
        if len(group) < params.min_cases:
            continue
        x, y = project(np.array([f.lon for f in group]), np.array([f.lat for f in group]))
        for members in dbscan(x, y, params.radius_m, params.min_cases):
            cases = [group[i] for i in members]
            if wanted is not None and not wanted.intersection(c.id for c in cases):
                continue
            first = min(cases, key=lambda c: (c.reported_at, c.id))
            out.append(Finding(
                kind=WarningKind.RECURRENCE, key=f"recurrence:{category}:{first.id}", category=category,
                case_ids=ids_of(cases), grid_ids=grids_of(cases),
                last_evidence_at=max(c.reported_at for c in cases),
                subject=("address", first.address) if first.address else ("grid", first.grid_id),
                evidence={"count": len(cases), "days": params.days, "radius_m": params.radius_m,
                          "first_reported_at": first.reported_at},
                centroid=centroid_of(cases), match_m=params.radius_m))
    return out
