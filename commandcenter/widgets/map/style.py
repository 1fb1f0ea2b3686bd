"""How the map looks: layer names, colours, marker symbols and sizes, zoom limits.

Plain values (no Qt), so tests and benchmarks compare pixels against the same colours the
canvas paints with.
"""

from __future__ import annotations

LAYERS: tuple[str, ...] = ("basemap", "grids", "boundaries", "cases", "officers")

# ColorBrewer YlOrRd, 6 classes: pale yellow (few) to dark red (many).
CLASS_COLOURS: tuple[str, ...] = ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026")
NO_DATA_COLOUR = "#dcdcdc"
MAX_CLASSES = len(CLASS_COLOURS)
BACKGROUND_COLOUR = "#f3f4f1"
GRID_OUTLINE_COLOUR = "#8c8c8c"
# (colour, 1-pixel device offsets): the offsets make a 1-pixel line look heavier
_HEAVY_2 = ((0, 0), (1, 0), (0, 1))
COMMUNITY_LINE = ("#4a4a4a", ((0, 0),))
STREET_LINE = ("#1a1a1a", _HEAVY_2)
HIGHLIGHT_GRID_PEN = ("#0057ff", 3.0)
HIGHLIGHT_RING_COLOUR = "#0057ff"
BASEMAP_FILL_ALPHA = 150  # grids stay readable but let the basemap show through

CASE_COLOURS: dict[str, str] = {
    "urgent": "#d7191c",
    "high": "#ff8c00",
    "normal": "#1f6fd1",
    "low": "#8a8a8a",
}
OFFICER_COLOURS: dict[str, str] = {
    "on_duty": "#1a9850",
    "in_field": "#7b3294",
    "off_duty": "#5b5b5b",
    "on_leave": "#c2c2c2",
}
CASE_SYMBOL, CASE_OUTLINE = "o", "#ffffff"
# urgent and high cases stand out; the many routine ones stay small at city zoom
CASE_SIZES: dict[str, int] = {"urgent": 9, "high": 8, "normal": 6, "low": 5}
OFFICER_SYMBOL, OFFICER_SIZE, OFFICER_OUTLINE = "d", 8, "#202020"
HIT_SLOP_PX = 3.0  # markers are small: accept a click a few pixels off
MIN_OUTLINE_CELL_PX = 5.0  # below this a grid outline is just noise, so it is not drawn
HIGHLIGHT_MAX_VIEW_M = 3_000.0  # highlight_case zooms in to at least street level
MIN_VIEW_M = 40.0
CLASS_SLOTS = MAX_CLASSES + 1  # "no data" and the classes
