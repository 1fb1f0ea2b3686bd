"""The demo city: a real tiling of grids, deterministic rows, histories the live services accept."""

from __future__ import annotations

import json
import random
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
import shapely
from PySide6.QtWidgets import QProgressDialog
from sqlalchemy import func, select, text

from commandcenter import app, i18n
from commandcenter.cli import main
from commandcenter.clock import FrozenClock
from commandcenter.db import Database, open_database
from commandcenter.demo_labels import demo_progress_text
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import (
    OPEN_STATUSES,
    STATUS_STAGE,
    CaseStatus,
    Priority,
    SourceChannel,
    Stage,
)
from commandcenter.domain.lifecycle import is_allowed, target_status
from commandcenter.errors import ValidationError
from commandcenter.gui import translator
from commandcenter.i18n.catalogue import Catalogue
from commandcenter.models import (
    AppMeta,
    Case,
    CaseHistory,
    DailySequence,
    Escalation,
    Grid,
    Officer,
    OfficerGrid,
    User,
)
from commandcenter.services.auth import demo_principal
from commandcenter.services.escalation import level_due, scan_escalations
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.services.passwords import verify_password
from commandcenter.services.reference_data import seed_reference_data
from commandcenter.services.timelimits import TimeLimits
from commandcenter.shapes.cases import NewCase
from commandcenter.simulator.demo import SCALES, DemoStep, build_rows, generate_demo, history
from commandcenter.simulator.demo.geography import area_m2
from commandcenter.simulator.demo.outlines import outline
from commandcenter.simulator.demo.putian import build_putian
from commandcenter.simulator.demo.rows import TableRows
from commandcenter.simulator.demo.workline import WorkLine

# Wednesday 2026-11-25 10:30:15 in Shanghai: busy office hours, every open status is present
NOW = datetime(2026, 11, 25, 2, 30, 15, tzinfo=UTC)
DAYS = 14
SEED = 1


