"""The correction dialog (更正): put right the category or the grid a call-taker picked wrongly.

The category is searched as in the new-case dialog (code, Chinese, English, pinyin initials);
the grid by code, name, pinyin initials, community or street, among the grids of the case's own
centre (a case in another centre's area is transferred, not corrected: the service says so).
Nothing chosen keeps what the case has; the reason is required (services.correction).
`CorrectionDialog.params()` gives the TransitionParams, usable without `exec()` in tests.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...admin_labels import category_name
from ...domain.actions import NOTE_MAX_CHARS, Action
from ...gui.context import AppContext
from ...gui.style import dialog_header, hint_style
from ...labels import action_label, describe_error
from ...services.correction import search_grids
from ...services.lifecycle import TransitionParams
from ...services.reference_lists import CategoryChoice, search_categories
from ...shapes.cases import CaseRow
from ...shapes.corrections import GridChoice
from .checked import CheckedDialog

CHOICE_ROLE = Qt.ItemDataRole.UserRole  # the CategoryChoice or GridChoice of a list item
_MOVES = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}


class CorrectionDialog(CheckedDialog):
    """A new category, a new grid or both for one case, and why."""

    def __init__(self, ctx: AppContext, row: CaseRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.row = ctx, row
        self._categories: tuple[CategoryChoice, ...] = ()
        self._grids: tuple[GridChoice, ...] = ()
        self.setObjectName("correctionDialog")
        self.setModal(True)
        layout = QVBoxLayout(self)
        header, self.titleLabel = dialog_header(Action.CORRECT.value, "correctionTitle")
        layout.addLayout(header)
        self.currentLabel = QLabel(objectName="correctionCurrent", wordWrap=True)
        self.currentLabel.setStyleSheet(hint_style())
        layout.addWidget(self.currentLabel)
        form = QGridLayout()
        self.categoryLabel, self.categorySearch, self.categoryList = self._picker(form, 0, "category")
        self.gridLabel, self.gridSearch, self.gridList = self._picker(form, 2, "grid")
        self.categorySearch.textChanged.connect(self._filter_categories)
        self.gridSearch.textChanged.connect(self._filter_grids)
        form.setColumnStretch(1, 1)
        layout.addLayout(form)
        self.chosenLabel = QLabel(objectName="correctionChosen", wordWrap=True)
        layout.addWidget(self.chosenLabel)
        for widget in (self.categoryList, self.gridList):
            widget.currentItemChanged.connect(self._render_chosen)
        self.add_note_field(layout)
        self.add_footer(layout)
        self.resize(560, 0)
        self.retranslate_ui()
        self.categorySearch.setFocus()
        reference, corrections, principal = ctx.reference, ctx.corrections, ctx.principal
        ctx.runner.run_in_background(
            lambda _s: (reference.categories(principal), corrections.grids(principal, row.id)),
            self._loaded, lambda exc: self.errorLabel.setText(describe_error(exc)))

    def _picker(self, form: QGridLayout, at: int, name: str) -> tuple[QLabel, QLineEdit, QListWidget]:
        """A search field over its list; Up and Down in the field move through the list."""
        label = QLabel(self)
        search = QLineEdit(self, objectName=f"{name}Search", clearButtonEnabled=True)
        search.installEventFilter(self)
        choices = QListWidget(self, objectName=f"{name}List")
        choices.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the search field drives it
        choices.setMaximumHeight(120)
        label.setBuddy(search)
        form.addWidget(label, at, 0)
        form.addWidget(search, at, 1)
        form.addWidget(choices, at + 1, 1)
        return label, search, choices

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in _MOVES:
            target = {self.categorySearch: self.categoryList, self.gridSearch: self.gridList}.get(watched)
            if target is not None and target.count():
                target.setCurrentRow(max(0, min(target.count() - 1, target.currentRow() + _MOVES[event.key()])))
                return True
        return super().eventFilter(watched, event)

    def _loaded(self, result: tuple[tuple[CategoryChoice, ...], tuple[GridChoice, ...]]) -> None:
        self._categories, self._grids = result
        self._filter_categories(self.categorySearch.text())
        self._filter_grids(self.gridSearch.text())

    # ---- the two lists ------------------------------------------------------------------
    def _fill(self, choices: QListWidget, items: list[tuple[str, object]], query: str) -> None:
        """The matches; with something typed the best one is chosen at once, else nothing is."""
        choices.blockSignals(True)
        choices.clear()
        for text, value in items:
            item = QListWidgetItem(text)
            item.setData(CHOICE_ROLE, value)
            choices.addItem(item)
        choices.blockSignals(False)
        choices.setCurrentRow(0 if query.strip() and items else -1)
        self._render_chosen()

    def _filter_categories(self, text: str) -> None:
        self._fill(self.categoryList, [(f"{c.code}   {category_name(c.name_zh, c.name_en)}", c)
                                       for c in search_categories(self._categories, text)], text)

    def _filter_grids(self, text: str) -> None:
        self._fill(self.gridList, [(f"{g.code}   {g.name}  ·  {g.community}", g)
                                   for g in search_grids(self._grids, text)], text)

    def chosen_category(self) -> CategoryChoice | None:
        item = self.categoryList.currentItem()
        return None if item is None or not item.isSelected() else item.data(CHOICE_ROLE)

    def chosen_grid(self) -> GridChoice | None:
        item = self.gridList.currentItem()
        return None if item is None or not item.isSelected() else item.data(CHOICE_ROLE)

    def _changes(self) -> tuple[CategoryChoice | None, GridChoice | None]:
        """What would change: a choice equal to what the case has is no change."""
        category, grid = self.chosen_category(), self.chosen_grid()
        return (None if category is None or category.id == self.row.category_id else category,
                None if grid is None or grid.id == self.row.grid_id else grid)

    def _render_chosen(self, *_args: object) -> None:
        category, grid = self._changes()
        lines = []
        if category is not None:
            lines.append(self.tr("Category: {old} → {new}").format(
                old=f"{self.row.category_code} {category_name(self.row.category_zh, self.row.category_en)}",
                new=f"{category.code} {category_name(category.name_zh, category.name_en)}"))
        if grid is not None:
            lines.append(self.tr("Grid: {old} → {new}").format(old=self.row.grid_code,
                                                                new=f"{grid.code} {grid.name}"))
        self.chosenLabel.setText("\n".join(lines) or self.tr("Nothing changes yet: search for the right category "
                                                             "or grid."))

    # ---- texts and checks ---------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        verb = action_label(Action.CORRECT.value)
        number = self.row.case_number
        self.setWindowTitle(self.tr("{action} — {case}").format(action=verb, case=number))
        self.titleLabel.setText(self.tr("{action}: case {case}").format(action=verb, case=number))
        self.currentLabel.setText(self.tr("Now: {category} · grid {grid} ({community}). The status stays; a new "
                                          "category's time limit applies to the running stage from its start.").format(
            category=f"{self.row.category_code} {category_name(self.row.category_zh, self.row.category_en)}",
            grid=self.row.grid_code, community=self.row.community_name))
        self.categoryLabel.setText(self.tr("New category"))
        self.gridLabel.setText(self.tr("New grid"))
        self.categorySearch.setPlaceholderText(self.tr("Code, name or pinyin initials; empty keeps it"))
        self.gridSearch.setPlaceholderText(self.tr("Grid code, name, community or street; empty keeps it"))
        self.noteLabel.setText(self.tr("Why is it corrected? *"))
        self.okButton.setText(self.tr("{action} (Ctrl+Enter)").format(action=verb))
        self._render_chosen()

    def problem(self) -> tuple[str, QWidget] | None:
        category, grid = self._changes()
        note = self.noteEdit.toPlainText().strip()
        if category is None and grid is None:
            return self.tr("Choose a category or a grid other than the case's."), self.categorySearch
        if not note:
            return self.tr("Say why: the reason is required here."), self.noteEdit
        return self.note_too_long(NOTE_MAX_CHARS)

    def params(self) -> TransitionParams | None:
        if self.problem() is not None:
            return None
        category, grid = self._changes()
        return TransitionParams(note=self.noteEdit.toPlainText().strip(),
                                category_id=category.id if category else None, grid_id=grid.id if grid else None)
