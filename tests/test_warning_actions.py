"""A supervisor's answers to an early warning: acknowledge with a note, open a patrol task or a
case, dismiss with a reason; each one transaction, audited, refused without its text, refused
for an operator, and refused (naming who and when) when another supervisor answered first."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from commandcenter.domain.actions import Action
from commandcenter.domain.enums import CaseStatus, Priority, SourceChannel
from commandcenter.errors import PermissionDenied, ValidationError, WarningAlreadyHandled
from commandcenter.labels import describe_error
from commandcenter.models import AuditEntry, Case, EarlyWarning, OfficerGrid
from commandcenter.services.auth import allowed_actions, demo_principal
from commandcenter.services.lifecycle import CaseService
from commandcenter.services.warning_actions import ActKind, WarningActionService
from commandcenter.services.warnings import WarningService
from commandcenter.shapes.cases import NewCase
from commandcenter.shapes.warnings import WarningItem, WarningKind, WarningStatus

from .factories import grid_centre

ADDRESS = "东岩路1号"


def raise_recurrence(db, operator, city, grid: int = 0) -> WarningItem:  # type: ignore[no-untyped-def]
    """Three reports of one hazard at one address: the recurrence detector's warning."""
    cases = CaseService(db)
    lon, lat = grid_centre(grid)
    ids = [cases.report(operator, NewCase(SourceChannel.HOTLINE_12345, city.category_id, Priority.NORMAL,
                                          "井盖缺失", lon=lon, lat=lat, address=ADDRESS)).id for _ in range(3)]
    found = [w for w in WarningService(db).update_for_cases(operator, ids) if w.kind is WarningKind.RECURRENCE]
    assert len(found) == 1
    return found[0]


@pytest.fixture
def actions(db, city) -> WarningActionService:  # type: ignore[no-untyped-def]
    return WarningActionService(db, CaseService(db), WarningService(db))


@pytest.fixture
def warning(db, city, operator) -> WarningItem:  # type: ignore[no-untyped-def]
    return raise_recurrence(db, operator, city)


def audit_actions(db, warning_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return list(s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "warning",
                                                              AuditEntry.entity_id == warning_id)
                              .order_by(AuditEntry.id)))


def test_supervisors_and_admins_hold_the_right_operators_do_not(db, city) -> None:  # type: ignore[no-untyped-def]
    assert Action.ACT_ON_WARNING in allowed_actions(db, demo_principal(db, "supervisor"))
    assert Action.ACT_ON_WARNING in allowed_actions(db, demo_principal(db, "admin"))
    assert Action.ACT_ON_WARNING not in allowed_actions(db, demo_principal(db, "operator"))


def test_acknowledge_with_a_note_is_recorded_and_audited(actions, warning, supervisor, db) -> None:  # type: ignore[no-untyped-def]
    done = actions.acknowledge(supervisor, warning.id, "  known: the water company replaces it Friday ")
    assert done.status is WarningStatus.ACKNOWLEDGED
    assert done.action_note == "known: the water company replaces it Friday"
    assert done.acted_by == supervisor.display_name and done.acted_at == db.clock.now()
    assert audit_actions(db, warning.id)[-1] == "acknowledge_warning"


def test_dismiss_with_a_reason(actions, warning, supervisor, db) -> None:  # type: ignore[no-untyped-def]
    done = actions.dismiss(supervisor, warning.id, "three calls about one manhole, already fixed")
    assert done.status is WarningStatus.DISMISSED
    assert audit_actions(db, warning.id)[-1] == "dismiss_warning"


@pytest.mark.parametrize("answer", ["acknowledge", "dismiss", "act"])
def test_an_answer_without_its_text_is_refused_and_changes_nothing(actions, warning, supervisor, db,
                                                                   answer) -> None:  # type: ignore[no-untyped-def]
    call = {"acknowledge": lambda: actions.acknowledge(supervisor, warning.id, "   "),
            "dismiss": lambda: actions.dismiss(supervisor, warning.id, ""),
            "act": lambda: actions.act(supervisor, warning.id, ActKind.CASE, " ")}[answer]
    with pytest.raises(ValidationError):
        call()
    with db.read() as s:
        assert s.get(EarlyWarning, warning.id).status == WarningStatus.OPEN.value
        assert s.scalar(select(Case.id).where(Case.id > max(warning.case_ids))) is None
    assert "acknowledge_warning" not in audit_actions(db, warning.id)


