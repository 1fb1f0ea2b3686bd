"""Scenario files: what a trainer writes is read, or refused with the line and the reason of every problem."""

from __future__ import annotations

import pytest

from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.errors import ScenarioInvalid
from commandcenter.services.reference_data import MINOR_CATEGORIES
from commandcenter.simulator.scenario import (
    SCENARIO_DIR,
    EventKind,
    ScenarioCase,
    ScenarioEvent,
    load_scenario,
    parse_scenario,
)
from commandcenter.simulator.scenario_clock import ScenarioClock

GOOD = """\
name: 测试
speed: 60
seed: 5
cases:
  - at: "+0:00:30"
    id: a
    category: "0701"
    priority: 紧急
    channel: patrol
    place: [北桥小学, 小学]
    description: 小区门口垃圾堆积
  - at: 1:30
    category: 乱倒垃圾
    lonlat: [119.0005, 25.4005]
    description: 又有垃圾
    reporter: 王女士
    phone: 13800000000
events:
  - at: 120
    type: send_back
    case: a
    reason: 非本单位职责
  - at: "+1:00"
    type: off_duty
    grid: "35030200100101"
background:
  - {from: 0, to: "+10:00", rate: 2}
"""


def problems(text: str) -> list[tuple[int, str]]:
    with pytest.raises(ScenarioInvalid) as caught:
        parse_scenario(text, "s.yaml")
    return list(caught.value.problems)


def test_a_scenario_is_read_with_its_timeline_in_order() -> None:
    s = parse_scenario(GOOD, "s.yaml")
    assert (s.name, s.speed, s.seed, s.path, len(s.sha256)) == ("测试", 60.0, 5, "s.yaml", 64)
    first, second = s.cases
    assert (first.at, first.key, first.category, first.priority, first.channel, first.where.places) == (
        30.0, "a", "0701", Priority.URGENT, SourceChannel.PATROL, ("北桥小学", "小学"))
    assert first.address == "北桥小学" and first.register is False  # a patrol report waits for registration
    # an unquoted 1:30 is YAML's 90 (minutes:seconds), as the text "+1:30" is
    assert (second.at, second.where.lonlat, second.reporter_phone, second.register) == (
        90.0, (119.0005, 25.4005), "13800000000", True)
    assert [(type(i).__name__, i.at) for i in s.timeline] == [
        ("ScenarioCase", 30.0), ("ScenarioEvent", 60.0), ("ScenarioCase", 90.0), ("ScenarioEvent", 120.0)]
    assert s.events[0].kind == EventKind.SEND_BACK and s.events[0].reason == "非本单位职责"
    assert s.events[1].where.grid_code == "35030200100101"
    assert (s.background[0].start, s.background[0].end, s.background[0].rate) == (0.0, 600.0, 2.0)
    assert s.length == 600.0


def test_bad_yaml_is_refused_with_its_line() -> None:
    text = GOOD.replace("    description: 又有垃圾\n", "    description: 又有垃圾\n   reporter 王\n")
    [(line, why)] = problems(text)
    assert line == 16 and why.startswith("not valid YAML")


def test_every_problem_is_listed_with_its_line_and_reason() -> None:
    text = (GOOD.replace('at: "+0:00:30"', 'at: "+9:99"')            # line 5: a bad time
                .replace("    description: 又有垃圾\n", "")             # the second case (line 12): no description
                .replace('category: "0701"', "category: 0701")         # line 7: a code YAML reads as a number
                .replace("type: off_duty", "type: fly"))              # line 23 by then: an unknown event
    found = problems(text)
    assert found == [
        (5, "'at' must be seconds from the start or \"+H:MM:SS\", at most a week (got +9:99)"),
        (7, "'category' reads as the number 0701: write codes in quotes"),
        (12, "'description' is missing"),
        (23, "'type' must be one of off_duty, on_duty, send_back, road_closed, call_again (got fly)"),
    ]  # and not "no case has the id 'a'": case a is refused already


