"""Joint handling (主办/协办) with two supporting units, and a department's send-back (退回) with
the re-dispatch it leads to, as the history and the briefing's dispatch accuracy show them."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from commandcenter.domain.actions import Action
from commandcenter.domain.enums import CaseStatus
from commandcenter.errors import IllegalTransition, SupportsPending, ValidationError
from commandcenter.models import CaseHistory
from commandcenter.services.joint import JointService
from commandcenter.services.kpi import period_kpis
from commandcenter.services.lifecycle import CaseService, TransitionParams

from .referral_city import build_levels, seat
from .test_lifecycle import new_case

S = CaseStatus


def act(svc, actor, row, action, **params):  # type: ignore[no-untyped-def]
    return svc.perform(actor, row.id, action, TransitionParams(**params), expected_version=row.version)


def steps(db, case_id: int) -> list[tuple[str, int | None, str]]:  # type: ignore[no-untyped-def]
    h = CaseHistory
    with db.read() as s:
        return [tuple(r) for r in s.execute(select(h.action, h.department_id, h.to_status)
                                            .where(h.case_id == case_id).order_by(h.id))]


def test_a_dispute_with_two_supporting_units(db, city) -> None:  # type: ignore[no-untyped-def]
    levels = build_levels(db, city)
    svc, joint, op = CaseService(db), JointService(db), seat(db, "s")
    row = svc.report(op, new_case(city, description="邻里噪音纠纷"), register=True)
    row = act(svc, op, row, Action.DISPATCH, department_id=city.department_id)  # the lead (主办)
    row = act(svc, op, row, Action.ADD_SUPPORT, department_id=levels.police, note="出警调解")
    row = act(svc, op, row, Action.ADD_SUPPORT, department_id=levels.judicial, note="法律释明")
    with pytest.raises(ValidationError):  # one unit joins once; the lead is no supporting unit
        act(svc, op, row, Action.ADD_SUPPORT, department_id=levels.police)
    with pytest.raises(ValidationError):
        act(svc, op, row, Action.ADD_SUPPORT, department_id=city.department_id)
    row = act(svc, op, row, Action.ACCEPT)
    with pytest.raises(SupportsPending) as pending:
        act(svc, op, row, Action.FEED_BACK, note="已调解")
    assert pending.value.units == ("龙桥司法所", "龙桥派出所")
    row = act(svc, op, row, Action.SUPPORT_FEED_BACK, department_id=levels.police, note="民警已到场")
    with pytest.raises(IllegalTransition):  # a part is fed back once
        act(svc, op, row, Action.SUPPORT_FEED_BACK, department_id=levels.police, note="again")
    with pytest.raises(SupportsPending) as pending:
        act(svc, op, row, Action.FEED_BACK, note="已调解")
    assert pending.value.units == ("龙桥司法所",)
    row = act(svc, op, row, Action.SUPPORT_FEED_BACK, department_id=levels.judicial, note="已出具法律意见")
    row = act(svc, op, row, Action.FEED_BACK, note="双方达成和解")
    assert row.status == S.FED_BACK

    assert steps(db, row.id)[2:] == [
        ("dispatch", city.department_id, "dispatched"), ("add_support", levels.police, "dispatched"),
        ("add_support", levels.judicial, "dispatched"), ("accept", city.department_id, "accepted"),
        ("support_feed_back", levels.police, "accepted"), ("support_feed_back", levels.judicial, "accepted"),
        ("feed_back", city.department_id, "fed_back"),
    ]
    parts = joint.supports(op, row.id)
    assert [(p.department, p.task, p.feedback) for p in parts] == [
        ("龙桥派出所", "出警调解", "民警已到场"), ("龙桥司法所", "法律释明", "已出具法律意见")]
    assert all(p.fed_back_at is not None for p in parts)


def test_a_send_back_goes_to_the_dispatching_centre_for_re_dispatch(db, city) -> None:  # type: ignore[no-untyped-def]
    levels = build_levels(db, city)
    svc, op = CaseService(db), seat(db, "s")
    row = svc.report(op, new_case(city), register=True)
    row = act(svc, op, row, Action.DISPATCH, department_id=city.department_id)
    row = act(svc, op, row, Action.SEND_BACK, note="不属于本部门职责")  # 退回, entered for the department
    assert row.status == S.REGISTERED and row.centre_id == levels.street
    assert (row.assignee_department_id, row.assignee_officer_id) == (None, None)
    assert row.stage_deadline_at is not None  # the centre's dispatch clock runs again
    row = act(svc, op, row, Action.DISPATCH, department_id=levels.police)  # 再派遣
    assert row.status == S.DISPATCHED and row.assignee_department_id == levels.police
    assert steps(db, row.id)[2:] == [("dispatch", city.department_id, "dispatched"),
                                     ("send_back", city.department_id, "registered"),
                                     ("dispatch", levels.police, "dispatched")]
    with db.read() as s:
        note = s.scalar(select(CaseHistory.note).where(CaseHistory.action == "send_back"))
    assert note == "不属于本部门职责"
    kpis, _ = period_kpis(db, levels.street, date(2026, 11, 25))  # the frozen clock's day in Shanghai
    assert (kpis.dispatches, kpis.dispatches_kept, kpis.sent_back) == (2, 1, 1)
    assert kpis.dispatch_accuracy == pytest.approx(0.5)
