"""The debrief's figures equal what the test computes from the case histories itself.

A drill on the tiny city at known frozen times: the feed's calls arrive, two operators
register and dispatch some of them at chosen minutes, the escalation clock runs at the end.
The expected figures are worked out here by hand for the three cases the operators handled,
and from the raw history and escalation rows for the rest, never through the service.
"""

from __future__ import annotations

import io
from collections import Counter
from datetime import timedelta
from functools import partial
from statistics import fmean

import pytest
from pypdf import PdfReader
from sqlalchemy import insert, select

from commandcenter.clock import FrozenClock
from commandcenter.db import Database
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.errors import PermissionDenied
from commandcenter.labels import status_label
from commandcenter.models import CaseHistory, DrillCase, DrillRun, Escalation
from commandcenter.reports.debrief_pdf import debrief_pdf
from commandcenter.services.auth import Principal, demo_principal, system_principal
from commandcenter.services.debrief import DebriefService
from commandcenter.services.escalation import scan_escalations
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.shapes.cases import NewCase
from commandcenter.shapes.debrief import AlertShown, DebriefGoals, GoalMiss
from commandcenter.views.drill.models import CASE_COLUMNS, CaseModel

from .conftest import START
from .factories import TinyCity

END = START + timedelta(minutes=40)


def _at(clock: FrozenClock, minutes: float) -> None:
    clock.set(START + timedelta(minutes=minutes))


class Drill:
    """The drill played: case ids by name, and who acted."""

    def __init__(self, db: Database, city: TinyCity, clock: FrozenClock) -> None:
        self.db, self.city, self.clock = db, city, clock
        self.cases = CaseService(db)
        self.feed = system_principal(db, "drill")
        self.operator = demo_principal(db, "operator")
        self.supervisor = demo_principal(db, "supervisor")
        self.ids: dict[str, int] = {}

    def call(self, name: str, minute: float, priority: Priority, *, grid: int = 0, register: bool = False) -> None:
        _at(self.clock, minute)
        row = self.cases.report(self.feed, NewCase(
            source=SourceChannel.HOTLINE_12345, category_id=self.city.category_id, priority=priority,
            description=f"drill call {name}", grid_id=self.city.grid_ids[grid]), register=register)
        self.ids[name] = row.id

    def act(self, who: Principal, name: str, minute: float, action: Action) -> None:
        _at(self.clock, minute)
        params = TransitionParams(officer_id=self.city.officer_ids[0]) if action is Action.DISPATCH else None
        self.cases.perform(who, self.ids[name], action, params)


@pytest.fixture
def drill(db: Database, city: TinyCity, clock: FrozenClock) -> Drill:
    d = Drill(db, city, clock)
    d.call("A", 0, Priority.URGENT)
    d.call("B", 1, Priority.NORMAL, grid=1)
    d.call("C", 2, Priority.URGENT, grid=2)
    d.call("D", 2.5, Priority.URGENT, register=True)  # registered by the call-taker at once
    d.act(d.operator, "A", 2, Action.REGISTER)
    d.act(d.operator, "C", 3, Action.REGISTER)
    d.act(d.operator, "A", 4, Action.DISPATCH)  # 4 min: over the 3-minute urgent goal
    for n in range(10):  # a flood: ten more urgent calls nobody touches
        d.call(f"E{n}", 5, Priority.URGENT, grid=3)
    d.act(d.supervisor, "B", 8, Action.REGISTER)  # 8 min: over the 5-minute goal
    d.act(d.supervisor, "B", 10, Action.DISPATCH)  # 10 min: within 15
    _at(clock, 40)
    scan_escalations(db)  # C's dispatch stage (30 min from 3) is overdue; the rest past 80 % or 100 %
    return d


def _timing(misses: tuple[GoalMiss, ...]) -> list[GoalMiss]:
    """The time goals missed (overdue stages are checked against the escalation rows)."""
    return [m for m in misses if m is not GoalMiss.OVERDUE]


def test_the_handled_cases_match_the_minutes_they_were_played_at(db: Database, drill: Drill) -> None:
    debrief = DebriefService(db).for_window(demo_principal(db, "trainer"), START, END)
    by_id = {c.case_id: c for c in debrief.cases}
    a, b, c = (by_id[drill.ids[n]] for n in "ABC")
    assert (a.to_register, a.to_dispatch, a.registered_by, a.dispatched_by) == (120, 240, "Operator", "Operator")
    assert _timing(a.misses) == [GoalMiss.DISPATCH]
    assert (b.to_register, b.to_dispatch, b.registered_by, b.dispatched_by) == (420, 540, "Supervisor", "Supervisor")
    assert _timing(b.misses) == [GoalMiss.REGISTER]
    assert (c.to_register, c.to_dispatch) == (60, None)
    assert GoalMiss.DISPATCH in c.misses and GoalMiss.OVERDUE in c.misses  # waited 38 min, 督办 at 33
    assert c.supervisions == 1
    operators = {o.name: o for o in debrief.operators}
    assert (operators["Operator"].registered, operators["Operator"].dispatched) == (2, 1)
    assert operators["Operator"].mean_to_register == 90 and operators["Operator"].mean_to_dispatch == 240
    assert operators["Operator"].misses == 1  # A's dispatch
    assert (operators["Supervisor"].registered, operators["Supervisor"].misses) == (1, 1)  # B's registration


