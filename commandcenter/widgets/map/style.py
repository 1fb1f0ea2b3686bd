"""How the map looks: layer names, colours, marker symbols and sizes, zoom limits.

Plain values (no Qt), so tests and benchmarks compare pixels against the same colours the
canvas paints with; the colours themselves come from the application palette.
"""

from __future__ import annotations

from ... import palette

LAYERS: tuple[str, ...] = ("basemap", "grids", "roads", "boundaries", "labels", "cases", "officers")

CLASS_COLOURS = palette.MAP_CLASS_COLOURS
NO_DATA_COLOUR = palette.MAP_NO_DATA
MAX_CLASSES = len(CLASS_COLOURS)
BACKGROUND_COLOUR = palette.MAP_BACKGROUND
GRID_OUTLINE_COLOUR = palette.MAP_GRID_OUTLINE
# (colour, 1-pixel device offsets): the offsets make a 1-pixel line look heavier
_HEAVY_2 = ((0, 0), (1, 0), (0, 1))
COMMUNITY_LINE = (palette.MAP_COMMUNITY_LINE, ((0, 0),))
STREET_LINE = (palette.MAP_STREET_LINE, _HEAVY_2)
HIGHLIGHT_GRID_PEN = (palette.MAP_HIGHLIGHT, 3.0)
HIGHLIGHT_RING_COLOUR = palette.MAP_HIGHLIGHT
HIGHLIGHT_RING_HALO = palette.MAP_CASE_OUTLINE  # white under the ring, so it shows on any fill
LEGEND_TEXT_COLOUR = palette.MAP_OFFICER_OUTLINE
BASEMAP_FILL_ALPHA = 150  # grids stay readable but let the basemap show through
# road class -> passes of (colour, 1-pixel device offsets): a main road is a 2-pixel pale line
# in a grey casing (the casing drawn first, one pixel around it), as street maps draw them
_CASING = ((-1, 0), (2, 0), (0, -1), (0, 2), (-1, 1), (2, 1), (1, -1), (1, 2))
ROAD_LINES: dict[str, tuple[tuple[str, tuple[tuple[int, int], ...]], ...]] = {
    "main": ((palette.MAP_ROAD_CASING, _CASING), (palette.MAP_ROAD_MAIN, (*_HEAVY_2, (1, 1)))),
    "minor": ((palette.MAP_ROAD_MINOR, ((0, 0),)),),
}
MINOR_ROAD_MAX_M_PER_PX = 4.0  # district zoom and closer

CASE_COLOURS = palette.PRIORITY_MARKER_COLOURS
OFFICER_COLOURS = palette.DUTY_MARKER_COLOURS
CASE_SYMBOL, CASE_OUTLINE = "o", palette.MAP_CASE_OUTLINE
# urgent and high cases stand out; the many routine ones stay small at city zoom
CASE_SIZES: dict[str, int] = {"urgent": 9, "high": 8, "normal": 6, "low": 5}
OFFICER_SYMBOL, OFFICER_SIZE, OFFICER_OUTLINE = "d", 8, palette.MAP_OFFICER_OUTLINE
HIT_SLOP_PX = 3.0  # markers are small: accept a click a few pixels off
MIN_OUTLINE_CELL_PX = 5.0  # below this a grid outline is just noise, so it is not drawn
HIGHLIGHT_MAX_VIEW_M = 3_000.0  # highlight_case zooms in to at least street level
MIN_VIEW_M = 40.0
CLASS_SLOTS = MAX_CLASSES + 1  # "no data" and the classes
