"""The generic table model every screen's table is built on: keyed in-place updates that keep
the operator's place, rows that start to show land where the sort puts them, sorting and
filtering by index arrays, and every model passes qtmodeltester (the screens' own models are
checked with real rows in their screens' tests too)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QPersistentModelIndex, Qt

from commandcenter.itemmodels.base import RowTableModel
from commandcenter.itemmodels.briefing import IssuedModel
from commandcenter.itemmodels.handover import HandoverListModel, PendingItemsModel
from commandcenter.itemmodels.roles import ID_ROLE, ROW_ROLE
from commandcenter.itemmodels.roster import ShiftTableModel
from commandcenter.services.briefings import IssuedRow
from commandcenter.services.handover import HandoverListRow, ItemInput
from commandcenter.services.shifts import ShiftRow


@dataclass(frozen=True)
class Toy:
    id: int
    name: str
    size: int


class ToyModel(RowTableModel[Toy]):
    """Two columns, both sortable; shows only rows of at least `minimum` size."""

    COLUMN_COUNT = 2

    def __init__(self) -> None:
        super().__init__()
        self.minimum = 0

    def column_titles(self) -> tuple[str, ...]:
        return ("Name", "Size")

    def display(self, row: Toy, column: int) -> Any:
        return row.name if column == 0 else row.size

    def sort_key(self, column: int) -> Callable[[Toy], Any] | None:
        return (lambda r: r.name) if column == 0 else (lambda r: r.size)

    def row_filter(self) -> Callable[[Toy], bool] | None:
        return None if self.minimum == 0 else (lambda r: r.size >= self.minimum)


def shown(model: RowTableModel[Any]) -> list[Any]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def counting(model: RowTableModel[Any]) -> dict[str, int]:
    seen = {"reset": 0, "insert": 0, "remove": 0, "changed": 0}
    model.modelReset.connect(lambda: seen.__setitem__("reset", seen["reset"] + 1))
    model.rowsInserted.connect(lambda *_: seen.__setitem__("insert", seen["insert"] + 1))
    model.rowsRemoved.connect(lambda *_: seen.__setitem__("remove", seen["remove"] + 1))
    model.dataChanged.connect(lambda *_: seen.__setitem__("changed", seen["changed"] + 1))
    return seen


def test_generic_model_passes_qtmodeltester_through_every_change(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ToyModel()
    qtmodeltester.check(model)
    model.set_rows([Toy(1, "pear", 3), Toy(2, "apple", 5), Toy(3, "fig", 1)])
    model.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    model.upsert([Toy(4, "kiwi", 2), Toy(2, "apple", 9)])
    model.remove([1, 99])
    model.minimum = 2
    model.refilter()
    qtmodeltester.check(model)
    assert shown(model) == ["kiwi", "apple"]
    assert model.index(1, 0).data(ROW_ROLE) == Toy(2, "apple", 9) and model.index(1, 1).data(ID_ROLE) == 2


def test_changes_apply_in_place_and_new_rows_land_sorted() -> None:
    model = ToyModel()
    model.set_rows([Toy(1, "pear", 3), Toy(2, "apple", 5), Toy(3, "fig", 1)])
    model.sort(0, Qt.SortOrder.AscendingOrder)
    seen = counting(model)
    model.upsert([Toy(4, "banana", 2), Toy(5, "zucchini", 2), Toy(6, "cherry", 2)])
    assert shown(model) == ["apple", "banana", "cherry", "fig", "pear", "zucchini"]
    # a row already on screen stays where it is even when its sort key moves: no jump under the eye
    model.upsert([Toy(3, "aardvark", 1)])
    assert shown(model) == ["apple", "banana", "cherry", "aardvark", "pear", "zucchini"]
    model.upsert([Toy(3, "aardvark", 1)])  # the same row again changes nothing
    assert seen == {"reset": 0, "insert": 3, "remove": 0, "changed": 1}
    model.sort(0, Qt.SortOrder.DescendingOrder)
    model.upsert([Toy(7, "date", 4)])
    assert shown(model) == ["zucchini", "pear", "date", "cherry", "banana", "apple", "aardvark"]


def test_rows_that_start_to_match_the_filter_land_sorted_and_others_leave() -> None:
    model = ToyModel()
    model.minimum = 3
    model.set_rows([Toy(1, "pear", 3), Toy(2, "apple", 5), Toy(3, "fig", 1), Toy(4, "kiwi", 1)])
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert shown(model) == ["pear", "apple"]
    seen = counting(model)
    model.upsert([Toy(3, "fig", 4), Toy(2, "apple", 0), Toy(4, "kiwi", 9)])
    assert shown(model) == ["pear", "fig", "kiwi"]
    assert seen == {"reset": 0, "insert": 2, "remove": 1, "changed": 0}
    assert model.row_for(2) == Toy(2, "apple", 0) and model.display_row_of(2) is None


def test_removing_rows_keeps_every_other_row_findable() -> None:
    model = ToyModel()
    model.set_rows([Toy(n, f"row{n:02d}", n) for n in range(10)])
    model.sort(1, Qt.SortOrder.DescendingOrder)
    model.remove([2, 5, 7])
    assert [r.id for r in model.visible_rows()] == [9, 8, 6, 4, 3, 1, 0]
    assert all(model.row_at(model.display_row_of(r.id)) == r for r in model.all_rows())  # type: ignore[arg-type]
    model.upsert([Toy(6, "row06", 6), Toy(11, "row11", 5)])
    assert [r.id for r in model.visible_rows()] == [9, 8, 6, 11, 4, 3, 1, 0]
    assert model.total_rows == 8


def test_sorting_moves_the_selection_with_its_row() -> None:
    model = ToyModel()
    model.set_rows([Toy(1, "pear", 3), Toy(2, "apple", 5), Toy(3, "fig", 1)])
    held = QPersistentModelIndex(model.index(0, 1))  # pear
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert (held.row(), held.column(), held.data(ROW_ROLE).name) == (1, 1, "pear")


def test_shift_table_updates_the_same_shifts_in_place(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    day = ShiftRow(1, 1, "Day", "08:00", "20:00", "1234567", (1,), ("张伟",), (), ())
    night = ShiftRow(2, 1, "Night", "20:00", "08:00", "12345", (), (), (2,), ("李明",))
    model = ShiftTableModel()
    model.set_shifts([day, night])
    qtmodeltester.check(model)
    seen = counting(model)
    model.set_shifts([day, replace(night, officer_ids=(3,), officer_names=("李娜",))])
    assert seen["reset"] == 0 and model.index(1, 3).data() == 1
    assert model.index(1, 1).data() == "20:00–08:00 (+1 day)" and model.index(1, 2).data() == "Mon–Fri"
    model.set_shifts([night])
    assert seen["reset"] == 1 and model.row_of(2) == 0 and model.row_of(1) is None


def test_pending_items_are_edited_by_replacing_frozen_rows(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = PendingItemsModel()
    model.set_items([ItemInput("call back", "20261125-00001"), ItemInput("check the pump")], "Asia/Shanghai", False)
    qtmodeltester.check(model)
    edited: list[int] = []
    model.items_edited.connect(lambda: edited.append(1))
    assert model.setData(model.index(1, PendingItemsModel.DONE), Qt.CheckState.Checked.value,
                         Qt.ItemDataRole.CheckStateRole)
    assert model.setData(model.index(0, PendingItemsModel.TEXT), "  call the resident back ")
    assert not model.setData(model.index(0, PendingItemsModel.TEXT), "   ")  # an item needs words
    model.add_item(ItemInput("hand over the keys"))
    model.remove_item(0)
    qtmodeltester.check(model)
    assert model.items() == [ItemInput("check the pump", "", None, True), ItemInput("hand over the keys")]
    assert len(edited) == 4
    model.set_read_only(True)
    assert not model.setData(model.index(0, PendingItemsModel.TEXT), "changed")
    model.remove_item(0)
    assert model.rowCount() == 2


def test_lists_of_handovers_and_briefings_pass_qtmodeltester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    at = datetime(2026, 11, 25, 0, 30, tzinfo=UTC)
    handovers = HandoverListModel()
    handovers.set_handovers([HandoverListRow(7, date(2026, 11, 25), "Day", at, at, "signed", "王芳", at, "", None,
                                             4, "two calls\npending", 1, 2)], "Asia/Shanghai")
    qtmodeltester.check(handovers)
    assert handovers.index(0, HandoverListModel.SIGNED).data() == "11-25 08:30"
    assert handovers.index(0, HandoverListModel.SHIFT).data() == "Day (correction to #4)"
    assert handovers.row_of(7) == 0 and handovers.row_of(8) == -1
    issued = IssuedModel()
    issued.set_issued([IssuedRow(1, "daily", at, at, "en", at, "supervisor", "/tmp/b.pdf", "ab" * 32)],
                      "Asia/Shanghai")
    qtmodeltester.check(issued)
    assert issued.index(0, IssuedModel.ISSUED).data() == "2026-11-25 08:30"
