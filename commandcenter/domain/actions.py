"""Actions a user can perform, and which role may perform which (the permission table's seed)."""

from __future__ import annotations

from enum import StrEnum

from .enums import Role


class Action(StrEnum):
    """What a user can do; the values are stored in the permission table and the audit log."""

    VIEW = "view"
    INTAKE = "intake"  # enter a new report
    REGISTER = "register"
    REJECT = "reject"
    MERGE = "merge"
    DISPATCH = "dispatch"
    REASSIGN = "reassign"
    ACCEPT = "accept"
    FEED_BACK = "feed_back"
    SUSPEND = "suspend"
    RESUME = "resume"
    CLOSE = "close"  # verify and close
    RETURN_FOR_REWORK = "return_for_rework"
    EXTEND = "extend"  # a supervisor approves the pending extension request (延期)
    REQUEST_EXTENSION = "request_extension"  # recorded for the handler, before the deadline
    REFUSE_EXTENSION = "refuse_extension"
    REQUEST_SUSPENSION = "request_suspension"  # 挂账; SUSPEND is its approval
    REFUSE_SUSPENSION = "refuse_suspension"
    REOPEN = "reopen"
    EVALUATE = "evaluate"
    # field steps (see domain.lifecycle): each is its own case_history action code
    SEND_BACK = "send_back"  # 退回: the handler returns a case as not theirs; counts in 派遣准确率
    REQUEST_CHECK = "request_check"  # 核查: the centre asks the grid officer to check on site
    CONFIRM_CHECK = "confirm_check"  # the officer found it resolved
    FAIL_CHECK = "fail_check"  # the officer found it not resolved: back for rework
    SOLVE_ON_SPOT = "solve_on_spot"  # 即时办结/自行处置: reported already solved; counts in 自处率
    FOLLOW_UP = "follow_up"  # 回访: the reporter's satisfaction after closure (outcome column); 满意率
    # 直接答复: a hotline call answered there and then (a question, not a problem to send anyone to);
    # the case closes at intake with the answer, never registered, so it is neither due nor closed
    # in the assessment figures (services.kpi counts it as a report only)
    ANSWER_ON_CALL = "answer_on_call"
    ESCALATE = "escalate"  # record reminders / supervision on overdue cases
    WRITE_HANDOVER = "write_handover"
    ACKNOWLEDGE_HANDOVER = "acknowledge_handover"
    PRINT_BRIEFING = "print_briefing"
    MANAGE_ROSTER = "manage_roster"
    MANAGE_DEMO = "manage_demo"
    RUN_DRILL = "run_drill"
    MANAGE_USERS = "manage_users"
    MANAGE_CENTRES = "manage_centres"
    MANAGE_CATEGORIES = "manage_categories"
    MANAGE_TIME_LIMITS = "manage_time_limits"
    MANAGE_HOLIDAYS = "manage_holidays"
    IMPORT_DATA = "import_data"
    # residents' names, phones and exact addresses and officers' phones in clear; without it
    # they are masked (domain/privacy) on screen, in PDFs, exports and logs
    VIEW_PERSONAL_DATA = "view_personal_data"
    # show one case's masked field in clear, on purpose, with a reason that goes to the audit trail
    REVEAL_PERSONAL_DATA = "reveal_personal_data"
    # search the audit trail and verify its hash chain (the audit screen)
    VIEW_AUDIT = "view_audit"
    # attach a photo to a case at intake, with the handler's feedback or at verification
    ATTACH_PHOTO = "attach_photo"
    # an early warning (事前预警): acknowledge it with a note, open a patrol task or a case for
    # it, or dismiss it with a reason
    ACT_ON_WARNING = "act_on_warning"
    # referral between centre levels (domain.referral): up (上报), down with instructions (下派),
    # across to a sibling centre (转办); the receiving centre accepts (受理) or returns it, and
    # feeds the outcome back (反馈) to the referring centre
    REFER_UP = "refer_up"
    REFER_DOWN = "refer_down"
    TRANSFER = "transfer"
    ACCEPT_REFERRAL = "accept_referral"
    RETURN_REFERRAL = "return_referral"
    FEED_BACK_REFERRAL = "feed_back_referral"
    # joint handling (主办/协办): a supporting department added to a dispatched case, and its part
    ADD_SUPPORT = "add_support"
    SUPPORT_FEED_BACK = "support_feed_back"
    # 更正: a call-taker's wrong category or grid put right on an open case, with a reason; the
    # status stays, the running stage's clock follows a new category (services.correction)
    CORRECT = "correct"


