"""Working-time limits follow the holiday calendar, with a visible fallback beyond it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from commandcenter.services.worktime import WorkCalendar, load_calendar

SH = ZoneInfo("Asia/Shanghai")


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=SH)


def test_working_minutes_skip_lunch_nights_and_weekends() -> None:
    cal = WorkCalendar()
    assert cal.add(local(2026, 11, 25, 11, 30), 60, "working") == local(2026, 11, 25, 14, 30).astimezone(UTC)
    # Friday 17:00 + 60 working minutes -> Monday 09:00
    assert cal.add(local(2026, 11, 27, 17, 0), 60, "working") == local(2026, 11, 30, 9, 0).astimezone(UTC)
    # outside office hours the clock starts at the next opening
    assert cal.add(local(2026, 11, 25, 22, 0), 30, "working") == local(2026, 11, 26, 9, 0).astimezone(UTC)
    assert cal.add(local(2026, 11, 25, 22, 0), 30, "calendar") == local(2026, 11, 25, 22, 30).astimezone(UTC)


def test_holidays_and_adjusted_weekends_from_the_table(db, city) -> None:  # type: ignore[no-untyped-def]
    with db.read() as s:
        cal = load_calendar(s)
    # National Day 2026: Oct 1-7 off; the clock resumes on Thursday Oct 8
    assert cal.add(local(2026, 9, 30, 17, 0), 60, "working") == local(2026, 10, 8, 9, 0).astimezone(UTC)
    assert not cal.is_working_day(date(2026, 10, 5))
    adjusted = [d for d, k in cal.exceptions.items() if k == "workday" and d.year == 2026]
    assert adjusted and all(d.weekday() >= 5 and cal.is_working_day(d) for d in adjusted)
    assert cal.uncovered_years({2026, 2027}) == [2027]


def test_uncovered_year_falls_back_to_weekends() -> None:
    cal = WorkCalendar(covered_years=frozenset({2026}))
    assert cal.uncovered_years(range(2026, 2028)) == [2027]
    # 2027-10-01 is a Friday: without data it counts as a working day
    assert cal.is_working_day(date(2027, 10, 1))
    start = local(2027, 10, 1, 9, 0)
    assert cal.add(start, 60, "working") - start.astimezone(UTC) == timedelta(hours=1)
