"""Extension (延期) and suspension (挂账) requests: asked before the deadline, decided by a supervisor.

The operator records a request on behalf of the case's handler with a reason and the minutes
wanted; only a request made before the current stage's deadline is accepted, so time is never
granted after a lateness has happened. A supervisor's approval is the only way an extension
moves a deadline or a suspension stops a clock: `CaseService` calls these functions inside the
transaction of the case action (`request_*`, `extend`/`suspend` to approve, `refuse_*`), which
also writes the case history row with the action's own code, so 延期率 and 挂账率 count rows.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session, aliased

from ..domain.actions import Action
from ..domain.enums import STATUS_STAGE, CaseStatus, Stage, TimeRequestKind, TimeRequestState
from ..domain.lifecycle import is_allowed
from ..errors import RequestState, RequestTooLate, ValidationError
from ..models import Case, TimeRequest, User
from ..shapes.time_requests import TimeRequestRow
from .timelimits import TimeLimits

MAX_REQUEST_MINUTES = 30 * 24 * 60

# the action that asks, approves and refuses each kind
REQUEST_ACTIONS: dict[Action, TimeRequestKind] = {
    Action.REQUEST_EXTENSION: TimeRequestKind.EXTENSION,
    Action.REQUEST_SUSPENSION: TimeRequestKind.SUSPENSION,
}
DECISION_ACTIONS: dict[Action, tuple[TimeRequestKind, bool]] = {
    Action.EXTEND: (TimeRequestKind.EXTENSION, True),
    Action.REFUSE_EXTENSION: (TimeRequestKind.EXTENSION, False),
    Action.SUSPEND: (TimeRequestKind.SUSPENSION, True),
    Action.REFUSE_SUSPENSION: (TimeRequestKind.SUSPENSION, False),
}


def pending(s: Session, case_id: int, kind: TimeRequestKind) -> TimeRequest | None:
    return s.scalar(select(TimeRequest).where(TimeRequest.case_id == case_id, TimeRequest.kind == kind.value,
                                              TimeRequest.state == TimeRequestState.PENDING.value))


def ask(s: Session, case: Case, user_id: int | None, kind: TimeRequestKind, minutes: int | None,
        reason: str, now: datetime) -> TimeRequest:
    """Record a request for the case's handler; refused at or after the stage deadline."""
    # an extension is of the handling deadline; a suspension stops the clock that runs now
    deadline = case.handle_deadline_at if kind is TimeRequestKind.EXTENSION else case.stage_deadline_at
    if deadline is None or now >= deadline:
        raise RequestTooLate(case.case_number, kind.value, deadline or now)
    if not 0 < (minutes or 0) <= MAX_REQUEST_MINUTES:
        raise ValidationError("the time wanted must be between 1 minute and 30 days", field="minutes")
    if pending(s, case.id, kind) is not None:
        raise RequestState(case.case_number, kind.value, pending=True)
    request = TimeRequest(
        case_id=case.id, kind=kind.value, state=TimeRequestState.PENDING.value, minutes=minutes, reason=reason,
        stage=STATUS_STAGE[CaseStatus(case.status)].value, stage_deadline_at=deadline,
        requested_at=now, requested_by=user_id, officer_id=case.assignee_officer_id,
        department_id=case.assignee_department_id, decision_note="",
    )
    s.add(request)
    return request


def decide(s: Session, case: Case, user_id: int | None, kind: TimeRequestKind, approved: bool, note: str,
           now: datetime) -> TimeRequest:
    """Approve or refuse the case's pending request of `kind`; the caller applies an approval."""
    request = pending(s, case.id, kind)
    if request is None:
        raise RequestState(case.case_number, kind.value, pending=False)
    request.state = (TimeRequestState.APPROVED if approved else TimeRequestState.REFUSED).value
    request.decided_at = now
    request.decided_by = user_id
    request.decision_note = note
    return request


def lapse(s: Session, case: Case, now: datetime) -> None:
    """Pending requests the case's new status can no longer grant lapse: the handler fed back
    before a supervisor decided, the case was sent back, closed or merged. A suspension keeps an
    extension request waiting."""
    status = CaseStatus(case.status)
    if status is CaseStatus.SUSPENDED:
        return
    gone = [kind.value for action, (kind, approved) in DECISION_ACTIONS.items()
            if approved and not is_allowed(action, status)]
    if gone:
        s.execute(update(TimeRequest).where(
            TimeRequest.case_id == case.id, TimeRequest.state == TimeRequestState.PENDING.value,
            TimeRequest.kind.in_(gone)).values(state=TimeRequestState.LAPSED.value, decided_at=now))


