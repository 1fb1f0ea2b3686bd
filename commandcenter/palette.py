"""The application's colours as plain hex strings: the one place a colour is decided.

Qt-free on purpose, so the PDF reports (reportlab) draw with the same colours as the screens;
`commandcenter.gui.style` turns these into QColor, fonts and stylesheets for the widgets.
Where two screens deliberately show one meaning in two shades (a text colour beside a map
marker), both live here under names that say which is which.
"""

from __future__ import annotations

from .domain.deadlines import DueState
from .domain.enums import Priority

# Material-style inks shared by screens and reports.
INK = "#263238"  # body text in reports and key caps
MUTED = "#616161"  # secondary text on screens: hints, timestamps, "no value"
MUTED_LIGHT = "#78909c"  # secondary text in reports, previews and handover records
RULE = "#cfd8dc"  # hairlines: chart grid, header borders
PANEL = "#eceff1"  # header and navigation backgrounds
ACCENT = "#1565c0"  # headings in reports, the active-filter chip
ERROR = "#c62828"  # failures, overdue, urgent
OK = "#2e7d32"  # success messages, on time
WARNING = "#955a00"  # dark amber text (5:1 on the light window and tints): due soon, waits, calendar warnings
CAUTION = "#ef6c00"  # bright orange: incomplete input, due-soon badge
STATUS_BADGE = "#455a64"
SECTION_INK = "#37474f"  # section titles in the detail panel
SECTION_RULE = "#b0bec5"
ENTRY_BACKGROUND = "#fafafa"  # one history entry in the detail panel
KEYCAP_EDGE = "#90a4ae"  # the border of a key on the shortcut sheet
STAR = "#f9a825"  # rating stars
NOTICE_BACKGROUND = "#fff3e0"  # a notice strip (another centre's handover)
NOTICE_INK = "#8d4e00"
PICK_BANNER_BACKGROUND = "#fff3cd"  # the map's "pick a point" banner
PICK_BANNER_EDGE = "#e0c36a"
ON_DUTY_GREEN = "#1a7f37"  # the roster: on-duty text and its success messages
REPORT_ZEBRA = "#f7f9fa"  # alternate table rows in the PDFs
REPORT_TILE = "#f5f7f9"  # figure tiles in the briefing
REPORT_STREETS = "#00838f"  # the briefing's bars per street

# Priority as text and badges (wall cells, detail badge, dialogs).
PRIORITY_COLOURS: dict[str, str] = {
    Priority.URGENT: ERROR,
    Priority.HIGH: CAUTION,
    Priority.NORMAL: ACCENT,
    Priority.LOW: "#757575",
}
# Priority as map markers: brighter, more saturated shades that stay distinct as small dots
# over the yellow-to-red grid choropleth. Same meaning as PRIORITY_COLOURS, different pixels.
PRIORITY_MARKER_COLOURS: dict[str, str] = {
    Priority.URGENT: "#d7191c",
    Priority.HIGH: "#ff8c00",
    Priority.NORMAL: "#1f6fd1",
    Priority.LOW: "#8a8a8a",
}
# Row backgrounds on the wall.
PRIORITY_TINTS: dict[str, str] = {Priority.URGENT: "#fdecea", Priority.HIGH: "#fff4e5"}
NEW_TINT = "#e3f2fd"

# Deadline state in the detail panel's due line (bold text beside the header badges).
DUE_COLOURS: dict[str, str] = {
    DueState.NONE: MUTED,
    DueState.ON_TIME: OK,
    DueState.DUE_SOON: CAUTION,
    DueState.OVERDUE: ERROR,
}
# Deadline state in the wall's table cells: due soon in darker amber, readable on the tinted rows.
DUE_CELL_COLOURS: dict[str, str] = {DueState.DUE_SOON: WARNING, DueState.OVERDUE: ERROR}

# Duty status as text in the roster table: darker than the map markers, readable on white.
DUTY_TEXT_COLOURS: dict[str, str] = {"on_duty": ON_DUTY_GREEN, "in_field": "#7b3294", "off_duty": "#5b5b5b",
                                     "on_leave": "#9e9e9e"}
# Duty status as map markers.
DUTY_MARKER_COLOURS: dict[str, str] = {
    "on_duty": "#1a9850",
    "in_field": "#7b3294",
    "off_duty": "#5b5b5b",
    "on_leave": "#c2c2c2",
}

# The map: ColorBrewer YlOrRd, 6 classes, pale yellow (few) to dark red (many).
MAP_CLASS_COLOURS: tuple[str, ...] = ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026")
MAP_NO_DATA = "#dcdcdc"
MAP_BACKGROUND = "#f3f4f1"
MAP_GRID_OUTLINE = "#8c8c8c"
MAP_COMMUNITY_LINE = "#4a4a4a"
MAP_STREET_LINE = "#1a1a1a"
MAP_HIGHLIGHT = "#0057ff"
MAP_CASE_OUTLINE = "#ffffff"
MAP_OFFICER_OUTLINE = "#202020"
MAP_ROAD_MAIN = "#fdfdfd"  # roads as on a street map: pale lines over the grid colours
MAP_ROAD_MINOR = "#f4f4f4"
MAP_ROAD_CASING = "#9a9a9a"

# Charts in the PDF reports.
CHART_BAR = ACCENT
CHART_BASELINE = CAUTION
CHART_HOT = ERROR
CHART_RISING = "#6a1b9a"
CHART_SHADES: tuple[str, ...] = (PANEL, "#ffe0b2", "#ffb74d", "#fb8c00", "#e65100")
