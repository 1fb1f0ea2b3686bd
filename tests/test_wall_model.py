"""The wall's item model: loads, filters, sorts with index lists, applies live rows in place."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView

from commandcenter.domain.actions import Action
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.services.dto import NewCase
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.services.wall import WallScope, load_wall, rows_by_ids
from commandcenter.widgets.wall_model import (
    CASE_ID_ROLE,
    COLUMN_INDEX,
    COLUMNS,
    TIME_LEFT,
    WallFilter,
    WallModel,
)

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


def test_default_order_is_newest_first_and_new_rows_go_on_top(db, city, operator, clock) -> None:  # type: ignore[no-untyped-def]
    svc, rows = make_cases(db, city, operator, clock)
    model, scope = loaded_model(db, operator)
    assert [model.row_at(i).id for i in range(6)] == [r.id for r in reversed(rows)]
    lon, lat = grid_centre(1)
    new = svc.report(operator, NewCase(source=SourceChannel.HOTLINE_12345, category_id=city.category_id,
                                       priority=Priority.HIGH, description="噪音扰民", lon=lon, lat=lat))
    arrived = model.apply_rows([new], lambda r: scope.contains(r, clock.now()))
    assert [r.id for r in arrived] == [new.id]
    assert model.row_at(0).id == new.id and model.rowCount() == 7


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
    assert view.currentIndex().data(CASE_ID_ROLE) == target.id
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
    for column in range(len(COLUMNS)):
        for newcomer in everything:
            live = WallModel(now=db.clock.now)
            live.set_rows([r for r in everything if r.id != newcomer.id])
            live.sort(column, order)
            live.apply_rows([newcomer], lambda _r: True)
            fresh = WallModel(now=db.clock.now)
            fresh.set_rows(everything)
            fresh.sort(column, order)
            assert [r.id for r in live.visible_rows()] == [r.id for r in fresh.visible_rows()], (column, order)
