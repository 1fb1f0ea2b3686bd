"""A scenario replayed on the tiny city: its cases and events, the field answering only the run's own cases.

The drill's scenario clock reads the database's clock, so these tests advance a frozen clock and
call the drill's steps directly: the field's delays pass without any waiting.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from commandcenter.clock import FrozenClock
from commandcenter.db import Database
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import CaseStatus, Priority, SourceChannel
from commandcenter.errors import PermissionDenied, ScenarioInvalid
from commandcenter.models import Case, CaseHistory, DrillCase, DrillRun, Officer
from commandcenter.services.auth import Principal
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.shapes.cases import NewCase
from commandcenter.shapes.drill import DrillProgress
from commandcenter.simulator import drill_field
from commandcenter.simulator.drill import Drill
from commandcenter.simulator.scenario import parse_scenario
from commandcenter.simulator.scenario_player import PlayerState, ScenarioPlayer

from .factories import TinyCity, grid_centre, mark_demo

LON, LAT = grid_centre(1)
SCENARIO = f"""\
name: 小场景
cases:
  - at: 60
    id: 垃圾
    category: 乱倒垃圾
    lonlat: [{LON}, {LAT}]
    description: 小区门口垃圾堆积
    reporter: 王女士
    phone: "13800000001"
  - at: 120
    id: 路灯
    category: "0102"
    grid: "35030200100103"
    description: 路灯不亮
events:
  - at: 180
    type: call_again
    case: 垃圾
  - at: 240
    type: off_duty
    grid: "35030200100104"
  - at: 300
    type: send_back
    case: 路灯
    reason: 不属于本单位职责
  - at: 360
    type: road_closed
    grid: "35030200100102"
    category: 乱倒垃圾
    reason: 道路施工
"""


def step_minutes(drill: Drill, clock: FrozenClock, minutes: int, progress: DrillProgress) -> DrillProgress:
    """Advance the clock a minute at a time, playing what fell due and the field's answers."""
    for _ in range(minutes):
        clock.advance(minutes=1)
        while (played := drill.play_due(progress)) is not None:
            progress = played
        progress = drill.field_tick(progress)
    return progress


def statuses(db: Database, run_id: int | None = None) -> dict[int, str]:
    with db.read() as s:
        q = select(Case.id, Case.status)
        if run_id is not None:
            q = q.join(DrillCase, DrillCase.case_id == Case.id).where(DrillCase.run_id == run_id)
        return {case_id: status for case_id, status in s.execute(q)}


def prepared(db: Database, city: TinyCity, supervisor: Principal) -> dict[str, int]:
    """The trainer's prepared situation: cases waiting for acceptance, being handled, waiting for a check."""
    svc = CaseService(db)

    def one(*actions: Action) -> int:
        row = svc.report(supervisor, NewCase(source=SourceChannel.PATROL, category_id=city.category_id,
                                             priority=Priority.NORMAL, description="楼道堆物", lon=LON, lat=LAT))
        for action in actions:
            svc.perform(supervisor, row.id, action, TransitionParams(officer_id=city.officer_ids[1], note="ok"))
        return row.id

    return {"dispatched": one(Action.REGISTER, Action.DISPATCH),
            "accepted": one(Action.REGISTER, Action.DISPATCH, Action.ACCEPT),
            "checking": one(Action.REGISTER, Action.DISPATCH, Action.ACCEPT, Action.FEED_BACK, Action.REQUEST_CHECK)}


@pytest.fixture
def demo(db: Database, city: TinyCity) -> Database:
    mark_demo(db)
    return db


def test_a_scenario_plays_its_cases_and_events_and_records_the_run(demo, city, clock, supervisor) -> None:  # type: ignore[no-untyped-def]
    drill = Drill(demo, None, seed=1, scenario=parse_scenario(SCENARIO, "s.yaml"), speed=1)
    run_id = drill.begin()
    progress = step_minutes(drill, clock, 7, DrillProgress())
    assert drill.timeline_done and drill.items_done == 6 and progress.events == 4
    with demo.read() as s:
        rows = s.execute(select(DrillCase.kind, DrillCase.item_index, DrillCase.item_key, DrillCase.scheduled_offset,
                                DrillCase.intended_grid_id, Case.grid_id, Case.description, Case.reporter_phone,
                                Case.status, Case.is_drill)
                         .join(Case, Case.id == DrillCase.case_id).order_by(Case.id)).all()
        run = s.execute(select(DrillRun.scenario_name, DrillRun.seed, DrillRun.speed, DrillRun.background,
                               DrillRun.ended_at).where(DrillRun.id == run_id)).one()
        off = s.scalar(select(Officer.duty_status).where(Officer.id == city.officer_ids[0]))
    assert [(r.kind, r.item_index, r.item_key, r.scheduled_offset) for r in rows] == [
        ("scenario", 0, "垃圾", 60.0), ("scenario", 1, "路灯", 120.0), ("repeat_call", 2, "垃圾", 180.0),
        ("road_closed", 5, "", 360.0)]
    assert all(r.is_drill and r.intended_grid_id == r.grid_id for r in rows)
    assert rows[0].grid_id == city.grid_ids[1] and rows[1].grid_id == city.grid_ids[2]
    # the reporter calls again: the same number, a new hotline report waiting to be merged
    assert rows[2].reporter_phone == "13800000001" and rows[2].description.startswith("市民再次来电反映：小区门口垃圾堆积")
    assert rows[3].status == CaseStatus.REGISTERED and "道路施工" in rows[3].description
    assert off == "off_duty"  # the officer of grid 04 went off duty
    assert tuple(run) == ("小场景", 1, 1.0, False, None)
    drill.finish()
    with demo.read() as s:
        assert s.get(DrillRun, run_id).ended_at == clock.now().replace(microsecond=0)  # type: ignore[union-attr]


