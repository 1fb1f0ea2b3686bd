"""Wall mode: the control room's big screen, full screen, read from three metres, no controls.

Shows the live wall in triage order (most urgent first, open cases only, the columns a room
reads), a clock, the key figures (open, overdue, escalated, due within the hour, and today's
on-time closure rate where the seat may see the briefing's figures: wall_mode_rate), the map of
open cases and the escalation list. It has its own `WallModel`, loaded once and then kept up
to date from the same change feed as the operator's wall (the rows the feed names are fetched
off the GUI thread and applied in place), so the operator's filters never change what the room
sees. Type is sized from the screen (`type_px`: at least 24 px on a 1080-line screen, growing
with taller ones). Esc (or F11 again) leaves; on a machine with a second monitor it opens there.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.entities import Entity
from ..domain.enums import OPEN_STATUS_VALUES
from ..gui.context import AppContext
from ..gui.icons import icon
from ..gui.localtime import format_local
from ..gui.style import current_theme, notifier
from ..itemmodels.wall import COLUMN_INDEX, COLUMNS, WallFilter, WallModel, is_escalated, is_overdue
from ..labels import priority_label
from ..services.wall import WallScope, WallSnapshot
from ..shapes.cases import CaseRow
from .wall_mode_rate import OnTimeRate

if TYPE_CHECKING:
    from ..services.map_data import MapGeometry, MapLayers
    from ..widgets.map.canvas import MapCanvas

log = logging.getLogger(__name__)

# what the room reads; the rest of the wall's columns are the operator's
SHOWN_COLUMNS = ("number", "priority", "time_left", "status", "community", "category")
# the widths of the fixed columns, as sample texts in the wall's type (the category takes the rest)
WIDTH_SAMPLES = {"number": "⏰ 20261125-00042", "priority": "Urgent", "time_left": "-22:03:58",
                 "status": "In handling · Reminder", "community": "某某某社区"}
DUE_SOON_SECONDS = 3600
MAP_REFRESH_MS = 2000
FIGURES_EVERY_TICKS = 5  # a pass over the open rows (20,000 in a city) every five seconds
OPEN_ONLY = WallFilter(statuses=frozenset(OPEN_STATUS_VALUES))


def type_px(screen_height: int) -> int:
    """The wall's body type for a screen this many pixels high: 24 px at 1080, scaled with it."""
    return max(24, round(screen_height * 24 / 1080))


def figures(rows: list[CaseRow], now: int) -> dict[str, int]:
    """The key figures over the open rows: open, overdue, escalated, due within the hour."""
    out = {"open": 0, "overdue": 0, "escalated": 0, "due_hour": 0}
    for r in rows:
        out["open"] += 1
        if is_overdue(r, now):
            out["overdue"] += 1
        elif r.clock_running and r.stage_deadline_at is not None \
                and r.stage_deadline_at.timestamp() - now <= DUE_SOON_SECONDS:
            out["due_hour"] += 1
        if is_escalated(r):
            out["escalated"] += 1
    return out


