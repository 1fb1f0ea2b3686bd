"""Shared fixtures: a frozen clock, a tiny hand-built city in a fresh database, principals per role,
and a check after every test that it left no window open and no thread running."""

from __future__ import annotations

import gc
import os
import threading
import time
from collections.abc import Collection, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("COMMANDCENTER_LANG", "en")

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QThreadPool  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from commandcenter.clock import FrozenClock  # noqa: E402
from commandcenter.db import Database, open_database  # noqa: E402
from commandcenter.services.auth import Principal, demo_principal  # noqa: E402

from .factories import TinyCity, build_tiny_city  # noqa: E402

if TYPE_CHECKING:
    from commandcenter.views.main_window import MainWindow

    from .pg_cluster import PostgresServer

pytest_plugins = ["tests.pg_cluster"]

# Wednesday 2026-11-25 10:00 in Shanghai: inside office hours on a working day
START = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the developer's real data or log directories."""
    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("COMMANDCENTER_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("COMMANDCENTER_LOG_DIR", str(base / "log"))
    # remembered layout and preferences (gui/settings) start empty and stay with the test
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(base / "settings"))


# ---- leaks (after napari's conftest) ----------------------------------------------------
# how long a test's threads and pool tasks may take to end after it before they count as leaked
LEAK_GRACE_MS = 5000
# Qt's own windows that live for the whole process (the tooltip is created once and reused)
QT_SINGLETONS = frozenset({"QTipLabel"})


def live_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.is_alive()}


def top_level_widgets() -> set[QWidget]:
    if QApplication.instance() is None:
        return set()
    return {w for w in QApplication.topLevelWidgets() if type(w).__name__ not in QT_SINGLETONS}


def check_for_leaks(widgets_before: Collection[QWidget], threads_before: Collection[threading.Thread],
                    grace_ms: int = LEAK_GRACE_MS) -> None:
    """Raise AssertionError naming every top-level widget and thread a test left behind.

    Closed widgets are deleted first (deleteLater and garbage collection), and threads and
    pool tasks get `grace_ms` to end, so what remains is a real leak: a window nobody closed
    or still referenced, a task or thread still running.
    """
    problems = []
    pool = QThreadPool.globalInstance()
    if not pool.waitForDone(grace_ms):
        problems.append(f"{pool.activeThreadCount()} QThreadPool task(s) still running {grace_ms} ms after the test")
    if QCoreApplication.instance() is not None:
        QCoreApplication.processEvents()  # results of finished tasks reach their (guarded) callbacks
        gc.unfreeze()  # what a wall load froze (gui.memory) is collectable again once the test is over
        gc.collect()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    widgets = sorted(top_level_widgets() - set(widgets_before), key=lambda w: type(w).__name__)
    if widgets:
        names = ", ".join(f"{type(w).__name__}({w.objectName()!r}, visible={w.isVisible()})" for w in widgets)
        problems.append(f"top-level widgets leaked (not closed and deleted): {names}")
    deadline = time.monotonic() + grace_ms / 1000
    threads = [t for t in live_threads() - set(threads_before) if not t.daemon]
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    if running := [t.name for t in threads if t.is_alive()]:
        problems.append(f"threads still running {grace_ms} ms after the test: {', '.join(running)}")
    if problems:
        raise AssertionError("; ".join(problems))


@pytest.fixture(autouse=True)
def _no_leaked_widgets_or_threads() -> Iterator[None]:
    """Fail a test that leaves a top-level widget or a running thread behind.

    Autouse fixtures are set up first, so this check runs after every other fixture's
    teardown, and after pytest-qt closed the widgets given to `qtbot.addWidget`.
    """
    widgets, threads = top_level_widgets(), live_threads()
    yield
    check_for_leaks(widgets, threads)


@pytest.fixture
def windows(qtbot) -> Iterator[list[MainWindow]]:  # type: ignore[no-untyped-def]
    """Main windows a test opens (append them): closed and deleted after it."""
    opened: list[MainWindow] = []
    yield opened
    for w in opened:
        w.close()
        w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(START)


# Which engine the `db` fixture opens: the suite runs once per engine in CI (`make test`, then
# `make test-postgres`, which sets this to "postgresql" and keeps only the tests using `db`).
TEST_ENGINE = os.environ.get("COMMANDCENTER_TEST_ENGINE", "sqlite")
if TEST_ENGINE not in ("sqlite", "postgresql"):
    raise pytest.UsageError(f"COMMANDCENTER_TEST_ENGINE must be sqlite or postgresql, not {TEST_ENGINE!r}")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On the PostgreSQL pass, keep only the tests that open the `db` fixture.

    The others do not touch the engine under test (or pin one themselves: `pg_db`, a file
    path) and already ran in the SQLite pass. Tests marked `sqlite_only` check something only
    a file database has (its path, its WAL, the anchor file beside it) and are left out too.
    """
    if TEST_ENGINE != "postgresql":
        return
    kept, dropped = [], []
    for item in items:
        uses_db = "db" in getattr(item, "fixturenames", ())
        (kept if uses_db and item.get_closest_marker("sqlite_only") is None else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(scope="session")
def pg_template(pg_server: PostgresServer) -> str:
    """A database migrated to the head once per worker; each test's database is a copy of it."""
    from .pg_cluster import database_name_for  # imported late: pytest loads it as a plugin first

    name = database_name_for("template")
    database = open_database(pg_server.create_database(name), create=True)
    database.dispose()
    return name


@pytest.fixture
def db(request: pytest.FixtureRequest, tmp_path, clock: FrozenClock) -> Iterator[Database]:  # type: ignore[no-untyped-def]
    """A fresh, migrated database: a file by default, a PostgreSQL database on the PostgreSQL pass."""
    if TEST_ENGINE == "sqlite":
        database = open_database(tmp_path / "tiny.sqlite", clock=clock, create=True)
        yield database
        database.dispose()
        return
    from .pg_cluster import database_name_for

    server: PostgresServer = request.getfixturevalue("pg_server")
    name = database_name_for(request.node.name)
    url = server.create_database(name, template=request.getfixturevalue("pg_template"))
    database = open_database(url, clock=clock, create=True)
    try:
        yield database
    finally:
        database.dispose()
        server.drop_database(name)


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:
    """The same fresh schema on the private PostgreSQL cluster (mark the test ``postgres``)."""
    database = open_database(pg_url, clock=FrozenClock(START), create=True)
    yield database
    database.dispose()


@pytest.fixture
def city(db: Database) -> TinyCity:
    return build_tiny_city(db)


@pytest.fixture
def operator(db: Database, city: TinyCity) -> Principal:
    return demo_principal(db, "operator")


@pytest.fixture
def supervisor(db: Database, city: TinyCity) -> Principal:
    return demo_principal(db, "supervisor")


@pytest.fixture
def trainer(db: Database, city: TinyCity) -> Principal:
    return demo_principal(db, "trainer")
