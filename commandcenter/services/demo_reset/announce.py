"""What both engines' resets share: what changed since the snapshot, telling the seats, the audit entry.

Seats' change feeds remember the newest change-log id they saw, and the restored log ends
earlier; so a reset appends its change entries *after* the live log's newest id: again each row
the log named since the snapshot (added, changed or gone now: every change a live screen can
show is logged, so these are the rows a seat may hold stale), and one `Entity.DEMO` entry on
which screens load again. The reset is audited like any change, on the snapshot's chain.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from ...domain.entities import Entity
from ...models import ChangeLog, to_epoch
from .. import audit
from ..auth import Principal

# `{live}` and `{snap}` are the schema prefixes ("main." and "snap." on SQLite, "" and
# "demo_snapshot." on PostgreSQL); no parameters, so both drivers run the same text
_NEWEST = "SELECT COALESCE(MAX(id), 0) FROM {live}change_log"
_CHANGED = ("SELECT DISTINCT entity, entity_id FROM {live}change_log "
            "WHERE id > (SELECT COALESCE(MAX(id), 0) FROM {snap}change_log) ORDER BY entity, entity_id")
_CASES = "SELECT count(*) FROM {live}case_record"


@dataclass(frozen=True)
class Differences:
    """The live log's newest change id, the (entity, id) pairs changed since the snapshot, the live cases."""

    newest_change: int
    changed: list[tuple[str, int]]
    cases: int


def differences(run: Callable[[str], Sequence[Sequence[Any]]], live: str, snap: str) -> Differences:
    """Read the differences through `run` (a query → rows function of either driver)."""
    def one(sql: str) -> int:
        return int(run(sql.format(live=live, snap=snap))[0][0])

    changed = [(str(e), int(i)) for e, i in run(_CHANGED.format(live=live, snap=snap))]
    return Differences(newest_change=one(_NEWEST), changed=changed, cases=one(_CASES))


def count_cases(run: Callable[[str], Sequence[Sequence[Any]]], live: str) -> int:
    return int(run(_CASES.format(live=live))[0][0])


def append_changes(s: Session, changed: list[tuple[str, int]], first_id: int, now: datetime) -> int:
    """Name every changed row again, and the demo itself, from `first_id` on; the last id written."""
    at = to_epoch(now)
    rows = [{"entity": entity, "entity_id": i, "op": "update"} for entity, i in changed]
    rows.append({"entity": Entity.DEMO.value, "entity_id": 0, "op": "update"})
    s.execute(insert(ChangeLog), [{"id": first_id + n, "at": at, "centre_id": None, **row}
                                  for n, row in enumerate(rows)])
    return first_id + len(rows) - 1


def audit_reset(s: Session, principal: Principal | None, snapshot: str, before: Differences, cases_after: int) -> None:
    audit.append(s, principal, "reset_demo", "demo", None,
                 {"snapshot": snapshot, "cases_before": before.cases, "cases_after": cases_after,
                  "rows_changed": len(before.changed)})
