"""Drill safety: the drill feed refuses a database not marked as demo (exit 2, one line, the file
untouched), marks the cases it writes, and a production database's figures leave those out."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from commandcenter.cli import main
from commandcenter.db import open_database
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.errors import NotADemoDatabase
from commandcenter.models import Case
from commandcenter.services.info import live_counts
from commandcenter.services.kpi import briefing_data
from commandcenter.services.lifecycle import CaseService
from commandcenter.services.wall import WallScope, load_wall
from commandcenter.shapes.cases import NewCase
from commandcenter.simulator.drill import Drill, DrillProgress

from .conftest import START
from .factories import build_tiny_city, grid_centre, mark_demo


def files_of(folder) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_the_drill_refuses_a_production_database_and_leaves_it_byte_identical(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "centre"
    folder.mkdir()
    db = open_database(folder / "centre.sqlite", create=True)
    build_tiny_city(db)
    db.dispose()
    before = files_of(folder)
    assert main(["drill", "--db", str(folder / "centre.sqlite"), "--rate", "600", "--duration", "2"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "commandcenter: centre.sqlite is not a demo database: a drill feeds only demo databases, so nothing "
        "was written to it."]
    assert files_of(folder) == before  # the database and everything beside it, byte for byte


def test_the_drill_service_refuses_before_reading_the_city(db, city) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotADemoDatabase):
        Drill(db, 600, seed=1)


def test_drill_cases_are_marked_and_a_persons_are_not(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    mark_demo(db)
    drill = Drill(db, 600, seed=1)
    drill.create_case(DrillProgress())
    drill.create_case(DrillProgress())
    person(db, city, operator)
    with db.read() as s:
        marks = s.scalars(select(Case.is_drill).order_by(Case.id)).all()
    assert marks == [True, True, False]


def person(db, city, operator, grid: int = 0) -> int:  # type: ignore[no-untyped-def]
    lon, lat = grid_centre(grid)
    return CaseService(db).report(operator, NewCase(
        source=SourceChannel.HOTLINE_12345, category_id=city.category_id, priority=Priority.NORMAL,
        description="井盖缺失", lon=lon, lat=lat), register=True).id


def figures(db, operator) -> tuple[int, int, int, int]:  # type: ignore[no-untyped-def]
    counts = live_counts(db)
    wall = load_wall(db, WallScope(centre_ids=operator.centre_ids), operator)
    kpis = briefing_data(db, operator.centre_id, START.date()).kpis
    return counts.open_cases, len(wall.rows), kpis.new, kpis.registered


def test_drill_cases_count_on_a_demo_database_and_not_on_a_production_one(db, city, clock, operator) -> None:  # type: ignore[no-untyped-def]
    ids = [person(db, city, operator, grid) for grid in range(3)]
    # two of them came from a drill (say, a demo copied into production and unmarked)
    with db.unit_of_work() as s:
        s.execute(update(Case).where(Case.id.in_(ids[1:])).values(is_drill=True))
    clock.advance(timedelta(hours=2))
    assert figures(db, operator) == (1, 1, 1, 1)
    mark_demo(db)
    assert figures(db, operator) == (3, 3, 3, 3)
