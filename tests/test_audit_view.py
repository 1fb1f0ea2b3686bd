"""The audit screen on real widgets: a supervisor filters the trail by user, action, case, text and
time, and verifies the chain; only supervisors and admins are offered it, and its services
refuse everyone else."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDateTime, Qt

from commandcenter.domain.actions import Action
from commandcenter.errors import PermissionDenied
from commandcenter.gui.context import AppContext
from commandcenter.gui.feed import ChangeFeed
from commandcenter.gui.tasks import SynchronousRunner
from commandcenter.itemmodels.audit import AuditModel
from commandcenter.services.audit_search import search_audit, verify_audit
from commandcenter.services.auth import demo_principal
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.shapes.audit import AuditQuery
from commandcenter.views.audit_view import SCREEN, AuditView
from tests.conftest import START
from tests.test_audit_chain import new_case


def make_ctx(db, username: str) -> AppContext:  # type: ignore[no-untyped-def]
    runner = SynchronousRunner()
    return AppContext(db=db, principal=demo_principal(db, username), runner=runner, feed=ChangeFeed(db, runner))


@pytest.fixture
def trail(db, city, clock):  # type: ignore[no-untyped-def]
    """Two cases: one reported by the operator, one reported and registered by the supervisor an hour later."""
    svc = CaseService(db)
    first = svc.report(demo_principal(db, "operator"), new_case(city))
    clock.advance(hours=1)
    second = svc.report(demo_principal(db, "supervisor"), new_case(city), register=True)
    svc.perform(demo_principal(db, "supervisor"), second.id, Action.DISPATCH,
                TransitionParams(officer_id=city.officer_ids[0]))
    return first.case_number, second.case_number


@pytest.fixture
def view(qtbot, db, trail):  # type: ignore[no-untyped-def]
    widget = AuditView(make_ctx(db, "supervisor"))
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown(view: AuditView, column: int) -> list[str]:
    model = view.table.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def type_and_search(qtbot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.clear()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_offered_to_supervisors_and_admins_only(db, city) -> None:  # type: ignore[no-untyped-def]
    assert {name: SCREEN.available(make_ctx(db, name)) for name in ("operator", "supervisor", "trainer", "admin")} == {
        "operator": False, "supervisor": True, "trainer": False, "admin": True}
    with pytest.raises(PermissionDenied):
        search_audit(db, demo_principal(db, "operator"), AuditQuery())
    with pytest.raises(PermissionDenied):
        verify_audit(db, demo_principal(db, "trainer"))


def test_the_model_passes_qtmodeltester(qtmodeltester, db, trail) -> None:  # type: ignore[no-untyped-def]
    model = AuditModel()
    qtmodeltester.check(model)
    model.set_entries(search_audit(db, demo_principal(db, "supervisor"), AuditQuery()), "Asia/Shanghai")
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_a_supervisor_filters_the_trail(qtbot, view, trail) -> None:  # type: ignore[no-untyped-def]
    first, second = trail
    everything = shown(view, AuditModel.ID)
    assert len(everything) >= 4 and everything == sorted(everything, key=int, reverse=True)  # newest first

    type_and_search(qtbot, view.user, "operator")
    assert set(shown(view, AuditModel.USER)) == {"operator"}
    assert shown(view, AuditModel.CASE) == [first]

    type_and_search(qtbot, view.user, "")
    type_and_search(qtbot, view.reference, second)
    assert set(shown(view, AuditModel.CASE)) == {second}
    assert set(shown(view, AuditModel.ACTION)) == {"Reported", "Register", "Dispatch"}  # the codes, worded

    view.action.setCurrentIndex(view.action.findData("register"))
    qtbot.mouseClick(view.search_button, Qt.MouseButton.LeftButton)
    assert shown(view, AuditModel.ACTION) == ["Register"]

    view.action.setCurrentIndex(0)
    type_and_search(qtbot, view.reference, "")
    type_and_search(qtbot, view.text, '"to": "dispatched"')
    assert shown(view, AuditModel.ACTION) == ["Dispatch"]
    assert view.count.text() == "Entries found: 1"


def test_a_time_range_leaves_out_what_happened_before(qtbot, view, trail) -> None:  # type: ignore[no-untyped-def]
    local = (START + timedelta(minutes=30)).astimezone(ZoneInfo(view.ctx.principal.timezone))
    view.use_since.setChecked(True)
    view.since.setDateTime(QDateTime(local.date(), local.time()))
    with qtbot.waitSignal(view.searched) as found:
        qtbot.mouseClick(view.search_button, Qt.MouseButton.LeftButton)
    assert "operator" not in shown(view, AuditModel.USER) and found.args[0] == 3


@pytest.mark.sqlite_only  # edits the file behind the app's back
def test_verify_chain_shows_the_verdict(qtbot, db, view) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(view.verified) as sound:
        qtbot.mouseClick(view.verify_button, Qt.MouseButton.LeftButton)
    assert sound.args[0].sound and "sound" in view.verdict.text()

    conn = sqlite3.connect(db.path, isolation_level=None)
    try:
        conn.execute("UPDATE audit_entry SET actor = 'nobody' WHERE id = 2")
    finally:
        conn.close()
    with qtbot.waitSignal(view.verified) as broken:
        qtbot.mouseClick(view.verify_button, Qt.MouseButton.LeftButton)
    assert (broken.args[0].problem, broken.args[0].entry_id) == ("edited", 2)
    assert "entry 2" in view.verdict.text()


def test_the_main_window_offers_the_audit_screen_to_supervisors(qtbot, db, trail) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QEvent

    from commandcenter.app import build_window

    for username, offered in (("supervisor", True), ("operator", False)):
        win = build_window(db, username, runner=SynchronousRunner())
        keys = [win.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(win.nav.count())]
        assert ("audit" in keys) is offered
        if offered:
            win.show()
            win.show_screen("audit")
            screen = win.screen("audit")
            assert isinstance(screen, AuditView) and screen.model.rowCount() >= 4
        win.close()
        win.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
