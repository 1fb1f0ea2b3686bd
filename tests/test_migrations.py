"""Alembic: an empty database reaches the current schema, and an older one is upgraded in place."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from commandcenter import migrations
from commandcenter.cli import main
from commandcenter.db import create_db_engine, normalize_url, open_database
from commandcenter.errors import DatabaseError
from commandcenter.migrations.search_schema import include_name
from commandcenter.models import Base


def test_upgrade_from_empty_matches_the_models(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "new.sqlite", create=True)
    assert migrations.current_revision(db) == migrations.head_revision()
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True, "include_name": include_name}), Base.metadata) == []
    db.dispose()


def test_an_older_database_is_upgraded_and_keeps_its_data(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "old.sqlite"
    engine = create_db_engine(normalize_url(path))
    cfg = migrations.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO district (id, code, name) VALUES (1, '350302', '城厢区')"))
    engine.dispose()
    with pytest.raises(DatabaseError, match="db upgrade"):  # the app refuses it, with the remedy
        open_database(path)
    assert main(["info", "--db", str(path), "--json"]) == 0  # info still says what it is
    assert '"schema_version": "0001"' in capsys.readouterr().out
    assert main(["db", "upgrade", "--db", str(path)]) == 0
    assert f"0001 -> {migrations.head_revision()}" in capsys.readouterr().out
    db = open_database(path)
    with db.read() as s:
        assert s.execute(text("SELECT name FROM district")).scalar_one() == "城厢区"
        indexes = {r[0] for r in s.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'"))}
    assert "ix_case_centre_status_closed" in indexes and "ix_case_centre_status" not in indexes
    db.dispose()


def _grants(path) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    engine = create_db_engine(normalize_url(path))
    with engine.connect() as conn:
        rows = {(r, a) for r, a in conn.execute(text("SELECT role, action FROM role_permission"))}
    engine.dispose()
    return rows


def test_an_upgrade_grants_new_actions_and_keeps_what_an_admin_revoked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A database seeded before the time requests, field steps and personal data gets their
    default rights; a right its admin revoked stays revoked through `db upgrade`."""
    path = tmp_path / "old.sqlite"
    engine = create_db_engine(normalize_url(path))
    cfg = migrations.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
        conn.execute(text("INSERT INTO role_permission (role, action) VALUES ('operator', 'view'), "
                          "('operator', 'suspend'), ('supervisor', 'view'), ('supervisor', 'close')"))
    engine.dispose()
    assert main(["db", "upgrade", "--db", str(path)]) == 0
    grants = _grants(path)
    assert {("operator", "request_suspension"), ("supervisor", "refuse_extension"), ("operator", "send_back"),
            ("supervisor", "view_personal_data"), ("operator", "reveal_personal_data")} <= grants
    assert ("operator", "suspend") not in grants  # suspending became a supervisor's approval
    assert ("operator", "reopen") not in grants  # the old table never had it: no wholesale re-seed

    engine = create_db_engine(normalize_url(path))
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM role_permission WHERE role = 'supervisor' AND action = 'close'"))
    engine.dispose()
    assert main(["db", "upgrade", "--db", str(path)]) == 0
    assert ("supervisor", "close") not in _grants(path)
