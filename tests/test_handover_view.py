"""The handover screen on real widgets: an operator drafts, writes and signs; a supervisor
acknowledges; the record locks, takes a correction, prints as PDF and is found by search.
Change notices from other seats never take away what is being typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QInputDialog
from sqlalchemy import select

from commandcenter.app import build_window
from commandcenter.gui.context import AppContext
from commandcenter.gui.feed import ChangeFeed
from commandcenter.gui.tasks import SynchronousRunner, TaskState
from commandcenter.itemmodels.handover import HandoverListModel, PendingItemsModel
from commandcenter.models import Handover, HandoverItem
from commandcenter.services.auth import demo_principal
from commandcenter.services.handover import HandoverService, ItemInput
from commandcenter.views.handover import HandoverView
from commandcenter.views.handover.record_browser import SignConfirmation

from .day_of_cases import local, scenario_database


@pytest.fixture
def scenario(tmp_path_factory, tmp_path):  # type: ignore[no-untyped-def]
    db, clock, sc = scenario_database(tmp_path_factory, tmp_path)
    clock.set(local(26, 7, 40))  # the night shift of the 25th is ending
    yield db, clock, sc
    db.dispose()


@pytest.fixture
def opened(monkeypatch):  # type: ignore[no-untyped-def]
    """What the screen asked the system to open (no viewer starts in tests)."""
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()) or True)
    return urls


class HeldRunner(SynchronousRunner):
    """Runs tasks synchronously, or holds them while `held` is set until `release()`: a reload
    can then be in flight while the operator types, as with the real pool."""

    def __init__(self) -> None:
        super().__init__()
        self.held = False
        self._queue: list[tuple] = []  # type: ignore[type-arg]

    def run_in_background(self, fn, on_done=None, on_error=None, on_progress=None):  # type: ignore[no-untyped-def]
        if not self.held:
            return super().run_in_background(fn, on_done, on_error, on_progress)
        self._queue.append((fn, on_done, on_error, on_progress))
        return TaskState()

    def release(self) -> int:
        self.held = False
        queue, self._queue = self._queue, []
        for task in queue:
            super().run_in_background(*task)
        return len(queue)


def make_view(qtbot, db, username: str) -> HandoverView:  # type: ignore[no-untyped-def]
    runner = HeldRunner()
    ctx = AppContext(db=db, principal=demo_principal(db, username), runner=runner, feed=ChangeFeed(db, runner))
    view = HandoverView(ctx)
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def confirm_signing(qtbot, tab) -> SignConfirmation:  # type: ignore[no-untyped-def]
    """Click Sign; the confirmation that appears (not yet answered)."""
    qtbot.mouseClick(tab.sign_button, Qt.MouseButton.LeftButton)
    dialog = tab.findChild(SignConfirmation)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def draft_and_type(qtbot, tab, notes: str, item: str):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(tab.record_shown):
        qtbot.mouseClick(tab.draft_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tab.notes, notes)
    qtbot.keyClicks(tab.new_text, item)
    qtbot.keyClick(tab.new_text, Qt.Key.Key_Return)


def stored(db, handover_id: int):  # type: ignore[no-untyped-def]
    with db.read() as s:
        h = s.get(Handover, handover_id)
        items = s.execute(select(HandoverItem.text, HandoverItem.done).where(HandoverItem.handover_id == handover_id)
                          .order_by(HandoverItem.id)).all()
        return h.status, h.notes, [tuple(i) for i in items], h.version


def test_models_pass_qtmodeltester(qtmodeltester, scenario) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    items = PendingItemsModel()
    items.set_items([ItemInput("回访", "20261125-00001", clock.now()), ItemInput("检查探头")], "Asia/Shanghai", False)
    qtmodeltester.check(items)
    items.add_item(ItemInput("more"))
    items.remove_item(0)
    qtmodeltester.check(items)
    rows = HandoverListModel()
    rows.set_handovers(HandoverService(db).search(demo_principal(db, "operator")), "Asia/Shanghai")
    qtmodeltester.check(rows)
    assert rows.rowCount() == 1 and rows.index(0, HandoverListModel.STATUS).data() == "Acknowledged"


def test_operator_drafts_writes_signs_and_prints(qtbot, scenario, opened) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    view = make_view(qtbot, db, "operator")
    tab = view.write
    assert "Night shift of 2026-11-25, 20:00–08:00: no handover yet" in tab.header.text()
    assert not tab.sign_button.isEnabled() and view.tabs.count() == 2  # no "to acknowledge" for operators
    with qtbot.waitSignal(tab.record_shown):
        qtbot.mouseClick(tab.draft_button, Qt.MouseButton.LeftButton)
    assert tab.record is not None and "Draft" in tab.header.text()
    summary = tab.summary.toPlainText()
    assert "Overdue cases (" in summary and sc.open_case_number in summary and "王芳" in summary

    qtbot.keyClicks(tab.notes, "Quiet night. ")  # QTest types Latin-1 only; Chinese comes in by IME
    tab.notes.insertPlainText("监控探头离线，已报修。")
    assert tab.save_button.isEnabled()
    qtbot.keyClicks(tab.new_case, sc.open_case_number)
    tab.new_due_check.setChecked(True)
    tab.new_due.setDateTime(QDateTime.fromString("2026-11-26 09:00", "yyyy-MM-dd HH:mm"))
    qtbot.keyClicks(tab.new_text, "Call back the reporter")
    qtbot.keyClick(tab.new_text, Qt.Key.Key_Return)
    qtbot.keyClicks(tab.new_text, "Follow up the street lamp repair")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert tab.items.rowCount() == 2
    assert tab.items.index(0, PendingItemsModel.DUE).data() == "11-26 09:00"
    # tick the second item done in the table
    tab.items.setData(tab.items.index(1, PendingItemsModel.DONE), Qt.CheckState.Checked.value,
                      Qt.ItemDataRole.CheckStateRole)

    dialog = confirm_signing(qtbot, tab)
    shown = dialog.content.toPlainText()
    assert "Quiet night. 监控探头离线，已报修。" in shown and "Pending items (2)" in shown
    assert "✓ Follow up the street lamp repair" in shown and "Call back the reporter" in shown
    with qtbot.waitSignal(tab.record_shown):
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)  # saves, then signs
    status, notes, items, _ = stored(db, tab.record.id)
    assert (status, notes) == ("signed", "Quiet night. 监控探头离线，已报修。")
    assert items == [("Call back the reporter", False), ("Follow up the street lamp repair", True)]
    assert "Signed" in tab.header.text() and "waiting for the incoming supervisor" in tab.message.text()
    assert not tab.save_button.isEnabled() and not tab.dirty

    with qtbot.waitSignal(tab.pdf_written):
        qtbot.mouseClick(tab.pdf_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and opened[0].endswith(".pdf")
    text = "".join(page.extract_text() for page in PdfReader(opened[0]).pages)
    assert "监控探头离线" in text and "Call back the reporter" in text and "Signed by Operator" in text


def test_supervisor_acknowledges_and_the_record_locks(qtbot, scenario, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    operator = demo_principal(db, "operator")
    svc = HandoverService(db)
    draft = svc.open_draft(operator)
    signed = svc.sign(operator, svc.save(operator, draft.id, "交接：一切正常", [ItemInput("回访")]).id)

    view = make_view(qtbot, db, "supervisor")
    pending = view.pending
    assert view.tabs.count() == 3 and pending.model.rowCount() == 1
    assert pending.record is not None and pending.record.id == signed.id
    assert "交接：一切正常" in pending.preview.toPlainText()
    view.tabs.setCurrentWidget(pending)
    with qtbot.waitSignal(pending.acknowledged):
        qtbot.mouseClick(pending.ack_button, Qt.MouseButton.LeftButton)
    assert stored(db, signed.id)[0] == "acknowledged"
    assert pending.model.rowCount() == 0 and "acknowledged" in pending.message.text()
    history = view.history
    row = history.model.row_of(signed.id)
    assert history.model.index(row, HandoverListModel.STATUS).data() == "Acknowledged"

    # the operator's screen shows the locked record and offers only a correction
    op_view = make_view(qtbot, db, "operator")
    tab = op_view.write
    assert tab.record is not None and tab.record.locked
    assert tab.notes.isReadOnly() and not tab.save_button.isEnabled() and not tab.sign_button.isEnabled()
    assert not tab.add_button.isEnabled() and tab.correct_button.isVisible()
    before = stored(db, signed.id)
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("更正：回访已完成", True))
    qtbot.mouseClick(tab.correct_button, Qt.MouseButton.LeftButton)
    assert "Correction #" in tab.message.text()
    assert stored(db, signed.id) == before
    with db.read() as s:
        note = s.scalars(select(Handover).where(Handover.corrects_id == signed.id)).one()
        assert (note.notes, note.status) == ("更正：回访已完成", "signed")


def test_history_search_and_pdf(qtbot, scenario, opened) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    operator = demo_principal(db, "operator")
    svc = HandoverService(db)
    night = svc.open_draft(operator)
    svc.save(operator, night.id, "CCTV offline at the Dongyan gate", [])
    view = make_view(qtbot, db, "operator")
    history = view.history
    view.tabs.setCurrentWidget(history)
    assert history.model.rowCount() == 2
    qtbot.keyClicks(history.search, "cctv")
    qtbot.waitUntil(lambda: history.model.rowCount() == 1)
    assert history.record is not None and history.record.id == night.id
    history.search.setText("垃圾清运")  # Chinese comes in by IME, not by key events
    qtbot.waitUntil(lambda: history.model.rowCount() == 1 and history.record.id == sc.handover_id)
    history.status.setCurrentIndex(history.status.findData("draft"))
    assert history.model.rowCount() == 0
    history.status.setCurrentIndex(0)
    assert history.model.rowCount() == 1
    with qtbot.waitSignal(history.pdf_written):
        qtbot.mouseClick(history.pdf_button, Qt.MouseButton.LeftButton)
    assert Path(opened[0]).exists() and "垃圾清运车辆故障" in PdfReader(opened[0]).pages[0].extract_text()


def test_the_screen_is_in_the_main_window(qtbot, scenario) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    window = build_window(db, "operator", runner=SynchronousRunner())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()  # application shortcuts need an active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_screen_key() == "handover"
    screen = window.screen("handover")
    assert isinstance(screen, HandoverView) and "no handover yet" in screen.write.header.text()
    window.close()


def test_a_change_notice_while_typing_keeps_the_text_and_signing_signs_it(qtbot, scenario) -> None:  # type: ignore[no-untyped-def]
    """The reload a change notice starts is still running when the operator types."""
    db, clock, sc = scenario
    view = make_view(qtbot, db, "operator")
    tab = view.write
    with qtbot.waitSignal(tab.record_shown):
        qtbot.mouseClick(tab.draft_button, Qt.MouseButton.LeftButton)
    handover_id = tab.record.id
    # the same operator at another seat refreshes the figures: a real change of the record
    clock.set(local(26, 7, 45))
    assert HandoverService(db).open_draft(demo_principal(db, "operator")).id == handover_id
    view.ctx.runner.held = True
    view.ctx.feed.changed.emit("handover", [handover_id])  # as the feed delivers it
    qtbot.keyClicks(tab.notes, "Pump station alarm at 06:10, crew on site.")
    qtbot.keyClicks(tab.new_text, "Call the crew at 08:30")
    qtbot.keyClick(tab.new_text, Qt.Key.Key_Return)
    with qtbot.waitSignal(tab.record_shown):
        assert view.ctx.runner.release() >= 1  # the reload arrives after the typing
    assert tab.notes.toPlainText() == "Pump station alarm at 06:10, crew on site."
    assert tab.items.rowCount() == 1 and tab.dirty and tab.save_button.isEnabled()
    assert not tab.remote_notice.isVisible()  # only the figures changed: merged without a fuss

    dialog = confirm_signing(qtbot, tab)
    assert "Pump station alarm at 06:10" in dialog.content.toPlainText()
    assert "Call the crew at 08:30" in dialog.content.toPlainText()
    with qtbot.waitSignal(tab.record_shown):
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    record = HandoverService(db).get(demo_principal(db, "operator"), handover_id)
    assert (record.status, record.notes) == ("signed", "Pump station alarm at 06:10, crew on site.")
    assert [i.text for i in record.items] == ["Call the crew at 08:30"]
    assert tab.notes.toPlainText() == record.notes and not tab.dirty


def test_a_remote_edit_while_typing_is_told_and_nothing_is_lost(qtbot, scenario) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    view = make_view(qtbot, db, "operator")
    tab = view.write
    draft_and_type(qtbot, tab, "Lamp out on Shengli Road.", "Check the lamp at 09:00")
    handover_id, svc = tab.record.id, HandoverService(db)
    svc.save(demo_principal(db, "supervisor"), handover_id, "Supervisor: gate 3 is closed.", [ItemInput("Reopen gate 3")])
    with qtbot.waitSignal(tab.record_shown):
        view.ctx.feed.changed.emit("handover", [handover_id])
    assert tab.notes.toPlainText() == "Lamp out on Shengli Road."
    assert [i.text for i in tab.items.items()] == ["Check the lamp at 09:00"]
    notice = tab.remote_notice.text()
    assert tab.remote_notice.isVisible() and "changed at another seat" in notice
    assert "Supervisor: gate 3 is closed." in notice and "Reopen gate 3" in notice  # theirs is shown too

    dialog = confirm_signing(qtbot, tab)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # cancelled: nothing is signed
    assert stored(db, handover_id)[:2] == ("draft", "Supervisor: gate 3 is closed.")
    dialog = confirm_signing(qtbot, tab)
    with qtbot.waitSignal(tab.record_shown):
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    status, notes, items, _ = stored(db, handover_id)
    assert (status, notes, items) == ("signed", "Lamp out on Shengli Road.", [("Check the lamp at 09:00", False)])
    assert not tab.remote_notice.isVisible() and not tab.dirty


def test_signing_signs_what_the_confirmation_showed(qtbot, scenario) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    view = make_view(qtbot, db, "operator")
    tab = view.write
    draft_and_type(qtbot, tab, "Confirmed text.", "Confirmed item")
    dialog = confirm_signing(qtbot, tab)
    tab.notes.appendPlainText("Typed after the question was asked.")  # never signed unseen
    with qtbot.waitSignal(tab.record_shown):
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    status, notes, items, _ = stored(db, tab.record.id)
    assert (status, notes, items) == ("signed", "Confirmed text.", [("Confirmed item", False)])
    assert "Typed after the question was asked." in tab.notes.toPlainText() and tab.dirty
