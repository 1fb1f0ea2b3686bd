"""Merging two cases selected on the wall (issue 14): Ctrl+M on a pair asks, then merges the
later report into the earlier one with both reporters and histories; No changes nothing, and a
pair that cannot merge leaves the action off."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from commandcenter.domain.actions import Action
from commandcenter.domain.enums import CaseStatus, Priority, SourceChannel
from commandcenter.services.auth import demo_principal
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.shapes.cases import NewCase

from .factories import grid_centre
from .test_wall_view import CTRL, db_case, open_window, wall_of

YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


def two_cases(db, city, clock):  # type: ignore[no-untyped-def]
    svc, op = CaseService(db), demo_principal(db, "operator")
    lon, lat = grid_centre(0)
    rows = []
    for phone in ("13912345678", "13800001111"):
        rows.append(svc.report(op, NewCase(source=SourceChannel.HOTLINE_12345, category_id=city.category_id,
                                           priority=Priority.NORMAL, description="井盖缺失", lon=lon, lat=lat,
                                           reporter_name="陈先生", reporter_phone=phone), register=True))
        clock.advance(minutes=5)
    return rows


def select_both(wall, rows) -> None:  # type: ignore[no-untyped-def]
    sel = wall.table.selectionModel()
    sel.clearSelection()
    for row in rows:
        index = wall.model.index(wall.model.display_row_of(row.id), 0)
        sel.select(index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_two_selected_cases_merge_after_confirmation(qtbot, windows, db, city, clock, monkeypatch) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    earlier, later = two_cases(db, city, clock)
    window = open_window(windows, qtbot, db, "operator")
    wall = wall_of(window)
    select_both(wall, [earlier, later])
    assert wall.case_actions[Action.MERGE].isEnabled()
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *_a: asked.append(text) or NO)
    qtbot.keyClick(wall.table, Qt.Key.Key_M, CTRL)
    assert asked and later.case_number in asked[0] and db_case(db, later.id).row.status == CaseStatus.REGISTERED
    select_both(wall, [earlier, later])
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: YES)
    qtbot.keyClick(wall.table, Qt.Key.Key_M, CTRL)
    merged, survivor = db_case(db, later.id), db_case(db, earlier.id)
    assert merged.row.status == CaseStatus.MERGED and merged.merged_into_number == earlier.case_number
    assert [r.phone for r in survivor.reporters] == ["13800001111"]
    assert [h.action for h in survivor.history] == ["report", "register", "merge_in"]
    assert [h.action for h in merged.history] == ["report", "register", "merge"]
    qtbot.waitUntil(lambda: wall.model.display_row_of(later.id) is None, timeout=3000)  # off the open wall


def test_a_pair_that_cannot_merge_leaves_merge_off(qtbot, windows, db, city, clock) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    earlier, later = two_cases(db, city, clock)
    svc, op = CaseService(db), demo_principal(db, "operator")
    for row in (earlier, later):  # both fed back: neither can be merged away
        for action, params in ((Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0])),
                               (Action.ACCEPT, None), (Action.FEED_BACK, TransitionParams(note="已修复"))):
            svc.perform(op, row.id, action, params)
    window = open_window(windows, qtbot, db, "operator")
    wall = wall_of(window)
    select_both(wall, [earlier, later])
    assert not wall.case_actions[Action.MERGE].isEnabled()
