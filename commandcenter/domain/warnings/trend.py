"""Rising trend: a grid, community or street whose count of one category is above its own
baseline by more than chance explains.

For a unit u and category c, let X be the count in the current band (the last `band_hours`
hours before `as_of`) and Y_1..Y_W the counts in the same band one, two, … W weeks earlier (the
same weekday and hours; W = `weeks`, default 8). Under the null hypothesis that the band's
rate λ has not changed, X, Y_1..Y_W are independent Poisson(λ); conditioned on their total
T = X + ΣY_k, X is Binomial(T, 1/(W+1)) whatever λ is. The p-value is the upper tail
P(Binomial(T, 1/(W+1)) ≥ X): the exact conditional test for comparing Poisson rates, which
needs no estimate of λ and therefore holds its false-alarm rate for a quiet grid and a busy
one alike (a busy grid has a large T, and its usual count is no surprise). A warning is raised
when p ≤ `alpha` (default 0.001 per test: at most one false alarm in a thousand unit ×
category × band tests, fewer in practice since the binomial is discrete) and X ≥ `min_count`
(default 5, so a grid that had nothing for eight weeks does not alarm on its second case).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from ...shapes.warnings import WarningKind
from .facts import CaseFact, Finding, centroid_of, grids_of, ids_of
from .params import TrendParams

WEEK = 7 * 86_400


def trend_windows(as_of: int, params: TrendParams) -> list[tuple[int, int]]:
    """The current band first, then the same band 1..weeks weeks back, as (start, end] pairs."""
    band = params.band_hours * 3600
    return [(as_of - k * WEEK - band, as_of - k * WEEK) for k in range(params.weeks + 1)]


@lru_cache(maxsize=65_536)
def binomial_upper_tail(x: int, n: int, p: float) -> float:
    """P(Binomial(n, p) ≥ x), summed in log space (exact; n is a count of cases, small)."""
    if x <= 0:
        return 1.0
    if x > n:
        return 0.0
    lp, lq = math.log(p), math.log1p(-p)
    terms = [math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1) + k * lp + (n - k) * lq
             for k in range(x, n + 1)]
    top = max(terms)
    return min(1.0, math.exp(top) * sum(math.exp(t - top) for t in terms))


def _units(f: CaseFact, levels: tuple[str, ...]) -> list[tuple[str, int]]:
    ids = {"grid": f.grid_id, "community": f.community_id, "street": f.street_id}
    return [(level, ids[level]) for level in levels]


def rising_trends(facts: Iterable[CaseFact], as_of: int, params: TrendParams,
                  focus: Iterable[CaseFact] | None = None) -> list[Finding]:
    """The units × categories above baseline now; with `focus` (new cases), only theirs."""
    windows = trend_windows(as_of, params)
    current: dict[tuple[str, int, str], list[CaseFact]] = defaultdict(list)
    baseline: dict[tuple[str, int, str], int] = defaultdict(int)
    for f in facts:
        k = next((i for i, (a, b) in enumerate(windows) if a < f.reported_at <= b), None)
        if k is None:
            continue
        for level, unit in _units(f, params.levels):
            if k == 0:
                current[(level, unit, f.category)].append(f)
            else:
                baseline[(level, unit, f.category)] += 1
    wanted = None if focus is None else {(lv, u, f.category) for f in focus for lv, u in _units(f, params.levels)}
    p = 1.0 / (params.weeks + 1)
    out = []
    for key, cases in sorted(current.items()):
        if wanted is not None and key not in wanted:
            continue
        x = len(cases)
        if x < params.min_count:
            continue
        y = baseline[key]
        p_value = binomial_upper_tail(x, x + y, p)
        if p_value > params.alpha:
            continue
        level, unit, category = key
        out.append(Finding(
            kind=WarningKind.RISING_TREND, key=f"rising_trend:{level}:{unit}:{category}", category=category,
            case_ids=ids_of(cases), grid_ids=grids_of(cases), last_evidence_at=max(c.reported_at for c in cases),
            subject=(level, unit),
            evidence={"observed": x, "expected": round(y / params.weeks, 2), "p_value": float(f"{p_value:.3g}"),
                      "weeks": params.weeks, "band_hours": params.band_hours, "level": level},
            centroid=centroid_of(cases)))
    return out