@pytest.mark.parametrize(("change", "line", "reason"), [
    (("name: 测试\n", ""), 1, "'name' is missing"),
    (("    phone: 13800000000\n", "    phone: 13800000000\n    colour: red\n"), 18, "unknown field 'colour' in a case"),
    (("    lonlat: [119.0005, 25.4005]\n", ""), 12, "say where: 'place', 'lonlat' or 'grid'"),
    (("    case: a\n", "    case: b\n"), 19, "no case has the id 'b'"),
    (("  - at: 120\n", "  - at: 10\n"), 19, "the event comes before case 'a' is reported"),
    (("rate: 2}", "rate: 0}"), 27, "'rate' must be a number from 0.01 to 600"),
    (("to: \"+10:00\"", "to: 0"), 27, "'to' must come after 'from'"),
    (("speed: 60", "speed: fast"), 2, "'speed' must be a number from 0.1 to 1000"),
    (("priority: 紧急", "priority: 很急"), 8, "'priority' must be one of urgent, high, normal, low"),
])
def test_a_malformed_scenario_names_the_line_and_the_reason(change: tuple[str, str], line: int, reason: str) -> None:
    text = GOOD.replace(*change)
    assert text != GOOD
    [(found_line, why)] = problems(text)
    assert found_line == line and why.startswith(reason), why


def test_an_empty_or_unreadable_file_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert problems("") == [(1, "the file is empty")]
    assert problems("- a\n- b\n") == [(1, "the scenario must be a mapping of names to values")]
    with pytest.raises(ScenarioInvalid) as caught:
        load_scenario(tmp_path / "missing.yaml")
    assert caught.value.problems[0][0] == 0 and str(caught.value).startswith(str(tmp_path / "missing.yaml") + ":0: ")
    (tmp_path / "latin.yaml").write_bytes("name: caf\xe9\n".encode("latin-1"))
    with pytest.raises(ScenarioInvalid, match="not UTF-8"):
        load_scenario(tmp_path / "latin.yaml")


SHIPPED = sorted(SCENARIO_DIR.glob("*.yaml"))
STANDARD = {code for code, *_ in MINOR_CATEGORIES} | {zh for _, zh, *_ in MINOR_CATEGORIES}


def test_three_scenarios_ship() -> None:
    assert [p.name for p in SHIPPED] == ["lantern_festival.yaml", "monday_morning.yaml", "typhoon_night.yaml"]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_a_shipped_scenario_loads_and_uses_only_what_every_demo_scale_has(path) -> None:  # type: ignore[no-untyped-def]
    s = load_scenario(path)
    assert s.name and s.description and len(s.cases) >= 15 and s.background
    kinds = {e.kind for e in s.events}
    assert {EventKind.SEND_BACK, EventKind.CALL_AGAIN, EventKind.OFF_DUTY} <= kinds
    # every demo scale is seeded with the standard categories; every place has a fallback
    items: list[ScenarioCase | ScenarioEvent] = [*s.cases, *s.events]
    assert {i.category for i in items if i.category} <= STANDARD
    assert not any(i.where.strict for i in items)
    assert all(i.where.places for i in items if isinstance(i, ScenarioCase))
    assert any(c.priority is Priority.URGENT for c in s.cases)


class FakeWall:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_the_scenario_clock_runs_at_its_speed_and_stops_while_paused() -> None:
    wall = FakeWall()
    clock = ScenarioClock(10.0, wall)
    clock.start()
    wall.t += 3
    assert clock.now() == 30.0 and clock.wall_until(50.0) == 2.0
    clock.pause()
    wall.t += 100
    assert clock.now() == 30.0 and clock.wall_until(50.0) == float("inf") and clock.paused
    clock.resume()
    clock.set_speed(60.0)
    wall.t += 1
    assert clock.now() == 90.0 and clock.speed == 60.0
    # a past wall instant maps to the scenario time it had: a dispatch before the pause, during it
    assert clock.at(1001.0) == 10.0 and clock.at(1050.0) == 30.0 and clock.at(900.0) == 0.0
