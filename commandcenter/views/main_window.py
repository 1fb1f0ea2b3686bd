"""The main window: navigation between screens, the signed-in user, live counts, language.

Only the first screen is built before the window first paints; the others are built once its
data has arrived (or at once when asked for), and the status-bar counts start then too:
together they delayed the wall's first page by over a second. The counts are of open cases
only (an index search) and are refreshed at most every ten seconds while cases change, never
two at once: a drill changes cases every second.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from .. import __version__, i18n
from ..db import maintain
from ..domain.actions import Action
from ..domain.entities import Entity
from ..gui import settings, translator
from ..gui.context import AppContext
from ..gui.icons import icon
from ..gui.style import error_style, ok_style, warning_style
from ..labels import role_label
from ..paths import log_dir
from .alerts import AlertCountButton
from .display_menu import DisplayActions, apply_saved_display
from .open311_files import Open311Files
from .outage_banner import OutageBanner, with_banner
from .signin import ChangePasswordDialog, IdleLock
from .status_clock import StatusClock

if TYPE_CHECKING:
    from ..services.info import LiveCounts

log = logging.getLogger(__name__)

# planner statistics are refreshed off the GUI thread this often (and once soon after start)
MAINTENANCE_EVERY_MS = 30 * 60_000
MAINTENANCE_FIRST_MS = 10_000
# after the first show: how often to look whether the first screen's loads have finished, and
# how long to wait for them at most before building the other screens anyway
SETTLE_POLL_MS = 50
SETTLE_MAX_MS = 3000
# overdue counts move with time, not only with changes: refresh this often anyway
COUNTS_EVERY_MS = 30_000
# after a change, the counts wait this long, so a drill's changes cost one refresh per period
COUNTS_AFTER_CHANGE_MS = 10_000


class MainWindow(QMainWindow):
    """Hosts the screens (wall, roster, map, handover, briefing) registered with `add_screen`."""

    # emitted on a worker thread when a write starts or stops waiting for another writer
    write_wait_changed = Signal(bool)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        apply_saved_display()  # the remembered theme and font size, before anything paints
        self.resize(1440, 900)
        self._titles: dict[str, Callable[[], str]] = {}
        self._keys: list[str] = []
        self._unbuilt: dict[str, Callable[[], QWidget]] = {}  # key → factory, until first needed
        self.nav = QListWidget()
        self.nav.setObjectName("screenNavigation")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setFixedWidth(150)
        self.nav.currentRowChanged.connect(self._show_row)
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.stack = QStackedWidget()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.outage_banner = OutageBanner(ctx.feed, ctx.db.clock.now, ctx.principal.timezone)
        self.setCentralWidget(with_banner(self.outage_banner, central))

        self.user_label = QLabel()
        self.user_label.setObjectName("signedInUser")
        self.counts_label = QLabel()
        self.counts_label.setObjectName("liveCounts")
        self.connection_label = QLabel()
        self.calendar_label = QLabel(objectName="calendarWarning")
        self.calendar_label.setStyleSheet(warning_style())
        self.calendar_label.setVisible(False)
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addWidget(self.counts_label, 1)
        # the counts take the room left (clipped rather than widening the window past a 1366 screen)
        self.counts_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.write_wait_label = QLabel(objectName="writeWait")
        self.write_wait_label.setStyleSheet(warning_style())
        self.write_wait_label.setVisible(False)
        self.statusBar().addPermanentWidget(self.write_wait_label)
        self.statusBar().addPermanentWidget(self.calendar_label)
        self.statusBar().addPermanentWidget(self.connection_label)
        self.alert_count = AlertCountButton(ctx.alerts, ctx.principal.timezone, self)
        self.alert_count.case_requested.connect(self._alert_case_requested)
        self.statusBar().addPermanentWidget(self.alert_count)
        self.clock = StatusClock(ctx.db.clock.now, ctx.principal.timezone, self)
        self.statusBar().addPermanentWidget(self.clock)

        self._build_menus()
        self.signed_out = False  # closed by "Sign out": the application asks who signs in next
        self.idle_lock = IdleLock(self, ctx, settings.IDLE_LOCK_MINUTES.get() * 60_000)
        self.idle_lock.screen.sign_out_requested.connect(self.sign_out)
        self._info: LiveCounts | None = None
        self._counts_pending = False
        ctx.feed.changed.connect(self._on_changed)
        ctx.bus.screen_requested.connect(self._screen_requested)
        ctx.feed.connection_lost.connect(self._on_connection_lost)
        ctx.feed.connection_restored.connect(self._on_connection_restored)
        ctx.feed.resync_needed.connect(self._reload_screens)
        self._counts_timer = QTimer(self, interval=COUNTS_EVERY_MS)
        self._counts_timer.timeout.connect(self.refresh_counts)
        self._counts_timer.start()
        self._counts_soon = QTimer(self, singleShot=True, interval=COUNTS_AFTER_CHANGE_MS)
        self._counts_soon.timeout.connect(self.refresh_counts)
        self.write_wait_changed.connect(self.write_wait_label.setVisible)
        self._write_wait_listener = self.write_wait_changed.emit
        ctx.db.busy_listeners.append(self._write_wait_listener)
        self._maintenance_timer = QTimer(self, interval=MAINTENANCE_EVERY_MS)
        self._maintenance_timer.timeout.connect(self.maintain_database)
        self._maintenance_timer.start()
        QTimer.singleShot(MAINTENANCE_FIRST_MS, self, self.maintain_database)
        self._settle_timer = QTimer(self, interval=SETTLE_POLL_MS)
        self._settle_timer.timeout.connect(self._settle)
        self._settle_started: float | None = None
        self._idle_polls = 0
        self.retranslate_ui()

    # ---- screens ----------------------------------------------------------------------
    def add_screen(self, key: str, widget: QWidget | Callable[[], QWidget], title: Callable[[], str],
                   icon_name: str, shortcut: str | None = None) -> None:
        """Register a screen; `title` is called again on every language change.

        Given a factory instead of a widget, the screen is built when it is first shown or asked
        for, or soon after the first screen has loaded, whichever comes first.
        """
        self._keys.append(key)
        self._titles[key] = title
        if isinstance(widget, QWidget):
            self.stack.addWidget(widget)
        else:
            self._unbuilt[key] = widget
            self.stack.addWidget(QWidget())  # stands in until built
        item = QListWidgetItem(icon(icon_name), title())
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.nav.addItem(item)
        # every screen in View → Go to screen, so its key shows in a menu (and on the F1 sheet)
        action = QAction(icon(icon_name), title(), self)
        action.triggered.connect(lambda _=False, k=key: self.show_screen(k))
        self.screens_menu.addAction(action)
        self._screen_actions[key] = action
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            self.addAction(action)
            item.setToolTip(shortcut)
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)

    def screen(self, key: str) -> QWidget:
        self._build(key)
        return self.stack.widget(self._keys.index(key))

    def _build(self, key: str) -> None:
        factory = self._unbuilt.pop(key, None)
        if factory is None:
            return
        index = self._keys.index(key)
        stand_in = self.stack.widget(index)
        self.stack.insertWidget(index, factory())
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._settle_started is None:
            self._settle_started = time.monotonic()
            self._settle_timer.start()

    def _settle(self) -> None:
        """Once the first screen's background loads are done (two quiet polls running), start the
        counts and build the other screens, one per turn of the event loop."""
        waited_ms = (time.monotonic() - (self._settle_started or 0.0)) * 1000
        self._idle_polls = 0 if self.ctx.runner.pool.activeThreadCount() else self._idle_polls + 1
        if self._idle_polls < 2 and waited_ms < SETTLE_MAX_MS:
            return
        self._settle_timer.stop()
        self.refresh_counts()
        self._build_next()

    def _build_next(self) -> None:
        if self._unbuilt:
            self._build(next(iter(self._unbuilt)))
            QTimer.singleShot(0, self, self._build_next)

    def show_screen(self, key: str) -> QWidget:
        self.nav.setCurrentRow(self._keys.index(key))
        return self.screen(key)

    def current_screen_key(self) -> str:
        return self._keys[self.stack.currentIndex()]

    def _screen_requested(self, key: str) -> None:
        if key in self._keys:
            self.show_screen(key)
            self.activateWindow()

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self._build(self._keys[row])
            self.stack.setCurrentIndex(row)

    # ---- menus and language -----------------------------------------------------------
    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.open311 = Open311Files(self.ctx, self)
        self.statusBar().addPermanentWidget(self.open311.progress)
        self.import_open311_action = QAction(self, objectName="importOpen311")
        self.import_open311_action.triggered.connect(self.open311.import_file)
        self.import_open311_action.setVisible(self.ctx.can(Action.IMPORT_DATA))
        self.export_open311_action = QAction(self, objectName="exportOpen311")
        self.export_open311_action.triggered.connect(self.open311.export_file)
        self.export_open311_action.setVisible(self.ctx.can(Action.VIEW))
        self.file_menu.addAction(self.import_open311_action)
        self.file_menu.addAction(self.export_open311_action)
        self.file_menu.addSeparator()
        self.quit_action = QAction(self)
        # spelled out: the platform's StandardKey.Quit is empty on Windows and on minimal Linux themes
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)
        self.view_menu = self.menuBar().addMenu("")
        self.screens_menu = self.view_menu.addMenu("")
        self._screen_actions: dict[str, QAction] = {}
        self.language_menu = self.view_menu.addMenu(icon("language"), "")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in i18n.LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == i18n.current_language())
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.display = DisplayActions(self.ctx, self, self.view_menu)
        self.user_menu = self.menuBar().addMenu("")
        self.change_password_action = QAction(self)
        self.change_password_action.triggered.connect(self.change_password)
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+Alt+L"))
        self.lock_action.triggered.connect(lambda: self.idle_lock.lock())
        self.sign_out_action = QAction(self)
        self.sign_out_action.triggered.connect(self.sign_out)
        for action in (self.change_password_action, self.lock_action, self.sign_out_action):
            self.user_menu.addAction(action)
        self.help_menu = self.menuBar().addMenu("")
        self.shortcuts_action = QAction(icon("help"), "", self)
        self.shortcuts_action.triggered.connect(self._show_shortcuts)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._show_about)
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addAction(self.about_action)

    def set_language(self, lang: str) -> None:
        lang = translator.install(lang)
        settings.LANGUAGE.set(lang)
        self.language_actions[lang].setChecked(True)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        actor = self.ctx.principal
        demo = self.tr(" [DEMO]") if self._is_demo() else ""
        self.setWindowTitle(
            self.tr("Grid Command Centre — {centre} — {db}{demo}").format(
                centre=actor.centre_name, db=self.ctx.db.display_name, demo=demo
            )
        )
        self.file_menu.setTitle(self.tr("&File"))
        self.import_open311_action.setText(self.tr("&Import Open311 requests…"))
        self.export_open311_action.setText(self.tr("&Export Open311 requests…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.display.retranslate_ui()
        self.user_menu.setTitle(self.tr("&User"))
        self.change_password_action.setText(self.tr("&Change password…"))
        self.lock_action.setText(self.tr("&Lock screen"))
        self.sign_out_action.setText(self.tr("&Sign out"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts (F1 on the wall)"))
        self.about_action.setText(self.tr("&About Grid Command Centre"))
        self.user_label.setText(
            self.tr("{name} ({role}) · {centre}").format(
                name=actor.display_name, role=role_label(actor.role.value), centre=actor.centre_name
            )
        )
        self.screens_menu.setTitle(self.tr("&Go to screen"))
        for row, key in enumerate(self._keys):
            self.nav.item(row).setText(self._titles[key]())
            self._screen_actions[key].setText(self._titles[key]())
        self.write_wait_label.setText(self.tr("Another seat or an import is writing; retrying…"))
        self._render_counts()
        self._render_connection(True)

    def _is_demo(self) -> bool:
        return bool(self._info and self._info.is_demo) if hasattr(self, "_info") else False

    # ---- live counts ------------------------------------------------------------------
    def refresh_counts(self) -> None:
        """Count open and overdue cases in the background (a change notice waits for the one running)."""
        if self._counts_pending:
            return
        self._counts_pending = True
        self._counts_soon.stop()
        self._counts_timer.start()  # the periodic refresh counts from this one
        wall, principal = self.ctx.wall, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: wall.counts(principal), self._counts_ready, self._counts_failed)

    def _counts_ready(self, info: LiveCounts) -> None:
        self._counts_pending = False
        was_demo = self._is_demo()
        self._info = info
        self.clock.set_working_day(info.working_day)
        if was_demo != info.is_demo:
            self.retranslate_ui()
        self._render_counts()

    def _counts_failed(self, exc: BaseException) -> None:
        self._counts_pending = False
        self._render_connection(False, str(exc))

    def _render_counts(self) -> None:
        info = self._info
        if info is None:
            self.counts_label.setText(self.tr("Loading…"))
            return
        years = ", ".join(str(y) for y in info.calendar_uncovered)
        self.calendar_label.setVisible(bool(years))
        self.calendar_label.setText(self.tr("⚠ No holiday calendar for {years}").format(years=years))
        self.calendar_label.setToolTip(self.tr(
            "Working-time limits in {years} count Monday to Friday only, without public holidays or adjusted "
            "working weekends. An administrator should add that year's calendar once it is announced."
        ).format(years=years))
        self.counts_label.setText(
            self.tr("Open {open} · Overdue {overdue} · Reported {reported}").format(
                open=info.open_cases,
                overdue=info.overdue_cases,
                reported=info.open_by_status.get("reported", 0),
            )
        )

    def maintain_database(self) -> None:
        """Refresh the database's planner statistics in the background (opening no longer does)."""
        db = self.ctx.db
        self.ctx.runner.run_in_background(lambda _s: maintain(db), on_error=self._maintenance_failed)

    def _maintenance_failed(self, exc: BaseException) -> None:
        # statistics only speed queries up: a busy or read-only database keeps the old ones
        log.info("maintenance skipped: %s", exc)

    def _on_changed(self, entity: str, _ids: list) -> None:  # type: ignore[type-arg]
        if entity == Entity.DEMO:  # the demo was reset (services/demo_reset): rows a screen holds may be gone
            self.ctx.db.caches.clear()
            self._reload_screens()
            return
        if entity == Entity.CASE and not self._counts_soon.isActive():
            self._counts_soon.start()

    def _on_connection_lost(self, reason: str) -> None:
        self._render_connection(False, reason)

    def _on_connection_restored(self) -> None:
        self._render_connection(True)

    def _reload_screens(self) -> None:
        """After a long outage every built screen reloads in full rather than trust the catch-up."""
        for key in self._keys:
            if key not in self._unbuilt:
                reload = getattr(self.screen(key), "reload", None)
                if reload is not None:
                    reload()
        self.refresh_counts()

    def _render_connection(self, ok: bool, reason: str = "") -> None:
        if ok:
            self.connection_label.setText(self.tr("Live"))
            self.connection_label.setToolTip(self.tr("Changes from other seats appear within a second"))
            self.connection_label.setStyleSheet(ok_style())
        else:
            self.connection_label.setText(self.tr("Database unreachable — retrying"))
            self.connection_label.setToolTip(reason)
            self.connection_label.setStyleSheet(error_style())

    def _show_shortcuts(self) -> None:
        if "wall" in self._keys:
            wall = self.show_screen("wall")
            wall.show_shortcuts()  # type: ignore[attr-defined]

    def _show_about(self) -> None:
        info = self._info
        QMessageBox.about(
            self,
            self.tr("About Grid Command Centre"),
            self.tr(
                "<b>Grid Command Centre</b> {version}<br>Case wall, dispatch, roster, grid maps, handovers "
                "and briefings for grid command centres.<br><br>Database: {db}<br>Schema: {schema}<br>"
                "Log file: {log}"
            ).format(
                version=__version__,
                db=self.ctx.db.display_name,
                schema=info.schema_version if info else "…",
                log=log_dir() / "commandcenter.log",
            ),
        )

    # ---- the signed-in user -----------------------------------------------------------
    def change_password(self) -> ChangePasswordDialog:
        """Open User → Change password… (window-modal); the status bar confirms the change."""
        dialog = ChangePasswordDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.statusBar().showMessage(self.tr("Your password was changed."), 10_000))
        dialog.open()
        return dialog

    def sign_out(self) -> None:
        """Close the window as a sign-out: the application then shows the login dialog again."""
        self.signed_out = True
        self.close()

    # ---- state ------------------------------------------------------------------------
    def restore_state(self) -> None:
        geometry = settings.MAIN_GEOMETRY.get()
        if geometry:
            self.restoreGeometry(geometry)

    def _alert_case_requested(self, case_id: int) -> None:
        self.show_screen("wall")
        self.ctx.bus.case_selected.emit(case_id)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        settings.MAIN_GEOMETRY.set(self.saveGeometry())
        for key in self._keys:
            if key not in self._unbuilt:  # what the operator arranged on a screen is kept
                save_layout = getattr(self.screen(key), "save_layout", None)
                if save_layout is not None:
                    save_layout()
        self.display.close_wall_mode()
        self.clock.stop()
        self.ctx.feed.stop()
        self._counts_timer.stop()
        self._counts_soon.stop()
        self._maintenance_timer.stop()
        self._settle_timer.stop()
        self.idle_lock.timer.stop()
        self._unbuilt.clear()  # a screen built now would start loads nobody will see
        if self._write_wait_listener in self.ctx.db.busy_listeners:
            self.ctx.db.busy_listeners.remove(self._write_wait_listener)
        self.ctx.runner.shutdown(5000)
        super().closeEvent(event)
