"""Screens show times in the signed-in centre's own zone, not a zone written into a widget."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import update

from commandcenter.gui.localtime import format_local
from commandcenter.itemmodels.wall import COLUMN_INDEX, WallModel
from commandcenter.models import CommandCentre
from commandcenter.services.auth import demo_principal
from commandcenter.services.wall import WallScope, load_wall

from .test_wall_model import make_cases


def test_format_local_uses_the_zone_given() -> None:
    at = datetime(2026, 11, 25, 1, 30, tzinfo=UTC)
    assert format_local(at, "Asia/Shanghai") == "2026-11-25 09:30"
    assert format_local(at, "Asia/Urumqi", "%H:%M") == "07:30"
    assert format_local(None, "Asia/Shanghai") == "—"


def test_the_wall_shows_received_times_on_the_centres_clock(qapp, db, city, clock) -> None:  # type: ignore[no-untyped-def]
    with db.unit_of_work() as s:
        s.execute(update(CommandCentre).values(timezone="Asia/Urumqi"))
    operator = demo_principal(db, "operator")
    assert operator.timezone == "Asia/Urumqi"
    _, rows = make_cases(db, city, operator, clock, n=1)
    model = WallModel(now=db.clock.now, timezone=operator.timezone)
    model.set_rows(load_wall(db, WallScope(centre_ids=operator.centre_ids)).rows)
    shown = model.index(0, COLUMN_INDEX["received"]).data()
    assert shown == format_local(rows[0].reported_at, "Asia/Urumqi", "%m-%d %H:%M")
    assert shown != format_local(rows[0].reported_at, "Asia/Shanghai", "%m-%d %H:%M")
