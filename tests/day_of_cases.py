"""A realistic two days in the tiny city, worked through the real services with a moving clock.

About 45 cases on 24 and 25 November 2026 (Shanghai time) take every path of the closed loop:
rejected, merged, left waiting, closed on time and late, returned for rework, suspended and
resumed, extended, handled by a department. The day shift of the 25th ends with a signed and
acknowledged handover. Building takes a couple of seconds, so it is built once per test run
into a template file that each test copies (`scenario_database`).
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update

from commandcenter.clock import FrozenClock
from commandcenter.db import Database, open_database
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import DutyStatus, Priority, SourceChannel
from commandcenter.models import Case, DutyChange, Escalation, Officer, Shift
from commandcenter.services.auth import demo_principal
from commandcenter.services.handover import HandoverService, ItemInput
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.shapes.cases import NewCase

from .factories import build_tiny_city, grid_centre

TZ = ZoneInfo("Asia/Shanghai")
DAY = date(2026, 11, 25)
PRINT_AT = datetime(2026, 11, 26, 8, 30, tzinfo=TZ).astimezone(UTC)
HANDOVER_NOTE = "夜班注意：东岩社区第02网格垃圾清运车辆故障，已通知环卫。"


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=TZ).astimezone(UTC)


@dataclass(frozen=True)
class Scenario:
    centre_id: int
    case_numbers: tuple[str, ...]
    handover_id: int
    open_case_number: str  # a case still open at print time (for pending items)


FATES = (
    "reject", "reported", "registered", "dispatched", "accepted", "fed_back", "closed", "closed",
    "closed", "closed_late", "rework", "suspended", "suspend_resume", "extended", "department", "closed",
)


def _plan(rng: random.Random) -> list[tuple[datetime, str, int, Priority, SourceChannel]]:
    plan = []
    for day, n in ((24, 14), (25, 32)):
        for _ in range(n):
            hour = rng.choices(range(24), weights=[1, 1, 1, 1, 1, 1, 2, 4, 6, 8, 8, 7, 5, 6, 7, 8, 7, 6, 5, 4, 3, 2, 2, 1])[0]
            when = local(day, hour, rng.randrange(60))
            grid = rng.choices(range(4), weights=[5, 3, 1, 1])[0]
            priority = rng.choices(list(Priority), weights=[2, 3, 8, 2])[0]
            source = rng.choice([SourceChannel.PATROL, SourceChannel.HOTLINE_12345, SourceChannel.CITIZEN_APP,
                                 SourceChannel.VIDEO])
            plan.append((when, rng.choice(FATES), grid, priority, source))
    plan.sort(key=lambda p: p[0])
    return plan


def build_scenario(db: Database, clock: FrozenClock) -> Scenario:
    city = build_tiny_city(db)
    with db.unit_of_work() as s:
        s.add_all([Shift(centre_id=city.centre_id, name="Day", start_time="08:00", end_time="20:00"),
                   Shift(centre_id=city.centre_id, name="Night", start_time="20:00", end_time="08:00")])
    operator, supervisor = demo_principal(db, "operator"), demo_principal(db, "supervisor")
    svc = CaseService(db)
    rng = random.Random(25)
    events: list[tuple[datetime, int, str, object]] = []  # (when, seq, kind, payload)
    seq = 0

    def at(when: datetime, kind: str, payload: object) -> None:
        nonlocal seq
        seq += 1
        events.append((when, seq, kind, payload))

    m = lambda a, b: timedelta(minutes=rng.randint(a, b))  # noqa: E731
    plan = _plan(rng)
    for index, (when, fate, grid, priority, source) in enumerate(plan):
        at(when, "report", (index, grid, priority, source, fate))
        if fate == "reject":
            at(when + m(3, 15), "act", (index, Action.REJECT, TransitionParams(note="重复来电，非城管事项")))
            continue
        if fate == "reported":
            continue
        t = when + m(2, 20)
        at(t, "act", (index, Action.REGISTER, None))
        if fate == "registered":
            continue
        t += m(3, 30)
        if fate == "department":
            at(t, "act", (index, Action.DISPATCH, "department"))
        else:
            at(t, "act", (index, Action.DISPATCH, "officer"))
        if fate == "dispatched":
            continue
        if fate in ("suspended", "suspend_resume"):
            # asked right after the dispatch, before the acceptance limit runs out; approved later
            at(t + timedelta(minutes=2), "act", (index, Action.REQUEST_SUSPENSION,
                                                 TransitionParams(note="等待产权单位答复", minutes=240)))
            t += m(10, 40)
            at(t, "sup", (index, Action.SUSPEND, None))
            if fate == "suspended":
                continue
            t += m(120, 400)
            at(t, "act", (index, Action.RESUME, None))
        if fate == "extended":
            t += m(10, 60)
            at(t, "act", (index, Action.REQUEST_EXTENSION, TransitionParams(minutes=240, note="需协调供电公司")))
            at(t, "sup", (index, Action.EXTEND, None))
        t += m(5, 60)
        at(t, "act", (index, Action.ACCEPT, None))
        if fate == "accepted":
            continue
        t += m(30, 600 if fate == "closed_late" else 150) + (timedelta(hours=6) if fate == "closed_late" else timedelta())
        at(t, "act", (index, Action.FEED_BACK, TransitionParams(note="已处置完毕")))
        if fate == "fed_back":
            continue
        if fate == "rework":
            t += m(10, 40)
            at(t, "sup", (index, Action.RETURN_FOR_REWORK, TransitionParams(note="现场仍未清理干净")))
            t += m(10, 30)
            at(t, "act", (index, Action.ACCEPT, None))
            t += m(30, 90)
            at(t, "act", (index, Action.FEED_BACK, TransitionParams(note="二次处置完毕")))
        t += m(10, 90)
        at(t, "sup", (index, Action.CLOSE, None))
    at(local(25, 19, 40), "handover_open", None)
    at(local(25, 19, 55), "handover_sign", None)
    at(local(25, 20, 10), "handover_ack", None)
    at(local(25, 14, 0), "officer_off", None)
    events.sort(key=lambda e: (e[0], e[1]))

    ids: dict[int, int] = {}
    numbers: list[str] = []
    handover_id = 0
    handovers = HandoverService(db)
    for when, _, kind, payload in events:
        if when > PRINT_AT:
            continue
        clock.set(when)
        if kind == "report":
            index, grid, priority, source, fate = payload  # type: ignore[misc]
            lon, lat = grid_centre(grid)
            category = city.dept_category_id if fate == "department" else city.category_id
            row = svc.report(operator, NewCase(source=source, category_id=category, priority=priority,
                                               description=f"第{index + 1}号测试案件：占道经营", lon=lon, lat=lat,
                                               reporter_name="市民", reporter_phone="13900000000"))
            ids[index] = row.id
            numbers.append(row.case_number)
        elif kind in ("act", "sup"):
            index, action, params = payload  # type: ignore[misc]
            if params == "officer":
                params = TransitionParams(officer_id=city.officer_ids[index % 2])
            elif params == "department":
                params = TransitionParams(department_id=city.department_id)
            svc.perform(supervisor if kind == "sup" else operator, ids[index], action, params)  # type: ignore[arg-type]
        elif kind == "officer_off":
            with db.unit_of_work() as s:
                officer = s.get(Officer, city.officer_ids[1])
                assert officer is not None
                s.add(DutyChange(officer_id=officer.id, at=when, from_status=officer.duty_status,
                                 to_status=DutyStatus.ON_LEAVE.value, user_id=supervisor.user_id))
                officer.duty_status = DutyStatus.ON_LEAVE.value
        elif kind == "handover_open":
            record = handovers.open_draft(operator)
            open_number = _first_open(svc, ids)
            record = handovers.save(operator, record.id, HANDOVER_NOTE, [
                ItemInput("09:00 回访报案人，确认处置结果", open_number, local(26, 9, 0)),
                ItemInput("跟进环卫车辆维修进度"),
            ], expected_version=record.version)
            handover_id = record.id
        elif kind == "handover_sign":
            handovers.sign(operator, handover_id)
        elif kind == "handover_ack":
            handovers.acknowledge(supervisor, handover_id)
    # one overdue case was escalated to supervision (the escalation clock is another service)
    overdue_id = _first_overdue(svc, ids, PRINT_AT)
    with db.unit_of_work() as s:
        row = svc.row(demo_principal(svc.db, "supervisor"), overdue_id)
        s.add(Escalation(case_id=overdue_id, stage="handle", level="supervision", round=0, at=row.stage_deadline_at,
                         deadline_at=row.stage_deadline_at))
        s.execute(update(Case).where(Case.id == overdue_id).values(escalation_level=2))
    clock.set(PRINT_AT)
    return Scenario(city.centre_id, tuple(numbers), handover_id, _first_open(svc, ids))


def _first_open(svc: CaseService, ids: dict[int, int]) -> str:
    for case_id in sorted(ids.values()):
        row = svc.row(demo_principal(svc.db, "supervisor"), case_id)
        if row.status in ("registered", "dispatched", "accepted"):
            return row.case_number
    raise AssertionError("the scenario has no open case")


def _first_overdue(svc: CaseService, ids: dict[int, int], now: datetime) -> int:
    for case_id in sorted(ids.values()):
        row = svc.row(demo_principal(svc.db, "supervisor"), case_id)
        if row.clock_running and row.stage_deadline_at is not None and row.stage_deadline_at < now:
            return case_id
    raise AssertionError("the scenario has no overdue case")


_template: tuple[Path, Scenario] | None = None


def scenario_template(factory: pytest.TempPathFactory) -> tuple[Path, Scenario]:
    """Build the scenario once per test run; later calls return the same file."""
    global _template
    if _template is None or not _template[0].exists():
        path = factory.mktemp("scenario") / "two-days.sqlite"
        clock = FrozenClock(PRINT_AT)
        db = open_database(path, clock=clock, create=True)
        try:
            scenario = build_scenario(db, clock)
        finally:
            db.dispose()
        _template = (path, scenario)
    return _template


def scenario_database(factory: pytest.TempPathFactory, tmp_path: Path) -> tuple[Database, FrozenClock, Scenario]:
    """A private copy of the scenario database, opened with a clock at PRINT_AT."""
    template, scenario = scenario_template(factory)
    target = tmp_path / "scenario.sqlite"
    shutil.copyfile(template, target)
    clock = FrozenClock(PRINT_AT)
    return open_database(target, clock=clock), clock, scenario