def test_a_call_settled_without_registration_misses_no_goal_unless_late(db: Database, city: TinyCity,
                                                                        clock: FrozenClock, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    """A repeat call merged into the first within the goals needs neither registration nor
    dispatch; a call rejected after 20 minutes missed both goals all the same."""
    d = Drill(db, city, clock)
    d.call("first", 0, Priority.NORMAL, register=True)
    d.call("again", 1, Priority.NORMAL)
    d.call("prank", 1, Priority.NORMAL)
    _at(clock, 3)
    d.cases.perform(d.operator, d.ids["again"], Action.MERGE, TransitionParams(merge_into_id=d.ids["first"]))
    _at(clock, 21)
    d.cases.perform(d.operator, d.ids["prank"], Action.REJECT, TransitionParams(note="a prank call"))
    debrief = DebriefService(db).for_window(demo_principal(db, "trainer"), START, END)
    by_id = {c.case_id: c for c in debrief.cases}
    assert by_id[d.ids["again"]].misses == ()
    assert (by_id[d.ids["again"]].to_register, by_id[d.ids["again"]].to_dispatch) == (None, None)
    assert _timing(by_id[d.ids["prank"]].misses) == [GoalMiss.REGISTER, GoalMiss.DISPATCH]
    # the trainer reads how each ended where a time would be, on screen and on paper
    model = CaseModel("Asia/Shanghai")
    model.set_rows(debrief.cases)
    qtmodeltester.check(model)
    row = next(i for i, c in enumerate(debrief.cases) if c.case_id == d.ids["again"])
    shown = [model.index(row, CASE_COLUMNS.index(k)).data() for k in ("to_register", "to_dispatch")]
    assert shown == [status_label("merged")] * 2 and shown[0] != "—"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(debrief_pdf(
        debrief, centre="莆田市城市运行指挥中心", tz="Asia/Shanghai", printed_by="Trainer", printed_at=END))).pages)
    number = by_id[d.ids["again"]].case_number
    assert f"{number} Normal Fly-tipping" in " ".join(text.split())
    assert text.count(status_label("merged", "en")) == 2 and text.count(status_label("rejected", "en")) == 2


def test_the_overall_figures_equal_the_histories(db: Database, drill: Drill) -> None:
    debrief = DebriefService(db).for_window(demo_principal(db, "trainer"), START, END)
    ids = list(drill.ids.values())
    with db.read() as s:
        history = s.execute(select(CaseHistory.case_id, CaseHistory.action, CaseHistory.at)
                            .where(CaseHistory.case_id.in_(ids)).order_by(CaseHistory.id)).all()
        levels = Counter(s.scalars(select(Escalation.level).where(Escalation.case_id.in_(ids))))
        supervised = set(s.scalars(select(Escalation.case_id).where(Escalation.case_id.in_(ids),
                                                                    Escalation.level == "supervision")))
    reported = {h.case_id: h.at for h in history if h.action == "report"}
    registered = {h.case_id: h.at for h in reversed(history) if h.action == "register"}
    dispatched = {h.case_id: h.at for h in reversed(history) if h.action == "dispatch"}
    to_register = [(registered[i] - reported[i]).total_seconds() for i in registered]
    to_dispatch = [(dispatched[i] - reported[i]).total_seconds() for i in dispatched]
    o = debrief.overall
    assert (o.cases, o.registered, o.dispatched) == (len(ids), len(registered), len(dispatched)) == (14, 4, 2)
    assert o.mean_to_register == pytest.approx(fmean(to_register)) and o.max_to_register == max(to_register)
    assert o.mean_to_dispatch == pytest.approx(fmean(to_dispatch)) and o.max_to_dispatch == max(to_dispatch)
    assert (o.reminders, o.supervisions) == (levels["reminder"], levels["supervision"])
    assert o.overdue_cases == len(supervised) > 0
    assert {c.case_id for c in debrief.cases if GoalMiss.OVERDUE in c.misses} == supervised
    assert (o.urgent, o.urgent_dispatched_in_goal) == (13, 0)
    # the wall's throttle: ten urgent arrivals alerted on their own in ten minutes, the rest grouped
    assert (o.alerts_individual, o.alerts_grouped) == (10, 3)
    shown = [c.alert for c in sorted(debrief.cases, key=lambda c: (c.reported_at, c.case_id))]
    assert shown.count(AlertShown.NONE) == 1  # B, the one normal call
    assert shown[-3:] == [AlertShown.GROUPED] * 3
    assert o.cases_missing_goals == sum(bool(c.misses) for c in debrief.cases) == 14  # D is not dispatched either
    d = next(c for c in debrief.cases if c.case_id == drill.ids["D"])
    assert d.to_register == 0 and d.alert is AlertShown.INDIVIDUAL
    assert (d.registered_by, d.registered_by_system) == ("drill", "sys_drill")  # shown as the drill feed