_OPERATOR = {
    Action.VIEW,
    Action.INTAKE,
    Action.REGISTER,
    Action.REJECT,
    Action.MERGE,
    Action.DISPATCH,
    Action.REASSIGN,
    Action.ACCEPT,
    Action.FEED_BACK,
    # time is asked for on the handler's behalf; a supervisor grants it (EXTEND, SUSPEND)
    Action.REQUEST_EXTENSION,
    Action.REQUEST_SUSPENSION,
    Action.RESUME,
    Action.ESCALATE,
    Action.WRITE_HANDOVER,
    # operators enter what handlers, grid officers and residents report by phone or app
    Action.SEND_BACK,
    Action.REQUEST_CHECK,
    Action.CONFIRM_CHECK,
    Action.FAIL_CHECK,
    Action.SOLVE_ON_SPOT,
    Action.FOLLOW_UP,
    Action.ANSWER_ON_CALL,
    # an operator calling a reporter back needs the number: one case at a time, audited
    Action.REVEAL_PERSONAL_DATA,
    Action.ATTACH_PHOTO,
    Action.REFER_UP,
    Action.REFER_DOWN,
    Action.TRANSFER,
    Action.ACCEPT_REFERRAL,
    Action.FEED_BACK_REFERRAL,
    Action.ADD_SUPPORT,
    Action.SUPPORT_FEED_BACK,
    Action.CORRECT,
}
_SUPERVISOR = _OPERATOR | {
    Action.CLOSE,
    Action.RETURN_FOR_REWORK,
    Action.EXTEND,
    Action.REFUSE_EXTENSION,
    Action.SUSPEND,
    Action.REFUSE_SUSPENSION,
    Action.REOPEN,
    Action.EVALUATE,
    Action.ACKNOWLEDGE_HANDOVER,
    Action.PRINT_BRIEFING,
    Action.MANAGE_ROSTER,
    Action.VIEW_PERSONAL_DATA,
    Action.VIEW_AUDIT,
    Action.ACT_ON_WARNING,
    # refusing another centre's referral is a supervisor's call, as a return for rework is
    Action.RETURN_REFERRAL,
}
_TRAINER = {Action.VIEW, Action.MANAGE_DEMO, Action.RUN_DRILL, Action.ESCALATE}
_ADMIN = {
    Action.VIEW,
    Action.MANAGE_USERS,
    Action.MANAGE_CENTRES,
    Action.MANAGE_CATEGORIES,
    Action.MANAGE_TIME_LIMITS,
    Action.MANAGE_HOLIDAYS,
    Action.IMPORT_DATA,
    Action.ESCALATE,
    Action.VIEW_PERSONAL_DATA,  # admins import and correct officers' and residents' records
    Action.VIEW_AUDIT,
    Action.ACT_ON_WARNING,
}

DEFAULT_PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.OPERATOR: frozenset(_OPERATOR),
    Role.SUPERVISOR: frozenset(_SUPERVISOR),
    Role.TRAINER: frozenset(_TRAINER),
    Role.ADMIN: frozenset(_ADMIN),
    # system accounts: each only what its process does (the drill runs on demo databases only)
    Role.SYSTEM_DRILL: frozenset({Action.VIEW, Action.INTAKE, Action.REGISTER, Action.DISPATCH, Action.ACCEPT,
                                  Action.FEED_BACK, Action.CLOSE, Action.SEND_BACK, Action.CONFIRM_CHECK,
                                  Action.FAIL_CHECK, Action.FOLLOW_UP, Action.MANAGE_ROSTER}),
    Role.SYSTEM_IMPORTER: frozenset({Action.IMPORT_DATA}),
    Role.SYSTEM_OPEN311: frozenset({Action.VIEW, Action.INTAKE}),
    Role.SYSTEM_CLOCK: frozenset({Action.VIEW, Action.ESCALATE}),
    Role.SYSTEM_CLI: frozenset({Action.VIEW, Action.PRINT_BRIEFING, Action.MANAGE_HOLIDAYS}),
}

# actions that must say why: the service refuses them without a note, the dialog asks for one
NEEDS_REASON: frozenset[Action] = frozenset({
    Action.REJECT, Action.RETURN_FOR_REWORK, Action.REOPEN, Action.FEED_BACK,
    Action.REQUEST_EXTENSION, Action.REQUEST_SUSPENSION, Action.REFUSE_EXTENSION, Action.REFUSE_SUSPENSION,
    Action.SEND_BACK, Action.CONFIRM_CHECK, Action.FAIL_CHECK, Action.SOLVE_ON_SPOT,
    Action.REFER_UP, Action.REFER_DOWN, Action.TRANSFER, Action.RETURN_REFERRAL, Action.FEED_BACK_REFERRAL,
    Action.SUPPORT_FEED_BACK, Action.CORRECT,
})
NOTE_MAX_CHARS = 2000  # a case history note
REJECT_REASON_MAX_CHARS = 200  # the reject reason is kept on the case in a 200-character column


def note_limit(action: Action) -> int:
    """The most characters an action's note may have (the column it ends up in decides)."""
    return REJECT_REASON_MAX_CHARS if action is Action.REJECT else NOTE_MAX_CHARS
