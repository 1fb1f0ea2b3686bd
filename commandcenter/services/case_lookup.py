"""Finding cases the way people outside the centre name them: by case number, or by status and
report time, within the centres a user may see.

Screens know a case by its row (id and version); a 12345 bridge, a dashboard or a script knows
it only by its number (`20261125-00042`). Numbers are unique within a city's tree of centres,
and a user's scope lies inside one tree, so a number names at most one case they may see.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from ..db import Database
from ..domain.enums import CaseStatus
from ..errors import NotFound, ValidationError
from ..models import Case, to_epoch
from ..shapes.cases import CaseRow
from .case_queries import case_rows


def case_by_number(db: Database, centre_ids: Sequence[int], number: str) -> CaseRow:
    """The case numbered `number` among `centre_ids`' cases; NotFound when none of them has it
    (a case of another city or district is not told apart from one that does not exist)."""
    with db.read() as s:
        rows = case_rows(s, Case.case_number == number.strip(), Case.centre_id.in_(centre_ids), limit=1)
    if not rows:
        raise NotFound("case", number)
    return rows[0]


def find_cases(db: Database, centre_ids: Sequence[int], *, statuses: Iterable[str] = (),
               since: datetime | None = None, limit: int | None = None) -> list[CaseRow]:
    """Cases of `centre_ids`, newest report first: only those in `statuses` (any when empty) and
    reported at or after `since` (an aware datetime)."""
    wanted = []
    for status in statuses:
        try:
            wanted.append(CaseStatus(status).value)
        except ValueError:
            known = ", ".join(s.value for s in CaseStatus)
            raise ValidationError(f"unknown status {status!r}; known: {known}", field="status") from None
    where = [Case.centre_id.in_(centre_ids)]
    if wanted:
        where.append(Case.status.in_(wanted))
    if since is not None:
        if since.tzinfo is None:
            raise ValidationError("'since' needs a time zone (an aware datetime)", field="since")
        where.append(Case.reported_at >= to_epoch(since))
    with db.read() as s:
        return case_rows(s, *where, limit=limit)
