"""The case detail's call-taking section and the close step's reply (issue 14): a work order's
facts and further reporters shown, the dispatch slip printed from the detail, the reply to the
hotline asked when a hotline case is closed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDesktopServices

from commandcenter.domain.actions import Action
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.gui.context import AppContext
from commandcenter.services.lifecycle import TransitionParams
from commandcenter.shapes.cases import NewCase
from commandcenter.views.case_call_facts import wire_call_facts
from commandcenter.views.dialogs.action_params import ActionParamsDialog
from commandcenter.views.dialogs.dispatch import DispatchDialog
from commandcenter.widgets.case_detail import CaseDetailPanel

from .factories import grid_centre
from .test_dialogs import dispose_ctx, make_ctx, open_widget, report, type_text, widgets  # noqa: F401


@pytest.fixture
def ctx(db, city) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    context = make_ctx(db, "operator")
    yield context
    dispose_ctx(context)


def call(city, phone: str, number: str = "") -> NewCase:  # type: ignore[no-untyped-def]
    lon, lat = grid_centre(0)
    return NewCase(source=SourceChannel.HOTLINE_12345, category_id=city.category_id, priority=Priority.NORMAL,
                   description="楼道堆放杂物", lon=lon, lat=lat, reporter_name="李娜", reporter_phone=phone,
                   hotline_number=number)


def test_the_detail_shows_the_work_order_and_prints_the_slip(qtbot, widgets, ctx, city, monkeypatch) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    me = ctx.principal
    row = ctx.cases.report(me, call(city, "13912345678", "GD-42"), register=True)
    ctx.cases.report(me, call(city, "13800001111"), merge_into=row.id)
    row = ctx.cases.perform(me, row.id, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0]))
    panel = open_widget(widgets, CaseDetailPanel(now=ctx.db.clock.now, timezone=me.timezone))
    facts = wire_call_facts(ctx, panel)
    panel.show_detail(ctx.cases.detail(me, row.id))
    assert facts.isVisible() and facts.workOrder.text() == "GD-42"
    assert "138****1111" in facts.reporters.text()  # masked for an operator
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    qtbot.mouseClick(facts.slipButton, Qt.MouseButton.LeftButton)
    assert opened and opened[0] in facts.slipStatus.text()
    words = "".join(p.extract_text() for p in PdfReader(opened[0]).pages)
    assert row.case_number in words and "张伟" in words and "GD-42" in words


def test_closing_a_hotline_case_records_the_reply(qtbot, widgets, ctx, city, db) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    sup = make_ctx(db, "supervisor")
    try:
        row = report(ctx, city)
        for action, params in ((Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0])),
                               (Action.ACCEPT, None), (Action.FEED_BACK, TransitionParams(note="已清理"))):
            row = ctx.cases.perform(ctx.principal, row.id, action, params)
        dialog = open_widget(widgets, ActionParamsDialog(sup, Action.CLOSE, row))
        assert dialog.replyField is not None
        type_text(qtbot, dialog.replyField.edit, "已清理完毕，感谢反映")
        params = dialog.params()
        sup.cases.perform(sup.principal, row.id, Action.CLOSE, params, expected_version=row.version)
        assert sup.cases.detail(sup.principal, row.id).hotline.reply == "已清理完毕，感谢反映"
    finally:
        dispose_ctx(sup)


def test_the_dispatch_dialog_prints_the_slip_of_the_case_sent(qtbot, widgets, ctx, city, monkeypatch) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    row = report(ctx, city)
    dlg = open_widget(widgets, qtbot=qtbot, w=DispatchDialog(ctx, [row]))
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    qtbot.mouseClick(dlg.slipOption, Qt.MouseButton.LeftButton, pos=QPoint(8, dlg.slipOption.height() // 2))
    assert dlg.slipOption.isChecked()
    with qtbot.waitSignal(dlg.dispatched, timeout=2000):
        qtbot.keyClick(dlg.recommendationList, Qt.Key.Key_Return)
    assert len(opened) == 1
    words = "".join(p.extract_text() for p in PdfReader(opened[0]).pages)
    assert row.case_number in words and "张伟" in words
