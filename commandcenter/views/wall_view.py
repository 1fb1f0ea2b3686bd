"""The live wall: the screen an operator lives in for a whole shift.

Cases committed anywhere appear within a poll of the change feed, rows update in place, the
countdown ticks every second, and every action has a shortcut (F1 lists them). Writes run off
the GUI thread; the row returned by the service is applied at once, the feed confirms it.
The filter bar above the table is `WallFilterBar` (wall_filters), the escalation tab beside it
`EscalationPanel` (wall_escalations).

It opens in triage order on the open cases (itemmodels/wall); its layout is `WallLayout`'s
(wall_layout), urgent arrivals go to the seat's alert list (ctx.alerts, views/alerts).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..admin_labels import category_name
from ..domain.actions import Action
from ..domain.entities import Entity
from ..domain.enums import CaseStatus, Priority
from ..domain.lifecycle import allowed_on
from ..gui.context import AppContext
from ..gui.icons import icon
from ..gui.memory import settle_after_load
from ..gui.screens import ScreenSpec
from ..itemmodels.roles import ID_ROLE
from ..itemmodels.wall import TRIAGE, WallModel
from ..labels import action_label, describe_error
from ..services.alerts import AlertRouter, AlertSummary
from ..services.lifecycle import TransitionParams
from ..services.wall import WallScope, WallSnapshot
from ..shapes.cases import CaseDetail, CaseRow
from ..widgets.case_detail import CaseDetailPanel
from .alerts import AlertBanner, QtAlertSink
from .case_call_facts import wire_call_facts
from .case_reveal import wire_reveal
from .dialogs.action_params import ask_params
from .dialogs.dispatch import DispatchDialog
from .dialogs.new_case import NewCaseDialog
from .dialogs.shortcuts import ShortcutSheet
from .photo_panels import wire_photos
from .wall_escalations import EscalationPanel
from .wall_export import WallExport
from .wall_filters import WallFilterBar
from .wall_layout import WallLayout
from .wall_merge import confirm_and_merge, merge_pair
from .wall_referrals import WallReferralMarks
from .wall_shortcuts import CASE_SHORTCUTS
from .wall_warnings import WarningPanel

log = logging.getLogger(__name__)

# changed rows applied per turn of the event loop: a burst (an import, a reconnect after an
# outage) is put on the wall a slice at a time, so the screen keeps painting meanwhile
APPLY_BATCH_ROWS = 200

WAITING = (CaseStatus.REPORTED.value, CaseStatus.REGISTERED.value)


class WallView(QWidget):
    """Filter bar, the case table (objectName ``caseWall``), detail and escalation panels."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("wallScreen")
        self.scope = WallScope(centre_ids=ctx.principal.centre_ids)
        self.model = WallModel(now=ctx.db.clock.now, parent=self, timezone=ctx.principal.timezone)
        self.referral_marks = WallReferralMarks(ctx, self.model, self)  # the referral on a row: whence, why
        self._loading = False
        self._pending_ids: set[int] = set()
        self._fetching = False
        self._unapplied: list[CaseRow] = []  # fetched rows waiting for their slice
        self._change_id = 0
        self._detail_for: int | None = None
        self._build()
        self.retranslate_ui()
        self.alert_sink = QtAlertSink(ctx)
        self.alerts: AlertRouter[CaseRow] = AlertRouter(self.alert_sink, self._describe_alert, self._summarize_alerts)
        ctx.feed.changed.connect(self._on_feed_changed)
        ctx.bus.grid_filter_requested.connect(self.filters.filter_to_grid)
        ctx.bus.case_selected.connect(self.select_case)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()
        # alerts held back in a flood are summed up once the burst has settled
        self._flood_timer = QTimer(self, singleShot=True, interval=2000)
        self._flood_timer.timeout.connect(self._show_flood_summary)
        self.filters.load_reference_lists()
        self.layout_memory.restore()
        self.reload()
        self.escalation_panel.refresh()

    # ---- layout -----------------------------------------------------------------------
    def _build(self) -> None:
        self.filters = WallFilterBar(self.ctx)
        self.filters.changed.connect(self.apply_filter)
        self.filters.overdue_first.toggled.connect(self.model.set_overdue_first)
        self.filters.period_combo.currentIndexChanged.connect(self._period_changed)

        self.alert_banner = AlertBanner(self.ctx.alerts, self)
        self.alert_banner.case_requested.connect(self.select_case)

        self.table = QTableView(objectName="caseWall")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.horizontalHeader().setSortIndicator(TRIAGE, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # sorts by the indicator: the triage order
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.table.doubleClicked.connect(lambda _i: self.run_action(Action.DISPATCH))
        self.model.rowsAboutToBeInserted.connect(self._before_insert)
        self.model.rowsInserted.connect(self._after_insert)

        self.detail = CaseDetailPanel(now=self.ctx.db.clock.now, timezone=self.ctx.principal.timezone)
        wire_reveal(self.ctx, self.detail)
        wire_photos(self.ctx, self.detail)
        self.call_facts = wire_call_facts(self.ctx, self.detail)
        self.escalation_panel = EscalationPanel(self.ctx)
        self.escalation_panel.case_requested.connect(self.select_case)
        self.escalation_panel.listed.connect(self._escalations_listed)
        self.escalation_panel.failed.connect(self._show_error)
        self.warning_panel = WarningPanel(self.ctx)
        self.warning_panel.listed.connect(self._warnings_listed)
        self.toolbar = QToolBar(objectName="wallActions")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.new_action = QAction(icon("new_case"), "", self)
        self.new_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_action.triggered.connect(self.new_case)
        self.next_action = QAction(icon("filter"), "", self)
        self.next_action.setShortcut(QKeySequence("F5"))
        self.next_action.triggered.connect(self.select_next_waiting)
        for qa in (self.new_action, self.next_action):
            self.toolbar.addAction(qa)
            self.toolbar.widgetForAction(qa).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addSeparator()
        self.case_actions: dict[Action, QAction] = {}
        for action, shortcut in CASE_SHORTCUTS:
            qa = QAction(icon(action.value), "", self)
            qa.setShortcut(QKeySequence(shortcut))
            qa.triggered.connect(lambda _=False, a=action: self.run_action(a))
            self.case_actions[action] = qa
            # on the screen itself so the key works wherever the focus is on the wall; an action
            # the role may not perform keeps its shortcut, which answers with a clear refusal
            self.addAction(qa)
            if self.ctx.can(action):
                self.toolbar.addAction(qa)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(lambda: (self.filters.search.setFocus(), self.filters.search.selectAll()))
        self.clear_action = QAction(self)
        self.clear_action.setShortcut(QKeySequence("Ctrl+L"))
        self.clear_action.triggered.connect(self.filters.clear_filters)
        self.help_action = QAction(icon("help"), "", self)
        self.help_action.setShortcut(QKeySequence("F1"))
        self.help_action.triggered.connect(self.show_shortcuts)
        self.focus_action = QAction(self)
        self.focus_action.setShortcut(QKeySequence("Esc"))
        self.focus_action.triggered.connect(lambda: self.table.setFocus())
        for qa in (self.find_action, self.clear_action, self.focus_action, self.new_action, self.next_action,
                   self.help_action):
            self.addAction(qa)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.help_action)
        self.exporter = WallExport(self)
        self.toolbar.widgetForAction(self.help_action).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # the actions the current case allows, with their names and keys, above the detail
        self.action_strip = QWidget(objectName="caseActionStrip")
        self.action_grid = QGridLayout(self.action_strip)
        self.action_grid.setContentsMargins(0, 0, 0, 0)
        self.strip_buttons: dict[Action, QToolButton] = {}
        for action, qa in self.case_actions.items():
            if not self.ctx.can(action):
                continue
            button = QToolButton(self.action_strip)  # parented: a button not in the grid is no window
            button.setDefaultAction(qa)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.strip_buttons[action] = button
        for qa in [self.new_action, self.next_action, self.help_action, *self.case_actions.values()]:
            qa.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for qa in (self.find_action, self.clear_action, self.focus_action):
            qa.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        case_box = QWidget()
        case_layout = QVBoxLayout(case_box)
        case_layout.setContentsMargins(0, 4, 0, 0)
        case_layout.addWidget(self.action_strip)
        case_layout.addWidget(self.detail, 1)
        self.side = QTabWidget(objectName="wallSideTabs")
        self.side.addTab(case_box, icon("cases"), "")
        self.side.addTab(self.escalation_panel, icon("escalation"), "")
        self.side.addTab(self.warning_panel, icon("early_warning"), "")

        self.count_label = QLabel(objectName="wallCount")
        splitter = self.splitter = QSplitter(objectName="wallSplitter")
        splitter.addWidget(self.table)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1100, 300])  # the side panel at its narrowest (280) on a 1366 screen
        self.side.setMinimumWidth(280)
        self.layout_memory = WallLayout(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.alert_banner)
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count_label)

    # ---- language -----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.table.setAccessibleName(self.tr("Case wall"))
        self.new_action.setText(self.tr("New case"))
        self.new_action.setToolTip(self.tr("Register a hotline call (Ctrl+N)"))
        self.next_action.setText(self.tr("Next waiting"))
        self.next_action.setToolTip(self.tr("Select the next case waiting for registration or dispatch (F5)"))
        self.help_action.setText(self.tr("Shortcuts"))
        self.help_action.setToolTip(self.tr("Every keyboard shortcut (F1)"))
        self.exporter.retranslate_ui()
        for action, qa in self.case_actions.items():
            qa.setText(f"{action_label(action.value)}  ({qa.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
            qa.setToolTip(f"{action_label(action.value)} ({qa.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        self.side.setTabText(0, self.tr("Case"))
        self.side.setTabText(1, self.tr("Escalations"))
        self._warnings_listed(self.ctx.live_warnings.open_count())
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self._update_count()

    # ---- loading and live updates -----------------------------------------------------
    def reload(self) -> None:
        """Load the whole wall for the current scope off the GUI thread."""
        if self._loading:
            return
        self._loading = True
        wall, scope, principal = self.ctx.wall, self.scope, self.ctx.principal
        self.count_label.setText(self.tr("Loading the wall…"))
        self.ctx.runner.run_in_background(lambda _s: wall.load(principal, scope), self._loaded, self._load_failed)

    def _loaded(self, snapshot: WallSnapshot) -> None:
        self._loading = False
        selected = self.selected_case_ids()
        self.model.set_rows(snapshot.rows)
        settle_after_load()  # a full collection would walk every row: 310 ms with 82k
        self._change_id = snapshot.change_id
        self._restore_selection(selected)
        self._update_count()
        self._update_actions()
        if self._pending_ids:
            self._fetch_pending()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        self.count_label.setText(self.tr("Could not load the wall: {error}").format(error=describe_error(exc)))

    def _on_feed_changed(self, entity: str, ids: list) -> None:  # type: ignore[type-arg]
        if entity == Entity.ESCALATION:  # recorded by any seat's or the drill's scan
            self.escalation_panel.refresh_soon()
            return
        if entity != Entity.CASE:
            return
        self._pending_ids.update(ids)
        if not self._loading:
            self._fetch_pending()
        if self._detail_for in ids:
            self._load_detail(self._detail_for)

    def _fetch_pending(self) -> None:
        if self._fetching or not self._pending_ids:
            return
        ids, self._pending_ids = sorted(self._pending_ids), set()
        self._fetching = True
        wall, principal = self.ctx.wall, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: wall.rows(principal, ids), self._apply_fetched,
                                          self._fetch_failed)

    def _apply_fetched(self, rows: list[CaseRow]) -> None:
        self._unapplied = list(rows)
        self._apply_next_slice()

    def _apply_next_slice(self) -> None:
        """Apply the next slice of fetched rows; the next fetch waits until all are applied,
        so rows never arrive out of order."""
        batch, self._unapplied = self._unapplied[:APPLY_BATCH_ROWS], self._unapplied[APPLY_BATCH_ROWS:]
        self.apply_rows(batch)
        if self._unapplied:
            QTimer.singleShot(0, self, self._apply_next_slice)
            return
        self._fetching = False
        if self._pending_ids:
            self._fetch_pending()

    def _fetch_failed(self, exc: BaseException) -> None:
        self._fetching = False
        log.warning("could not fetch changed cases: %s", exc)

    def apply_rows(self, rows: list[CaseRow], from_feed: bool = True) -> None:
        now = self.ctx.db.clock.now()
        arrived = self.model.apply_rows(rows, lambda r: self.scope.contains(r, now), highlight_new=from_feed)
        for row in arrived:
            if row.priority == Priority.URGENT and row.status in WAITING:
                self._alert(row)
        self._update_count()
        self._update_actions()
        current = self.current_case()
        if current is not None and any(r.id == current.id for r in rows):
            self._load_detail(current.id)

    # ---- scroll position stays put when rows arrive above it --------------------------
    def _before_insert(self, _parent: QModelIndex, first: int, last: int) -> None:
        top = self.table.rowAt(0)
        self._scroll_fix = (self.table.verticalScrollBar().value() > 0 and top >= 0 and first <= top, last - first + 1)

    def _after_insert(self, *_args: object) -> None:
        fix, count = getattr(self, "_scroll_fix", (False, 0))
        if fix:
            bar = self.table.verticalScrollBar()
            bar.setValue(bar.value() + count * self.table.verticalHeader().defaultSectionSize())
        self._scroll_fix = (False, 0)

    # ---- alerts and escalations -------------------------------------------------------
    def _alert(self, row: CaseRow) -> None:
        self.alert_sink.case_id = row.id  # an individual alert is about this case
        decision = self.alerts.offer(row, self.ctx.db.clock.now())
        self.alert_sink.case_id = None  # a flood summary, later, is about none
        if not decision.individual:
            self._flood_timer_start()

    def _describe_alert(self, row: CaseRow) -> str:
        return self.tr("URGENT {number}: {category} — {place}").format(
            number=row.case_number, category=category_name(row.category_zh, row.category_en), place=f"{row.street_name} {row.community_name}")

    def _summarize_alerts(self, summary: AlertSummary[CaseRow]) -> str:
        return self.tr("Flood: {count} more urgent cases arrived — filter by Urgent to see them").format(
            count=summary.count)

    def _flood_timer_start(self) -> None:
        if not self._flood_timer.isActive():
            self._flood_timer.start()

    def _show_flood_summary(self) -> None:
        self.alerts.flush(self.ctx.db.clock.now())

    def _escalations_listed(self, n: int) -> None:
        self.side.setTabText(1, self.tr("Escalations ({n})").format(n=n) if n else self.tr("Escalations"))

    def _warnings_listed(self, n: int) -> None:
        self.side.setTabText(self.side.indexOf(self.warning_panel),
                             self.tr("Warnings ({n})").format(n=n) if n else self.tr("Warnings"))

    # ---- filters ------------------------------------------------------------------------
    def apply_filter(self) -> None:
        selected = self.selected_case_ids()
        self.model.set_filter(self.filters.current_filter())
        self._restore_selection(selected)
        self._update_count()
        self.layout_memory.changed()

    def scope_from_period(self) -> None:
        """What is loaded follows the period chosen (the open cases plus a day, or more days)."""
        days, now = self.filters.period_combo.currentData(), self.ctx.db.clock.now()
        self.scope = replace(self.scope, period_start=(now - timedelta(days=days)) if days else None, period_end=None)

    def _period_changed(self) -> None:
        self.scope_from_period()
        self.layout_memory.changed()
        self.reload()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("{shown} of {total} cases on the wall").format(
            shown=self.model.rowCount(), total=self.model.total_rows))

    # ---- selection ----------------------------------------------------------------------
    def selected_case_ids(self) -> list[int]:
        return [int(i.data(ID_ROLE)) for i in self.table.selectionModel().selectedRows()]

    def selected_rows(self) -> list[CaseRow]:
        rows = [self.model.row_at(i.row()) for i in self.table.selectionModel().selectedRows()]
        return rows

    def current_case(self) -> CaseRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(index.row())

    def _restore_selection(self, case_ids: list[int]) -> None:
        sel = self.table.selectionModel()
        for n, cid in enumerate(case_ids):
            row = self.model.display_row_of(cid)
            if row is None:
                continue
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            if n == 0:
                sel.setCurrentIndex(self.model.index(row, 0), flags)
            else:
                sel.select(self.model.index(row, 0), flags)

    def select_case(self, case_id: int) -> bool:
        row = self.model.display_row_of(case_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def select_next_waiting(self) -> None:
        """The next case waiting for us: urgent first, then the oldest."""
        candidates = [r for r in self.model.visible_rows() if r.status in WAITING]
        if not candidates:
            self.count_label.setText(self.tr("No case is waiting for registration or dispatch."))
            return
        best = min(candidates, key=lambda r: (list(Priority).index(Priority(r.priority)), r.reported_at, r.id))
        self.select_case(best.id)
        self.table.setFocus()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()
        if current.isValid():
            case_id = int(current.data(ID_ROLE))
            self._load_detail(case_id)
            self.ctx.bus.show_case_on_map.emit(case_id)
        else:
            self._detail_for = None
            self.detail.show_detail(None)

    def _load_detail(self, case_id: int) -> None:
        self._detail_for = case_id
        cases, principal = self.ctx.cases, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: cases.detail(principal, case_id), self._show_detail,
                                          lambda exc: log.warning("detail failed: %s", exc))

    def _show_detail(self, detail: CaseDetail) -> None:
        if detail.row.id == self._detail_for:
            self.detail.show_detail(detail)

    def _update_actions(self) -> None:
        rows = self.selected_rows()
        for action, qa in self.case_actions.items():
            qa.setEnabled(allowed_on(action, (CaseStatus(r.status) for r in rows)))
        if merge_pair(rows) is not None:  # two selected cases: one merges into the other
            self.case_actions[Action.MERGE].setEnabled(True)
        # the strip shows only what can be done now, two to a row
        while self.action_grid.count():
            self.action_grid.takeAt(0)
        shown = [b for a, b in self.strip_buttons.items() if self.case_actions[a].isEnabled()]
        for b in self.strip_buttons.values():
            b.setVisible(b in shown)
        for n, b in enumerate(shown):
            self.action_grid.addWidget(b, n // 2, n % 2)
        self.action_strip.setVisible(bool(shown))

    # ---- actions ------------------------------------------------------------------------
    def new_case(self) -> None:
        # not modal: the call-taker may pick the location on the map while the dialog stays open
        dialog = NewCaseDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.case_created.connect(self._case_created)
        dialog.show()

    def _back_to_wall(self) -> None:
        self.window().activateWindow()
        self.table.setFocus()

    def _case_created(self, row: CaseRow) -> None:
        """Back to the wall on the new case, so the next key (Ctrl+D) dispatches it."""
        self.apply_rows([row], from_feed=False)
        self.select_case(row.id)
        self.window().activateWindow()
        self.table.setFocus()

    def run_action(self, action: Action) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        if not self.ctx.can(action):
            QMessageBox.information(self, self.tr("Not allowed"), self.tr(
                "Your role may not do this: {action}.").format(action=action_label(action.value)))
            return
        if action is Action.MERGE and len(rows) == 2:
            confirm_and_merge(self, rows, self._perform, self._refetch)
            return
        if not allowed_on(action, (CaseStatus(r.status) for r in rows)):
            return
        if action in (Action.DISPATCH, Action.REASSIGN):
            dialog = DispatchDialog(self.ctx, rows, reassign=action is Action.REASSIGN, parent=self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.dispatched.connect(lambda done: self.apply_rows(list(done), from_feed=False))
            dialog.finished.connect(self._back_to_wall)
            dialog.open()
            return
        if len(rows) > 1 and action is Action.REGISTER:
            self._perform_many(action, rows)
            return
        row = rows[0]
        params = ask_params(self.ctx, action, row, self)
        if params is None:
            return
        self._perform(action, row, params)

    def _perform(self, action: Action, row: CaseRow, params: TransitionParams,
                 done: Callable[[CaseRow], None] | None = None) -> None:
        cases, actor = self.ctx.cases, self.ctx.principal
        self.ctx.runner.run_in_background(
            lambda _s: cases.perform(actor, row.id, action, params, expected_version=row.version),
            lambda updated: (self.apply_rows([updated], from_feed=False), done(updated) if done else None),
            lambda exc: self._action_failed(exc, row.id),
        )

    def _perform_many(self, action: Action, rows: list[CaseRow]) -> None:
        cases, actor = self.ctx.cases, self.ctx.principal
        items = [(r.id, r.version) for r in rows]

        def finished(result: tuple[list[CaseRow], list[tuple[int, Exception]]]) -> None:
            done, failed = result
            self.apply_rows(done, from_feed=False)
            if failed:
                self._show_error(failed[0][1])
                self._refetch([cid for cid, _ in failed])

        self.ctx.runner.run_in_background(lambda _s: cases.perform_many(actor, items, action), finished,
                                          self._show_error)

    def _action_failed(self, exc: BaseException, case_id: int) -> None:
        self._show_error(exc)
        self._refetch([case_id])

    def _refetch(self, ids: list[int]) -> None:
        self._pending_ids.update(ids)
        self._fetch_pending()

    def _show_error(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Not done"), describe_error(exc))

    def show_shortcuts(self) -> None:
        entries = [("Ctrl+N", self.tr("New case (hotline call)")),
                   ("F5", self.tr("Select the next waiting case")),
                   ("Ctrl+F", self.tr("Search")), ("Ctrl+L", self.tr("Clear filters")),
                   ("Esc", self.tr("Back to the case list"))]
        entries += [(sc, action_label(a.value)) for a, sc in CASE_SHORTCUTS]
        entries += [("F1", self.tr("This sheet"))]  # the screens' keys follow from the menus
        sheet = ShortcutSheet(entries, self)
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sheet.open()

    def save_layout(self) -> None:  # the main window calls it when it closes
        self.layout_memory.save()

    def _on_tick(self) -> None:
        self.model.tick()
        self.model.resort_due()


def _wall_title() -> str:
    return QCoreApplication.translate("screens", "Case wall")


SCREEN = ScreenSpec(key="wall", order=10, title=_wall_title, icon="wall", shortcut="Ctrl+1", factory=WallView)
