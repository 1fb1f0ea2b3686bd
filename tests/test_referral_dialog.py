"""The referral and joint-handling dialogs from the wall, as a street operator and a district
operator use them at two seats: the referral goes up with its key, the district's wall marks it
with who referred it and why, and the district accepts it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from commandcenter.domain.actions import Action
from commandcenter.domain.enums import CaseStatus
from commandcenter.gui.tasks import SynchronousRunner
from commandcenter.itemmodels.wall import STATUS_COLUMN
from commandcenter.services.lifecycle import TransitionParams
from commandcenter.views.dialogs.joint import JointDialog
from commandcenter.views.dialogs.referral import ReferralDialog

from .referral_city import build_levels
from .test_dialogs import make_ctx, report, type_text
from .test_wall_view import open_window, press, wall_of

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def test_a_street_refers_up_from_the_wall_and_the_district_sees_the_mark(qtbot, windows, db, city) -> None:  # type: ignore[no-untyped-def]
    build_levels(db, city)
    street_ctx = make_ctx(db, "s_operator")
    row = report(street_ctx, city)
    street = open_window(windows, qtbot, db, "s_operator", runner=SynchronousRunner())
    wall = wall_of(street)
    assert wall.select_case(row.id)
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ReferralDialog)
        try:
            seen.append(dialog.centreCombo.currentText())
            qtbot.mouseClick(dialog.okButton, Qt.MouseButton.LeftButton)  # the note is required
            seen.append(dialog.error_text())
            dialog.reasonCombo.setCurrentIndex(dialog.reasonCombo.findData("city_department"))
            type_text(qtbot, dialog.noteEdit, "需市级部门处置")
            qtbot.mouseClick(dialog.okButton, Qt.MouseButton.LeftButton)
        finally:
            if dialog.isVisible():  # a failed step must not leave the wall waiting on its dialog
                seen.append("left open")
                dialog.reject()

    QTimer.singleShot(0, answer)
    press(qtbot, street, wall.table, Qt.Key.Key_R, CTRL_ALT)
    assert seen == ["城厢区指挥中心", "Say why: the note is required here."]
    qtbot.waitUntil(lambda: wall.model.row_for(row.id).status == CaseStatus.REFERRED, timeout=2000)

    district = open_window(windows, qtbot, db, "d_operator", runner=SynchronousRunner())
    dwall = wall_of(district)
    assert dwall.select_case(row.id)
    shown = dwall.model.display_row_of(row.id)
    cell = dwall.model.index(shown, STATUS_COLUMN)
    qtbot.waitUntil(lambda: "⇅" in cell.data(), timeout=2000)
    tip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "龙桥街道指挥中心" in tip and "Needs a city department" in tip
    assert dwall.case_actions[Action.ACCEPT_REFERRAL].isEnabled()
    press(qtbot, district, dwall.table, Qt.Key.Key_A, CTRL_ALT)  # 受理: nothing to ask
    qtbot.waitUntil(lambda: dwall.model.row_for(row.id).status == CaseStatus.REGISTERED, timeout=2000)
    street_ctx.feed.deleteLater()
    street_ctx.runner.deleteLater()
    street_ctx.bus.deleteLater()


def test_the_joint_dialog_offers_the_departments_and_the_parts_owed(qtbot, db, city) -> None:  # type: ignore[no-untyped-def]
    levels = build_levels(db, city)
    ctx = make_ctx(db, "s_operator")
    row = report(ctx, city)
    row = ctx.cases.perform(ctx.principal, row.id, Action.DISPATCH, TransitionParams(department_id=city.department_id))
    dlg = JointDialog(ctx, Action.ADD_SUPPORT, row)
    qtbot.addWidget(dlg)
    names = [dlg.unitCombo.itemText(i) for i in range(dlg.unitCombo.count())]
    assert "城管执法局" not in names and {"龙桥派出所", "龙桥司法所"} <= set(names)
    dlg.unitCombo.setCurrentIndex(dlg.unitCombo.findData(levels.police))
    row = ctx.cases.perform(ctx.principal, row.id, Action.ADD_SUPPORT, dlg.params(), expected_version=row.version)
    owed = JointDialog(ctx, Action.SUPPORT_FEED_BACK, row)
    qtbot.addWidget(owed)
    assert [owed.unitCombo.itemText(i) for i in range(owed.unitCombo.count())] == ["龙桥派出所"]
    assert owed.params() is None  # the part is required
    type_text(qtbot, owed.noteEdit, "民警已调解")
    assert owed.params() == TransitionParams(note="民警已调解", department_id=levels.police)
    for obj in (ctx.feed, ctx.runner, ctx.bus):
        obj.deleteLater()
