"""Briefing figures and PDFs: the printed numbers against an independent SQL query, the
embedded CJK font, byte stability, shift briefings, hotspots, chunked tables and the CLI."""

from __future__ import annotations

import argparse
import dataclasses
import errno
import getpass
import hashlib
import io
import re
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import event, select

from commandcenter.errors import NotFound, PermissionDenied
from commandcenter.models import AuditEntry, BriefingIssued, CommandCentre, Shift
from commandcenter.reports.briefing import briefing_pdf
from commandcenter.reports.fonts import FONT_NAME, FontMissing, cjk_font
from commandcenter.services import briefings
from commandcenter.services.auth import centre_scope, demo_principal
from commandcenter.services.briefings import issue_briefing, issued_briefings
from commandcenter.services.kpi import briefing_data
from commandcenter.services.lifecycle import CaseService
from commandcenter.shapes.briefing import Kpis, OverdueRow
from commandcenter.shapes.cases import NewCase

from .asof_sql import independent_counts, independent_workloads
from .day_of_cases import DAY, PRINT_AT, TZ, scenario_database
from .factories import grid_centre


@pytest.fixture
def scenario(tmp_path_factory, tmp_path):  # type: ignore[no-untyped-def]
    db, clock, sc = scenario_database(tmp_path_factory, tmp_path)
    yield db, clock, sc
    db.dispose()


def epoch(value: datetime) -> int:
    return int(value.timestamp())


def as_rows(workloads) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    return [(w.key, w.name, w.open_at_end, w.overdue_at_end, w.dispatched, w.fed_back, w.closed, w.due,
             w.handled_on_time) for w in workloads]


def independent_kpis(db, start: datetime, end: datetime, now: datetime) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The figures of `independent_counts` as the briefing prints them, by tile label."""
    c = independent_counts(db, start, end, now)
    pct = lambda n, d: f"{100 * n / d:.1f}%" if d else "—"  # noqa: E731
    due = c["due_to_close"]
    return {
        "New": str(c["new"]),
        "Registered": str(c["registered"]),
        "Dispatched": str(c["dispatched"]),
        "Closed": str(c["closed"]),
        "Due to close": str(due),
        "Closure rate": pct(c["closed_of_due"], due),
        "On-time closure rate": pct(c["closed_on_time"], due),
        "Handling rate": pct(c["handled_of_due"], due),
        "On-time handling rate": pct(c["handled_on_time_of_due"], due),
        "Rework rate": pct(c["reworked_of_due"], c["handled_ever_of_due"]),
        "Extension rate": pct(c["extended_of_due"], due),
        "Suspension rate": pct(c["suspended_of_due"], due),
        "Dispatch accuracy": pct(c["dispatches_kept"], c["dispatches"]),
        "Self-handling rate": pct(c["closed_on_spot"], c["closed"]),
        "Satisfaction rate": pct(c["satisfied"], c["follow_ups"]),
        "Overdue at end": str(c["overdue_at_end"]),
        "Mean time to dispatch": f"{c['mean_dispatch_minutes']:.1f} min" if c["mean_dispatch_minutes"] is not None
        else "—",
        "Mean time to close": f"{c['mean_close_hours']:.1f} h" if c["mean_close_hours"] is not None else "—",
        "_raw": (due, c["closed_of_due"], c["closed_on_time"], c["reworked_of_due"]),
    }


def pdf_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def tile_values(page: str, labels) -> dict[str, tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Each KPI tile reads: label, footnote letter, value, then the change line."""
    lines = [line.strip() for line in page.splitlines()]
    found = {}
    for label in labels:
        i = lines.index(label)
        assert re.fullmatch(r"[a-l]", lines[i + 1]), lines[i: i + 4]
        found[label] = (lines[i + 2], lines[i + 3])
    return found


