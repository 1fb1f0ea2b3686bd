"""An officer's page: their grids, open cases, duty changes and positions, places named by grid
rather than coordinates; opened from the roster with Ctrl+I, Enter or a double-click."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from commandcenter.domain.enums import DutyStatus
from commandcenter.gui.context import AppContext
from commandcenter.gui.feed import ChangeFeed
from commandcenter.gui.tasks import SynchronousRunner
from commandcenter.itemmodels.roster import Column
from commandcenter.services.auth import demo_principal
from commandcenter.services.facade.roster import RosterService
from commandcenter.services.roster import (
    PositionReport,
    officer_row,
    record_positions,
    set_duty_status,
)
from commandcenter.views.roster import RosterView
from commandcenter.views.roster.officer_page import OfficerPageDialog

from .factories import STEP, X0, grid_centre
from .test_roster import dispatch_case


@pytest.fixture
def zhang(db, city, clock, supervisor, operator) -> int:  # type: ignore[no-untyped-def]
    """Officer 0 (grids 01 and 04): two duty changes, a case, and three position reports: two in
    grid 01, then one just east of the city, 1.5 grid widths past grid 02's centre."""
    officer = city.officer_ids[0]
    assert officer_row(db, officer).duty_status == DutyStatus.ON_DUTY
    set_duty_status(db, supervisor, officer, DutyStatus.IN_FIELD)
    clock.advance(minutes=10)
    set_duty_status(db, supervisor, officer, DutyStatus.ON_DUTY)
    dispatch_case(db, operator, city, officer, grid=0)
    now = clock.now()
    lon, lat = grid_centre(0)
    record_positions(db, [PositionReport(officer, now - timedelta(minutes=30), lon, lat),
                          PositionReport(officer, now - timedelta(minutes=20), lon + STEP / 4, lat),
                          PositionReport(officer, now - timedelta(minutes=5), X0 + 2.5 * STEP, lat)])
    return officer


def test_the_page_names_places_and_keeps_the_history(db, city, zhang) -> None:  # type: ignore[no-untyped-def]
    page = RosterService(db).page(demo_principal(db, "supervisor"), zhang)
    assert [g.code[-2:] for g in page.grids if g.mine] == ["01", "04"]
    assert len(page.grids) == 4  # the community's other grids, for context
    assert len(page.open_cases) == 1 and page.open_cases[0].assignee_officer_id == zhang
    assert [(d.from_status, d.to_status, d.by_name) for d in page.duty_history] == [
        ("in_field", "on_duty", "Supervisor"), ("on_duty", "in_field", "Supervisor")]
    # newest first: outside the city near grid 02, then one stay of two reports in grid 01
    near, inside = page.stays
    assert near.place is not None and near.place.grid_name == "东岩社区第02网格"
    assert 90 < near.place.distance_m < 130  # one grid width (about 100 m) east of its centre
    assert inside.reports == 2 and inside.place is not None and inside.place.distance_m == 0
    assert (inside.place.grid_name, inside.place.community_name, inside.place.street_name) == (
        "东岩社区第01网格", "东岩社区", "龙桥街道")
    assert inside.first_at < inside.last_at < near.first_at
    assert page.last_place == near.place


def test_the_roster_shows_a_place_name_not_coordinates(db, city, zhang) -> None:  # type: ignore[no-untyped-def]
    row = officer_row(db, zhang)
    assert row.last_place is not None and row.last_place.grid_name == "东岩社区第02网格"


def _view(qtbot, db) -> RosterView:  # type: ignore[no-untyped-def]
    runner = SynchronousRunner()
    ctx = AppContext(db=db, principal=demo_principal(db, "supervisor"), runner=runner, feed=ChangeFeed(db, runner))
    view = RosterView(ctx)
    qtbot.addWidget(view)
    view.resize(1400, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_ctrl_i_opens_the_selected_officers_page(qtbot, db, city, zhang) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, db)
    assert view.model.index_of(zhang, Column.POSITION).data().startswith("near 东岩社区第02网格")
    assert view.select_officer(zhang)
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClick(view.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    pages = view.findChildren(OfficerPageDialog)
    assert len(pages) == 1
    page = pages[0]
    qtbot.waitUntil(lambda: page.page is not None)
    assert page.isVisible() and "张伟" in page.title.text()
    assert page.cases.topLevelItemCount() == 1 and page.duty.topLevelItemCount() == 2
    assert page.stays.topLevelItem(1).text(2) == "东岩社区第01网格"
    assert page.tabs.tabText(2) == "Positions (2)"
    assert "东岩社区第02网格" in page.summary.text()  # the last position, named
    assert page.sketch.grab().toImage().pixelColor(5, 5).isValid()
    page.close()


def test_enter_and_a_double_click_open_the_page_too(qtbot, db, city, zhang) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, db)
    center = view.table.visualRect(view.model.index_of(zhang, Column.NAME)).center()
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.waitUntil(lambda: len(view.findChildren(OfficerPageDialog)) == 1)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(view.findChildren(OfficerPageDialog)) == 2)
    for page in view.findChildren(OfficerPageDialog):
        assert page.officer_id == zhang
        page.close()
