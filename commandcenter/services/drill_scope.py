"""Drill safety: a drill feeds only demo databases, and drill cases never count as real work.

The drill feed refuses a database not marked as demo (`app_meta.is_demo`) before it writes
anything. Every case it writes carries `is_drill`; the figures of a production database (KPIs,
briefings, counts) leave such cases out, so a drill that ever reached one could not pass for
work done. On a demo database every case counts: trainers print briefings of their drills.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, exists, or_, select
from sqlalchemy.orm import Session

from ..db import Database
from ..errors import NotADemoDatabase
from ..models import AppMeta, Case


def is_demo(session: Session) -> bool:
    return session.scalar(select(AppMeta.value).where(AppMeta.key == "is_demo")) == "1"


def require_demo(db: Database) -> None:
    """Raise NotADemoDatabase unless `db` is marked as demo; reads only."""
    with db.read() as s:
        demo = is_demo(s)
    if not demo:
        raise NotADemoDatabase(db.display_name)


def counted_in_figures() -> ColumnElement[bool]:
    """The cases a figure counts: not drill cases, unless the database is a demo one.

    One condition for any query over `Case`; the demo test is an uncorrelated subquery the
    database evaluates once per statement, not once per case.
    """
    demo = exists(select(AppMeta.key).where(AppMeta.key == "is_demo", AppMeta.value == "1"))
    return or_(Case.is_drill.is_(False), demo)