def test_an_operator_is_refused_and_the_refusal_audited(actions, warning, operator, db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        actions.acknowledge(operator, warning.id, "seen")
    with db.read() as s:
        assert s.get(EarlyWarning, warning.id).status == WarningStatus.OPEN.value
    assert audit_actions(db, warning.id)[-1] == "refused"


def test_a_patrol_task_goes_to_the_grids_officer_and_is_linked(actions, warning, supervisor, db, city) -> None:  # type: ignore[no-untyped-def]
    done = actions.act(supervisor, warning.id, ActKind.PATROL, "巡查井盖并设置警示")
    assert done.status is WarningStatus.ACTED and done.linked_case_id is not None
    with db.read() as s:
        task = s.get_one(Case, done.linked_case_id)
        s.expunge(task)
        officers = set(s.scalars(select(OfficerGrid.officer_id).where(OfficerGrid.grid_id == city.grid_ids[0])))
    assert task.status == CaseStatus.DISPATCHED.value and task.source == SourceChannel.PATROL.value
    assert task.assignee_officer_id in officers
    assert task.grid_id == city.grid_ids[0] and task.description == "巡查井盖并设置警示"
    assert task.category_id == city.category_id and task.address == ADDRESS
    trail = audit_actions(db, warning.id)
    assert trail[-1] == "act_on_warning"


def test_a_case_is_registered_for_the_centre_and_linked(actions, warning, supervisor, db) -> None:  # type: ignore[no-untyped-def]
    done = actions.act(supervisor, warning.id, ActKind.CASE, "反复出现，立案处理")
    with db.read() as s:
        case = s.get_one(Case, done.linked_case_id)
        s.expunge(case)
    assert case.status == CaseStatus.REGISTERED.value and case.assignee_officer_id is None


def test_a_second_supervisors_answer_is_refused_naming_who_and_when(actions, warning, supervisor, db, city) -> None:  # type: ignore[no-untyped-def]
    first = actions.acknowledge(supervisor, warning.id, "seen, handled by the water company")
    admin = demo_principal(db, "admin")
    with pytest.raises(WarningAlreadyHandled) as refused:
        actions.act(admin, warning.id, ActKind.CASE, "open a case anyway")
    assert refused.value.by == supervisor.display_name and refused.value.at == first.acted_at
    message = describe_error(refused.value)
    assert supervisor.display_name in message and "acknowledged" in message
    with db.read() as s:  # the losing answer opened no case: its transaction rolled back whole
        assert s.scalar(select(Case.id).where(Case.id > max(warning.case_ids))) is None
        assert s.get(EarlyWarning, warning.id).action_note == "seen, handled by the water company"


def test_a_patrol_task_needs_an_officer_for_the_grid(actions, warning, supervisor, db, city) -> None:  # type: ignore[no-untyped-def]
    with db.unit_of_work() as s:
        s.query(OfficerGrid).filter(OfficerGrid.grid_id == city.grid_ids[0]).delete()
    with pytest.raises(ValidationError):
        actions.act(supervisor, warning.id, ActKind.PATROL, "patrol")
    with db.read() as s:
        assert s.get(EarlyWarning, warning.id).status == WarningStatus.OPEN.value


def test_two_supervisors_at_once_exactly_one_wins(actions, warning, supervisor, db) -> None:  # type: ignore[no-untyped-def]
    """Two seats answer in the same instant from two threads: one answer is recorded, the other
    refused naming the winner; no case is opened by the loser."""
    admin = demo_principal(db, "admin")
    start = threading.Barrier(2)
    results: dict[str, object] = {}

    def answer(name: str, call) -> None:  # type: ignore[no-untyped-def]
        start.wait()
        try:
            results[name] = call()
        except WarningAlreadyHandled as exc:
            results[name] = exc

    seats = [threading.Thread(target=answer, args=("supervisor", lambda: actions.act(
                 supervisor, warning.id, ActKind.CASE, "open a case"))),
             threading.Thread(target=answer, args=("admin", lambda: actions.dismiss(
                 admin, warning.id, "false alarm")))]
    for t in seats:
        t.start()
    for t in seats:
        t.join(30)
    refused = [r for r in results.values() if isinstance(r, WarningAlreadyHandled)]
    won = [r for r in results.values() if isinstance(r, WarningItem)]
    assert len(refused) == 1 and len(won) == 1
    assert refused[0].by == won[0].acted_by
    with db.read() as s:
        opened = s.scalars(select(Case.id).where(Case.id > max(warning.case_ids))).all()
    assert len(opened) == (1 if won[0].status is WarningStatus.ACTED else 0)
