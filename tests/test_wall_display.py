"""The control-room display on real widgets: the triage-first wall, its remembered layout and
columns that give way to the width, the two themes' contrast measured on grabbed pixels, the
wall mode kept live by the change feed, font scaling, and urgent alerts that time out of the
banner into the alert list."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QTableView

from commandcenter.app import build_window
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.gui import settings, style
from commandcenter.gui.tasks import SynchronousRunner
from commandcenter.itemmodels.wall import COLUMN_INDEX, TRIAGE, WallModel, is_overdue
from commandcenter.services.auth import demo_principal
from commandcenter.services.facade.escalations import EscalationService
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.services.wall import WallScope, load_wall
from commandcenter.shapes.cases import NewCase
from commandcenter.views import wall_mode_rate
from commandcenter.views.main_window import MainWindow

from .factories import grid_centre

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def windows(windows) -> Iterator[list[MainWindow]]:  # type: ignore[no-untyped-def]
    """The shared fixture's windows, and the light theme and normal font back after them."""
    yield windows
    style.apply_theme("light")  # the theme and font are the application's: back for the next test
    style.apply_font_scale(100)


def open_window(windows, qtbot, db, username: str = "supervisor", size=(1500, 850)) -> MainWindow:  # type: ignore[no-untyped-def]
    window = build_window(db, username, runner=SynchronousRunner())
    windows.append(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def report(db, city, priority: Priority, i: int, clock=None, minutes: int = 0):  # type: ignore[no-untyped-def]
    if clock is not None and minutes:
        clock.advance(minutes=minutes)
    lon, lat = grid_centre(i % 4)
    return CaseService(db).report(demo_principal(db, "operator"), NewCase(
        source=SourceChannel.HOTLINE_12345, category_id=city.category_id, priority=priority,
        description=f"案件{i}", lon=lon, lat=lat, address=f"荔城中大道{i}号"))


@pytest.fixture
def triage_city(db, city, clock):  # type: ignore[no-untyped-def]
    """Two overdue cases (30-minute register limit long past), one under reminder (催办, 80 % of
    its limit), an urgent and a normal one, and a closed case; returns their ids by name."""
    ids = {}
    ids["late_a"] = report(db, city, Priority.NORMAL, 0).id
    ids["late_b"] = report(db, city, Priority.LOW, 1, clock, 1).id
    ids["reminded"] = report(db, city, Priority.NORMAL, 2, clock, 20).id
    svc, op, sup = CaseService(db), demo_principal(db, "operator"), demo_principal(db, "supervisor")
    done = report(db, city, Priority.HIGH, 3, clock, 1)
    for actor, action, params in ((op, Action.REGISTER, TransitionParams()),
                                  (op, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0])),
                                  (op, Action.ACCEPT, TransitionParams()),
                                  (op, Action.FEED_BACK, TransitionParams(note="已处理")),
                                  (sup, Action.CLOSE, TransitionParams(note="现场核查通过"))):
        done = svc.perform(actor, done.id, action, params)
    ids["closed"] = done.id
    clock.advance(minutes=24)  # reminded: 25 of 30 minutes; the first two: 45 and 44 minutes
    ids["urgent"] = report(db, city, Priority.URGENT, 4).id
    ids["normal"] = report(db, city, Priority.NORMAL, 5).id
    EscalationService(db).scan(sup)
    return ids


def test_default_order_is_triage_with_closed_cases_a_filter_away(qtbot, windows, db, triage_city) -> None:  # type: ignore[no-untyped-def]
    window = open_window(windows, qtbot, db)
    wall = window.screen("wall")
    shown = [wall.model.row_at(n).id for n in range(wall.model.rowCount())]
    ids = triage_city
    assert set(shown[:2]) == {ids["late_a"], ids["late_b"]}  # the overdue ones first
    assert shown[2:] == [ids["reminded"], ids["urgent"], ids["normal"]]  # escalated, urgent, the rest
    assert ids["closed"] not in shown and wall.model.case(ids["closed"]) is not None  # loaded, not shown
    status = wall.model.index(shown.index(ids["reminded"]), COLUMN_INDEX["status"]).data()
    assert status.endswith("· Reminder")  # the escalation is on its row
    # closed cases are one choice away
    wall.filters.status_combo.setCurrentIndex(wall.filters.status_combo.findData("closed"))
    qtbot.waitUntil(lambda: [r.id for r in wall.model.visible_rows()] == [ids["closed"]], timeout=2000)


