"""Custom item-data roles shared by every table model, so a view or delegate asks any model the
same way ("the row behind this index", "its key") without knowing which model it holds."""

from __future__ import annotations

from PySide6.QtCore import Qt

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the frozen row behind an index
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's key (a database id)
PRIORITY_ROLE = Qt.ItemDataRole.UserRole + 3  # a case's priority value (the wall's delegate)
DUE_ROLE = Qt.ItemDataRole.UserRole + 4  # a case's DueState value
NEW_ROLE = Qt.ItemDataRole.UserRole + 5  # the case arrived on the wall moments ago
