"""Stage clocks against hand-computed expectations: the reminder (催办) at 80 % of the WORKING
minutes, resume continuing on the working calendar, the dispatch limit of a registered case,
and rework judged against the first deadline.

Office hours of the working calendar: 08:30-12:00 and 14:00-17:30 (210 + 210 = 420 minutes a
day), Monday to Friday except the holidays of `chinese-calendar` (2026: National Day 10-01 to
10-07). All times below are local (Asia/Shanghai).
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select, update

from commandcenter.db import Database
from commandcenter.domain.actions import Action
from commandcenter.domain.deadlines import DueState, due_state
from commandcenter.domain.enums import CaseStatus, Priority, SourceChannel, Stage
from commandcenter.models import Case, CaseHistory, TimeLimitPolicy
from commandcenter.services.auth import demo_principal
from commandcenter.services.escalation import scan_escalations
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.services.timelimits import TimeLimits
from commandcenter.shapes.cases import NewCase

from .factories import grid_centre

TZ = ZoneInfo("Asia/Shanghai")


def local(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=TZ).astimezone(UTC)


def shown(at: datetime | None) -> str:
    assert at is not None
    return at.astimezone(TZ).strftime("%m-%d %H:%M")


def set_handle_limit(db: Database, city, minutes: int) -> None:  # type: ignore[no-untyped-def]
    """The normal-priority handling limit of the tiny city's category (before anything caches it)."""
    with db.unit_of_work() as s:
        s.execute(update(TimeLimitPolicy).where(TimeLimitPolicy.category_id == city.category_id,
                                                TimeLimitPolicy.priority == Priority.NORMAL.value,
                                                TimeLimitPolicy.stage == Stage.HANDLE.value).values(minutes=minutes))


def dispatched_at(db: Database, city, clock, at: datetime, actor) -> int:  # type: ignore[no-untyped-def]
    clock.set(at)
    svc = CaseService(db)
    lon, lat = grid_centre(0)
    row = svc.report(actor, NewCase(source=SourceChannel.HOTLINE_12345, category_id=city.category_id,
                                    priority=Priority.NORMAL, description="人行道井盖缺失", lon=lon, lat=lat),
                     register=True)
    svc.perform(actor, row.id, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0]))
    svc.perform(actor, row.id, Action.ACCEPT)  # from here the stage clock is the handling one
    return row.id


def clock_of(db: Database, case_id: int) -> tuple[str, str]:
    with db.read() as s:
        c = s.get(Case, case_id)
        assert c is not None
        return shown(c.stage_remind_at), shown(c.stage_deadline_at)


def test_friday_1600_reminder_falls_at_80_percent_of_the_working_minutes(db, city, clock,  # type: ignore[no-untyped-def]
                                                                         supervisor) -> None:
    set_handle_limit(db, city, 420)
    # Friday 16:00 -> 17:30 is 90 min; 420 - 90 = 330 on Monday: 08:30-12:00 (210) + 120 -> 16:00.
    # The reminder after 336 min: 336 - 90 - 210 = 36 after 14:00 -> Monday 14:36 (not 01:36).
    pure = TimeLimits.from_database(db).clock(city.category_id, "normal", Stage.HANDLE, local(11, 20, 16))
    assert (shown(pure.remind_at), shown(pure.deadline_at)) == ("11-23 14:36", "11-23 16:00")
    case_id = dispatched_at(db, city, clock, local(11, 20, 16), supervisor)
    assert clock_of(db, case_id) == ("11-23 14:36", "11-23 16:00")
    for quiet in (local(11, 21, 10), local(11, 23, 1, 36), local(11, 23, 14, 35)):
        assert scan_escalations(db, quiet) == []
    (reminder,) = scan_escalations(db, local(11, 23, 14, 36))
    assert (reminder.case_id, reminder.stage, reminder.level) == (case_id, "handle", "reminder")
    row = CaseService(db).row(demo_principal(db, "supervisor"), case_id)
    assert due_state(local(11, 23, 14, 35), row.stage_remind_at, row.stage_deadline_at, True) is DueState.ON_TIME
    assert due_state(local(11, 23, 14, 36), row.stage_remind_at, row.stage_deadline_at, True) is DueState.DUE_SOON
    (supervision,) = scan_escalations(db, local(11, 23, 16))
    assert supervision.level == "supervision"


def suspend(db: Database, case_id: int, operator, supervisor) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    svc.perform(operator, case_id, Action.REQUEST_SUSPENSION, TransitionParams(note="等待产权单位答复", minutes=600))
    svc.perform(supervisor, case_id, Action.SUSPEND, TransitionParams())


