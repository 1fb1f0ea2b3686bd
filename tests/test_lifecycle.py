"""The closed loop through the services: every legal and illegal transition, permissions, locks."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from commandcenter.domain.actions import Action
from commandcenter.domain.enums import CaseStatus, Priority, SourceChannel
from commandcenter.domain.lifecycle import CASE_ACTIONS, TRANSITIONS, allowed_actions
from commandcenter.domain.referral import JOINT_ACTIONS, REFERRAL_ACTIONS
from commandcenter.errors import IllegalTransition, PermissionDenied, StaleCase, ValidationError
from commandcenter.models import AuditEntry, Case, CaseHistory, ChangeLog
from commandcenter.services.auth import demo_principal
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.services.time_requests import DECISION_ACTIONS, REQUEST_ACTIONS
from commandcenter.shapes.cases import NewCase

from .factories import grid_centre

S = CaseStatus


def new_case(city, **kw) -> NewCase:  # type: ignore[no-untyped-def]
    lon, lat = grid_centre(0)
    base = dict(source=SourceChannel.HOTLINE_12345, category_id=city.category_id, priority=Priority.NORMAL,
                description="楼道堆放杂物堵塞消防通道", lon=lon, lat=lat, reporter_name="陈先生",
                reporter_phone="13912345678")
    base.update(kw)
    return NewCase(**base)


def params_for(action: Action, city, other_case_id: int | None = None) -> TransitionParams:  # type: ignore[no-untyped-def]
    return TransitionParams(
        note="reason given",
        officer_id={Action.DISPATCH: city.officer_ids[0], Action.REASSIGN: city.officer_ids[1],
                    Action.SOLVE_ON_SPOT: city.officer_ids[0]}.get(action),
        merge_into_id=other_case_id,
        minutes=60 if action in REQUEST_ACTIONS else None,
        rating=4 if action is Action.EVALUATE else None,
        satisfaction="satisfied" if action is Action.FOLLOW_UP else None,
        category_id=city.dept_category_id if action is Action.CORRECT else None,
    )


PATHS: dict[CaseStatus, list[Action]] = {
    S.REPORTED: [],
    S.REGISTERED: [Action.REGISTER],
    S.DISPATCHED: [Action.REGISTER, Action.DISPATCH],
    S.ACCEPTED: [Action.REGISTER, Action.DISPATCH, Action.ACCEPT],
    S.FED_BACK: [Action.REGISTER, Action.DISPATCH, Action.ACCEPT, Action.FEED_BACK],
    S.CHECKING: [Action.REGISTER, Action.DISPATCH, Action.ACCEPT, Action.FEED_BACK, Action.REQUEST_CHECK],
    S.CLOSED: [Action.REGISTER, Action.DISPATCH, Action.ACCEPT, Action.FEED_BACK, Action.CLOSE],
    S.SUSPENDED: [Action.REGISTER, Action.REQUEST_SUSPENSION, Action.SUSPEND],
    S.REJECTED: [Action.REJECT],
    S.MERGED: [Action.MERGE],
}


def bring_to(svc: CaseService, actor, city, status: CaseStatus, other: int):  # type: ignore[no-untyped-def]
    row = svc.report(actor, new_case(city))
    for action in PATHS[status]:
        row = svc.perform(actor, row.id, action, params_for(action, city, other), expected_version=row.version)
    assert row.status == status
    return row


def counts(db, case_id: int) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(CaseHistory).where(CaseHistory.case_id == case_id)),
            s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.entity_id == case_id)),
            s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity_id == case_id)),
        )


# referral and joint handling need centres and supporting units this tiny city lacks: each of
# their steps, and every action on a referred case, is checked in tests/test_referral_rules.py
OWN_TESTS = REFERRAL_ACTIONS | JOINT_ACTIONS


@pytest.mark.parametrize(("status", "action"), list(itertools.product(
    [s for s in S if s is not S.REFERRED], sorted(CASE_ACTIONS - OWN_TESTS))))
def test_every_transition_is_checked(db, city, supervisor, status, action) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    other = svc.report(supervisor, new_case(city, description="earlier report of the same problem"))
    row = bring_to(svc, supervisor, city, status, other.id)
    if action in DECISION_ACTIONS and (action, status) in TRANSITIONS:  # a decision needs its request
        asked = next(a for a, kind in REQUEST_ACTIONS.items() if kind is DECISION_ACTIONS[action][0])
        row = svc.perform(supervisor, row.id, asked, params_for(asked, city), expected_version=row.version)
    before = counts(db, row.id)
    if (action, status) in TRANSITIONS:
        after_row = svc.perform(supervisor, row.id, action, params_for(action, city, other.id),
                                expected_version=row.version)
        expected = TRANSITIONS[(action, status)] or S.REGISTERED
        assert after_row.status == expected
        assert after_row.version == row.version + 1
        history, changes, audits = counts(db, row.id)
        assert (history, changes, audits) == (before[0] + 1, before[1] + 1, before[2] + 1)
        detail = svc.detail(demo_principal(svc.db, "supervisor"), row.id)
        assert detail.history[-1].action == action.value
        assert detail.history[-1].from_status == status.value
        assert detail.history[-1].to_status == expected.value
    else:
        with pytest.raises(IllegalTransition) as err:
            svc.perform(supervisor, row.id, action, params_for(action, city, other.id), expected_version=row.version)
        assert err.value.status == status.value and err.value.action == action.value
        assert counts(db, row.id) == before
        assert svc.row(demo_principal(svc.db, "supervisor"), row.id).version == row.version


def test_allowed_actions_match_the_table() -> None:
    # a referred case's handling centre feeds the outcome back to the referrer from fed back
    assert allowed_actions(S.FED_BACK) == [Action.CLOSE, Action.RETURN_FOR_REWORK, Action.REQUEST_CHECK,
                                           Action.FEED_BACK_REFERRAL, Action.CORRECT]
    assert allowed_actions(S.REJECTED) == []
    assert allowed_actions(S.MERGED) == []


def test_full_loop_sets_timestamps_and_deadlines(db, city, operator, supervisor, clock) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    row = svc.report(operator, new_case(city), register=True)
    assert row.status == S.REGISTERED
    assert row.case_number == "20261125-00001"
    assert row.grid_code == "35030200100101"
    # dispatch limit is 30 calendar minutes from registration
    assert row.stage_deadline_at == clock.now() + timedelta(minutes=30)
    clock.advance(minutes=5)
    row = svc.perform(operator, row.id, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0]),
                      expected_version=row.version)
    # handle limit: 120 working minutes from 10:05 local -> 12:00 (115 min) + 5 min after lunch -> 14:05
    assert row.handle_deadline_at.astimezone(db_tz()).strftime("%H:%M") == "14:05"
    assert row.assignee_name == "张伟"
    clock.advance(minutes=20)
    row = svc.perform(operator, row.id, Action.ACCEPT, expected_version=row.version)
    row = svc.perform(operator, row.id, Action.FEED_BACK, TransitionParams(note="已清理完毕"),
                      expected_version=row.version)
    with pytest.raises(PermissionDenied):
        svc.perform(operator, row.id, Action.CLOSE, expected_version=row.version)
    row = svc.perform(supervisor, row.id, Action.CLOSE, expected_version=row.version)
    assert row.status == S.CLOSED and row.closed_at == clock.now() and row.stage_deadline_at is None
    detail = svc.detail(demo_principal(svc.db, "supervisor"), row.id)
    assert [h.action for h in detail.history] == ["report", "register", "dispatch", "accept", "feed_back", "close"]
    assert detail.history[4].note == "已清理完毕"
    assert detail.history[2].officer_name == "张伟"


def db_tz():  # type: ignore[no-untyped-def]
    from zoneinfo import ZoneInfo

    return ZoneInfo("Asia/Shanghai")


def test_stale_version_changes_nothing(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    row = svc.report(operator, new_case(city), register=True)
    svc.perform(operator, row.id, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0]),
                expected_version=row.version)
    before = counts(db, row.id)
    with pytest.raises(StaleCase) as err:
        svc.perform(operator, row.id, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[1]),
                    expected_version=row.version)
    assert err.value.status == S.DISPATCHED
    assert counts(db, row.id) == before
    assert svc.row(demo_principal(svc.db, "supervisor"), row.id).assignee_officer_id == city.officer_ids[0]


def test_role_permissions(db, city, operator, trainer) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    with pytest.raises(PermissionDenied) as err:
        svc.report(trainer, new_case(city))
    assert err.value.role == "trainer" and err.value.action == "intake"
    row = svc.report(operator, new_case(city), register=True)
    for action in (Action.EXTEND, Action.REOPEN, Action.EVALUATE, Action.RETURN_FOR_REWORK):
        with pytest.raises(PermissionDenied):
            svc.perform(operator, row.id, action, expected_version=row.version)


def test_suspend_stops_the_clock_and_resume_shifts_deadlines(db, city, operator, supervisor,  # type: ignore[no-untyped-def]
                                                              clock) -> None:
    svc = CaseService(db)
    row = svc.report(operator, new_case(city, priority=Priority.URGENT), register=True)
    row = svc.perform(operator, row.id, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0]))
    deadline = row.handle_deadline_at
    with pytest.raises(PermissionDenied):  # an operator asks; only a supervisor stops the clock
        svc.perform(operator, row.id, Action.SUSPEND)
    svc.perform(operator, row.id, Action.REQUEST_SUSPENSION, TransitionParams(note="等待产权单位答复", minutes=240))
    row = svc.perform(supervisor, row.id, Action.SUSPEND)
    assert row.status == S.SUSPENDED and not row.clock_running
    clock.advance(hours=3)
    row = svc.perform(operator, row.id, Action.RESUME)
    assert row.status == S.DISPATCHED
    assert row.handle_deadline_at == deadline + timedelta(hours=3)
    assert svc.detail(demo_principal(svc.db, "supervisor"), row.id).suspended_seconds == 3 * 3600


def test_extension_moves_the_handling_deadline(db, city, operator, supervisor) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    row = svc.report(operator, new_case(city, priority=Priority.URGENT), register=True)
    row = svc.perform(operator, row.id, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0]))
    with pytest.raises(ValidationError):
        svc.perform(operator, row.id, Action.REQUEST_EXTENSION, TransitionParams(minutes=60))  # no reason
    svc.perform(operator, row.id, Action.REQUEST_EXTENSION, TransitionParams(minutes=60, note="需协调供电公司"))
    extended = svc.perform(supervisor, row.id, Action.EXTEND)
    assert extended.handle_deadline_at == row.handle_deadline_at + timedelta(minutes=60)
    assert svc.detail(demo_principal(svc.db, "supervisor"), row.id).extended_minutes == 60


def test_rework_starts_a_new_handling_round(db, city, operator, supervisor) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    row = bring_to(svc, supervisor, city, S.FED_BACK, 0)
    row = svc.perform(supervisor, row.id, Action.RETURN_FOR_REWORK, TransitionParams(note="现场仍有垃圾"))
    assert row.status == S.DISPATCHED and row.rework_count == 1


def test_merge_needs_a_valid_target(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    a = svc.report(operator, new_case(city))
    b = svc.report(operator, new_case(city))
    with pytest.raises(ValidationError):
        svc.perform(operator, b.id, Action.MERGE, TransitionParams(merge_into_id=b.id))
    svc.perform(operator, b.id, Action.MERGE, TransitionParams(merge_into_id=a.id))
    assert svc.detail(demo_principal(svc.db, "supervisor"), b.id).merged_into_number == a.case_number
    c = svc.report(operator, new_case(city))
    with pytest.raises(ValidationError):  # b is merged: not a valid target
        svc.perform(operator, c.id, Action.MERGE, TransitionParams(merge_into_id=b.id))


def test_case_numbers_follow_the_local_day(db, city, operator, clock) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    assert svc.report(operator, new_case(city)).case_number == "20261125-00001"
    assert svc.report(operator, new_case(city)).case_number == "20261125-00002"
    clock.advance(hours=14)  # 00:00 next day in Shanghai (16:00 UTC)
    assert svc.report(operator, new_case(city)).case_number == "20261126-00001"


def test_case_numbers_are_city_wide(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    """Cases of different centres of one city never share a number (one city-wide sequence)."""
    from commandcenter.models import CommandCentre

    svc = CaseService(db)
    a = svc.report(operator, new_case(city))  # owned by the district centre
    with db.unit_of_work() as s:
        district = s.scalar(select(CommandCentre).where(CommandCentre.level == "district"))
        s.add(CommandCentre(code="C350302001", name="龙桥街道网格中心", level="street", parent_id=district.id,
                            street_id=1))
    db.caches.clear()  # the centres were changed behind the services' back
    b = svc.report(operator, new_case(city))  # now owned by the new street centre
    assert a.centre_id != b.centre_id
    assert (a.case_number, b.case_number) == ("20261125-00001", "20261125-00002")


def test_invalid_intake_leaves_no_trace(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    with pytest.raises(ValidationError):
        svc.report(operator, new_case(city, description="   "))
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 0
        assert s.scalar(select(func.count()).select_from(ChangeLog)) == 0
