"""Referral time limits work like any stage's: the receiving centre handles on the ordinary stage
limits, and once the outcome is in it feeds back to the referring centre (反馈) on a stage clock
of its own, escalated when late; back at the referring centre the verification clock runs."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from commandcenter.domain.actions import Action
from commandcenter.domain.enums import Stage, TimeUnit
from commandcenter.domain.referral import ReferralReason
from commandcenter.models import Case, TimeLimitPolicy
from commandcenter.services.escalation import escalation_row, open_escalations, scan_escalations
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.services.reference_data import seed_reference_data
from commandcenter.services.timelimits import TimeLimits

from .referral_city import build_levels, seat
from .test_lifecycle import new_case


def clock_of(db, case_id: int) -> tuple:  # type: ignore[no-untyped-def, type-arg]
    with db.read() as s:
        c = s.get(Case, case_id)
        return c.category_id, c.priority, c.stage_started_at, c.stage_deadline_at


def runs_on(db, case_id: int, stage: Stage) -> bool:  # type: ignore[no-untyped-def]
    """The case's running clock is `stage`'s limit from the moment it started."""
    category, priority, started, deadline = clock_of(db, case_id)
    return TimeLimits.from_database(db).clock(category, priority, stage, started).deadline_at == deadline


def step(svc, actor, row, action, **params):  # type: ignore[no-untyped-def]
    return svc.perform(actor, row.id, action, TransitionParams(**params), expected_version=row.version)


def test_the_feedback_to_the_referring_centre_has_its_own_clock_and_escalates(db, city) -> None:  # type: ignore[no-untyped-def]
    levels = build_levels(db, city)
    with db.unit_of_work() as s:
        seed_reference_data(s)  # the feedback stage's policy rows, as `db upgrade` seeds them
        assert s.scalars(select(TimeLimitPolicy.minutes).where(
            TimeLimitPolicy.category_id == city.category_id, TimeLimitPolicy.stage == Stage.FEEDBACK.value)).all()
    svc = CaseService(db)
    street, district = seat(db, "s"), seat(db, "d")
    row = svc.report(street, new_case(city), register=True)
    row = step(svc, street, row, Action.REFER_UP, note="需区级协调", centre_id=levels.district,
               reason=ReferralReason.BEYOND_POWERS.value)
    assert runs_on(db, row.id, Stage.REFERRAL)  # 受理
    row = step(svc, district, row, Action.ACCEPT_REFERRAL)
    assert runs_on(db, row.id, Stage.DISPATCH)  # then the ordinary stages at the district
    row = step(svc, district, row, Action.DISPATCH, department_id=levels.police)
    assert runs_on(db, row.id, Stage.ACCEPT)  # 签收
    row = step(svc, district, row, Action.ACCEPT)
    assert runs_on(db, row.id, Stage.HANDLE)
    row = step(svc, district, row, Action.FEED_BACK, note="派出所已处置")
    assert runs_on(db, row.id, Stage.FEEDBACK) and not runs_on(db, row.id, Stage.VERIFY)

    db.clock.advance(days=5)  # past the 反馈 limit, whatever the working calendar
    events = scan_escalations(db)
    assert {(e.case_id, e.stage) for e in events} == {(row.id, Stage.FEEDBACK.value)}
    late = [e for e in open_escalations(db, district.centre_ids) if e.case_id == row.id]
    assert {(e.stage, e.current) for e in late} == {(Stage.FEEDBACK.value, True)}

    row = svc.row(district, row.id)
    row = step(svc, district, row, Action.FEED_BACK_REFERRAL, note="已处置完毕，请街道核查")
    assert row.centre_id == levels.street and runs_on(db, row.id, Stage.VERIFY)  # the street verifies
    assert not escalation_row(db, late[0].id).current  # the feedback is given: no longer the running stage


def test_a_case_referred_twice_feeds_back_down_each_level_on_the_feedback_clock(db, city) -> None:  # type: ignore[no-untyped-def]
    levels = build_levels(db, city)
    svc = CaseService(db)
    street, district, top = seat(db, "s"), seat(db, "d"), seat(db, "c")
    row = svc.report(street, new_case(city), register=True)
    row = step(svc, street, row, Action.REFER_UP, note="需区级协调", centre_id=levels.district,
               reason=ReferralReason.BEYOND_POWERS.value)
    row = step(svc, district, row, Action.ACCEPT_REFERRAL)
    row = step(svc, district, row, Action.REFER_UP, note="需市级部门", centre_id=levels.city,
               reason=ReferralReason.CITY_DEPARTMENT.value)
    row = step(svc, top, row, Action.ACCEPT_REFERRAL)
    row = step(svc, top, row, Action.DISPATCH, department_id=city.department_id)
    row = step(svc, top, row, Action.ACCEPT)
    row = step(svc, top, row, Action.FEED_BACK, note="已清理")
    assert runs_on(db, row.id, Stage.FEEDBACK)  # the city owes the district its feedback
    db.clock.advance(timedelta(minutes=20))
    row = step(svc, top, row, Action.FEED_BACK_REFERRAL, note="市级部门已处置")
    assert runs_on(db, row.id, Stage.FEEDBACK)  # and the district owes the street its own, from now
    assert clock_of(db, row.id)[2] == db.clock.now()
    row = step(svc, district, row, Action.FEED_BACK_REFERRAL, note="已处置")
    assert runs_on(db, row.id, Stage.VERIFY)


def test_a_correction_while_the_feedback_is_owed_keeps_the_feedback_clock(db, city) -> None:  # type: ignore[no-untyped-def]
    """Re-typing a handled case held on a referral re-times the feedback it owes, not a verification."""
    levels = build_levels(db, city)
    with db.unit_of_work() as s:
        seed_reference_data(s)
        s.execute(update(TimeLimitPolicy).where(TimeLimitPolicy.category_id == city.dept_category_id,
                                                TimeLimitPolicy.stage == Stage.FEEDBACK.value)
                  .values(minutes=7 * 60, unit=TimeUnit.CALENDAR.value))  # unlike any verification limit
    svc = CaseService(db)
    street, district = seat(db, "s"), seat(db, "d")
    row = svc.report(street, new_case(city), register=True)
    row = step(svc, street, row, Action.REFER_UP, note="需区级协调", centre_id=levels.district,
               reason=ReferralReason.BEYOND_POWERS.value)
    row = step(svc, district, row, Action.ACCEPT_REFERRAL)
    row = step(svc, district, row, Action.DISPATCH, department_id=levels.police)
    row = step(svc, district, row, Action.ACCEPT)
    row = step(svc, district, row, Action.FEED_BACK, note="派出所已处置")
    row = step(svc, district, row, Action.CORRECT, note="类别选错", category_id=city.dept_category_id)
    assert row.category_id == city.dept_category_id
    assert runs_on(db, row.id, Stage.FEEDBACK) and not runs_on(db, row.id, Stage.VERIFY)
