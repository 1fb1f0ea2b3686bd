"""A supervisor's answer to an early warning (事前预警): acknowledge, act, or dismiss (ctx.warning_actions).

Each is one transaction that marks the warning (status, note, who, when), writes the change log
and the audit trail and, for `act`, enters the patrol task or case in the same transaction
through the case service, so a warning is never marked without its case nor a case opened for
a warning left open. A warning is answered once: the mark is a conditional UPDATE on the
status still being open, so of two supervisors answering at once exactly one wins and the
other gets `WarningAlreadyHandled` naming who answered and when, with nothing changed. A
warning the detectors re-open (new evidence) can be answered again.

`act` opens one of two things at the place of the warning's newest evidence case:
- a patrol task: a case from the patrol channel, registered and dispatched at once to an
  officer responsible for that grid (one on duty or in the field first), so it reaches the
  officer's list and is clocked, escalated and closed like any case;
- a case: registered, for the centre to dispatch as it judges.
Either way the warning's `linked_case_id` names it. The wording of its description comes from
the screen (services carry no wording); a description is required, like a note or a reason.
"""

from __future__ import annotations

import json
from datetime import datetime
from enum import StrEnum

from sqlalchemy import case as sql_case
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..db import Database
from ..domain.actions import NOTE_MAX_CHARS, Action
from ..domain.entities import Entity
from ..domain.enums import AVAILABLE_DUTY, Priority, SourceChannel
from ..errors import NotFound, ValidationError, WarningAlreadyHandled
from ..models import Case, EarlyWarning, Officer, OfficerGrid, User
from ..shapes.cases import NewCase
from ..shapes.warnings import WarningItem, WarningKind, WarningStatus
from .auth import Principal, in_scope, refusals_audited
from .changefeed import record_change
from .facade.base import ServiceBase
from .lifecycle import CaseService, TransitionParams, write_audit
from .validation import clean_text
from .warnings import WarningService

# a pattern that can turn into an incident (the parties of a dispute, a spreading cluster) is
# sent out ahead of routine work; the others at the normal priority
URGENT_KINDS = frozenset({WarningKind.DISPUTE_PAIR, WarningKind.CLUSTER})
AUDIT_ACTIONS = {WarningStatus.ACKNOWLEDGED: "acknowledge_warning", WarningStatus.ACTED: "act_on_warning",
                 WarningStatus.DISMISSED: "dismiss_warning"}


class ActKind(StrEnum):
    """What `act` opens for a warning."""

    PATROL = "patrol"  # a patrol task dispatched to the grid's officer
    CASE = "case"  # a registered case for the centre to dispatch


