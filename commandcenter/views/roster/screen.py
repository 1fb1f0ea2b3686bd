"""The officer roster screen: who is on duty, on which shift, where, and with how much work.

A `QTableView` (objectName ``officerRoster``) over `itemmodels.roster.OfficerRosterModel`,
which filters, sorts and applies another seat's edits in place, so selection and scroll
position survive them. Beside it the shifts panel (`shift_panel`): define shifts, staff them,
and see who is on now and next. Every database call runs through `ctx.runner`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...domain.actions import Action
from ...domain.entities import Entity
from ...errors import ImportRejected
from ...gui import settings
from ...gui.context import AppContext
from ...gui.deferred import RefreshWhenShown
from ...gui.icons import icon
from ...gui.memory import settle_after_load
from ...gui.screens import ScreenSpec
from ...gui.style import ON_DUTY_GREEN, error_text_style, text_style
from ...itemmodels.roster import ALL, DUTY_ORDER, Column, OfficerRosterModel, RosterFilter
from ...labels import describe_error, duty_label
from ...services.reference_lists import AreaTree
from ...services.roster import (
    DutyChangeResult,
    OfficerLoad,
    OfficerRow,
    StaleOfficer,
)
from ...services.shifts import ShiftBoard
from ..dialogs.import_refused import open_import_refused
from .officer_page import OfficerPageDialog
from .shift_dialog import ShiftDialog
from .shift_panel import SHIFT_PANEL_WIDTH, ShiftPanel

if TYPE_CHECKING:
    from ...services.imports import ImportResult

DUTY_SHORTCUTS: dict[str, str] = {"on_duty": "Alt+1", "in_field": "Alt+2", "off_duty": "Alt+3", "on_leave": "Alt+4"}
PAGE_SHORTCUT = "Ctrl+I"  # the selected officer's page ("information")
CASE_DEBOUNCE_MS = 400
# stale officers beyond this many are read again as a whole roster: replacing every row costs
# 2 ms where updating them one by one in place costs about 20 µs each (3,096 rows: 66 ms)
RELOAD_OVER = 400
AGE_REFRESH_MS = 30_000


# ---- the screen -----------------------------------------------------------------------------------
class RosterView(ShiftPanel, QWidget):
    """Filters, the roster table with duty-status actions, imports, and the shifts panel."""

    officers_loaded = Signal()
    duty_changed = Signal(int)  # an officer's duty status was changed from this seat
    shifts_loaded = Signal()
    import_finished = Signal(object)  # ImportResult or the exception

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("rosterScreen")
        self.can_manage = ctx.can(Action.MANAGE_ROSTER)
        self.can_import = ctx.can(Action.IMPORT_DATA)
        self._loading = False
        self._board: ShiftBoard | None = None
        self.shift_dialog: ShiftDialog | None = None
        self._select_after_reload: int | None = None
        # officers changed since they were last read: a drill moves up to 200 a second
        self._stale_officers: set[int] = set()
        self._refreshing = False
        self._tree: AreaTree | None = None
        self.import_message: QMessageBox | None = None

        self.model = OfficerRosterModel(now=ctx.db.clock.now, parent=self)
        self._build_filters()
        self._build_table()
        self._build_actions()
        self._build_shifts()
        self.message = QLabel(objectName="rosterMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self.filter_bar)
        left_layout.addWidget(self.toolbar)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.shift_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([1100, SHIFT_PANEL_WIDTH])
        settings.remember_splitter(splitter, settings.ROSTER_SPLITTER)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

        self._case_timer = QTimer(self, singleShot=True, interval=CASE_DEBOUNCE_MS)
        self._loads_refresh = RefreshWhenShown(self, self.refresh_loads)
        self._case_timer.timeout.connect(self._loads_refresh.request)
        self._officers_refresh = RefreshWhenShown(self, self._refresh_stale_officers)
        self._age_timer = QTimer(self, interval=AGE_REFRESH_MS)
        self._age_timer.timeout.connect(self._tick)
        self._age_timer.start()
        ctx.feed.changed.connect(self._on_changed)
        self.retranslate_ui()
        self.reload()
        self.reload_shifts()

    # ---- building -------------------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.search = QLineEdit(objectName="rosterSearch", clearButtonEnabled=True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.street_combo = QComboBox(objectName="rosterStreetFilter")
        self.community_combo = QComboBox(objectName="rosterCommunityFilter")
        self.status_combo = QComboBox(objectName="rosterStatusFilter")
        for combo in (self.street_combo, self.community_combo, self.status_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.search.textChanged.connect(self._apply_filter)
        self.street_combo.currentIndexChanged.connect(self._street_changed)
        self.community_combo.currentIndexChanged.connect(self._apply_filter)
        self.status_combo.currentIndexChanged.connect(self._apply_filter)
        self.filter_bar = QHBoxLayout()
        self.filter_bar.addWidget(self.search, 2)
        self.filter_bar.addWidget(self.street_combo, 1)
        self.filter_bar.addWidget(self.community_combo, 1)
        self.filter_bar.addWidget(self.status_combo)

    def _build_table(self) -> None:
        self.table = QTableView(objectName="officerRoster")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((Column.NAME, 90), (Column.EMPLOYEE_NO, 90), (Column.STATUS, 90),
                              (Column.SHIFT, 80), (Column.GRIDS, 230), (Column.AREA, 180), (Column.OPEN, 60),
                              (Column.OVERDUE, 70), (Column.POSITION, 150), (Column.LAST_SEEN, 80)):
            self.table.setColumnWidth(column, width)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.OPEN, Qt.SortOrder.DescendingOrder)  # who carries the most work
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.count_label = QLabel(objectName="rosterCount")

    def _build_actions(self) -> None:
        self.toolbar = QToolBar(objectName="rosterActions")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.duty_actions: dict[str, QAction] = {}
        for status in DUTY_ORDER:
            action = QAction(self)
            action.setObjectName(f"setDuty_{status}")
            action.setShortcut(QKeySequence(DUTY_SHORTCUTS[status]))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, s=status: self.set_duty_status(s))
            self.addAction(action)
            self.toolbar.addAction(action)
            self.duty_actions[status] = action
        self.toolbar.addSeparator()
        self.import_officers_action = QAction(icon("officer"), "", self)
        self.import_officers_action.setObjectName("importOfficers")
        self.import_officers_action.triggered.connect(lambda: self._choose_and_import("officers"))
        self.import_departments_action = QAction(icon("department"), "", self)
        self.import_departments_action.setObjectName("importDepartments")
        self.import_departments_action.triggered.connect(lambda: self._choose_and_import("departments"))
        for action in (self.import_officers_action, self.import_departments_action):
            action.setEnabled(self.can_import)
            self.toolbar.addAction(action)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_action.triggered.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        self.clear_action = QAction(self)
        self.clear_action.setShortcut(QKeySequence("Ctrl+L"))
        self.clear_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.clear_action.triggered.connect(self.clear_filters)
        self.page_action = QAction(icon("officer"), "", self)
        self.page_action.setObjectName("officerPageAction")
        self.page_action.setShortcut(QKeySequence(PAGE_SHORTCUT))
        self.page_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.page_action.triggered.connect(lambda: self.open_officer_page())
        self.table.activated.connect(lambda index: self.open_officer_page(self.model.row_at(index.row()).id))
        self.toolbar.addAction(self.page_action)
        self.addActions([self.find_action, self.clear_action, self.page_action])
        self._update_actions()

    # ---- language ---------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr("Search name, pinyin initials or employee no. (Ctrl+F)"))
        self.table.setAccessibleName(self.tr("Officer roster"))
        self.search.setAccessibleName(self.tr("Search officers"))
        for status, action in self.duty_actions.items():
            action.setText(duty_label(status))
            action.setToolTip(self.tr("Set the selected officers {status} ({keys})").format(
                status=duty_label(status), keys=DUTY_SHORTCUTS[status]))
        self.page_action.setText(self.tr("Officer page…"))
        self.page_action.setToolTip(self.tr("The selected officer's grids, open cases and history ({keys}, "
                                            "Enter or double-click)").format(keys=PAGE_SHORTCUT))
        self.import_officers_action.setText(self.tr("Import officers…"))
        self.import_departments_action.setText(self.tr("Import departments…"))
        no_right = "" if self.can_import else self.tr(" — needs the import permission (administrators)")
        self.import_officers_action.setToolTip(
            self.tr("Officers from CSV: employee_no,name,phone,grid_codes,duty_status") + no_right)
        self.import_departments_action.setToolTip(
            self.tr("Departments from CSV: code,name,phone,category_codes") + no_right)
        self._fill_status_combo()
        self._fill_area_combos()
        self.model.retranslate()
        self._retranslate_shifts()
        self._render_count()

    # ---- loading ----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the whole roster again (first load, after an import, many officers changed)."""
        if self._loading:
            return
        self._loading = True
        self._stale_officers.clear()  # the whole roster is read now
        ctx, principal = self.ctx, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: (ctx.roster.rows(principal), ctx.reference.areas(principal)),
                                          self._rows_loaded, self._load_failed)

    def _rows_loaded(self, result: tuple[list[OfficerRow], AreaTree]) -> None:
        self._loading = False
        rows, self._tree = result
        selected = [r.id for r in self.selected_officers()]
        self.model.set_rows(rows)
        settle_after_load()  # 3,096 officers the garbage collector need not walk again
        self._reselect(selected)
        self._fill_area_combos()
        self._render_count()
        self.officers_loaded.emit()
        self._refresh_if_stale()

    def _reselect(self, officer_ids: list[int]) -> None:
        """After a whole reload, select again the officers that were selected before it."""
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        indexes = [i for i in map(self.model.index_of, officer_ids) if i.isValid()]
        for index in indexes:
            self.table.selectionModel().select(index, flags)
        if indexes:
            self.table.scrollTo(indexes[0])

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = self._refreshing = False
        self.show_message(self.tr("Could not read the roster: {error}").format(error=describe_error(exc)), error=True)

    def refresh_officers(self, ids: Iterable[int]) -> None:
        """Re-read some officers and apply them in place (a live change).

        While the screen is hidden the officers are only remembered and read once it shows; one
        read runs at a time, and the changes arriving meanwhile are read together after it.
        """
        self._stale_officers.update(ids)
        if self._stale_officers:
            self._officers_refresh.request()

    def _refresh_stale_officers(self) -> None:
        if self._refreshing or self._loading or not self._stale_officers:
            return  # the read running now asks again when it ends
        if len(self._stale_officers) > RELOAD_OVER:
            self.reload()
            return
        wanted, self._stale_officers = self._stale_officers, set()
        self._refreshing = True
        officers, principal = self.ctx.roster, self.ctx.principal
        self.ctx.runner.run_in_background(
            lambda _s: (wanted, officers.rows(principal, wanted)), self._officers_refreshed, self._load_failed)

    def _officers_refreshed(self, result: tuple[set[int], list[OfficerRow]]) -> None:
        self._refreshing = False
        wanted, rows = result
        self.model.apply_rows(rows, removed=wanted - {r.id for r in rows})
        self._render_count()
        self._refresh_if_stale()

    def _refresh_if_stale(self) -> None:
        if self._stale_officers:
            self._officers_refresh.request()

    def refresh_loads(self) -> None:
        officers, principal = self.ctx.roster, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: officers.loads(principal), self._loads_ready, self._load_failed)

    def _loads_ready(self, loads: dict[int, OfficerLoad]) -> None:
        self.model.apply_loads(loads)

    def _on_changed(self, entity: str, ids: list) -> None:  # type: ignore[type-arg]
        if entity == Entity.OFFICER:
            self.refresh_officers(ids)
        elif entity == Entity.CASE:
            self._case_timer.start()  # many case changes arrive together: count once
        elif entity == Entity.SHIFT:
            self.reload_shifts()
            self.refresh_officers([r.id for r in self.model.all_rows()])

    def _tick(self) -> None:
        self.model.refresh_ages()
        self.reload_shifts()

    # ---- filters ----------------------------------------------------------------------------------
    def _fill_status_combo(self) -> None:
        current = self.status_combo.currentData()
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        self.status_combo.addItem(self.tr("All statuses"), "")
        for status in DUTY_ORDER:
            self.status_combo.addItem(duty_label(status), status)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(current or "")))
        self.status_combo.blockSignals(False)

    def _fill_area_combos(self) -> None:
        street = self.street_combo.currentData()
        self.street_combo.blockSignals(True)
        self.street_combo.clear()
        self.street_combo.addItem(self.tr("All streets"), ALL)
        for node in self._tree.streets if self._tree else ():
            self.street_combo.addItem(node.name, node.id)
        self.street_combo.setCurrentIndex(max(0, self.street_combo.findData(street if street is not None else ALL)))
        self.street_combo.blockSignals(False)
        self._fill_communities()

    def _fill_communities(self) -> None:
        street = self.street_combo.currentData()
        current = self.community_combo.currentData()
        self.community_combo.blockSignals(True)
        self.community_combo.clear()
        self.community_combo.addItem(self.tr("All communities"), ALL)
        for node in self._tree.streets if self._tree else ():
            if street in (None, ALL) or node.id == street:
                for community in node.communities:
                    self.community_combo.addItem(community.name, community.id)
        self.community_combo.setCurrentIndex(max(0, self.community_combo.findData(current if current is not None
                                                                                  else ALL)))
        self.community_combo.blockSignals(False)

    def _street_changed(self) -> None:
        self._fill_communities()
        self._apply_filter()

    def _apply_filter(self) -> None:
        street = self.street_combo.currentData()
        community = self.community_combo.currentData()
        self.model.set_filter(RosterFilter(
            street_id=ALL if street is None else int(street),
            community_id=ALL if community is None else int(community),
            status=self.status_combo.currentData() or "",
            text=self.search.text(),
        ))
        self._render_count()
        self._update_actions()

    def clear_filters(self) -> None:
        for combo in (self.street_combo, self.community_combo, self.status_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._fill_communities()
        self.search.clear()
        self._apply_filter()

    def _render_count(self) -> None:
        rows = self.model.all_rows()
        by_status = {s: 0 for s in DUTY_ORDER}
        for r in rows:
            by_status[r.duty_status] = by_status.get(r.duty_status, 0) + 1
        self.count_label.setText(self.tr(
            "Showing {shown} of {total} officers · {on} on duty · {field} in the field · {off} off duty · "
            "{leave} on leave").format(shown=self.model.rowCount(), total=len(rows), on=by_status["on_duty"],
                                       field=by_status["in_field"], off=by_status["off_duty"],
                                       leave=by_status["on_leave"]))

    # ---- duty status ------------------------------------------------------------------------------
    def selected_officers(self) -> list[OfficerRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows]

    def select_officer(self, officer_id: int) -> bool:
        index = self.model.index_of(officer_id)
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _update_actions(self) -> None:
        has = bool(self.table.selectionModel().selectedRows()) if self.table.selectionModel() else False
        for action in self.duty_actions.values():
            action.setEnabled(self.can_manage and has)
        self.page_action.setEnabled(has)
        if hasattr(self, "assign_button"):
            self._update_shift_buttons()

    def _context_menu(self, pos: Any) -> None:
        if not self.table.indexAt(pos).isValid():
            return
        menu = QMenu(self)
        menu.addAction(self.page_action)
        menu.addSeparator()
        for action in self.duty_actions.values():
            menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def open_officer_page(self, officer_id: int | None = None) -> OfficerPageDialog | None:
        """The page of `officer_id` (default: the first selected officer), non-modal."""
        if officer_id is None:
            selected = self.selected_officers()
            if not selected:
                return None
            officer_id = selected[0].id
        page = OfficerPageDialog(self.ctx, officer_id, self)
        page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        page.show()
        return page

    def set_duty_status(self, status: str, officers: Sequence[OfficerRow] | None = None) -> None:
        """Change the duty status of the selected (or given) officers, each under its own lock."""
        targets = list(officers if officers is not None else self.selected_officers())
        if not targets or not self.can_manage:
            return
        officers, principal = self.ctx.roster, self.ctx.principal
        shown = [(r.id, r.version) for r in targets]
        names = {r.id: r.name for r in targets}
        self.ctx.runner.run_in_background(lambda _s: (names, officers.set_duty_statuses(principal, shown, status)),
                                          self._duty_done, self._duty_failed)

    def _duty_done(self, result: tuple[dict[int, str], DutyChangeResult]) -> None:
        names, change = result
        done = list(change.done)
        self.model.apply_rows(done)
        self._render_count()
        for r in done:
            self.duty_changed.emit(r.id)
        if change.failed:
            self.show_message("\n".join(self._describe(names[oid], exc) for oid, exc in change.failed), error=True)
            self.refresh_officers([oid for oid, _ in change.failed])
        elif done:
            shown = ", ".join(r.name for r in done[:5]) + ("…" if len(done) > 5 else "")
            self.show_message(self.tr("{names}: now {status}").format(names=shown,
                                                                     status=duty_label(done[0].duty_status)))

    def _duty_failed(self, exc: BaseException) -> None:
        self.show_message(describe_error(exc), error=True)

    def _describe(self, name: str, exc: BaseException) -> str:
        if isinstance(exc, StaleOfficer):
            return self.tr("{name} was changed at another seat (now {status}). Nothing was changed here; "
                           "the row has been reloaded, check it and try again.").format(
                name=name, status=duty_label(exc.duty_status))
        return f"{name}: {describe_error(exc)}"

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(error_text_style() if error else text_style(ON_DUTY_GREEN))

    # ---- imports ----------------------------------------------------------------------------------
    def _choose_and_import(self, kind: str) -> None:
        title = self.tr("Import officers") if kind == "officers" else self.tr("Import departments")
        path, _ = QFileDialog.getOpenFileName(self, title, "", self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if path:
            self.import_file(kind, path)

    def import_file(self, kind: str, path: str | Path) -> None:
        """Import officers or departments from a CSV file off the GUI thread."""
        imports, principal = self.ctx.imports, self.ctx.principal
        importer = {"officers": imports.officers, "departments": imports.departments}[kind]
        self.show_message(self.tr("Importing {file}…").format(file=Path(path).name))
        for action in (self.import_officers_action, self.import_departments_action):
            action.setEnabled(False)
        self.ctx.runner.run_in_background(lambda _s: importer(principal, path), self._imported, self._import_failed)

    def _imported(self, result: ImportResult) -> None:
        self._enable_imports()
        what = self.tr("officers") if result.kind == "officers" else self.tr("departments")
        self.show_message(self.tr("Imported {what} from {file} ({encoding}): {created} created, {updated} updated, "
                                  "{unchanged} unchanged").format(
            what=what, file=Path(result.path).name, encoding=result.encoding, created=result.created,
            updated=result.updated, unchanged=result.unchanged))
        if result.kind == "officers":
            self.reload()
        self.import_finished.emit(result)

    def _import_failed(self, exc: BaseException) -> None:
        self._enable_imports()
        if isinstance(exc, ImportRejected):
            self.import_message, summary = open_import_refused(self, exc)
            self.show_message(summary, error=True)
        else:
            self.show_message(describe_error(exc), error=True)
        self.import_finished.emit(exc)

    def _enable_imports(self) -> None:
        for action in (self.import_officers_action, self.import_departments_action):
            action.setEnabled(self.can_import)


def _screen_title() -> str:

    return QCoreApplication.translate("RosterView", "Roster")


SCREEN = ScreenSpec(key="roster", order=20, title=_screen_title, icon="roster", shortcut="Ctrl+3", factory=RosterView)
