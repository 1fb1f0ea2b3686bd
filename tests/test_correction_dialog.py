"""The correction dialog (更正) as an operator uses it from the wall: search the right category and
grid, say why, confirm; the case's timeline then reads what changed."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from commandcenter.gui.tasks import SynchronousRunner
from commandcenter.services.auth import demo_principal
from commandcenter.views.dialogs.correction import CorrectionDialog
from commandcenter.widgets.case_detail import CaseDetailPanel

from .test_dialogs import dispose_ctx, make_ctx, report, type_text
from .test_wall_view import open_window, press, wall_of

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_an_operator_corrects_category_and_grid_from_the_wall(qtbot, windows, db, city, clock) -> None:  # type: ignore[no-untyped-def]
    seat = make_ctx(db, "operator")
    row = report(seat, city)
    window = open_window(windows, qtbot, db, "operator", runner=SynchronousRunner())
    wall = wall_of(window)
    assert wall.select_case(row.id)
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CorrectionDialog)
        try:
            qtbot.mouseClick(dialog.okButton, Qt.MouseButton.LeftButton)  # nothing chosen yet
            seen.append(dialog.error_text())
            qtbot.keyClicks(dialog.categorySearch, "0102")
            seen.append(dialog.categoryList.currentItem().text())
            dialog.gridSearch.setFocus()
            qtbot.keyClicks(dialog.gridSearch, "0104")
            seen.append(dialog.chosenLabel.text())
            qtbot.mouseClick(dialog.okButton, Qt.MouseButton.LeftButton)  # the reason is required
            seen.append(dialog.error_text())
            type_text(qtbot, dialog.noteEdit, "接线时选错类别和网格")
            qtbot.mouseClick(dialog.okButton, Qt.MouseButton.LeftButton)
        finally:
            if dialog.isVisible():
                seen.append("left open")
                dialog.reject()

    QTimer.singleShot(0, answer)
    press(qtbot, window, wall.table, Qt.Key.Key_G, CTRL_SHIFT)
    assert seen == [
        "Choose a category or a grid other than the case's.",
        "0102   Broken streetlight",
        "Category: 0101 Fly-tipping → 0102 Broken streetlight\nGrid: 35030200100101 → 35030200100104 东岩社区第04网格",
        "Say why: the reason is required here.",
    ]
    qtbot.waitUntil(lambda: wall.model.row_for(row.id).grid_id == city.grid_ids[3], timeout=2000)
    assert wall.model.row_for(row.id).category_id == city.dept_category_id

    detail = seat.cases.detail(demo_principal(db, "operator"), row.id)
    panel = CaseDetailPanel(now=clock.now)
    qtbot.addWidget(panel)
    panel.show_detail(detail)
    last = panel.history_texts()[-1]
    assert "Correct category or grid" in last
    assert "Category corrected: 0101 Fly-tipping → 0102 Broken streetlight" in last
    assert "Grid corrected: 35030200100101 东岩社区第01网格 → 35030200100104 东岩社区第04网格" in last
    assert last.endswith("接线时选错类别和网格")
    for obj in (seat.feed, seat.runner, seat.bus):
        obj.deleteLater()


def test_keys_walk_the_lists_and_the_cases_own_choice_is_no_change(qtbot, db, city) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(db, "operator")
    row = report(ctx, city)
    dialog = CorrectionDialog(ctx, row)
    qtbot.addWidget(dialog)
    assert dialog.gridList.count() == 4 and dialog.gridList.currentRow() == -1
    type_text(qtbot, dialog.gridSearch, "东岩")
    assert dialog.gridList.count() == 4 and dialog.chosen_grid().id == city.grid_ids[0]  # the case's own
    type_text(qtbot, dialog.noteEdit, "核实")
    assert dialog.params() is None  # choosing what the case has changes nothing
    qtbot.keyClick(dialog.gridSearch, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.gridSearch, Qt.Key.Key_Down)
    assert dialog.chosen_grid().id == city.grid_ids[2]
    params = dialog.params()
    assert params is not None and (params.category_id, params.grid_id, params.note) == (None, city.grid_ids[2], "核实")
    dialog.close()
    dispose_ctx(ctx)
