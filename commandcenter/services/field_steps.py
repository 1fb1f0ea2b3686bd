"""The field steps of the closed loop: send-back, field check, on-the-spot handling, follow-up.

`CaseService._apply` checks the permission and the state machine and writes the history; what
these steps do to the case is decided here, so the lifecycle keeps its one transaction and
this module keeps the rules a centre is assessed on. Every step is its own `case_history`
action code, which is what the briefing counts (as of a period's end) from the history:

| action code     | from → to                     | counts in                                   |
| --------------- | ----------------------------- | ------------------------------------------- |
| `accept`        | dispatched → accepted         | 签收 within the `accept` stage limit         |
| `send_back`     | dispatched/accepted → registered | 派遣准确率 (退回): officer_id / department_id name the unit that sent it back |
| `request_check` | fed_back → checking           | 核查 requested; officer_id is the grid officer |
| `confirm_check` | checking → fed_back           | field check found it resolved (evidence column) |
| `fail_check`    | checking → dispatched         | not resolved: a rework (返工) like `return_for_rework` |
| `solve_on_spot` | reported → closed             | 自处率 (即时办结); officer_id solved it, evidence column |
| `follow_up`     | closed → closed               | 满意率: `outcome` is satisfied / basically_satisfied / unsatisfied |

A reopening after an unsatisfied follow-up is the ordinary `reopen` row; the earlier closure
and follow-up stay in the history. Anonymous and confidential reporters are never called back.
`follow_ups_due` lists the closed cases still waiting for their call.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import Database
from ..domain.actions import NOTE_MAX_CHARS, Action
from ..domain.enums import CaseStatus, ReporterPrivacy, Satisfaction, Stage
from ..domain.privacy import mask_address, mask_name, mask_phone, mask_phones_in_text
from ..errors import IllegalTransition, NotFound, ValidationError
from ..models import Case, CaseHistory, Category, Grid, Officer, OfficerGrid, to_epoch
from ..shapes.follow_up import FollowUpDue
from .auth import Principal
from .personal_data import sees_personal_data
from .validation import clean_text

# the actions whose effect on the case this module decides (reopen only clears the follow-up)
FIELD_STEPS: frozenset[Action] = frozenset({
    Action.SEND_BACK, Action.REQUEST_CHECK, Action.CONFIRM_CHECK, Action.FAIL_CHECK, Action.SOLVE_ON_SPOT,
    Action.FOLLOW_UP, Action.REOPEN,
})
# a follow-up call is made within this many days of the closure; later ones are listed as late
FOLLOW_UP_DAYS = 3


@dataclass(frozen=True)
class StepRecord:
    """What the step's history row records besides the status change."""

    note: str
    officer_id: int | None = None
    department_id: int | None = None
    outcome: str = ""
    evidence: str = ""


def _note(text: str | None, field: str, required: bool) -> str:
    return clean_text(text, field, column=CaseHistory.note, limit=NOTE_MAX_CHARS, required=required)


def _evidence(text: str | None) -> str:
    return clean_text(text, "evidence", column=CaseHistory.evidence)


def grid_officer(s: Session, grid_id: int) -> int:
    """The officer who checks a grid on site: its responsible officer (the first by id)."""
    officer_id = s.scalar(select(OfficerGrid.officer_id).where(OfficerGrid.grid_id == grid_id)
                          .order_by(OfficerGrid.officer_id).limit(1))
    if officer_id is None:
        raise ValidationError("no grid officer is responsible for this grid: choose the officer", field="officer")
    return officer_id


def may_follow_up(privacy: str, phone: str) -> bool:
    """Whether the reporter is called back: named, with a number to call."""
    return privacy == ReporterPrivacy.NAMED and bool(phone.strip())


