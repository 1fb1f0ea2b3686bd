"""Helpers shared by the Open311 tests: a service list, a database snapshot, a second city."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from commandcenter.clock import FrozenClock
from commandcenter.db import Database, open_database
from commandcenter.interchange import files, mapping
from commandcenter.models import (
    AuditEntry,
    Case,
    CaseHistory,
    ChangeLog,
    DailySequence,
    Open311Service,
)
from commandcenter.services.auth import demo_principal, system_principal

from .factories import build_tiny_city


def offer_every_category(db: Database, folder: Path) -> Path:
    """The admin's way: export the template, import it as the service list; returns the file."""
    path = folder / "services.json"
    path.write_text(files.export_services(db, demo_principal(db, "admin"), template=True), encoding="utf-8")
    mapping.import_services(db, path, system_principal(db, "importer"))
    return path


def snapshot(db: Database) -> tuple[int, ...]:
    """Row counts of everything an import or an intake writes."""
    with db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) or 0
                     for t in (Case, CaseHistory, AuditEntry, ChangeLog, DailySequence, Open311Service))


def second_city(path: Path, clock: FrozenClock) -> Database:
    """Another database of the same hand-built city (the factory takes no seed: it is the same
    city every time), with no case history."""
    db = open_database(path, clock=clock, create=True)
    build_tiny_city(db)
    return db
