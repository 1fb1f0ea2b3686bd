"""Priority colours have one source: the wall, the detail panel and the map paint from the palette.

Each screen once kept its own copy of the priority colours; these tests read what each widget
actually shows, so a screen that grows its own copy again (or drifts) fails here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from commandcenter import palette
from commandcenter.domain.enums import PRIORITY_ORDER, Priority, SourceChannel
from commandcenter.gui.style import current_theme
from commandcenter.itemmodels.roles import ROW_ROLE
from commandcenter.itemmodels.wall import COLUMN_INDEX, WallModel
from commandcenter.services.auth import demo_principal
from commandcenter.services.lifecycle import CaseService
from commandcenter.services.wall import WallScope, load_wall
from commandcenter.shapes.cases import NewCase
from commandcenter.widgets.case_detail import CaseDetailPanel
from commandcenter.widgets.map import style as map_style

from .factories import grid_centre


def _one_case_per_priority(db, city, operator):  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    lon, lat = grid_centre(0)
    for p in PRIORITY_ORDER:
        svc.report(operator, NewCase(source=SourceChannel.PATROL, category_id=city.category_id, priority=p,
                                     description="井盖缺失", lon=lon, lat=lat), register=True)
    return svc


def test_wall_and_detail_show_the_palette_priority_colours(qtbot, db, city, operator) -> None:  # type: ignore[no-untyped-def]
    svc = _one_case_per_priority(db, city, operator)
    rows = load_wall(db, WallScope(centre_ids=operator.centre_ids)).rows
    model = WallModel(now=db.clock.now)
    model.set_rows(rows)
    panel = CaseDetailPanel(now=db.clock.now)
    qtbot.addWidget(panel)
    column = COLUMN_INDEX["priority"]
    seen = set()
    for i in range(model.rowCount()):
        r = model.index(i, column).data(ROW_ROLE)
        expected = palette.PRIORITY_COLOURS[Priority(r.priority)]
        brush = model.index(i, column).data(Qt.ItemDataRole.ForegroundRole)
        # the wall's text is the theme's shade of the priority (gui/style: contrast on its row band)
        assert brush.color().name() == current_theme().priority_colour(r.priority)
        panel.show_detail(svc.detail(demo_principal(svc.db, "supervisor"), r.id))
        assert f"background: {expected};" in panel.priority_badge.styleSheet()
        seen.add(r.priority)
    assert seen == set(PRIORITY_ORDER)


def test_map_markers_use_the_palette_marker_colours() -> None:
    assert map_style.CASE_COLOURS is palette.PRIORITY_MARKER_COLOURS
    assert set(palette.PRIORITY_MARKER_COLOURS) == set(palette.PRIORITY_COLOURS) == set(PRIORITY_ORDER)
    # the map's brighter marker shades are a deliberate second set, not a copy of the text colours
    assert all(QColor(palette.PRIORITY_MARKER_COLOURS[p]).isValid() for p in PRIORITY_ORDER)
