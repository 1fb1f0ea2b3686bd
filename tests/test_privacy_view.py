"""Personal data on screen: an operator's wall, case detail and roster show it masked; the
case detail's Show button asks for a reason, reveals one field (audited) until another case is
shown; a supervisor reads everything in clear and is offered no Show button."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from commandcenter.app import build_window
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.gui.tasks import SynchronousRunner
from commandcenter.itemmodels.roster import Column
from commandcenter.itemmodels.wall import COLUMN_INDEX
from commandcenter.models import AuditEntry
from commandcenter.services.auth import demo_principal
from commandcenter.services.lifecycle import CaseService
from commandcenter.shapes.cases import NewCase
from commandcenter.views.main_window import MainWindow

from .factories import grid_centre


def open_window(windows, qtbot, db, username: str) -> MainWindow:  # type: ignore[no-untyped-def]
    window = build_window(db, username, runner=SynchronousRunner())
    windows.append(window)
    window.resize(1500, 850)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def cases(db, city) -> list[int]:  # type: ignore[no-untyped-def]
    svc, operator = CaseService(db), demo_principal(db, "operator")
    ids = []
    for i, (name, phone, address) in enumerate((("刘德华", "13812345678", "梅园路128号3栋501室"),
                                                ("欧阳娜娜", "13998765432", "荔城中大道66号"))):
        lon, lat = grid_centre(i)
        ids.append(svc.report(operator, NewCase(
            source=SourceChannel.HOTLINE_12345, category_id=city.category_id, priority=Priority.NORMAL,
            description="楼道堆放杂物", lon=lon, lat=lat, address=address, reporter_name=name,
            reporter_phone=phone)).id)
    return ids


def wall_addresses(wall) -> set[str]:  # type: ignore[no-untyped-def]
    model, column = wall.table.model(), COLUMN_INDEX["location"]
    return {model.index(r, column).data(Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())}


def shown_detail(qtbot, wall, case_id: int):  # type: ignore[no-untyped-def]
    wall.select_case(case_id)
    panel = wall.detail
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.row.id == case_id, timeout=3000)
    return panel


def test_an_operator_reveals_one_field_with_a_reason_and_it_is_audited(qtbot, windows, db, cases) -> None:  # type: ignore[no-untyped-def]
    window = open_window(windows, qtbot, db, "operator")
    wall = window.screen("wall")
    qtbot.waitUntil(lambda: wall.table.model().rowCount() == 2, timeout=3000)
    assert wall_addresses(wall) == {"梅园路*号*栋*室", "荔城中大道*号"}

    panel = shown_detail(qtbot, wall, cases[0])
    assert (panel.values["reporter"].text(), panel.values["phone"].text(), panel.values["address"].text()) == (
        "刘**", "138****5678", "梅园路*号*栋*室")
    buttons = panel.reveal_buttons
    assert all(b.isVisible() for b in buttons.values())

    qtbot.mouseClick(buttons["phone"], Qt.MouseButton.LeftButton)
    dialog = panel.reveal_dialog
    assert dialog is not None and dialog.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no reason, no reveal
    qtbot.keyClicks(dialog.reasonEdit, "calling the reporter back")
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.values["phone"].text() == "13812345678", timeout=3000)
    assert not buttons["phone"].isVisible() and buttons["reporter"].isVisible()
    assert panel.values["reporter"].text() == "刘**"  # only the field asked for
    with db.read() as s:
        actor, case_id, detail = s.execute(select(AuditEntry.actor, AuditEntry.entity_id, AuditEntry.detail)
                                           .where(AuditEntry.action == "reveal_personal_data")).one()
    assert (actor, case_id) == ("operator", cases[0])
    assert json.loads(detail) | {"case_number": ""} == {
        "case_number": "", "field": "reporter_phone", "reason": "calling the reporter back"}

    # the clear value stays while the same case is re-read, and goes when another case is shown
    wall._load_detail(cases[0])
    qtbot.waitUntil(lambda: panel.detail is not None, timeout=3000)
    assert panel.values["phone"].text() == "13812345678"
    shown_detail(qtbot, wall, cases[1])
    assert panel.values["phone"].text() == "139****5432" and panel.values["reporter"].text() == "欧阳**"
    shown_detail(qtbot, wall, cases[0])
    assert panel.values["phone"].text() == "138****5678"


def test_a_cancelled_reveal_shows_and_records_nothing(qtbot, windows, db, cases) -> None:  # type: ignore[no-untyped-def]
    window = open_window(windows, qtbot, db, "operator")
    wall = window.screen("wall")
    qtbot.waitUntil(lambda: wall.table.model().rowCount() == 2, timeout=3000)
    panel = shown_detail(qtbot, wall, cases[0])
    qtbot.mouseClick(panel.reveal_buttons["address"], Qt.MouseButton.LeftButton)
    dialog = panel.reveal_dialog
    qtbot.keyClicks(dialog.reasonEdit, "just looking")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert panel.values["address"].text() == "梅园路*号*栋*室"
    with db.read() as s:
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "reveal_personal_data")).all() == []


def test_a_supervisor_reads_everything_in_clear(qtbot, windows, db, cases) -> None:  # type: ignore[no-untyped-def]
    window = open_window(windows, qtbot, db, "supervisor")
    wall = window.screen("wall")
    qtbot.waitUntil(lambda: wall.table.model().rowCount() == 2, timeout=3000)
    assert wall_addresses(wall) == {"梅园路128号3栋501室", "荔城中大道66号"}
    panel = shown_detail(qtbot, wall, cases[0])
    assert (panel.values["reporter"].text(), panel.values["phone"].text()) == ("刘德华", "13812345678")
    assert not any(b.isVisible() for b in panel.reveal_buttons.values())


def test_a_trainer_is_offered_no_reveal(qtbot, windows, db, cases) -> None:  # type: ignore[no-untyped-def]
    window = open_window(windows, qtbot, db, "trainer")
    wall = window.screen("wall")
    qtbot.waitUntil(lambda: wall.table.model().rowCount() == 2, timeout=3000)
    panel = shown_detail(qtbot, wall, cases[0])
    assert panel.values["phone"].text() == "138****5678"
    assert not any(b.isVisible() for b in panel.reveal_buttons.values())


@pytest.mark.parametrize(("username", "phones"), [
    ("operator", {"138****0000", "138****0001", "138****0002"}),
    ("supervisor", {"13800000000", "13800000001", "13800000002"}),
])
def test_the_roster_masks_officers_phones_without_the_right(qtbot, windows, db, city, username, phones) -> None:  # type: ignore[no-untyped-def]
    window = open_window(windows, qtbot, db, username)
    window.show_screen("roster")
    roster = window.screen("roster")
    qtbot.waitUntil(lambda: roster.model.rowCount() == 3, timeout=3000)
    model = roster.model
    assert {model.index(r, Column.PHONE).data(Qt.ItemDataRole.DisplayRole) for r in range(3)} == phones
