"""Briefing figures and PDFs: the printed numbers against an independent SQL query, the
embedded CJK font, byte stability, shift briefings, hotspots, chunked tables and the CLI."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import hashlib
import io
import re
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import select, text

from commandcenter.errors import NotFound, PermissionDenied
from commandcenter.models import AuditEntry, BriefingIssued
from commandcenter.reports.briefing import briefing_pdf
from commandcenter.reports.fonts import FONT_NAME, FontMissing, cjk_font
from commandcenter.services.auth import actor_for
from commandcenter.services.briefings import issue_briefing, issued_briefings
from commandcenter.services.dto import NewCase
from commandcenter.services.kpi import OverdueRow, briefing_data
from commandcenter.services.lifecycle import CaseService

from .day_of_cases import DAY, PRINT_AT, TZ, scenario_database
from .factories import grid_centre


@pytest.fixture
def scenario(tmp_path_factory, tmp_path):  # type: ignore[no-untyped-def]
    db, clock, sc = scenario_database(tmp_path_factory, tmp_path)
    yield db, clock, sc
    db.dispose()


def epoch(value: datetime) -> int:
    return int(value.timestamp())


def independent_kpis(db, start: datetime, end: datetime, now: datetime) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The briefing's definitions, written again as plain SQL over the raw epoch columns."""
    a, b, now_s = epoch(start), epoch(end), epoch(now)
    as_of = min(now_s, b)
    with db.engine.connect() as conn:
        one = lambda q: conn.execute(text(q), {"a": a, "b": b, "asof": as_of, "now": now_s}).one()  # noqa: E731
        new, registered, dispatched, closed = one("""
            SELECT (SELECT count(*) FROM case_record WHERE reported_at >= :a AND reported_at < :b),
                   (SELECT count(*) FROM case_record WHERE registered_at >= :a AND registered_at < :b),
                   (SELECT count(*) FROM case_record WHERE dispatched_at >= :a AND dispatched_at < :b),
                   (SELECT count(*) FROM case_record WHERE closed_at >= :a AND closed_at < :b)""")
        due, closed_of_due, on_time, handled, reworked, handled_ever = one("""
            WITH d AS (
                SELECT *, handle_deadline_at + CASE WHEN suspended_at IS NOT NULL AND suspended_at < :asof
                                                    THEN :asof - suspended_at ELSE 0 END AS deadline
                FROM case_record
                WHERE registered_at IS NOT NULL AND handle_deadline_at IS NOT NULL
                  AND status NOT IN ('rejected', 'merged')),
            due AS (SELECT *, (fed_back_at IS NOT NULL AND fed_back_at <= :asof)
                              OR (closed_at IS NOT NULL AND closed_at <= :asof) AS handled
                    FROM d WHERE deadline >= :a AND deadline < :b)
            SELECT count(*), total(closed_at IS NOT NULL AND closed_at <= :asof),
                   total(closed_at IS NOT NULL AND closed_at <= deadline), total(handled),
                   total(rework_count > 0), total(handled OR rework_count > 0)
            FROM due""")
        (overdue,) = one("""SELECT count(*) FROM case_record
                            WHERE status IN ('reported', 'registered', 'dispatched', 'accepted', 'fed_back')
                              AND stage_deadline_at < :now""")
        (dispatch_min,) = one("""SELECT avg(dispatched_at - registered_at) / 60.0 FROM case_record
                                 WHERE dispatched_at >= :a AND dispatched_at < :b AND rework_count = 0""")
        (close_h,) = one("SELECT avg(closed_at - reported_at) / 3600.0 FROM case_record "
                         "WHERE closed_at >= :a AND closed_at < :b")
    pct = lambda n, d: f"{100 * n / d:.1f}%" if d else "—"  # noqa: E731
    return {
        "New": str(new),
        "Registered": str(registered),
        "Dispatched": str(dispatched),
        "Closed": str(closed),
        "Due to close": str(due),
        "Closure rate": pct(closed_of_due, due),
        "On-time closure rate": pct(on_time, due),
        "Handling rate": pct(handled, due),
        "Rework rate": pct(reworked, handled_ever),
        "Overdue now": str(overdue),
        "Mean time to dispatch": f"{dispatch_min:.1f} min" if dispatch_min is not None else "—",
        "Mean time to close": f"{close_h:.1f} h" if close_h is not None else "—",
        "_raw": (due, closed_of_due, on_time, reworked),
    }


def pdf_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def tile_values(page: str, labels) -> dict[str, tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Each KPI tile reads: label, footnote letter, value, then the change line."""
    lines = [line.strip() for line in page.splitlines()]
    found = {}
    for label in labels:
        i = lines.index(label)
        assert re.fullmatch(r"[a-i]", lines[i + 1]), lines[i: i + 4]
        found[label] = (lines[i + 2], lines[i + 3])
    return found


def test_printed_kpis_equal_an_independent_sql_query(scenario) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    data = briefing_data(db, sc.centre_id, DAY)
    pages = pdf_text(briefing_pdf(data, lang="en", printed_by="tester"))
    start = datetime(2026, 11, 25, tzinfo=TZ)
    expected = independent_kpis(db, start, start + timedelta(days=1), clock.now())
    previous = independent_kpis(db, start - timedelta(days=1), start, clock.now())
    due, closed_of_due, on_time, reworked = expected.pop("_raw")  # type: ignore[misc]
    previous.pop("_raw")
    # the scenario exercises the definitions: cases due, some late, some reworked
    assert due > 0 and 0 < on_time < closed_of_due and reworked > 0
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
                  "Closure rate 结案率 = due cases closed by", "On-time closure rate 按期结案率 =",
                  "Handling rate 处置率 =", "Rework rate 返工率 =", "a shift belongs to the date it starts"):
        assert words in pages[0]
    # the figures and lists further on agree with the data they came from
    body = "\n".join(pages)
    assert f"Overdue cases ({data.overdue_total})" in body
    assert data.overdue[0].case_number in body and "垃圾清运车辆故障" in body


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
    supervisor, operator = actor_for(db, "supervisor"), actor_for(db, "operator")
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
        assert (row.kind, row.issued_by, row.lang) == ("shift", user, "en")
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
        assert [r.id for r in svc.search(actor_for(pg, "operator"), "垃圾清运")] == [sc.handover_id]
        assert [r.id for r in svc.search(actor_for(pg, "operator"), "OPERATOR")] == [sc.handover_id]
    finally:
        pg.dispose()
        lite.dispose()
