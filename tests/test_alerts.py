"""Alert flood control: at most 10 individual alerts per sliding 10 minutes, a summary for the rest."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from commandcenter.services.alerts import AlertKind, AlertRouter, AlertSummary, AlertThrottle

T0 = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)


class FakeSink:
    def __init__(self) -> None:
        self.beeps = 0
        self.shown: list[str] = []

    def beep(self) -> None:
        self.beeps += 1

    def show(self, text: str) -> None:
        self.shown.append(text)


def test_a_flood_of_50_in_a_minute_gives_10_alerts_and_a_summary_of_40() -> None:
    throttle: AlertThrottle[str] = AlertThrottle()
    decisions = [throttle.offer(f"case {i}", T0 + timedelta(seconds=1.2 * i)) for i in range(50)]
    assert [d.kind for d in decisions] == [AlertKind.INDIVIDUAL] * 10 + [AlertKind.GROUPED] * 40
    assert decisions[-1].pending == 40
    summary = throttle.drain_summary(T0 + timedelta(minutes=1))
    assert summary is not None and summary.count == 40
    assert summary.events[0] == "case 10" and summary.events[-1] == "case 49"
    assert summary.first_at == T0 + timedelta(seconds=12)
    assert throttle.drain_summary(T0 + timedelta(minutes=2)) is None
    assert throttle.pending == 0


def test_slots_come_back_as_the_window_slides() -> None:
    throttle: AlertThrottle[int] = AlertThrottle(max_individual=10, window=timedelta(minutes=10))
    for i in range(12):  # one every 6 s: the first 10 shown, 2 grouped
        throttle.offer(i, T0 + timedelta(seconds=6 * i))
    later = T0 + timedelta(minutes=10, seconds=3)  # only the alert at 0 s has left the window
    assert throttle.next_individual_at(later) == later
    assert throttle.offer(100, later).individual
    assert not throttle.offer(101, later).individual
    assert throttle.next_individual_at(later) == T0 + timedelta(minutes=10, seconds=6)
    after = T0 + timedelta(minutes=25)
    assert all(throttle.offer(200 + i, after).individual for i in range(10))
    assert throttle.drain_summary(after).count == 3  # type: ignore[union-attr]


def test_the_router_beeps_and_shows_individual_alerts_and_shows_the_summary() -> None:
    sink = FakeSink()
    router: AlertRouter[str] = AlertRouter(
        sink, describe=lambda e: f"urgent: {e}", summarize=lambda s: f"{s.count} more urgent cases",
        throttle=AlertThrottle(max_individual=3),
    )
    for i in range(5):
        router.offer(f"2026112500{i}", T0 + timedelta(seconds=i))
    assert sink.beeps == 3
    assert sink.shown == ["urgent: 20261125000", "urgent: 20261125001", "urgent: 20261125002"]
    summary = router.flush(T0 + timedelta(seconds=30))
    assert isinstance(summary, AlertSummary) and summary.at == T0 + timedelta(seconds=30)
    assert sink.shown[-1] == "2 more urgent cases" and sink.beeps == 3
    assert router.flush(T0 + timedelta(seconds=60)) is None and len(sink.shown) == 4


@pytest.mark.parametrize(("limit", "window"), [(0, timedelta(minutes=1)), (5, timedelta(0))])
def test_nonsense_limits_are_refused(limit: int, window: timedelta) -> None:
    with pytest.raises(ValueError):
        AlertThrottle(limit, window)