def test_printed_kpis_equal_an_independent_sql_query(scenario) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    data = briefing_data(db, sc.centre_id, DAY)
    pages = pdf_text(briefing_pdf(data, lang="en", printed_by="tester"))
    start = datetime(2026, 11, 25, tzinfo=TZ)
    expected = independent_kpis(db, start, start + timedelta(days=1), clock.now())
    previous = independent_kpis(db, start - timedelta(days=1), start, clock.now())
    due, closed_of_due, on_time, _ = expected.pop("_raw")  # type: ignore[misc]
    previous.pop("_raw")
    # the scenario exercises the definitions: cases due, some late (rework: the demo city's test)
    assert due > 0 and 0 < on_time < closed_of_due
    printed = tile_values(pages[0], expected)
    assert {label: value for label, (value, _) in printed.items()} == expected
    for label in ("New", "Closed", "Closure rate", "Mean time to dispatch"):
        assert printed[label][1].endswith(f"previous day: {previous[label]}"), printed[label]
    assert "Daily briefing · 2026-11-25 Wednesday" in pages[0]
    assert "莆田市城市运行指挥中心" in pages[0]  # the centre's name on every page
    assert all("Printed by tester at 2026-11-26 08:30" in p for p in pages)
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]
    # every definition is written in a footnote
    for words in ("Due to close: registered cases, rejected and merged ones excluded",
                  "Closure rate 结案率 = due cases closed by", "On-time closure rate 按期结案率 (the centre's)",
                  "Handling rate 处置率 =", "On-time handling rate 按期处置率 (the handler's", "Rework rate 返工率 =",
                  "a shift belongs to the date it starts", "judged at closure", "judged at the handler's feedback"):
        assert words in pages[0]
    # the figures and lists further on agree with the data they came from
    body = "\n".join(pages)
    assert f"Overdue at 2026-11-25 24:00 ({data.overdue_total})" in body
    assert data.overdue[0].case_number in body and "垃圾清运车辆故障" in body


def test_workloads_equal_an_independent_sql_query(scenario) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    for shift, start, hours in ((None, datetime(2026, 11, 25, tzinfo=TZ), 24),
                                ("Night", datetime(2026, 11, 25, 20, tzinfo=TZ), 12)):
        data = briefing_data(db, sc.centre_id, DAY, shift)
        end = start + timedelta(hours=hours)
        officers = independent_workloads(db, start, end, clock.now())
        departments = independent_workloads(db, start, end, clock.now(), departments=True)
        assert officers and (departments or shift)  # the day's work includes a department's
        assert as_rows(data.officers) == officers and data.officers_total == len(officers)
        assert as_rows(data.departments) == departments


def kpi_fields(k: Kpis) -> dict[str, object]:
    return {f.name: getattr(k, f.name) for f in dataclasses.fields(k)}


def assert_same_counts(kpis: Kpis, expected: dict[str, object]) -> None:
    found = kpi_fields(kpis)
    for name in ("mean_dispatch_minutes", "mean_close_hours"):
        assert found.pop(name) == pytest.approx(expected.pop(name)), name
    assert found == expected


DEMO_NOW = datetime(2026, 11, 25, 15, 20, tzinfo=TZ)  # a working afternoon: today's figures still run


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory):  # type: ignore[no-untyped-def]
    """A small demo city with five weeks of history (hotspot baselines, closed and reworked cases)."""
    from commandcenter.clock import FrozenClock
    from commandcenter.db import open_database
    from commandcenter.simulator.demo import generate_demo

    db = open_database(tmp_path_factory.mktemp("briefing-demo") / "demo.sqlite", create=True,
                       clock=FrozenClock(DEMO_NOW))
    generate_demo(db, scale="small", days=35, seed=3)
    yield db
    db.dispose()


