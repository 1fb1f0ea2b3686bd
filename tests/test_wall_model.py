"""The wall's item model: loads, filters, sorts with index lists, applies live rows in place."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from commandcenter.domain.actions import Action
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.gui.style import current_theme
from commandcenter.itemmodels import wall as wall_model
from commandcenter.itemmodels.roles import ID_ROLE
from commandcenter.itemmodels.wall import (
    COLUMN_INDEX,
    COLUMNS,
    TIME_LEFT,
    WallFilter,
    WallModel,
)
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.services.wall import WallScope, load_wall, rows_by_ids
from commandcenter.shapes.cases import NewCase

from .factories import grid_centre


def make_cases(db, city, operator, clock, n=6):  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    rows = []
    for i in range(n):
        lon, lat = grid_centre(i % 4)
        rows.append(svc.report(operator, NewCase(
            source=SourceChannel.PATROL, category_id=city.category_id,
            priority=[Priority.URGENT, Priority.NORMAL, Priority.LOW][i % 3],
            description=f"第{i}号 井盖缺失", lon=lon, lat=lat, address=f"荔城中大道{i}号"), register=i % 2 == 0))
        clock.advance(minutes=1)
    return svc, rows


def loaded_model(db, operator) -> tuple[WallModel, WallScope]:  # type: ignore[no-untyped-def]
    scope = WallScope(centre_ids=operator.centre_ids)
    model = WallModel(now=db.clock.now)
    model.set_rows(load_wall(db, scope).rows)
    return model, scope


def test_model_passes_qtmodeltester(qtmodeltester, db, city, operator, clock) -> None:  # type: ignore[no-untyped-def]
    make_cases(db, city, operator, clock)
    model, _ = loaded_model(db, operator)
    assert model.rowCount() == 6
    qtmodeltester.check(model)
    model.sort(COLUMN_INDEX["priority"], Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)


def test_default_order_is_triage_and_new_rows_go_where_they_belong(db, city, operator, clock) -> None:  # type: ignore[no-untyped-def]
    svc, rows = make_cases(db, city, operator, clock)
    model, scope = loaded_model(db, operator)
    assert model.sort_column == wall_model.TRIAGE
    shown = model.visible_rows()
    assert [r.priority for r in shown[:2]] == ["urgent", "urgent"]  # nothing overdue or escalated yet
    left = [r.stage_deadline_at for r in shown[2:]]
    assert left == sorted(left)  # then the least time left first
    lon, lat = grid_centre(1)
    new = svc.report(operator, NewCase(source=SourceChannel.HOTLINE_12345, category_id=city.category_id,
                                       priority=Priority.HIGH, description="噪音扰民", lon=lon, lat=lat))
    arrived = model.apply_rows([new], lambda r: scope.contains(r, clock.now()))
    assert [r.id for r in arrived] == [new.id]
    assert model.row_at(2).id == new.id and model.rowCount() == 7  # high: after the urgent ones


def test_update_in_place_keeps_selection(qtbot, db, city, operator, clock) -> None:  # type: ignore[no-untyped-def]
    svc, rows = make_cases(db, city, operator, clock)
    model, scope = loaded_model(db, operator)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    target = rows[2]
    row = model.display_row_of(target.id)
    view.selectionModel().setCurrentIndex(model.index(row, 0),
                                          QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    # another seat dispatches it
    updated = svc.perform(operator, target.id, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0]))
    with qtbot.waitSignal(model.dataChanged):
        model.apply_rows(rows_by_ids(db, [target.id]), lambda r: scope.contains(r, clock.now()))
    assert view.currentIndex().data(ID_ROLE) == target.id
    assert model.row_at(view.currentIndex().row()).status == "dispatched"
    assert updated.version == model.case(target.id).version


def test_filter_by_priority_text_and_pinyin_initials(db, city, operator, clock) -> None:  # type: ignore[no-untyped-def]
    make_cases(db, city, operator, clock)
    model, _ = loaded_model(db, operator)
    model.set_filter(WallFilter(priorities=frozenset({"urgent"})))
    assert model.rowCount() == 2 and all(r.priority == "urgent" for r in model.visible_rows())
    model.set_filter(WallFilter(text="第3号"))
    assert model.rowCount() == 1
    model.set_filter(WallFilter(text="lqjd"))  # 龙桥街道 by its pinyin initials
    assert model.rowCount() == 6
    model.set_filter(WallFilter(grid_id=city.grid_ids[0]))
    assert {r.grid_id for r in model.visible_rows()} == {city.grid_ids[0]}


def test_rows_leaving_the_filter_are_removed(qtbot, db, city, operator, clock) -> None:  # type: ignore[no-untyped-def]
    svc, rows = make_cases(db, city, operator, clock)
    model, scope = loaded_model(db, operator)
    model.set_filter(WallFilter(statuses=frozenset({"reported"})))
    before = model.rowCount()
    reported = next(r for r in rows if r.status == "reported")
    svc.perform(operator, reported.id, Action.REGISTER)
    with qtbot.waitSignal(model.rowsRemoved):
        model.apply_rows(rows_by_ids(db, [reported.id]), lambda r: scope.contains(r, clock.now()))
    assert model.rowCount() == before - 1 and model.display_row_of(reported.id) is None


def test_countdown_turns_overdue(db, city, operator, clock) -> None:  # type: ignore[no-untyped-def]
    make_cases(db, city, operator, clock, n=1)
    model, _ = loaded_model(db, operator)
    model.tick()
    assert model.index(0, TIME_LEFT).data().startswith("0:")
    clock.advance(timedelta(hours=2))
    model.tick()
    assert model.index(0, TIME_LEFT).data().startswith("-")
    model.set_filter(WallFilter(due=frozenset({"overdue"})))
    assert model.rowCount() == 1


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_live_insert_lands_where_a_full_sort_puts_it(db, city, operator, clock, order) -> None:  # type: ignore[no-untyped-def]
    svc, rows = make_cases(db, city, operator, clock, n=9)
    everything = load_wall(db, WallScope(centre_ids=operator.centre_ids)).rows
    for column in range(wall_model.TRIAGE, len(COLUMNS)):
        for newcomer in everything:
            live = WallModel(now=db.clock.now)
            live.set_rows([r for r in everything if r.id != newcomer.id])
            live.sort(column, order)
            live.apply_rows([newcomer], lambda _r: True)
            fresh = WallModel(now=db.clock.now)
            fresh.set_rows(everything)
            fresh.sort(column, order)
            assert [r.id for r in live.visible_rows()] == [r.id for r in fresh.visible_rows()], (column, order)


def countdown_wall(qtbot, db, city, operator, clock):  # type: ignore[no-untyped-def]
    """Four cases whose countdowns move differently, in a table as the operator sees them:
    a deadline 90 s away (seconds tick), one three days away that turns due-soon at
    +52,640 s (days and hours), a closed case (no clock) and one five days overdue."""
    make_cases(db, city, operator, clock, n=4)
    now = clock.now()
    soon, far, stopped, late = sorted(load_wall(db, WallScope(centre_ids=operator.centre_ids)).rows,
                                      key=lambda r: r.id)
    rows = [
        soon._replace(stage_started_at=now - timedelta(hours=1), stage_remind_at=now - timedelta(seconds=648),
                      stage_deadline_at=now + timedelta(seconds=90)),
        far._replace(stage_started_at=now - timedelta(days=9), stage_remind_at=now + timedelta(seconds=52_640),
                     stage_deadline_at=now + timedelta(days=3, seconds=1000)),
        stopped._replace(status="closed", closed_at=now),
        late._replace(stage_started_at=now - timedelta(days=8), stage_remind_at=now - timedelta(days=6),
                      stage_deadline_at=now - timedelta(days=5, minutes=10)),
    ]
    model = WallModel(now=clock.now)
    model.set_rows(rows)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(900, 300)
    view.show()
    qtbot.waitExposed(view)
    paint(view)
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(lambda a, b, _roles=(): changed.append((a.row(), a.column(), b.row(), b.column())))
    return model, view, [r.id for r in rows], changed


def paint(view: QTableView) -> None:
    """Lay out and paint now: the view fetches what it shows, as at every paint."""
    QApplication.processEvents()  # the view lays out its items on a zero timer
    view.viewport().repaint()


def countdown_texts(model, ids):  # type: ignore[no-untyped-def]
    return [model.index(model.display_row_of(cid), TIME_LEFT).data() for cid in ids]


def countdown_cells(model, ids):  # type: ignore[no-untyped-def]
    return sorted((model.display_row_of(cid), TIME_LEFT) * 2 for cid in ids)


def test_tick_repaints_only_countdowns_whose_text_changed(qtmodeltester, qtbot, db, city, operator, clock) -> None:  # type: ignore[no-untyped-def]
    model, view, ids, changed = countdown_wall(qtbot, db, city, operator, clock)
    soon, far, _stopped, late = ids
    assert countdown_texts(model, ids) == ["0:01:30", "3d 00h", "—", "-5d 00h"]

    clock.advance(seconds=1)
    model.tick()
    assert sorted(changed) == countdown_cells(model, [soon])  # one cell, not the whole column
    assert countdown_texts(model, ids) == ["0:01:29", "3d 00h", "—", "-5d 00h"]

    paint(view)
    changed.clear()
    clock.advance(seconds=1000)  # three days left drops below three days: the hour figure moves
    model.tick()
    soon_row = model.display_row_of(soon)  # overdue now: its band and icon change across the row
    assert sorted(changed) == sorted([*countdown_cells(model, [soon, far]), (soon_row, 0, soon_row, len(COLUMNS) - 1)])
    assert countdown_texts(model, ids) == ["-0:15:11", "2d 23h", "—", "-5d 00h"]

    paint(view)
    changed.clear()
    clock.advance(seconds=1999)  # five days and an hour overdue
    model.tick()
    assert sorted(changed) == countdown_cells(model, [soon, late])
    assert countdown_texts(model, ids) == ["-0:48:30", "2d 23h", "—", "-5d 01h"]
    qtmodeltester.check(model)


def test_tick_repaints_a_countdown_turning_due_soon(qtbot, db, city, operator, clock) -> None:  # type: ignore[no-untyped-def]
    model, view, ids, changed = countdown_wall(qtbot, db, city, operator, clock)
    far = ids[1]
    clock.advance(seconds=52_639)
    model.tick()
    paint(view)
    cell = model.index(model.display_row_of(far), TIME_LEFT)
    assert (cell.data(), cell.data(Qt.ItemDataRole.ForegroundRole)) == ("2d 09h", None)

    changed.clear()
    clock.advance(seconds=1)  # 80 % of the limit: the same text turns the due-soon colour
    model.tick()
    assert (model.display_row_of(far), TIME_LEFT) * 2 in changed
    assert cell.data() == "2d 09h"
    assert cell.data(Qt.ItemDataRole.ForegroundRole).color().name() == current_theme().due_soon_text


def test_tick_fades_only_the_rows_that_arrived(qtbot, monkeypatch, db, city, operator, clock) -> None:  # type: ignore[no-untyped-def]
    svc, _rows = make_cases(db, city, operator, clock, n=3)
    model, scope = loaded_model(db, operator)
    lon, lat = grid_centre(1)
    new = svc.report(operator, NewCase(source=SourceChannel.HOTLINE_12345, category_id=city.category_id,
                                       priority=Priority.NORMAL, description="噪音扰民", lon=lon, lat=lat))
    model.apply_rows([new], lambda r: scope.contains(r, clock.now()))
    row = model.display_row_of(new.id)
    assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(lambda a, b, _roles=(): changed.append((a.row(), a.column(), b.row(), b.column())))
    monkeypatch.setattr(wall_model, "HIGHLIGHT_SECONDS", -1.0)  # the highlight has had its time
    model.tick()
    assert changed == [(row, 0, row, len(COLUMNS) - 1)]
    assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is None


def test_tick_after_the_clock_is_set_back_repaints_what_changed(qtbot, db, city, operator, clock) -> None:  # type: ignore[no-untyped-def]
    model, view, ids, changed = countdown_wall(qtbot, db, city, operator, clock)
    soon, far, _stopped, _late = ids
    start = clock.now()
    clock.advance(seconds=1001)
    model.tick()
    paint(view)
    changed.clear()
    clock.set(start)  # an operator corrects the system time
    model.tick()
    soon_row = model.display_row_of(soon)  # no longer overdue: its band goes across the row
    assert sorted(changed) == sorted([*countdown_cells(model, [soon, far]), (soon_row, 0, soon_row, len(COLUMNS) - 1)])
    assert countdown_texts(model, ids) == ["0:01:30", "3d 00h", "—", "-5d 00h"]


def test_painted_cells_show_what_data_returns(qtbot, db, city, operator, clock) -> None:  # type: ignore[no-untyped-def]
    """The delegate reads all roles of a cell at once (multiData): it must agree with data()."""
    model, view, ids, _changed = countdown_wall(qtbot, db, city, operator, clock)
    model.apply_rows([model.case(ids[0])._replace(priority=Priority.URGENT)], lambda _r: True)
    clock.advance(seconds=200)  # the first countdown is overdue: bold and red
    model.tick()
    delegate = QStyledItemDelegate()
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            index = model.index(row, col)
            option = QStyleOptionViewItem()
            delegate.initStyleOption(option, index)
            assert option.text == index.data()
            assert option.font.bold() == bool(index.data(Qt.ItemDataRole.FontRole)
                                             and index.data(Qt.ItemDataRole.FontRole).bold())
            foreground = index.data(Qt.ItemDataRole.ForegroundRole)
            if foreground is not None:
                assert option.palette.text().color() == foreground.color()
            background = index.data(Qt.ItemDataRole.BackgroundRole)
            assert option.backgroundBrush == (background if background is not None else QBrush())
            alignment = index.data(Qt.ItemDataRole.TextAlignmentRole)
            if alignment is not None:
                assert option.displayAlignment == Qt.AlignmentFlag(alignment)
    row = model.display_row_of(ids[0])
    assert model.index(row, TIME_LEFT).data() == "-0:01:50"
    assert model.index(row, TIME_LEFT).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(row, COLUMN_INDEX["priority"]).data(Qt.ItemDataRole.FontRole).bold()


def test_a_row_turning_overdue_moves_up_without_a_resort(qtbot, qtmodeltester, db, city, operator, clock) -> None:  # type: ignore[no-untyped-def]
    """The triage order follows time: at the tick after its deadline a row moves among the
    overdue ones (one row move, the rest stay), where a fresh sort would put it."""
    make_cases(db, city, operator, clock, n=6)
    now = clock.now()
    rows = load_wall(db, WallScope(centre_ids=operator.centre_ids)).rows
    late = [r._replace(stage_deadline_at=now - timedelta(minutes=5 + n)) for n, r in enumerate(rows[:2])]
    soon = rows[5]._replace(priority=Priority.LOW, stage_deadline_at=now + timedelta(seconds=90))
    model = WallModel(now=clock.now)
    model.set_rows([*late, *rows[2:5], soon])
    qtmodeltester.check(model)
    model.tick()
    assert model.resort_due() == 0 and model.display_row_of(soon.id) > 2
    moves: list[int] = []
    model.rowsMoved.connect(lambda _p, start, _e, _d, _row: moves.append(start))
    clock.advance(seconds=91)
    model.tick()
    assert model.resort_due() == 1 and len(moves) == 1
    fresh = WallModel(now=clock.now)
    fresh.set_rows(model.all_rows())
    assert [r.id for r in model.visible_rows()] == [r.id for r in fresh.visible_rows()]
    assert model.display_row_of(soon.id) == 2  # overdue now, least late of the three: last among them
