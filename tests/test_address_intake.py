"""Call-taking by address and by keyboard: the gazetteer look-up, GCJ-02 points, tab and Enter.

Real widgets, offscreen; tasks run on a SynchronousRunner so a save has finished when the key
press returns. Chinese text is committed as an input method does (it is typing, not key
presses); every other key is a real key event, and the keyboard-only test counts them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shapely
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from shapely.geometry import box
from sqlalchemy import func, select

from commandcenter.domain.coords import wgs84_to_gcj02
from commandcenter.domain.enums import CaseStatus, Priority, SourceChannel
from commandcenter.gui.context import AppContext
from commandcenter.models import Case, Grid
from commandcenter.services.dispatch import recommend
from commandcenter.services.imports import import_gazetteer
from commandcenter.shapes.cases import NewCase
from commandcenter.views.dialogs.new_case import NewCaseDialog

from .factories import grid_centre
from .test_dialogs import dispose_ctx, make_ctx, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def places(db, city, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (g0, g3) = grid_centre(0), grid_centre(3)
    path = tmp_path / "places.csv"
    path.write_text("name,kind,lon,lat\n"
                    f"华兴路,road,{g0[0]},{g0[1]}\n华兴路12号,house_number,{g0[0]},{g0[1]}\n"
                    f"东岩山公园,landmark,{g3[0]},{g3[1]}\n", encoding="utf-8")
    import_gazetteer(db, path)


@pytest.fixture
def ctx(db, city, places) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    context = make_ctx(db, "operator")
    yield context
    dispose_ctx(context)


@pytest.fixture
def dialog(qtbot, ctx) -> Iterator[NewCaseDialog]:  # type: ignore[no-untyped-def]
    dlg = NewCaseDialog(ctx)
    dlg.show()
    dlg.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg, timeout=2000)
    yield dlg
    dlg.close()
    dlg.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def case_count(db) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Case)))


def suggestions(dlg: NewCaseDialog) -> list[str]:
    lst = dlg.location.suggestionList
    return [lst.item(i).text().split("   ·")[0] for i in range(lst.count())] if lst.isVisible() else []


def test_characters_typed_offer_places_and_enter_fills_point_and_grid(qtbot, dialog, city) -> None:  # type: ignore[no-untyped-def]
    dialog.location.addressEdit.setFocus()
    type_text(qtbot, dialog.location.addressEdit, "东岩")
    assert suggestions(dialog) == ["东岩山公园"]
    qtbot.keyClick(dialog.location.addressEdit, Qt.Key.Key_Return)
    assert dialog.location.chosen_grid_id() == city.grid_ids[3]
    assert dialog.location.gridLabel.text().startswith("35030200100104")
    assert dialog.location.addressEdit.text() == "东岩山公园"
    assert dialog.focusWidget() is dialog.descriptionEdit  # the location is complete: on to the description
    assert not dialog.location.suggestionList.isVisible()


def test_pinyin_initials_pick_with_down_and_enter_keeps_the_typed_address(qtbot, dialog, city) -> None:  # type: ignore[no-untyped-def]
    edit = dialog.location.addressEdit
    edit.setFocus()
    qtbot.keyClicks(edit, "hxl")
    assert suggestions(dialog) == ["华兴路", "华兴路12号"]
    # a city has many 华兴路: each suggestion names its kind and its street
    qtbot.waitUntil(lambda: dialog.location.suggestionList.item(0).text().endswith("龙桥街道"))
    assert dialog.location.suggestionList.item(1).text().split("   ·   ")[1:] == ["house number", "龙桥街道"]
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.text() == "华兴路12号"
    assert dialog.location.chosen_grid_id() == city.grid_ids[0]
    edit.setFocus()
    edit.setText("")
    type_text(qtbot, edit, "华兴路12号门口的报刊亭")  # says more than the place: kept as typed
    dialog.location.pick_current()
    assert edit.text() == "华兴路12号门口的报刊亭"


def test_a_gcj02_point_is_converted_into_its_own_grid(qtbot, dialog, db, city) -> None:  # type: ignore[no-untyped-def]
    lon, lat = grid_centre(1)  # grid ...02, WGS-84
    g_lon, g_lat = wgs84_to_gcj02(lon, lat)
    # a grid where the GCJ-02 reading would land if taken for WGS-84, so the two readings differ
    decoy = box(g_lon - 0.0005, g_lat - 0.0005, g_lon + 0.0005, g_lat + 0.0005)
    with db.unit_of_work() as s:
        community_id = s.scalar(select(Grid.community_id).where(Grid.id == city.grid_ids[0]))
        s.add(Grid(community_id=community_id, code="35030200100199", name="东岩社区第99网格",
                   geometry=shapely.to_wkb(decoy), centroid_lon=g_lon, centroid_lat=g_lat, area_m2=10_000.0,
                   min_lon=decoy.bounds[0], min_lat=decoy.bounds[1], max_lon=decoy.bounds[2], max_lat=decoy.bounds[3]))
    dialog.ctx.db.caches.invalidate(["grid"])
    dialog._loaded((dialog._categories, dialog.ctx.reference.areas(dialog.ctx.principal),
                    dialog.ctx.reference.locator(dialog.ctx.principal)))
    loc = dialog.location
    qtbot.keyClicks(loc.lonEdit, f"{g_lon:.6f}")
    qtbot.keyClicks(loc.latEdit, f"{g_lat:.6f}")
    assert loc.gridLabel.text().startswith("35030200100199")  # read as WGS-84: the wrong grid
    loc.crsCombo.setFocus()
    qtbot.keyClick(loc.crsCombo, Qt.Key.Key_Down)  # GCJ-02 (Amap, Tencent, WeChat)
    assert loc.crs() == "gcj02"
    assert loc.gridLabel.text().startswith("35030200100102")
    assert loc.chosen_grid_id() == city.grid_ids[1]
    qtbot.keyClicks(dialog.categorySearch, "ldlj")
    type_text(qtbot, dialog.descriptionEdit, "路边乱倒垃圾")
    with qtbot.waitSignal(dialog.case_created, timeout=2000) as saved:
        qtbot.keyClick(dialog.descriptionEdit, Qt.Key.Key_Return, CTRL)
    row = saved.args[0]
    assert row.grid_id == city.grid_ids[1]
    assert (row.lon, row.lat) == pytest.approx((lon, lat), abs=1e-6)  # stored WGS-84


def test_a_gcj02_point_outside_china_is_refused_and_nothing_stored(qtbot, dialog, db) -> None:  # type: ignore[no-untyped-def]
    loc = dialog.location
    loc.crsCombo.setCurrentIndex(loc.crsCombo.findData("gcj02"))
    qtbot.keyClicks(loc.lonEdit, "139.7454")
    qtbot.keyClicks(loc.latEdit, "35.6586")  # Tokyo
    assert "outside China" in loc.gridLabel.text()
    qtbot.keyClicks(dialog.categorySearch, "ldlj")
    type_text(qtbot, dialog.descriptionEdit, "路边乱倒垃圾")
    qtbot.keyClick(dialog.descriptionEdit, Qt.Key.Key_Return, CTRL)
    assert "outside China, where GCJ-02 does not apply" in dialog.error_text()
    assert dialog.isVisible() and case_count(db) == 0


def test_tab_follows_the_form_and_enter_never_opens_the_map_or_leaves(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    loc = dialog.location
    picks: list[bool] = []
    dialog.ctx.bus.location_pick_requested.connect(lambda: picks.append(True))
    expected = [dialog.categorySearch, dialog.priorityCombo, loc.addressEdit, loc.lonEdit, loc.latEdit,
                loc.crsCombo, loc.pickButton, loc.streetCombo, loc.communityCombo, loc.gridCombo,
                dialog.descriptionEdit]
    dialog.sourceCombo.setFocus()
    seen: list[QWidget] = []
    for _ in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == expected
    # Enter walks the same order, from the source to the description, and never presses a button
    dialog.sourceCombo.setFocus()
    walked: list[QWidget] = []
    for _ in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        walked.append(QApplication.focusWidget())
    assert walked == expected
    assert picks == [] and dialog.isVisible() and dialog.result() == 0
    for widget in dialog.form_order():
        assert widget.accessibleName(), widget.objectName()


def test_keyboard_only_hotline_case_registered_and_dispatched(qtbot, dialog, db, city) -> None:  # type: ignore[no-untyped-def]
    """The issue's goal: ≤ 6 key presses besides typing the description and the address fragment."""
    presses = 0

    def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        nonlocal presses
        presses += 1
        qtbot.keyClick(QApplication.focusWidget(), key, modifiers)

    assert QApplication.focusWidget() is dialog.categorySearch  # where the dialog opens
    press(Qt.Key.Key_Tab)  # → priority (normal)
    press(Qt.Key.Key_Tab)  # → address
    qtbot.keyClicks(QApplication.focusWidget(), "hxl12")  # the address fragment, in pinyin initials
    press(Qt.Key.Key_Return)  # picks 华兴路12号: point and grid filled, on to the description
    type_text(qtbot, QApplication.focusWidget(), "华兴路12号门口有人乱倒垃圾，堆了一大堆")
    assert "0101" in dialog.categoryChosen.text()  # 乱倒垃圾, the category the description names
    with qtbot.waitSignal(dialog.case_created, timeout=2000) as saved:
        press(Qt.Key.Key_Return, CTRL | SHIFT)  # register and dispatch to the recommended handler
    row = saved.args[0]
    print(f"keyboard-only hotline case: {presses} key presses besides the typed description and address")
    assert presses <= 6
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (row.status, row.grid_id, row.category_id, row.address) == (
        CaseStatus.DISPATCHED, city.grid_ids[0], city.category_id, "华兴路12号")
    top = recommend(db, row.id, limit=1)[0]  # the recommendation for this case, as the dispatch dialog shows it
    assert (top.kind, top.id) == ("officer", row.assignee_officer_id) and top.id == city.officer_ids[0]


