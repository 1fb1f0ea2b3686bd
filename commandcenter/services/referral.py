"""Referral between command centres (上报 / 下派 / 转办 / 受理 / 退回 / 反馈) as the lifecycle applies it.

`CaseService.perform` checks the right and the state machine and writes the history, the
audit entry and the change log in its one transaction; what a referral step does to the case
and its `case_referral` row is decided here (the rules are `domain.referral`):

- a referral is made by the centre holding the case (its own, or the top of its referral
  stack) to its parent (up), a centre below it (down) or a sibling (across), with a coded reason
  and a note; the case waits as `referred` on the `referral` stage clock (受理 limit, escalated
  like any stage); down and across move the case onto the receiving centre (its wall and
  numbering stay the city's), up leaves it where it is, as a parent sees every centre below it;
- the receiving centre accepts it (registered again, on the dispatch clock) or returns it with
  a reason (back to where it was before the referral);
- once the handling has been fed back, the holder feeds back to the referring centre within the
  `feedback` stage's limit (反馈, escalated like any stage), which holds the case again (the one
  below it in the stack, or its own centre) and verifies it on the verification clock.

While a referral is active only the holding centre, or a centre above it, acts on the case;
the referring centre sees it on its wall, marked, and is refused with `CaseHeldElsewhere`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, aliased

from ..db import Database
from ..domain.actions import Action
from ..domain.entities import Entity
from ..domain.enums import Stage
from ..domain.referral import (
    ACTIVE_STATES,
    REFER_ACTIONS,
    CentreTree,
    ReferralKind,
    ReferralReason,
    ReferralState,
    targets,
)
from ..errors import CaseHeldElsewhere, IllegalTransition, NotFound, ValidationError
from ..models import Case, CaseReferral, CommandCentre
from ..shapes.referral import CentreChoice, ReferralInfo, ReferralMark
from .auth import Principal, authorize
from .field_steps import StepRecord

_ACTIVE = tuple(s.value for s in ACTIVE_STATES)


def centre_tree(s: Session) -> CentreTree:
    return {cid: (parent, level) for cid, parent, level in
            s.execute(select(CommandCentre.id, CommandCentre.parent_id, CommandCentre.level))}


def active_referral(s: Session, case_id: int) -> CaseReferral | None:
    """The top of the case's referral stack: its newest referral still pending or accepted."""
    return s.scalar(select(CaseReferral).where(CaseReferral.case_id == case_id, CaseReferral.state.in_(_ACTIVE))
                    .order_by(CaseReferral.id.desc()).limit(1))


def awaits_feedback(s: Session, case_id: int) -> bool:
    """The case is held on an accepted referral: once handled, its outcome goes back to the
    referring centre (反馈, on the `feedback` stage clock) before anyone verifies it.

    Read inside an action without flushing it (the case's version is bumped once, at the end),
    so the referral states are the ones in the session: a feedback just given has ended its
    referral, and the one below it in the stack, if any, waits for its own."""
    with s.no_autoflush:
        referrals = s.scalars(select(CaseReferral).where(CaseReferral.case_id == case_id)
                              .order_by(CaseReferral.id.desc())).all()
    top = next((r for r in referrals if r.state in _ACTIVE), None)
    return top is not None and top.state == ReferralState.ACCEPTED.value


def held_on_referral(s: Session, case_ids: Iterable[int]) -> set[int]:
    """Which of these cases are held on an accepted referral (`awaits_feedback` for many)."""
    ids = sorted(set(case_ids))
    return set(s.scalars(select(CaseReferral.case_id).where(
        CaseReferral.case_id.in_(ids), CaseReferral.state == ReferralState.ACCEPTED.value))) if ids else set()


def _centre_name(s: Session, centre_id: int) -> str:
    return s.scalar(select(CommandCentre.name).where(CommandCentre.id == centre_id)) or str(centre_id)


def guard(s: Session, case: Case, actor: Principal, action: Action) -> None:
    """Refuse an action on a referred case by a centre that does not hold it, a referral made by
    anyone but the holding centre, and closing a case whose referral has not been fed back."""
    top = active_referral(s, case.id)
    holder = top.to_centre_id if top is not None else case.centre_id
    if holder not in actor.centre_ids or (action in REFER_ACTIONS and actor.centre_id not in (None, holder)):
        raise CaseHeldElsewhere(actor.username, action.value, case.case_number, holder, _centre_name(s, holder))
    if top is not None and action is Action.CLOSE:
        # the referring centre verifies and closes once the outcome has come back to it
        raise IllegalTransition(case.case_number, "referred", action.value)


def _reason(code: str) -> ReferralReason:
    try:
        return ReferralReason(code)
    except ValueError:
        raise ValidationError(f"unknown referral reason {code!r}", field="reason") from None