def test_a_demo_citys_figures_equal_independent_sql(small_demo) -> None:  # type: ignore[no-untyped-def]
    """Today, yesterday, a day weeks back and a shift, for the city and one street centre."""
    db = small_demo
    now = db.clock.now()
    with db.read() as s:
        city = s.scalar(select(CommandCentre.id).where(CommandCentre.parent_id.is_(None)))
        street = s.scalar(select(CommandCentre.id).where(CommandCentre.street_id.is_not(None))
                          .order_by(CommandCentre.id).limit(1))
        shift = s.scalar(select(Shift.name).where(Shift.centre_id == city).order_by(Shift.start_time).limit(1))
        street_scope = centre_scope(s, street)
    today = DEMO_NOW.date()
    cases = [(city, today, None), (city, today - timedelta(days=1), None), (city, today - timedelta(days=20), None),
             (city, today - timedelta(days=1), shift), (street, today - timedelta(days=2), None)]
    seen: list[Kpis] = []
    for centre, day, shift_name in cases:
        data = briefing_data(db, centre, day, shift_name)
        scope = None if centre == city else street_scope
        assert_same_counts(data.kpis, independent_counts(db, data.period.start, data.period.end, now, scope))
        assert_same_counts(data.previous_kpis,
                           independent_counts(db, data.previous.start, data.previous.end, now, scope))
        seen.append(data.kpis)
        if centre == city:
            officers = independent_workloads(db, data.period.start, data.period.end, now)
            assert as_rows(data.officers) == officers[:len(data.officers)] and data.officers_total == len(officers)
            assert as_rows(data.departments) == independent_workloads(db, data.period.start, data.period.end, now,
                                                                      departments=True)
    # the days exercise the definitions: cases due, closed late, reworked, suspended now
    assert all(k.new and k.closed and k.due_to_close for k in seen)
    assert sum(k.reworked_of_due for k in seen) and sum(k.closed_of_due - k.closed_on_time for k in seen)


def test_no_briefing_query_reads_the_whole_case_table(small_demo) -> None:  # type: ignore[no-untyped-def]
    """Every read of the case and history tables goes through an index: a year of history stays
    out of a day's briefing."""
    db = small_demo
    statements: list[tuple[str, object]] = []

    def remember(_conn, _cursor, statement, parameters, _context, _many):  # type: ignore[no-untyped-def]
        statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", remember)
    try:
        briefing_data(db, 1, DEMO_NOW.date() - timedelta(days=1))
    finally:
        event.remove(db.engine, "before_cursor_execute", remember)
    scans = []
    with db.engine.connect() as conn:
        for statement, parameters in statements:
            if "case_record" in statement or "case_history" in statement:
                plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
                scans += [(row[3], statement) for row in plan
                          if row[3].startswith(("SCAN case_record", "SCAN case_history"))]
    assert len(statements) > 10 and scans == []


def test_shift_briefing_covers_the_shift(scenario) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    data = briefing_data(db, sc.centre_id, DAY, "night")
    assert (data.period.kind, data.period.shift_name) == ("shift", "Night")
    start = datetime(2026, 11, 25, 20, tzinfo=TZ)
    assert (data.period.start, data.period.end) == (start, start + timedelta(hours=12))
    assert (data.previous.start, data.previous.end) == (start - timedelta(days=1), start - timedelta(hours=12))
    pages = pdf_text(briefing_pdf(data, lang="en", printed_by="tester"))
    expected = independent_kpis(db, start, start + timedelta(hours=12), clock.now())
    expected.pop("_raw")
    printed = tile_values(pages[0], expected)
    assert {label: value for label, (value, _) in printed.items()} == expected
    assert "Shift briefing: Night · 2026-11-25 Wednesday" in pages[0]
    assert len(data.by_hour) == 12 and data.hour_labels[0] == "20" and sum(data.by_hour) == data.kpis.new
    # the day shift's handover overlaps the night shift only at its end: not in the night's notes
    assert data.handovers == ()
    with pytest.raises(NotFound):
        briefing_data(db, sc.centre_id, DAY, "Evening")


