"""The early-warning detectors on constructed data with known answers: hits and non-hits."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import pytest

from commandcenter.domain.warnings import (
    CaseFact,
    ClusterParams,
    DisputeParams,
    DueFact,
    LatenessParams,
    RecurrenceParams,
    RepeatCallerParams,
    TrendParams,
    WarningParams,
    binomial_upper_tail,
    chronic_lateness,
    clusters,
    dispute_pairs,
    recurrences,
    repeat_callers,
    rising_trends,
)
from commandcenter.shapes.warnings import WarningKind

NOW = 1_800_000_000
DAY, HOUR = 86_400, 3_600
M = 1 / 111_195  # one metre of latitude in degrees
LON, LAT = 119.0, 25.4


def fact(i: int, *, cat: str = "0101", grid: int = 1, dx: float = 0, dy: float = 0, ago: float = DAY,
         address: str = "", caller: str = "", party: str = "", community: int = 10, street: int = 100) -> CaseFact:
    return CaseFact(i, cat, grid, community, street, LON + dx * M / 0.903, LAT + dy * M, int(NOW - ago), address,
                    caller, party)


def test_recurrence_fires_on_three_within_the_radius_closed_or_not() -> None:
    facts = [fact(1, dx=0, ago=20 * DAY), fact(2, dx=30, ago=10 * DAY), fact(3, dy=-30, ago=DAY)]
    (found,) = recurrences(facts, NOW, RecurrenceParams())
    assert found.kind is WarningKind.RECURRENCE and found.case_ids == (1, 2, 3)
    assert found.evidence["count"] == 3


@pytest.mark.parametrize("facts", [
    [fact(1), fact(2, dx=30), fact(3, dx=120)],                       # third one too far
    [fact(1), fact(2, dx=30), fact(3, dx=10, ago=31 * DAY)],          # third one too old
    [fact(1), fact(2, dx=30), fact(3, dx=10, cat="0102")],            # another category
])
def test_recurrence_needs_place_time_and_category(facts: list[CaseFact]) -> None:
    assert recurrences(facts, NOW, RecurrenceParams()) == []


def test_recurrence_with_focus_reports_only_the_place_of_the_new_case() -> None:
    here = [fact(1), fact(2, dx=20), fact(3, dy=20)]
    there = [fact(4, dx=2000), fact(5, dx=2020), fact(6, dx=2000, dy=20)]
    assert [f.case_ids for f in recurrences(here + there, NOW, RecurrenceParams(), focus=[5])] == [(4, 5, 6)]


def test_repeat_caller_counts_related_matters_of_one_major_class() -> None:
    calls = [fact(1, cat="1201", caller="a"), fact(2, cat="1202", caller="a", dx=900),
             fact(3, cat="1204", caller="a", ago=20 * DAY)]
    (found,) = repeat_callers(calls, NOW, RepeatCallerParams())
    assert found.case_ids == (3, 1, 2) and found.evidence["categories"] == 3
    unrelated = [fact(1, cat="1201", caller="a"), fact(2, cat="0101", caller="a"), fact(3, cat="1201", caller="b")]
    assert repeat_callers(unrelated, NOW, RepeatCallerParams()) == []


def test_a_repeat_caller_counts_the_calls_merged_into_someone_elses_case() -> None:
    calls = [fact(1, cat="1201", caller="a"), fact(2, cat="1202", caller="b", dx=900),
             fact(3, cat="1204", caller="c", ago=2 * DAY)]
    assert repeat_callers(calls, NOW, RepeatCallerParams()) == []
    calls[1:] = [replace(calls[1], callers=("a",)), replace(calls[2], callers=("a", "d"))]
    (found,) = repeat_callers(calls, NOW, RepeatCallerParams())
    assert found.key == "repeat_caller:a:12" and found.case_ids == (3, 1, 2)


def test_dispute_pair_is_the_same_party_at_the_same_address() -> None:
    same = [fact(1, cat="1201", address="北大路 12号", party="p"), fact(2, cat="1201", address="北大路12号", party="p",
                                                                    ago=40 * DAY)]
    (found,) = dispute_pairs(same, NOW, DisputeParams())
    assert found.kind is WarningKind.DISPUTE_PAIR and found.case_ids == (2, 1)
    other_party = [fact(1, cat="1201", address="北大路12号", party="p"), fact(2, cat="1201", address="北大路12号", party="q")]
    not_dispute = [fact(1, cat="0101", address="北大路12号", party="p"), fact(2, cat="0101", address="北大路12号", party="p")]
    assert dispute_pairs(other_party, NOW, DisputeParams()) == []
    assert dispute_pairs(not_dispute, NOW, DisputeParams()) == []


def _history(counts: list[int], *, grid: int, start: int = 0, cat: str = "0101") -> list[CaseFact]:
    """counts[0] cases in the current 3-hour band, counts[k] in the band k weeks back."""
    out, i = [], start
    for k, n in enumerate(counts):
        for j in range(n):
            out.append(fact(i, cat=cat, grid=grid, community=grid, street=grid,
                            ago=k * 7 * DAY + (j + 1) * 3 * HOUR / (n + 1)))
            i += 1
    return out


def test_rising_trend_alarms_on_a_quiet_grid_that_jumps() -> None:
    (found,) = rising_trends(_history([8, 1, 0, 1, 0, 0, 1, 0, 0], grid=1), NOW, TrendParams(levels=("grid",)))
    assert found.evidence["observed"] == 8 and found.evidence["expected"] == 0.38
    assert float(found.evidence["p_value"]) <= 0.001


def test_a_busy_but_normal_grid_does_not_alarm() -> None:
    busy = _history([26, 22, 25, 19, 24, 21, 23, 20, 24], grid=2)
    assert rising_trends(busy, NOW, TrendParams(levels=("grid",))) == []


def test_a_small_count_never_alarms_below_the_floor() -> None:
    assert rising_trends(_history([4, 0, 0, 0, 0, 0, 0, 0, 0], grid=3), NOW, TrendParams(levels=("grid",))) == []


def test_binomial_tail_is_exact() -> None:
    assert binomial_upper_tail(1, 1, 1 / 9) == pytest.approx(1 / 9)
    assert binomial_upper_tail(2, 2, 0.5) == pytest.approx(0.25)
    assert binomial_upper_tail(0, 5, 0.3) == 1.0 and binomial_upper_tail(6, 5, 0.3) == 0.0


def test_trend_false_alarm_rate_is_at_most_alpha_on_poisson_history_without_trend() -> None:
    """20,000 unit histories with no trend, rates from 0.5 to 30 a band: alarms ≤ alpha."""
    alpha = 0.01
    params = TrendParams(alpha=alpha, min_count=1)
    rng = np.random.default_rng(17)
    trials, alarms = 20_000, 0
    rates = rng.uniform(0.5, 30, trials)
    counts = rng.poisson(rates[:, None], size=(trials, params.weeks + 1))
    p = 1 / (params.weeks + 1)
    for row in counts.tolist():
        x, total = row[0], sum(row)
        alarms += x >= params.min_count and binomial_upper_tail(x, total, p) <= alpha
    assert alarms / trials <= alpha


def test_cluster_spans_grids_and_ignores_scattered_and_single_grid_cases() -> None:
    burst = [fact(i, grid=1 + i % 3, dx=40 * i, ago=HOUR * (1 + i)) for i in range(6)]
    (found,) = clusters(burst, NOW, ClusterParams())
    assert found.case_ids == tuple(range(5, -1, -1)) and found.evidence["grids"] == 3
    assert len(found.outline) >= 3
    scattered = [fact(i, grid=1 + i % 3, dx=900 * i, ago=HOUR) for i in range(6)]
    one_grid = [fact(i, grid=1, dx=10 * i, ago=HOUR) for i in range(6)]
    spread_in_time = [fact(i, grid=1 + i % 3, dx=40 * i, ago=DAY * 0.6 * i + HOUR) for i in range(6)]
    for facts in (scattered, one_grid, spread_in_time):
        assert clusters(facts, NOW, ClusterParams()) == []


def test_chronic_lateness_needs_every_day_below_the_threshold() -> None:
    last = date(2026, 11, 26)

    def day(d: date, unit: tuple[str, int], on_time: int, late: int, first: int) -> list[DueFact]:
        return [DueFact(first + k, unit, d, k < on_time, NOW - (last - d).days * DAY) for k in range(on_time + late)]

    late = [f for k in range(3) for f in day(last - timedelta(days=k), ("department", 7), 2, 4, 100 * k)]
    (found,) = chronic_lateness(late, last, LatenessParams())
    assert found.subject == ("department", 7) and found.evidence["due"] == 18 and found.evidence["on_time"] == 6
    one_good_day = late[:12] + day(last - timedelta(days=2), ("department", 7), 5, 1, 900)
    assert chronic_lateness(one_good_day, last, LatenessParams()) == []
    too_few = [f for k in range(3) for f in day(last - timedelta(days=k), ("street", 3), 0, 3, 100 * k)]
    assert chronic_lateness(too_few, last, LatenessParams()) == []


def test_parameters_round_trip_and_ignore_unknown_keys() -> None:
    params = WarningParams(recurrence=RecurrenceParams(radius_m=80.0, min_cases=4))
    assert WarningParams.from_json(params.to_json()) == params
    assert WarningParams.from_json('{"trend": {"alpha": 0.01, "nonsense": 1}, "other": 2}').trend.alpha == 0.01
