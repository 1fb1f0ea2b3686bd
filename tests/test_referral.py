"""Referral between centre levels: street → district → city department → back to the street,
with each side's wall, history and briefing figures; returns, illegal steps and scope."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from commandcenter.domain.actions import DEFAULT_PERMISSIONS, Action
from commandcenter.domain.enums import CaseStatus, Role, Stage
from commandcenter.domain.referral import ReferralKind, ReferralReason, ReferralState
from commandcenter.errors import (
    CaseHeldElsewhere,
    IllegalTransition,
    OutOfScope,
    PermissionDenied,
    ValidationError,
)
from commandcenter.models import CaseHistory, Escalation
from commandcenter.services.escalation import scan_escalations
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.services.referral import ReferralService
from commandcenter.services.referral_figures import referral_figures
from commandcenter.services.wall import WallScope, load_wall

from .referral_city import Levels, build_levels, seat
from .test_lifecycle import new_case

S = CaseStatus


@pytest.fixture
def levels(db, city) -> Levels:  # type: ignore[no-untyped-def]
    return build_levels(db, city)


def refer(svc, actor, row, action, centre_id, reason=ReferralReason.CITY_DEPARTMENT, note="需市级部门处置"):  # type: ignore[no-untyped-def]
    return svc.perform(actor, row.id, action, TransitionParams(note=note, centre_id=centre_id, reason=reason),
                       expected_version=row.version)


def act(svc, actor, row, action, **params):  # type: ignore[no-untyped-def]
    return svc.perform(actor, row.id, action, TransitionParams(**params), expected_version=row.version)


def history(db, case_id: int) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    h = CaseHistory
    with db.read() as s:
        return [tuple(r) for r in s.execute(select(h.action, h.to_status, h.outcome).where(h.case_id == case_id)
                                            .order_by(h.id))]


def on_wall(db, principal, case_id: int) -> bool:  # type: ignore[no-untyped-def]
    rows = load_wall(db, WallScope(principal.centre_ids), principal).rows
    return any(r.id == case_id for r in rows)


def test_who_may_refer() -> None:
    for action in (Action.REFER_UP, Action.REFER_DOWN, Action.TRANSFER, Action.ACCEPT_REFERRAL,
                   Action.FEED_BACK_REFERRAL, Action.ADD_SUPPORT, Action.SUPPORT_FEED_BACK):
        assert action in DEFAULT_PERMISSIONS[Role.OPERATOR] and action in DEFAULT_PERMISSIONS[Role.SUPERVISOR]
    assert Action.RETURN_REFERRAL in DEFAULT_PERMISSIONS[Role.SUPERVISOR]
    assert Action.RETURN_REFERRAL not in DEFAULT_PERMISSIONS[Role.OPERATOR]
    assert Action.REFER_UP not in DEFAULT_PERMISSIONS[Role.TRAINER]


def test_street_to_district_to_city_department_and_back(db, city, levels) -> None:  # type: ignore[no-untyped-def]
    svc, refs = CaseService(db), ReferralService(db)
    street, sibling, district, top = seat(db, "s"), seat(db, "t"), seat(db, "d"), seat(db, "c")
    row = svc.report(street, new_case(city), register=True)
    assert row.centre_id == levels.street

    # 上报: the street refers it to its district, which sees it on its wall marked as incoming
    row = refer(svc, street, row, Action.REFER_UP, levels.district, ReferralReason.BEYOND_POWERS)
    assert row.status == S.REFERRED and row.centre_id == levels.street
    assert on_wall(db, district, row.id) and on_wall(db, street, row.id) and not on_wall(db, sibling, row.id)
    mark = refs.marks(district, [row.id])[row.id]
    assert mark.incoming and mark.other_centre == "龙桥街道指挥中心" and mark.reason == "beyond_powers"
    assert not refs.marks(street, [row.id])[row.id].incoming
    with pytest.raises(OutOfScope):
        svc.row(sibling, row.id)
    # the referring street watches but does not act while the district holds the case
    with pytest.raises(CaseHeldElsewhere) as held:
        act(svc, street, row, Action.ACCEPT_REFERRAL)
    assert held.value.centre == "城厢区指挥中心"
    with pytest.raises(IllegalTransition):
        act(svc, district, row, Action.DISPATCH, department_id=city.department_id)

    db.clock.advance(hours=1)
    row = act(svc, district, row, Action.ACCEPT_REFERRAL)  # 受理
    assert row.status == S.REGISTERED
    # the district needs a city department: up once more, to the city
    row = refer(svc, district, row, Action.REFER_UP, levels.city)
    assert [c.id for c in refs.targets(top, row.id, ReferralKind.UP)] == []
    row = act(svc, top, row, Action.ACCEPT_REFERRAL)
    row = act(svc, top, row, Action.DISPATCH, department_id=city.department_id)
    row = act(svc, top, row, Action.ACCEPT)
    db.clock.advance(hours=3)
    row = act(svc, top, row, Action.FEED_BACK, note="城管执法局已清理")
    with pytest.raises(IllegalTransition):  # the city does not close a case referred to it
        act(svc, seat(db, "c", "supervisor"), row, Action.CLOSE)
    row = act(svc, top, row, Action.FEED_BACK_REFERRAL, note="已由城管执法局清理完毕")  # 反馈 to the district
    with pytest.raises(CaseHeldElsewhere):
        act(svc, seat(db, "s", "supervisor"), row, Action.CLOSE)
    db.clock.advance(hours=1)
    row = act(svc, district, row, Action.FEED_BACK_REFERRAL, note="市里已处置")  # 反馈 to the street
    assert row.status == S.FED_BACK and row.centre_id == levels.street
    row = act(svc, seat(db, "s", "supervisor"), row, Action.CLOSE)
    assert row.status == S.CLOSED

    assert history(db, row.id) == [
        ("report", "reported", ""), ("register", "registered", ""),
        ("refer_up", "referred", "beyond_powers"), ("accept_referral", "registered", "beyond_powers"),
        ("refer_up", "referred", "city_department"), ("accept_referral", "registered", "city_department"),
        ("dispatch", "dispatched", ""), ("accept", "accepted", ""), ("feed_back", "fed_back", ""),
        ("feed_back_referral", "fed_back", "city_department"), ("feed_back_referral", "fed_back", "beyond_powers"),
        ("close", "closed", ""),
    ]
    infos = refs.of_case(street, row.id)
    assert [(i.from_centre_id, i.to_centre_id, i.state) for i in infos] == [
        (levels.street, levels.district, ReferralState.FED_BACK), (levels.district, levels.city, ReferralState.FED_BACK)]
    assert infos[1].feedback == "已由城管执法局清理完毕"

    # the briefing's figures on every side: the street referred out, the district in and out, the city in
    day_start, day_end = db.clock.now() - timedelta(hours=12), db.clock.now() + timedelta(hours=1)
    s_fig, d_fig, c_fig = (referral_figures(db, c, day_start, day_end)
                           for c in (levels.street, levels.district, levels.city))
    assert (s_fig.out_count, s_fig.in_count, s_fig.out_fed_back) == (1, 0, 1)
    assert s_fig.out_median_hours == pytest.approx(5.0)
    assert (d_fig.out_count, d_fig.in_count, d_fig.in_fed_back, d_fig.out_fed_back) == (1, 1, 1, 1)
    assert d_fig.in_median_hours == pytest.approx(5.0) and d_fig.out_median_hours == pytest.approx(3.0)
    assert (c_fig.out_count, c_fig.in_count, c_fig.in_fed_back, c_fig.pending_in) == (0, 1, 1, 0)
    assert c_fig.in_p90_hours == pytest.approx(3.0)
    assert referral_figures(db, levels.sibling, day_start, day_end).in_count == 0


def test_down_with_instructions_and_a_return(db, city, levels) -> None:  # type: ignore[no-untyped-def]
    svc, refs = CaseService(db), ReferralService(db)
    district, street, sibling = seat(db, "d"), seat(db, "s"), seat(db, "t")
    row = svc.report(street, new_case(city), register=True)
    with pytest.raises(ValidationError):  # up from the street is the district, not the city
        refer(svc, street, row, Action.REFER_UP, levels.city)
    row = refer(svc, street, row, Action.REFER_UP, levels.district, ReferralReason.CROSS_DISTRICT)
    row = act(svc, district, row, Action.ACCEPT_REFERRAL)
    # the district sends it down to the other street with instructions: 下派
    choices = refs.targets(district, row.id, ReferralKind.DOWN)
    assert {c.id for c in choices} == {levels.street, levels.sibling}
    row = refer(svc, district, row, Action.REFER_DOWN, levels.sibling, ReferralReason.INSTRUCTED, "请当日处置")
    assert row.centre_id == levels.sibling and on_wall(db, sibling, row.id) and on_wall(db, district, row.id)
    assert refs.marks(sibling, [row.id])[row.id].incoming
    with pytest.raises(PermissionDenied):  # returning another centre's referral is a supervisor's call
        act(svc, sibling, row, Action.RETURN_REFERRAL, note="非本辖区")
    row = act(svc, seat(db, "t", "supervisor"), row, Action.RETURN_REFERRAL, note="非本辖区")  # 退回
    assert row.status == S.REGISTERED and row.centre_id == levels.street  # back where it stood: with the district
    with pytest.raises(CaseHeldElsewhere):
        act(svc, street, row, Action.DISPATCH, officer_id=city.officer_ids[0])
    with pytest.raises(OutOfScope):
        svc.row(sibling, row.id)
    assert [i.return_note for i in refs.of_case(district, row.id)] == ["", "非本辖区"]
    with pytest.raises(IllegalTransition):  # nothing to accept once returned
        act(svc, district, row, Action.ACCEPT_REFERRAL)
    # sideways from the district: no sibling district in this city
    assert refs.targets(district, row.id, ReferralKind.ACROSS) == []
    fig = referral_figures(db, levels.sibling, db.clock.now() - timedelta(hours=1), db.clock.now() + timedelta(hours=1))
    assert (fig.in_count, fig.in_returned, fig.pending_in) == (1, 1, 0)


def test_transfer_across_and_the_referral_clock_escalates(db, city, levels) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    street, sibling = seat(db, "s"), seat(db, "t")
    row = svc.report(street, new_case(city), register=True)
    with pytest.raises(ValidationError):  # a referral needs a coded reason
        refer(svc, street, row, Action.TRANSFER, levels.sibling, reason="because")
    row = refer(svc, street, row, Action.TRANSFER, levels.sibling, ReferralReason.NOT_OUR_AREA, "在拱辰辖区")
    assert row.centre_id == levels.sibling and on_wall(db, sibling, row.id)
    assert row.stage_deadline_at is not None and row.stage_deadline_at > row.stage_started_at
    fig = referral_figures(db, levels.sibling, db.clock.now(), db.clock.now() + timedelta(days=10))
    assert fig.pending_in == 1
    db.clock.advance(days=5)  # past the 受理 limit, whatever the working calendar
    scan_escalations(db)
    with db.read() as s:
        stages = set(s.scalars(select(Escalation.stage).where(Escalation.case_id == row.id)))
    assert stages == {Stage.REFERRAL.value}