def test_chinese_briefing_embeds_its_font_and_shows_chinese(scenario) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    pdf = briefing_pdf(briefing_data(db, sc.centre_id, DAY), lang="zh_CN", printed_by="值班长")
    reader = PdfReader(io.BytesIO(pdf))
    fonts = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            fonts[str(font["/BaseFont"])] = font
    cjk = [f for name, f in fonts.items() if "WenQuanYi" in name]
    assert cjk, fonts.keys()
    descriptor = cjk[0]["/FontDescriptor"].get_object()
    assert "/FontFile2" in descriptor  # an embedded TrueType program, not a name to look up
    assert not any("STSong" in name or "MSung" in name for name in fonts)  # no unembedded CID font
    words = "\n".join(page.extract_text() for page in reader.pages)
    for chinese in ("莆田市城市运行指挥中心", "龙桥街道", "乱倒垃圾", "东岩社区第01网格", "值班长", "张伟"):
        assert chinese in words, chinese
    if shutil.which("pdftotext"):  # poppler, the viewer that shows CID fonts blank, reads it too
        out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
        assert "龙桥街道" in out and "乱倒垃圾" in out


def test_output_is_byte_stable(scenario) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    first = briefing_pdf(briefing_data(db, sc.centre_id, DAY), lang="zh_CN", printed_by="tester")
    again = briefing_pdf(briefing_data(db, sc.centre_id, DAY), lang="zh_CN", printed_by="tester")
    assert first == again
    clock.advance(minutes=1)  # "printed at" comes from the clock, so the bytes follow it
    assert briefing_pdf(briefing_data(db, sc.centre_id, DAY), lang="zh_CN", printed_by="tester") != first


def test_long_tables_are_split_into_chunks(scenario) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    data = briefing_data(db, sc.centre_id, DAY)
    many = tuple(OverdueRow(f"20261125-{i:05d}", "normal", "dispatched", "乱倒垃圾", "Fly-tipping", "龙桥街道",
                            "35030200100101", "张伟", PRINT_AT - timedelta(hours=i), float(i), 0)
                 for i in range(1, 401))
    pdf = briefing_pdf(dataclasses.replace(data, overdue=many, overdue_total=450), lang="en", printed_by="t")
    pages = pdf_text(pdf)
    body = "\n".join(pages)
    assert "20261125-00001" in body and "20261125-00400" in body and "… and 50 more" in body
    assert len(pages) >= 10
    # the header row repeats on every page of the list
    assert sum("Case\nPriority\nStatus" in p for p in pages) >= 8


def test_hotspots_rank_the_busiest_and_the_fastest_rising(db, city, operator, clock) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    day = date(2026, 11, 25)

    def report(grid: int, when: datetime) -> None:
        clock.set(when)
        lon, lat = grid_centre(grid)
        svc.report(operator, NewCase(source="patrol", category_id=city.category_id, priority="normal",
                                     description="占道经营", lon=lon, lat=lat))

    noon = datetime(2026, 11, 25, 12, tzinfo=TZ)
    for back in range(1, 29):  # grid 0: two cases a day for four weeks
        for hour in (9, 15):
            report(0, noon - timedelta(days=back) + timedelta(hours=hour - 12))
    for i in range(4):
        report(0, noon + timedelta(minutes=i))
    for i in range(3):  # grid 1: nothing before, three today
        report(1, noon + timedelta(minutes=10 + i))
    report(2, noon + timedelta(minutes=20))  # grid 2: one case is not a trend
    clock.set(datetime(2026, 11, 26, 9, tzinfo=TZ))
    data = briefing_data(db, city.centre_id, day)
    codes = lambda stats: [(g.code[-2:], g.count, g.baseline) for g in stats]  # noqa: E731
    assert codes(data.hot_grids) == [("01", 4, 2.0), ("02", 3, 0.0), ("03", 1, 0.0)]
    assert codes(data.rising_grids) == [("02", 3, 0.0), ("01", 4, 2.0)]
    assert data.rising_grids[0].ratio == 4.0
    assert [c.count for c in data.map_cells] == [4, 3, 1, 0] and len(data.map_cells[0].ring) == 5
    assert data.by_hour[12] == 8 and data.by_hour_baseline[9] == 1.0 and data.by_hour_baseline[15] == 1.0