def test_overdue_and_escalated_rows_are_marked_across_the_row(qtbot, windows, db, triage_city) -> None:  # type: ignore[no-untyped-def]
    window = open_window(windows, qtbot, db)
    wall = window.screen("wall")
    model, theme = wall.model, style.current_theme()
    for name, band, icon_expected in (("late_a", theme.band_overdue, True), ("reminded", theme.band_escalated, True),
                                      ("urgent", theme.band_urgent, False), ("normal", None, False)):
        row = model.display_row_of(triage_city[name])
        backgrounds = [model.index(row, c).data(Qt.ItemDataRole.BackgroundRole) for c in range(model.columnCount())]
        colours = {b.color().name() if b is not None else None for b in backgrounds}
        assert colours == {band}, name  # every cell of the row, not one column
        assert (model.index(row, 0).data(Qt.ItemDataRole.DecorationRole) is not None) == icon_expected, name
    # the banding on screen: a pixel of the location cell of the first (overdue) row
    table = wall.table
    rect = table.visualRect(model.index(0, COLUMN_INDEX["location"]))
    image = table.viewport().grab().toImage()
    assert image.pixelColor(rect.right() - 2, rect.top() + 2).name() == theme.band_overdue


def test_layout_sort_and_filters_are_remembered_in_a_new_window(qtbot, windows, db, triage_city) -> None:  # type: ignore[no-untyped-def]
    window = open_window(windows, qtbot, db)
    wall = window.screen("wall")
    header = wall.table.horizontalHeader()
    assert wall.model.sort_column == TRIAGE
    wall.table.sortByColumn(COLUMN_INDEX["priority"], Qt.SortOrder.DescendingOrder)
    wall.filters.priority_combo.setCurrentIndex(wall.filters.priority_combo.findData("normal"))
    wall.filters.period_combo.setCurrentIndex(wall.filters.period_combo.findData(7))
    header.moveSection(header.visualIndex(COLUMN_INDEX["source"]), 1)
    header.resizeSection(COLUMN_INDEX["category"], 201)
    window.close()  # saves the layout

    again = open_window(windows, qtbot, db)
    wall2 = again.screen("wall")
    header2 = wall2.table.horizontalHeader()
    assert (wall2.model.sort_column, wall2.model.sort_order) == (COLUMN_INDEX["priority"], Qt.SortOrder.DescendingOrder)
    assert wall2.filters.priority_combo.currentData() == "normal"
    assert wall2.filters.period_combo.currentData() == 7 and wall2.scope.period_start is not None  # loaded so
    assert {r.priority for r in wall2.model.visible_rows()} == {"normal"}
    assert header2.visualIndex(COLUMN_INDEX["source"]) == 1
    assert header2.sectionSize(COLUMN_INDEX["category"]) == 201
    wall2.filters.triage_button.click()  # back to triage: remembered too
    assert wall2.model.sort_column == TRIAGE


def test_columns_give_way_to_the_width_at_1366(qtbot, windows, db, triage_city) -> None:  # type: ignore[no-untyped-def]
    window = open_window(windows, qtbot, db, size=(1366, 768))
    wall = window.screen("wall")
    qtbot.waitUntil(lambda: "grid" in wall.layout_memory.hidden_columns(), timeout=2000)
    hidden = wall.layout_memory.hidden_columns()
    assert not {"location", "source", "assignee", "community", "number", "time_left"} & set(hidden)
    header, width = wall.table.horizontalHeader(), wall.table.viewport().width()
    for key in ("location", "source", "assignee"):  # on screen without scrolling
        section = COLUMN_INDEX[key]
        assert 0 <= header.sectionViewportPosition(section) < width, key
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: wall.layout_memory.hidden_columns() == [], timeout=2000)


# ---- contrast (WCAG 2.x) measured on grabbed pixels -----------------------------------------

