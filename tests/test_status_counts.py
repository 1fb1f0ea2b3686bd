"""The status bar's live counts: open and overdue cases from the status index, never a scan of
the case table (a million rows at Putian scale, recounted every few seconds during a drill)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from sqlalchemy import event

from commandcenter.app import build_window
from commandcenter.db import Database
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.gui.tasks import SynchronousRunner
from commandcenter.services import info
from commandcenter.services.facade import wall as facade_wall
from commandcenter.services.info import database_info, live_counts
from commandcenter.services.lifecycle import CaseService
from commandcenter.shapes.cases import NewCase

from .factories import grid_centre


def report_cases(db: Database, actor: Any, category_id: int, n: int) -> None:
    svc = CaseService(db)
    for i in range(n):
        lon, lat = grid_centre(i % 4)
        svc.report(actor, NewCase(source=SourceChannel.PATROL, category_id=category_id, priority=Priority.NORMAL,
                                  description=f"#{i}", lon=lon, lat=lat), register=i == 0)


@contextmanager
def statements(db: Database) -> Iterator[list[tuple[str, Any]]]:
    """Every SQL statement the database's engine runs inside the block, with its parameters."""
    seen: list[tuple[str, Any]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def case_table_scans(db: Database, seen: list[tuple[str, Any]]) -> list[str]:
    """The plan steps that walk the whole case table or one of its indexes."""
    scans = []
    with db.engine.connect() as conn:
        for sql, params in seen:
            if "case_record" not in sql:
                continue
            plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params).all()
            scans += [f"{step[-1]}  ←  {sql}" for step in plan if step[-1].startswith("SCAN case_record")]
    return scans


def test_live_counts_agree_with_the_full_count(db, city, operator, clock) -> None:  # type: ignore[no-untyped-def]
    report_cases(db, operator, city.category_id, 5)
    clock.advance(days=10)  # past every registration deadline
    counts, full = live_counts(db), database_info(db)
    assert counts.open_cases == full.open_cases == 5
    assert counts.overdue_cases == full.overdue_cases > 0
    assert counts.open_by_status["reported"] == full.cases_by_status["reported"] == 4
    assert counts.schema_version == full.schema_version == full.schema_head


@pytest.mark.sqlite_only  # reads SQLite's query plan
def test_status_bar_counts_search_the_status_index_and_never_scan_cases(qtbot, db, city, operator) -> None:  # type: ignore[no-untyped-def]
    report_cases(db, operator, city.category_id, 3)
    window = build_window(db, "operator", runner=SynchronousRunner())
    try:
        with statements(db) as seen:
            window.refresh_counts()
        assert window.counts_label.text().startswith("Open 3 ")
        assert any("case_record" in sql for sql, _ in seen)
        assert case_table_scans(db, seen) == []
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_case_changes_during_a_drill_refresh_the_counts_at_most_once_per_period(qtbot, db, city,  # type: ignore[no-untyped-def]
                                                                              monkeypatch) -> None:
    window = build_window(db, "operator", runner=SynchronousRunner())
    try:
        runs: list[Database] = []

        def counted(database: Database) -> info.LiveCounts:
            runs.append(database)
            return live_counts(database)

        monkeypatch.setattr(facade_wall, "live_counts", counted)  # the status bar asks ctx.wall
        for _ in range(50):
            window.ctx.feed.changed.emit("case", [1])
        assert runs == [] and window._counts_soon.isActive()
        assert window._counts_soon.interval() >= 10_000
        window._counts_soon.timeout.emit()
        assert runs == [db]
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_the_overdue_count_follows_the_clock(db, city, operator, clock) -> None:  # type: ignore[no-untyped-def]
    report_cases(db, operator, city.category_id, 2)
    assert live_counts(db).overdue_cases == 0
    clock.advance(timedelta(days=10))
    assert live_counts(db).overdue_cases == 2
