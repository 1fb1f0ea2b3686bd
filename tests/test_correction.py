"""Correcting a case's category or grid (更正): the statuses it is allowed in, the centre's area,
the deadline that follows a new category, and one transaction for the case, its history, the
correction row, the audit trail and the change log."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
import shapely
from alembic import command
from shapely.geometry import box
from sqlalchemy import func, select, text, update

from commandcenter import migrations
from commandcenter.db import create_db_engine, normalize_url
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import CaseStatus, Priority, Stage, TimeUnit
from commandcenter.errors import (
    CaseHeldElsewhere,
    GridOfAnotherCentre,
    IllegalTransition,
    NothingCorrected,
    PermissionDenied,
    ValidationError,
)
from commandcenter.labels import describe_error
from commandcenter.models import (
    AuditEntry,
    Case,
    CaseCorrection,
    CaseHistory,
    ChangeLog,
    Community,
    Grid,
    Street,
    TimeLimitPolicy,
)
from commandcenter.services import audit
from commandcenter.services.correction import CorrectionService
from commandcenter.services.lifecycle import CaseService, TransitionParams

from .factories import STEP, X0, Y0
from .referral_city import build_levels, seat
from .test_lifecycle import bring_to, counts, new_case

S = CaseStatus


def correct(svc, actor, row, **params):  # type: ignore[no-untyped-def]
    params.setdefault("note", "接线时选错")
    return svc.perform(actor, row.id, Action.CORRECT, TransitionParams(**params), expected_version=row.version)


def set_limit(db, category_id: int, stage: Stage, priority: Priority, minutes: int, unit: TimeUnit) -> None:  # type: ignore[no-untyped-def]
    """Before the first case: the time-limit cache is built on first use."""
    with db.unit_of_work() as s:
        s.execute(update(TimeLimitPolicy).where(TimeLimitPolicy.category_id == category_id,
                                                TimeLimitPolicy.stage == stage.value,
                                                TimeLimitPolicy.priority == priority.value)
                  .values(minutes=minutes, unit=unit.value))


def corrections(db, case_id: int) -> list[tuple[int, int, int, int]]:  # type: ignore[no-untyped-def]
    c = CaseCorrection
    with db.read() as s:
        return [tuple(r) for r in s.execute(select(c.from_category_id, c.to_category_id, c.from_grid_id, c.to_grid_id)
                                            .where(c.case_id == case_id).order_by(c.history_id))]


def test_a_new_category_moves_the_running_deadline_from_the_stage_start(db, city, operator, clock) -> None:  # type: ignore[no-untyped-def]
    set_limit(db, city.dept_category_id, Stage.DISPATCH, Priority.URGENT, 10, TimeUnit.CALENDAR)
    svc = CaseService(db)
    row = svc.report(operator, new_case(city, priority=Priority.URGENT), register=True)
    registered = clock.now()
    assert row.stage_deadline_at == registered + timedelta(minutes=30)
    clock.advance(minutes=5)
    before = counts(db, row.id)
    row = correct(svc, operator, row, category_id=city.dept_category_id)
    assert row.status == S.REGISTERED and row.category_id == city.dept_category_id
    # the urgent case re-typed is due 10 minutes after its registration, not 30
    assert row.stage_deadline_at == registered + timedelta(minutes=10)
    assert row.stage_remind_at == registered + timedelta(minutes=8)
    assert counts(db, row.id) == (before[0] + 1, before[1] + 1, before[2] + 1)
    assert corrections(db, row.id) == [(city.category_id, city.dept_category_id, city.grid_ids[0], city.grid_ids[0])]
    with db.read() as s:
        history = s.execute(select(CaseHistory.action, CaseHistory.from_status, CaseHistory.to_status,
                                   CaseHistory.note).where(CaseHistory.case_id == row.id)
                            .order_by(CaseHistory.id.desc()).limit(1)).one()
        detail = s.scalar(select(AuditEntry.detail).where(AuditEntry.entity_id == row.id)
                          .order_by(AuditEntry.id.desc()).limit(1))
    assert tuple(history) == ("correct", "registered", "registered", "接线时选错")
    assert json.loads(detail)["category"] == [city.category_id, city.dept_category_id]


def test_the_handling_deadline_follows_and_an_approved_extension_is_kept(db, city, operator, supervisor,
                                                                         clock) -> None:  # type: ignore[no-untyped-def]
    set_limit(db, city.dept_category_id, Stage.HANDLE, Priority.NORMAL, 60, TimeUnit.WORKING)
    svc = CaseService(db)
    row = svc.report(operator, new_case(city), register=True)
    row = svc.perform(operator, row.id, Action.DISPATCH, TransitionParams(department_id=city.department_id),
                      expected_version=row.version)
    dispatched = clock.now()
    row = svc.perform(operator, row.id, Action.ACCEPT, expected_version=row.version)
    row = svc.perform(operator, row.id, Action.REQUEST_EXTENSION, TransitionParams(note="等配件", minutes=30),
                      expected_version=row.version)
    row = svc.perform(supervisor, row.id, Action.EXTEND, expected_version=row.version)
    clock.advance(minutes=10)
    row = correct(svc, operator, row, category_id=city.dept_category_id)
    cal = svc.limits.calendar
    expected = cal.add(cal.add(dispatched, 60, TimeUnit.WORKING), 30, TimeUnit.WORKING)
    assert row.status == S.ACCEPTED and row.stage_deadline_at == expected
    with db.read() as s:
        handle, assess = s.execute(select(Case.handle_deadline_at, Case.assess_deadline_at)
                                   .where(Case.id == row.id)).one()
    assert handle == assess == expected


def test_a_grid_correction_moves_the_point_and_keeps_the_clock(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    row = svc.report(operator, new_case(city), register=True)
    deadline = row.stage_deadline_at
    row = correct(svc, operator, row, grid_id=city.grid_ids[3])
    with db.read() as s:
        case = s.get(Case, row.id)
        grid = s.get(Grid, city.grid_ids[3])
        assert case is not None and grid is not None
        assert (case.grid_id, case.lon, case.lat) == (grid.id, grid.centroid_lon, grid.centroid_lat)
    assert row.stage_deadline_at == deadline and row.category_id == city.category_id


@pytest.mark.parametrize("status", [S.REPORTED, S.DISPATCHED, S.FED_BACK, S.CHECKING])
def test_open_statuses_allow_it_and_keep_their_status(db, city, operator, supervisor, status) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    other = svc.report(operator, new_case(city))
    row = bring_to(svc, supervisor, city, status, other.id)
    row = correct(svc, operator, row, category_id=city.dept_category_id, grid_id=city.grid_ids[1])
    assert row.status == status and row.category_id == city.dept_category_id


@pytest.mark.parametrize("status", [S.SUSPENDED, S.CLOSED, S.REJECTED, S.MERGED])
def test_closed_suspended_and_finished_cases_refuse_it(db, city, supervisor, status) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    other = svc.report(supervisor, new_case(city))
    row = bring_to(svc, supervisor, city, status, other.id)
    before = counts(db, row.id)
    with pytest.raises(IllegalTransition):
        correct(svc, supervisor, row, category_id=city.dept_category_id)
    assert counts(db, row.id) == before and corrections(db, row.id) == []


def test_refusals_leave_nothing(db, city, operator, trainer) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    row = svc.report(operator, new_case(city), register=True)
    before = counts(db, row.id)
    with pytest.raises(NothingCorrected) as same:  # the category and grid it already has
        correct(svc, operator, row, category_id=city.category_id, grid_id=city.grid_ids[0])
    assert "already" in describe_error(same.value, "en")
    with pytest.raises(NothingCorrected):
        correct(svc, operator, row)
    with pytest.raises(ValidationError):  # a reason is required
        correct(svc, operator, row, category_id=city.dept_category_id, note="  ")
    with pytest.raises(PermissionDenied):
        correct(svc, trainer, row, category_id=city.dept_category_id)
    assert counts(db, row.id) == before and corrections(db, row.id) == []


def test_a_failure_after_the_change_rolls_all_of_it_back(db, city, operator, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    row = svc.report(operator, new_case(city), register=True)
    before = counts(db, row.id)

    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk gone")

    monkeypatch.setattr(audit, "append", broken)
    with pytest.raises(RuntimeError):
        correct(svc, operator, row, category_id=city.dept_category_id, grid_id=city.grid_ids[2])
    monkeypatch.undo()
    assert counts(db, row.id) == before and corrections(db, row.id) == []
    with db.read() as s:
        assert s.execute(select(Case.category_id, Case.grid_id, Case.version).where(Case.id == row.id)).one() == (
            city.category_id, city.grid_ids[0], row.version)


def add_sibling_grid(db) -> int:  # type: ignore[no-untyped-def]
    """A grid in the sibling street (拱辰街道), which another street centre covers."""
    with db.unit_of_work() as s:
        street_id = s.scalar(select(Street.id).where(Street.code == "350302002"))
        community = Community(street_id=street_id, code="350302002001", name="拱辰社区", pinyin_initials="gcsq")
        s.add(community)
        s.flush()
        poly = box(X0 + 10 * STEP, Y0, X0 + 11 * STEP, Y0 + STEP)
        grid = Grid(community_id=community.id, code="35030200200101", name="拱辰社区第01网格",
                    geometry=shapely.to_wkb(poly), centroid_lon=poly.centroid.x, centroid_lat=poly.centroid.y,
                    area_m2=10_000.0, min_lon=poly.bounds[0], min_lat=poly.bounds[1], max_lon=poly.bounds[2],
                    max_lat=poly.bounds[3])
        s.add(grid)
        s.flush()
        return grid.id


def test_another_centres_grid_is_refused_naming_transfer(db, city) -> None:  # type: ignore[no-untyped-def]
    build_levels(db, city)
    other_grid = add_sibling_grid(db)
    svc, op = CaseService(db), seat(db, "s")
    row = svc.report(op, new_case(city), register=True)
    before = counts(db, row.id)
    with pytest.raises(GridOfAnotherCentre) as refused:
        correct(svc, op, row, grid_id=other_grid)
    assert refused.value.centre == "拱辰街道指挥中心" and refused.value.grid_code == "35030200200101"
    assert "transfer" in describe_error(refused.value, "en").lower()
    assert counts(db, row.id) == before
    # the dialog offers the street's own grids only
    assert [g.id for g in CorrectionService(db).grids(op, row.id)] == list(city.grid_ids)


def test_a_case_held_by_another_centre_is_corrected_there(db, city) -> None:  # type: ignore[no-untyped-def]
    levels = build_levels(db, city)
    svc, op = CaseService(db), seat(db, "s")
    row = svc.report(op, new_case(city), register=True)
    row = svc.perform(op, row.id, Action.REFER_UP, TransitionParams(note="超出职权", centre_id=levels.district,
                                                                    reason="beyond_powers"),
                      expected_version=row.version)
    with pytest.raises(IllegalTransition):  # in transit: the district accepts it first
        correct(svc, seat(db, "d"), row, category_id=city.dept_category_id)
    row = svc.perform(seat(db, "d"), row.id, Action.ACCEPT_REFERRAL, expected_version=row.version)
    with pytest.raises(CaseHeldElsewhere):
        correct(svc, op, row, category_id=city.dept_category_id)
    row = correct(svc, seat(db, "d"), row, category_id=city.dept_category_id)
    assert row.category_id == city.dept_category_id
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.entity_id == row.id)) > 0


def test_the_upgrade_grants_correcting_to_operators_and_supervisors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "old.sqlite"
    engine = create_db_engine(normalize_url(path))
    cfg = migrations.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0023")
        conn.execute(text("INSERT INTO role_permission (role, action) VALUES ('operator', 'view'), "
                          "('supervisor', 'view'), ('trainer', 'view')"))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0024")
        granted = {tuple(r) for r in conn.execute(text("SELECT role, action FROM role_permission "
                                                       "WHERE action = 'correct'"))}
        command.downgrade(cfg, "0023")
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))}
        left = conn.execute(text("SELECT count(*) FROM role_permission WHERE action = 'correct'")).scalar_one()
    engine.dispose()
    assert granted == {("operator", "correct"), ("supervisor", "correct")}
    assert "case_correction" not in tables and left == 0
