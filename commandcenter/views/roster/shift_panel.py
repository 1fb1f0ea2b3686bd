"""The roster screen's shifts panel: define shifts, staff them, see who is on now and next.

A mixin of `RosterView`, not a widget of its own: its buttons act on the roster table's
selection and its changes refresh the roster's rows, and the screen keeps one set of object
names. Its texts keep the screen's translation context ("RosterView").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from ...gui.context import AppContext
from ...gui.icons import icon
from ...gui.localtime import zone
from ...itemmodels.roles import ROW_ROLE
from ...itemmodels.roster import (
    OfficerRosterModel,
    ShiftTableModel,
    day_names,
)
from ...labels import describe_error, role_label
from ...services.roster import OfficerRow
from ...services.shifts import (
    ShiftBoard,
    ShiftRow,
    UserOption,
)
from .shift_dialog import ShiftDialog

SHIFT_PANEL_WIDTH = 440
USER_ROLE = Qt.ItemDataRole.UserRole + 1  # (display name, role code) of a user in the combo, to reword


class ShiftPanel:
    """The shift methods of `RosterView` (which provides the attributes annotated here)."""

    ctx: AppContext
    can_manage: bool
    model: OfficerRosterModel
    table: QTableView
    shift_dialog: ShiftDialog | None
    _board: ShiftBoard | None
    _select_after_reload: int | None
    shifts_loaded: Signal
    show_message: Callable[..., None]
    refresh_officers: Callable[[Iterable[int]], None]
    selected_officers: Callable[[], list[OfficerRow]]
    _load_failed: Callable[[BaseException], None]

    def _build_shifts(self) -> None:
        self.shift_box = QGroupBox(objectName="shiftPanel")
        self.current_label = QLabel(objectName="currentShift")
        self.next_label = QLabel(objectName="nextShift")
        for label in (self.current_label, self.next_label):
            label.setWordWrap(True)
        self.shift_model = ShiftTableModel(self)
        self.shift_table = QTableView(objectName="shiftTable")
        self.shift_table.setModel(self.shift_model)
        self.shift_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.shift_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.shift_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.shift_table.verticalHeader().setVisible(False)
        shift_header = self.shift_table.horizontalHeader()
        shift_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a handful of rows
        shift_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.shift_box.setMinimumWidth(SHIFT_PANEL_WIDTH)
        self.shift_table.selectionModel().currentRowChanged.connect(lambda *_: self._show_members())
        self.shift_table.doubleClicked.connect(lambda *_: self.edit_shift())
        self.new_shift_button = QPushButton(objectName="newShift")
        self.edit_shift_button = QPushButton(objectName="editShift")
        self.delete_shift_button = QPushButton(objectName="deleteShift")
        self.assign_button = QPushButton(objectName="assignToShift")
        self.unassign_button = QPushButton(objectName="removeFromShift")
        self.user_combo = QComboBox(objectName="shiftUserChoice")
        self.add_user_button = QPushButton(objectName="addUserToShift")
        self.members = QListWidget(objectName="shiftMembers")
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.new_shift_button.clicked.connect(self.new_shift)
        self.edit_shift_button.clicked.connect(self.edit_shift)
        self.delete_shift_button.clicked.connect(self.delete_shift)
        self.assign_button.clicked.connect(self.assign_selected_officers)
        self.unassign_button.clicked.connect(self.remove_selected_members)
        self.add_user_button.clicked.connect(self.add_selected_user)
        self.members.itemSelectionChanged.connect(self._update_shift_buttons)
        self.members_label = QLabel()
        buttons = QHBoxLayout()
        for b in (self.new_shift_button, self.edit_shift_button, self.delete_shift_button):
            buttons.addWidget(b)
        users = QHBoxLayout()
        users.addWidget(self.user_combo, 1)
        users.addWidget(self.add_user_button)
        layout = QVBoxLayout(self.shift_box)
        layout.addWidget(self.current_label)
        layout.addWidget(self.next_label)
        layout.addWidget(self.shift_table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.members_label)
        layout.addWidget(self.members, 1)
        layout.addWidget(self.assign_button)
        layout.addWidget(self.unassign_button)
        layout.addLayout(users)
        self._update_shift_buttons()


    def _retranslate_shifts(self) -> None:
        self.shift_model.retranslate()
        self.shift_box.setTitle(QCoreApplication.translate("RosterView", "Shifts"))
        self.new_shift_button.setText(QCoreApplication.translate("RosterView", "New…"))
        self.edit_shift_button.setText(QCoreApplication.translate("RosterView", "Edit…"))
        self.delete_shift_button.setText(QCoreApplication.translate("RosterView", "Delete"))
        self.assign_button.setText(QCoreApplication.translate("RosterView", "Add selected officers to the shift"))
        self.unassign_button.setText(QCoreApplication.translate("RosterView", "Remove selected members"))
        self.add_user_button.setText(QCoreApplication.translate("RosterView", "Add operator"))
        self.user_combo.setToolTip(QCoreApplication.translate("RosterView", "Operators and supervisors who can work the shift"))
        for i in range(self.user_combo.count()):  # the role in the new language
            name, role = self.user_combo.itemData(i, USER_ROLE)
            self.user_combo.setItemText(i, f"{name} ({role_label(role)})")
        self._render_board()
        self._show_members()

    # ---- shifts -----------------------------------------------------------------------------------
    def reload_shifts(self) -> None:
        shifts, principal = self.ctx.shifts, self.ctx.principal

        def work(_s: Any) -> tuple[list[ShiftRow], ShiftBoard, list[UserOption]]:
            return shifts.rows(principal), shifts.board(principal), shifts.users(principal)

        self.ctx.runner.run_in_background(work, self._shifts_loaded, self._load_failed)

    def _shifts_loaded(self, result: tuple[list[ShiftRow], ShiftBoard, list[UserOption]]) -> None:
        shifts, board, users = result
        selected = self.current_shift()
        wanted = self._select_after_reload or (selected.id if selected is not None else None)
        self._select_after_reload = None
        running = {c.period.shift.id for c in board.current}
        shift_rolled = self._board is not None and running != {c.period.shift.id for c in self._board.current}
        self._board = board
        if shift_rolled:  # a shift began or ended: the "shift now" column changes for its members
            self.refresh_officers([r.id for r in self.model.all_rows()])
        self.shift_model.set_shifts(shifts)
        if wanted is not None:
            self.select_shift(wanted)
        self.user_combo.clear()
        for u in users:
            self.user_combo.addItem(f"{u.display_name} ({role_label(u.role)})", u.id)
            self.user_combo.setItemData(self.user_combo.count() - 1, (u.display_name, u.role), USER_ROLE)
        self._render_board()
        self._show_members()
        self.shifts_loaded.emit()

    def _render_board(self) -> None:
        board = self._board
        if board is None:
            self.current_label.setText(QCoreApplication.translate("RosterView", "Loading shifts…"))
            self.next_label.setText("")
            return
        if board.current:
            parts = [QCoreApplication.translate("RosterView", "{name} ({start}–{end}): {officers} officers, {operators} operators").format(
                name=c.period.shift.name, start=self._when(c.period.start), end=self._when(c.period.end),
                officers=len(c.officer_names), operators=len(c.user_names)) for c in board.current]
            self.current_label.setText(QCoreApplication.translate("RosterView", "On now: {shifts}").format(shifts="; ".join(parts)))
            self.current_label.setToolTip("\n".join(", ".join((*c.officer_names, *c.user_names))
                                                    for c in board.current))
        else:
            self.current_label.setText(QCoreApplication.translate("RosterView", "On now: no shift is running"))
            self.current_label.setToolTip("")
        if board.next is not None:
            n = board.next
            self.next_label.setText(QCoreApplication.translate("RosterView", "Next: {name} from {start} ({officers} officers, {operators} operators)")
                                    .format(name=n.period.shift.name, start=self._when(n.period.start, with_day=True),
                                            officers=len(n.officer_names), operators=len(n.user_names)))
            self.next_label.setToolTip(", ".join((*n.officer_names, *n.user_names)))
        else:
            self.next_label.setText(QCoreApplication.translate("RosterView", "Next: no shift defined"))

    def _when(self, instant: datetime, with_day: bool = False) -> str:
        tz = zone(self.ctx.principal.timezone)
        local = instant.astimezone(tz)
        text = local.strftime("%H:%M")
        if with_day and local.date() != self.ctx.db.clock.now().astimezone(tz).date():
            text = f"{day_names()[local.weekday()]} {text}"
        return text

    def current_shift(self) -> ShiftRow | None:
        index = self.shift_table.currentIndex()
        return self.shift_model.shift(index.row()) if index.isValid() else None

    def select_shift(self, shift_id: int) -> bool:
        row = self.shift_model.row_of(shift_id)
        if row is None:
            return False
        self.shift_table.selectRow(row)
        return True

    def _show_members(self) -> None:
        shift = self.current_shift()
        self.members.clear()
        if shift is None:
            self.members_label.setText(QCoreApplication.translate("RosterView", "Select a shift to see who works it"))
        else:
            self.members_label.setText(QCoreApplication.translate("RosterView", "Working {name}:").format(name=shift.name))
            for oid, name in zip(shift.officer_ids, shift.officer_names, strict=True):
                item = QListWidgetItem(icon("officer"), name)
                item.setData(ROW_ROLE, ("officer", oid))
                self.members.addItem(item)
            for uid, name in zip(shift.user_ids, shift.user_names, strict=True):
                item = QListWidgetItem(icon("user"), name)
                item.setData(ROW_ROLE, ("user", uid))
                self.members.addItem(item)
        self._update_shift_buttons()

    def _update_shift_buttons(self) -> None:
        shift = self.current_shift() if hasattr(self, "shift_table") else None
        self.new_shift_button.setEnabled(self.can_manage)
        for b in (self.edit_shift_button, self.delete_shift_button, self.add_user_button):
            b.setEnabled(self.can_manage and shift is not None)
        self.assign_button.setEnabled(self.can_manage and shift is not None
                                      and bool(self.table.selectionModel().selectedRows()))
        self.unassign_button.setEnabled(self.can_manage and bool(self.members.selectedItems()))

    def new_shift(self) -> None:
        self._open_shift_dialog(None)

    def edit_shift(self) -> None:
        shift = self.current_shift()
        if shift is not None and self.can_manage:
            self._open_shift_dialog(shift)

    def _open_shift_dialog(self, shift: ShiftRow | None) -> None:
        dialog = ShiftDialog(shift, self)
        dialog.accepted.connect(lambda: self.save_shift(dialog.values(), None if shift is None else shift.id))
        dialog.finished.connect(dialog.deleteLater)
        self.shift_dialog = dialog
        dialog.open()

    def save_shift(self, values: dict[str, Any], shift_id: int | None = None) -> None:
        shifts, principal = self.ctx.shifts, self.ctx.principal
        self._run_shift(lambda _s: shifts.save(principal, shift_id=shift_id, **values))

    def delete_shift(self) -> None:
        shift = self.current_shift()
        if shift is None:
            return
        shifts, principal = self.ctx.shifts, self.ctx.principal
        self._run_shift(lambda _s: shifts.delete(principal, shift.id))

    def assign_selected_officers(self) -> None:
        shift = self.current_shift()
        officers = [r.id for r in self.selected_officers()]
        if shift is None or not officers:
            return
        shifts, principal = self.ctx.shifts, self.ctx.principal
        self._run_shift(lambda _s: shifts.assign(principal, shift.id, officer_ids=officers))

    def add_selected_user(self) -> None:
        shift = self.current_shift()
        user_id = self.user_combo.currentData()
        if shift is None or user_id is None:
            return
        shifts, principal = self.ctx.shifts, self.ctx.principal
        self._run_shift(lambda _s: shifts.assign(principal, shift.id, user_ids=[int(user_id)]))

    def remove_selected_members(self) -> None:
        shift = self.current_shift()
        picked = [item.data(ROW_ROLE) for item in self.members.selectedItems()]
        if shift is None or not picked:
            return
        officers = [i for kind, i in picked if kind == "officer"]
        users = [i for kind, i in picked if kind == "user"]
        shifts, principal = self.ctx.shifts, self.ctx.principal
        self._run_shift(lambda _s: shifts.remove(principal, shift.id, officer_ids=officers, user_ids=users))

    def _run_shift(self, fn: Callable[[Any], Any]) -> None:
        def done(result: Any) -> None:
            if isinstance(result, ShiftRow):
                self.show_message(QCoreApplication.translate("RosterView", "Shift {name} saved").format(name=result.name))
                self._select_after_reload = result.id
            else:
                self.show_message(QCoreApplication.translate("RosterView", "Shift deleted"))
            self.reload_shifts()
            self.refresh_officers([r.id for r in self.model.all_rows()])

        self.ctx.runner.run_in_background(fn, done, lambda exc: self.show_message(describe_error(exc), error=True))