def case_requests(s: Session, case_id: int) -> tuple[TimeRequestRow, ...]:
    """Every request of a case, oldest first (the detail shows the pending ones and the decisions)."""
    asker, decider = aliased(User), aliased(User)
    rows = s.execute(
        select(TimeRequest, asker.display_name, decider.display_name)
        .outerjoin(asker, asker.id == TimeRequest.requested_by)
        .outerjoin(decider, decider.id == TimeRequest.decided_by)
        .where(TimeRequest.case_id == case_id)
        .order_by(TimeRequest.id)
    ).all()
    return tuple(
        TimeRequestRow(
            id=r.id, case_id=r.case_id, kind=r.kind, state=r.state, minutes=r.minutes, reason=r.reason,
            stage_deadline_at=r.stage_deadline_at, requested_at=r.requested_at, requested_by=a or "",
            decided_at=r.decided_at, decided_by=d or "", decision_note=r.decision_note,
        )
        for r, a, d in rows
    )


def apply(s: Session, case: Case, user_id: int | None, action: Action, minutes: int | None, note: str,
          now: datetime, limits: TimeLimits) -> str:
    """A request, a decision or a resume on `case` (locked by the caller); returns the history note.

    `note` is the cleaned text: the reason of a request or a refusal (required), a comment
    on an approval. An approved extension moves the stage clock, the handling deadline and the
    assessment deadline by its minutes on the handling clock; an approved suspension stops the
    clock, and RESUME carries what was left of every deadline over to the resume.
    """
    if action in REQUEST_ACTIONS:
        if not note:
            raise ValidationError("a reason is required", field="reason")
        request = ask(s, case, user_id, REQUEST_ACTIONS[action], minutes, note, now)
        return f"+{request.minutes} min: {note}"
    if action is Action.RESUME:
        _resume(case, now, limits)
        return note
    kind, approved = DECISION_ACTIONS[action]
    if not approved and not note:
        raise ValidationError("a reason is required", field="reason")
    request = decide(s, case, user_id, kind, approved, note, now)
    text = f"+{request.minutes} min" + (f": {note}" if note else "")
    if not approved:
        return note
    if kind is TimeRequestKind.EXTENSION:
        _extend(case, request.minutes, limits)
    else:
        case.suspended_from = case.status
        case.suspended_at = now
    return text


def _extend(case: Case, minutes: int, limits: TimeLimits) -> None:
    """The handling deadline and the assessment deadline move by `minutes` on the handling clock;
    so does the stage clock when it is the handling one (not while acceptance is awaited)."""
    _, unit = limits.limit(case.category_id, case.priority, Stage.HANDLE)
    for attr in ("handle_deadline_at", "assess_deadline_at"):
        value = getattr(case, attr)
        if value is not None:
            setattr(case, attr, limits.calendar.add(value, minutes, unit))
    if STATUS_STAGE[CaseStatus(case.status)] is Stage.HANDLE and case.handle_deadline_at is not None:
        clock = limits.until(case.category_id, case.priority, Stage.HANDLE, case.handle_deadline_at)
        case.stage_remind_at, case.stage_deadline_at = clock.remind_at, clock.deadline_at
        case.escalation_level = 0
    case.extended_minutes += minutes


def _resume(case: Case, now: datetime, limits: TimeLimits) -> None:
    assert case.suspended_at is not None and case.suspended_from is not None
    paused_at = case.suspended_at
    case.suspended_seconds += int((now - paused_at).total_seconds())
    stage = STATUS_STAGE[CaseStatus(case.suspended_from)]
    _, unit = limits.limit(case.category_id, case.priority, stage)
    if case.stage_deadline_at is not None:
        clock = limits.until(case.category_id, case.priority, stage,
                             limits.carried(case.stage_deadline_at, paused_at, now, unit))
        case.stage_remind_at, case.stage_deadline_at = clock.remind_at, clock.deadline_at
    _, handle_unit = limits.limit(case.category_id, case.priority, Stage.HANDLE)
    for attr in ("handle_deadline_at", "assess_deadline_at"):
        value = getattr(case, attr)
        if value is not None:
            setattr(case, attr, limits.carried(value, paused_at, now, handle_unit))
    case.suspended_at = None
    case.suspended_from = None
