"""Resident follow-up (回访): satisfaction after closure, reopening when unsatisfied, privacy respected."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from commandcenter.domain.actions import Action
from commandcenter.domain.enums import CaseStatus, ReporterPrivacy, Satisfaction
from commandcenter.errors import IllegalTransition, PermissionDenied, ValidationError
from commandcenter.models import Case, CaseHistory
from commandcenter.services.auth import demo_principal
from commandcenter.services.field_steps import FOLLOW_UP_DAYS, follow_ups_due
from commandcenter.services.lifecycle import CaseService, TransitionParams

from .test_lifecycle import new_case

S = CaseStatus


def closed(svc: CaseService, operator, supervisor, city, **case):  # type: ignore[no-untyped-def]
    row = svc.report(operator, new_case(city, **case), register=True)
    steps = [(Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0]), operator),
             (Action.ACCEPT, TransitionParams(), operator),
             (Action.FEED_BACK, TransitionParams(note="已处理"), operator),
             (Action.CLOSE, TransitionParams(), supervisor)]
    for action, params, actor in steps:
        row = svc.perform(actor, row.id, action, params, expected_version=row.version)
    return row


def follow_up(svc, actor, row, answer: Satisfaction, note: str = ""):  # type: ignore[no-untyped-def]
    return svc.perform(actor, row.id, Action.FOLLOW_UP, TransitionParams(satisfaction=answer.value, note=note),
                       expected_version=row.version)


def test_follow_up_records_satisfaction_once_per_closure(db, city, operator, supervisor) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    row = closed(svc, operator, supervisor, city)
    assert [d.case_number for d in follow_ups_due(db, supervisor)] == [row.case_number]
    with pytest.raises(ValidationError):  # the answer is required
        svc.perform(operator, row.id, Action.FOLLOW_UP, TransitionParams(), expected_version=row.version)
    row = follow_up(svc, operator, row, Satisfaction.BASICALLY_SATISFIED, "处理及时")
    assert row.status == S.CLOSED
    assert svc.detail(demo_principal(svc.db, "supervisor"), row.id).satisfaction == "basically_satisfied"
    with db.read() as s:
        last = s.execute(select(CaseHistory.action, CaseHistory.outcome, CaseHistory.note)
                         .where(CaseHistory.case_id == row.id).order_by(CaseHistory.id.desc())).first()
    assert tuple(last) == ("follow_up", "basically_satisfied", "处理及时")
    assert follow_ups_due(db, supervisor) == ()
    with pytest.raises(IllegalTransition):
        follow_up(svc, operator, row, Satisfaction.SATISFIED)


def test_a_trainer_may_not_record_a_follow_up(db, city, operator, supervisor, trainer) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    row = closed(svc, operator, supervisor, city)
    with pytest.raises(PermissionDenied):
        follow_up(svc, trainer, row, Satisfaction.SATISFIED)


def test_only_closed_cases_are_followed_up(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    row = svc.report(operator, new_case(city), register=True)
    with pytest.raises(IllegalTransition):
        follow_up(svc, operator, row, Satisfaction.SATISFIED)


@pytest.mark.parametrize("privacy", [ReporterPrivacy.ANONYMOUS, ReporterPrivacy.CONFIDENTIAL])
def test_anonymous_and_confidential_reporters_get_no_follow_up_and_no_name(db, city, operator, supervisor,
                                                                           privacy) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    row = closed(svc, operator, supervisor, city, reporter_privacy=privacy.value)
    assert follow_ups_due(db, supervisor) == ()
    with pytest.raises(ValidationError):
        follow_up(svc, operator, row, Satisfaction.SATISFIED)
    detail = svc.detail(demo_principal(svc.db, "supervisor"), row.id)
    assert (detail.reporter_name, detail.reporter_phone, detail.reporter_privacy) == ("", "", privacy.value)
    with db.read() as s:
        kept = s.execute(select(Case.reporter_name, Case.reporter_phone).where(Case.id == row.id)).one()
    # an anonymous caller's name is not kept at all; a confidential one is, for the centre's records
    assert tuple(kept) == (("", "") if privacy is ReporterPrivacy.ANONYMOUS else ("陈先生", "13912345678"))


def test_a_reporter_without_a_number_is_not_listed(db, city, operator, supervisor) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    closed(svc, operator, supervisor, city, reporter_name="", reporter_phone="")
    assert follow_ups_due(db, supervisor) == ()


def test_unsatisfied_needs_a_note_and_can_reopen_a_new_cycle(db, city, operator, supervisor, clock) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    row = closed(svc, operator, supervisor, city)
    with pytest.raises(ValidationError):
        follow_up(svc, operator, row, Satisfaction.UNSATISFIED)
    row = follow_up(svc, operator, row, Satisfaction.UNSATISFIED, "垃圾又堆起来了")
    row = svc.perform(supervisor, row.id, Action.REOPEN, TransitionParams(note="回访不满意"),
                      expected_version=row.version)
    assert row.status == S.REGISTERED and svc.detail(demo_principal(svc.db, "supervisor"), row.id).satisfaction is None
    clock.advance(hours=1)
    row = svc.perform(operator, row.id, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0]),
                      expected_version=row.version)
    for action, params, actor in ((Action.ACCEPT, TransitionParams(), operator),
                                  (Action.FEED_BACK, TransitionParams(note="再次清理"), operator),
                                  (Action.CLOSE, TransitionParams(), supervisor)):
        row = svc.perform(actor, row.id, action, params, expected_version=row.version)
    # the new closure is called back again; the first follow-up stays in the history
    assert [d.id for d in follow_ups_due(db, supervisor)] == [row.id]
    row = follow_up(svc, operator, row, Satisfaction.SATISFIED)
    with db.read() as s:
        outcomes = s.scalars(select(CaseHistory.outcome).where(CaseHistory.case_id == row.id,
                                                               CaseHistory.action == "follow_up")
                             .order_by(CaseHistory.id)).all()
    assert outcomes == ["unsatisfied", "satisfied"]


def test_follow_ups_past_the_window_are_marked_late(db, city, operator, supervisor, clock) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    row = closed(svc, operator, supervisor, city)
    assert [d.late for d in follow_ups_due(db, supervisor)] == [False]
    clock.advance(days=FOLLOW_UP_DAYS, seconds=1)
    assert [(d.id, d.late) for d in follow_ups_due(db, supervisor)] == [(row.id, True)]


def test_the_follow_up_list_masks_the_reporter_for_an_operator(db, city, operator, supervisor) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    closed(svc, operator, supervisor, city)
    (for_operator,) = follow_ups_due(db, operator)
    (for_supervisor,) = follow_ups_due(db, supervisor)
    assert (for_supervisor.reporter_name, for_supervisor.reporter_phone) == ("陈先生", "13912345678")
    assert for_operator.reporter_phone != "13912345678" and "*" in for_operator.reporter_phone
