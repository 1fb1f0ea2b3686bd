"""The case panel shows a referred case's referrals to an operator at either centre: which centre
referred it to which, the reason, where it stands (waiting for acceptance, accepted, returned, fed
back) and when; a transfer across stays readable by the street that made it."""

from __future__ import annotations

import pytest

from commandcenter.domain.actions import Action
from commandcenter.domain.referral import ReferralReason
from commandcenter.errors import OutOfScope
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.widgets.case_detail import CaseDetailPanel

from .referral_city import build_levels, seat
from .test_lifecycle import new_case


def panel_of(qtbot, db, principal, case_id: int) -> CaseDetailPanel:  # type: ignore[no-untyped-def]
    panel = CaseDetailPanel(now=db.clock.now)
    qtbot.addWidget(panel)
    panel.show_detail(CaseService(db).detail(principal, case_id))
    return panel


def blocks(panel: CaseDetailPanel) -> list[str]:
    return [label.text() for label in panel.referral_list.blocks]


def test_both_centres_read_who_referred_the_case_why_and_how_it_stands(qtbot, db, city) -> None:  # type: ignore[no-untyped-def]
    levels = build_levels(db, city)
    svc = CaseService(db)
    street, district = seat(db, "s"), seat(db, "d")
    row = svc.report(street, new_case(city), register=True)
    panel = panel_of(qtbot, db, street, row.id)
    assert not panel.referral_list.isVisibleTo(panel)  # none yet: no section
    row = svc.perform(street, row.id, Action.REFER_UP, TransitionParams(
        note="需区级协调", centre_id=levels.district, reason=ReferralReason.BEYOND_POWERS.value),
        expected_version=row.version)
    waiting = blocks(panel_of(qtbot, db, district, row.id))
    assert len(waiting) == 1
    assert "Referred up: 龙桥街道指挥中心 → 城厢区指挥中心" in waiting[0]
    assert "Reason: Beyond our powers — 需区级协调" in waiting[0]
    assert "State: waiting for acceptance" in waiting[0] and "Accepted" not in waiting[0]
    svc.perform(district, row.id, Action.ACCEPT_REFERRAL, expected_version=row.version)
    for principal in (street, district):  # the same lines at either end
        panel = panel_of(qtbot, db, principal, row.id)
        (text,) = blocks(panel)
        assert "State: accepted for handling" in text and "\nAccepted " in text
        assert panel.referral_list.isVisibleTo(panel)


def test_a_transfer_across_returned_is_read_by_both_streets(qtbot, db, city) -> None:  # type: ignore[no-untyped-def]
    levels = build_levels(db, city)
    svc = CaseService(db)
    street, sibling, outsider = seat(db, "s"), seat(db, "t"), seat(db, "t", "supervisor")
    row = svc.report(street, new_case(city), register=True)
    row = svc.perform(street, row.id, Action.TRANSFER, TransitionParams(
        note="在拱辰辖区", centre_id=levels.sibling, reason=ReferralReason.NOT_OUR_AREA.value),
        expected_version=row.version)
    assert row.centre_id == levels.sibling  # out of the referring street's own scope now
    (text,) = blocks(panel_of(qtbot, db, street, row.id))
    assert "Transferred: 龙桥街道指挥中心 → 拱辰街道指挥中心" in text and "waiting for acceptance" in text
    svc.perform(outsider, row.id, Action.RETURN_REFERRAL, TransitionParams(note="经核实属龙桥辖区"),
                expected_version=row.version)
    (text,) = blocks(panel_of(qtbot, db, sibling, row.id))
    assert "State: returned" in text and "Returned " in text and ": 经核实属龙桥辖区" in text
    # a centre party to no referral of the case still may not read it
    other = svc.report(street, new_case(city), register=True)
    with pytest.raises(OutOfScope):
        svc.detail(sibling, other.id)