def test_the_field_answers_only_the_runs_own_cases(demo, city, clock, supervisor) -> None:  # type: ignore[no-untyped-def]
    ids = prepared(demo, city, supervisor)
    before = statuses(demo)
    drill = Drill(demo, None, seed=1, scenario=parse_scenario(SCENARIO, "s.yaml"), speed=1)
    run_id = drill.begin()
    progress = step_minutes(drill, clock, 2, DrillProgress())
    svc = CaseService(demo)
    [rubbish] = [cid for cid, st in statuses(demo, run_id).items() if st == CaseStatus.REGISTERED][:1]
    svc.perform(supervisor, rubbish, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[1]))
    progress = step_minutes(drill, clock, 70, progress)  # accepted within 10 minutes, fed back within the hour
    assert statuses(demo)[rubbish] == CaseStatus.FED_BACK
    svc.perform(supervisor, rubbish, Action.REQUEST_CHECK, TransitionParams(officer_id=city.officer_ids[1]))
    progress = step_minutes(drill, clock, 31, progress)
    with demo.read() as s:
        checked = s.scalar(select(CaseHistory.action).where(CaseHistory.case_id == rubbish)
                           .order_by(CaseHistory.id.desc()).limit(1))
    assert checked == "confirm_check"  # one in ten checks fails; this seed's passes
    svc.perform(supervisor, rubbish, Action.CLOSE, TransitionParams(note="已核实"))
    progress = step_minutes(drill, clock, 61, progress)
    with demo.read() as s:
        case = s.get(Case, rubbish)
        assert case is not None and case.followed_up_at is not None and case.satisfaction
    assert progress.followed_up == 1  # the resident answered the follow-up call
    assert (progress.accepted, progress.fed_back, progress.checked) >= (1, 1, 1)
    # the prepared situation is as it was: the field never touched a case the run did not create
    after = statuses(demo)
    assert {cid: after[cid] for cid in before} == before
    assert after[ids["dispatched"]] == CaseStatus.DISPATCHED and after[ids["checking"]] == CaseStatus.CHECKING


def test_in_background_mode_the_field_works_the_prepared_cases_too(demo, city, clock, supervisor) -> None:  # type: ignore[no-untyped-def]
    ids = prepared(demo, city, supervisor)
    clock.advance(hours=5)  # long waiting: the backlog counts from the start of the run, not from its dispatch
    drill = Drill(demo, None, seed=1, scenario=parse_scenario(SCENARIO, "s.yaml"), speed=1, background=True)
    drill.begin()
    progress = drill.field_tick(DrillProgress())
    assert progress.accepted == progress.fed_back == progress.checked == 0
    progress = step_minutes(drill, clock, 65, progress)
    after = statuses(demo)
    assert after[ids["dispatched"]] in (CaseStatus.ACCEPTED, CaseStatus.FED_BACK)
    assert after[ids["accepted"]] == CaseStatus.FED_BACK
    assert after[ids["checking"]] in (CaseStatus.FED_BACK, CaseStatus.DISPATCHED)  # checked: passed or failed


def test_a_scenario_orders_a_dispatched_case_sent_back_with_its_reason(demo, city, clock, supervisor) -> None:  # type: ignore[no-untyped-def]
    drill = Drill(demo, None, seed=1, scenario=parse_scenario(SCENARIO, "s.yaml"), speed=1)
    run_id = drill.begin()
    progress = step_minutes(drill, clock, 3, DrillProgress())
    with demo.read() as s:
        lamp = s.scalar(select(DrillCase.case_id).where(DrillCase.run_id == run_id, DrillCase.item_key == "路灯"))
    svc = CaseService(demo)
    svc.perform(supervisor, lamp, Action.DISPATCH, TransitionParams(department_id=city.department_id))
    progress = step_minutes(drill, clock, 20, progress)
    with demo.read() as s:
        note = s.scalar(select(CaseHistory.note).where(CaseHistory.case_id == lamp, CaseHistory.action == "send_back"))
        assert s.get(Case, lamp).status == CaseStatus.REGISTERED  # type: ignore[union-attr]
    assert note == "不属于本单位职责" and progress.sent_back == 1