def _generate(path: Path, seed: int = SEED, days: int = DAYS, now: datetime = NOW) -> Database:
    db = open_database(path, create=True, clock=FrozenClock(now))
    generate_demo(db, scale="small", days=days, seed=seed)
    return db


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Database:
    """One generated small city shared by the read-only tests of this module, planned in 5-day chunks
    so that merges, history and escalations cross chunk boundaries."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(history, "CHUNK_DAYS", 5)
        db = _generate(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    yield db
    db.dispose()


def _rows(db: Database, sql: str) -> list[tuple[object, ...]]:
    with db.read() as s:
        return [tuple(r) for r in s.execute(text(sql))]


# ---- map ------------------------------------------------------------------------------
def test_grids_tile_every_community(demo: Database) -> None:
    city = build_putian(SCALES["small"], SEED)
    grids = _rows(demo, "SELECT c.code, g.code, g.geometry, g.area_m2, g.centroid_lon, g.centroid_lat, g.min_lon, "
                       "g.max_lat FROM grid g JOIN community c ON c.id = g.community_id ORDER BY g.code")
    assert len(grids) == SCALES["small"].grids
    by_community: dict[str, list[shapely.Polygon]] = defaultdict(list)
    for community_code, code, wkb, area, cx, cy, min_lon, max_lat in grids:
        poly = shapely.from_wkb(wkb)
        assert isinstance(poly, shapely.Polygon | shapely.MultiPolygon) and poly.is_valid, code
        assert area == pytest.approx(float(area_m2([poly])[0]))
        # the stored centre is where a report 'at the grid' goes: inside it, however concave the grid
        assert shapely.contains_xy(poly, cx, cy), code
        assert min_lon == poly.bounds[0] and max_lat == poly.bounds[3]
        assert len(code) == 14 and code.isdigit() and code.startswith(community_code)  # type: ignore[union-attr]
        by_community[community_code].append(poly)  # type: ignore[index]
    communities = {c.code: c.polygon for c in city.communities()}
    assert set(by_community) == set(communities)
    for code, polys in by_community.items():
        union = shapely.union_all(polys)
        gap_or_overlap = float(area_m2([shapely.symmetric_difference(union, communities[code])])[0])
        overlap = float(sum(area_m2(polys)) - area_m2([union])[0])
        assert gap_or_overlap < 1.0, (code, gap_or_overlap)
        assert abs(overlap) < 1.0, (code, overlap)


def test_the_small_city_is_chengxiangs_street_offices(demo: Database) -> None:
    """城厢区's three street offices in its real outline, their grids sized as a central city's are
    when drawn by households: hectares in the old town, larger towards the fields."""
    rows = _rows(demo, "SELECT d.code, s.name, g.geometry, g.area_m2 FROM grid g JOIN community c ON c.id = "
                       "g.community_id JOIN street s ON s.id = c.street_id JOIN district d ON d.id = s.district_id")
    assert {r[0] for r in rows} == {"350302"}
    assert {r[1] for r in rows} == {"凤凰山街道", "龙桥街道", "霞林街道"}
    district = shapely.buffer(outline("350302"), 1e-7)  # about a centimetre: the file's rounding
    assert all(shapely.within(shapely.from_wkb([r[2] for r in rows]), district))
    areas = np.array([r[3] for r in rows])
    assert 40e6 < areas.sum() < 120e6  # the central city: tens of km² of 城厢区's 493
    assert 5e4 < np.median(areas) < 50e4 and areas.max() < 20e6
    assert areas.min() > 1e4  # no sliver grids


def test_codes_nest_and_grids_are_numbered_west_to_east_north_to_south(demo: Database) -> None:
    rows = _rows(demo, "SELECT d.code, s.code, c.code, s.pinyin_initials, c.name, g.name, g.code, g.centroid_lat "
                       "FROM grid g JOIN community c ON c.id = g.community_id JOIN street s ON s.id = c.street_id "
                       "JOIN district d ON d.id = s.district_id ORDER BY g.code")
    for d, s, c, initials, cname, gname, gcode, _ in rows:
        assert len(d) == 6 and len(s) == 9 and len(c) == 12  # type: ignore[arg-type]
        assert s.startswith(d) and c.startswith(s) and initials  # type: ignore[union-attr]
        assert gname == f"{cname}第{gcode[-2:]}网格"  # type: ignore[index]
    first: dict[object, list[float]] = {}
    for _, _, c, _, _, _, _, lat in rows:
        first.setdefault(c, []).append(lat)  # type: ignore[arg-type]
    # the first grid of each community lies in its northernmost row (~100 m rows)
    assert all(lats[0] >= max(lats) - 0.0011 for lats in first.values())


def test_people_and_meta(demo: Database) -> None:
    with demo.read() as s:
        per_grid = dict(s.execute(select(OfficerGrid.grid_id, func.count()).group_by(OfficerGrid.grid_id)).all())
        per_officer = dict(s.execute(select(OfficerGrid.officer_id, func.count()).group_by(OfficerGrid.officer_id)).all())
        n_grids = s.scalar(select(func.count()).select_from(Grid))
        n_officers = s.scalar(select(func.count()).select_from(Officer))
        meta = dict(s.execute(select(AppMeta.key, AppMeta.value)).all())
        users = dict(s.execute(select(User.username, User.password_hash)).all())
        phones = s.scalars(select(Officer.phone)).all()
        statuses = set(s.scalars(select(Officer.duty_status)))
    assert len(per_grid) == n_grids and set(per_officer.values()) <= {1, 2}
    assert n_officers == SCALES["small"].officers == len(per_officer)
    assert {"on_duty", "in_field", "off_duty"} <= statuses
    assert all(len(p) == 11 and p[:2] in ("13", "15", "18") for p in phones)
    assert meta["is_demo"] == "1" and meta["demo_scale"] == "small" and meta["grid_code_length"] == "14"
    assert meta["timezone"] == "Asia/Shanghai" and meta["demo_seed"] == str(SEED) and meta["city_name"]
    assert {"operator", "supervisor", "trainer", "admin"} <= set(users)
    assert verify_password("operator-demo", users["operator"])
    assert not verify_password("supervisor-demo", users["operator"])
    assert _rows(demo, "PRAGMA foreign_key_check") == []


def test_duty_changes_lead_to_each_officers_status_now(demo: Database) -> None:
    """The last days' shifts as the roster records them, each officer's last change ending in the
    status they have now, with no change after the clock (the officer page shows this history)."""
    last = _rows(demo, "SELECT o.duty_status, d.to_status FROM officer o JOIN duty_change d ON d.id = "
                       "(SELECT max(id) FROM duty_change WHERE officer_id = o.id)")
    assert len(last) == SCALES["small"].officers and all(now == to for now, to in last)
    steps = _rows(demo, "SELECT officer_id, from_status, to_status, at FROM duty_change ORDER BY officer_id, at, id")
    for (o1, _, to, _), (o2, frm, _, _) in zip(steps, steps[1:], strict=False):
        assert o1 != o2 or to == frm  # each change starts where the one before it ended
    assert max(at for *_, at in steps) <= int(demo.clock.now().timestamp())


def test_a_second_generation_is_refused(demo: Database) -> None:
    with pytest.raises(ValidationError):
        generate_demo(demo, scale="small", days=1, seed=SEED)


# ---- determinism ----------------------------------------------------------------------
DUMPS = {
    "case_record": "SELECT * FROM case_record ORDER BY id",
    "case_history": "SELECT * FROM case_history ORDER BY id",
    "grid": "SELECT * FROM grid ORDER BY id",
    "officer": "SELECT * FROM officer ORDER BY id",
    "app_user": "SELECT * FROM app_user ORDER BY id",
    "escalation": "SELECT * FROM escalation ORDER BY id",
}


def test_same_seed_same_rows_other_seed_other_rows(tmp_path: Path, demo: Database,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(history, "CHUNK_DAYS", 5)  # as the shared city
    again = _generate(tmp_path / "again.sqlite")
    other = _generate(tmp_path / "other.sqlite", seed=SEED + 1)
    try:
        for name, sql in DUMPS.items():
            assert _rows(again, sql) == _rows(demo, sql), name
        for name in ("case_record", "grid", "officer"):
            assert _rows(other, DUMPS[name]) != _rows(demo, DUMPS[name]), name
    finally:
        again.dispose()
        other.dispose()


# ---- chunks -----------------------------------------------------------------------------
def test_cases_are_planned_a_few_days_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(history, "CHUNK_DAYS", 5)
    db = open_database(tmp_path / "plan.sqlite", create=True, clock=FrozenClock(NOW))
    try:
        with db.unit_of_work() as s:
            seed_reference_data(s)
        rows = build_rows(db, scale="small", days=DAYS, seed=SEED)
    finally:
        db.dispose()
    per_chunk = [len(t) for t in rows.stream() if isinstance(t, TableRows) and t.table == "case_record"]
    per_day = SCALES["small"].cases_per_day
    assert len(per_chunk) == 3 and max(per_chunk) < 1.3 * per_day * 5  # 14 days: 5 + 5 + 4
    assert sum(per_chunk) == rows.summary().cases


def test_ids_grow_with_time_and_merges_reach_back_across_chunks(demo: Database) -> None:
    for name in ("case_record", "case_history", "escalation", "change_log"):
        column = "reported_at" if name == "case_record" else "at"
        ats = [r[0] for r in _rows(demo, f"SELECT {column} FROM {name} ORDER BY id")]
        assert ats == sorted(ats), name
    pairs = _rows(demo, "SELECT c.reported_at, t.reported_at FROM case_record c "
                        "JOIN case_record t ON t.id = c.merged_into_id")
    first = min(r[0] for r in _rows(demo, "SELECT reported_at FROM case_record"))
    tz_offset = 8 * 3600  # the city's days are Shanghai days

    def chunk(at: int) -> int:
        return ((at + tz_offset) // 86400 - (first + tz_offset) // 86400) // 5

    assert pairs and all(target < case for case, target in pairs)
    assert any(chunk(target) < chunk(case) for case, target in pairs)


def test_the_generation_is_audited_once_not_per_history_row(demo: Database) -> None:
    entries = _rows(demo, "SELECT actor, action, entity, user_id, detail FROM audit_entry")
    assert [e[:4] for e in entries] == [("system", "generate_demo", "demo", None)]
    detail = json.loads(entries[0][4])  # type: ignore[arg-type]
    cases, history_rows, first, last = _rows(
        demo, "SELECT count(*), (SELECT count(*) FROM case_history), min(id), max(id) FROM case_record")[0]
    assert detail == {"scale": "small", "seed": SEED, "days": DAYS, "cases": cases, "first_case_id": first,
                      "last_case_id": last, "history_rows": history_rows}


# ---- histories ------------------------------------------------------------------------
def test_every_history_replays_through_the_state_machine(demo: Database) -> None:
    now = int(NOW.timestamp())
    with demo.read() as s:
        cases = {r.id: r for r in s.execute(select(Case.id, Case.status, Case.rework_count, Case.version,
                                                   Case.reported_at, Case.updated_at))}
        history = s.execute(select(CaseHistory.case_id, CaseHistory.action, CaseHistory.from_status,
                                   CaseHistory.to_status, CaseHistory.at, CaseHistory.user_id,
                                   CaseHistory.officer_id, CaseHistory.department_id, CaseHistory.note)
                            .order_by(CaseHistory.id)).all()
    by_case: dict[int, list[object]] = defaultdict(list)
    for h in history:
        by_case[h.case_id].append(h)
    assert set(by_case) == set(cases)
    seen_actions: set[str] = set()
    seen_status: set[str] = set()
    for case_id, steps in by_case.items():
        first = steps[0]
        assert first.action == "report" and first.from_status is None and first.to_status == "reported"
        status, before_suspension = CaseStatus.REPORTED, None
        for h in steps[1:]:
            action = Action(h.action)
            assert h.from_status == status and is_allowed(action, status), (case_id, h.action, status)
            to = target_status(action, status, before_suspension)
            assert h.to_status == to
            before_suspension = status if action is Action.SUSPEND else before_suspension
            if action in (Action.REJECT, Action.FEED_BACK, Action.RETURN_FOR_REWORK, Action.REQUEST_EXTENSION,
                          Action.REFUSE_EXTENSION, Action.REQUEST_SUSPENSION, Action.REFUSE_SUSPENSION):
                assert h.note, (case_id, h.action)
            if action is Action.DISPATCH:
                assert (h.officer_id is None) != (h.department_id is None)
            status = to
            seen_actions.add(h.action)
        ats = [h.at for h in steps]
        assert ats == sorted(ats) and ats[-1] <= NOW
        case = cases[case_id]
        assert case.status == status and case.reported_at == ats[0] and case.updated_at == ats[-1]
        assert case.version == len(steps)
        seen_status.update(h.to_status for h in steps)
    # referrals are planted through the lifecycle after the generated history (referral_plants,
    # tests/test_demo_levels.py), as the early warnings are: this history has every other status
    assert seen_status == {s.value for s in CaseStatus} - {CaseStatus.REFERRED.value}
    assert seen_actions >= {"register", "reject", "merge", "dispatch", "accept", "feed_back", "close",
                            "return_for_rework", "request_extension", "extend", "refuse_extension",
                            "request_suspension", "suspend", "refuse_suspension", "resume", "evaluate",
                            "reassign", "send_back", "request_check", "confirm_check", "fail_check", "solve_on_spot",
                            "follow_up", "reopen"}
    # a registered case waits only minutes for its dispatch: at 10:30 the small city (178 cases a
    # day) may have none in that state, every other open state it has
    open_status = {c.status for c in cases.values() if CaseStatus(c.status) in OPEN_STATUSES}
    assert open_status >= {s.value for s in OPEN_STATUSES} - {CaseStatus.REFERRED.value, CaseStatus.REGISTERED.value}
    assert any(c.rework_count > 0 for c in cases.values())
    numbers = _rows(demo, "SELECT count(DISTINCT case_number), count(*) FROM case_record")[0]
    assert numbers[0] == numbers[1]  # numbered city-wide, as the live intake does
    overdue = _rows(demo, f"SELECT count(*) FROM case_record WHERE status IN ('reported', 'registered', "
                          f"'dispatched', 'accepted', 'fed_back') AND stage_deadline_at <= {now}")[0][0]
    assert overdue > 0


def test_clock_columns_are_what_the_live_rules_give(demo: Database) -> None:
    limits = TimeLimits.from_database(demo)
    stage_of = {status.value: stage for status, stage in STATUS_STAGE.items()}
    now = int(NOW.timestamp())
    with demo.read() as s:
        rows = s.execute(select(Case).where(Case.status.in_(list(stage_of)))).scalars().all()
        checked = 0
        for c in rows:
            if c.suspended_seconds or c.extended_minutes:
                continue
            stage = stage_of[c.status]
            assert c.stage_started_at is not None and c.stage_deadline_at is not None
            assert c.stage_deadline_at == limits.deadline(c.category_id, c.priority, stage, c.stage_started_at)
            if stage is Stage.HANDLE:
                assert c.handle_deadline_at == c.stage_deadline_at
                assert c.stage_started_at == c.dispatched_at
            clock = limits.clock(c.category_id, c.priority, stage, c.stage_started_at)
            if stage is not Stage.HANDLE:  # after acceptance the handling clock ends at the handling deadline
                assert c.stage_remind_at == clock.remind_at
            level = level_due(now, int(c.stage_remind_at.timestamp()), int(c.stage_deadline_at.timestamp()))
            expected = {None: 0, "reminder": 1, "supervision": 2}[level.value if level else None]
            assert c.escalation_level in (expected, max(expected - 1, 0))  # the minute's scan may be due
            checked += 1
        assert checked > 20
        closed = s.execute(select(Case).where(Case.status == "closed", Case.extended_minutes == 0,
                                              Case.suspended_seconds == 0, Case.rework_count == 0,
                                              Case.dispatched_at.is_not(None)).limit(50)).scalars()
        for c in closed:
            assert c.stage_deadline_at is None and c.closed_at is not None and c.fed_back_at is not None
            assert c.handle_deadline_at == limits.deadline(c.category_id, c.priority, Stage.HANDLE, c.dispatched_at)


def test_time_requests_are_asked_in_time_and_decided_as_the_history_says(demo: Database) -> None:
    decisions = {("extension", "approved"): "extend", ("extension", "refused"): "refuse_extension",
                 ("suspension", "approved"): "suspend", ("suspension", "refused"): "refuse_suspension"}
    rows = _rows(demo, "SELECT t.kind, t.state, t.requested_at < t.stage_deadline_at, (SELECT h.action FROM "
                       "case_history h WHERE h.case_id = t.case_id AND h.at = t.decided_at AND h.action IN ('extend', "
                       "'suspend', 'refuse_extension', 'refuse_suspension')) FROM time_request t")
    asked = _rows(demo, "SELECT count(*) FROM case_history WHERE action IN ('request_extension', "
                        "'request_suspension')")[0][0]
    assert len(rows) == asked > 0
    assert {(kind, state) for kind, state, _, _ in rows} >= set(decisions)  # both kinds approved and refused
    for kind, state, in_time, decision in rows:
        assert in_time and decision == decisions.get((kind, state)), (kind, state, decision)


def test_reminders_on_working_time_fall_in_office_hours(demo: Database) -> None:
    """The 80 % reminder of a working-time stage is due inside office hours (the minute's scan may
    record it up to a minute later), never at night as a fraction of clock time would put it."""
    limits = TimeLimits.from_database(demo)
    with demo.read() as s:
        rows = s.execute(select(Escalation.at, Escalation.stage, Case.category_id, Case.priority)
                         .join(Case, Case.id == Escalation.case_id).where(Escalation.level == "reminder")).all()
    working = [r for r in rows if limits.limit(r.category_id, r.priority, Stage(r.stage))[1] == "working"]
    assert len(working) > 20
    for r in working:
        local = r.at.astimezone(limits.calendar.tz)
        minute = local.hour * 60 + local.minute
        assert limits.calendar.is_working_day(local.date()), r
        assert 8 * 60 + 30 <= minute <= 12 * 60 + 1 or 14 * 60 <= minute <= 17 * 60 + 31, r


def test_the_live_escalation_scan_finds_only_the_last_minute(tmp_path: Path) -> None:
    db = _generate(tmp_path / "scan.sqlite", days=3)
    try:
        events = scan_escalations(db)
        with db.read() as s:
            for e in events:
                c = s.get(Case, e.case_id)
                assert c is not None and c.stage_started_at is not None and c.stage_deadline_at is not None
                assert c.stage_remind_at is not None
                reached = c.stage_deadline_at if e.level == "supervision" else c.stage_remind_at
                assert NOW - reached < timedelta(seconds=61), e
    finally:
        db.dispose()


# ---- live continuity ------------------------------------------------------------------
def test_live_services_continue_the_generated_city(tmp_path: Path) -> None:
    db = _generate(tmp_path / "live.sqlite")
    try:
        operator = demo_principal(db, "operator")
        svc = CaseService(db)
        with db.read() as s:
            grid = s.execute(select(Grid.id, Grid.centroid_lon, Grid.centroid_lat).order_by(Grid.id)).first()
            assert grid is not None
            category_id = s.scalar(text("SELECT id FROM category WHERE code = '0702'"))
        row = svc.report(operator, NewCase(source=SourceChannel.HOTLINE_12345, category_id=category_id,
                                           priority=Priority.NORMAL, description="暴露垃圾", grid_id=grid.id))
        day = NOW.astimezone(TimeLimits.from_database(db).calendar.tz).strftime("%Y%m%d")
        with db.read() as s:
            city_centre = s.scalar(text("SELECT id FROM command_centre WHERE parent_id IS NULL"))
            last = s.scalar(select(DailySequence.last_value).where(DailySequence.centre_id == city_centre,
                                                                   DailySequence.day == day))
            generated_today = s.scalar(select(func.count()).select_from(Case).where(
                Case.case_number.like(f"{day}-%"), Case.id != row.id))
            registered = s.execute(select(Case.id, Case.version, Case.grid_id)
                                   .where(Case.status == "registered").order_by(Case.id)).first()
            assert registered is not None
            officer_id = s.scalar(select(OfficerGrid.officer_id).where(OfficerGrid.grid_id == registered.grid_id))
        assert generated_today > 0 and row.case_number == f"{day}-{generated_today + 1:05d}" and last == generated_today + 1
        done = svc.perform(operator, registered.id, Action.DISPATCH, TransitionParams(officer_id=officer_id),
                           expected_version=registered.version)
        assert done.status == "dispatched" and done.handle_deadline_at is not None
    finally:
        db.dispose()


# ---- pieces ---------------------------------------------------------------------------
def test_working_line_agrees_with_the_calendar(demo: Database) -> None:
    calendar = TimeLimits.from_database(demo).calendar
    line = WorkLine(calendar)
    rnd = random.Random(7)
    base = int(datetime(2025, 1, 1, tzinfo=UTC).timestamp())
    for _ in range(2000):
        start = datetime.fromtimestamp(base + rnd.randrange(0, 700 * 86400), UTC)
        assert line.check(start, rnd.choice((10, 30, 120, 210, 420, 840, 2100, 4200)), rnd.random() < 0.7), start


@pytest.mark.slow
def test_putian_scale_has_the_published_counts(tmp_path: Path) -> None:
    db = open_database(tmp_path / "putian.sqlite", create=True, clock=FrozenClock(NOW))
    try:
        with db.unit_of_work() as s:
            seed_reference_data(s)
        rows = build_rows(db, scale="putian", days=2, seed=SEED)
        counts: dict[str, int] = defaultdict(int)
        codes: set[str] = set()
        for t in rows.stream():
            if isinstance(t, TableRows):
                counts[t.table] += len(t)
                if t.table == "district":
                    codes.update(t.column("code"))  # type: ignore[arg-type]
    finally:
        db.dispose()
    assert counts["grid"] == 2408 and counts["officer"] == 3096 and rows.summary().districts == 5
    assert codes == {"350302", "350303", "350304", "350305", "350322"}
    assert 3000 < counts["case_record"] < 4500  # a whole day and the morning of today


@pytest.mark.postgres
def test_generates_on_postgresql(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(history, "CHUNK_DAYS", 1)  # each table comes back once a day: one COPY per run
    db = open_database(pg_url, create=True, clock=FrozenClock(NOW))
    try:
        summary = generate_demo(db, scale="small", days=2, seed=SEED)
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(Case)) == summary.cases > 0
            assert s.scalar(select(func.count()).select_from(CaseHistory)) == summary.history_rows
        operator = demo_principal(db, "operator")
        with db.read() as s:
            grid_id = s.scalar(select(Grid.id).order_by(Grid.id).limit(1))
            category_id = s.scalar(text("SELECT id FROM category WHERE code = '0702'"))
        row = CaseService(db).report(operator, NewCase(source=SourceChannel.PATROL, category_id=category_id,
                                                       priority=Priority.NORMAL, description="暴露垃圾",
                                                       grid_id=grid_id), register=True)
        assert row.id > summary.cases  # sequences moved past the explicit ids
        assert row.status == "registered"
    finally:
        db.dispose()


def test_small_scale_figures(demo: Database) -> None:
    with demo.read() as s:
        per_day = s.scalar(select(func.count()).select_from(Case)) / DAYS
        priorities = dict(s.execute(select(Case.priority, func.count()).group_by(Case.priority)).all())
        sources = dict(s.execute(select(Case.source, func.count()).group_by(Case.source)).all())
    # the scale's mean over whole days; the last day only to 10:30
    assert 0.75 * SCALES["small"].cases_per_day < per_day < 1.1 * SCALES["small"].cases_per_day
    total = sum(priorities.values())
    assert 0.005 < priorities["urgent"] / total < 0.08 and 0.55 < priorities["normal"] / total < 0.85
    assert max(sources, key=sources.__getitem__) == "patrol"
    lon_lat = np.array(_rows(demo, "SELECT avg(lon), avg(lat) FROM case_record")[0])
    assert np.allclose(lon_lat, (119.0, 25.44), atol=0.05)


# ---- progress, in the user's language ---------------------------------------------------
class _Tagged(Catalogue):
    """A stand-in catalogue that marks every demo string it translates, so a test sees the language."""

    def __init__(self) -> None:
        super().__init__({})

    def lookup(self, context: str, text: str) -> str | None:
        return f"ZH:{text}" if context == "demo" else None


@pytest.fixture
def tagged_chinese(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setitem(i18n._catalogues, "zh_CN", _Tagged())
    yield
    translator.install("en")


def test_every_step_has_words() -> None:
    assert {demo_progress_text(step.value) for step in DemoStep}.isdisjoint({step.value for step in DemoStep})


def test_the_cli_prints_progress_as_it_goes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--db", str(tmp_path / "d.sqlite"), "--scale", "small", "--days", "20"]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "[  0%] Preparing the database…"
    assert [line[7:] for line in lines] == [
        "Preparing the database…", "Drawing the map…", "Staffing the command centres…", "Writing the case history: day 0 of 20",
        "Writing the case history: day 14 of 20", "Writing the case history: day 20 of 20", "Building indexes…",
        "Done"]
    percents = [int(line[1:4]) for line in lines]
    assert percents == sorted(percents) and percents[-1] == 100


def test_the_cli_words_progress_in_the_chosen_language(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       tagged_chinese: None) -> None:
    assert main(["--lang", "zh_CN", "demo", "--db", str(tmp_path / "d.sqlite"), "--days", "2"]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert lines[1].endswith("ZH:Drawing the map…") and lines[-1].endswith("ZH:Done")
    assert any(line.endswith("ZH:Writing the case history: day 2 of 2") for line in lines)


def test_the_first_start_dialog_shows_translated_progress(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          tagged_chinese: None) -> None:
    texts: list[str] = []

    class Recording(QProgressDialog):
        def setLabelText(self, text: str) -> None:  # noqa: N802 - Qt's name
            texts.append(text)
            super().setLabelText(text)

    monkeypatch.setattr(app, "QProgressDialog", Recording)
    i18n.use("zh_CN")
    app._create_demo(tmp_path / "first.sqlite")
    assert "ZH:Drawing the map…" in texts and "ZH:Writing the case history: day 30 of 30" in texts
    assert texts[-1] == "ZH:Done"
    assert (tmp_path / "first.sqlite").exists()