def test_goals_the_trainer_sets_change_the_misses(db: Database, drill: Drill) -> None:
    lenient = DebriefGoals(register_minutes=10, dispatch_minutes=60, urgent_dispatch_minutes=5)
    debrief = DebriefService(db).for_window(demo_principal(db, "trainer"), START, END, lenient)
    by_id = {c.case_id: c for c in debrief.cases}
    assert _timing(by_id[drill.ids["A"]].misses) == [] and _timing(by_id[drill.ids["B"]].misses) == []
    assert debrief.goals == lenient


def test_a_run_compares_the_cases_with_what_the_scenario_intended(db: Database, drill: Drill,
                                                                   city: TinyCity) -> None:
    with db.unit_of_work() as s:
        run_id = s.execute(insert(DrillRun).values(started_at=START, ended_at=END, scenario_name="周一早高峰",
                                                   scenario_hash="", speed=60.0, seed=1)
                           .returning(DrillRun.id)).scalar_one()
        intended = {"A": (city.category_id, city.grid_ids[0]), "B": (city.dept_category_id, city.grid_ids[1]),
                    "C": (city.category_id, city.grid_ids[3])}
        for n, (name, (category, grid)) in enumerate(intended.items()):
            s.execute(insert(DrillCase).values(case_id=drill.ids[name], run_id=run_id, kind="scenario", item_index=n,
                                               item_key=name, scheduled_offset=60.0 * n,
                                               intended_category_id=category, intended_grid_id=grid,
                                               intended_priority="urgent"))
    service = DebriefService(db)
    trainer = demo_principal(db, "trainer")
    debrief = service.for_run(trainer, run_id)
    assert debrief.title == "周一早高峰" and (debrief.start, debrief.end) == (START, END)
    assert {c.case_id for c in debrief.cases} == {drill.ids[n] for n in "ABC"}
    by_id = {c.case_id: c for c in debrief.cases}
    assert [(by_id[drill.ids[n]].wrong_category, by_id[drill.ids[n]].wrong_grid) for n in "ABC"] == [
        (False, False), (True, False), (False, True)]
    assert (debrief.overall.wrong_category, debrief.overall.wrong_grid) == (1, 1)
    assert [(r.id, r.cases, r.scenario_name) for r in service.runs(trainer)] == [(run_id, 3, "周一早高峰")]


def test_an_operator_may_not_read_debriefs(db: Database, drill: Drill) -> None:
    with pytest.raises(PermissionDenied):
        DebriefService(db).for_window(demo_principal(db, "operator"), START, END)


def _pdf_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_the_pdf_prints_the_figures_and_every_case(db: Database, drill: Drill) -> None:
    debrief = DebriefService(db).for_window(demo_principal(db, "trainer"), START, END)
    print_it = partial(debrief_pdf, debrief, centre="莆田市城市运行指挥中心", tz="Asia/Shanghai", printed_by="Trainer",
                       printed_at=END)
    pdf = print_it(lang="en")
    assert pdf == print_it(lang="en")  # byte-stable
    text = "\n".join(_pdf_text(pdf))
    assert "Drill debrief" in text and "莆田市城市运行指挥中心" in text
    assert "urgent cases dispatched within 3 min" in text
    for name in drill.ids:
        number = next(c.case_number for c in debrief.cases if c.case_id == drill.ids[name])
        assert number in text
    # A: registered at 2:00, dispatched at 4:00; B: 7:00 and 9:00 (reported a minute after START)
    assert "2:00" in text and "4:00" in text and "7:00" in text and "9:00" in text
    assert "register, dispatch, overdue" in text
    assert "10 (3)" in text  # alerts shown on their own (grouped into a flood summary)
    zh = "\n".join(_pdf_text(print_it(lang="zh_CN")))
    assert "乱倒垃圾" in zh  # the categories in Chinese, drawn with the CJK font