class FigureTile(QFrame):
    """One key figure: a large number over its name."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"figure_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("0", objectName="figureValue")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name = QLabel(objectName="figureName")
        self.name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
        layout.addWidget(self.value)
        layout.addWidget(self.name)


class WallModeWindow(QWidget):
    """The big screen (objectName ``wallMode``); see the module docstring."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.ctx = ctx
        self.setObjectName("wallMode")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.scope = WallScope(centre_ids=ctx.principal.centre_ids)
        self.model = WallModel(now=ctx.db.clock.now, parent=self, timezone=ctx.principal.timezone)
        self.model.set_filter(OPEN_ONLY)
        self._pending: set[int] = set()
        self._loaded = False
        self._fetching = False
        self._map_busy = False
        self._ticks = 0
        self.canvas: MapCanvas | None = None
        self.on_time = OnTimeRate(ctx, self)
        self._build()
        self.retranslate_ui()
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()
        self._map_timer = QTimer(self, singleShot=True, interval=MAP_REFRESH_MS)
        self._map_timer.timeout.connect(self.refresh_map)
        ctx.feed.changed.connect(self._on_feed_changed)
        notifier.changed.connect(self._restyle)
        self.on_time.start()
        self.reload()
        self.refresh_escalations()
        self._load_map()

    # ---- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel(objectName="wallModeTitle")
        self.clock = QLabel(objectName="wallModeClock")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        keys = ("open", "overdue", "escalated", "due_hour") + (("on_time",) if self.on_time.available else ())
        self.tiles = {key: FigureTile(key) for key in keys}
        if self.on_time.available:
            self.tiles["on_time"].value.setText("—")
            self.on_time.ready.connect(self.tiles["on_time"].value.setText)
        top = QHBoxLayout()
        top.addWidget(self.title, 2)
        for tile in self.tiles.values():
            top.addWidget(tile, 1)
        top.addWidget(self.clock, 2)

        self.table = QTableView(objectName="wallModeTable")
        self.table.setModel(self.model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(False)
        for c in COLUMNS:
            header.setSectionHidden(COLUMN_INDEX[c.key], c.key not in SHOWN_COLUMNS)
        header.moveSection(header.visualIndex(COLUMN_INDEX["category"]), len(COLUMNS) - 1)  # takes the rest
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # sized from the type: apply_sizes
        header.setSectionResizeMode(COLUMN_INDEX["category"], QHeaderView.ResizeMode.Stretch)

        self.escalations_title = QLabel(objectName="wallModeEscalationsTitle")
        self.escalations = QListWidget(objectName="wallModeEscalations")
        self.escalations.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.escalations.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.map_box = QWidget(objectName="wallModeMap")
        QVBoxLayout(self.map_box).setContentsMargins(0, 0, 0, 0)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.map_box, 3)
        side_layout.addWidget(self.escalations_title)
        side_layout.addWidget(self.escalations, 2)
        body = QSplitter()
        body.addWidget(self.table)
        body.addWidget(side)
        body.setStretchFactor(0, 2)
        body.setStretchFactor(1, 1)
        body.setSizes([1300, 620])
        layout = QGridLayout(self)
        layout.addLayout(top, 0, 0)
        layout.addWidget(body, 1, 0)
        layout.setRowStretch(1, 1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Wall mode — {centre}").format(centre=self.ctx.principal.centre_name))
        self.title.setText(self.ctx.principal.centre_name)
        names = {"open": self.tr("Open"), "overdue": self.tr("Overdue"), "escalated": self.tr("Escalated"),
                 "due_hour": self.tr("Due within 1 h"), "on_time": self.tr("On time today")}
        for key, tile in self.tiles.items():
            tile.name.setText(names[key])
        self.escalations_title.setText(self.tr("Escalations"))
        self._update_clock()

    # ---- type sized for the room ---------------------------------------------------------------
    def apply_sizes(self, screen: QScreen | None) -> int:
        """Size the type for `screen` (the window's own when None); returns the body pixel size."""
        screen = screen or self.screen() or QGuiApplication.primaryScreen()
        px = type_px(screen.geometry().height())
        body = QFont(self.font())
        body.setPixelSize(px)
        self.table.setFont(body)
        self.escalations.setFont(body)
        self.table.verticalHeader().setDefaultSectionSize(int(px * 1.6))
        header_font = QFont(body)
        header_font.setBold(True)
        metrics, bold = QFontMetrics(body), QFontMetrics(header_font)
        for key, sample in WIDTH_SAMPLES.items():
            section = COLUMN_INDEX[key]
            title = str(self.model.headerData(section, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(sample), bold.horizontalAdvance(title))
            self.table.horizontalHeader().resizeSection(section, width + px)
        # the application style sheet styles header sections, so their size is said there too
        self.table.horizontalHeader().setStyleSheet(f"QHeaderView::section {{ font-size: {px}px; font-weight: bold; }}")
        self.escalations_title.setFont(header_font)
        for label, factor in ((self.title, 1.3), (self.clock, 1.6)):
            font = QFont(header_font)
            font.setPixelSize(int(px * factor))
            label.setFont(font)
        for tile in self.tiles.values():
            big = QFont(header_font)
            big.setPixelSize(int(px * 1.8))
            tile.value.setFont(big)
            tile.name.setFont(body)
        self._restyle()
        return px

    def _restyle(self) -> None:
        theme = current_theme()
        self.clock.setStyleSheet(f"color: {theme.clock_text};")
        self.tiles["overdue"].value.setStyleSheet(f"color: {theme.priority_colour('urgent')};")
        self.tiles["escalated"].value.setStyleSheet(f"color: {theme.escalated_text};")
        self.tiles["due_hour"].value.setStyleSheet(f"color: {theme.priority_colour('high')};")

    def show_on_big_screen(self) -> None:
        """Full screen on the last screen (the second monitor when there is one)."""
        screens = QGuiApplication.screens()
        target = screens[-1] if len(screens) > 1 else (self.window().screen() or QGuiApplication.primaryScreen())
        self.setScreen(target)
        self.setGeometry(target.geometry())
        self.apply_sizes(target)
        self.showFullScreen()
        self.activateWindow()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F11):
            self.close()
            return
        super().keyPressEvent(event)

    # ---- live data ------------------------------------------------------------------------------
    def reload(self) -> None:
        wall, scope, principal = self.ctx.wall, self.scope, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: wall.load(principal, scope), self._loaded_rows,
                                          lambda exc: log.warning("wall mode load failed: %s", exc))

    def _loaded_rows(self, snapshot: WallSnapshot) -> None:
        self.model.set_rows(snapshot.rows)
        self._loaded = True
        self._update_figures()
        self._fetch_pending()

    def _on_feed_changed(self, entity: str, ids: list) -> None:  # type: ignore[type-arg]
        if entity == Entity.ESCALATION:
            self.refresh_escalations()
        if entity != Entity.CASE:
            return
        self._pending.update(ids)
        if self._loaded:
            self._fetch_pending()
        if not self._map_timer.isActive():
            self._map_timer.start()

    def _fetch_pending(self) -> None:
        if self._fetching or not self._pending:
            return
        ids, self._pending = sorted(self._pending), set()
        self._fetching = True
        wall, principal = self.ctx.wall, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: wall.rows(principal, ids), self._apply,
                                          self._fetch_failed)

    def _apply(self, rows: list[CaseRow]) -> None:
        self._fetching = False
        now = self.ctx.db.clock.now()
        self.model.apply_rows(rows, lambda r: self.scope.contains(r, now))
        self._update_figures()
        self._fetch_pending()

    def _fetch_failed(self, exc: BaseException) -> None:
        self._fetching = False
        log.warning("wall mode could not fetch changed cases: %s", exc)

    def refresh_escalations(self) -> None:
        escalations, principal = self.ctx.escalations, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: escalations.open(principal), self._show_escalations,
                                          lambda exc: log.warning("wall mode escalations failed: %s", exc))

    def _show_escalations(self, rows: list) -> None:  # type: ignore[type-arg]
        self.escalations.clear()
        for e in rows:
            level = self.tr("Supervision 督办") if e.level == "supervision" else self.tr("Reminder 催办")
            self.escalations.addItem(QListWidgetItem(
                icon("escalation" if e.level == "supervision" else "alert"),
                f"{level} · {e.case_number} · {priority_label(e.priority)} · {e.assignee_name or '—'}"))
        self.escalations_title.setText(self.tr("Escalations ({n})").format(n=len(rows)) if rows
                                       else self.tr("Escalations"))

    # ---- the map --------------------------------------------------------------------------------
    def _load_map(self) -> None:
        from ..widgets.map.canvas import MapCanvas  # pyqtgraph: loaded when a map is first shown

        self.canvas = MapCanvas(self.map_box)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.map_box.layout().addWidget(self.canvas)
        maps, principal = self.ctx.map, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: maps.geometry(principal), self._geometry_ready,
                                          lambda exc: log.warning("wall mode map failed: %s", exc))

    def _geometry_ready(self, geometry: MapGeometry) -> None:
        if self.canvas is None:
            return
        self.canvas.set_grids(geometry.grids, geometry.boundaries)
        self.canvas.zoom_to_all()
        self.refresh_map()

    def refresh_map(self) -> None:
        if self._map_busy:
            self._map_timer.start()
            return
        self._map_busy = True
        maps, principal = self.ctx.map, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: maps.layers(principal), self._layers_ready,
                                          self._map_failed)

    def _layers_ready(self, layers: MapLayers) -> None:
        self._map_busy = False
        if self.canvas is None:
            return
        self.canvas.set_values(layers.values.get("open", {}), self.tr("Open cases"))
        self.canvas.set_case_markers(list(layers.cases))

    def _map_failed(self, exc: BaseException) -> None:
        self._map_busy = False
        log.warning("wall mode map layers failed: %s", exc)

    # ---- time -----------------------------------------------------------------------------------
    def _on_tick(self) -> None:
        self.model.tick()
        self.model.resort_due()
        self._update_clock()
        self._ticks += 1
        if self._ticks % FIGURES_EVERY_TICKS == 0:  # changes update them at once; time moves them slowly
            self._update_figures()

    def _update_clock(self) -> None:
        self.clock.setText(format_local(self.ctx.db.clock.now(), self.ctx.principal.timezone, "%H:%M:%S"))

    def _update_figures(self) -> None:
        now = int(self.ctx.db.clock.now().timestamp())
        values = figures(self.model.visible_rows(), now)
        for key, tile in self.tiles.items():
            if key in values:
                tile.value.setText(str(values[key]))

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 - Qt override
        self._tick.stop()
        self._map_timer.stop()
        self.on_time.stop()
        super().closeEvent(event)