class WarningActionService(ServiceBase):
    """Acknowledge, act on and dismiss early warnings, each one audited transaction."""

    def __init__(self, db: Database, cases: CaseService, warnings: WarningService) -> None:
        super().__init__(db)
        self.cases = cases
        self.warnings = warnings

    def acknowledge(self, principal: Principal, warning_id: int, note: str) -> WarningItem:
        """Seen, and why it needs no action now (the note is required)."""
        return self._answer(principal, warning_id, WarningStatus.ACKNOWLEDGED, note, "note")

    def dismiss(self, principal: Principal, warning_id: int, reason: str) -> WarningItem:
        """A false alarm, and why (the reason is required)."""
        return self._answer(principal, warning_id, WarningStatus.DISMISSED, reason, "reason")

    def act(self, principal: Principal, warning_id: int, kind: ActKind, description: str) -> WarningItem:
        """Open a patrol task or a case for the warning; its description is also the warning's note."""
        kind = ActKind(kind)
        return self._answer(principal, warning_id, WarningStatus.ACTED, description, "description", act=kind)

    # ---- internals --------------------------------------------------------------------
    def _answer(self, principal: Principal, warning_id: int, status: WarningStatus, text: str, field: str,
                act: ActKind | None = None) -> WarningItem:
        self.allow(principal, Action.ACT_ON_WARNING, entity=Entity.WARNING.value, entity_id=warning_id)
        note = clean_text(text, field, column=EarlyWarning.action_note, limit=NOTE_MAX_CHARS, required=True)
        now = self.db.clock.now()
        with refusals_audited(self.db, principal, Action.ACT_ON_WARNING, Entity.WARNING.value, warning_id), \
                self.db.unit_of_work() as s:
            warning = s.get(EarlyWarning, warning_id)
            if warning is None:
                raise NotFound("warning", warning_id)
            in_scope(principal, Action.ACT_ON_WARNING, warning.centre_id)
            detail: dict[str, object] = {"kind": warning.kind, "status": status.value, field: note}
            linked: int | None = None
            if act is not None:
                linked = self._open_case(s, principal, warning, act, note, now)
                detail.update(opened=act.value, case_id=linked)
            done = s.execute(
                update(EarlyWarning)
                .where(EarlyWarning.id == warning_id, EarlyWarning.status == WarningStatus.OPEN.value)
                .values(status=status.value, action_note=note, acted_by_user_id=principal.user_id, acted_at=now,
                        linked_case_id=linked if linked is not None else EarlyWarning.linked_case_id,
                        updated_at=now, version=EarlyWarning.version + 1)
                .execution_options(synchronize_session=False)
            ).rowcount
            if not done:
                raise self._handled(s, warning_id)
            record_change(s, now, Entity.WARNING, warning_id, "update", warning.centre_id)
            write_audit(s, principal, now, AUDIT_ACTIONS[status], Entity.WARNING.value, warning_id, detail)
        return self.warnings.get(principal, warning_id)

    @staticmethod
    def _handled(s: Session, warning_id: int) -> WarningAlreadyHandled:
        """Who answered the warning first (read in the same transaction that lost)."""
        row = s.execute(select(EarlyWarning.status, User.display_name, EarlyWarning.acted_at)
                        .outerjoin(User, User.id == EarlyWarning.acted_by_user_id)
                        .where(EarlyWarning.id == warning_id)).one()
        return WarningAlreadyHandled(warning_id, row[0], row[1] or "", row[2])

    def _open_case(self, s: Session, principal: Principal, warning: EarlyWarning, act: ActKind, note: str,
                   now: datetime) -> int:
        """Enter the patrol task or case at the newest evidence case's place; its id."""
        evidence = [int(c) for c in json.loads(warning.case_ids or "[]")]
        if not evidence:
            raise ValidationError("this warning holds no case to place a patrol task or case at", field="warning")
        newest = s.execute(select(Case.category_id, Case.grid_id, Case.lon, Case.lat, Case.address)
                           .where(Case.id.in_(evidence)).order_by(Case.reported_at.desc(), Case.id.desc())
                           .limit(1)).one()
        priority = Priority.HIGH if WarningKind(warning.kind) in URGENT_KINDS else Priority.NORMAL
        officer_id = self._grid_officer(s, newest.grid_id) if act is ActKind.PATROL else None
        case = self.cases.enter(s, principal, NewCase(
            source=SourceChannel.PATROL, category_id=newest.category_id, priority=priority, description=note,
            lon=newest.lon, lat=newest.lat, grid_id=newest.grid_id, address=newest.address), now, register=True)
        if officer_id is not None:
            self.cases.apply_in(s, case, principal, Action.DISPATCH, TransitionParams(officer_id=officer_id, note=note),
                                now)
        return case.id

    @staticmethod
    def _grid_officer(s: Session, grid_id: int) -> int:
        """An officer responsible for the grid: one on duty or in the field first, then the first."""
        available = sql_case((Officer.duty_status.in_([d.value for d in AVAILABLE_DUTY]), 0), else_=1)
        officer = s.scalar(select(Officer.id).join(OfficerGrid, OfficerGrid.officer_id == Officer.id)
                           .where(OfficerGrid.grid_id == grid_id).order_by(available, Officer.id).limit(1))
        if officer is None:
            raise ValidationError("no grid officer is responsible for this grid: open a case instead",
                                  field="officer", problem="no_grid_officer")
        return officer