def _linear(c: float) -> float:
    c /= 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    return 0.2126 * _linear(colour.red()) + 0.7152 * _linear(colour.green()) + 0.0722 * _linear(colour.blue())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def measured_contrast(image, rect) -> float:  # type: ignore[no-untyped-def]
    """Text against its background inside one cell of a grab: the background is the cell's
    corner pixel, the text the pixel furthest from it (a glyph's stem, not its antialiasing)."""
    background = image.pixelColor(rect.left() + 1, rect.top() + 1)
    best = 1.0
    for x in range(rect.left() + 1, rect.right()):
        for y in range(rect.top() + 1, rect.bottom()):
            best = max(best, contrast(image.pixelColor(x, y), background))
    return best


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_row_colours_meet_wcag_contrast_in_both_themes(qtbot, db, city, clock, theme) -> None:  # type: ignore[no-untyped-def]
    """Every priority's text, the overdue countdown and the escalation level, on their bands, at
    normal text size and weight: 4.5:1 (WCAG 2.x AA for normal text; no large-text allowance)."""
    ids = {p: report(db, city, p, n).id for n, p in enumerate(Priority)}
    clock.advance(minutes=45)  # all overdue: the countdowns turn red on the overdue band
    late = report(db, city, Priority.NORMAL, 5).id
    clock.advance(minutes=25)  # this one now under reminder (83 % of its limit), not yet overdue
    EscalationService(db).scan(demo_principal(db, "supervisor"))
    fresh = {p: report(db, city, p, 10 + n).id for n, p in enumerate(Priority)}  # bands by priority
    style.apply_theme(theme)
    try:
        model = WallModel(now=db.clock.now)
        model.set_rows(load_wall(db, WallScope(centre_ids=demo_principal(db, "operator").centre_ids)).rows)
        view = QTableView()
        qtbot.addWidget(view)
        view.setModel(model)
        view.resize(1400, 600)
        view.show()
        qtbot.waitExposed(view)
        for c in range(model.columnCount()):
            view.horizontalHeader().resizeSection(c, 110)
        QApplication.processEvents()
        image = view.viewport().grab().toImage()
        now = int(clock.now().timestamp())
        cells = []
        for cid in [*ids.values(), late, *fresh.values()]:
            row = model.display_row_of(cid)
            r = model.row_at(row)
            cells.append((f"{r.priority} priority", row, COLUMN_INDEX["priority"]))
            cells.append((f"{r.priority} number", row, COLUMN_INDEX["number"]))
            if is_overdue(r, now):
                cells.append(("overdue countdown", row, COLUMN_INDEX["time_left"]))
            if r.escalation_level:
                cells.append(("escalation level", row, COLUMN_INDEX["status"]))
        assert any(name == "overdue countdown" for name, _r, _c in cells)
        assert any(name == "escalation level" for name, _r, _c in cells)
        ratios = {(name, row): measured_contrast(image, view.visualRect(model.index(row, col)))
                  for name, row, col in cells}
        low = {k: round(v, 2) for k, v in ratios.items() if v < 4.5}
        assert not low, f"{theme}: {low}"
    finally:
        style.apply_theme("light")


# ---- wall mode, fonts, alerts ----------------------------------------------------------------

def test_wall_mode_is_live_from_the_change_feed(qtbot, windows, db, triage_city, city) -> None:  # type: ignore[no-untyped-def]
    window = open_window(windows, qtbot, db)
    mode = window.display.open_wall_mode()
    qtbot.waitUntil(lambda: bool(mode.windowState() & Qt.WindowState.WindowFullScreen), timeout=2000)
    assert mode.model.rowCount() == 5 and mode.tiles["open"].value.text() == "5"
    assert mode.tiles["overdue"].value.text() == "2"
    assert mode.table.font().pixelSize() >= 24
    new = report(db, city, Priority.URGENT, 7)
    window.ctx.feed.poll()  # another seat's commit, as the feed delivers it to every screen
    assert new.id in {r.id for r in mode.model.visible_rows()}
    assert mode.tiles["open"].value.text() == "6"
    ids = triage_city  # overdue, escalated, then the urgent ones (the older first at equal time left)
    assert [r.id for r in mode.model.visible_rows()][2:5] == [ids["reminded"], ids["urgent"], new.id]
    qtbot.keyClick(mode, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.display.wall_mode is None, timeout=2000)


def test_wall_mode_shows_todays_on_time_closure_rate_recomputed_at_most_once_per_interval(  # type: ignore[no-untyped-def]
        qtbot, windows, db, triage_city, city, monkeypatch) -> None:
    """按期结案率 from the briefing's KPI service, off the GUI thread; a burst of changes is one run."""
    monkeypatch.setattr(wall_mode_rate, "MIN_INTERVAL_MS", 50)
    window = open_window(windows, qtbot, db)
    sup = window.ctx.principal
    calls = []
    figures = window.ctx.briefings.figures
    monkeypatch.setattr(window.ctx.briefings, "figures", lambda *a, **k: calls.append(a) or figures(*a, **k))
    mode = window.display.open_wall_mode()
    today = mode.on_time.today()
    assert len(calls) == 1 and calls[0][1] == today
    assert mode.tiles["on_time"].value.text() == wall_mode_rate.rate_text(figures(sup, today))
    for i in range(3):  # three commits from other seats, each delivered by the feed
        report(db, city, Priority.NORMAL, 20 + i)
        window.ctx.feed.poll()
    assert len(calls) == 1 and mode.on_time._timer.isActive()  # waits out the interval
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=2000)
    assert not mode.on_time._timer.isActive()  # the burst was one run
    kpis = figures(sup, today)
    assert wall_mode_rate.rate_text(dataclasses.replace(kpis, due_to_close=4, closed_on_time=3)) == "75.0%"
    assert wall_mode_rate.rate_text(dataclasses.replace(kpis, due_to_close=0, closed_on_time=0)) == "—"
    qtbot.keyClick(mode, Qt.Key.Key_Escape)


