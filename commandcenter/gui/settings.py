"""Every QSettings key with its type and default, in one place; window state kept apart."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter

T = TypeVar("T")


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T

    def get(self, settings: QSettings | None = None) -> T:
        s = settings or app_settings()
        value: Any = s.value(self.key, self.default)
        if isinstance(self.default, bool):
            return (value in (True, "true", "1", 1)) if not isinstance(value, bool) else value  # type: ignore[return-value]
        if isinstance(self.default, int) and not isinstance(value, int):
            try:
                return int(value)  # type: ignore[return-value]
            except (TypeError, ValueError):
                return self.default
        return value  # type: ignore[no-any-return]

    def set(self, value: T, settings: QSettings | None = None) -> None:
        (settings or app_settings()).setValue(self.key, value)


# user preferences
LANGUAGE = Option("prefs/language", "")
# minutes without keyboard or mouse before the main window locks (views/signin/idle_lock.py)
IDLE_LOCK_MINUTES = Option("prefs/idle_lock_minutes", 10)
# "light" or "dark" (gui/style.THEMES), chosen in View → Theme
THEME = Option("prefs/theme", "light")
# the application font as a percentage of the system's (Ctrl+= / Ctrl+- / Ctrl+0)
FONT_SCALE = Option("prefs/font_scale", 100)
# a short sound with each urgent arrival's banner (View → Alert sound)
ALERT_SOUND = Option("prefs/alert_sound", True)
# the map's tile basemap: an .mbtiles path or an XYZ/WMTS URL template, and the tiles' coordinate
# system ("wgs84" or "gcj02"); COMMANDCENTER_BASEMAP / COMMANDCENTER_BASEMAP_CRS override them
MAP_TILES = Option("prefs/map_tiles", "")
MAP_TILES_CRS = Option("prefs/map_tiles_crs", "wgs84")
# the trainer's debrief goals (shapes.debrief.DebriefGoals) as JSON; "" for the defaults
DEBRIEF_GOALS = Option("prefs/debrief_goals", "")
# window state (restored, never shown as a preference)
MAIN_GEOMETRY = Option("window/main_geometry", QByteArray())
# the wall: its header (column order, widths, sort indicator), the table/side splitter, the
# sort (column -1 is the triage order) and the filter bar's choices as JSON (wall_filters)
WALL_HEADER = Option("window/wall_header", QByteArray())
WALL_SPLITTER = Option("window/wall_splitter", QByteArray())
WALL_SORT_COLUMN = Option("window/wall_sort_column", -1)
WALL_SORT_DESCENDING = Option("window/wall_sort_descending", False)
WALL_FILTERS = Option("window/wall_filters", "")
# the other screens' splitters (remember_splitter): where the user last put each divider
SEARCH_SPLITTER = Option("window/search_splitter", QByteArray())
ROSTER_SPLITTER = Option("window/roster_splitter", QByteArray())
OFFICER_PAGE_SPLITTER = Option("window/officer_page_splitter", QByteArray())
HANDOVER_SPLITTER = Option("window/handover_splitter", QByteArray())
HANDOVER_LIST_SPLITTER = Option("window/handover_list_splitter", QByteArray())
WARNING_DETAIL_SPLITTER = Option("window/warning_detail_splitter", QByteArray())


def remember_splitter(splitter: QSplitter, option: Option[QByteArray]) -> None:
    """Put back where the user last left `splitter`'s dividers (call once its widgets are in), and
    save them whenever a divider is dragged (a restore or a programmatic resize saves nothing)."""
    state = option.get()
    if state:
        splitter.restoreState(state)
    splitter.splitterMoved.connect(lambda _pos, _index: option.set(splitter.saveState()))


def app_settings() -> QSettings:
    return QSettings("GridCommandCentre", "commandcenter")
