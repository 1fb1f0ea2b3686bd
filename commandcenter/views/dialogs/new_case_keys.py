"""The new-case dialog's keyboard walk, apart from the form it walks.

Enter moves on like Tab in the order the form is laid out (`form_order`), and never opens the
map, presses a button or leaves the dialog; the category search and the address field drive
their lists with Up/Down and Enter; 1–4 set the priority. Only Ctrl+Enter saves and
Ctrl+Shift+Enter registers and dispatches (shortcuts on the dialog).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit

if TYPE_CHECKING:
    from .new_case import NewCaseDialog

    _Base = NewCaseDialog
else:
    _Base = QDialog


class FormKeys(_Base):
    """Mixed into NewCaseDialog: the event filter installed on its fields."""

    def _move_category(self, step: int) -> None:
        count = self.categoryList.count()
        if count == 0:
            return
        row = self.categoryList.currentRow()
        row = 0 if row < 0 else max(0, min(count - 1, row + step))
        self.categoryList.setCurrentRow(row)


    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        key, mods = event.key(), event.modifiers()
        plain_enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            mods & Qt.KeyboardModifier.ControlModifier)
        if watched is self.categorySearch:
            steps = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -5, Qt.Key.Key_PageDown: 5}
            if key in steps:
                self._move_category(steps[key])
                return True
            if plain_enter:  # on, chosen or not: saving names a missing category
                self.priorityCombo.setFocus()
                return True
        elif watched is self.priorityCombo:
            digits = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2, Qt.Key.Key_4: 3}
            if key in digits:
                self.priorityCombo.setCurrentIndex(digits[key])
                return True
            if plain_enter:
                self.focusNextChild()
                return True
        elif watched is self.location.addressEdit and self.location.suggestions_shown():
            steps = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -5, Qt.Key.Key_PageDown: 5}
            if key in steps:
                self.location.move_suggestion(steps[key])
                return True
            if key == Qt.Key.Key_Escape:  # closes the list, not the dialog
                self.location.hide_suggestions()
                return True
            if plain_enter:
                self.location.pick_current()  # fills the point and grid, then focus goes to the description
                return True
        elif plain_enter and isinstance(watched, QLineEdit):
            if watched in (self.location.lonEdit, self.location.latEdit):
                self.location.split_pair(watched)
            self.focusNextChild()  # Enter walks the form like Tab; only Ctrl+Enter saves
            return True
        elif plain_enter and watched in self.form_order():
            # on a list, a check box or "Pick on map" Enter goes on too: it never opens the map
            # nor presses a button (Space does)
            self.focusNextChild()
            return True
        return super().eventFilter(watched, event)
