"""The map screen: the grid map (`MapCanvas`, objectName ``gridMap``) and its side panel.

The panel chooses the choropleth measure (open, overdue, new today), toggles layers, zooms to
a street or community, imports grids and loads an offline basemap. The screen steers the
others through the bus: clicking a grid filters the wall to it, clicking a case selects it
everywhere, a case selected elsewhere is centred and ringed here, and a dialog asking for a
location puts the map in pick mode and gets the clicked coordinates back.

Geometry is read once (the service caches it per database); cases and officers refresh off
the GUI thread, debounced, when the change feed reports them.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QGraphicsPathItem,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.actions import Action
from ..domain.entities import Entity
from ..errors import ImportRejected
from ..gui import settings
from ..gui.context import AppContext
from ..gui.deferred import RefreshWhenShown
from ..gui.icons import icon
from ..gui.screens import ScreenSpec
from ..gui.style import MAP_HIGHLIGHT, PICK_BANNER_BACKGROUND, PICK_BANNER_EDGE, shade
from ..labels import describe_error
from ..map_labels import measure_label
from ..services import map_data
from ..services.map_data import MapArea, MapGeometry, MapLayers
from ..shapes.map import MapBoundary, MapCaseMarker, MapOfficerMarker
from ..widgets.map.tilemath import CRS_CHOICES
from .dialogs.basemap_bounds import BasemapBoundsDialog
from .dialogs.import_refused import open_import_refused
from .map_basemap import BasemapControls
from .map_warnings import MapWarnings

if TYPE_CHECKING:
    from ..services.imports import ImportResult

log = logging.getLogger(__name__)

REFRESH_DEBOUNCE_MS = 500
LAYER_ORDER: tuple[str, ...] = ("grids", "boundaries", "roads", "labels", "cases", "officers", "basemap")
AREA_ROLE = Qt.ItemDataRole.UserRole + 1
AVAILABLE = ("on_duty", "in_field")
AREA_OUTLINE = (MAP_HIGHLIGHT, 3.0)  # the street or community zoomed to
AREA_OUTLINE_Z = 12  # above the boundaries, below markers


class MapView(BasemapControls, QWidget):
    """The map screen: canvas plus measure, layers, zoom list, imports and basemap."""

    geometry_loaded = Signal()
    layers_loaded = Signal()
    import_finished = Signal(object)  # ImportResult or the exception

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mapScreen")
        self.can_import = ctx.can(Action.IMPORT_DATA)
        self.geometry: MapGeometry | None = None
        self.layers: MapLayers | None = None
        self.highlighted_case: int | None = None
        self._extra_cases: dict[int, MapCaseMarker] = {}  # selected cases that are not open
        self._own_selection: int | None = None
        self._refreshing = False
        self._refresh_again = False
        self._geometry_loading = False
        self.import_message: QMessageBox | None = None
        self.basemap_dialog: BasemapBoundsDialog | None = None

        from ..widgets.map.canvas import MapCanvas  # pyqtgraph: loaded when the map is first built

        self.canvas = MapCanvas(self)
        self.canvas.grid_clicked.connect(self._grid_clicked)
        self.canvas.case_clicked.connect(self._case_clicked)
        self.canvas.location_picked.connect(self._location_picked)
        self.canvas.pick_mode_changed.connect(self._pick_mode_changed)
        # the canvas outlines grids only; the street or community zoomed to is outlined here
        self.area_outline = QGraphicsPathItem()
        pen = QPen(QColor(AREA_OUTLINE[0]), AREA_OUTLINE[1])
        pen.setCosmetic(True)
        self.area_outline.setPen(pen)
        self.area_outline.setZValue(AREA_OUTLINE_Z)
        self.canvas.view_box.addItem(self.area_outline)
        self.outlined_area: MapArea | None = None
        self.warning_layer = MapWarnings(ctx, self.canvas, self)
        self._build_panel()
        self._build_banner()

        centre = QVBoxLayout()
        centre.setContentsMargins(0, 0, 0, 0)
        centre.setSpacing(0)
        centre.addWidget(self.pick_banner)
        centre.addWidget(self.canvas, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(centre, 1)
        layout.addWidget(self.panel)

        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DEBOUNCE_MS)
        self._shown_refresh = RefreshWhenShown(self, self.refresh_layers)
        self._refresh_timer.timeout.connect(self._shown_refresh.request)
        bus = ctx.bus
        bus.case_selected.connect(self.show_case)
        bus.show_case_on_map.connect(self.show_case)
        bus.grid_filter_requested.connect(self._grid_filter_requested)
        bus.location_pick_requested.connect(self.start_pick)
        ctx.feed.changed.connect(self._on_changed)
        self.retranslate_ui()
        self.load_geometry()
        self.restore_tiles()

    # ---- building -----------------------------------------------------------------------------
    def _build_panel(self) -> None:
        self.panel = QFrame(objectName="mapPanel")
        self.panel.setFixedWidth(270)
        self.measure_label = QLabel()
        self.measure_combo = QComboBox(objectName="mapMeasure")
        for measure in map_data.MEASURES:
            self.measure_combo.addItem("", measure)
        self.measure_combo.currentIndexChanged.connect(self._apply_values)
        self.layer_box = QGroupBox()
        layers = QVBoxLayout(self.layer_box)
        self.layer_checks: dict[str, QCheckBox] = {}
        for layer in LAYER_ORDER:
            check = QCheckBox(objectName=f"mapLayer_{layer}")
            check.setChecked(True)
            check.toggled.connect(lambda on, name=layer: self.canvas.set_layer_visible(name, on))
            layers.addWidget(check)
            self.layer_checks[layer] = check
            if layer == "officers":
                # off-duty officers' last positions (often home) would hide the ones who can go
                self.available_only = QCheckBox(objectName="mapAvailableOnly")
                self.available_only.setChecked(True)
                self.available_only.toggled.connect(lambda _on: self._set_officer_markers())
                check.toggled.connect(self.available_only.setEnabled)
                indent = QHBoxLayout()
                indent.setContentsMargins(20, 0, 0, 0)
                indent.addWidget(self.available_only)
                layers.addLayout(indent)
        self.layer_checks["basemap"].setEnabled(False)
        layers.addWidget(self.warning_layer.check)
        self.area_box = QGroupBox()
        self.area_search = QLineEdit(objectName="mapAreaSearch", clearButtonEnabled=True)
        self.area_search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.area_search.textChanged.connect(self._filter_areas)
        self.area_tree = QTreeWidget(objectName="mapAreaTree")
        self.area_tree.setHeaderHidden(True)
        self.area_tree.itemActivated.connect(lambda item, _col: self.zoom_to_item(item))
        self.area_tree.itemClicked.connect(lambda item, _col: self.zoom_to_item(item))
        self.zoom_all_button = QPushButton(objectName="mapZoomAll")
        self.zoom_all_button.clicked.connect(self.zoom_to_city)
        areas = QVBoxLayout(self.area_box)
        areas.addWidget(self.area_search)
        areas.addWidget(self.area_tree, 1)
        areas.addWidget(self.zoom_all_button)
        self.import_button = QPushButton(icon("import"), "", objectName="importGrids")
        self.import_button.setEnabled(self.can_import)
        self.import_button.clicked.connect(self._choose_and_import)
        self.basemap_button = QPushButton(icon("map"), "", objectName="loadBasemap")
        self.basemap_button.clicked.connect(self._choose_basemap)
        self.tiles_button = QPushButton(icon("map"), "", objectName="loadTiles")
        self.tiles_button.clicked.connect(self._choose_tiles)
        self.tiles_crs = QComboBox(objectName="tilesCrs")
        for crs in CRS_CHOICES:
            self.tiles_crs.addItem("", crs)
        self.tiles_crs.activated.connect(lambda _i: self.set_tiles(settings.MAP_TILES.get(), self.tiles_crs.currentData()))
        self.clear_basemap_button = QPushButton(objectName="clearBasemap")
        self.clear_basemap_button.setEnabled(False)
        self.clear_basemap_button.clicked.connect(self.clear_basemap)
        self.status = QLabel(objectName="mapStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self.panel)
        layout.addWidget(self.measure_label)
        layout.addWidget(self.measure_combo)
        layout.addWidget(self.layer_box)
        layout.addWidget(self.area_box, 1)
        layout.addWidget(self.import_button)
        layout.addWidget(self.basemap_button)
        layout.addWidget(self.tiles_button)
        layout.addWidget(self.tiles_crs)
        layout.addWidget(self.clear_basemap_button)
        layout.addWidget(self.status)

    def _build_banner(self) -> None:
        self.pick_banner = QFrame(objectName="pickBanner")
        self.pick_banner.setStyleSheet(
            f"#pickBanner {{ background: {shade(PICK_BANNER_BACKGROUND)}; border-bottom: 1px solid {shade(PICK_BANNER_EDGE)}; }}")
        self.pick_text = QLabel()
        self.pick_cancel = QPushButton(objectName="cancelPick")
        self.pick_cancel.clicked.connect(lambda: self.canvas.set_pick_mode(False))
        row = QHBoxLayout(self.pick_banner)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.pick_text, 1)
        row.addWidget(self.pick_cancel)
        self.pick_banner.setVisible(False)

    # ---- language -----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.measure_label.setText(self.tr("Colour grids by"))
        for i, measure in enumerate(map_data.MEASURES):
            self.measure_combo.setItemText(i, measure_label(measure))
        self.layer_box.setTitle(self.tr("Layers"))
        texts = {"grids": self.tr("Unit grids"), "boundaries": self.tr("Community and street boundaries"),
                 "cases": self.tr("Open cases"), "officers": self.tr("Officers"), "basemap": self.tr("Basemap"),
                 "roads": self.tr("Roads"), "labels": self.tr("Names")}
        for layer, check in self.layer_checks.items():
            check.setText(texts[layer])
        self.available_only.setText(self.tr("Only on duty or in the field"))
        self.area_box.setTitle(self.tr("Zoom to"))
        self.area_search.setPlaceholderText(self.tr("Street or community (name or initials)"))
        self.zoom_all_button.setText(self.tr("Whole city"))
        self.import_button.setText(self.tr("Import grids (GeoJSON)…"))
        self.import_button.setToolTip(
            self.tr("Unit grids from a GeoJSON FeatureCollection of polygons with code and name (WGS84)")
            + ("" if self.can_import else self.tr(" — needs the import permission (administrators)")))
        self.basemap_button.setText(self.tr("Load basemap image…"))
        self.basemap_button.setToolTip(self.tr("A north-up image with a world file (.pgw, .jgw, .wld); "
                                               "no internet connection is needed"))
        self.clear_basemap_button.setText(self.tr("Remove basemap"))
        self.tiles_button.setText(self.tr("Load tile basemap (MBTiles)…"))
        self.tiles_button.setToolTip(self.tr("An offline MBTiles package; a tile server URL is set with "
                                             "COMMANDCENTER_BASEMAP (see the README)"))
        self.tiles_crs.setItemText(0, self.tr("Tiles in WGS-84 (天地图)"))
        self.tiles_crs.setItemText(1, self.tr("Tiles in GCJ-02 (Amap, Tencent)"))
        self.pick_text.setText(self.tr("Click the map to pick the location for the new case (Esc cancels)"))
        self.pick_cancel.setText(self.tr("Cancel"))
        self.warning_layer.retranslate_ui()
        self._apply_values()
        self._render_status()

    # ---- loading ------------------------------------------------------------------------------
    def load_geometry(self) -> None:
        if self._geometry_loading:
            return
        self._geometry_loading = True
        maps, principal = self.ctx.map, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: maps.geometry(principal), self._geometry_ready,
                                          self._failed)

    def _geometry_ready(self, geometry: MapGeometry) -> None:
        self._geometry_loading = False
        first = self.geometry is None
        self.geometry = geometry
        self.canvas.set_grids(geometry.grids, geometry.boundaries)
        self.warning_layer.set_grids(geometry.grids)
        self.canvas.set_roads(geometry.roads)
        if self.layers is None:
            self.canvas.set_values({}, self.tr("{measure}: loading…").format(measure=measure_label(self.current_measure())))
        self.outline_area(None)
        self._fill_areas()
        if first or not geometry.grids:
            self.canvas.zoom_to_all()
        self._render_status()
        self.geometry_loaded.emit()
        self.refresh_layers()

    def refresh_layers(self) -> None:
        """Re-read measures and markers (at most one read in flight; a request meanwhile reruns)."""
        if self._refreshing:
            self._refresh_again = True
            return
        self._refreshing = True
        maps, principal = self.ctx.map, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: maps.layers(principal), self._layers_ready, self._failed)

    def _layers_ready(self, layers: MapLayers) -> None:
        self._refreshing = False
        self.layers = layers
        open_ids = {m.case_id for m in layers.cases}
        self._extra_cases = {k: v for k, v in self._extra_cases.items() if k not in open_ids}
        self._apply_values()
        self._set_case_markers()
        self._set_officer_markers()
        if self.highlighted_case is not None:
            self.canvas.highlight_case(self.highlighted_case, centre=False)
        self._render_status()
        self.layers_loaded.emit()
        if self._refresh_again:
            self._refresh_again = False
            self.refresh_layers()

    def _set_case_markers(self) -> None:
        if self.layers is None:
            return
        self.canvas.set_case_markers([*self.layers.cases, *self._extra_cases.values()])

    def _set_officer_markers(self) -> None:
        if self.layers is not None:
            self.canvas.set_officer_markers(self.shown_officers())

    def shown_officers(self) -> list[MapOfficerMarker]:
        officers = self.layers.officers if self.layers else ()
        if self.available_only.isChecked():
            return [m for m in officers if m.duty_status in AVAILABLE]
        return list(officers)

    def _failed(self, exc: BaseException) -> None:
        self._refreshing = self._geometry_loading = False
        log.warning("map data failed: %s", exc)
        self.status.setText(self.tr("The map could not be read: {error}").format(error=describe_error(exc)))

    def _on_changed(self, entity: str, _ids: list) -> None:  # type: ignore[type-arg]
        if entity in (Entity.CASE, Entity.OFFICER):
            self._refresh_timer.start()  # a burst of changes is one refresh
        elif entity == Entity.GRID:  # grids were imported; the feed has dropped the cached geometry
            self.load_geometry()

    def current_measure(self) -> str:
        return str(self.measure_combo.currentData() or map_data.MEASURES[0])

    def set_measure(self, measure: str) -> None:
        self.measure_combo.setCurrentIndex(max(0, self.measure_combo.findData(measure)))

    def _apply_values(self) -> None:
        if self.layers is None or self.geometry is None:
            return
        measure = self.current_measure()
        self.canvas.set_values(self.layers.values.get(measure, {}), measure_label(measure))
        # the tooltip names every count, whichever one colours the map
        values = self.layers.values
        grid_ids = set().union(*(v.keys() for v in values.values())) if values else set()
        self.canvas.set_grid_details({
            gid: " · ".join(f"{measure_label(m)} {int(values.get(m, {}).get(gid, 0))}"
                            for m in map_data.MEASURES)
            for gid in grid_ids
        })

    def _render_status(self) -> None:
        if self.geometry is None:
            self.status.setText(self.tr("Loading the map…"))
            return
        if not self.geometry.grids:
            self.status.setText(self.tr("No unit grids yet: import them from a GeoJSON file."))
            return
        if self.layers is None:  # never "0 open cases" before the cases are read
            self.status.setText(self.tr("{grids} unit grids · cases and officers loading…").format(
                grids=len(self.geometry.grids)))
            return
        cases = len(self.layers.cases)
        placed = len(self.layers.officers)
        self.status.setText(self.tr("{grids} unit grids · {cases} open cases · {shown} of {placed} placed "
                                    "officers shown").format(grids=len(self.geometry.grids), cases=cases,
                                                             shown=len(self.shown_officers()), placed=placed))

    # ---- zoom list ----------------------------------------------------------------------------
    def _fill_areas(self) -> None:
        self.area_tree.clear()
        if self.geometry is None:
            return
        items: dict[int, QTreeWidgetItem] = {}
        for street in self.geometry.streets:
            item = QTreeWidgetItem([street.name])
            item.setData(0, AREA_ROLE, street)
            item.setToolTip(0, f"{street.code} · {street.parent_name}")
            self.area_tree.addTopLevelItem(item)
            items[street.id] = item
        for community in self.geometry.communities:
            parent = items.get(community.parent_id)
            child = QTreeWidgetItem([community.name])
            child.setData(0, AREA_ROLE, community)
            child.setToolTip(0, community.code)
            if parent is not None:
                parent.addChild(child)
        self._filter_areas(self.area_search.text())

    def _filter_areas(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.area_tree.topLevelItemCount()):
            street = self.area_tree.topLevelItem(i)
            any_child = False
            for j in range(street.childCount()):
                child = street.child(j)
                shown = not needle or _area_matches(child.data(0, AREA_ROLE), needle)
                child.setHidden(not shown)
                any_child |= shown
            street.setHidden(bool(needle) and not (any_child or _area_matches(street.data(0, AREA_ROLE), needle)))
            street.setExpanded(bool(needle) and any_child)

    def zoom_to_item(self, item: QTreeWidgetItem) -> None:
        area = item.data(0, AREA_ROLE)
        if isinstance(area, MapArea):
            self.zoom_to_area(area)

    def zoom_to_area(self, area: MapArea) -> None:
        """Fit a street or community into the view and outline it."""
        self.canvas.zoom_to_bounds(*area.bounds)
        self.outline_area(area)

    def zoom_to_city(self) -> None:
        self.outline_area(None)
        self.canvas.zoom_to_all()

    def outline_area(self, area: MapArea | None) -> None:
        self.outlined_area = area
        path = QPainterPath()
        projection = self.canvas.projection
        boundary = self._boundary_of(area)
        if boundary is not None and projection is not None:
            for polygon in boundary.polygons:
                for ring in (polygon.exterior, *polygon.holes):
                    points = [QPointF(*projection.to_xy(lon, lat)) for lon, lat in ring]
                    path.moveTo(points[0])
                    for point in points[1:]:
                        path.lineTo(point)
                    path.closeSubpath()
        self.area_outline.setPath(path)

    def _boundary_of(self, area: MapArea | None) -> MapBoundary | None:
        if area is None or self.geometry is None:
            return None
        return next((b for b in self.geometry.boundaries if b.kind == area.kind and b.id == area.id), None)

    def find_area(self, kind: str, name: str) -> MapArea | None:
        if self.geometry is None:
            return None
        areas = self.geometry.streets if kind == "street" else self.geometry.communities
        return next((a for a in areas if a.name == name or a.code == name), None)

    # ---- the bus ------------------------------------------------------------------------------
    def _grid_clicked(self, grid_id: int) -> None:
        if self.warning_layer.claim_click():  # a warning's cells or outline: its detail opened instead
            return
        self.canvas.highlight_grid(grid_id)
        self.ctx.bus.grid_filter_requested.emit(grid_id)
        self.ctx.bus.screen_requested.emit("wall")

    def _grid_filter_requested(self, grid_id: int) -> None:
        self.canvas.highlight_grid(grid_id if grid_id >= 0 else None)

    def _case_clicked(self, case_id: int) -> None:
        # the wall echoes the selection back within this emit: do not jump the view under the mouse
        self._own_selection = case_id
        self.show_case(case_id)
        self.ctx.bus.case_selected.emit(case_id)
        self._own_selection = None

    def show_case(self, case_id: int) -> None:
        """Ring a case and centre the map on it (not when the operator just clicked it here)."""
        centre = case_id != self._own_selection
        self.highlighted_case = case_id
        if self.canvas.highlight_case(case_id, centre=centre):
            return
        maps, principal = self.ctx.map, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: maps.marker(principal, case_id),
                                          lambda marker: self._show_fetched(marker, centre), self._failed)

    def _show_fetched(self, marker: MapCaseMarker | None, centre: bool) -> None:
        if marker is None or marker.case_id != self.highlighted_case:
            return
        self._extra_cases[marker.case_id] = marker
        self._set_case_markers()
        self.canvas.highlight_case(marker.case_id, centre=centre)

    def start_pick(self) -> None:
        """A dialog wants a location: come forward and wait for a click on the map."""
        self.ctx.bus.screen_requested.emit("map")
        self.canvas.set_pick_mode(True)
        self.canvas.setFocus()

    def _pick_mode_changed(self, on: bool) -> None:
        self.pick_banner.setVisible(on)

    def _location_picked(self, lon: float, lat: float) -> None:
        self.status.setText(self.tr("Picked {lon:.6f}, {lat:.6f}").format(lon=lon, lat=lat))
        self.ctx.bus.location_picked.emit(lon, lat)

    # ---- grid import --------------------------------------------------------------------------
    def _choose_and_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import unit grids"), "",
                                              self.tr("GeoJSON (*.geojson *.json);;All files (*)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str | Path) -> None:
        imports, principal = self.ctx.imports, self.ctx.principal
        self.import_button.setEnabled(False)
        self.status.setText(self.tr("Importing {file}…").format(file=Path(path).name))
        self.ctx.runner.run_in_background(lambda _s: imports.grids(principal, path), self._imported,
                                          self._import_failed)

    def _imported(self, result: ImportResult) -> None:
        self.import_button.setEnabled(self.can_import)
        made = result.parents_created
        text = self.tr("Imported {created} new and {updated} changed grids from {file}; created {districts} "
                       "districts, {streets} streets, {communities} communities.").format(
            created=result.created, updated=result.updated, file=Path(result.path).name,
            districts=made.get("districts", 0), streets=made.get("streets", 0),
            communities=made.get("communities", 0))
        if result.warnings:
            text += "\n" + self.tr("Warnings:") + "\n" + "\n".join(f"{w}: {why}" for w, why in result.warnings[:10])
        self.load_geometry()
        self.status.setText(text)
        self.import_finished.emit(result)

    def _import_failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(self.can_import)
        if isinstance(exc, ImportRejected):
            self.import_message, summary = open_import_refused(self, exc)
            self.status.setText(summary)
        else:
            self.status.setText(describe_error(exc))
        self.import_finished.emit(exc)


def _area_matches(area: Any, needle: str) -> bool:
    return isinstance(area, MapArea) and (needle in area.name.lower() or area.pinyin_initials.startswith(needle)
                                          or area.code.startswith(needle))


def _screen_title() -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("MapView", "Map")


SCREEN = ScreenSpec(key="map", order=30, title=_screen_title, icon="map", shortcut="Ctrl+4", factory=MapView)
