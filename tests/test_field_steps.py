"""Acceptance, send-back, field check and on-the-spot handling through the services, by role and state."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from commandcenter.domain.actions import DEFAULT_PERMISSIONS, Action
from commandcenter.domain.enums import CaseStatus, Role, Stage
from commandcenter.domain.lifecycle import allowed_actions, is_allowed
from commandcenter.errors import IllegalTransition, PermissionDenied, ValidationError
from commandcenter.models import Case, CaseHistory
from commandcenter.services.auth import demo_principal
from commandcenter.services.escalation import scan_escalations
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.shapes.cases import NewCase

from .test_lifecycle import new_case

S = CaseStatus
FIELD_ACTIONS = (Action.SEND_BACK, Action.REQUEST_CHECK, Action.CONFIRM_CHECK, Action.FAIL_CHECK,
                 Action.SOLVE_ON_SPOT, Action.FOLLOW_UP)


def dispatched(svc: CaseService, actor, city, **dispatch):  # type: ignore[no-untyped-def]
    row = svc.report(actor, new_case(city), register=True)
    params = TransitionParams(**(dispatch or {"officer_id": city.officer_ids[0]}))
    return svc.perform(actor, row.id, Action.DISPATCH, params, expected_version=row.version)


def fed_back(svc: CaseService, actor, city):  # type: ignore[no-untyped-def]
    row = dispatched(svc, actor, city)
    row = svc.perform(actor, row.id, Action.ACCEPT, expected_version=row.version)
    return svc.perform(actor, row.id, Action.FEED_BACK, TransitionParams(note="已清理"), expected_version=row.version)


def history(db, case_id: int) -> list:  # type: ignore[no-untyped-def, type-arg]
    h = CaseHistory
    with db.read() as s:
        return list(s.execute(select(h.action, h.officer_id, h.department_id, h.note, h.outcome, h.evidence)
                              .where(h.case_id == case_id).order_by(h.id)).all())


def test_who_may_do_the_field_steps() -> None:
    for action in FIELD_ACTIONS:
        assert action in DEFAULT_PERMISSIONS[Role.OPERATOR] and action in DEFAULT_PERMISSIONS[Role.SUPERVISOR]
        assert action not in DEFAULT_PERMISSIONS[Role.TRAINER] and action not in DEFAULT_PERMISSIONS[Role.ADMIN]
    assert allowed_actions(S.CHECKING) == [Action.CONFIRM_CHECK, Action.FAIL_CHECK, Action.CORRECT]
    assert is_allowed(Action.SEND_BACK, S.DISPATCHED) and is_allowed(Action.SEND_BACK, S.ACCEPTED)
    assert not is_allowed(Action.SEND_BACK, S.FED_BACK) and not is_allowed(Action.CLOSE, S.CHECKING)


def test_a_trainer_may_not_send_back(db, city, operator, trainer) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    row = dispatched(svc, operator, city)
    with pytest.raises(PermissionDenied):
        svc.perform(trainer, row.id, Action.SEND_BACK, TransitionParams(note="not ours"), expected_version=row.version)
    assert svc.row(demo_principal(svc.db, "supervisor"), row.id).status == S.DISPATCHED


def test_acceptance_runs_on_its_own_clock_and_escalates(db, city, operator, clock) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    row = dispatched(svc, operator, city)
    # the acceptance limit (60 calendar minutes for a normal case) is the stage clock; the
    # handling deadline (120 working minutes from 10:00 -> 14:00) runs beside it
    assert row.stage_deadline_at == clock.now() + timedelta(minutes=60)
    handle_deadline = row.handle_deadline_at
    assert handle_deadline > row.stage_deadline_at
    clock.advance(minutes=61)
    events = scan_escalations(db)
    assert [(e.case_id, e.stage, e.level) for e in events] == [(row.id, Stage.ACCEPT.value, "supervision")]
    row = svc.perform(operator, row.id, Action.ACCEPT, expected_version=svc.row(demo_principal(svc.db, "supervisor"), row.id).version)
    # accepted: the stage clock is the handling clock again, from the dispatch
    assert row.stage_deadline_at == handle_deadline and row.escalation_level == 0
    assert scan_escalations(db) == []


def test_send_back_needs_a_reason_and_returns_the_case_for_redispatch(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    row = dispatched(svc, operator, city, department_id=city.department_id)
    with pytest.raises(ValidationError):
        svc.perform(operator, row.id, Action.SEND_BACK, TransitionParams(note="  "), expected_version=row.version)
    assert svc.row(demo_principal(svc.db, "supervisor"), row.id).status == S.DISPATCHED
    row = svc.perform(operator, row.id, Action.SEND_BACK, TransitionParams(note="路灯归供电公司管"),
                      expected_version=row.version)
    assert row.status == S.REGISTERED
    assert row.assignee_department_id is None and row.handle_deadline_at is None
    last = history(db, row.id)[-1]
    # the row names the unit that sent it back: what 派遣准确率 counts against the dispatch
    assert (last.action, last.department_id, last.note) == ("send_back", city.department_id, "路灯归供电公司管")
    row = svc.perform(operator, row.id, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[1]),
                      expected_version=row.version)
    assert row.status == S.DISPATCHED and row.assignee_officer_id == city.officer_ids[1]


def test_field_check_goes_to_the_grid_officer_and_confirmed_returns_for_closing(db, city, operator, supervisor,
                                                                               clock) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    row = fed_back(svc, operator, city)
    with pytest.raises(PermissionDenied):
        svc.perform(operator, row.id, Action.CLOSE, expected_version=row.version)
    row = svc.perform(operator, row.id, Action.REQUEST_CHECK, expected_version=row.version)
    assert row.status == S.CHECKING
    # the check has its own limit: 420 working minutes for a normal case, from 10:00 Wednesday
    assert row.stage_deadline_at.astimezone(clock.now().tzinfo) > clock.now() + timedelta(hours=7)
    with db.read() as s:
        assert s.get(Case, row.id).check_officer_id == city.officer_ids[0]  # grid 1's officer
    with pytest.raises(IllegalTransition):
        svc.perform(supervisor, row.id, Action.CLOSE, expected_version=row.version)
    with pytest.raises(ValidationError):
        svc.perform(operator, row.id, Action.CONFIRM_CHECK, TransitionParams(note=""), expected_version=row.version)
    row = svc.perform(operator, row.id, Action.CONFIRM_CHECK,
                      TransitionParams(note="现场已清理干净", evidence="IMG_20261125_1032.jpg"),
                      expected_version=row.version)
    assert row.status == S.FED_BACK
    last = history(db, row.id)[-1]
    assert (last.action, last.officer_id, last.evidence) == ("confirm_check", city.officer_ids[0],
                                                             "IMG_20261125_1032.jpg")
    row = svc.perform(supervisor, row.id, Action.CLOSE, expected_version=row.version)
    assert row.status == S.CLOSED


def test_field_check_not_resolved_returns_for_rework(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    row = fed_back(svc, operator, city)
    row = svc.perform(operator, row.id, Action.REQUEST_CHECK, TransitionParams(officer_id=city.officer_ids[1]),
                      expected_version=row.version)
    with pytest.raises(ValidationError):
        svc.perform(operator, row.id, Action.FAIL_CHECK, expected_version=row.version)
    row = svc.perform(operator, row.id, Action.FAIL_CHECK, TransitionParams(note="垃圾仍在", evidence="photo-77"),
                      expected_version=row.version)
    assert row.status == S.DISPATCHED and row.rework_count == 1
    assert row.assignee_officer_id == city.officer_ids[0]  # back to the same handler
    actions = [h.action for h in history(db, row.id)]
    assert actions[-2:] == ["request_check", "fail_check"]
    assert history(db, row.id)[-2].officer_id == city.officer_ids[1]


def test_a_case_solved_on_the_spot_closes_with_evidence(db, city, operator, trainer) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    spot = dict(solved_on_spot=True, officer_id=city.officer_ids[1], on_spot_note="当场劝离流动摊贩",
                evidence="IMG_0042.jpg")
    with pytest.raises(ValidationError):  # what was done is the evidence: required
        svc.report(operator, new_case(city, **{**spot, "on_spot_note": ""}))
    # without a name, the grid's own officer solved it (grid 1's is the first officer)
    by_grid_officer = svc.report(operator, new_case(city, **{**spot, "officer_id": None}))
    assert by_grid_officer.assignee_officer_id == city.officer_ids[0]
    row = svc.report(operator, new_case(city, **spot))
    assert row.status == S.CLOSED and row.closed_at is not None and row.stage_deadline_at is None
    assert row.assignee_officer_id == city.officer_ids[1]
    steps = history(db, row.id)
    assert [h.action for h in steps] == ["report", "solve_on_spot"]
    assert (steps[1].officer_id, steps[1].note, steps[1].evidence) == (city.officer_ids[1], "当场劝离流动摊贩",
                                                                       "IMG_0042.jpg")
    with pytest.raises(PermissionDenied):
        svc.report(trainer, new_case(city, **spot))


def test_on_the_spot_intake_refused_leaves_no_case(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    with pytest.raises(ValidationError):
        svc.report(operator, NewCase(**{**new_case(city).__dict__, "solved_on_spot": True, "officer_id": None,
                                        "on_spot_note": "  "}))
    with db.read() as s:
        assert s.scalar(select(Case.id)) is None


def test_the_demo_history_has_the_field_steps_in_believable_proportions(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from sqlalchemy import text

    from commandcenter.clock import FrozenClock
    from commandcenter.db import open_database
    from commandcenter.simulator.demo import generate_demo

    db = open_database(tmp_path / "demo.sqlite", create=True, clock=FrozenClock(datetime(2026, 11, 25, 2, 30,
                                                                                         tzinfo=UTC)))
    try:
        generate_demo(db, scale="small", days=21, seed=3)
        with db.read() as s:
            def one(sql: str) -> int:
                return int(s.execute(text(sql)).scalar_one())

            count = {a: n for a, n in s.execute(text("SELECT action, count(*) FROM case_history GROUP BY action"))}
            answers = {o: n for o, n in s.execute(text(
                "SELECT outcome, count(*) FROM case_history WHERE action = 'follow_up' GROUP BY outcome"))}
            patrol = one("SELECT count(*) FROM case_record WHERE source = 'patrol'")
            private_called = one("SELECT count(*) FROM case_history h JOIN case_record c ON c.id = h.case_id "
                                 "WHERE h.action = 'follow_up' AND c.reporter_privacy <> 'named'")
            anonymous_named = one("SELECT count(*) FROM case_record WHERE reporter_privacy = 'anonymous' "
                                  "AND (reporter_name <> '' OR reporter_phone <> '')")
            on_spot_evidence = one("SELECT count(*) FROM case_history WHERE action = 'solve_on_spot' AND evidence = ''")
            callable_closed = "status = 'closed' AND reporter_privacy = 'named' AND reporter_phone <> ''"
            to_call = one(f"SELECT count(*) FROM case_record WHERE {callable_closed}")
            not_called = one(f"SELECT count(*) FROM case_record WHERE {callable_closed} AND followed_up_at IS NULL")
    finally:
        db.dispose()
    assert 0.02 <= count["send_back"] / count["dispatch"] <= 0.07
    assert 0.08 <= count["solve_on_spot"] / patrol <= 0.22 and on_spot_evidence == 0
    assert 0.25 <= count["request_check"] / count["close"] <= 0.55
    assert count["fail_check"] > 0 and count["reassign"] > 0 and count["reopen"] > 0
    total = sum(answers.values())
    assert to_call > 0 and not_called / to_call < 0.3  # most are called back (the last days' still due)
    assert 0.78 <= answers["satisfied"] / total <= 0.92 and answers["unsatisfied"] / total < 0.1
    assert private_called == 0 and anonymous_named == 0


def test_an_overdue_field_check_is_supervised_on_its_own_stage(db, city, operator, clock) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    row = fed_back(svc, operator, city)
    scan_escalations(db)  # whatever the earlier stages left
    row = svc.perform(operator, row.id, Action.REQUEST_CHECK, expected_version=row.version)
    clock.advance(row.stage_deadline_at - clock.now() + timedelta(minutes=1))
    events = [(e.case_id, e.stage, e.level) for e in scan_escalations(db)]
    assert events == [(row.id, Stage.CHECK.value, "supervision")]
