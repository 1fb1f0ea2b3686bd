"""The closed-loop state machine: which action moves a case from which status to which.

Pure rules, shared by the live services, the demo generator (which plans each case's path
with them) and the views (which offer only the actions a case's status allows).

Every action is written to `case_history.action` under its own value, which is what the
briefing counts from: the field steps are `accept` (签收, on the `accept` stage clock),
`send_back` (退回: 派遣准确率; officer_id/department_id name the unit), `request_check`,
`confirm_check` and `fail_check` (核查 by the grid officer; a failed check is a rework),
`solve_on_spot` (即时办结: 自处率; `evidence` holds the proof) and `follow_up` (回访: 满意率;
`outcome` holds satisfied / basically_satisfied / unsatisfied). See `services.field_steps`.
Referral (`refer_up`, `refer_down`, `transfer`, `accept_referral`, `return_referral`,
`feed_back_referral`; `outcome` holds the reason code) and joint handling (`add_support`,
`support_feed_back`; department_id names the supporting unit): see `domain.referral`.
"""

from __future__ import annotations

from collections.abc import Iterable

from .actions import Action
from .enums import CaseStatus as S

# the statuses a case's category or grid may be corrected in (Action.CORRECT)
CORRECTABLE: tuple[S, ...] = (S.REPORTED, S.REGISTERED, S.DISPATCHED, S.ACCEPTED, S.FED_BACK, S.CHECKING)

# (action, from status) -> to status. None as "to" means "the status the case had before".
TRANSITIONS: dict[tuple[Action, S], S | None] = {
    (Action.REGISTER, S.REPORTED): S.REGISTERED,
    (Action.REJECT, S.REPORTED): S.REJECTED,
    (Action.MERGE, S.REPORTED): S.MERGED,
    (Action.MERGE, S.REGISTERED): S.MERGED,
    # two cases found to be one after dispatch: the duplicate's handler stops, the survivor goes on
    (Action.MERGE, S.DISPATCHED): S.MERGED,
    (Action.MERGE, S.ACCEPTED): S.MERGED,
    (Action.DISPATCH, S.REGISTERED): S.DISPATCHED,
    (Action.REASSIGN, S.DISPATCHED): S.DISPATCHED,
    (Action.REASSIGN, S.ACCEPTED): S.DISPATCHED,
    (Action.ACCEPT, S.DISPATCHED): S.ACCEPTED,
    (Action.FEED_BACK, S.ACCEPTED): S.FED_BACK,
    (Action.CLOSE, S.FED_BACK): S.CLOSED,
    (Action.RETURN_FOR_REWORK, S.FED_BACK): S.DISPATCHED,
    # extension (延期) and suspension (挂账): requested for the handler, approved or refused by a
    # supervisor; the approval is EXTEND / SUSPEND
    **{(act, s): s for act in (Action.REQUEST_EXTENSION, Action.REFUSE_EXTENSION)
       for s in (S.DISPATCHED, S.ACCEPTED)},
    **{(act, s): s for act in (Action.REQUEST_SUSPENSION, Action.REFUSE_SUSPENSION)
       for s in (S.REGISTERED, S.DISPATCHED, S.ACCEPTED)},
    (Action.EXTEND, S.DISPATCHED): S.DISPATCHED,
    (Action.EXTEND, S.ACCEPTED): S.ACCEPTED,
    (Action.SUSPEND, S.REGISTERED): S.SUSPENDED,
    (Action.SUSPEND, S.DISPATCHED): S.SUSPENDED,
    (Action.SUSPEND, S.ACCEPTED): S.SUSPENDED,
    (Action.RESUME, S.SUSPENDED): None,
    (Action.REOPEN, S.CLOSED): S.REGISTERED,
    (Action.EVALUATE, S.CLOSED): S.CLOSED,
    # field steps: a handler sends back what is not theirs, the grid officer checks on site,
    # an officer reports a case already solved, the reporter is called back after closure
    (Action.SEND_BACK, S.DISPATCHED): S.REGISTERED,
    (Action.SEND_BACK, S.ACCEPTED): S.REGISTERED,
    (Action.REQUEST_CHECK, S.FED_BACK): S.CHECKING,
    (Action.CONFIRM_CHECK, S.CHECKING): S.FED_BACK,
    (Action.FAIL_CHECK, S.CHECKING): S.DISPATCHED,
    (Action.SOLVE_ON_SPOT, S.REPORTED): S.CLOSED,
    (Action.ANSWER_ON_CALL, S.REPORTED): S.CLOSED,
    (Action.FOLLOW_UP, S.CLOSED): S.CLOSED,
    # referral between centres (domain.referral): a registered case goes to another centre,
    # which accepts it to dispatch or returns it; the outcome goes back once handled
    (Action.REFER_UP, S.REGISTERED): S.REFERRED,
    (Action.REFER_DOWN, S.REGISTERED): S.REFERRED,
    (Action.TRANSFER, S.REGISTERED): S.REFERRED,
    (Action.ACCEPT_REFERRAL, S.REFERRED): S.REGISTERED,
    (Action.RETURN_REFERRAL, S.REFERRED): S.REGISTERED,
    (Action.FEED_BACK_REFERRAL, S.FED_BACK): S.FED_BACK,
    # joint handling: supporting units join a dispatched case and feed back their parts
    **{(act, s): s for act in (Action.ADD_SUPPORT, Action.SUPPORT_FEED_BACK) for s in (S.DISPATCHED, S.ACCEPTED)},
    # 更正: category or grid put right while the case is open and its clock runs, before or after
    # dispatch; not while suspended (the stopped clock is carried on resume: correct after it) nor
    # referred (in transit: the receiving centre accepts it first), never once closed
    **{(Action.CORRECT, s): s for s in CORRECTABLE},
}

CASE_ACTIONS: frozenset[Action] = frozenset(a for a, _ in TRANSITIONS)


def allowed_actions(status: S) -> list[Action]:
    """The case actions the status allows, in the order an operator meets them."""
    seen: list[Action] = []
    for action, source in TRANSITIONS:
        if source == status and action not in seen:
            seen.append(action)
    return seen


def is_allowed(action: Action, status: S) -> bool:
    return (action, status) in TRANSITIONS


def target_status(action: Action, status: S, previous: S | None = None) -> S:
    """The status after `action`; `previous` is the status before a suspension (for resume).

    Raises KeyError for an illegal transition; services wrap it in IllegalTransition.
    """
    to = TRANSITIONS[(action, status)]
    if to is None:
        if previous is None or previous in (S.SUSPENDED, S.CLOSED, S.REJECTED, S.MERGED):
            return S.REGISTERED
        return previous
    return to


# actions an operator may apply to several selected cases at once; every other action asks
# something about its one case (a reason, a handler, a rating) and is done one case at a time
BULK_ACTIONS: frozenset[Action] = frozenset({Action.REGISTER, Action.DISPATCH})


def allowed_on(action: Action, statuses: Iterable[S]) -> bool:
    """Whether `action` may be applied to cases in `statuses` together: at least one case, each
    status allows it, and more than one case only for a bulk action."""
    statuses = list(statuses)
    return bool(statuses) and all(is_allowed(action, s) for s in statuses) and (
        len(statuses) == 1 or action in BULK_ACTIONS)