def test_font_size_steps_app_wide_and_is_remembered(qtbot, windows, db, city) -> None:  # type: ignore[no-untyped-def]
    window = open_window(windows, qtbot, db)
    wall = window.screen("wall")
    base = QGuiApplication.font().pointSizeF()
    row_height = wall.table.verticalHeader().defaultSectionSize()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    qtbot.keyClick(wall.table, Qt.Key.Key_Equal, CTRL)
    qtbot.keyClick(wall.table, Qt.Key.Key_Equal, CTRL)
    assert settings.FONT_SCALE.get() == 125
    assert QGuiApplication.font().pointSizeF() == pytest.approx(base * 1.25)
    qtbot.waitUntil(lambda: QFont(wall.table.font()).pointSizeF() == pytest.approx(base * 1.25), timeout=2000)
    qtbot.waitUntil(lambda: wall.table.verticalHeader().defaultSectionSize() > row_height, timeout=2000)
    qtbot.keyClick(wall.table, Qt.Key.Key_0, CTRL)
    assert settings.FONT_SCALE.get() == 100 and QGuiApplication.font().pointSizeF() == pytest.approx(base)


def test_theme_switch_is_remembered(qtbot, windows, db, city) -> None:  # type: ignore[no-untyped-def]
    window = open_window(windows, qtbot, db)
    window.display.theme_actions["dark"].trigger()
    assert settings.THEME.get() == "dark" and style.current_theme().key == "dark"
    assert QApplication.palette().base().color().name() == style.DARK.base
    window.close()
    style.apply_theme("light")
    open_window(windows, qtbot, db)  # the next start comes up dark
    assert style.current_theme().key == "dark"


def test_urgent_banner_times_out_into_the_alert_list(qtbot, windows, db, city, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = open_window(windows, qtbot, db, username="operator")
    wall = window.screen("wall")
    monkeypatch.setattr(wall.alert_sink.sound, "play", lambda: None)
    wall.alert_banner.timer.setInterval(50)
    row = report(db, city, Priority.URGENT, 0)
    window.ctx.feed.poll()
    assert wall.alert_banner.isVisible() and row.case_number in wall.alert_banner.text()
    assert window.alert_count.text() == "1 unacknowledged alerts"
    qtbot.waitUntil(lambda: not wall.alert_banner.isVisible(), timeout=2000)  # gone without a click
    assert window.alert_count.text() == "1 unacknowledged alerts"  # still waiting in the list
    qtbot.mouseClick(window.alert_count, Qt.MouseButton.LeftButton)
    dialog = window.alert_count.dialog
    assert dialog is not None and dialog.alerts.count() == 1 and row.case_number in dialog.alerts.item(0).text()
    with qtbot.waitSignal(window.ctx.bus.case_selected):
        dialog.alerts.itemActivated.emit(dialog.alerts.item(0))
    assert wall.current_case().id == row.id
    dialog.alerts.item(0).setSelected(True)
    qtbot.mouseClick(dialog.ack_button, Qt.MouseButton.LeftButton)
    assert dialog.alerts.count() == 0 and window.alert_count.text() == "0"
    dialog.close()


def test_status_bar_clock_shows_centre_time_and_working_day(qtbot, windows, db, city, clock) -> None:  # type: ignore[no-untyped-def]
    window = open_window(windows, qtbot, db)
    window.refresh_counts()
    assert window.clock.text() == "Wed 10:00:00 · working day"  # 02:00 UTC in Shanghai
    assert "2026-11-25" in window.clock.toolTip()
    clock.advance(timedelta(days=3))  # Saturday
    window.refresh_counts()
    assert window.clock.text() == "Sat 10:00:00 · rest day"
