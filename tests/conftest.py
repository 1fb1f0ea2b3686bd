"""Shared fixtures: a frozen clock, a tiny hand-built city in a fresh database, actors per role."""

from __future__ import annotations

import os
from datetime import UTC, datetime

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("COMMANDCENTER_LANG", "en")

from commandcenter.clock import FrozenClock  # noqa: E402
from commandcenter.db import Database, open_database  # noqa: E402
from commandcenter.services.auth import Actor, actor_for  # noqa: E402

from .factories import TinyCity, build_tiny_city  # noqa: E402

pytest_plugins = ["tests.pg_cluster"]

# Wednesday 2026-11-25 10:00 in Shanghai: inside office hours on a working day
START = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the developer's real data or log directories."""
    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("COMMANDCENTER_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("COMMANDCENTER_LOG_DIR", str(base / "log"))


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(START)


@pytest.fixture
def db(tmp_path, clock: FrozenClock) -> Database:  # type: ignore[no-untyped-def]
    database = open_database(tmp_path / "tiny.sqlite", clock=clock, create=True)
    yield database
    database.dispose()


@pytest.fixture
def city(db: Database) -> TinyCity:
    return build_tiny_city(db)


@pytest.fixture
def operator(db: Database, city: TinyCity) -> Actor:
    return actor_for(db, "operator")


@pytest.fixture
def supervisor(db: Database, city: TinyCity) -> Actor:
    return actor_for(db, "supervisor")


@pytest.fixture
def trainer(db: Database, city: TinyCity) -> Actor:
    return actor_for(db, "trainer")
