"""The Categories & time limits tab: categories with their Chinese and English names (left),
and the selected minor class's limit for each priority and stage (right).

Names need MANAGE_CATEGORIES, limits MANAGE_TIME_LIMITS; the tab shows what the principal
may change. A changed limit applies to stages that start afterwards.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...admin_labels import category_name
from ...domain.actions import Action
from ...gui.context import AppContext
from ...itemmodels.admin import CategoryTableModel, TimeLimitTableModel
from ...labels import priority_label, stage_label
from ...shapes.admin import CategoryRow, TimeLimitRow
from .base import AdminTab, FormDialog, make_table, open_dialog
from .dialogs import CategoryDialog, TimeLimitDialog


class CategoriesTab(AdminTab):
    """Categories and their time limits."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "adminCategories", parent)
        self.can_name = ctx.can(Action.MANAGE_CATEGORIES)
        self.can_limit = ctx.can(Action.MANAGE_TIME_LIMITS)
        self.model = CategoryTableModel(self)
        self.table = make_table("categoryTable", self.model)
        self.limits = TimeLimitTableModel(self)
        self.limit_table = make_table("timeLimitTable", self.limits)
        self.dialog: FormDialog | None = None
        self.new_button = QPushButton(objectName="newCategory")
        self.rename_button = QPushButton(objectName="renameCategory")
        self.limit_button = QPushButton(objectName="editTimeLimit")
        self.new_button.clicked.connect(self.new_category)
        self.rename_button.clicked.connect(self.rename_category)
        self.limit_button.clicked.connect(self.edit_limit)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._category_chosen())
        self.limit_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.limit_table.doubleClicked.connect(lambda _i: self.edit_limit())
        self.limit_title = QLabel(objectName="timeLimitTitle")
        self.limit_box = QGroupBox()
        right = QVBoxLayout(self.limit_box)
        right.addWidget(self.limit_title)
        right.addWidget(self.limit_table, 1)
        right.addWidget(self.limit_button)
        left = QVBoxLayout()
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.rename_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        left.addWidget(self.table, 1)
        panes = QHBoxLayout()
        panes.addLayout(left, 3)
        panes.addWidget(self.limit_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(panes, 1)
        layout.addWidget(self.message)
        self.new_button.setVisible(self.can_name)
        self.rename_button.setVisible(self.can_name)
        self.limit_box.setVisible(self.can_limit)
        self.retranslate_ui()
        self._update_buttons()

    def retranslate_ui(self) -> None:
        self.model.retranslate()
        self.limits.retranslate()
        self.new_button.setText(self.tr("New category…"))
        self.rename_button.setText(self.tr("Rename…"))
        self.limit_button.setText(self.tr("Edit time limit…"))
        self.limit_box.setTitle(self.tr("Time limits"))
        self._show_limit_title()

    def selected(self) -> CategoryRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_limit(self) -> TimeLimitRow | None:
        rows = self.limit_table.selectionModel().selectedRows()
        return self.limits.row_at(rows[0].row()) if rows else None

    def select(self, category_id: int) -> None:
        index = self.model.index_of(category_id)
        if index.isValid():
            self.table.selectRow(index.row())

    def _update_buttons(self) -> None:
        self.rename_button.setEnabled(self.selected() is not None)
        self.limit_button.setEnabled(self.selected_limit() is not None)

    def _show_limit_title(self) -> None:
        c = self.selected()
        if c is None or c.level != 2:
            self.limit_title.setText(self.tr("Choose a minor category to see its time limits."))
        else:
            self.limit_title.setText(self.tr("{code} {name}: changes apply to stages that start afterwards.").format(
                code=c.code, name=category_name(c.name_zh, c.name_en)))

    def _category_chosen(self) -> None:
        self._update_buttons()
        self._show_limit_title()
        c = self.selected()
        if not self.can_limit or c is None or c.level != 2:
            self.limits.set_rows([])
            self._update_buttons()
            return
        categories, p = self.ctx.admin.categories, self.ctx.principal
        self.run(lambda: categories.time_limits(p, c.id), self._limits_loaded)

    def _limits_loaded(self, rows: list[TimeLimitRow]) -> None:
        self.limits.set_rows(rows)
        self._update_buttons()

    def reload(self) -> None:
        categories, p = self.ctx.admin.categories, self.ctx.principal
        self.run(lambda: categories.rows(p), self._loaded)

    def _loaded(self, rows: list[CategoryRow]) -> None:
        if self.loaded:  # rows update in place, the selection stays
            self.model.upsert(rows)
            self._category_chosen()  # its limits may have changed too
        else:
            self.model.set_rows(rows)
        self.loaded = True
        self._update_buttons()

    def _saved(self, row: CategoryRow, text: str) -> None:
        self.model.upsert([row])
        if self.dialog is not None:
            self.dialog.accept()
        self.select(row.id)
        self.say(text)

    def new_category(self) -> None:
        categories, p = self.ctx.admin.categories, self.ctx.principal
        majors = [c for c in self.model.all_rows() if c.level == 1]
        dialog = self.dialog = CategoryDialog(majors, parent=self)
        chosen = self.selected()
        if chosen is not None:  # a new minor class under the chosen major (or beside the chosen minor)
            dialog.major.setCurrentIndex(max(0, dialog.major.findData(chosen.parent_id or chosen.id)))

        def send(v: dict[str, Any]) -> None:
            self.run(lambda: categories.add(p, v["parent_id"], v["code"], v["kind"], v["name_zh"], v["name_en"]),
                     lambda row: self._saved(row, self.tr("Category {code} added.").format(code=row.code)), dialog)

        open_dialog(dialog, send)

    def rename_category(self) -> None:
        category = self.selected()
        if category is None:
            return
        categories, p = self.ctx.admin.categories, self.ctx.principal
        dialog = self.dialog = CategoryDialog([], category, parent=self)

        def send(v: dict[str, Any]) -> None:
            self.run(lambda: categories.rename(p, category, v["name_zh"], v["name_en"]),
                     lambda row: self._saved(row, self.tr("Category {code} renamed.").format(code=row.code)), dialog)

        open_dialog(dialog, send)

    def edit_limit(self) -> None:
        limit = self.selected_limit()
        if limit is None:
            return
        categories, p = self.ctx.admin.categories, self.ctx.principal
        dialog = self.dialog = TimeLimitDialog(limit, parent=self)

        def send(v: dict[str, Any]) -> None:
            self.run(lambda: categories.set_time_limit(p, limit, v["minutes"], v["unit"]), self._limit_saved, dialog)

        open_dialog(dialog, send)

    def _limit_saved(self, row: TimeLimitRow) -> None:
        self.limits.upsert([row])
        if self.dialog is not None:
            self.dialog.accept()
        self.say(self.tr("{priority} · {stage}: {minutes} min from now on.").format(
            priority=priority_label(row.priority.value), stage=stage_label(row.stage.value), minutes=row.minutes))