def test_issuing_records_who_when_and_the_hash(scenario, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    supervisor, operator = demo_principal(db, "supervisor"), demo_principal(db, "operator")
    with pytest.raises(PermissionDenied):
        issue_briefing(db, operator, centre_id=sc.centre_id, day=DAY, out=tmp_path / "x.pdf")
    issued = issue_briefing(db, supervisor, centre_id=sc.centre_id, day=DAY, out=tmp_path / "daily.pdf", lang="zh_CN")
    content = (tmp_path / "daily.pdf").read_bytes()
    assert issued.sha256 == hashlib.sha256(content).hexdigest() and issued.size == len(content)
    assert "Supervisor" in "".join(pdf_text(content))
    rows = issued_briefings(db, (sc.centre_id,))
    assert [(r.kind, r.lang, r.issued_by, r.sha256, r.issued_at) for r in rows] == [
        ("daily", "zh_CN", "supervisor", issued.sha256, PRINT_AT)]
    assert rows[0].period_start == datetime(2026, 11, 25, tzinfo=TZ) and rows[0].file_path == str(tmp_path / "daily.pdf")
    with db.read() as s:
        assert s.scalar(select(AuditEntry.action).where(AuditEntry.entity == "briefing")) == "print_briefing"


@pytest.fixture
def folder(tmp_path):  # type: ignore[no-untyped-def]
    """A folder of its own for the briefings (the scenario's database sits in tmp_path)."""
    path = tmp_path / "briefings"
    path.mkdir()
    return path


def issued_state(db, folder) -> tuple[list[str], int, int]:  # type: ignore[no-untyped-def]
    """The files in `folder` (temporary ones included), the issue records and their audit entries."""
    with db.read() as s:
        records = len(s.scalars(select(BriefingIssued.id)).all())
        audits = len(s.scalars(select(AuditEntry.id).where(AuditEntry.entity == "briefing")).all())
    return sorted(p.name for p in folder.iterdir()), records, audits


def test_a_failed_record_leaves_no_file(scenario, folder, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    supervisor = demo_principal(db, "supervisor")

    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("injected: the change log cannot be written")

    monkeypatch.setattr(briefings, "record_change", broken)
    with pytest.raises(RuntimeError, match="injected"):
        issue_briefing(db, supervisor, centre_id=sc.centre_id, day=DAY, out=folder / "daily.pdf")
    assert issued_state(db, folder) == ([], 0, 0)


def test_a_failed_write_leaves_no_record(scenario, folder, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(briefings.os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        issue_briefing(db, demo_principal(db, "supervisor"), centre_id=sc.centre_id, day=DAY, out=folder / "daily.pdf")
    assert issued_state(db, folder) == ([], 0, 0)


def test_a_failed_commit_takes_the_file_back(scenario, folder) -> None:  # type: ignore[no-untyped-def]
    """A re-issue to the same name whose commit fails leaves the earlier file and its record as they were."""
    db, clock, sc = scenario
    supervisor = demo_principal(db, "supervisor")
    out = folder / "daily.pdf"
    first = issue_briefing(db, supervisor, centre_id=sc.centre_id, day=DAY, out=out)
    clock.advance(minutes=5)  # "printed at" moves, so the new file differs

    def refuse(_conn) -> None:  # type: ignore[no-untyped-def]
        raise RuntimeError("injected: the commit fails")

    event.listen(db.engine, "commit", refuse)
    try:
        with pytest.raises(RuntimeError, match="injected"):
            issue_briefing(db, supervisor, centre_id=sc.centre_id, day=DAY, out=out)
    finally:
        event.remove(db.engine, "commit", refuse)
    assert issued_state(db, folder) == (["daily.pdf"], 1, 1)
    assert hashlib.sha256(out.read_bytes()).hexdigest() == first.sha256
    again = issue_briefing(db, supervisor, centre_id=sc.centre_id, day=DAY, out=out)  # and the next one works
    assert again.sha256 != first.sha256 and issued_state(db, folder) == (["daily.pdf"], 2, 2)


def run_cli(*argv: str) -> int:
    from commandcenter.commands import briefing

    parser = argparse.ArgumentParser()
    briefing.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["briefing", *argv])
    return int(args.handler(args))


def test_cli_prints_a_briefing_as_the_os_user(scenario, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    path = db.url.database
    out = tmp_path / "night.pdf"
    assert run_cli("--db", path, "--date", "2026-11-25", "--shift", "Night", "--lang", "en", "--out", str(out)) == 0
    assert "sha256" in capsys.readouterr().out
    content = out.read_bytes()
    user = getpass.getuser()
    assert f"Printed by {user}" in pdf_text(content)[0]
    with db.read() as s:
        row = s.scalars(select(BriefingIssued)).one()
        # issued by the command line's own account; the audit entry names the OS user who ran it
        assert (row.kind, row.issued_by, row.lang) == ("shift", "cli", "en")
        entry = s.execute(select(AuditEntry.actor, AuditEntry.os_user).where(AuditEntry.action == "print_briefing")).one()
        assert tuple(entry) == ("cli", user)
        assert row.sha256 == hashlib.sha256(content).hexdigest()
        assert row.period_start == datetime(2026, 11, 25, 12, tzinfo=UTC)
    with pytest.raises(NotFound):
        run_cli("--db", path, "--date", "2026-11-25", "--shift", "Evening", "--out", str(out))
    with pytest.raises(SystemExit):
        run_cli("--db", path, "--date", "25/11/2026", "--out", str(out))


def test_a_missing_font_is_a_clear_error(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from commandcenter.reports import fonts

    assert cjk_font().name == FONT_NAME
    monkeypatch.setattr(fonts, "_registered", None)
    monkeypatch.setattr(fonts, "BUNDLED", tmp_path / "missing.ttc")
    monkeypatch.setattr(fonts, "SYSTEM_CANDIDATES", ())
    monkeypatch.delenv(fonts.ENV_OVERRIDE, raising=False)
    with pytest.raises(FontMissing) as err:
        fonts.cjk_font()
    assert "missing.ttc" in err.value.message and fonts.ENV_OVERRIDE in err.value.message


@pytest.mark.postgres
def test_postgresql_gives_the_same_briefing_and_handovers(pg_url, tmp_path_factory, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from commandcenter.clock import FrozenClock
    from commandcenter.db import open_database
    from commandcenter.services.handover import HandoverService

    from .day_of_cases import build_scenario

    clock = FrozenClock(PRINT_AT)
    pg = open_database(pg_url, clock=clock, create=True)
    lite, _, _ = scenario_database(tmp_path_factory, tmp_path)
    try:
        sc = build_scenario(pg, clock)
        on_pg, on_lite = briefing_data(pg, sc.centre_id, DAY), briefing_data(lite, sc.centre_id, DAY)
        assert on_pg == on_lite
        assert briefing_pdf(on_pg, printed_by="t") == briefing_pdf(on_lite, printed_by="t")
        night = briefing_data(pg, sc.centre_id, DAY, "Night")
        assert night == briefing_data(lite, sc.centre_id, DAY, "Night")
        svc = HandoverService(pg)
        assert [r.id for r in svc.search(demo_principal(pg, "operator"), "垃圾清运")] == [sc.handover_id]
        assert [r.id for r in svc.search(demo_principal(pg, "operator"), "OPERATOR")] == [sc.handover_id]
    finally:
        pg.dispose()
        lite.dispose()
