"""The roster's bulk duty change as one service call: one transaction for the whole selection,
yet each officer is refused on its own (a stale or missing officer does not undo the others)."""

from __future__ import annotations

import pytest
from sqlalchemy import event, func, select

from commandcenter.domain.enums import DutyStatus
from commandcenter.errors import NotFound, PermissionDenied
from commandcenter.models import DutyChange
from commandcenter.services.roster import (
    StaleOfficer,
    officer_row,
    set_duty_status,
    set_duty_statuses,
)


def test_bulk_duty_change_is_one_transaction_refusing_officers_one_by_one(db, city, supervisor) -> None:  # type: ignore[no-untyped-def]
    zhang, wang, li = city.officer_ids[:3]
    stale = officer_row(db, wang)
    set_duty_status(db, supervisor, wang, DutyStatus.IN_FIELD)  # another seat got there first
    commits: list[object] = []  # reads roll back: a commit is a write transaction, on either engine
    event.listen(db.engine, "commit", commits.append)
    result = set_duty_statuses(db, supervisor, [(zhang, officer_row(db, zhang).version), (wang, stale.version),
                                                (10**9, None), (li, None)], DutyStatus.ON_LEAVE)
    assert [r.id for r in result.done] == [zhang, li]
    assert all(r.duty_status == "on_leave" for r in result.done)
    (first, why_stale), (second, why_missing) = result.failed
    assert first == wang and isinstance(why_stale, StaleOfficer) and why_stale.duty_status == "in_field"
    assert second == 10**9 and isinstance(why_missing, NotFound)
    assert officer_row(db, wang).duty_status == "in_field"
    assert len(commits) == 1  # one write transaction for all
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(DutyChange).where(DutyChange.to_status == "on_leave")) == 2


def test_bulk_duty_change_needs_the_roster_permission(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        set_duty_statuses(db, operator, [(city.officer_ids[0], None)], DutyStatus.OFF_DUTY)
