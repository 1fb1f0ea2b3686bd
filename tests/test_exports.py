"""CSV exports: a BOM, formula-safe cells, personal data masked for an operator and clear for a
supervisor, the audit entry, the command line, and the KPI export equal to the briefing's tables."""

from __future__ import annotations

import codecs
import csv
import io
import json
import stat
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from commandcenter.cli import main
from commandcenter.clock import FrozenClock
from commandcenter.db import open_database
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.models import AuditEntry
from commandcenter.services.exports import ExportService, neutralise
from commandcenter.services.handover import HandoverService, ItemInput
from commandcenter.services.kpi import briefing_data
from commandcenter.services.lifecycle import CaseService
from commandcenter.shapes.cases import NewCase

from .factories import db_argument, grid_centre, mark_demo

ADDRESS = "城厢区龙桥街道东岩社区8栋302室"
HOSTILE = "=HYPERLINK(\"http://evil\",\"x\") 13812345678"


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    return list(csv.reader(io.StringIO(raw[len(codecs.BOM_UTF8):].decode("utf-8"), newline="")))


def as_dicts(path: Path) -> list[dict[str, str]]:
    header, *rows = read_csv(path)
    return [dict(zip(header, r, strict=True)) for r in rows]


def report(db, city, principal, description: str, **extra) -> int:  # type: ignore[no-untyped-def]
    lon, lat = grid_centre(0)
    return CaseService(db).report(principal, NewCase(
        source=SourceChannel.HOTLINE_12345, category_id=city.category_id, priority=Priority.NORMAL,
        description=description, lon=lon, lat=lat, **extra)).id


