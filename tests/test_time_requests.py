"""Extension (延期) and suspension (挂账) as requests: asked before the deadline for the handler,
decided by a supervisor, every step its own history row; and the dialog an operator uses."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import func, select

from commandcenter.db import Database
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import CaseStatus, Priority, SourceChannel
from commandcenter.errors import (
    IllegalTransition,
    PermissionDenied,
    RequestState,
    RequestTooLate,
    ValidationError,
)
from commandcenter.gui.context import AppContext
from commandcenter.gui.feed import ChangeFeed
from commandcenter.gui.tasks import SynchronousRunner
from commandcenter.labels import describe_error
from commandcenter.models import Case, CaseHistory, TimeRequest
from commandcenter.services.auth import demo_principal
from commandcenter.services.escalation import scan_escalations
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.shapes.cases import NewCase
from commandcenter.views.dialogs.action_params import ActionParamsDialog
from commandcenter.widgets.case_detail import CaseDetailPanel

from .factories import grid_centre

TZ = ZoneInfo("Asia/Shanghai")


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=TZ).astimezone(UTC)


def shown(at: datetime | None) -> str:
    assert at is not None
    return at.astimezone(TZ).strftime("%m-%d %H:%M")


def accepted_case(db: Database, city, clock, operator, at: datetime) -> int:  # type: ignore[no-untyped-def]
    """A normal case dispatched and accepted at `at`: 120 working minutes to handle it."""
    clock.set(at)
    svc = CaseService(db)
    lon, lat = grid_centre(0)
    row = svc.report(operator, NewCase(source=SourceChannel.HOTLINE_12345, category_id=city.category_id,
                                       priority=Priority.NORMAL, description="道路塌陷", lon=lon, lat=lat),
                     register=True)
    svc.perform(operator, row.id, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0]))
    svc.perform(operator, row.id, Action.ACCEPT)
    return row.id


def history(db: Database, case_id: int) -> list[tuple[str, int | None, str]]:
    with db.read() as s:
        return [tuple(r) for r in s.execute(  # type: ignore[misc]
            select(CaseHistory.action, CaseHistory.officer_id, CaseHistory.note)
            .where(CaseHistory.case_id == case_id, CaseHistory.action.not_in(("report", "register", "dispatch",
                                                                                "accept")))
            .order_by(CaseHistory.id))]


def requests(db: Database, case_id: int) -> list[tuple[str, str, int]]:
    with db.read() as s:
        return [tuple(r) for r in s.execute(  # type: ignore[misc]
            select(TimeRequest.kind, TimeRequest.state, TimeRequest.minutes)
            .where(TimeRequest.case_id == case_id).order_by(TimeRequest.id))]


def test_an_approved_extension_moves_the_deadlines_by_working_time(db, city, clock, operator,  # type: ignore[no-untyped-def]
                                                                   supervisor) -> None:
    svc = CaseService(db)
    case_id = accepted_case(db, city, clock, operator, local(23, 9))  # Monday: due 11:00
    clock.set(local(23, 10))
    with pytest.raises(PermissionDenied):  # no extension without a request, not even a supervisor's
        svc.perform(operator, case_id, Action.EXTEND)
    with pytest.raises(RequestState):
        svc.perform(supervisor, case_id, Action.EXTEND)
    svc.perform(operator, case_id, Action.REQUEST_EXTENSION, TransitionParams(minutes=90, note="需协调燃气公司"))
    with pytest.raises(RequestState):  # one pending request of a kind at a time
        svc.perform(operator, case_id, Action.REQUEST_EXTENSION, TransitionParams(minutes=30, note="再延"))
    assert svc.row(demo_principal(svc.db, "supervisor"), case_id).stage_deadline_at == local(23, 11)  # nothing moves until approved
    clock.set(local(23, 10, 30))
    row = svc.perform(supervisor, case_id, Action.EXTEND, TransitionParams(note="同意"))
    # 11:00 + 90 working minutes: 60 to 12:00, lunch, 30 after 14:00 -> 14:30; reminder 24 min earlier
    assert (shown(row.stage_deadline_at), shown(row.handle_deadline_at), shown(row.stage_remind_at)) == (
        "11-23 14:30", "11-23 14:30", "11-23 14:06")
    with db.read() as s:
        c = s.get(Case, case_id)
        assert c is not None and shown(c.assess_deadline_at) == "11-23 14:30" and c.extended_minutes == 90
    assert history(db, case_id) == [("request_extension", city.officer_ids[0], "+90 min: 需协调燃气公司"),
                                    ("extend", city.officer_ids[0], "+90 min: 同意")]
    assert requests(db, case_id) == [("extension", "approved", 90)]
    detail = svc.detail(supervisor, case_id)
    assert [(r.kind, r.state, r.requested_by, r.decided_by) for r in detail.time_requests] == [
        ("extension", "approved", "Operator", "Supervisor")]


def test_an_extension_requested_after_the_deadline_is_refused(db, city, clock, operator,  # type: ignore[no-untyped-def]
                                                              supervisor) -> None:
    svc = CaseService(db)
    case_id = accepted_case(db, city, clock, operator, local(23, 9))  # due 11:00
    clock.set(local(23, 11, 1))
    before = history(db, case_id)
    with pytest.raises(RequestTooLate) as err:
        svc.perform(operator, case_id, Action.REQUEST_EXTENSION, TransitionParams(minutes=60, note="来不及了"))
    assert err.value.deadline == local(23, 11)
    assert describe_error(err.value, "en") == (f"Case {svc.row(supervisor, case_id).case_number} was due 2026-11-23 11:00: an extension must be requested "
                                               "before the deadline, so this request is refused.")
    assert history(db, case_id) == before and requests(db, case_id) == []
    with pytest.raises(RequestState):  # and nothing a supervisor could approve afterwards
        svc.perform(supervisor, case_id, Action.EXTEND)


def test_a_refusal_is_counted_and_changes_no_deadline(db, city, clock, operator, supervisor) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    case_id = accepted_case(db, city, clock, operator, local(23, 9))
    clock.set(local(23, 9, 30))
    svc.perform(operator, case_id, Action.REQUEST_EXTENSION, TransitionParams(minutes=420, note="材料未到"))
    with pytest.raises(ValidationError):  # a refusal says why
        svc.perform(supervisor, case_id, Action.REFUSE_EXTENSION)
    row = svc.perform(supervisor, case_id, Action.REFUSE_EXTENSION, TransitionParams(note="可先临时处置"))
    assert row.stage_deadline_at == local(23, 11) and row.status == CaseStatus.ACCEPTED
    assert history(db, case_id)[-1] == ("refuse_extension", city.officer_ids[0], "可先临时处置")
    assert requests(db, case_id) == [("extension", "refused", 420)]
    # a new request may follow a refusal, still before the deadline
    svc.perform(operator, case_id, Action.REQUEST_EXTENSION, TransitionParams(minutes=60, note="材料明早到"))
    assert requests(db, case_id)[-1] == ("extension", "pending", 60)


def test_an_approved_suspension_stops_the_clock(db, city, clock, operator, supervisor) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    case_id = accepted_case(db, city, clock, operator, local(23, 9))
    clock.set(local(23, 9, 30))
    svc.perform(operator, case_id, Action.REQUEST_SUSPENSION, TransitionParams(minutes=1440, note="等待法院裁定"))
    assert svc.row(demo_principal(svc.db, "supervisor"), case_id).status == CaseStatus.ACCEPTED  # the clock runs until a supervisor approves
    svc.perform(supervisor, case_id, Action.REFUSE_SUSPENSION, TransitionParams(note="可先行处置"))
    svc.perform(operator, case_id, Action.REQUEST_SUSPENSION, TransitionParams(minutes=1440, note="法院已受理"))
    row = svc.perform(supervisor, case_id, Action.SUSPEND)
    assert row.status == CaseStatus.SUSPENDED
    assert scan_escalations(db, local(25, 9)) == []  # two days later: the stopped clock never escalates
    clock.set(local(25, 9))
    row = svc.perform(operator, case_id, Action.RESUME)
    # 90 working minutes were left at 09:30 on Monday: Wednesday 09:00 + 90 -> 10:30
    assert shown(row.stage_deadline_at) == "11-25 10:30"
    assert [a for a, _, _ in history(db, case_id)] == [
        "request_suspension", "refuse_suspension", "request_suspension", "suspend", "resume"]
    with db.read() as s:
        counted = s.scalar(select(func.count()).select_from(CaseHistory).where(
            CaseHistory.case_id == case_id, CaseHistory.action == "suspend", CaseHistory.officer_id.is_not(None)))
    assert counted == 1  # 挂账率 counts approved suspensions by the handling unit


def test_a_request_lapses_when_the_case_moves_past_it(db, city, clock, operator, supervisor) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    case_id = accepted_case(db, city, clock, operator, local(23, 9))
    clock.set(local(23, 9, 30))
    svc.perform(operator, case_id, Action.REQUEST_EXTENSION, TransitionParams(minutes=60, note="材料未到"))
    svc.perform(operator, case_id, Action.REQUEST_SUSPENSION, TransitionParams(minutes=600, note="等待答复"))
    svc.perform(supervisor, case_id, Action.SUSPEND)  # the extension request waits through the suspension
    assert requests(db, case_id) == [("extension", "pending", 60), ("suspension", "approved", 600)]
    svc.perform(operator, case_id, Action.RESUME)
    svc.perform(operator, case_id, Action.FEED_BACK, TransitionParams(note="已处置"))
    assert requests(db, case_id)[0] == ("extension", "lapsed", 60)  # handled before anyone decided
    with pytest.raises(IllegalTransition):
        svc.perform(supervisor, case_id, Action.EXTEND)


def test_a_suspension_is_requested_before_the_clock_runs_out(db, city, clock, operator) -> None:  # type: ignore[no-untyped-def]
    case_id = accepted_case(db, city, clock, operator, local(23, 9))
    clock.set(local(23, 11))
    with pytest.raises(RequestTooLate) as err:
        CaseService(db).perform(operator, case_id, Action.REQUEST_SUSPENSION,
                                TransitionParams(minutes=60, note="等待答复"))
    assert err.value.kind == "suspension"


def make_ctx(db: Database, principal) -> AppContext:  # type: ignore[no-untyped-def]
    runner = SynchronousRunner()  # a load has finished when the dialog is built
    return AppContext(db=db, principal=principal, runner=runner, feed=ChangeFeed(db, runner))


def dispose(ctx: AppContext, *widgets: QWidget) -> None:
    for obj in (*widgets, ctx.feed, ctx.runner, ctx.bus):
        obj.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_request_and_approve_through_the_dialog(qtbot, db, city, clock, operator,  # type: ignore[no-untyped-def]
                                               supervisor) -> None:
    svc = CaseService(db)
    case_id = accepted_case(db, city, clock, operator, local(23, 9))  # due 11:00
    clock.set(local(23, 10))
    ctx, sup_ctx = make_ctx(db, operator), make_ctx(db, supervisor)
    ask = ActionParamsDialog(ctx, Action.REQUEST_EXTENSION, svc.row(demo_principal(svc.db, "supervisor"), case_id))
    approve = None
    widgets: list[QWidget] = [ask]
    try:
        ask.show()
        assert ask.durationCombo is not None and ask.deadlineLabel is not None
        ask.durationCombo.setCurrentIndex(ask.durationCombo.findData(120))
        # 11:00 + 120 working minutes: 60 to noon, 60 after lunch -> 15:00
        assert "2026-11-23 11:00 → 2026-11-23 15:00" in ask.deadlineLabel.text()
        qtbot.mouseClick(ask.okButton, Qt.MouseButton.LeftButton)
        assert ask.error_text().startswith("A reason is required")  # a request says why
        ask.noteEdit.setPlainText("需等待配件")
        params = ask.params()
        assert params == TransitionParams(note="需等待配件", minutes=120)
        svc.perform(operator, case_id, Action.REQUEST_EXTENSION, params)
        panel = CaseDetailPanel()
        widgets.append(panel)
        panel.show_detail(svc.detail(operator, case_id))
        assert panel.values["pending_request"].text() == "Extension of 2 h 00 min, asked 2026-11-23 10:00: 需等待配件"

        approve = ActionParamsDialog(sup_ctx, Action.EXTEND, svc.row(demo_principal(svc.db, "supervisor"), case_id))
        approve.show()
        assert approve.requestLabel is not None and approve.deadlineLabel is not None
        text = approve.requestLabel.text()
        assert "Operator" in text and "需等待配件" in text and "2026-11-23 11:00" in text
        assert "→ 2026-11-23 15:00" in approve.deadlineLabel.text()
        params = approve.params()
        assert params == TransitionParams()  # the approval's comment is optional
        row = svc.perform(supervisor, case_id, Action.EXTEND, params)
        assert shown(row.stage_deadline_at) == "11-23 15:00"
    finally:
        dispose(ctx, *widgets)
        dispose(sup_ctx, *([approve] if approve is not None else []))
