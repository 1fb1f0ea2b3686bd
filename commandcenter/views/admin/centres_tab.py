"""The Centres tab: command centres, their level, parent and time zone, and the name their
briefings and handover records carry (a rename shows on the next one printed)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...gui.context import AppContext
from ...itemmodels.admin import CentreTableModel
from ...shapes.admin import CentreRow
from .base import AdminTab, FormDialog, make_table, open_dialog
from .dialogs import CentreDialog
from .duplicate_rules import DuplicateRulesBox


class CentresTab(AdminTab):
    """Command centres; changes need MANAGE_CENTRES."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "adminCentres", parent)
        self.model = CentreTableModel(self)
        self.table = make_table("centreTable", self.model)
        self.dialog: FormDialog | None = None
        self.new_button = QPushButton(objectName="newCentre")
        self.edit_button = QPushButton(objectName="editCentre")
        self.new_button.clicked.connect(self.new_centre)
        self.edit_button.clicked.connect(self.edit_centre)
        self.table.doubleClicked.connect(lambda _i: self.edit_centre())
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.edit_button.setEnabled(self.selected() is not None))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.duplicate_rules = DuplicateRulesBox(ctx, self)  # intake's likely-duplicate rules (issue 14)
        layout.addWidget(self.duplicate_rules)
        layout.addWidget(self.message)
        self.edit_button.setEnabled(False)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.model.retranslate()
        self.new_button.setText(self.tr("New centre…"))
        self.edit_button.setText(self.tr("Edit…"))

    def selected(self) -> CentreRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def reload(self) -> None:
        centres, p = self.ctx.admin.centres, self.ctx.principal
        self.run(lambda: centres.rows(p), self._loaded)
        self.duplicate_rules.reload()

    def _loaded(self, rows: list[CentreRow]) -> None:
        if self.loaded:  # rows update in place, the selection stays
            self.model.upsert(rows)
        else:
            self.model.set_rows(rows)
        self.loaded = True

    def _saved(self, row: CentreRow, text: str) -> None:
        if self.dialog is not None:
            self.dialog.accept()
        self.say(text)
        self.reload()  # a rename shows in its children's parent column too

    def new_centre(self) -> None:
        centres, p = self.ctx.admin.centres, self.ctx.principal
        dialog = self.dialog = CentreDialog(self.model.all_rows(), parent=self)

        def send(v: dict[str, Any]) -> None:
            self.run(lambda: centres.add(p, v["code"], v["name"], v["level"], v["parent_id"], v["timezone"]),
                     lambda row: self._saved(row, self.tr("Centre {name} added.").format(name=row.name)), dialog)

        open_dialog(dialog, send)

    def edit_centre(self) -> None:
        centre = self.selected()
        if centre is None:
            return
        centres, p = self.ctx.admin.centres, self.ctx.principal
        dialog = self.dialog = CentreDialog(self.model.all_rows(), centre, parent=self)

        def send(v: dict[str, Any]) -> None:
            self.run(lambda: centres.edit(p, centre, name=v["name"], level=v["level"], parent_id=v["parent_id"],
                                          timezone=v["timezone"]),
                     lambda row: self._saved(row, self.tr("Centre {name} changed; its next briefing carries the "
                                                          "new name.").format(name=row.name)), dialog)

        open_dialog(dialog, send)
