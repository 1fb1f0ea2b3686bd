"""The warning service on the tiny city: a raise is audited, the detectors read the parameters
an administrator set, and the rights are checked."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from commandcenter.admin_labels import describe_admin_error
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.domain.warnings import RecurrenceParams, WarningParams
from commandcenter.errors import PermissionDenied, ValidationError
from commandcenter.models import AuditEntry
from commandcenter.services.auth import demo_principal, system_principal
from commandcenter.services.lifecycle import CaseService
from commandcenter.services.warnings import WarningService
from commandcenter.shapes.cases import NewCase
from commandcenter.shapes.warnings import WarningKind

from .factories import grid_centre


def _report(db, operator, city, n: int, *, dx: float = 0.0) -> list[int]:  # type: ignore[no-untyped-def]
    lon, lat = grid_centre(0)
    cases = CaseService(db)
    return [cases.report(operator, NewCase(source=SourceChannel.PATROL, category_id=city.category_id,
                                           priority=Priority.NORMAL, description="垃圾又堆在这里",
                                           lon=lon + dx + k * 0.00005, lat=lat)).id for k in range(n)]


def test_a_recurrence_is_raised_once_and_audited(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    service = WarningService(db)
    ids = _report(db, operator, city, 2)
    assert service.update_for_cases(operator, ids) == []  # two reports are not yet a pattern
    ids += _report(db, operator, city, 1, dx=0.0001)
    (raised,) = service.update_for_cases(operator, ids[-1:])
    assert raised.kind is WarningKind.RECURRENCE and raised.case_ids == tuple(ids)
    assert service.counts(operator)[WarningKind.RECURRENCE] == 1
    assert service.update_for_cases(operator, ids) == []
    with db.read() as s:
        entries = s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "raise_warning",
                                                                             AuditEntry.entity_id == raised.id))
    assert entries == 1


def test_the_detectors_read_the_parameters_an_administrator_set(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    service = WarningService(db)
    admin = demo_principal(db, "admin")
    with pytest.raises(PermissionDenied):
        service.set_params(operator, WarningParams())
    with pytest.raises(ValidationError) as refused:  # a one-case "pattern" is no rule
        service.set_params(admin, WarningParams(recurrence=RecurrenceParams(min_cases=1)))
    assert describe_admin_error(refused.value) == \
        "A warning rule's value is out of range (recurrence.min_cases: 2 to 50)."
    service.set_params(admin, WarningParams(recurrence=RecurrenceParams(min_cases=4)))
    assert service.params(operator).recurrence.min_cases == 4
    ids = _report(db, operator, city, 3)
    assert service.update_for_cases(operator, ids) == []
    ids += _report(db, operator, city, 1, dx=0.0002)
    assert [w.kind for w in service.update_for_cases(operator, ids)] == [WarningKind.RECURRENCE]


def test_an_account_without_the_clock_right_may_not_run_the_detectors(db, city) -> None:  # type: ignore[no-untyped-def]
    feed = system_principal(db, "open311")  # reports cases, raises nothing itself
    with pytest.raises(PermissionDenied):
        WarningService(db).recompute(feed, db.clock.now())


def test_a_department_late_three_days_running_is_chronically_late(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from sqlalchemy import update

    from commandcenter.models import Case

    ids = _report(db, operator, city, 15, dx=0.0)
    now = db.clock.now()
    with db.unit_of_work() as s:  # five cases due on each of the last three days, one closed in time
        for k, cid in enumerate(ids):
            due = now - timedelta(days=1 + k // 5, hours=1)
            closed = due - timedelta(hours=1) if k % 5 == 0 else None
            s.execute(update(Case).where(Case.id == cid).values(
                assess_deadline_at=due, closed_at=closed, assignee_department_id=city.department_id,
                status="closed" if closed else "dispatched"))
    clock = system_principal(db, "escalation-clock")
    WarningService(db).recompute(clock, now)
    late = [w for w in WarningService(db).list_warnings(clock) if w.kind is WarningKind.CHRONIC_LATENESS]
    assert {w.subject for w in late} == {"城管执法局", "龙桥街道"}
    assert all(w.evidence["due"] == 15 and w.evidence["on_time"] == 3 and len(w.case_ids) == 12 for w in late)


def test_a_caller_merged_into_other_cases_is_a_repeat_caller(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    from commandcenter.models import CaseReporter

    cases, service = CaseService(db), WarningService(db)
    ids = [cases.report(operator, NewCase(source=SourceChannel.HOTLINE_12345, category_id=city.category_id,
                                          priority=Priority.NORMAL, description="楼上噪音", lon=grid_centre(k)[0],
                                          lat=grid_centre(k)[1], reporter_name="王", reporter_phone=phone)).id
           for k, phone in enumerate(("13812345678", "13900001111", "13700002222"))]
    assert [w for w in service.update_for_cases(operator, ids) if w.kind is WarningKind.REPEAT_CALLER] == []
    with db.unit_of_work() as s:  # the first caller called again about the other two (merged at intake)
        for cid in ids[1:]:
            s.add(CaseReporter(case_id=cid, name="王", phone="13812345678", source="hotline_12345",
                               reported_at=db.clock.now(), added_at=db.clock.now()))
    (found,) = [w for w in service.update_for_cases(operator, ids[1:2]) if w.kind is WarningKind.REPEAT_CALLER]
    assert found.case_ids == tuple(ids) and found.subject == "138****5678"
