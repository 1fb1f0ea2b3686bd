"""The grid map widget (object name ``gridMap``): the view, its layers, and what was clicked.

It draws plain data from :mod:`commandcenter.shapes.map` and reports what the
operator clicked; it never touches the database. The package docstring says how it is drawn
and why (measured with ``benchmarks/bench_map.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from itertools import repeat

import numpy as np
import pyqtgraph as pg
from pyqtgraph.GraphicsScene.mouseEvents import MouseClickEvent
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QGraphicsObject, QToolTip, QVBoxLayout, QWidget

from ...domain.enums import PRIORITY_ORDER
from ...geometry.projection import LocalProjection
from ...gui.style import shade
from ...shapes.map import MapBoundary, MapCaseMarker, MapGrid, MapOfficerMarker, MapRoad
from .basemaps import BasemapLayers
from .geometry import GridGeometry, projection_for
from .hover import case_text, grid_text, officer_text
from .labels import PlacedLabel, build_candidates
from .layers import (
    LayerStack,
    MarkerLayer,
    boundary_strokes,
    choropleth_fills,
    classify,
    cosmetic_pen,
    hit_test,
)
from .legend import MapLegend, class_rows, marker_rows
from .style import (
    BACKGROUND_COLOUR,
    CASE_COLOURS,
    CASE_SIZES,
    HIGHLIGHT_GRID_PEN,
    HIGHLIGHT_MAX_VIEW_M,
    HIGHLIGHT_RING_COLOUR,
    HIGHLIGHT_RING_HALO,
    LAYERS,
    MIN_VIEW_M,
    OFFICER_COLOURS,
    OFFICER_SIZE,
)


class MapCanvas(BasemapLayers, QWidget):
    """The interactive grid map: choropleth of unit grids, boundaries, case and officer markers.

    Feed it with :meth:`set_grids`, :meth:`set_values`, :meth:`set_case_markers` and
    :meth:`set_officer_markers`; listen to :attr:`grid_clicked`, :attr:`case_clicked`,
    :attr:`officer_clicked` and, after :meth:`set_pick_mode`, :attr:`location_picked`.
    Pan with the left mouse button, zoom with the wheel.
    """

    grid_clicked = Signal(int)
    case_clicked = Signal(int)
    officer_clicked = Signal(int)
    location_picked = Signal(float, float)
    pick_mode_changed = Signal(bool)

    LAYERS = LAYERS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gridMap")
        self._projection: LocalProjection | None = None
        self._grids: list[MapGrid] = []
        self._grid_ids = np.empty(0, np.int64)
        self._grid_index: dict[int, int] = {}
        self._geometry: GridGeometry | None = None
        self._boundaries: list[MapBoundary] = []
        self._roads: list[MapRoad] = []
        self._values: dict[int, float] = {}
        self._grid_values = np.empty(0)
        self._grid_classes = np.empty(0, np.int8)
        self._class_ranges: list[tuple[float, float]] = []
        self._measure_label = ""
        self._cases: list[MapCaseMarker] = []
        self._officers: list[MapOfficerMarker] = []
        self._case_layer = MarkerLayer.empty()
        self._officer_layer = MarkerLayer.empty()
        self._highlighted_case: int | None = None
        self._highlighted_grid: int | None = None
        self._basemap_bounds: tuple[float, float, float, float] | None = None
        self._visible = dict.fromkeys(LAYERS, True)
        self._pick_mode = False
        self._hover_text = ""
        self._texts: dict[str, str] = {}
        self._priority_names: dict[str, str] = {}
        self._duty_names: dict[str, str] = {}

        self._view = pg.GraphicsView(self, background=shade(BACKGROUND_COLOUR))
        self._view.setObjectName("gridMapView")
        self._box = pg.ViewBox(lockAspect=True, enableMenu=False, defaultPadding=0.02)
        self._box.disableAutoRange()
        self._view.setCentralItem(self._box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)

        self._stack = LayerStack(self._box, self, self._view.viewport())
        self._basemap_item, self._choropleth = self._stack.basemap, self._stack.choropleth
        self._boundary_item, self._grid_highlight = self._stack.boundaries, self._stack.grid_highlight
        self._case_item, self._officer_item = self._stack.cases, self._stack.officers
        self._ring_item = self._stack.ring
        self._ring_shown = False
        self._apply_visibility()

        self._legend = MapLegend(self)
        self._legend.raise_()

        scene = self._view.scene()
        scene.sigMouseMoved.connect(self._on_mouse_moved)
        scene.sigMouseClicked.connect(self._on_mouse_clicked)
        self._cancel_pick = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self._cancel_pick.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._cancel_pick.setEnabled(False)
        self._cancel_pick.activated.connect(lambda: self.set_pick_mode(False))

        self._grid_details: dict[int, str] = {}
        self.retranslate_ui()

    # -- i18n ---------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every visible string; called at construction and on a language change."""
        self._texts = {
            "no_data": self.tr("0 / no data"),
            "no_value": self.tr("no data"),
            "cases": self.tr("Cases"),
            "officers": self.tr("Officers"),
            "grid": self.tr("Grid {code}"),
        }
        self._priority_names = {
            "urgent": self.tr("Urgent"),
            "high": self.tr("High"),
            "normal": self.tr("Normal"),
            "low": self.tr("Low"),
        }
        self._duty_names = {
            "on_duty": self.tr("On duty"),
            "in_field": self.tr("In the field"),
            "off_duty": self.tr("Off duty"),
            "on_leave": self.tr("On leave"),
        }
        self._view.setAccessibleName(self.tr("Grid map"))
        self._legend.setAccessibleName(self.tr("Map legend"))
        self._update_legend()
        self._set_hover_text("")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._stack.labels.restyle()  # halo and text follow the theme and the font size
            self._stack.invalidate()
        super().changeEvent(event)

    # -- data ---------------------------------------------------------------------------------

    def set_grids(self, grids: Sequence[MapGrid], boundaries: Sequence[MapBoundary] = ()) -> None:
        """Draw every unit grid, and the community and street boundaries on top.

        Values set earlier with :meth:`set_values` are kept for grids that still exist.
        Raises ``ValueError`` for a repeated grid id or a ring of fewer than three vertices.
        """
        self._grids = list(grids)
        self._boundaries = list(boundaries)
        self._grid_ids = np.fromiter((g.grid_id for g in self._grids), np.int64, len(self._grids))
        self._grid_index = {int(gid): i for i, gid in enumerate(self._grid_ids)}
        if len(self._grid_index) != len(self._grids):
            raise ValueError("grid ids must be unique")
        self._set_projection(self._projection_for_grids())
        self._geometry = (
            GridGeometry(self._grids, self._require_projection()) if self._grids else None
        )
        boundary_keys = self._draw_boundaries()
        geo = self._geometry
        if geo is not None:
            self._choropleth.set_outlines(
                geo.outline_paths(), geo.outline_paths(boundary_keys), geo.bounds, geo.cell_m
            )
            extent = max(geo.bounds.width(), geo.bounds.height())
            self._box.setLimits(
                minXRange=MIN_VIEW_M,
                minYRange=MIN_VIEW_M,
                maxXRange=6 * extent,
                maxYRange=6 * extent,
            )
        else:
            self._choropleth.set_outlines([], [], QRectF(), 0.0)
        self.highlight_grid(self._highlighted_grid)  # still there after a reload, or dropped
        self._place_roads_and_labels()
        self._recolour()

    def set_grid_details(self, details: Mapping[int, str]) -> None:
        """Extra hover text per grid (e.g. every count, not only the coloured measure)."""
        self._grid_details = dict(details)

    def set_values(self, values: Mapping[int, float], measure_label: str) -> None:
        """Recolour every grid by its value in ``values`` (keyed by grid id) and relabel the legend.

        Grids without a value, or with 0, are drawn as "no data".
        """
        self._values = dict(values)
        self._measure_label = measure_label
        self._recolour()

    def set_case_markers(self, markers: Sequence[MapCaseMarker]) -> None:
        """Show cases coloured by priority; urgent cases are drawn on top."""
        rank = {p: i for i, p in enumerate(PRIORITY_ORDER)}
        known = [m if m.priority in rank else replace(m, priority="normal") for m in markers]
        self._cases = sorted(known, key=lambda m: -rank[m.priority])
        self._ensure_projection([m.lon for m in self._cases], [m.lat for m in self._cases])
        brushes = {p: pg.mkBrush(c) for p, c in CASE_COLOURS.items()}
        self._case_layer = MarkerLayer.place(
            self._case_item,
            self._projection,
            [m.case_id for m in self._cases],
            [m.lon for m in self._cases],
            [m.lat for m in self._cases],
            [brushes[m.priority] for m in self._cases],
            [CASE_SIZES[m.priority] for m in self._cases],
        )
        self._stack.top.invalidate()
        self.highlight_case(self._highlighted_case, centre=False)

    def set_officer_markers(self, markers: Sequence[MapOfficerMarker]) -> None:
        """Show grid officers as diamonds coloured by duty status."""
        self._officers = list(markers)
        self._ensure_projection([m.lon for m in self._officers], [m.lat for m in self._officers])
        brushes = {s: pg.mkBrush(c) for s, c in OFFICER_COLOURS.items()}
        self._officer_layer = MarkerLayer.place(
            self._officer_item,
            self._projection,
            [m.officer_id for m in self._officers],
            [m.lon for m in self._officers],
            [m.lat for m in self._officers],
            [brushes.get(m.duty_status, brushes["off_duty"]) for m in self._officers],
            [OFFICER_SIZE] * len(self._officers),
        )
        self._stack.top.invalidate()

    def set_roads(self, roads: Sequence[MapRoad]) -> None:
        """Draw the roads (main ones at every zoom, minor ones closer in) and name them."""
        self._roads = list(roads)
        self._place_roads_and_labels()

    def settle(self) -> None:
        """Render the cached layers sharp for the view shown now, at the next frame.

        The map does this by itself once the view has been still for a moment
        (:data:`.static_layers.SETTLE_MS`); screenshots and benchmarks call it to not wait.
        """
        self._stack.settle()

    def is_settled(self) -> bool:
        """True once every cached layer shows an image rendered for the current view."""
        return self._stack.ground.settled and self._stack.top.settled

    def label_layout(self) -> list[PlacedLabel]:
        """The names placed in the current view (what the labels layer draws), in viewport pixels."""
        self._box.updateMatrix()  # pyqtgraph applies a new range lazily, at the next paint
        viewport = self._view.viewport()
        item = self._stack.labels
        return item.layout(item.deviceTransform(self._view.viewportTransform()), QRectF(viewport.rect()))

    # -- layers, view ---------------------------------------------------------------------

    def set_layer_visible(self, layer: str, visible: bool) -> None:
        """Show or hide one of :attr:`LAYERS`; hidden layers are not hovered or clicked either."""
        if layer not in self._visible:
            raise ValueError(f"unknown map layer {layer!r}; expected one of {', '.join(LAYERS)}")
        if self._visible[layer] == visible:
            return
        self._visible[layer] = visible
        self._apply_visibility()
        if layer == "basemap":
            self._recolour()
        if layer == "boundaries":
            self._choropleth.set_boundaries_drawn(visible)
            self._stack.invalidate()
        self._set_hover_text("")

    def is_layer_visible(self, layer: str) -> bool:
        return self._visible[layer]

    def add_overlay(self, item: QGraphicsObject) -> None:
        """Draw a screen's own layer (e.g. the early warnings) in the map's cached ground image.

        ``item`` is in projected metres, with a z value between the boundaries (10) and the
        names (18), and a ``changed`` signal it emits when it looks different; being cached, it
        costs nothing per frame. Show or hide it with :meth:`set_overlay_visible`.
        """
        self._box.addItem(item)
        self._stack.ground.add_layer(item)
        item.changed.connect(self._stack.ground.invalidate)  # type: ignore[attr-defined]

    def set_overlay_visible(self, item: QGraphicsObject, visible: bool) -> None:
        self._stack.ground.set_shown(item, visible)

    def set_legend_visible(self, visible: bool) -> None:
        """Show or hide the legend in the lower-left corner."""
        self._legend.setVisible(visible)

    def zoom_to_bounds(
        self, min_lon: float, min_lat: float, max_lon: float, max_lat: float, padding: float = 0.05
    ) -> None:
        """Show the lon/lat box (the view widens one side to keep shapes undistorted)."""
        proj = self._require_projection()
        x0, y0 = proj.to_xy(min_lon, min_lat)
        x1, y1 = proj.to_xy(max_lon, max_lat)
        self._box.setRange(QRectF(QPointF(x0, y0), QPointF(x1, y1)).normalized(), padding=padding)

    def zoom_to_grids(self, grid_ids: Iterable[int]) -> None:
        """Fit the given grids into the view; unknown ids are ignored."""
        if self._geometry is None:
            return
        indexes = np.array(
            [self._grid_index[g] for g in grid_ids if g in self._grid_index], np.int64
        )
        rect = self._geometry.bounds_of(indexes)
        if rect is not None:
            self._box.setRange(rect, padding=0.15)

    def zoom_to_all(self) -> None:
        """Fit every grid (or, without grids, every marker) into the view."""
        rect = self._content_bounds()
        if rect is not None:
            self._box.setRange(rect, padding=0.02)

    def view_bounds(self) -> tuple[float, float, float, float]:
        """The visible ``(min_lon, min_lat, max_lon, max_lat)``."""
        proj = self._require_projection()
        (x0, x1), (y0, y1) = self._box.viewRange()
        min_lon, min_lat = proj.to_lonlat(x0, y0)
        max_lon, max_lat = proj.to_lonlat(x1, y1)
        return min_lon, min_lat, max_lon, max_lat

    def highlight_case(self, case_id: int | None, centre: bool = True) -> bool:
        """Ring a case marker and (by default) centre the view on it, zooming in to street level.

        ``None`` removes the ring. Returns False if the case is not on the map.
        """
        index = None if case_id is None else self._case_layer.index_of.get(case_id)
        self._highlighted_case = case_id
        self._ring_shown = index is not None
        self._apply_visibility()
        if index is None:
            self._ring_item.setData(x=[], y=[])
            return False
        x, y = float(self._case_layer.x[index]), float(self._case_layer.y[index])
        # a white halo under the coloured ring keeps it visible on dark red grids
        self._ring_item.setData(
            x=[x, x],
            y=[y, y],
            size=[26, 24],
            pen=[pg.mkPen(HIGHLIGHT_RING_HALO, width=5), pg.mkPen(HIGHLIGHT_RING_COLOUR, width=3)],
            brush=[None, None],
        )
        if centre:
            self._centre_on(x, y, HIGHLIGHT_MAX_VIEW_M)
        return True

    def highlight_grid(self, grid_id: int | None) -> bool:
        """Outline one grid in a strong colour; ``None`` removes it. False if the grid is unknown."""
        index = None if grid_id is None else self._grid_index.get(grid_id)
        if index is None or self._geometry is None:
            self._highlighted_grid = None
            self._grid_highlight.set_strokes([])
            return False
        self._highlighted_grid = grid_id
        self._grid_highlight.set_strokes(
            [(self._geometry.grid_path(index), cosmetic_pen(*HIGHLIGHT_GRID_PEN), ((0, 0),))]
        )
        return True

    def set_pick_mode(self, on: bool) -> None:
        """While on, the next left click emits :attr:`location_picked` instead of a click signal."""
        if on == self._pick_mode:
            return
        self._pick_mode = on
        self._cancel_pick.setEnabled(on)
        viewport = self._view.viewport()
        if on:
            viewport.setCursor(Qt.CursorShape.CrossCursor)
        else:
            viewport.unsetCursor()
        self.pick_mode_changed.emit(on)

    def is_pick_mode(self) -> bool:
        return self._pick_mode

    def grid_at(self, lon: float, lat: float) -> int | None:
        """The id of the grid under a lon/lat, if any."""
        if self._geometry is None or self._projection is None:
            return None
        index = self._geometry.grid_at(*self._projection.to_xy(lon, lat))
        return None if index is None else int(self._grid_ids[index])

    def tooltip_at(self, lon: float, lat: float) -> str:
        """The hover text the map shows at a lon/lat ("" where there is nothing)."""
        if self._projection is None:
            return ""
        return self._describe(*self._projection.to_xy(lon, lat))

    @property
    def projection(self) -> LocalProjection | None:
        """The lon/lat to metres projection of the view's coordinates (None before any data)."""
        return self._projection

    @property
    def graphics_view(self) -> pg.GraphicsView:
        return self._view

    @property
    def view_box(self) -> pg.ViewBox:
        """The ViewBox in projected metres; screens may add their own overlay items to it."""
        return self._box

    # -- internals ----------------------------------------------------------------------------

    def _projection_for_grids(self) -> LocalProjection | None:
        return projection_for(self._grids) if self._grids else self._projection

    def _ensure_projection(self, lons: Sequence[float], lats: Sequence[float]) -> None:
        if self._projection is None and len(lons):
            self._set_projection(LocalProjection(float(np.mean(lons)), float(np.mean(lats))))

    def _set_projection(self, projection: LocalProjection | None) -> None:
        if projection == self._projection:
            return
        old = self._projection
        self._projection = projection
        if old is None:
            return
        # markers and the basemap were placed with the old origin
        if self._cases:
            self.set_case_markers(self._cases)
        if self._officers:
            self.set_officer_markers(self._officers)
        if self._basemap_bounds is not None:
            self._place_basemap()

    def _require_projection(self) -> LocalProjection:
        if self._projection is None:
            raise RuntimeError(
                "the map has no data yet: call set_grids() or set a marker layer first"
            )
        return self._projection

    def _apply_visibility(self) -> None:
        self._stack.show(self._visible, self._basemap_bounds is not None, self._ring_shown,
                         self._stack.tiles.source is not None)

    def _place_roads_and_labels(self) -> None:
        self._stack.roads.set_roads(self._roads, self._projection)
        geo = self._geometry
        candidates = build_candidates(
            self._boundaries, self._grids, None if geo is None else geo.geoms,
            None if geo is None else geo.grid_of_polygon, self._roads, self._projection)
        self._stack.labels.set_candidates(candidates, QRectF() if geo is None else geo.bounds)
        self._stack.invalidate()

    def _draw_boundaries(self) -> np.ndarray:
        """Draw the street and community lines; return their segments' keys (see layers)."""
        strokes, drawn = boundary_strokes(self._boundaries, self._projection, self._geometry)
        self._boundary_item.set_strokes(strokes)
        return drawn

    def _recolour(self) -> None:
        lookup = self._values.get
        self._grid_values = np.fromiter(
            map(lookup, self._grid_index, repeat(np.nan)), float, count=len(self._grid_index)
        )
        self._grid_classes, self._class_ranges = classify(self._grid_values)
        fills = (
            []
            if self._geometry is None
            else choropleth_fills(
                self._geometry, self._grid_classes, len(self._class_ranges), self._basemap_shown()
            )
        )
        self._choropleth.set_fills(fills)
        self._stack.ground.invalidate()  # the names and markers above do not change
        self._update_legend()

    def _update_legend(self) -> None:
        if not self._texts:
            return
        classes = class_rows(self._class_ranges, self._texts["no_data"])
        markers = marker_rows(
            self._texts["cases"], self._texts["officers"], self._priority_names, self._duty_names
        )
        self._legend.set_contents(self._measure_label, classes, markers)
        self._place_legend()

    def _place_legend(self) -> None:
        margin = 10
        self._legend.move(margin, max(margin, self.height() - self._legend.height() - margin))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_legend()

    def _content_bounds(self) -> QRectF | None:
        if self._geometry is not None:
            return self._geometry.bounds
        xs = np.concatenate([self._case_layer.x, self._officer_layer.x])
        ys = np.concatenate([self._case_layer.y, self._officer_layer.y])
        if not len(xs):
            return None
        return QRectF(QPointF(xs.min(), ys.min()), QPointF(xs.max(), ys.max())).normalized()

    def _centre_on(self, x: float, y: float, max_width: float) -> None:
        (x0, x1), (y0, y1) = self._box.viewRange()
        width, height = x1 - x0, y1 - y0
        if width > max_width:
            height *= max_width / width
            width = max_width
        self._box.setRange(QRectF(x - width / 2, y - height / 2, width, height), padding=0)

    def _hit(self, x: float, y: float) -> tuple[str, int] | None:
        """What an operator points at, topmost first: a case, an officer, then a grid."""
        markers = [("case", self._case_layer), ("officer", self._officer_layer)]
        shown = [(kind, layer) for kind, layer in markers if self._visible[f"{kind}s"]]
        grids = self._geometry if self._visible["grids"] else None
        return hit_test(x, y, max(self._box.viewPixelSize()), shown, grids)

    def _describe(self, x: float, y: float) -> str:
        hit = self._hit(x, y)
        if hit is None:
            return ""
        kind, i = hit
        if kind == "case":
            return case_text(self._cases[i], self._priority_names)
        if kind == "officer":
            officer = self._officers[i]
            return officer_text(officer, self._duty_names, self.tr("%n open case(s)", "", officer.open_cases))
        grid = self._grids[i]
        return grid_text(grid, self._texts["grid"].format(code=grid.code), self._measure_label,
                         float(self._grid_values[i]), self._texts["no_value"], self._grid_details.get(grid.grid_id))

    def _set_hover_text(self, text: str) -> None:
        if text == self._hover_text:
            return
        self._hover_text = text
        # The ViewBox's tool tip is what Qt shows on a hover pause over the map.
        self._box.setToolTip(text)
        if QToolTip.isVisible():
            if text:
                QToolTip.showText(QCursor.pos(), text, self._view.viewport())
            else:
                QToolTip.hideText()

    def _view_point(self, scene_pos: QPointF) -> QPointF | None:
        if self._projection is None or not self._box.sceneBoundingRect().contains(scene_pos):
            return None
        return self._box.mapSceneToView(scene_pos)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        point = self._view_point(scene_pos)
        self._set_hover_text("" if point is None else self._describe(point.x(), point.y()))

    def _on_mouse_clicked(self, event: MouseClickEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        point = self._view_point(event.scenePos())
        if point is None:
            return
        event.accept()
        # Emitted once the click is fully handled, so a slot may open a modal dialog without
        # re-entering pyqtgraph's click dispatch.
        if self._pick_mode:
            self.set_pick_mode(False)
            lon, lat = self._require_projection().to_lonlat(point.x(), point.y())
            QTimer.singleShot(0, self, lambda: self.location_picked.emit(lon, lat))
            return
        hit = self._hit(point.x(), point.y())
        if hit is None:
            return
        kind, i = hit
        if kind == "case":
            signal, item_id = self.case_clicked, self._cases[i].case_id
        elif kind == "officer":
            signal, item_id = self.officer_clicked, self._officers[i].officer_id
        else:
            signal, item_id = self.grid_clicked, int(self._grid_ids[i])
        QTimer.singleShot(0, self, lambda: signal.emit(item_id))