def apply_referral(s: Session, case: Case, actor: Principal, action: Action, note: str, centre_id: int | None,
                   reason: str, now: datetime, start_stage: Callable[[Stage, datetime], None]) -> StepRecord:
    """Change `case` and its referral rows for one referral step (the state machine, the right
    and `guard` have allowed it); what the history row records (`outcome`: the reason code)."""
    top = active_referral(s, case.id)
    if action in REFER_ACTIONS:
        kind = REFER_ACTIONS[action]
        holder = top.to_centre_id if top is not None else case.centre_id
        if centre_id is None or centre_id not in targets(centre_tree(s), holder, kind):
            raise ValidationError("choose a centre this case may be referred to", field="centre")
        code = _reason(reason)
        s.add(CaseReferral(case_id=case.id, kind=kind.value, from_centre_id=holder, to_centre_id=centre_id,
                           prior_centre_id=case.centre_id, reason=code.value, note=note,
                           state=ReferralState.PENDING.value, referred_at=now, referred_by=actor.user_id,
                           return_note="", feedback=""))
        if kind is not ReferralKind.UP:  # on the receiving centre's wall; the referrer sees below it
            case.centre_id = centre_id
        start_stage(Stage.REFERRAL, now)
        return StepRecord(note, outcome=code.value)
    wanted = ReferralState.PENDING if action is not Action.FEED_BACK_REFERRAL else ReferralState.ACCEPTED
    if top is None or top.state != wanted.value:
        raise IllegalTransition(case.case_number, case.status, action.value)
    if action is Action.ACCEPT_REFERRAL:
        top.state, top.decided_at, top.decided_by = ReferralState.ACCEPTED.value, now, actor.user_id
        start_stage(Stage.DISPATCH, now)
    elif action is Action.RETURN_REFERRAL:
        top.state, top.decided_at, top.decided_by = ReferralState.RETURNED.value, now, actor.user_id
        top.return_note = note
        case.centre_id = top.prior_centre_id
        start_stage(Stage.DISPATCH, now)
    else:
        top.state, top.fed_back_at, top.fed_back_by = ReferralState.FED_BACK.value, now, actor.user_id
        top.feedback = note
        case.centre_id = top.prior_centre_id
        start_stage(Stage.VERIFY, now)
    return StepRecord(note, outcome=top.reason)


class ReferralService:
    """What screens read about referrals: where a case may go, its referrals, the wall's marks."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def targets(self, principal: Principal, case_id: int, kind: ReferralKind) -> list[CentreChoice]:
        """The centres the case may be referred to by `kind` from the centre holding it."""
        with self.db.read() as s:
            case = s.get(Case, case_id)
            if case is None:
                raise NotFound("case", case_id)
            centre = case.centre_id
            top = active_referral(s, case_id)
            holder = top.to_centre_id if top is not None else centre
            ids = targets(centre_tree(s), holder, ReferralKind(kind))
            rows = s.execute(select(CommandCentre.id, CommandCentre.code, CommandCentre.name, CommandCentre.level)
                             .where(CommandCentre.id.in_(ids)).order_by(CommandCentre.code)).all()
        authorize(self.db, principal, Action.VIEW, centre_id=centre, entity=Entity.CASE.value, entity_id=case_id)
        return [CentreChoice(*r) for r in rows]

    def of_case(self, principal: Principal, case_id: int) -> tuple[ReferralInfo, ...]:
        """Every referral of a case, oldest first."""
        with self.db.read() as s:
            centre = s.scalar(select(Case.centre_id).where(Case.id == case_id))
            if centre is None:
                raise NotFound("case", case_id)
            infos = referrals_of(s, case_id)
        authorize(self.db, principal, Action.VIEW, centre_id=centre, entity=Entity.CASE.value, entity_id=case_id)
        return infos

    def marks(self, principal: Principal, case_ids: Iterable[int]) -> dict[int, ReferralMark]:
        """The wall's referral mark of each case that has one for the viewer's centre: the newest
        referral to or from a centre in the viewer's scope."""
        ids = list(case_ids)
        scope = set(principal.centre_ids)
        out: dict[int, ReferralMark] = {}
        with self.db.read() as s:
            for start in range(0, len(ids), 500):
                for info in _infos(s, CaseReferral.case_id.in_(ids[start:start + 500])):
                    incoming = info.to_centre_id == principal.centre_id or (
                        info.to_centre_id in scope and info.from_centre_id not in scope)
                    if incoming or info.from_centre_id in scope:
                        other = info.from_centre if incoming else info.to_centre
                        out[info.case_id] = ReferralMark(info.case_id, incoming, info.kind, info.state, other,
                                                         info.reason)
        return out


def referrals_of(s: Session, case_id: int) -> tuple[ReferralInfo, ...]:
    """Every referral of a case, oldest first (the case detail shows them)."""
    return _infos(s, CaseReferral.case_id == case_id)


def _infos(s: Session, where: ColumnElement[bool]) -> tuple[ReferralInfo, ...]:
    src, dst = aliased(CommandCentre), aliased(CommandCentre)
    rows = s.execute(
        select(CaseReferral.id, CaseReferral.case_id, CaseReferral.kind, CaseReferral.from_centre_id, src.name,
               CaseReferral.to_centre_id, dst.name, CaseReferral.reason, CaseReferral.note, CaseReferral.state,
               CaseReferral.referred_at, CaseReferral.decided_at, CaseReferral.return_note, CaseReferral.fed_back_at,
               CaseReferral.feedback)
        .join(src, src.id == CaseReferral.from_centre_id)
        .join(dst, dst.id == CaseReferral.to_centre_id)
        .where(where)
        .order_by(CaseReferral.id)
    ).all()
    return tuple(ReferralInfo(*r) for r in rows)
