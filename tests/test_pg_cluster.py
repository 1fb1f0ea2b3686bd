"""The private PostgreSQL cluster fixture works end to end, and never skips in CI."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from tests.pg_cluster import PostgresServer, database_name_for, unavailable


@pytest.mark.postgres
def test_fresh_database_round_trip(pg_server: PostgresServer, pg_url: str) -> None:
    url = make_url(pg_url)
    assert url.drivername == "postgresql+psycopg"
    assert url.database != make_url(pg_server.base_url).database

    engine = sa.create_engine(pg_url)
    try:
        with engine.begin() as conn:
            assert conn.execute(sa.text("SELECT current_database()")).scalar_one() == url.database
            conn.execute(sa.text("CREATE TABLE case_note (id serial PRIMARY KEY, body text)"))
            conn.execute(
                sa.text("INSERT INTO case_note (body) VALUES (:a), (:b)"),
                [{"a": "线路跳闸", "b": "breaker reclosed"}],
            )
        with engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT body FROM case_note ORDER BY id")).scalars().all()
        assert rows == ["线路跳闸", "breaker reclosed"]
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_each_test_gets_an_empty_database(pg_url: str) -> None:
    # The previous test created a table in its own database, which must not leak here.
    engine = sa.create_engine(pg_url)
    try:
        assert sa.inspect(engine).get_table_names() == []
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_drop_database_with_open_connection(pg_server: PostgresServer) -> None:
    # A test that forgot to close its connection must not hang the teardown.
    engine = sa.create_engine(pg_server.create_database("t_drop_while_connected"))
    conn = engine.connect()
    try:
        conn.execute(sa.text("SELECT 1"))
        pg_server.drop_database("t_drop_while_connected")
        with pytest.raises(sa.exc.OperationalError, match="terminating connection"):
            conn.execute(sa.text("SELECT 1"))
    finally:
        conn.close()
        engine.dispose()
    admin = sa.create_engine(pg_server.base_url)
    try:
        with admin.connect() as conn:
            left = conn.execute(
                sa.text("SELECT count(*) FROM pg_database WHERE datname = 't_drop_while_connected'")
            ).scalar_one()
        assert left == 0
    finally:
        admin.dispose()


@pytest.mark.parametrize(
    "test_name",
    ["test_x", "test_dispatch[zh_CN-夜班]", "test_" + "very_long_name_" * 10],
)
def test_database_names_are_valid_identifiers(test_name: str) -> None:
    name = database_name_for(test_name)
    assert re.fullmatch(r"[a-z0-9_]{1,63}", name)
    assert database_name_for(test_name) != name  # unique per call


def test_unavailable_skips_locally(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no PostgreSQL server reachable: gone"):
        unavailable("gone")


def test_unavailable_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no PostgreSQL server reachable: gone"):
        unavailable("gone")
