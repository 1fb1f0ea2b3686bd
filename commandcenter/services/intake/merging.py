"""Merging a duplicate into the case that survives, inside the lifecycle's transaction.

`CaseService` applies the MERGE action through the state machine (the duplicate becomes
`merged`, its history stays with it and points to the survivor); this module checks the pair
and carries over what the survivor must keep: every caller of the duplicate becomes a further
reporter of the survivor, and the survivor's history, change log and audit trail say so. Both
cases change in the caller's one transaction, so a merge is whole or not at all.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from ...domain.entities import Entity
from ...domain.enums import OPEN_STATUSES, CaseStatus
from ...errors import MergeRefused, NotFound, ValidationError
from ...models import Case, CaseHistory, CaseReporter, to_epoch
from .. import audit
from ..auth import Principal
from ..changefeed import record_change

MERGE_IN = "merge_in"  # the survivor's history step: a duplicate's report joined it


def survivor(s: Session, case: Case, target_id: int | None) -> Case:
    """The case `case` may be merged into, or a typed refusal."""
    if target_id is None:
        raise ValidationError("choose the case to merge into", field="merge_into")
    if target_id == case.id:
        raise MergeRefused("same_case", case.case_number, case.case_number)
    target = s.get(Case, target_id)
    if target is None:
        raise NotFound("case", target_id)
    if CaseStatus(target.status) not in OPEN_STATUSES:
        raise MergeRefused("survivor_closed", case.case_number, target.case_number, target.status)
    if target.centre_id != case.centre_id:
        raise MergeRefused("other_centre", case.case_number, target.case_number)
    return target


def absorb(s: Session, case: Case, target: Case, actor: Principal, now: datetime) -> str:
    """Move `case`'s callers to `target` and write the survivor's side; returns the duplicate's note.

    The statements run before either case's attributes change, so neither is flushed early
    (each case's version steps once, as after any other action).
    """
    s.execute(update(CaseReporter).where(CaseReporter.case_id == case.id).values(case_id=target.id))
    s.execute(insert(CaseReporter).values(
        case_id=target.id, name=case.reporter_name, phone=case.reporter_phone, privacy=case.reporter_privacy,
        source=case.source, reported_at=to_epoch(case.reported_at), from_case_id=case.id, added_at=to_epoch(now),
        added_by=actor.user_id))
    history_id = s.execute(insert(CaseHistory).values(
        case_id=target.id, at=to_epoch(now), action=MERGE_IN, from_status=target.status, to_status=target.status,
        user_id=actor.user_id, note=f"{case.case_number}: {case.description}"[:500],
        deadline_at=target.assess_deadline_at if target.handle_deadline_at is not None else None,
        stage_deadline_at=target.stage_deadline_at,
    ).returning(CaseHistory.id)).scalar_one()
    audit.append(s, actor, MERGE_IN, "case", target.id,
                 {"case_number": target.case_number, "merged": case.case_number}, at=now, history_id=history_id)
    record_change(s, now, Entity.CASE, target.id, "update", target.centre_id)
    case.merged_into_id = target.id
    case.merged_at = now
    case.merged_by = actor.user_id
    target.updated_at = now
    flag_modified(target, "updated_at")  # the survivor changed too: other seats must reload it
    return f"merged into {target.case_number}"