def apply_field_step(s: Session, case: Case, action: Action, note: str, officer_id: int | None, evidence: str,
                     satisfaction: str | None, now: datetime,
                     start_stage: Callable[[Stage, datetime], None]) -> StepRecord:
    """Change `case` for one field step (the state machine has allowed it); what the history records.

    `start_stage` is the lifecycle's own stage-clock starter, so these stages run on the same
    clocks as every other. A failed check has already been through the rework rules.
    """
    if action is Action.SEND_BACK:
        record = StepRecord(_note(note, "reason", True), case.assignee_officer_id, case.assignee_department_id)
        case.assignee_officer_id = case.assignee_department_id = None
        case.dispatched_at = case.accepted_at = None
        case.handle_deadline_at = None
        start_stage(Stage.DISPATCH, now)
        return record
    if action is Action.REQUEST_CHECK:
        checker = officer_id or grid_officer(s, case.grid_id)
        if s.get(Officer, checker) is None:
            raise NotFound("officer", checker)
        case.check_officer_id = checker
        start_stage(Stage.CHECK, now)
        return StepRecord(_note(note, "note", False), checker)
    if action in (Action.CONFIRM_CHECK, Action.FAIL_CHECK):
        # a failed check's row names the handling unit the rework counts against, as a return
        # for rework does; the checking officer is named on the request
        checker = case.check_officer_id if action is Action.CONFIRM_CHECK else None
        record = StepRecord(_note(note, "result", True), checker, evidence=_evidence(evidence))
        case.check_officer_id = None
        if action is Action.CONFIRM_CHECK:
            start_stage(Stage.VERIFY, now)
        return record
    if action is Action.SOLVE_ON_SPOT:
        solver = officer_id or grid_officer(s, case.grid_id)  # the grid's own officer unless named
        if s.get(Officer, solver) is None:
            raise NotFound("officer", solver)
        record = StepRecord(_note(note, "result", True), solver, evidence=_evidence(evidence))
        case.assignee_officer_id = solver
        case.registered_at = case.fed_back_at = case.closed_at = now
        case.stage_started_at = case.stage_deadline_at = None
        return record
    if action is Action.FOLLOW_UP:
        if not may_follow_up(case.reporter_privacy, case.reporter_phone):
            raise ValidationError("this reporter is anonymous, confidential or left no number: no follow-up call",
                                  field="reporter")
        if case.followed_up_at is not None:
            raise IllegalTransition(case.case_number, "followed_up", action.value)
        if satisfaction is None:
            raise ValidationError("choose how satisfied the reporter is", field="satisfaction")
        answer = Satisfaction(satisfaction)
        record = StepRecord(_note(note, "note", answer is Satisfaction.UNSATISFIED), outcome=answer.value)
        case.followed_up_at, case.satisfaction = now, answer.value
        return record
    # a reopening starts a new cycle: its closure will have its own follow-up
    case.followed_up_at = case.satisfaction = None
    case.check_officer_id = None
    return StepRecord(note)


def follow_ups_due(db: Database, viewer: Principal, limit: int = 500) -> tuple[FollowUpDue, ...]:
    """Closed cases of the viewer's centres whose reporter is still to be called back, oldest
    closure first; names, numbers and addresses masked unless the viewer may read them (an
    operator reveals the one number to call through `personal_data.reveal`, audited)."""
    now = db.clock.now()
    centre_ids = viewer.centre_ids
    clear = sees_personal_data(db, viewer)
    with db.read() as s:
        rows = s.execute(
            select(Case.id, Case.case_number, Case.version, Case.closed_at, Case.reporter_name, Case.reporter_phone,
                   Case.address, Case.description, Category.code, Category.name_zh, Category.name_en, Grid.code)
            .join(Category, Category.id == Case.category_id)
            .join(Grid, Grid.id == Case.grid_id)
            .where(Case.centre_id.in_(list(centre_ids)), Case.status == CaseStatus.CLOSED.value,
                   Case.followed_up_at.is_(None), Case.reporter_privacy == ReporterPrivacy.NAMED.value,
                   Case.reporter_phone != "")
            .order_by(Case.closed_at, Case.id)
            .limit(limit)
        ).all()
    late = now - timedelta(days=FOLLOW_UP_DAYS)
    return tuple(
        FollowUpDue(id=r[0], case_number=r[1], version=r[2], closed_at=r[3],
                    reporter_name=r[4] if clear else mask_name(r[4]),
                    reporter_phone=r[5] if clear else mask_phone(r[5]),
                    address=r[6] if clear else mask_address(r[6]), description=r[7] if clear else
                    mask_phones_in_text(r[7]), category_code=r[8], category_zh=r[9],
                    category_en=r[10], grid_code=r[11], late=to_epoch(r[3]) < to_epoch(late))
        for r in rows
    )


# actions after which the case waits for its handler's acceptance (签收) on the acceptance clock
TO_ACCEPT: frozenset[Action] = frozenset({
    Action.DISPATCH, Action.REASSIGN, Action.RETURN_FOR_REWORK, Action.FAIL_CHECK,
})


def acceptance_clock(case: Case, action: Action, now: datetime,
                     start_stage: Callable[..., None]) -> None:
    """Run the stage clock on acceptance while a case waits for it, then on handling again.

    A dispatch (or a reassignment, or a rework) sets the handling deadline as before; until the
    handler accepts, the stage clock is the acceptance limit, so the escalation scan reminds and
    supervises acceptance like any stage. Once accepted, the stage clock is the handling clock
    that started at the dispatch, with the handling deadline as it stands (extended, suspended).
    """
    if action in TO_ACCEPT:
        start_stage(Stage.ACCEPT, now)
    elif action is Action.ACCEPT and case.dispatched_at is not None:
        start_stage(Stage.HANDLE, case.dispatched_at, case.handle_deadline_at)
