"""The demo's history is believable: rhythms per category and channel, seasons and storms, the loop's
turns in realistic proportions, a handover for every past shift, and every step a legal transition."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select, text

from commandcenter.clock import FrozenClock
from commandcenter.db import Database, open_database
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import OPEN_STATUSES, CaseStatus, SourceChannel
from commandcenter.domain.lifecycle import TRANSITIONS
from commandcenter.models import CommandCentre, Handover, HandoverItem, User
from commandcenter.services.auth import demo_principal
from commandcenter.services.handover import HandoverService
from commandcenter.services.kpi.backfill import fill_history_clocks
from commandcenter.services.kpi.briefing import briefing_data
from commandcenter.services.shifts import shift_patterns, shift_period
from commandcenter.simulator.demo import generate_demo, history
from commandcenter.simulator.demo.curves import (
    FAMILIES,
    STORM_CATEGORIES,
    Rhythm,
    family_of,
    season_factors,
    storm_days,
)

# Wednesday 2026-11-25 10:30:15 in Shanghai
NOW = datetime(2026, 11, 25, 2, 30, 15, tzinfo=UTC)
DAYS = 21
LOCAL = 8 * 3600  # Asia/Shanghai has no daylight saving


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Database:
    """One small city of three weeks, planned in 5-day chunks so cases and handovers cross them."""
    db = open_database(tmp_path_factory.mktemp("history") / "demo.sqlite", create=True, clock=FrozenClock(NOW))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(history, "CHUNK_DAYS", 5)
        generate_demo(db, scale="small", days=DAYS, seed=7)
    yield db
    db.dispose()


def _rows(db: Database, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    with db.read() as s:
        return [tuple(r) for r in s.execute(text(sql)).all()]


def _peak_hour(db: Database, where: str) -> tuple[int, np.ndarray]:
    hours = np.zeros(24, dtype=np.int64)
    for hour, n in _rows(db, f"SELECT ((reported_at + {LOCAL}) % 86400) / 3600, count(*) FROM case_record r "
                             f"JOIN category c ON c.id = r.category_id WHERE {where} GROUP BY 1"):
        hours[hour] = n
    return int(hours.argmax()), hours


# ---- rhythms ----------------------------------------------------------------------------
def test_night_categories_peak_at_night_and_patrols_report_in_working_hours(demo: Database) -> None:
    night = [f"'{c}'" for c in ("1102", "1604", "0901", "1301")]
    peak, hours = _peak_hour(demo, f"c.code IN ({', '.join(night)})")
    assert peak in (19, 20, 21, 22, 23, 0, 1, 2), hours
    assert hours[[20, 21, 22, 23, 0]].sum() > 3 * hours[[8, 9, 10, 11, 12]].sum()
    peak, hours = _peak_hour(demo, f"r.source = '{SourceChannel.PATROL.value}'")
    assert 8 <= peak <= 17 and hours[:7].sum() == 0 and hours[20:].sum() == 0, hours
    # the rush hours for parking, the evening for 12345 calls as well as the day
    peak, hours = _peak_hour(demo, "c.code = '1104'")
    assert peak in (7, 8, 17, 18), hours
    _, hours = _peak_hour(demo, f"r.source = '{SourceChannel.HOTLINE_12345.value}'")
    assert hours[19:23].sum() > 0.1 * hours.sum() and hours[9:17].sum() > hours[19:23].sum()


def test_weekends_move_the_families_differently() -> None:
    codes, kinds = ["1104", "1102", "0702"], np.array([1, 1, 1])
    rhythm = Rhythm(codes, kinds, np.full(3, 1 / 3), 3000.0, np.array([history.SOURCE_WEIGHTS[k] for k in history.KINDS]))
    dates = np.arange(np.datetime64("2026-11-02"), np.datetime64("2026-11-30"))  # four weeks from a Monday
    day_start = (dates - np.datetime64("1970-01-01")).astype(np.int64) * 86400 - LOCAL
    none = np.zeros(len(dates), dtype=bool)
    r = rhythm.reports(np.random.default_rng(1), dates, day_start, np.ones(len(dates), dtype=bool), none,
                       np.zeros(len(dates)), int(day_start[-1]) + 86400)
    weekend = ((r.at + LOCAL) // 86400 + 3) % 7 >= 5
    hour = (r.at + LOCAL) % 86400 // 3600
    share = {c: (weekend & (r.category == k)).sum() / (r.category == k).sum() for k, c in enumerate(codes)}
    assert share["1102"] > 2 / 7 * 1.1 and share["1104"] < 2 / 7 * 0.95  # barbecues up, parking down
    parking = r.category == 0
    rush = np.isin(hour, (7, 8))
    assert (rush & parking & ~weekend).sum() / (parking & ~weekend).sum() > 2 * (rush & parking & weekend).sum() / (
        parking & weekend).sum()


def test_seasons_and_storms() -> None:
    codes = ["1004", "0401", "1604", "1102", "0702", "1201"]
    summer = np.arange(np.datetime64("2026-07-01"), np.datetime64("2026-10-01"))
    festival = np.arange(np.datetime64("2026-02-16"), np.datetime64("2026-02-24"))
    autumn = np.arange(np.datetime64("2026-11-01"), np.datetime64("2026-11-08"))
    f_summer, f_festival, f_autumn = (season_factors(codes, d).mean(axis=0) for d in (summer, festival, autumn))
    assert f_summer[0] > 2 * f_autumn[0] and f_summer[1] > 1.8 * f_autumn[1]  # typhoons: floods, fallen trees
    assert f_festival[2] > 2 * f_autumn[2]  # fireworks
    assert f_summer[3] > 1.4 * f_autumn[3]  # barbecues in the summer
    storm, _ = storm_days(autumn, np.random.default_rng(0))
    assert not storm.any()  # storms come in the typhoon season only
    storm, peak = storm_days(np.arange(np.datetime64("2026-01-01"), np.datetime64("2030-01-01")),
                             np.random.default_rng(0))
    assert 2 <= storm.sum() / 4 <= 8  # a few storm days a year
    kinds = np.array([1, 0, 2, 1, 1, 2])
    rhythm = Rhythm(codes, kinds, np.array([0.01, 0.02, 0.1, 0.05, 0.5, 0.32]), 600.0, np.array([history.SOURCE_WEIGHTS[k] for k in history.KINDS]))
    day_start = (summer - np.datetime64("1970-01-01")).astype(np.int64) * 86400 - LOCAL
    storm, peak = storm_days(summer, np.random.default_rng(3))
    assert storm.any()
    r = rhythm.reports(np.random.default_rng(2), summer, day_start, np.ones(len(summer), dtype=bool), storm, peak,
                       int(day_start[-1]) + 86400)
    assert set(np.array(codes)[r.category[r.storm]]) <= set(STORM_CATEGORIES)
    day = ((r.at - day_start[0]) // 86400).astype(np.int64)
    on_storm = storm[day]
    per_day = np.bincount(day[r.category == 0], minlength=len(summer))
    assert per_day[storm].mean() > 3 * per_day[~storm].mean()  # the burst of flooded roads
    assert on_storm.sum() / storm.sum() > 1.15 * (~on_storm).sum() / (~storm).sum()


def test_families_cover_the_categories() -> None:
    assert FAMILIES[family_of("1102")] == "night" and FAMILIES[family_of("1104")] == "traffic"
    assert FAMILIES[family_of("1401")] == "hazard" and FAMILIES[family_of("0101")] == "daytime"
    assert FAMILIES[family_of("1003")] == "emergency" and FAMILIES[family_of("1101")] == "market"


# ---- the loop's turns ---------------------------------------------------------------------
def test_the_loops_turns_come_in_realistic_proportions(demo: Database) -> None:
    """The bands around the shares `history` states (wide enough for three weeks of a small city)."""
    cases_of = {a: n for a, n in _rows(demo, "SELECT action, count(DISTINCT case_id) FROM case_history GROUP BY 1")}
    rows_of = {a: n for a, n in _rows(demo, "SELECT action, count(*) FROM case_history GROUP BY 1")}
    total = _rows(demo, "SELECT count(*) FROM case_record")[0][0]
    patrol = _rows(demo, "SELECT count(*) FROM case_record WHERE source = 'patrol'")[0][0]
    dispatched, closed = cases_of["dispatch"], cases_of["close"]

    def share(action: str, of: int) -> float:
        return cases_of.get(action, 0) / of

    assert 0.015 < share("reject", total) < 0.05 and 0.008 < share("merge", total) < 0.035
    assert 0.08 < share("solve_on_spot", patrol) < 0.25
    assert 0.005 < share("reassign", dispatched) < 0.04 and 0.01 < share("send_back", dispatched) < 0.07
    assert 0.015 < share("request_extension", dispatched) < 0.06
    assert 0.05 < rows_of["refuse_extension"] / rows_of["request_extension"] < 0.45
    assert 0.01 < share("request_suspension", total) < 0.05 and rows_of.get("refuse_suspension", 0) > 0
    assert rows_of["resume"] > 0 and rows_of["suspend"] > 0 and rows_of["extend"] > 0
    assert 0.025 < (share("return_for_rework", closed) + share("fail_check", closed)) < 0.10
    assert 0.25 < share("request_check", closed) < 0.55
    assert 0.45 < share("evaluate", closed) < 0.75
    assert 0.2 < share("follow_up", closed) < 0.5
    outcomes = dict(_rows(demo, "SELECT outcome, count(*) FROM case_history WHERE action = 'follow_up' GROUP BY 1"))
    assert outcomes["satisfied"] / sum(outcomes.values()) > 0.75 and outcomes["unsatisfied"] > 0
    assert 0.003 < share("reopen", closed) < 0.03
    # every send-back is dispatched again (unless the clock stopped the story first)
    again = _rows(demo, "SELECT count(*) FROM case_history b WHERE b.action = 'send_back' AND EXISTS ("
                        "SELECT 1 FROM case_history d WHERE d.case_id = b.case_id AND d.action = 'dispatch' "
                        "AND d.at > b.at)")[0][0]
    assert again >= 0.9 * rows_of["send_back"]


def test_every_generated_step_is_in_the_state_machines_table(demo: Database) -> None:
    rows = _rows(demo, "SELECT case_id, action, from_status, to_status, at FROM case_history ORDER BY case_id, at, id")
    final = dict(_rows(demo, "SELECT id, status FROM case_record"))
    by_case: dict[int, list[tuple]] = defaultdict(list)  # type: ignore[type-arg]
    for r in rows:
        by_case[r[0]].append(r)
    assert set(by_case) == set(final)
    steps = 0
    for case_id, history_rows in by_case.items():
        first = history_rows[0]
        assert (first[1], first[2], first[3]) == ("report", None, "reported"), case_id
        status, before_suspension = CaseStatus.REPORTED, None
        for _, action_name, source, to, _ in history_rows[1:]:
            action = CaseStatus(source), Action(action_name)
            assert action[0] is status and (action[1], status) in TRANSITIONS, (case_id, action_name, status)
            expected = TRANSITIONS[(action[1], status)]
            if expected is None:  # a resume goes back where the suspension left
                expected = before_suspension
            assert CaseStatus(to) is expected, (case_id, action_name, status, to)
            if action[1] is Action.SUSPEND:
                before_suspension = status
            status = expected
            steps += 1
        assert final[case_id] == status.value, case_id
    assert steps > 5 * len(by_case)


# ---- handovers ----------------------------------------------------------------------------
def test_every_past_shift_of_every_desk_has_a_handover(demo: Database) -> None:
    now = demo.clock.now()
    today = date(2026, 11, 25)
    with demo.read() as s:
        desks = s.execute(select(CommandCentre.id, CommandCentre.level)).all()
        handovers = s.execute(select(Handover.centre_id, Handover.shift_id, Handover.period_start, Handover.period_end,
                                     Handover.status, Handover.author_id, Handover.acknowledged_by, Handover.notes,
                                     Handover.summary_json)).all()
        users = {u.id: (u.role, u.centre_id) for u in s.execute(select(User.id, User.role, User.centre_id))}
        items = s.execute(select(HandoverItem.handover_id, HandoverItem.case_id, HandoverItem.done)).all()
    assert Counter(level for _, level in desks) == {"city": 1, "district": 1, "street": 3}  # the small city
    expected = set()
    for centre_id, level in desks:
        patterns = shift_patterns(demo, centre_id)
        assert len(patterns) == (1 if level == "street" else 3)  # a street centre works the day shift
        for shift in patterns:
            assert shift.id is not None  # each desk has its own stored shifts
            for k in range(DAYS):
                p = shift_period(shift, today - timedelta(days=k))
                if p.end <= now and p.day >= today - timedelta(days=DAYS - 1):
                    expected.add((centre_id, shift.id, p.start, p.end))
    got = Counter((h.centre_id, h.shift_id, h.period_start, h.period_end) for h in handovers)
    assert set(got) == expected and set(got.values()) == {1}
    # today's night shift has ended, the morning's runs: the streets' last is yesterday's day shift
    assert len(expected) == 2 * (3 * (DAYS - 1) + 1) + 3 * (DAYS - 1)
    for h in handovers:
        assert users[h.author_id] == ("operator", h.centre_id)  # an operator of the centre writes it
        assert h.status == "signed" or users[h.acknowledged_by] == ("supervisor", h.centre_id)
        assert "交班" in h.notes and "在办" in h.notes
        summary = json.loads(h.summary_json)
        assert summary["figures"]["open_now"] == sum(n for _, n in summary["open_by_status"])
    assert Counter(h.status for h in handovers)["acknowledged"] >= len(handovers) - 2
    assert items and any(done for *_, done in items) and not all(done for *_, done in items)


def test_a_handover_tells_the_city_as_it_stood_at_the_shifts_end(demo: Database) -> None:
    """Open cases by stage equal a replay of the history to the shift's end; the overdue cases it names were open."""
    with demo.read() as s:
        city = s.scalar(select(CommandCentre.id).where(CommandCentre.level == "city"))
        handovers = s.execute(select(Handover.period_end, Handover.summary_json).where(Handover.centre_id == city)
                              .order_by(Handover.period_end)).all()
    checked = 0
    for end, summary_json in handovers[5::6]:
        b = int(end.timestamp())
        status_at = dict(_rows(demo, f"SELECT h.case_id, h.to_status FROM case_history h WHERE h.id = ("
                                     f"SELECT max(g.id) FROM case_history g WHERE g.case_id = h.case_id "
                                     f"AND g.at <= {b})"))
        replayed = Counter(st for st in status_at.values() if CaseStatus(st) in OPEN_STATUSES)
        summary = json.loads(summary_json)
        assert {st: n for st, n in summary["open_by_status"] if n} == dict(replayed), end
        for listed in summary["overdue"] + summary["suspended"]:
            assert status_at[listed["case_id"]] == listed["status"]
        for listed in summary["overdue"]:
            assert listed["deadline"] <= b
        checked += bool(summary["overdue"])
    assert checked


