"""The File menu's Open311 actions on a real main window: a request file imported through the
menu becomes cases and reports its count, a malformed one is refused with nothing changed, and
an export writes the file; both off the GUI thread."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from commandcenter.app import build_window
from commandcenter.db import Database
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.interchange import files
from commandcenter.services.auth import demo_principal, system_principal
from commandcenter.services.lifecycle import CaseService
from commandcenter.shapes.cases import NewCase

from .factories import grid_centre
from .open311_support import offer_every_category, second_city, snapshot


@pytest.fixture
def request_file(db, city, operator, supervisor, tmp_path) -> Path:  # type: ignore[no-untyped-def]
    """Two requests exported from the fixture city."""
    offer_every_category(db, tmp_path)
    for grid, text in ((0, "路边堆放垃圾"), (1, "垃圾桶满溢")):
        lon, lat = grid_centre(grid)
        CaseService(db).report(operator, NewCase(
            source=SourceChannel.HOTLINE_12345, category_id=city.category_id, priority=Priority.NORMAL,
            description=text, lon=lon, lat=lat, address="", reporter_name="", reporter_phone=""))
    path = tmp_path / "requests.json"
    path.write_text(files.export_requests(db, supervisor), encoding="utf-8")
    return path


@pytest.fixture
def target(tmp_path, clock) -> Database:  # type: ignore[no-untyped-def]
    """A second database of the same city with the service list offered; the window disposes it."""
    other = second_city(tmp_path / "other.sqlite", clock)
    offer_every_category(other, tmp_path)
    return other


@pytest.fixture
def window(qtbot, target) -> Iterator:  # type: ignore[no-untyped-def]
    win = build_window(target, "admin")
    win.show()
    yield win
    win.close()
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def boxes(monkeypatch) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(("information", text)))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(("warning", text)))
    return shown


def choose(monkeypatch, path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), ""))


def test_importing_a_request_file_through_the_menu_makes_cases(window, target, request_file, boxes, monkeypatch,
                                                               qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.import_open311_action.isVisible() and window.export_open311_action.isVisible()
    assert window.import_open311_action in window.file_menu.actions()
    choose(monkeypatch, request_file)
    window.import_open311_action.trigger()
    qtbot.waitUntil(lambda: bool(boxes))
    assert boxes == [("information", "2 requests imported as cases, 0 already present.")]
    assert not window.open311.progress.isVisible()
    ids = {r["service_request_id"] for r in json.loads(request_file.read_text(encoding="utf-8"))}
    assert len(json.loads(files.export_requests(target, demo_principal(target, "admin")))) == len(ids) == 2
    window.import_open311_action.trigger()  # the same file again: nothing new
    qtbot.waitUntil(lambda: len(boxes) == 2)
    assert boxes[1] == ("information", "0 requests imported as cases, 2 already present.")


def test_a_malformed_file_is_refused_and_nothing_changes(window, target, boxes, monkeypatch, tmp_path,
                                                         qtbot) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"service_request_id": "7", "service_code": "nope"}]), encoding="utf-8")
    before = snapshot(target)
    choose(monkeypatch, bad)
    window.import_open311_action.trigger()
    qtbot.waitUntil(lambda: bool(boxes))
    kind, text = boxes[0]
    assert kind == "warning" and "nothing changed" in text and "nope" in text
    assert snapshot(target) == before


def test_exporting_through_the_menu_writes_the_file(window, target, request_file, boxes, monkeypatch, tmp_path,
                                                    qtbot) -> None:  # type: ignore[no-untyped-def]
    files.import_requests(target, request_file, system_principal(target, "importer"))
    out = tmp_path / "out.json"
    choose(monkeypatch, out)
    window.export_open311_action.trigger()
    qtbot.waitUntil(lambda: out.exists() and "Exported 2 Open311 requests" in window.statusBar().currentMessage())
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 2
    assert not window.open311.progress.isVisible()


def test_an_operator_sees_export_but_not_import(qtbot, db, city) -> None:  # type: ignore[no-untyped-def]
    win = build_window(db, "operator")
    try:
        assert not win.import_open311_action.isVisible() and win.export_open311_action.isVisible()
    finally:
        win.close()
        win.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