@pytest.mark.parametrize(("value", "written"), [
    ("=1+2", "'=1+2"), ("+86 138", "'+86 138"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("＝1", "'＝1"), ("a=1", "a=1"), ("楼道", "楼道"),
    (-2, -2), (1.5, 1.5), (None, ""),
])
def test_cells_that_a_spreadsheet_would_run_get_an_apostrophe(value, written) -> None:  # type: ignore[no-untyped-def]
    assert neutralise(value) == written


def test_cases_export_masks_for_an_operator_and_not_for_a_supervisor(db, city, operator, supervisor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    report(db, city, operator, HOSTILE, address=ADDRESS, reporter_name="刘德华", reporter_phone="13812345678")
    report(db, city, operator, "-1 匿名举报", reporter_name="王五", reporter_phone="13900001111",
           reporter_privacy="confidential")
    exports = ExportService(db)
    masked = exports.cases(operator, tmp_path / "op.csv")
    clear = exports.cases(supervisor, tmp_path / "sup.csv")
    assert (masked.rows, masked.masked, clear.rows, clear.masked) == (2, True, 2, False)
    op, sup = as_dicts(tmp_path / "op.csv"), as_dicts(tmp_path / "sup.csv")
    assert op[0]["description"] == "'=HYPERLINK(\"http://evil\",\"x\") 138****5678"
    assert (op[0]["reporter_name"], op[0]["reporter_phone"]) == ("刘**", "138****5678")
    assert op[0]["address"] != ADDRESS and "302" not in op[0]["address"]
    assert sup[0]["description"] == "'" + HOSTILE
    assert (sup[0]["reporter_name"], sup[0]["reporter_phone"], sup[0]["address"]) == ("刘德华", "13812345678", ADDRESS)
    assert (sup[1]["reporter_name"], sup[1]["reporter_phone"]) == ("", "")  # confidential: named to nobody
    assert sup[1]["description"] == "'-1 匿名举报"
    assert "13812345678" not in (tmp_path / "op.csv").read_text(encoding="utf-8-sig")
    assert stat.S_IMODE((tmp_path / "op.csv").stat().st_mode) == 0o600
    with db.read() as s:
        entries = s.execute(select(AuditEntry.actor, AuditEntry.detail).where(AuditEntry.action == "export")
                            .order_by(AuditEntry.id)).all()
    assert [(actor, json.loads(detail)["rows"], json.loads(detail)["masked"]) for actor, detail in entries] == [
        ("operator", 2, True), ("supervisor", 2, False)]


def test_cases_export_filters_by_report_day_and_status(db, city, operator, clock, tmp_path) -> None:  # type: ignore[no-untyped-def]
    report(db, city, operator, "昨天的")
    clock.advance(hours=24)
    report(db, city, operator, "今天的")
    today = clock.now().astimezone(ZoneInfo(operator.timezone)).date()
    exports = ExportService(db)
    assert [r["description"] for r in as_dicts(exports.cases(operator, tmp_path / "a.csv", date_from=today).path)] == ["今天的"]
    assert [r["description"] for r in as_dicts(exports.cases(
        operator, tmp_path / "b.csv", date_to=today - timedelta(days=1)).path)] == ["昨天的"]
    assert exports.cases(operator, tmp_path / "c.csv", statuses=("closed",)).rows == 0
    assert exports.cases(operator, tmp_path / "d.csv", statuses=("reported",)).rows == 2


def test_handover_export_carries_notes_and_items_masked_for_an_operator(db, city, operator, supervisor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    svc = HandoverService(db)
    draft = svc.open_draft(operator)
    svc.save(operator, draft.id, "+刘先生 13812345678 反映楼道堆物", [ItemInput("回电 0594-2345678")], draft.version)
    exports = ExportService(db)
    (op,) = as_dicts(exports.handovers(operator, tmp_path / "op.csv").path)
    (sup,) = as_dicts(exports.handovers(supervisor, tmp_path / "sup.csv").path)
    assert op["notes"] == "'+刘先生 138****5678 反映楼道堆物" and "0594-***5678" in op["pending_items"]
    assert sup["notes"] == "'+刘先生 13812345678 反映楼道堆物" and "0594-2345678" in sup["pending_items"]
    assert op["author"] and op["status"] == "draft"


def test_the_export_command_signs_in_on_a_demo_database_and_masks_for_the_cli_account(db, city, operator, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    report(db, city, operator, "楼道", address=ADDRESS, reporter_name="刘德华", reporter_phone="13812345678")
    mark_demo(db)
    path = db_argument(db)
    assert main(["export", "cases", "--db", path, "--out", str(tmp_path / "cli.csv")]) == 0
    assert "masked" in capsys.readouterr().out
    assert as_dicts(tmp_path / "cli.csv")[0]["reporter_phone"] == "138****5678"
    assert main(["export", "cases", "--db", path, "--user", "supervisor", "--status", "reported",
                 "--from", "2026-01-01", "--out", str(tmp_path / "sup.csv")]) == 0
    assert as_dicts(tmp_path / "sup.csv")[0]["reporter_phone"] == "13812345678"
    assert main(["export", "handovers", "--db", path, "--out", str(tmp_path / "h.csv")]) == 0
    assert read_csv(tmp_path / "h.csv")[0][0] == "handover_id"


TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 25, 15, 20, tzinfo=TZ)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):  # type: ignore[no-untyped-def]
    from commandcenter.simulator.demo import generate_demo

    path = tmp_path_factory.mktemp("exports") / "demo.sqlite"
    db = open_database(path, create=True, clock=FrozenClock(NOW))
    generate_demo(db, scale="small", days=7, seed=11)
    yield db
    db.dispose()


def test_the_kpi_export_equals_the_briefings_unit_tables(demo, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from commandcenter.services.auth import demo_principal

    day = NOW.date() - timedelta(days=1)
    result = ExportService(demo).kpis(demo_principal(demo, "supervisor"), tmp_path / "kpis.csv", day)
    data = briefing_data(demo, 1, day)
    rows = as_dicts(result.path)
    expected = [("street", u) for u in data.street_units] + [("department", u) for u in data.department_units]
    assert len(rows) == len(expected) == result.rows > 2
    for row, (level, u) in zip(rows, expected, strict=True):
        assert (row["day"], row["level"], row["code"], row["name"], int(row["rank"])) == (
            day.isoformat(), level, u.key, u.name, u.rank)
        assert [int(row[k]) for k in ("due", "handled", "handled_on_time", "reworked", "handled_ever", "extended",
                                      "suspended", "sent_back")] == [
            u.due, u.handled, u.handled_on_time, u.reworked, u.handled_ever, u.extended, u.suspended, u.sent_back]
        rate = u.on_time_handling_rate
        assert row["on_time_handling_rate"] == ("" if rate is None else f"{rate:.4f}")


def test_the_kpi_command_exports_the_top_level_centre_for_the_cli_account(demo, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    day = NOW.date() - timedelta(days=1)
    out = tmp_path / "kpis.csv"
    assert main(["export", "kpis", "--db", str(demo.engine.url.database), "--day", day.isoformat(),
                 "--out", str(out)]) == 0
    assert "masked" not in capsys.readouterr().out  # nothing personal in the figures
    data = briefing_data(demo, 1, day)
    assert [r["code"] for r in as_dicts(out)] == [u.key for u in (*data.street_units, *data.department_units)]


def test_the_briefing_screen_exports_the_days_unit_kpis(qtbot, demo, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A supervisor picks yesterday, clicks Export unit KPIs…, names the file; the CSV holds the
    briefing's unit tables and the status line says how many rows went out."""
    from PySide6.QtCore import QDate, Qt
    from PySide6.QtWidgets import QFileDialog

    from commandcenter.gui.context import AppContext
    from commandcenter.gui.feed import ChangeFeed
    from commandcenter.gui.tasks import SynchronousRunner
    from commandcenter.services.auth import demo_principal
    from commandcenter.views.briefing_view import BriefingView

    runner = SynchronousRunner()
    view = BriefingView(AppContext(db=demo, principal=demo_principal(demo, "supervisor"), runner=runner,
                                   feed=ChangeFeed(demo, runner)))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    day = NOW.date() - timedelta(days=2)
    view.date_edit.setDate(QDate(day.year, day.month, day.day))
    target = tmp_path / "units.csv"
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _parent, _title, suggested, _filter: (asked.append(suggested) or str(target), ""))
    with qtbot.waitSignal(view.csv_export.exported) as done:
        qtbot.mouseClick(view.export_units_button, Qt.MouseButton.LeftButton)
    assert asked[0].endswith(f"unit-kpis-{day:%Y%m%d}.csv")
    data = briefing_data(demo, 1, day)
    rows = as_dicts(target)
    assert [(r["level"], r["code"]) for r in rows] == [("street", u.key) for u in data.street_units] + [
        ("department", u.key) for u in data.department_units]
    assert done.args[0].rows == len(rows)
    assert f"Exported {len(rows)} rows" in view.status.text()
    assert not view.csv_export.progress.isVisible()


def test_the_handover_screen_exports_its_records_masked_for_an_operator(qtbot, db, city, operator, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    from commandcenter.gui.context import AppContext
    from commandcenter.gui.feed import ChangeFeed
    from commandcenter.gui.tasks import SynchronousRunner
    from commandcenter.views.handover import HandoverView

    svc = HandoverService(db)
    draft = svc.open_draft(operator)
    svc.save(operator, draft.id, "回电刘先生 13812345678", [ItemInput("=明早复查")], draft.version)
    runner = SynchronousRunner()
    view = HandoverView(AppContext(db=db, principal=operator, runner=runner, feed=ChangeFeed(db, runner)))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.tabs.setCurrentWidget(view.history)
    target = tmp_path / "handovers.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), ""))
    with qtbot.waitSignal(view.history.csv_export.exported):
        qtbot.mouseClick(view.history.export_button, Qt.MouseButton.LeftButton)
    (row,) = as_dicts(target)
    assert row["notes"] == "回电刘先生 138****5678" and row["pending_items"] == "[ ] =明早复查"
    assert "1 rows" in view.history.message.text() and "masked" in view.history.message.text()


def test_the_wall_exports_the_cases_its_filter_shows(qtbot, db, city, operator, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    from commandcenter.gui.context import AppContext
    from commandcenter.gui.feed import ChangeFeed
    from commandcenter.gui.tasks import SynchronousRunner
    from commandcenter.views.wall_view import WallView

    report(db, city, operator, "楼道堆物", address=ADDRESS, reporter_name="刘德华", reporter_phone="13812345678")
    report(db, city, operator, "@路灯不亮", address=ADDRESS)
    report(db, city, operator, "井盖缺失")
    runner = SynchronousRunner()
    wall = WallView(AppContext(db=db, principal=operator, runner=runner, feed=ChangeFeed(db, runner)))
    qtbot.addWidget(wall)
    wall.show()
    qtbot.waitExposed(wall)
    qtbot.waitUntil(lambda: wall.model.rowCount() == 3)
    wall.filters.search.setText("路灯")  # Chinese comes in by IME, not by key events
    qtbot.waitUntil(lambda: wall.model.rowCount() == 1)
    target = tmp_path / "wall.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), ""))
    with qtbot.waitSignal(wall.exporter.csv_export.exported):
        wall.exporter.action.trigger()
    (row,) = as_dicts(target)
    assert row["description"] == "'@路灯不亮" and row["address"] != ADDRESS
    assert "Exported 1 rows" in wall.exporter.status.text()
