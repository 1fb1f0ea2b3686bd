"""Cached reference data is dropped by the change log, never by a screen.

A commit that records a change drops this process's stale entries; the GUI's change feed drops
them for other processes' commits before any screen hears of the change, so a slot that reloads
on the notice reads fresh data whatever the order slots were connected in.
"""

from __future__ import annotations

from sqlalchemy import select

from commandcenter.db import Database, open_database
from commandcenter.domain.entities import Entity
from commandcenter.gui.feed import ChangeFeed
from commandcenter.gui.tasks import SynchronousRunner
from commandcenter.models import Grid
from commandcenter.services.changefeed import record_change
from commandcenter.services.reference_lists import area_tree

from .factories import db_argument


def _rename_first_grid(db: Database, name: str, entity: Entity = Entity.GRID) -> int:
    with db.unit_of_work() as s:
        grid = s.scalars(select(Grid).order_by(Grid.id).limit(1)).one()
        grid.name = name
        record_change(s, db.clock.now(), entity, grid.id, "update")
        return grid.id


def test_a_commit_recording_a_change_drops_this_process_cache(db, city) -> None:  # type: ignore[no-untyped-def]
    before = area_tree(db)
    grid_id = _rename_first_grid(db, "改名网格")
    assert area_tree(db) is not before
    assert area_tree(db).grid(grid_id).name == "改名网格"


def test_a_change_to_another_entity_keeps_the_cache(db, city) -> None:  # type: ignore[no-untyped-def]
    before = area_tree(db)
    _rename_first_grid(db, "未通知的改名", entity=Entity.CASE)
    assert area_tree(db) is before


def test_the_feed_drops_the_cache_before_any_slot_runs(qapp, db, city) -> None:  # type: ignore[no-untyped-def]
    feed = ChangeFeed(db, SynchronousRunner())
    area_tree(db)  # cached in this seat
    other_seat = open_database(db_argument(db))
    try:
        grid_id = _rename_first_grid(other_seat, "别的席位改的")
    finally:
        other_seat.dispose()
    seen: list[tuple[str, str]] = []
    feed.changed.connect(lambda entity, _ids: seen.append((entity, area_tree(db).grid(grid_id).name)))
    feed.poll()
    assert seen == [(Entity.GRID, "别的席位改的")]
