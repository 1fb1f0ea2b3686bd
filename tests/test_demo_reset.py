"""Reset restores the demo's counts exactly, seats see it, and anything but a demo file is refused.

A small demo (one day) is generated once per module with its snapshot; each test works on a
copy. A "drill" is played through the services (new cases, a dispatch, an escalation scan),
then `reset_demo` must give back the generated counts: cases per status, history rows, and the
audit trail (plus the reset's own entry, and a sound chain).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from commandcenter.clock import FrozenClock
from commandcenter.db import Database, audit_anchor_path, open_database
from commandcenter.domain.actions import Action
from commandcenter.domain.entities import Entity
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.errors import NoDemoSnapshot, NotADemoToReset, PermissionDenied
from commandcenter.labels import describe_error
from commandcenter.models import AuditEntry, Case, CaseHistory, Category, Grid, Officer
from commandcenter.services.audit_verify import verify_chain
from commandcenter.services.auth import demo_principal, system_principal
from commandcenter.services.changefeed import changes_since, latest_change_id
from commandcenter.services.demo_reset import (
    DemoResetService,
    reset_demo,
    save_demo_snapshot,
    snapshot_path,
)
from commandcenter.services.escalation import scan_escalations
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.shapes.cases import NewCase
from commandcenter.simulator.demo import generate_demo

from .conftest import START
from .factories import build_tiny_city, mark_demo


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("reset") / "demo.sqlite"
    db = open_database(path, create=True, clock=FrozenClock(START))
    try:
        generate_demo(db, scale="small", days=1, seed=4, plant_warnings=True)
    finally:
        db.dispose()
    save_demo_snapshot(path)
    return path


def _copy(template: Path, target: Path) -> Path:
    for suffix in ("", ".audit-anchor", ".demo-snapshot", ".demo-snapshot.audit-anchor"):
        shutil.copyfile(template.with_name(template.name + suffix), target.with_name(target.name + suffix))
    return target


@pytest.fixture
def demo(template: Path, tmp_path: Path) -> Iterator[Database]:
    db = open_database(_copy(template, tmp_path / "demo.sqlite"), clock=FrozenClock(START))
    yield db
    db.dispose()


def _counts(db: Database) -> dict[str, object]:
    with db.read() as s:
        return {
            "by_status": dict(s.execute(select(Case.status, func.count()).group_by(Case.status)).all()),
            "cases": s.scalar(select(func.count()).select_from(Case)),
            "history": s.scalar(select(func.count()).select_from(CaseHistory)),
            "audit": s.scalar(select(func.count()).select_from(AuditEntry)),
            "positions": s.execute(select(Officer.id, Officer.last_lon, Officer.last_lat).order_by(Officer.id)).all(),
        }


def _play_a_drill(db: Database) -> None:
    """What a drill leaves behind: new cases (one registered and dispatched), an officer moved on,
    and the clock's escalations an hour later."""
    cases, drill = CaseService(db), system_principal(db, "drill")
    with db.read() as s:
        category = s.scalar(select(Category.id).where(Category.level == 2).order_by(Category.code))
        grid = s.scalar(select(Grid.id).order_by(Grid.id))
        officer = s.scalar(select(Officer.id).order_by(Officer.id))
    assert category is not None and grid is not None and officer is not None
    for n in range(3):
        row = cases.report(drill, NewCase(source=SourceChannel.HOTLINE_12345, category_id=category,
                                          priority=Priority.URGENT, description=f"drill {n}", grid_id=grid),
                           register=n == 0)
    first = row.id - 2
    cases.perform(drill, first, Action.DISPATCH, TransitionParams(officer_id=officer))
    assert isinstance(db.clock, FrozenClock)
    db.clock.advance(timedelta(hours=3))
    scan_escalations(db)


def test_reset_restores_the_generated_counts_exactly(demo: Database) -> None:
    generated = _counts(demo)
    _play_a_drill(demo)
    played = _counts(demo)
    assert played["cases"] == generated["cases"] + 3  # type: ignore[operator]
    assert played["history"] != generated["history"]

    result = reset_demo(demo, demo_principal(demo, "trainer"))

    after = _counts(demo)
    assert after["by_status"] == generated["by_status"]
    assert after["cases"] == generated["cases"] == result.cases_after
    assert result.cases_before == played["cases"]
    assert after["history"] == generated["history"]
    assert after["positions"] == generated["positions"]
    assert after["audit"] == generated["audit"] + 1  # type: ignore[operator]  # the reset's own entry
    with demo.read() as s:
        last = s.execute(select(AuditEntry.action, AuditEntry.actor).order_by(AuditEntry.id.desc()).limit(1)).one()
    assert tuple(last) == ("reset_demo", "trainer")
    report = verify_chain(demo)
    assert report.problem is None, report