def test_register_and_dispatch_offers_a_likely_duplicate_first(qtbot, dialog, ctx, db, city) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Shift+Enter checks for duplicates as a plain save does; "Register as new" then still dispatches."""
    lon, lat = grid_centre(0)
    first = ctx.cases.report(ctx.principal, NewCase(
        source=SourceChannel.HOTLINE_12345, category_id=city.category_id, priority=Priority.NORMAL,
        description="华兴路12号门口乱倒垃圾", lon=lon, lat=lat, address="华兴路12号"))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "hxl12")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    type_text(qtbot, QApplication.focusWidget(), "华兴路12号门口有人乱倒垃圾，堆了一大堆")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL | SHIFT)
    qtbot.waitUntil(lambda: dialog.intake.duplicates.isVisible(), timeout=2000)
    assert case_count(db) == 1 and dialog.isVisible()  # offered, nothing saved or dispatched
    assert first.case_number in dialog.intake.duplicates.candidates.item(0).text()
    assert QApplication.focusWidget() is dialog.intake.duplicates.mergeButton
    with qtbot.waitSignal(dialog.case_created, timeout=2000) as saved:
        qtbot.mouseClick(dialog.intake.duplicates.newButton, Qt.MouseButton.LeftButton)
    assert saved.args[0].id != first.id and saved.args[0].status == CaseStatus.DISPATCHED


def test_a_place_in_a_gap_between_grids_gives_its_own_grid(qtbot, dialog, db, city, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "gap.csv"
    path.write_text("name,kind,lon,lat,grid_code\n拱辰门,landmark,119.0025,25.4005,35030200100102\n", encoding="utf-8")
    import_gazetteer(db, path)  # a point east of every drawn grid, given its grid by code
    dialog.location.set_places(dialog.ctx.gazetteer.index(dialog.ctx.principal))
    dialog.location.addressEdit.setFocus()
    type_text(qtbot, dialog.location.addressEdit, "拱辰")
    qtbot.keyClick(dialog.location.addressEdit, Qt.Key.Key_Return)
    assert dialog.location.chosen_grid_id() == city.grid_ids[1]
    assert not dialog.location.has_coordinate_text()
    assert "chosen from the list" in dialog.location.gridLabel.text()