def test_the_briefing_of_a_past_day_shows_its_handovers(demo: Database) -> None:
    with demo.read() as s:
        city = s.scalar(select(CommandCentre.id).where(CommandCentre.level == "city"))
    data = briefing_data(demo, city, date(2026, 11, 20))
    assert len(data.handovers) == 2 * 3  # three shifts at the city centre and at the district's, not the streets'
    assert all(h.status == "acknowledged" and "交班" in h.notes for h in data.handovers)
    assert any(h.items for h in data.handovers)
    with demo.read() as s:
        district = s.scalar(select(CommandCentre.id).where(CommandCentre.level == "district"))
        street, street_code = s.execute(select(CommandCentre.id, CommandCentre.code)
                                        .where(CommandCentre.level == "street").order_by(CommandCentre.code)).first()
    # a district's briefing shows its own three and each of its streets' day shift
    assert len(briefing_data(demo, district, date(2026, 11, 20)).handovers) == 3 + 3
    (own,) = briefing_data(demo, street, date(2026, 11, 20)).handovers
    assert own.shift_name == "早班" and own.status == "acknowledged" and "交班" in own.notes


def test_a_street_centre_reads_and_acknowledges_its_own_handovers(demo: Database) -> None:
    """The street's operator finds the day shifts' handovers on the handover screen's list, in the
    street's own figures, each acknowledged by the street's supervisor."""
    with demo.read() as s:
        street, code = s.execute(select(CommandCentre.id, CommandCentre.code)
                                 .where(CommandCentre.level == "street").order_by(CommandCentre.code)).first()
        sup = s.scalar(select(User.id).where(User.username == f"sup{code}"))
        street_cases = s.scalar(text(f"SELECT count(*) FROM case_record WHERE centre_id = {street}"))
        all_cases = s.scalar(text("SELECT count(*) FROM case_record"))
    operator = demo_principal(demo, f"op{code}")
    listed = HandoverService(demo).search(operator)
    assert len(listed) == DAYS - 1 and all(h.status == "acknowledged" for h in listed)
    assert {HandoverService(demo).get(operator, h.id).centre_id for h in listed} == {street}
    with demo.read() as s:
        own = s.execute(select(Handover.acknowledged_by, Handover.summary_json)
                        .where(Handover.centre_id == street)).all()
    assert {acker for acker, _ in own} == {sup}
    # its figures are its own cases': a share of the city's, not all of them
    reported = sum(json.loads(summary)["figures"]["reported"] for _, summary in own)
    assert 0 < reported < all_cases and 0 < street_cases < all_cases


