"""Dispatch recommendations: who ranks first and why, and how duty status, load, distance and
routing move officers and departments up or down."""

from __future__ import annotations

from datetime import timedelta

import pytest

from commandcenter.dispatch_labels import reason_label, reason_text
from commandcenter.domain.enums import DutyStatus, Priority, SourceChannel
from commandcenter.errors import NotFound
from commandcenter.models import DepartmentRoute, Officer
from commandcenter.services.dispatch import recommend
from commandcenter.services.lifecycle import CaseService
from commandcenter.services.roster import PositionReport, record_positions, set_duty_status
from commandcenter.shapes.cases import NewCase

from .factories import grid_centre
from .test_roster import dispatch_case


def report(db, actor, category_id: int, grid: int = 0) -> int:  # type: ignore[no-untyped-def]
    lon, lat = grid_centre(grid)
    return CaseService(db).report(actor, NewCase(SourceChannel.HOTLINE_12345, category_id, Priority.HIGH,
                                                 "垃圾满溢", lon=lon, lat=lat), register=True).id


def officers(recs):  # type: ignore[no-untyped-def]
    return [r for r in recs if r.kind == "officer"]


def test_responsible_available_officer_ranks_first_with_plain_reasons(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    case_id = report(db, operator, city.category_id, grid=0)
    recs = recommend(db, case_id)
    assert [r.kind for r in recs] == ["officer"] * 3  # the category is not routed to a department
    first = recs[0]
    assert (first.id, first.name, first.duty_status, first.open_cases) == (city.officer_ids[0], "张伟", "on_duty", 0)
    assert first.reason_codes == ("responsible", "on_duty", "open_cases", "distance")
    assert reason_text(first) == "responsible for grid 35030200100101 · on duty · no open cases · 0 m away"
    # 王芳 covers a neighbouring grid of the same community, 100 m east
    second = recs[1]
    assert second.name == "王芳" and second.distance_m == pytest.approx(100.6, abs=1)
    assert reason_text(second) == "covers another grid in 东岩社区 · on duty · no open cases · 100 m away"
    assert recs[2].name == "李娜" and "off duty" in reason_text(recs[2])


@pytest.mark.parametrize("status", [DutyStatus.OFF_DUTY, DutyStatus.ON_LEAVE])
def test_duty_change_demotes_the_officer(db, city, operator, supervisor, status) -> None:  # type: ignore[no-untyped-def]
    case_id = report(db, operator, city.category_id, grid=0)
    assert recommend(db, case_id)[0].id == city.officer_ids[0]
    set_duty_status(db, supervisor, city.officer_ids[0], status)
    recs = recommend(db, case_id)
    assert [r.name for r in recs] == ["王芳", "张伟", "李娜"]
    demoted = recs[1]
    assert demoted.duty_status == status.value
    assert reason_text(demoted).startswith("responsible for grid 35030200100101 · " + status.value.replace("_", " "))
    # back in the field, the responsible officer is first again
    set_duty_status(db, supervisor, city.officer_ids[0], DutyStatus.IN_FIELD)
    assert "in the field" in reason_text(recommend(db, case_id)[0])


def test_load_and_distance_break_ties(db, city, operator, supervisor) -> None:  # type: ignore[no-untyped-def]
    set_duty_status(db, supervisor, city.officer_ids[2], DutyStatus.ON_DUTY)
    case_id = report(db, operator, city.category_id, grid=3)  # NE grid: 张伟 is responsible
    for _ in range(3):
        dispatch_case(db, supervisor, city, city.officer_ids[0], grid=3)
    first = recommend(db, case_id)[0]
    assert first.name == "张伟" and first.open_cases == 3 and "3 open cases" in reason_text(first)
    # 王芳 (SE) and 李娜 (NW) are both 100 m away; a position report brings 李娜 next to the case
    lon, lat = grid_centre(3)
    record_positions(db, [PositionReport(city.officer_ids[2], db.clock.now(), lon, lat + 0.0002)])
    recs = recommend(db, case_id)
    assert [r.name for r in recs] == ["张伟", "李娜", "王芳"]
    assert reason_text(recs[1]).endswith("20 m away")


def test_unknown_and_old_positions_are_said(db, city, operator, clock) -> None:  # type: ignore[no-untyped-def]
    with db.unit_of_work() as s:
        s.get(Officer, city.officer_ids[1]).last_lon = None
    record_positions(db, [PositionReport(city.officer_ids[0], clock.now() - timedelta(hours=5), *grid_centre(0))])
    recs = {r.name: r for r in recommend(db, report(db, operator, city.category_id))}
    assert reason_text(recs["王芳"]).endswith("position unknown") and recs["王芳"].distance_m is None
    assert reason_text(recs["张伟"]).endswith("0 m away · last seen 5 h ago")


def test_routed_department_comes_first_and_district_routes_win(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    case_id = report(db, operator, city.dept_category_id)
    recs = recommend(db, case_id)
    assert recs[0].kind == "department" and recs[0].name == "城管执法局"
    assert reason_text(recs[0]) == "handles Broken streetlight city-wide · no open cases"
    assert recs[0].duty_status is None and recs[0].distance_m is None
    from commandcenter.models import Department, District

    with db.unit_of_work() as s:
        local_dept = Department(code="D77", name="城厢区市政所")
        s.add(local_dept)
        s.flush()
        district_id = s.query(District.id).scalar()
        s.add(DepartmentRoute(department_id=local_dept.id, category_id=city.dept_category_id, district_id=district_id))
    recs = recommend(db, case_id)
    assert [r.name for r in recs if r.kind == "department"] == ["城厢区市政所", "城管执法局"]
    assert reason_text(recs[0]) == "handles Broken streetlight in 城厢区 · no open cases"
    assert len(officers(recommend(db, case_id, limit=2))) == 2


def test_unknown_case_and_reason_codes(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFound):
        recommend(db, 12345)
    rec = recommend(db, report(db, operator, city.category_id))[0]
    assert reason_label("something_new", rec) == "something_new"


def test_the_category_is_named_in_the_language_the_reasons_are_read_in(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    rec = recommend(db, report(db, operator, city.dept_category_id))[0]
    assert rec.facts.category_en == "Broken streetlight" and rec.facts.category_zh
    chinese = reason_text(rec, "zh_CN")
    assert rec.facts.category_zh in chinese and "Broken streetlight" not in chinese
    assert reason_text(rec, "en") == "handles Broken streetlight city-wide · no open cases"
