"""The closed loop as services: intake and every case transition, one transaction each.

Each call checks the permission table, the state machine and the caller's view of the case
(optimistic lock on `version`), then writes the case, its history, the change log and the
audit trail in the same transaction: either all of it happens or none of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial

from sqlalchemy import insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from ..db import Database
from ..domain.actions import NEEDS_REASON, NOTE_MAX_CHARS, Action
from ..domain.entities import Entity
from ..domain.enums import (
    CaseStatus,
    Priority,
    ReporterPrivacy,
    Role,
    SourceChannel,
    Stage,
)
from ..domain.lifecycle import is_allowed, target_status
from ..domain.referral import JOINT_ACTIONS, REFERRAL_ACTIONS
from ..errors import IllegalTransition, NotFound, StaleCase, ValidationError
from ..models import (
    Case,
    CaseHistory,
    Category,
    CommandCentre,
    Community,
    DailySequence,
    Department,
    Grid,
    Officer,
    Street,
    to_epoch,
)
from ..shapes.cases import CaseDetail, CaseRow, NewCase
from . import audit, correction, joint, referral, time_requests
from .auth import Principal, authorize, in_scope, refusals_audited
from .case_queries import case_detail, case_row
from .changefeed import record_change
from .conflicts import stale_case
from .field_steps import FIELD_STEPS, acceptance_clock, apply_field_step
from .geo import GridLocator
from .intake import hotline, merging
from .personal_data import detail_for
from .timelimits import TimeLimits
from .validation import clean_text

MAX_EXTENSION_MINUTES = time_requests.MAX_REQUEST_MINUTES
# requests, decisions and resume: the clock rules of services.time_requests
TIME_ACTIONS = frozenset({*time_requests.REQUEST_ACTIONS, *time_requests.DECISION_ACTIONS, Action.RESUME})
MAX_TEXT = NOTE_MAX_CHARS


@dataclass(frozen=True)
class TransitionParams:
    """What an action needs besides the case: who handles it, why, how long, how good."""

    note: str = ""
    officer_id: int | None = None
    department_id: int | None = None
    merge_into_id: int | None = None
    minutes: int | None = None
    rating: int | None = None
    evidence: str = ""  # a photo or file reference (field check, on-the-spot handling)
    satisfaction: str | None = None  # a follow-up's Satisfaction value
    reply: str = ""  # closing a 12345 work order: the reply sent back to the hotline
    centre_id: int | None = None  # a referral's receiving centre
    reason: str = ""  # a referral's ReferralReason value
    category_id: int | None = None  # a correction's new category (更正; services.correction)
    grid_id: int | None = None  # a correction's new grid


# free text of an action: a history note unless another column is named
_clean = partial(clean_text, column=CaseHistory.note, limit=MAX_TEXT)


def next_case_number(session: Session, centre_id: int, day: str) -> str:
    """Allocate the next daily sequence number atomically (upsert ... returning)."""
    dialect = session.get_bind().dialect.name
    ins = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(DailySequence)
    stmt = (
        ins.values(centre_id=centre_id, day=day, last_value=1)
        .on_conflict_do_update(
            index_elements=[DailySequence.centre_id, DailySequence.day],
            set_={"last_value": DailySequence.last_value + 1},
        )
        .returning(DailySequence.last_value)
    )
    value = session.execute(stmt).scalar_one()
    return f"{day}-{value:05d}"


def numbering_centre(session: Session, centre_id: int) -> int:
    """The centre whose daily sequence numbers a case: the top of the centre's tree.

    Street and district centres of one city share the city's numbering, so a case number
    names one case on every wall that shows it (a city wall sees all its districts' cases).
    """
    parents = {cid: parent for cid, parent in session.execute(select(CommandCentre.id, CommandCentre.parent_id))}
    seen = {centre_id}
    while parents.get(centre_id) is not None:
        centre_id = parents[centre_id]  # type: ignore[assignment]
        if centre_id in seen:  # a cycle is a data error; stop rather than loop forever
            break
        seen.add(centre_id)
    return centre_id


def centre_for_grid(session: Session, grid_id: int) -> int:
    """The most local centre responsible for a grid: its street's, else its district's, else the city's."""
    street_id, district_id = session.execute(
        select(Street.id, Street.district_id)
        .join(Community, Community.street_id == Street.id)
        .join(Grid, Grid.community_id == Community.id)
        .where(Grid.id == grid_id)
    ).one()
    for column, value in ((CommandCentre.street_id, street_id), (CommandCentre.district_id, district_id)):
        cid = session.scalar(select(CommandCentre.id).where(column == value).order_by(CommandCentre.id).limit(1))
        if cid is not None:
            return cid
    root = session.scalar(
        select(CommandCentre.id).where(CommandCentre.parent_id.is_(None)).order_by(CommandCentre.id).limit(1)
    )
    if root is None:
        raise NotFound("command centre", "any")
    return root


def write_audit(session: Session, actor: Principal, at: datetime, action: str, entity: str,
                entity_id: int | None, detail: dict[str, object] | None = None, *,
                history_id: int | None = None) -> None:
    """Append to the hash-chained audit trail (`services.audit`) at the action's time."""
    audit.append(session, actor, action, entity, entity_id, detail or {}, at=at, history_id=history_id)


class CaseService:
    """Intake and the case lifecycle for one opened database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @property
    def limits(self) -> TimeLimits:
        return TimeLimits.from_database(self.db)

    # ---- reading ----------------------------------------------------------------------
    def row(self, principal: Principal, case_id: int) -> CaseRow:
        """One case of the principal's centres (OutOfScope for another centre's)."""
        row = self._row(case_id)
        authorize(self.db, principal, Action.VIEW, centre_id=row.centre_id, entity=Entity.CASE.value,
                  entity_id=case_id)
        return row

    def _row(self, case_id: int) -> CaseRow:
        with self.db.read() as s:
            return case_row(s, case_id)

    def detail(self, principal: Principal, case_id: int) -> CaseDetail:
        """One case of the principal's centres with its history; the reporter and address masked
        unless their role may see them. A centre that referred the case or received it reads it
        too: a transfer across moves it out of the referring street's scope, which still follows it."""
        with self.db.read() as s:
            detail = case_detail(s, case_id)
        parties = (detail.row.centre_id, *(c for r in detail.referrals for c in (r.from_centre_id, r.to_centre_id)))
        centre = next((c for c in parties if c in principal.centre_ids), detail.row.centre_id)
        authorize(self.db, principal, Action.VIEW, centre_id=centre, entity=Entity.CASE.value, entity_id=case_id)
        return detail_for(self.db, principal, detail)

    # ---- intake -----------------------------------------------------------------------
    def report(self, actor: Principal, new: NewCase, *, register: bool = False,
               merge_into: int | None = None) -> CaseRow:
        """Enter a new case from any channel; with `register` it is registered (立案) at once.

        With `merge_into` the call is a further report of that open case: it is entered and
        merged into it in the same transaction (its caller joins the survivor's reporters), so no
        new open case appears. With `new.call_answer` it was answered on the call (直接答复).
        """
        authorize(self.db, actor, Action.INTAKE)
        if register:
            authorize(self.db, actor, Action.REGISTER)
        if new.solved_on_spot:
            authorize(self.db, actor, Action.SOLVE_ON_SPOT)
        if merge_into is not None:
            authorize(self.db, actor, Action.MERGE)
        if new.call_answer.strip():
            authorize(self.db, actor, Action.ANSWER_ON_CALL)
        with self.db.unit_of_work() as s:
            case_id = self.enter(s, actor, new, self.db.clock.now(), register=register, merge_into=merge_into).id
        return self._row(case_id)

    def enter(self, s: Session, actor: Principal, new: NewCase, now: datetime, *, register: bool = False,
              merge_into: int | None = None) -> Case:
        """`report`'s writes inside the caller's unit of work, for a service whose own action
        creates a case (a warning's patrol task) in the same transaction; the caller has
        authorized `actor` for what it does."""
        privacy = ReporterPrivacy(new.reporter_privacy)
        anonymous = privacy is ReporterPrivacy.ANONYMOUS  # an anonymous caller's name is not kept at all
        description = _clean(new.description, "description", required=True, column=Case.description)
        SourceChannel(new.source)
        Priority(new.priority)
        reported_at = new.reported_at or now
        if s.get(Category, new.category_id) is None:
            raise ValidationError(f"unknown category {new.category_id}", field="category")
        lon, lat, grid_id = self._place(s, new)
        hotline_number = _clean(new.hotline_number, "hotline_number", column=Case.hotline_number).strip() or None
        if hotline_number is not None:
            hotline.check_unique(s, str(new.source), hotline_number)
        centre_id = centre_for_grid(s, grid_id)
        if isinstance(actor, Principal) and centre_id not in actor.centre_ids:
            centre_id = actor.centre_id
        day = reported_at.astimezone(self.limits.calendar.tz).strftime("%Y%m%d")
        case = Case(
            centre_id=centre_id,
            case_number=next_case_number(s, numbering_centre(s, centre_id), day),
            source=str(new.source),
            category_id=new.category_id,
            priority=str(new.priority),
            status=CaseStatus.REPORTED.value,
            grid_id=grid_id,
            lon=lon,
            lat=lat,
            address=_clean(new.address, "address", column=Case.address),
            description=description,
            reporter_name="" if anonymous else _clean(new.reporter_name, "reporter_name", column=Case.reporter_name),
            reporter_phone="" if anonymous else _clean(new.reporter_phone, "reporter_phone",
                                                       column=Case.reporter_phone),
            reporter_privacy=privacy.value,
            reported_at=reported_at,
            stage_started_at=reported_at,
            stage_remind_at=(clock := self.limits.clock(new.category_id, str(new.priority), Stage.REGISTER,
                                                        reported_at)).remind_at,
            stage_deadline_at=clock.deadline_at,
            updated_at=now,
            created_by=actor.user_id,
            # the drill feed's own account writes drill cases, whatever its caller claims
            is_drill=actor.role is Role.SYSTEM_DRILL,
            hotline_number=hotline_number,
            hotline_due_at=new.hotline_due_at,
        )
        s.add(case)
        s.flush()
        history_id = self._history(s, case, actor, now, "report", None, note="")
        write_audit(s, actor, now, "report", "case", case.id, {"case_number": case.case_number},
                    history_id=history_id)
        if merge_into is not None:
            self._apply(s, case, actor, Action.MERGE, TransitionParams(merge_into_id=merge_into), now)
        elif new.call_answer.strip():
            self._apply(s, case, actor, Action.ANSWER_ON_CALL, TransitionParams(note=new.call_answer), now)
        elif new.solved_on_spot:
            self._apply(s, case, actor, Action.SOLVE_ON_SPOT, TransitionParams(
                note=new.on_spot_note, officer_id=new.officer_id, evidence=new.evidence), now)
        elif register:
            self._apply(s, case, actor, Action.REGISTER, TransitionParams(), now)
        record_change(s, now, Entity.CASE, case.id, "insert", case.centre_id)
        return case

    def _place(self, s: Session, new: NewCase) -> tuple[float, float, int]:
        if new.lon is not None and new.lat is not None:
            hit = GridLocator.from_database(self.db).locate(float(new.lon), float(new.lat))
            if new.grid_id is not None and new.grid_id != hit.grid_id:
                raise ValidationError(
                    f"the location lies in grid {hit.code}, not in the grid chosen", field="grid", grid=hit.code
                )
            return float(new.lon), float(new.lat), hit.grid_id
        if new.grid_id is not None:
            grid = s.get(Grid, new.grid_id)
            if grid is None:
                raise ValidationError(f"unknown grid {new.grid_id}", field="grid")
            return grid.centroid_lon, grid.centroid_lat, grid.id
        raise ValidationError("a location or a grid is required", field="location")

    # ---- transitions ------------------------------------------------------------------
    def perform(
        self,
        actor: Principal,
        case_id: int,
        action: Action,
        params: TransitionParams | None = None,
        *,
        expected_version: int | None = None,
    ) -> CaseRow:
        """Apply one action to one case, as one transaction.

        `expected_version` is the version the caller's screen showed; if another seat changed the
        case since, StaleCase is raised and nothing changes.
        """
        action = Action(action)
        authorize(self.db, actor, action)
        params = params or TransitionParams()
        now = self.db.clock.now()
        try:
            # the case's centre is known only once it is loaded: a refusal rolls the work back
            with refusals_audited(self.db, actor, action, Entity.CASE.value, case_id), self.db.unit_of_work() as s:
                stmt = select(Case).where(Case.id == case_id)
                if not self.db.is_sqlite:
                    stmt = stmt.with_for_update()
                case = s.scalar(stmt)
                if case is None:
                    raise NotFound("case", case_id)
                in_scope(actor, action, case.centre_id)
                if expected_version is not None and case.version != expected_version:
                    raise stale_case(s, case.id, expected_version)
                self._apply(s, case, actor, action, params, now)
                record_change(s, now, Entity.CASE, case.id, "update", case.centre_id)
        except StaleDataError as exc:  # a concurrent UPDATE won between our read and write
            with self.db.read() as s:
                raise stale_case(s, case_id, expected_version or -1) from exc
        return self._row(case_id)

    def perform_many(
        self, actor: Principal, items: list[tuple[int, int | None]], action: Action,
        params: TransitionParams | None = None,
    ) -> tuple[list[CaseRow], list[tuple[int, Exception]]]:
        """Apply one action to several cases, each in its own transaction; returns done and failed."""
        done: list[CaseRow] = []
        failed: list[tuple[int, Exception]] = []
        for case_id, version in items:
            try:
                done.append(self.perform(actor, case_id, action, params, expected_version=version))
            except (IllegalTransition, StaleCase, ValidationError, NotFound) as exc:
                failed.append((case_id, exc))
        return done, failed

    def apply_in(self, s: Session, case: Case, actor: Principal, action: Action,
                 params: TransitionParams, now: datetime) -> None:
        """`perform`'s state change inside the caller's unit of work (after `enter`, e.g. the
        dispatch of a warning's patrol task); the caller has authorized `actor`."""
        self._apply(s, case, actor, action, params, now)

    def _apply(self, s: Session, case: Case, actor: Principal, action: Action,
               p: TransitionParams, now: datetime) -> None:
        status = CaseStatus(case.status)
        if not is_allowed(action, status):
            raise IllegalTransition(case.case_number, status.value, action.value)
        limits = self.limits
        to = target_status(action, status, CaseStatus(case.suspended_from) if case.suspended_from else None)
        referral.guard(s, case, actor, action)  # a referred case is acted on by the centre holding it
        note = _clean(p.note, "note")
        officer_id = department_id = None

        def start_stage(stage: Stage, at: datetime, deadline: datetime | None = None) -> None:
            """The stage's clock from `at`; ending at `deadline` when extensions or suspensions moved it.
            A case held on an accepted referral waits for the feedback to the referring centre
            (反馈) where another would wait for verification."""
            if stage is Stage.VERIFY and referral.awaits_feedback(s, case.id):
                stage = Stage.FEEDBACK
            clock = (limits.clock(case.category_id, case.priority, stage, at) if deadline is None
                     else limits.until(case.category_id, case.priority, stage, deadline))
            case.stage_started_at, case.stage_remind_at, case.stage_deadline_at = at, clock.remind_at, clock.deadline_at
            case.escalation_level = 0

        if action is Action.REGISTER:
            case.registered_at = now
            start_stage(Stage.DISPATCH, now)
        elif action is Action.REJECT:
            case.reject_reason = _clean(p.note, "reason", required=True, column=Case.reject_reason)
            case.stage_started_at = case.stage_deadline_at = None
        elif action is Action.MERGE:
            target = merging.survivor(s, case, p.merge_into_id)
            in_scope(actor, action, target.centre_id)  # never into another centre's case
            merged_note = merging.absorb(s, case, target, actor, now)
            case.stage_started_at = case.stage_deadline_at = None
            note = note or merged_note
        elif action is Action.ANSWER_ON_CALL:  # 直接答复: closed at intake, never registered nor due
            case.call_answer = _clean(p.note, "answer", required=True, column=Case.call_answer)
            case.closed_at = now
            case.stage_started_at = case.stage_deadline_at = case.stage_remind_at = None
        elif action in (Action.DISPATCH, Action.REASSIGN):
            officer_id, department_id = self._assignee(s, p)
            if action is Action.REASSIGN and (officer_id, department_id) == (
                case.assignee_officer_id,
                case.assignee_department_id,
            ):
                raise ValidationError("the case is already assigned there; choose another handler", field="assignee")
            case.assignee_officer_id, case.assignee_department_id = officer_id, department_id
            if action is Action.DISPATCH:
                case.dispatched_at = now
                start_stage(Stage.HANDLE, now)
                case.handle_deadline_at = case.assess_deadline_at = case.stage_deadline_at
            elif status is CaseStatus.ACCEPTED:
                case.accepted_at = None
        elif action is Action.ACCEPT:
            case.accepted_at = now
            officer_id = p.officer_id or case.assignee_officer_id
            department_id = None if officer_id else case.assignee_department_id
        elif action is Action.FEED_BACK:
            note = _clean(p.note, "feedback", required=True)
            joint.require_parts(s, case)  # the lead's feedback waits for the supporting units' parts
            case.fed_back_at = now
            start_stage(Stage.VERIFY, now)
            officer_id, department_id = case.assignee_officer_id, case.assignee_department_id
        elif action is Action.CLOSE:
            case.closed_at = now
            if p.reply.strip():  # a 12345 work order's reply to the hotline, kept on the case
                case.hotline_reply = _clean(p.reply, "reply", column=Case.hotline_reply)
            case.stage_started_at = case.stage_deadline_at = None
        elif action in (Action.RETURN_FOR_REWORK, Action.FAIL_CHECK):  # a failed field check is a rework
            # the handler gets a rework clock for escalation; 按期 stays judged against
            # assess_deadline_at (first deadline + approved extensions), and the row names the
            # handling unit the rework counts against
            note = _clean(p.note, "reason", required=True)
            case.rework_count += 1
            case.fed_back_at = None
            case.accepted_at = None
            case.dispatched_at = now
            start_stage(Stage.HANDLE, now)
            case.handle_deadline_at = case.stage_deadline_at
            officer_id, department_id = case.assignee_officer_id, case.assignee_department_id
        elif action in TIME_ACTIONS:
            note = time_requests.apply(s, case, actor.user_id, action, p.minutes, note, now, limits)
            officer_id, department_id = case.assignee_officer_id, case.assignee_department_id
        elif action is Action.REOPEN:
            note = _clean(p.note, "reason", required=True)
            case.closed_at = None
            case.evaluated_at = None
            case.rating = None
            case.fed_back_at = case.accepted_at = case.dispatched_at = None
            case.assignee_officer_id = case.assignee_department_id = None
            case.handle_deadline_at = None
            start_stage(Stage.DISPATCH, now)
        elif action is Action.EVALUATE:
            if case.evaluated_at is not None:
                raise IllegalTransition(case.case_number, "evaluated", action.value)
            if p.rating is None or not 1 <= p.rating <= 5:
                raise ValidationError("a rating from 1 to 5 is required", field="rating")
            case.rating = p.rating
            case.evaluated_at = now
        outcome = evidence = ""
        corrected = None
        if action is Action.CORRECT:  # 更正: category or grid, the running clock follows a new category
            note = _clean(p.note, "reason", required=True)
            corrected = correction.apply_correction(s, case, p.category_id, p.grid_id, now, limits)
        if action in FIELD_STEPS:
            step = apply_field_step(s, case, action, note, p.officer_id, p.evidence, p.satisfaction, now, start_stage)
            note, outcome, evidence = step.note, step.outcome, step.evidence
            officer_id, department_id = step.officer_id or officer_id, step.department_id or department_id
        elif action in REFERRAL_ACTIONS:
            step = referral.apply_referral(s, case, actor, action, _clean(p.note, "reason", required=action in NEEDS_REASON),
                                           p.centre_id, p.reason, now, start_stage)
            note, outcome = step.note, step.outcome
        elif action in JOINT_ACTIONS:
            step = joint.apply_joint(s, case, actor, action, _clean(p.note, "note", required=action is Action.SUPPORT_FEED_BACK),
                                     p.department_id, now)
            note, department_id = step.note, step.department_id
        acceptance_clock(case, action, now, start_stage)
        case.status = to.value
        case.updated_at = now
        flag_modified(case, "updated_at")  # every action bumps the version other seats compare
        # after every change to the case: lapse's UPDATE flushes the case once, one version step
        time_requests.lapse(s, case, now)
        history_id = self._history(s, case, actor, now, action.value, status.value, note, officer_id, department_id,
                                   outcome=outcome, evidence=evidence)
        detail: dict[str, object] = {"case_number": case.case_number, "from": status.value, "to": to.value}
        if corrected is not None:
            correction.record(s, history_id, corrected)
            detail.update(category=[corrected.from_category_id, corrected.to_category_id],
                          grid=[corrected.from_grid_id, corrected.to_grid_id])
        write_audit(s, actor, now, action.value, "case", case.id, detail, history_id=history_id)

    def _assignee(self, s: Session, p: TransitionParams) -> tuple[int | None, int | None]:
        if p.officer_id is None and p.department_id is None:
            raise ValidationError("choose an officer or a department", field="assignee")
        if p.officer_id is not None and s.get(Officer, p.officer_id) is None:
            raise NotFound("officer", p.officer_id)
        if p.department_id is not None and s.get(Department, p.department_id) is None:
            raise NotFound("department", p.department_id)
        return p.officer_id, p.department_id

    @staticmethod
    def _history(s: Session, case: Case, actor: Principal, at: datetime, action: str,
                 from_status: str | None, note: str, officer_id: int | None = None,
                 department_id: int | None = None, *, outcome: str = "", evidence: str = "") -> int:
        return s.execute(
            insert(CaseHistory).values(
                case_id=case.id,
                at=to_epoch(at),
                action=action,
                from_status=from_status,
                to_status=case.status,
                user_id=actor.user_id,
                officer_id=officer_id,
                department_id=department_id,
                note=note,
                outcome=outcome,
                evidence=evidence,
                # the clocks as the step left them: a period's figures are read from these rows
                # (services.kpi), so nothing done after the period changes them
                deadline_at=case.assess_deadline_at if case.handle_deadline_at is not None else None,
                stage_deadline_at=case.stage_deadline_at,
            ).returning(CaseHistory.id)
        ).scalar_one()