def test_resume_at_2000_continues_with_the_working_minutes_left(db, city, clock, operator,  # type: ignore[no-untyped-def]
                                                                 supervisor) -> None:
    # dispatched Tuesday 14:00 with 120 working min: reminder 15:36, due 16:00
    case_id = dispatched_at(db, city, clock, local(11, 24, 14), supervisor)
    assert clock_of(db, case_id) == ("11-24 15:36", "11-24 16:00")
    clock.set(local(11, 24, 15))  # 60 min left, the reminder 36 min away
    suspend(db, case_id, operator, supervisor)
    assert scan_escalations(db, local(11, 24, 19)) == []  # no clock runs while suspended
    clock.set(local(11, 24, 20))
    row = CaseService(db).perform(operator, case_id, Action.RESUME)
    # after office hours: the 60 min continue at Wednesday 08:30 -> due 09:30, reminder 09:06
    assert row.status == CaseStatus.ACCEPTED
    assert clock_of(db, case_id) == ("11-25 09:06", "11-25 09:30")
    assert shown(row.handle_deadline_at) == "11-25 09:30"
    with db.read() as s:
        c = s.get(Case, case_id)
        assert c is not None and shown(c.assess_deadline_at) == "11-25 09:30"
        assert c.suspended_seconds == 5 * 3600
    assert scan_escalations(db, local(11, 24, 23, 59)) == []


def test_resume_on_national_day_continues_after_the_holiday(db, city, clock, operator,  # type: ignore[no-untyped-def]
                                                             supervisor) -> None:
    case_id = dispatched_at(db, city, clock, local(9, 30, 14), supervisor)
    clock.set(local(9, 30, 15))  # 60 working minutes left
    suspend(db, case_id, operator, supervisor)
    clock.set(local(10, 1, 9))  # National Day: 10-01 to 10-07 are holidays, 10-08 a working Thursday
    CaseService(db).perform(operator, case_id, Action.RESUME)
    assert clock_of(db, case_id) == ("10-08 09:06", "10-08 09:30")


def test_a_registered_case_not_dispatched_in_time_is_overdue_and_escalates(db, city, clock,  # type: ignore[no-untyped-def]
                                                                            operator) -> None:
    lon, lat = grid_centre(0)
    clock.set(local(11, 25, 10))
    row = CaseService(db).report(operator, NewCase(source=SourceChannel.PATROL, category_id=city.category_id,
                                                   priority=Priority.NORMAL, description="广告牌松动",
                                                   lon=lon, lat=lat), register=True)
    # the dispatch limit: 30 calendar minutes from registration, reminder after 24
    assert (shown(row.stage_remind_at), shown(row.stage_deadline_at)) == ("11-25 10:24", "11-25 10:30")
    (reminder,) = scan_escalations(db, local(11, 25, 10, 24))
    (supervision,) = scan_escalations(db, local(11, 25, 10, 30))
    assert [(e.stage, e.level) for e in (reminder, supervision)] == [("dispatch", "reminder"),
                                                                     ("dispatch", "supervision")]
    row = CaseService(db).row(demo_principal(db, "supervisor"), row.id)
    assert row.status == CaseStatus.REGISTERED
    assert due_state(local(11, 25, 10, 30), row.stage_remind_at, row.stage_deadline_at,
                     row.clock_running) is DueState.OVERDUE


def test_rework_gives_a_new_clock_but_the_case_is_judged_by_its_first_deadline(db, city, clock,  # type: ignore[no-untyped-def]
                                                                              operator, supervisor) -> None:
    svc = CaseService(db)
    case_id = dispatched_at(db, city, clock, local(11, 23, 9), supervisor)  # due Monday 11:00
    clock.set(local(11, 23, 10))
    svc.perform(operator, case_id, Action.FEED_BACK, TransitionParams(note="已补装井盖"))
    clock.set(local(11, 23, 10, 45))
    row = svc.perform(supervisor, case_id, Action.RETURN_FOR_REWORK, TransitionParams(note="井盖尺寸不符"))
    # the rework clock: 120 working min from 10:45 -> 12:00 (75) + 45 after lunch -> 14:45
    assert (row.rework_count, shown(row.handle_deadline_at)) == (1, "11-23 14:45")
    clock.set(local(11, 23, 13))
    row = svc.perform(operator, case_id, Action.ACCEPT)
    assert shown(row.stage_deadline_at) == "11-23 14:45"
    svc.perform(operator, case_id, Action.FEED_BACK, TransitionParams(note="已更换合适井盖"))
    assert scan_escalations(db, local(11, 23, 13)) == []  # the handler met the rework clock
    row = svc.perform(supervisor, case_id, Action.CLOSE)
    with db.read() as s:
        c = s.get(Case, case_id)
        assert c is not None and c.closed_at is not None and c.assess_deadline_at is not None
        assert shown(c.assess_deadline_at) == "11-23 11:00"
        assert c.closed_at > c.assess_deadline_at  # late: closed 13:00 against 11:00
        rework = s.execute(select(CaseHistory.officer_id, CaseHistory.note)
                           .where(CaseHistory.case_id == case_id, CaseHistory.action == "return_for_rework")).one()
    assert rework == (city.officer_ids[0], "井盖尺寸不符")  # counted against the handling officer