def test_no_handover_for_a_shift_before_the_history(tmp_path: Path) -> None:
    db = open_database(tmp_path / "one.sqlite", create=True, clock=FrozenClock(NOW))
    try:
        generate_demo(db, scale="small", days=1, seed=1)
        starts = _rows(db, "SELECT min(period_start), count(*) FROM handover")[0]
    finally:
        db.dispose()
    assert starts[0] == int(datetime(2026, 11, 24, 16, 0, tzinfo=UTC).timestamp())  # today's 00:00 local
    assert starts[1] == 2  # today's night shift at each desk


# ---- joint handling ---------------------------------------------------------------------
def test_disputes_are_handled_jointly_each_part_before_the_leads_feedback(demo: Database) -> None:
    """About half of the accepted neighbour, property and family disputes have supporting units
    (the judicial office, often the police); each was added while the lead handled the case and
    fed back its part before the lead's feedback, as `joint.require_parts` demands; the history
    rows say the same as the case_support rows."""
    supports = _rows(demo, "SELECT s.case_id, d.code, s.added_at, s.fed_back_at, s.task, s.feedback "
                           "FROM case_support s JOIN department d ON d.id = s.department_id")
    disputes = _rows(demo, "SELECT r.id FROM case_record r JOIN category c ON c.id = r.category_id "
                           "WHERE c.code IN ('1201', '1202', '1204') AND r.accepted_at IS NOT NULL")
    joint = {case for case, *_ in supports}
    assert 0.3 < len(joint) / len(disputes) < 0.7
    assert Counter(code for _, code, *_ in supports)["DEPT-JUDICIAL"] == len(joint)
    assert 0 < Counter(code for _, code, *_ in supports)["DEPT-POLICE"] < len(joint)
    history: dict[int, list[tuple]] = defaultdict(list)  # type: ignore[type-arg]
    for row in _rows(demo, "SELECT h.case_id, h.at, h.action, h.to_status, d.code, h.note FROM case_history h "
                           "LEFT JOIN department d ON d.id = h.department_id "
                           f"WHERE h.case_id IN ({', '.join(map(str, joint))}) ORDER BY h.case_id, h.at, h.id"):
        history[row[0]].append(row[1:])
    awaited = 0
    for case, code, added, given, task, part in supports:
        rows = history[case]
        assert (added, "add_support", "accepted", code, task) in rows
        status_before = [r[2] for r in rows if r[0] < added][-1]
        assert status_before == "accepted"
        first_feedback = min((r[0] for r in rows if r[1] == "feed_back" and r[0] > added), default=None)
        if given is None:  # still awaited: the lead has not fed back either
            awaited += 1
            assert first_feedback is None and part == ""
        else:
            assert (given, "support_feed_back", "accepted", code, part) in rows and part
            assert added < given < (first_feedback or given + 1)
    assert awaited < len(supports) // 4


