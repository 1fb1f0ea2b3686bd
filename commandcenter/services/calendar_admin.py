"""Maintaining the holiday calendar: a new year's holidays and adjusted working weekends.

China's State Council announces each year's dates late in the year before; until an admin
adds them, working-time limits in that year count Monday to Friday only (see worktime.py).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import delete, select

from ..db import Database
from ..domain.actions import Action
from ..domain.entities import Entity
from ..errors import ImportRejected
from ..models import CalendarDay, CalendarYear
from .auth import Principal, authorize
from .changefeed import record_change
from .lifecycle import write_audit
from .validation import column_limit

NAME_LIMIT = column_limit(CalendarDay.name)  # what the schema holds (PostgreSQL refuses more)


@dataclass(frozen=True)
class CalendarEntry:
    day: date
    kind: str  # holiday | workday
    name: str


def list_days(db: Database, year: int) -> tuple[list[CalendarEntry], bool]:
    """The exceptions of a year and whether the year is marked complete."""
    with db.read() as s:
        rows = s.execute(
            select(CalendarDay.day, CalendarDay.kind, CalendarDay.name)
            .where(CalendarDay.day >= date(year, 1, 1), CalendarDay.day <= date(year, 12, 31))
            .order_by(CalendarDay.day)
        ).all()
        covered = s.get(CalendarYear, year) is not None
    return [CalendarEntry(d, k, n) for d, k, n in rows], covered


def parse_calendar_csv(path: Path) -> list[CalendarEntry]:
    """`date,kind,name` rows (UTF-8 with or without BOM, or GBK); any bad row refuses the file."""
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gbk"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportRejected(str(path), [("file", "not UTF-8 or GBK text")])
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or {"date", "kind"} - {f.strip() for f in reader.fieldnames}:
        raise ImportRejected(str(path), [("line 1", "the header must have the columns date,kind[,name]")])
    entries, problems, seen = [], [], set()
    for line, row in enumerate(reader, start=2):
        row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        try:
            day = date.fromisoformat(row["date"])
        except ValueError:
            problems.append((f"line {line}", f"not a date (YYYY-MM-DD): {row['date']!r}"))
            continue
        if row["kind"] not in ("holiday", "workday"):
            problems.append((f"line {line}", f"kind must be holiday or workday, not {row['kind']!r}"))
            continue
        if day in seen:
            problems.append((f"line {line}", f"{day} appears twice"))
            continue
        if len(row.get("name", "")) > NAME_LIMIT:
            problems.append((f"line {line}", f"the name is longer than {NAME_LIMIT} characters"))
            continue
        seen.add(day)
        entries.append(CalendarEntry(day, row["kind"], row.get("name", "")))
    if problems:
        raise ImportRejected(str(path), problems)
    return entries


def set_year(db: Database, actor: Principal, year: int, entries: list[CalendarEntry],
             source: str) -> int:
    """Replace a year's exceptions with `entries` and mark the year complete, in one transaction."""
    authorize(db, actor, Action.MANAGE_HOLIDAYS)
    outside = [e.day for e in entries if e.day.year != year]
    if outside:
        raise ImportRejected(source, [(str(d), f"not in {year}") for d in outside])
    now = db.clock.now()
    with db.unit_of_work() as s:
        s.execute(delete(CalendarDay).where(CalendarDay.day >= date(year, 1, 1), CalendarDay.day <= date(year, 12, 31)))
        s.add_all(CalendarDay(day=e.day, kind=e.kind, name=e.name) for e in entries)
        covered = s.get(CalendarYear, year)
        if covered is None:
            s.add(CalendarYear(year=year, source=source[:60]))
        else:
            covered.source = source[:60]
        write_audit(s, actor, now, "set_calendar_year", "calendar", year, {"days": len(entries), "source": source})
        record_change(s, now, Entity.CALENDAR, year, "update")
    return len(entries)
