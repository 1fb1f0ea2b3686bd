"""The wall's warning tab and the warning detail on real widgets: the count in the tab title and
the rows, the three answers from the dialog (and their refusals in words), a new warning from
the change feed without a restart. The item model passes qtmodeltester."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor
from sqlalchemy import select

from commandcenter.domain.enums import CaseStatus, Priority, SourceChannel
from commandcenter.gui.context import AppContext
from commandcenter.gui.feed import ChangeFeed
from commandcenter.gui.tasks import SynchronousRunner
from commandcenter.itemmodels.warnings import COLUMN_INDEX, WarningModel
from commandcenter.models import Case
from commandcenter.services.auth import demo_principal
from commandcenter.services.lifecycle import CaseService
from commandcenter.shapes.cases import NewCase
from commandcenter.shapes.warnings import WarningItem, WarningKind, WarningStatus
from commandcenter.views.dialogs.warning_detail import WarningDetailDialog
from commandcenter.views.wall_view import WallView
from commandcenter.widgets.map.warning_layer import WARNING_COLOUR

from .factories import STEP, grid_centre
from .test_warning_actions import ADDRESS, raise_recurrence


def make_ctx(db, username: str) -> AppContext:  # type: ignore[no-untyped-def]
    runner = SynchronousRunner()
    return AppContext(db=db, principal=demo_principal(db, username), runner=runner, feed=ChangeFeed(db, runner))


def open_wall(qtbot, db, username: str) -> WallView:  # type: ignore[no-untyped-def]
    wall = WallView(make_ctx(db, username))
    qtbot.addWidget(wall)
    wall.resize(1500, 800)
    wall.show()
    qtbot.waitExposed(wall)
    return wall


def tab_title(wall: WallView) -> str:
    return wall.side.tabText(wall.side.indexOf(wall.warning_panel))


def open_detail(qtbot, wall: WallView, row: int = 0) -> WarningDetailDialog:  # type: ignore[no-untyped-def]
    """Enter on a row of the list, as a supervisor does."""
    panel = wall.warning_panel
    wall.side.setCurrentWidget(panel)
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.model.index(row, 0))
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert panel.dialog is not None
    qtbot.waitExposed(panel.dialog)
    return panel.dialog


def close_dialog(dialog: WarningDetailDialog) -> None:
    dialog.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def warning(db, city, operator) -> WarningItem:  # type: ignore[no-untyped-def]
    return raise_recurrence(db, operator, city)


def sample(n: int, **changes) -> WarningItem:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime
    at = datetime(2026, 11, 25, 2, 0, tzinfo=UTC) + timedelta(hours=n)
    item = WarningItem(id=n, kind=WarningKind.CLUSTER, status=WarningStatus.OPEN, subject=f"grid {n}",
                       category_code="0101", grid_ids=(1,), case_ids=(1, 2, 3), raised_at=at, last_evidence_at=at,
                       evidence={"count": 3 + n, "grids": 2, "hours": 5.5})
    return replace(item, **changes)


def test_model_passes_qtmodeltester_and_words_the_evidence(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = WarningModel("Asia/Shanghai")
    model.category_names = {"0101": ("井盖", "Manhole cover")}
    model.set_rows([sample(1), sample(2, status=WarningStatus.DISMISSED), sample(3)])
    qtmodeltester.check(model)
    assert model.rowCount() == 2  # answered ones hidden until asked for
    model.sort(COLUMN_INDEX["status"])
    assert model.index(0, COLUMN_INDEX["evidence"]).data() == "6 cases over 2 grids in 5.5 h"
    assert model.index(0, COLUMN_INDEX["category"]).data() == "0101 Manhole cover"
    model.set_show_answered(True)
    assert model.rowCount() == 3
    model.upsert([sample(1, status=WarningStatus.ACKNOWLEDGED)])
    qtmodeltester.check(model)


def test_the_tab_shows_the_open_count_and_the_rows(qtbot, db, warning) -> None:  # type: ignore[no-untyped-def]
    wall = open_wall(qtbot, db, "supervisor")
    qtbot.waitUntil(lambda: tab_title(wall) == "Warnings (1)")
    model = wall.warning_panel.model
    assert model.rowCount() == 1
    assert model.index(0, COLUMN_INDEX["kind"]).data() == "Recurrence"
    assert model.index(0, COLUMN_INDEX["subject"]).data() == ADDRESS  # a supervisor sees the address
    assert model.index(0, COLUMN_INDEX["evidence"]).data() == "3 cases in 30 days within 50 m"


def test_acknowledge_from_the_dialog_needs_a_note(qtbot, db, warning) -> None:  # type: ignore[no-untyped-def]
    wall = open_wall(qtbot, db, "supervisor")
    dialog = open_detail(qtbot, wall)
    qtbot.waitUntil(lambda: len(dialog.case_ids_shown()) == 3)
    assert dialog.case_ids_shown() == list(warning.case_ids)
    qtbot.mouseClick(dialog.ack_button, Qt.MouseButton.LeftButton)
    assert "note" in dialog.message_text()
    dialog.note.setPlainText("the water company replaces the cover on Friday")
    qtbot.mouseClick(dialog.ack_button, Qt.MouseButton.LeftButton)
    assert dialog.message_text() == "Acknowledged."
    assert not dialog.ack_button.isEnabled()
    assert "the water company" in dialog.fact_labels["answer"][1].text()
    assert tab_title(wall) == "Warnings"
    assert wall.warning_panel.model.rowCount() == 0
    close_dialog(dialog)


def test_dismiss_needs_a_reason_and_act_opens_a_linked_case(qtbot, db, city, operator, warning) -> None:  # type: ignore[no-untyped-def]
    wall = open_wall(qtbot, db, "supervisor")
    dialog = open_detail(qtbot, wall)
    qtbot.mouseClick(dialog.dismiss_button, Qt.MouseButton.LeftButton)
    assert "reason" in dialog.message_text()
    dialog.act_kind.setCurrentIndex(dialog.act_kind.findData("patrol"))
    dialog.note.setPlainText("巡查井盖并设置警示")
    qtbot.mouseClick(dialog.act_button, Qt.MouseButton.LeftButton)
    assert dialog.message_text() == "Patrol task opened."
    assert dialog.item.status is WarningStatus.ACTED and dialog.item.linked_case_id is not None
    with db.read() as s:
        status = s.scalar(select(Case.status).where(Case.id == dialog.item.linked_case_id))
    assert status == CaseStatus.DISPATCHED.value
    assert "Opened as case 2026" in dialog.fact_labels["answer"][1].text()
    close_dialog(dialog)
    other = raise_recurrence(db, operator, city, grid=3)
    wall.ctx.live_warnings.reload()
    dialog = wall.warning_panel.open_item(wall.ctx.live_warnings.items[other.id])
    dialog.note.setPlainText("a leaf pile reported three times, swept")
    qtbot.mouseClick(dialog.dismiss_button, Qt.MouseButton.LeftButton)
    assert dialog.message_text() == "Dismissed."
    close_dialog(dialog)


def test_an_operator_sees_the_warning_but_no_answers(qtbot, db, warning) -> None:  # type: ignore[no-untyped-def]
    wall = open_wall(qtbot, db, "operator")
    qtbot.waitUntil(lambda: tab_title(wall) == "Warnings (1)")
    dialog = open_detail(qtbot, wall)
    assert not dialog.answer_box.isVisible()
    assert not dialog.ack_button.isEnabled()
    close_dialog(dialog)


def test_a_second_supervisor_is_told_who_answered_first(qtbot, db, warning) -> None:  # type: ignore[no-untyped-def]
    mine = open_wall(qtbot, db, "supervisor")
    dialog = open_detail(qtbot, mine)
    admin = make_ctx(db, "admin")  # another seat answers while this dialog is open
    admin.warning_actions.dismiss(admin.principal, warning.id, "duplicate of a known works site")
    dialog.note.setPlainText("seen")
    qtbot.mouseClick(dialog.ack_button, Qt.MouseButton.LeftButton)
    assert dialog.message_text().startswith(f"{admin.principal.display_name} already dismissed this warning at ")
    assert dialog.item.status is WarningStatus.DISMISSED  # read again after the refusal
    assert not dialog.ack_button.isEnabled()
    close_dialog(dialog)


def test_a_new_warning_arrives_through_the_feed(qtbot, db, city, operator) -> None:  # type: ignore[no-untyped-def]
    wall = open_wall(qtbot, db, "supervisor")
    qtbot.waitUntil(lambda: wall.ctx.live_warnings.loaded)
    assert tab_title(wall) == "Warnings"
    cases = CaseService(db)
    lon, lat = grid_centre(1)
    with qtbot.waitSignal(wall.warning_panel.raised, timeout=5000) as raised:
        for _ in range(3):  # another seat takes three calls about one place; nobody runs the detectors
            cases.report(operator, NewCase(SourceChannel.HOTLINE_12345, city.category_id, Priority.NORMAL,
                                           "井盖缺失", lon=lon, lat=lat, address="东岩路9号"))
        wall.ctx.feed.poll()
    assert [w.kind for w in raised.args[0]] == [WarningKind.RECURRENCE]
    assert wall.ctx.alerts.unacknowledged[-1].text.startswith("Early warning: Recurrence · 东岩路9号 — 3 cases")
    assert wall.ctx.alerts.unacknowledged[-1].case_id == raised.args[0][0].case_ids[-1]
    assert tab_title(wall) == "Warnings (1)"
    assert wall.warning_panel.model.rowCount() == 1


# ---- the map layer ------------------------------------------------------------------------------
def open_map(qtbot, db):  # type: ignore[no-untyped-def]
    from commandcenter.views.map_view import MapView

    view = MapView(make_ctx(db, "supervisor"))
    qtbot.addWidget(view)
    view.resize(1100, 750)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.warning_layer.item.shapes != [], timeout=5000)
    return view


def test_the_map_tints_hot_cells_and_opens_a_warnings_cases(qtbot, db, warning) -> None:  # type: ignore[no-untyped-def]
    from .test_map_view import click_at, to_pixel

    view = open_map(qtbot, db)
    layer = view.warning_layer
    assert [s.warning_id for s in layer.item.shapes] == [warning.id]
    lon, lat = grid_centre(0)
    lon, lat = lon - 0.3 * STEP, lat + 0.3 * STEP  # inside the hot cell, away from the markers
    assert layer.warnings_at(lon, lat) == [warning.id]
    assert layer.warnings_at(*grid_centre(3)) == []
    image = view.canvas.grab().toImage()
    hatch = QColor(WARNING_COLOUR)

    def purple_pixels(at_lon: float, at_lat: float) -> int:
        centre = to_pixel(view, at_lon, at_lat)
        near = (image.pixelColor(int(centre.x()) + dx, int(centre.y()) + dy) for dx in range(-8, 9)
                for dy in range(-8, 9))
        return sum(abs(c.red() - hatch.red()) + abs(c.green() - hatch.green()) + abs(c.blue() - hatch.blue()) < 60
                   for c in near)

    assert purple_pixels(lon, lat) > 20  # the hot cell's hatching
    assert purple_pixels(*grid_centre(3)) == 0
    with qtbot.assertNotEmitted(view.ctx.bus.grid_filter_requested):
        click_at(qtbot, view, lon, lat)
        qtbot.waitUntil(lambda: layer.dialog is not None)
    dialog = layer.dialog
    qtbot.waitUntil(lambda: len(dialog.case_ids_shown()) == 3)
    with qtbot.waitSignal(view.ctx.bus.case_selected) as selected:
        dialog.open_case(1)
    assert selected.args == [warning.case_ids[1]]
    layer.check.setChecked(False)  # the layer off: a click filters the wall to the grid again
    assert layer.warnings_at(lon, lat) == []
    close_dialog(dialog)


def test_a_cluster_is_outlined_and_answered_warnings_leave_the_map(qtbot, db, warning) -> None:  # type: ignore[no-untyped-def]
    view = open_map(qtbot, db)
    x0, y0 = grid_centre(0)
    x1, y1 = grid_centre(3)
    cluster = sample(99, grid_ids=(), case_ids=warning.case_ids,
                     outline=((x0, y0), (x1, y0), (x1, y1), (x0, y1)), last_evidence_at=warning.last_evidence_at
                     + timedelta(hours=1))
    view.ctx.live_warnings.apply([cluster])
    shapes = {s.warning_id: s for s in view.warning_layer.item.shapes}
    assert shapes[99].outline and not shapes[warning.id].outline
    lon, lat = grid_centre(0)
    assert view.warning_layer.warnings_at(lon + 0.2 * STEP, lat + 0.2 * STEP) == [99, warning.id]  # newest on top
    view.ctx.live_warnings.apply([replace(cluster, status=WarningStatus.DISMISSED)])
    assert [s.warning_id for s in view.warning_layer.item.shapes] == [warning.id]