def test_history_rows_carry_the_clocks_the_backfill_recovers(demo: Database) -> None:
    """The generator computes each history row's judged and stage deadlines on its arrays
    (`history_clocks`) instead of running the backfill after the insert: the backfill's SQL,
    run on the same rows stripped of them, gives the very same values."""
    sql = "SELECT id, deadline_at, stage_deadline_at FROM case_history ORDER BY id"
    with demo.engine.connect() as conn:
        generated = conn.execute(text(sql)).all()
        conn.execute(text("UPDATE case_history SET deadline_at = NULL, stage_deadline_at = NULL"))
        fill_history_clocks(conn)
        recovered = conn.execute(text(sql)).all()
        conn.rollback()
    assert sum(r[1] is not None for r in generated) > len(generated) // 3
    assert sum(r[2] is not None for r in generated) > len(generated) // 20
    assert generated == recovered


def test_the_handover_screen_of_a_street_lists_its_day_shifts(qtbot, demo: Database) -> None:  # type: ignore[no-untyped-def]
    """Signed in at a street centre, the handover screen's history lists the street's own day-shift
    handovers, each acknowledged, and opens one with the street's figures."""
    from .test_handover_view import make_view  # the screen as the handover tests open it

    with demo.read() as s:
        street, code = s.execute(select(CommandCentre.id, CommandCentre.code)
                                 .where(CommandCentre.level == "street").order_by(CommandCentre.code)).first()
    view = make_view(qtbot, demo, f"op{code}")
    history = view.history
    view.tabs.setCurrentWidget(history)
    qtbot.waitUntil(lambda: history.model.rowCount() == DAYS - 1)
    assert history.record is not None and history.record.centre_id == street
    assert history.record.status == "acknowledged" and history.record.shift_name == "早班"