def test_a_seat_open_through_the_reset_sees_it_in_its_change_feed(demo: Database) -> None:
    seen = latest_change_id(demo)  # the seat's feed is up to date before the drill
    _play_a_drill(demo)
    seen = latest_change_id(demo)  # and saw the drill's changes too
    with demo.read() as s:
        drill_ids = set(s.scalars(select(Case.id).where(Case.is_drill.is_(True))))
    reset_demo(demo, None)

    changes = changes_since(demo, seen)
    assert Entity.DEMO in {c.entity for c in changes}  # screens load again
    assert drill_ids <= {c.entity_id for c in changes if c.entity == Entity.CASE}  # gone cases named
    with demo.read() as s:  # the same session factory (the seat's open connections) reads the restored file
        assert s.scalar(select(func.count()).select_from(Case).where(Case.is_drill.is_(True))) == 0
    # and the seat's next change after the reset is seen as well
    CaseService(demo).report(system_principal(demo, "drill"), NewCase(
        source=SourceChannel.PATROL, category_id=_any_category(demo), priority=Priority.NORMAL, description="next",
        grid_id=_any_grid(demo)))
    assert any(c.entity == Entity.CASE for c in changes_since(demo, changes[-1].id))


def _any_category(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(Category.id).where(Category.level == 2).order_by(Category.code)) or 0)


def _any_grid(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(Grid.id).order_by(Grid.id)) or 0)


def test_a_second_reset_is_as_good_as_the_first(demo: Database) -> None:
    generated = _counts(demo)
    reset_demo(demo, None)
    _play_a_drill(demo)
    reset_demo(demo, None)
    after = _counts(demo)
    assert (after["by_status"], after["history"], after["audit"]) == (
        generated["by_status"], generated["history"], generated["audit"] + 1)  # type: ignore[operator]
    assert verify_chain(demo).problem is None


def test_only_a_trainer_may_reset_from_a_screen(demo: Database) -> None:
    with pytest.raises(PermissionDenied):
        DemoResetService(demo).reset(demo_principal(demo, "operator"))
    assert DemoResetService(demo).reset(demo_principal(demo, "trainer")).cases_after > 0


def test_a_database_not_marked_demo_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "centre.sqlite"
    db = open_database(path, create=True, clock=FrozenClock(START))
    build_tiny_city(db)
    db.dispose()
    before = path.read_bytes()
    db = open_database(path, clock=FrozenClock(START))
    try:
        with pytest.raises(NotADemoToReset):
            reset_demo(db, None)
    finally:
        db.dispose()
    assert path.read_bytes() == before
    assert not snapshot_path(path).exists()


def test_a_demo_without_its_snapshot_is_refused(demo: Database) -> None:
    assert demo.path is not None
    snapshot_path(demo.path).unlink()
    with pytest.raises(NoDemoSnapshot) as refused:
        reset_demo(demo, None)
    assert refused.value.reason == "missing"


def test_the_command_line_resets_and_refuses_with_exit_2(template: Path, tmp_path: Path) -> None:
    path = _copy(template, tmp_path / "cli.sqlite")
    db = open_database(path, clock=FrozenClock(START))
    try:
        generated = _counts(db)["by_status"]
        _play_a_drill(db)
    finally:
        db.dispose()
    done = subprocess.run([sys.executable, "-m", "commandcenter", "demo", "--db", str(path), "--reset"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "reset" in done.stdout
    db = open_database(path)
    try:
        assert _counts(db)["by_status"] == generated
    finally:
        db.dispose()
    assert audit_anchor_path(path).exists()

    plain = tmp_path / "plain.sqlite"
    subprocess.run([sys.executable, "-m", "commandcenter", "db", "upgrade", "--db", str(plain)], check=True,
                   capture_output=True, timeout=120)
    before = plain.read_bytes()
    refused = subprocess.run([sys.executable, "-m", "commandcenter", "demo", "--db", str(plain), "--reset"],
                             capture_output=True, text=True, timeout=120)
    assert refused.returncode == 2
    assert "not a demo database" in refused.stderr
    assert plain.read_bytes() == before


@pytest.mark.postgres
def test_postgres_is_refused_with_advice_and_nothing_written(pg_db: Database) -> None:
    build_tiny_city(pg_db)
    mark_demo(pg_db)
    before = _counts(pg_db)
    with pytest.raises(NoDemoSnapshot) as refused:
        reset_demo(pg_db, None)
    assert refused.value.reason == "not_a_file"
    assert "generate the demo again" in describe_error(refused.value)
    assert _counts(pg_db) == before