def test_a_unit_returning_a_case_does_not_make_every_later_unit_return_it(demo, city, clock, supervisor,
                                                                        monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Whether a unit sends a case back is drawn afresh at each dispatch. The share is set just
    above the lamp case's first draw: had the draw stayed fixed, every unit it went to would
    return it, and the trainee would re-dispatch it for ever."""
    drill = Drill(demo, None, seed=1, scenario=parse_scenario(SCENARIO, "s.yaml"), speed=1)
    run_id = drill.begin()
    progress = step_minutes(drill, clock, 3, DrillProgress())
    with demo.read() as s:
        lamp = s.scalar(select(DrillCase.case_id).where(DrillCase.run_id == run_id, DrillCase.item_key == "路灯"))
    field = drill.simulation
    field.send_back_orders.pop(lamp, None)  # the scenario's own order is another test's
    first = field._u(lamp, "returns", 0)
    monkeypatch.setattr(drill_field, "SEND_BACK_SHARE", {"department": first + 1e-9, "officer": first + 1e-9})
    svc = CaseService(demo)
    dispatches = 0
    while dispatches < 6:
        with demo.read() as s:
            status = s.get(Case, lamp).status  # type: ignore[union-attr]
        if status != CaseStatus.REGISTERED:
            break
        svc.perform(supervisor, lamp, Action.DISPATCH, TransitionParams(department_id=city.department_id))
        dispatches += 1
        progress = step_minutes(drill, clock, 20, progress)
    with demo.read() as s:
        assert s.get(Case, lamp).status in (CaseStatus.ACCEPTED, CaseStatus.FED_BACK)  # type: ignore[union-attr]
    assert progress.sent_back == dispatches - 1 >= 1  # the first unit did return it


def test_a_scenario_the_city_cannot_play_is_refused_before_anything_is_written(demo, city) -> None:  # type: ignore[no-untyped-def]
    bad = (SCENARIO.replace("category: 乱倒垃圾\n    lonlat", "category: 不存在\n    lonlat")
           .replace('grid: "35030200100103"', 'grid: "99"').replace(f"lonlat: [{LON}, {LAT}]", "lonlat: [100.0, 30.0]"))
    with pytest.raises(ScenarioInvalid) as caught:
        ScenarioPlayer(demo, parse_scenario(bad, "bad.yaml"))
    assert caught.value.problems == (  # each on the line where its item starts
        (3, "the point 100.0, 30.0 lies in none of the drill's grids"),
        (3, "unknown category '不存在' (a minor category's code or Chinese name)"),
        (10, "no grid has the code '99' in the drill's area"),
    )
    with demo.read() as s:
        assert s.scalar(select(func.count()).select_from(DrillRun)) == 0


def test_a_place_not_in_the_gazetteer_falls_back_to_a_seeded_grid(demo, city) -> None:  # type: ignore[no-untyped-def]
    text = SCENARIO.replace(f"lonlat: [{LON}, {LAT}]", "place: [荔城大道, 文献路]")
    one, two = (ScenarioPlayer(demo, parse_scenario(text, "s.yaml"), seed=3) for _ in range(2))
    [(line, warning)] = one.warnings
    assert line == 3 and warning.startswith("荔城大道、文献路 is not in this database's gazetteer: placed in grid 3503020010")
    assert one.drill.timeline[0].new == two.drill.timeline[0].new  # type: ignore[union-attr]
    with pytest.raises(ScenarioInvalid, match="no place called 荔城大道"):
        ScenarioPlayer(demo, parse_scenario(text.replace("文献路]", "文献路]\n    fallback: error"), "s.yaml"))


def test_a_player_started_by_someone_without_the_right_is_refused(demo, operator, trainer) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        ScenarioPlayer(demo, parse_scenario(SCENARIO, "s.yaml"), started_by=operator)
    player = ScenarioPlayer(demo, parse_scenario(SCENARIO, "s.yaml"), speed=600, started_by=trainer)
    assert player.progress().state is PlayerState.READY and player.items_total == 6
    player.pause()
    player.stop()
    final = player.run()
    assert final.state is PlayerState.STOPPED and final.items_done == 0
    with demo.read() as s:
        assert s.scalar(select(DrillRun.started_by_user_id)) == trainer.user_id


def test_speed_and_pause_move_the_scenario_clock(demo, clock) -> None:  # type: ignore[no-untyped-def]
    player = ScenarioPlayer(demo, parse_scenario(SCENARIO, "s.yaml"), speed=10)
    player.drill.begin()
    clock.advance(seconds=3)
    assert player.progress().scenario_elapsed == pytest.approx(30.0)
    player.pause()
    clock.advance(seconds=30)
    state = player.progress()
    assert state.scenario_elapsed == pytest.approx(30.0) and state.next_at == 60.0
    player.resume()
    player.set_speed(60)
    clock.advance(timedelta(seconds=1))
    assert player.progress().scenario_elapsed == pytest.approx(90.0) and player.progress().speed == 60.0
