"""The CLI: db upgrade, info, and one-line refusals with exit code 2 for bad databases."""

from __future__ import annotations

import json
import sqlite3

import pytest

from commandcenter.cli import main
from commandcenter.db import open_database
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.migrations import head_revision
from commandcenter.services.auth import demo_principal
from commandcenter.services.lifecycle import CaseService
from commandcenter.shapes.cases import NewCase

from .factories import build_tiny_city, grid_centre


def test_db_upgrade_creates_then_reports_current(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "new.sqlite"
    assert main(["db", "upgrade", "--db", str(path)]) == 0
    assert f"empty -> {head_revision()}" in capsys.readouterr().out
    assert main(["db", "upgrade", "--db", str(path)]) == 0
    assert "already current" in capsys.readouterr().out
    assert main(["info", "--db", str(path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["schema_version"] == info["schema_head"] == head_revision()
    assert info["cases"] == 0 and info["grids"] == 0 and info["grid_area_km2"] == 0


def test_info_counts(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "c.sqlite"
    db = open_database(path, create=True)
    city = build_tiny_city(db)
    svc, op = CaseService(db), demo_principal(db, "operator")
    for i in range(3):
        lon, lat = grid_centre(i)
        svc.report(op, NewCase(source=SourceChannel.PATROL, category_id=city.category_id, priority=Priority.LOW,
                               description="x", lon=lon, lat=lat), register=i == 0)
    db.dispose()
    assert main(["info", "--db", str(path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert (info["grids"], info["officers"], info["users"], info["cases"], info["open_cases"]) == (4, 3, 4, 3, 3)
    assert info["cases_by_status"]["registered"] == 1 and info["cases_by_status"]["reported"] == 2
    assert info["first_reported"] is not None
    with sqlite3.connect(path) as conn:
        (area_m2,) = conn.execute("SELECT sum(area_m2) FROM grid").fetchone()
    assert info["grid_area_km2"] == round(area_m2 / 1e6, 2) > 0
    assert main(["info", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "open: 3" in out and f"grid area: {area_m2 / 1e6:,.2f} km²" in out


@pytest.mark.parametrize("kind", ["text", "foreign", "missing", "badurl", "newer"])
def test_bad_databases_are_refused_in_one_line(tmp_path, capsys, kind) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.sqlite"
    if kind == "text":
        path.write_text("this is not a database\n" * 100)
    elif kind == "foreign":
        con = sqlite3.connect(path)
        con.execute("CREATE TABLE invoices (id INTEGER)")
        con.commit()
        con.close()
    elif kind == "newer":
        main(["db", "upgrade", "--db", str(path)])
        con = sqlite3.connect(path)
        con.execute("UPDATE alembic_version SET version_num = '9999'")
        con.commit()
        con.close()
        capsys.readouterr()
    before = path.read_bytes() if path.exists() else None
    target = "postgresql+psycopg://nobody@127.0.0.1:1/none" if kind == "badurl" else str(path)
    assert main(["info", "--db", target]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.startswith("commandcenter:")
    expected = {"text": "not", "foreign": "not a Grid Command Centre database", "missing": "no database",
                "badurl": "cannot connect", "newer": "newer than this program"}[kind]
    assert expected in err
    assert (path.read_bytes() if path.exists() else None) == before  # nothing written
