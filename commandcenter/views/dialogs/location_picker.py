"""Where a new case is: an address looked up, coordinates typed, pasted or picked on the map, or a grid.

The new-case dialog's location group on its own: it turns what the call-taker gives into a
point (with the grid it falls in, or `OutsideCity`) or a grid chosen street → community →
grid, and shows the grid found as the coordinates are typed. The address comes first: as it
is typed (characters or pinyin initials) the gazetteer's places are offered in a list under
the field; Up/Down choose, Enter or a click picks one, which fills the coordinates and the
grid. Typed coordinates may be WGS-84 or GCJ-02 (read off Amap, Tencent or WeChat): a GCJ-02
point is converted before its grid is found, and one outside China is refused. A pasted
"lon, lat" is split into both fields; "Pick on map" asks the map screen for a click through
the bus. The dialog keeps the keyboard walk (Enter moves on) and turns the answer into a
`NewCase`.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from ...domain.coords import gcj02_to_wgs84, in_china
from ...errors import OutsideCity
from ...gazetteer_labels import place_kind_label
from ...gui.context import AppContext
from ...gui.icons import icon
from ...gui.style import CAUTION, ERROR, MUTED, OK, shade
from ...services.geo import GridHit, GridLocator
from ...services.reference_lists import AreaTree
from ...shapes.places import PlaceMatch

WGS84, GCJ02 = "wgs84", "gcj02"
PLACE_ROLE = Qt.ItemDataRole.UserRole  # the PlaceMatch of a suggestion
SUGGESTIONS = 8  # as many as one glance takes in

_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")


def parse_coordinate_pair(text: str) -> tuple[float, float] | None:
    """Two numbers pasted into one field ("119.01, 25.43", "25.43 119.01") as (lon, lat).

    In China every longitude (73–135° E) is larger than every latitude (18–54° N), so a pair
    given latitude first (as many map sites copy it) is recognised and swapped.
    """
    numbers = _NUMBER.findall(text)
    if len(numbers) != 2:
        return None
    a, b = float(numbers[0]), float(numbers[1])
    return (a, b) if a >= b else (b, a)


class NotInChina(Exception):
    """A point given as GCJ-02 that lies outside China, where GCJ-02 does not apply."""


class LocationPicker(QGroupBox):
    """An address, coordinates or street → community → grid, and the grid they point to.

    `place_picked` says a gazetteer place was chosen (the dialog moves on to the description,
    since the location is complete).
    """

    place_picked = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._places = None  # the gazetteer's PlaceIndex, once loaded
        self._tree: AreaTree | None = None
        self._locator: GridLocator | None = None
        self._hit: GridHit | OutsideCity | NotInChina | None = None
        self._awaiting_pick = False
        self._typed: dict[QLineEdit, str] = {}
        self._build()
        ctx.bus.location_picked.connect(self._location_picked)

    def _build(self) -> None:
        place = QGridLayout(self)
        self.coordinatesLabel = QLabel()
        self.lonEdit = QLineEdit()
        self.lonEdit.setObjectName("lonEdit")
        self.latEdit = QLineEdit()
        self.latEdit.setObjectName("latEdit")
        for edit in (self.lonEdit, self.latEdit):
            edit.textEdited.connect(lambda text, e=edit: self._coordinates_edited(e, text))
            edit.editingFinished.connect(lambda e=edit: self.split_pair(e))
        # GCJ-02 readings are hundreds of metres off, more than a grid: say which one was typed
        self.crsCombo = QComboBox()
        self.crsCombo.setObjectName("crsCombo")
        self.crsCombo.addItem("", WGS84)
        self.crsCombo.addItem("", GCJ02)
        self.crsCombo.currentIndexChanged.connect(self.update_location)
        self.pickButton = QPushButton(icon("map"), "")
        self.pickButton.setObjectName("pickOnMapButton")
        self.pickButton.setAutoDefault(False)  # Enter never opens the map; Space or a click does
        self.pickButton.clicked.connect(self._request_pick)
        coords = QHBoxLayout()
        coords.addWidget(self.lonEdit, 1)
        coords.addWidget(self.latEdit, 1)
        coords.addWidget(self.crsCombo)
        coords.addWidget(self.pickButton)
        self.gridTitle = QLabel()
        self.gridLabel = QLabel()
        self.gridLabel.setObjectName("gridLabel")
        self.gridLabel.setWordWrap(True)
        self.areaLabel = QLabel()
        self.streetCombo = QComboBox()
        self.streetCombo.setObjectName("streetCombo")
        self.communityCombo = QComboBox()
        self.communityCombo.setObjectName("communityCombo")
        self.gridCombo = QComboBox()
        self.gridCombo.setObjectName("gridCombo")
        self.streetCombo.currentIndexChanged.connect(self._street_changed)
        self.communityCombo.currentIndexChanged.connect(self._community_changed)
        self.gridCombo.currentIndexChanged.connect(self._render_grid)
        area = QHBoxLayout()
        area.addWidget(self.streetCombo, 1)
        area.addWidget(self.communityCombo, 1)
        area.addWidget(self.gridCombo, 2)
        self.addressLabel = QLabel()
        self.addressEdit = QLineEdit()
        self.addressEdit.setObjectName("addressEdit")
        self.addressEdit.setMaxLength(200)
        self.addressEdit.textEdited.connect(self._address_edited)
        # floats over the rows below the address while there is something to offer; the
        # address field keeps the focus (it drives the list, as the category search does)
        self.suggestionList = QListWidget(self)
        self.suggestionList.setObjectName("addressSuggestions")
        self.suggestionList.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.suggestionList.itemClicked.connect(lambda item: self.pick_place(item.data(PLACE_ROLE)))
        self.suggestionList.hide()
        place.addWidget(self.addressLabel, 0, 0)
        place.addWidget(self.addressEdit, 0, 1)
        place.addWidget(self.coordinatesLabel, 1, 0)
        place.addLayout(coords, 1, 1)
        place.addWidget(self.gridTitle, 2, 0)
        place.addWidget(self.gridLabel, 2, 1)
        place.addWidget(self.areaLabel, 3, 0)
        place.addLayout(area, 3, 1)
        place.setColumnStretch(1, 1)

    def retranslate_ui(self) -> None:
        """Called by the dialog, which then lines its labels up with `labels()`."""
        self.setTitle(self.tr("Location"))
        self.coordinatesLabel.setText(self.tr("Lon / &lat"))
        self.coordinatesLabel.setBuddy(self.lonEdit)
        self.lonEdit.setPlaceholderText(self.tr("Longitude, e.g. 119.0075 (or paste “lon, lat”)"))
        self.latEdit.setPlaceholderText(self.tr("Latitude, e.g. 25.4312"))
        self.crsCombo.setItemText(0, self.tr("WGS-84 (GPS)"))
        self.crsCombo.setItemText(1, self.tr("GCJ-02 (Amap, Tencent, WeChat)"))
        self.crsCombo.setToolTip(self.tr("What the typed coordinates are in: points read off Amap, Tencent or WeChat "
                                         "are GCJ-02, hundreds of metres from GPS (WGS-84)"))
        self.crsCombo.setAccessibleName(self.tr("Coordinate system"))
        self.pickButton.setText(self.tr("Pick on &map"))
        self.pickButton.setToolTip(self.tr("Click the location on the map screen (Alt+M, or Space here)"))
        self.pickButton.setAccessibleName(self.tr("Pick on map"))
        self.lonEdit.setAccessibleName(self.tr("Longitude"))
        self.latEdit.setAccessibleName(self.tr("Latitude"))
        self.streetCombo.setAccessibleName(self.tr("Street"))
        self.communityCombo.setAccessibleName(self.tr("Community"))
        self.gridCombo.setAccessibleName(self.tr("Unit grid"))
        self.addressEdit.setAccessibleName(self.tr("Address"))
        self.addressEdit.setToolTip(self.tr("Type characters or pinyin initials (hxl for 华兴路); Up/Down choose, "
                                            "Enter picks and fills the coordinates and grid (Alt+A)"))
        self.suggestionList.setAccessibleName(self.tr("Address suggestions"))
        self.gridTitle.setText(self.tr("Grid"))
        self.areaLabel.setText(self.tr("Or choose"))
        self.streetCombo.setPlaceholderText(self.tr("Street"))
        self.communityCombo.setPlaceholderText(self.tr("Community"))
        self.gridCombo.setPlaceholderText(self.tr("Unit grid"))
        self.addressLabel.setText(self.tr("&Address"))
        self.addressLabel.setBuddy(self.addressEdit)
        self.addressEdit.setPlaceholderText(self.tr("Road and number, landmark, compound, village — or pinyin "
                                                    "initials"))
        self._render_grid()
        self._render_suggestions()

    def labels(self) -> tuple[QLabel, ...]:
        return (self.addressLabel, self.coordinatesLabel, self.gridTitle, self.areaLabel)

    # ---- address look-up ---------------------------------------------------------------
    def set_places(self, places: object) -> None:
        """The gazetteer's place index (a `PlaceIndex`), loaded off the GUI thread by the dialog."""
        self._places = places
        if self.addressEdit.hasFocus():
            self._address_edited(self.addressEdit.text())

    def _address_edited(self, text: str) -> None:
        matches = self._places.search(text, SUGGESTIONS) if self._places is not None else []
        self.suggestionList.clear()
        for match in matches:
            item = QListWidgetItem()
            item.setData(PLACE_ROLE, match)
            self.suggestionList.addItem(item)
        self._render_suggestions()
        if matches:
            self.suggestionList.setCurrentRow(0)  # Enter takes the best match at once
            self._place_suggestions()
            self.suggestionList.show()
            self.suggestionList.raise_()
        else:
            self.suggestionList.hide()

    def _render_suggestions(self) -> None:
        for i in range(self.suggestionList.count()):
            item = self.suggestionList.item(i)
            match: PlaceMatch = item.data(PLACE_ROLE)
            parts = [match.name, place_kind_label(match.kind), self._street_of(match.grid_id)]
            item.setText("   ·   ".join(p for p in parts if p))

    def _street_of(self, grid_id: int | None) -> str:
        """The street a place lies in: a city has many 华兴路 and 人民路, told apart by it."""
        if grid_id is None or self._tree is None:
            return ""
        try:
            return self._tree.street(self._tree.grid(grid_id).street_id).name
        except KeyError:  # a grid outside this seat's area tree
            return ""

    def _place_suggestions(self) -> None:
        edit = self.addressEdit.geometry()
        rows = self.suggestionList.count()
        height = min(rows, 6) * max(self.suggestionList.sizeHintForRow(0), 16) + 4
        height = max(40, min(height, self.height() - edit.bottom() - 2))
        self.suggestionList.setGeometry(edit.left(), edit.bottom() + 1, edit.width(), height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.suggestionList.isVisible():
            self._place_suggestions()

    def suggestions_shown(self) -> bool:
        return self.suggestionList.isVisible() and self.suggestionList.count() > 0

    def move_suggestion(self, step: int) -> None:
        count = self.suggestionList.count()
        if count:
            row = self.suggestionList.currentRow()
            self.suggestionList.setCurrentRow(max(0, min(count - 1, row + step)))

    def hide_suggestions(self) -> None:
        self.suggestionList.hide()

    def pick_current(self) -> bool:
        """Pick the highlighted suggestion (Enter); False when none is offered."""
        item = self.suggestionList.currentItem() if self.suggestions_shown() else None
        if item is None:
            return False
        self.pick_place(item.data(PLACE_ROLE))
        return True

    def pick_place(self, place: PlaceMatch) -> None:
        """Fill the coordinates (the gazetteer is WGS-84) and the grid; keep what was typed when it says more."""
        self.suggestionList.hide()
        typed = self.addressEdit.text().strip()
        if place.name not in typed:
            self.addressEdit.setText(place.name)
        self.crsCombo.setCurrentIndex(self.crsCombo.findData(WGS84))
        self.set_coordinates(place.lon, place.lat)
        if isinstance(self._hit, OutsideCity) and place.grid_id is not None and self._tree is not None:
            # imported with its own grid code, in a gap between drawn grids: the grid, not the point
            self.lonEdit.clear()
            self.latEdit.clear()
            self.update_location()
            self._select_grid(place.grid_id)
        self.place_picked.emit(place)

    def set_area(self, tree: AreaTree, locator: GridLocator) -> None:
        """The streets, communities and grids to choose from and to find points in, once loaded."""
        self._tree, self._locator = tree, locator
        self._fill_streets()
        self._render_suggestions()  # now with their streets
        self.update_location()

    # ---- coordinates ------------------------------------------------------------------
    def _coordinates_edited(self, edit: QLineEdit, text: str) -> None:
        # a pasted "lon, lat" is split at once; a typed one when the field is left (Enter,
        # Tab), so that "25.4, 1" is not taken for a pair while "119.01" is still being typed
        pasted = len(text) - len(self._typed.get(edit, "")) > 1
        self._typed[edit] = text
        if not (pasted and self.split_pair(edit)):
            self.update_location()

    def split_pair(self, edit: QLineEdit) -> bool:
        pair = parse_coordinate_pair(edit.text())
        if pair is None:
            return False
        self.set_coordinates(*pair)
        return True

    def set_coordinates(self, lon: float, lat: float) -> None:
        self.lonEdit.setText(f"{lon:.6f}")
        self.latEdit.setText(f"{lat:.6f}")
        self._typed = {self.lonEdit: self.lonEdit.text(), self.latEdit: self.latEdit.text()}
        self.update_location()

    def coordinates(self) -> tuple[float, float] | None:
        """The typed coordinates, or None while either is empty or not a number."""
        try:
            lon, lat = float(self.lonEdit.text().strip()), float(self.latEdit.text().strip())
        except ValueError:
            return None
        return (lon, lat) if math.isfinite(lon) and math.isfinite(lat) else None

    def has_coordinate_text(self) -> bool:
        return bool(self.lonEdit.text().strip() or self.latEdit.text().strip())

    def crs(self) -> str:
        return str(self.crsCombo.currentData())

    def wgs84(self) -> tuple[float, float] | None:
        """The typed point in WGS-84 (converted from GCJ-02 when so chosen); None while incomplete
        or when a GCJ-02 point lies outside China (`outside` then says why)."""
        coords = self.coordinates()
        if coords is None or self.crs() == WGS84:
            return coords
        if not in_china(*coords):
            return None
        return gcj02_to_wgs84(*coords)

    def outside(self) -> OutsideCity | NotInChina | None:
        """Why the typed point cannot be saved: outside every grid, or GCJ-02 outside China."""
        return self._hit if isinstance(self._hit, OutsideCity | NotInChina) else None

    def update_location(self) -> None:
        coords = self.coordinates()
        self._hit = None
        if coords is not None and self.crs() == GCJ02 and not in_china(*coords):
            self._hit = NotInChina()
        point = self.wgs84()
        if point is not None and self._locator is not None:
            try:
                self._hit = self._locator.locate(*point)
            except OutsideCity as exc:
                self._hit = exc
        found = isinstance(self._hit, GridHit)
        if found:
            assert isinstance(self._hit, GridHit)
            self._select_grid(self._hit.grid_id)
        # a grid found from coordinates is shown in the lists, which then follow the coordinates
        for combo in (self.streetCombo, self.communityCombo, self.gridCombo):
            combo.setEnabled(not found)
        self._render_grid()

    def _render_grid(self) -> None:
        hit = self._hit
        colour = MUTED
        if isinstance(hit, GridHit):
            text, colour = self._grid_text(hit.grid_id), OK
        elif isinstance(hit, OutsideCity):
            text, colour = self.tr("Outside every grid — check the coordinates"), ERROR
        elif isinstance(hit, NotInChina):
            text, colour = self.tr("This point is outside China, where GCJ-02 does not apply: choose WGS-84 or "
                                   "check the coordinates"), ERROR
        elif self.has_coordinate_text():
            if self._locator is None and self.coordinates() is not None:
                text = self.tr("Finding the grid…")
            else:
                text, colour = self.tr("Enter both longitude and latitude as numbers"), CAUTION
        elif self._awaiting_pick:
            text = self.tr("Click the location on the map…")
        elif self.chosen_grid_id() is not None:
            text = self.tr("{grid} (chosen from the list)").format(grid=self._grid_text(self.chosen_grid_id()))
            colour = OK
        else:
            text = self.tr("Enter coordinates, pick on the map, or choose street → community → grid")
        self.gridLabel.setText(text)
        self.gridLabel.setStyleSheet(f"color: {shade(colour)}; font-weight: bold;")

    def _grid_text(self, grid_id: int | None) -> str:
        if self._tree is None or grid_id is None:
            return ""
        g = self._tree.grid(grid_id)
        return self.tr("{code} · {name} ({community}, {street})").format(
            code=g.code, name=g.name, community=self._tree.community(g.community_id).name,
            street=self._tree.street(g.street_id).name)

    def _request_pick(self) -> None:
        self._awaiting_pick = True
        self._render_grid()
        self.ctx.bus.location_pick_requested.emit()

    def _location_picked(self, lon: float, lat: float) -> None:
        if not self._awaiting_pick:
            return
        self._awaiting_pick = False
        self.crsCombo.setCurrentIndex(self.crsCombo.findData(WGS84))  # the map is drawn in WGS-84
        self.set_coordinates(lon, lat)
        self.window().raise_()
        self.window().activateWindow()

    # ---- street → community → grid ----------------------------------------------------
    def _fill_streets(self) -> None:
        assert self._tree is not None
        self.streetCombo.blockSignals(True)
        self.streetCombo.clear()
        for street in self._tree.streets:
            self.streetCombo.addItem(street.name, street.id)
        self.streetCombo.setCurrentIndex(-1)
        self.streetCombo.blockSignals(False)

    def _street_changed(self) -> None:
        self.communityCombo.blockSignals(True)
        self.communityCombo.clear()
        street_id = self.streetCombo.currentData()
        if self._tree is not None and street_id is not None:
            for community in self._tree.street(street_id).communities:
                self.communityCombo.addItem(community.name, community.id)
        self.communityCombo.setCurrentIndex(-1)
        self.communityCombo.blockSignals(False)
        self._community_changed()

    def _community_changed(self) -> None:
        self.gridCombo.blockSignals(True)
        self.gridCombo.clear()
        community_id = self.communityCombo.currentData()
        if self._tree is not None and community_id is not None:
            for grid in self._tree.community(community_id).grids:
                self.gridCombo.addItem(f"{grid.name} · {grid.code}", grid.id)
        self.gridCombo.setCurrentIndex(-1)
        self.gridCombo.blockSignals(False)
        self._render_grid()

    def _select_grid(self, grid_id: int) -> None:
        assert self._tree is not None
        grid = self._tree.grid(grid_id)
        if self.gridCombo.currentData() == grid_id:
            return
        self.streetCombo.setCurrentIndex(self.streetCombo.findData(grid.street_id))
        self.communityCombo.setCurrentIndex(self.communityCombo.findData(grid.community_id))
        self.gridCombo.setCurrentIndex(self.gridCombo.findData(grid_id))

    def chosen_grid_id(self) -> int | None:
        data = self.gridCombo.currentData()
        return int(data) if data is not None else None
