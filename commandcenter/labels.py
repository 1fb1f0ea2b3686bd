"""Human names of the domain's codes (statuses, priorities, channels, actions), translated.

The presentation side's wording: services and errors carry codes and facts, and the GUI and
the CLI put them into words here, in the user's language.
"""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from .correction_labels import describe_correction_error
from .domain.actions import Action
from .domain.deadlines import DueState
from .domain.enums import CaseStatus, DutyStatus, Priority, Role, SourceChannel, Stage
from .domain.zones import DEFAULT_TZ
from .errors import (
    AccountLocked,
    AuthenticationFailed,
    CannotConnect,
    CaseHeldElsewhere,
    CommandCentreError,
    DatabaseBusy,
    DatabaseFull,
    DatabaseMissing,
    DatabaseReadOnly,
    DayBeforeData,
    DayInFuture,
    GridOfAnotherCentre,
    HandoverLocked,
    IllegalTransition,
    MergeRefused,
    NoDatabase,
    NoDemoSnapshot,
    NotADemoDatabase,
    NotADemoToReset,
    NotFound,
    NothingCorrected,
    OutOfScope,
    OutsideCity,
    PasswordTooShort,
    PermissionDenied,
    PhotoRejected,
    RequestState,
    RequestTooLate,
    ServerUnreachable,
    SignInNotAllowed,
    StaleCase,
    SupportsPending,
    TextHasNul,
    TextTooLong,
    UnknownShift,
    UnsupportedDatabase,
    WarningAlreadyHandled,
    WorkOrderTaken,
    WorldFileInvalid,
    shift_list,
)
from .i18n import QT_TRANSLATE_NOOP as N
from .i18n import translate
from .photo_labels import describe_photo_refusal
from .referral_labels import describe_referral_error

STATUS = {
    CaseStatus.REPORTED: N("status", "Reported"),
    CaseStatus.REGISTERED: N("status", "Registered"),
    CaseStatus.DISPATCHED: N("status", "Dispatched"),
    CaseStatus.ACCEPTED: N("status", "In handling"),
    CaseStatus.FED_BACK: N("status", "Fed back"),
    CaseStatus.CHECKING: N("status", "Field check"),
    CaseStatus.SUSPENDED: N("status", "Suspended"),
    CaseStatus.REFERRED: N("status", "Referred"),
    CaseStatus.CLOSED: N("status", "Closed"),
    CaseStatus.REJECTED: N("status", "Rejected"),
    CaseStatus.MERGED: N("status", "Merged"),
}
PRIORITY = {
    Priority.URGENT: N("priority", "Urgent"),
    Priority.HIGH: N("priority", "High"),
    Priority.NORMAL: N("priority", "Normal"),
    Priority.LOW: N("priority", "Low"),
}
SOURCE = {
    SourceChannel.PATROL: N("source", "Patrol"),
    SourceChannel.HOTLINE_12345: N("source", "12345 hotline"),
    SourceChannel.DUTY_LINE: N("source", "Duty line"),
    SourceChannel.CITIZEN_APP: N("source", "Citizen app"),
    SourceChannel.VIDEO: N("source", "Video"),
    SourceChannel.SENSOR: N("source", "Sensor"),
    SourceChannel.REFERRAL: N("source", "Referral"),
    SourceChannel.PETITION: N("source", "Petition"),
    SourceChannel.MAYOR_MAILBOX: N("source", "Mayor's mailbox"),
}
DUTY = {
    DutyStatus.ON_DUTY: N("duty", "On duty"),
    DutyStatus.OFF_DUTY: N("duty", "Off duty"),
    DutyStatus.ON_LEAVE: N("duty", "On leave"),
    DutyStatus.IN_FIELD: N("duty", "In the field"),
}
ROLE = {
    Role.OPERATOR: N("role", "Operator"),
    Role.SUPERVISOR: N("role", "Supervisor"),
    Role.TRAINER: N("role", "Trainer"),
    Role.ADMIN: N("role", "Administrator"),
    Role.SYSTEM_DRILL: N("role", "Drill feed"),
    Role.SYSTEM_IMPORTER: N("role", "Importer"),
    Role.SYSTEM_OPEN311: N("role", "Open311 endpoint"),
    Role.SYSTEM_CLOCK: N("role", "Escalation clock"),
    Role.SYSTEM_CLI: N("role", "Command line"),
}
DUE = {
    DueState.NONE: N("due", "No clock"),
    DueState.ON_TIME: N("due", "On time"),
    DueState.DUE_SOON: N("due", "Due soon"),
    DueState.OVERDUE: N("due", "Overdue"),
}
ACTION = {
    Action.REGISTER: N("action", "Register"),
    Action.REJECT: N("action", "Reject as invalid"),
    Action.MERGE: N("action", "Merge as duplicate"),
    Action.ANSWER_ON_CALL: N("action", "Answered on the call"),
    Action.DISPATCH: N("action", "Dispatch"),
    Action.REASSIGN: N("action", "Reassign"),
    Action.ACCEPT: N("action", "Accept"),
    Action.FEED_BACK: N("action", "Feed back"),
    Action.CLOSE: N("action", "Verify and close"),
    Action.RETURN_FOR_REWORK: N("action", "Return for rework"),
    Action.REQUEST_EXTENSION: N("action", "Request extension"),
    Action.EXTEND: N("action", "Approve extension"),
    Action.REFUSE_EXTENSION: N("action", "Refuse extension"),
    Action.REQUEST_SUSPENSION: N("action", "Request suspension"),
    Action.SUSPEND: N("action", "Approve suspension"),
    Action.REFUSE_SUSPENSION: N("action", "Refuse suspension"),
    Action.RESUME: N("action", "Resume"),
    Action.REOPEN: N("action", "Reopen"),
    Action.EVALUATE: N("action", "Evaluate"),
    Action.SEND_BACK: N("action", "Send back (not ours)"),
    Action.REQUEST_CHECK: N("action", "Request field check"),
    Action.CONFIRM_CHECK: N("action", "Field check: resolved"),
    Action.FAIL_CHECK: N("action", "Field check: not resolved"),
    Action.SOLVE_ON_SPOT: N("action", "Solved on the spot"),
    Action.FOLLOW_UP: N("action", "Follow-up call"),
    Action.REFER_UP: N("action", "Refer up"),
    Action.REFER_DOWN: N("action", "Send down"),
    Action.TRANSFER: N("action", "Transfer"),
    Action.ACCEPT_REFERRAL: N("action", "Accept referral"),
    Action.RETURN_REFERRAL: N("action", "Return referral"),
    Action.FEED_BACK_REFERRAL: N("action", "Feed back to referring centre"),
    Action.ADD_SUPPORT: N("action", "Add supporting unit"),
    Action.SUPPORT_FEED_BACK: N("action", "Supporting unit's feedback"),
    Action.CORRECT: N("action", "Correct category or grid"),
    Action.INTAKE: N("action", "New case"),
    Action.WRITE_HANDOVER: N("action", "Write handover"),
    Action.ACKNOWLEDGE_HANDOVER: N("action", "Acknowledge handover"),
    Action.PRINT_BRIEFING: N("action", "Print briefing"),
    Action.MANAGE_ROSTER: N("action", "Manage roster"),
}
HISTORY = {
    "report": N("action", "Reported"),
    "merge_in": N("action", "Duplicate merged in"),
    "escalation_reminder": N("action", "Reminder (催办)"),
    "escalation_supervision": N("action", "Supervision (督办)"),
}
# the names services pass as a refused text's `field`, as an operator reads them
FIELD_LABELS: dict[str, str] = {
    "description": N("validation", "description"),
    "address": N("validation", "address"),
    "reporter_name": N("validation", "reporter name"),
    "reporter_phone": N("validation", "reporter phone"),
    "hotline_number": N("validation", "work order number"),
    "answer": N("validation", "answer given on the call"),
    "reply": N("validation", "reply to the hotline"),
    "note": N("validation", "note"),
    "reason": N("validation", "reason"),
    "result": N("validation", "result"),
    "evidence": N("validation", "evidence reference"),
    "feedback": N("validation", "feedback"),
    "notes": N("validation", "notes"),
    "correction": N("validation", "correction"),
    "name": N("validation", "name"),
}
WORLD_FILE_PROBLEMS = {
    "not_six_numbers": N("map", "{file}: a world file holds six numbers"),
    "rotated": N("map", "{file}: only north-up images without rotation can be shown"),
}
STAGE = {
    Stage.REGISTER: N("stage", "registration"),
    Stage.DISPATCH: N("stage", "dispatch"),
    Stage.HANDLE: N("stage", "handling"),
    Stage.VERIFY: N("stage", "verification"),
    Stage.ACCEPT: N("stage", "acceptance"),
    Stage.CHECK: N("stage", "field check"),
    Stage.REFERRAL: N("stage", "referral acceptance"),
    Stage.FEEDBACK: N("stage", "feedback to the referring centre"),
}


def stage_label(code: str, lang: str | None = None) -> str:
    return _label(STAGE, "stage", code, lang)


def escalation_note(stage: str, round_: int, acknowledged_by: str | None, lang: str | None = None) -> str:
    """What a reminder or supervision entry of the case timeline says under its title."""
    translate = translate_into(lang)
    text = translate("history", "{stage} time limit, round {round}").format(
        stage=stage_label(stage, lang), round=round_ + 1)
    if acknowledged_by:
        text += " · " + translate("history", "acknowledged by {name}").format(name=acknowledged_by)
    return text


def translate_into(lang: str | None) -> Callable[[str, str], str]:
    """`translate` with the language bound: pyside6-lupdate reads `translate(context, text)` calls but
    skips any with a third argument that is not a string literal, so those strings never reached the .ts."""
    return lambda context, text: translate(context, text, lang)


def _label(table: dict, context: str, key: str, lang: str | None) -> str:  # type: ignore[type-arg]
    text = table.get(key)
    return key if text is None else translate(context, text, lang)


def status_label(code: str, lang: str | None = None) -> str:
    return _label(STATUS, "status", code, lang)


def priority_label(code: str, lang: str | None = None) -> str:
    return _label(PRIORITY, "priority", code, lang)


def source_label(code: str, lang: str | None = None) -> str:
    return _label(SOURCE, "source", code, lang)


def duty_label(code: str, lang: str | None = None) -> str:
    return _label(DUTY, "duty", code, lang)


def role_label(code: str, lang: str | None = None) -> str:
    return _label(ROLE, "role", code, lang)


def due_label(code: str, lang: str | None = None) -> str:
    return _label(DUE, "due", code, lang)


def format_age(seconds: float, lang: str | None = None) -> str:
    """How long ago, in its largest whole unit (`5 min`, `3 h`, `2 days`; at least a minute): the
    dispatch reasons' "last seen … ago" and the roster's last-seen column say it alike."""
    translate = translate_into(lang)
    if seconds < 3600:
        return translate("dispatch", "{n} min").format(n=max(1, int(seconds // 60)))
    if seconds < 2 * 86400:
        return translate("dispatch", "{n} h").format(n=int(seconds // 3600))
    return translate("dispatch", "{n} days").format(n=int(seconds // 86400))


def action_label(code: str, lang: str | None = None) -> str:
    if code in HISTORY:
        return translate("action", HISTORY[code], lang)
    return _label(ACTION, "action", code, lang)


# WarningAlreadyHandled.status → message: who got there first, and when
WARNING_HANDLED = {
    "acknowledged": N("errors", "{who} already acknowledged this warning at {at}. Nothing was changed."),
    "acted": N("errors", "{who} already acted on this warning at {at}. Nothing was changed."),
    "dismissed": N("errors", "{who} already dismissed this warning at {at}. Nothing was changed."),
}
# MergeRefused.problem → message
MERGE_REFUSALS = {
    "same_case": N("errors", "Case {case} cannot be merged into itself."),
    "survivor_closed": N("errors", "Case {other} is {status}: a case can only be merged into an open case."),
    "other_centre": N("errors", "Cases {case} and {other} belong to different command centres: they cannot be "
                      "merged."),
}
# NotFound.kind → the thing's name, for "Not found: {kind} …"
NOT_FOUND_KINDS = {
    "case": N("errors", "case"),
    "category": N("errors", "category"),
    "major category": N("errors", "major category"),
    "command centre": N("errors", "command centre"),
    "department": N("errors", "department"),
    "escalation": N("errors", "escalation"),
    "handover": N("errors", "handover"),
    "officer": N("errors", "officer"),
    "shift": N("errors", "shift"),
    "system account": N("errors", "system account"),
    "user": N("errors", "user"),
}
# SignInNotAllowed.reason → message
SIGN_IN_REFUSALS = {
    "needs_password": N("errors", "--user works only on demo databases: this database needs a sign-in with a "
                        "password."),
    "has_admin": N("errors", "This database already has users; ask an administrator for an account."),
}
# why a demo reset cannot restore its snapshot (NoDemoSnapshot.reason)
DEMO_SNAPSHOT_REFUSALS = {
    "missing": N("errors", "{location} has no snapshot of its generated state (demos generated before this version "
                 "have none): generate the demo again. Nothing was changed."),
    "schema": N("errors", "The snapshot of {location} is of another schema version (the database was upgraded "
                "since): generate the demo again. Nothing was changed."),
    "not_a_file": N("errors", "{location} is held in memory only: it has no snapshot of its generated state to "
                    "reset from. Nothing was changed."),
    "not_allowed": N("errors", "{location} cannot be reset: the database role this program signs in as may not "
                     "empty its tables (the audit anchor may belong to an audit role). Nothing was changed."),
}


def describe_error(exc: BaseException, lang: str | None = None) -> str:
    """A one-line message for a user, in their language, from a typed error's facts."""
    translate = translate_into(lang)
    if isinstance(exc, IllegalTransition):
        return translate("errors", "Case {case} is {status}: “{action}” is not possible now.").format(
            case=exc.case_number, status=status_label(exc.status, lang), action=action_label(exc.action, lang)
        )
    if isinstance(exc, RequestTooLate):
        due = f"{exc.deadline.astimezone(ZoneInfo(DEFAULT_TZ)):%Y-%m-%d %H:%M}"
        text = (translate("errors", "Case {case} was due {at}: an extension must be requested before the deadline, "
                          "so this request is refused.") if exc.kind == "extension" else
                translate("errors", "Case {case} was due {at}: a suspension must be requested before the deadline, "
                          "so this request is refused."))
        return text.format(case=exc.case_number, at=due)
    if isinstance(exc, RequestState):
        kind = translate("errors", "extension") if exc.kind == "extension" else translate("errors", "suspension")
        text = (translate("errors", "Case {case} already has a {kind} request waiting for a supervisor.")
                if exc.pending else translate("errors", "Case {case} has no {kind} request waiting for a decision."))
        return text.format(case=exc.case_number, kind=kind)
    if isinstance(exc, WarningAlreadyHandled):
        when = f"{exc.at.astimezone(ZoneInfo(DEFAULT_TZ)):%Y-%m-%d %H:%M}" if exc.at else "—"
        return translate("errors", WARNING_HANDLED.get(exc.status, WARNING_HANDLED["acted"])).format(
            who=exc.by or translate("errors", "Someone"), at=when)
    if isinstance(exc, StaleCase):
        if exc.last is not None:  # what won the race, so the operator knows whether to act again
            return translate("errors", "Case {case} was changed at another seat: {action} by {who} at {time} (now "
                "{status}). Nothing was changed here; the row has been reloaded, check it and try again.").format(
                case=exc.case_number, action=action_label(exc.last.action, lang),
                who=exc.last.by or translate("errors", "the system"),
                time=f"{exc.last.at.astimezone(ZoneInfo(DEFAULT_TZ)):%H:%M:%S}", status=status_label(exc.status, lang))
        return translate("errors", "Case {case} was changed at another seat (now {status}). Nothing was changed here; "
            "the row has been reloaded, check it and try again.").format(case=exc.case_number, status=status_label(exc.status, lang))
    if isinstance(exc, ServerUnreachable):
        return translate("errors", "The database server cannot be reached ({reason}). Nothing was sent; the program "
                         "reconnects by itself: try again when the banner has gone.").format(reason=exc.reason)
    if isinstance(exc, AccountLocked):
        return translate("errors", "Too many wrong passwords: this account is locked until {time}. Try again "
                         "then, or ask an administrator.").format(time=f"{exc.until:%Y-%m-%d %H:%M}")
    if isinstance(exc, AuthenticationFailed):
        return translate("errors", "Wrong user name or password.")
    if isinstance(exc, PasswordTooShort):
        return translate("errors", "A password needs at least {n} characters.").format(n=exc.min_length)
    if isinstance(exc, SignInNotAllowed):
        return translate("errors", SIGN_IN_REFUSALS[exc.reason])
    if isinstance(exc, CaseHeldElsewhere | SupportsPending):
        return describe_referral_error(exc, lang)
    if isinstance(exc, GridOfAnotherCentre | NothingCorrected):
        return describe_correction_error(exc, lang)
    if isinstance(exc, OutOfScope):
        return translate("errors", "This belongs to another command centre: you may not do this there ({action}).").format(
            action=action_label(exc.action, lang))
    if isinstance(exc, PermissionDenied):
        return translate("errors", "Your role ({role}) may not do this: {action}.").format(
            role=role_label(exc.role, lang), action=action_label(exc.action, lang)
        )
    if isinstance(exc, OutsideCity):
        return translate("errors", "The location {lon:.6f}, {lat:.6f} is outside every unit grid of this city.").format(
            lon=exc.lon, lat=exc.lat
        )
    if isinstance(exc, HandoverLocked):
        return translate("errors", "This handover has been acknowledged and can no longer be changed; add a correction note.")
    if isinstance(exc, DatabaseBusy):
        return translate("errors", "Another seat or an import is still writing to the database after {seconds} s of "
            "waiting. Nothing was changed; try again in a moment.").format(seconds=exc.waited_s)
    if isinstance(exc, DatabaseReadOnly):
        return translate("errors", "This database is read-only: {location}. It can be viewed, but nothing can be "
            "changed in it.").format(location=exc.location)
    if isinstance(exc, DatabaseFull):
        return translate("errors", "The disk holding the database is full ({location}). Nothing was changed; "
            "free some space and try again.").format(location=exc.location)
    if isinstance(exc, DatabaseMissing):
        return translate("errors", "The database file {path} was deleted or replaced while the program was running. "
            "Nothing was changed; restore the file and restart the program.").format(path=exc.path)
    if isinstance(exc, NoDatabase):
        return translate("errors", "There is no database at {path}; create one with “commandcenter db upgrade” or "
                         "name another with --db.").format(path=exc.path)
    if isinstance(exc, CannotConnect):
        return translate("errors", "cannot connect to {location}: {reason}").format(
            location=exc.location, reason=exc.reason)
    if isinstance(exc, NotADemoToReset):
        return translate("errors", "{location} is not a demo database: only a demo database can be reset to its "
            "generated state, so nothing was changed.").format(location=exc.location)
    if isinstance(exc, NoDemoSnapshot):
        return translate("errors", DEMO_SNAPSHOT_REFUSALS.get(exc.reason, DEMO_SNAPSHOT_REFUSALS["missing"])).format(
            location=exc.location)
    if isinstance(exc, NotADemoDatabase):
        return translate("errors", "{location} is not a demo database: a drill feeds only demo databases, so "
            "nothing was written to it.").format(location=exc.location)
    if isinstance(exc, UnsupportedDatabase):
        return translate("errors", "Unsupported database “{scheme}://…”: use a SQLite database file path "
            "(file:…?mode=ro to open it read-only) or a postgresql:// URL.").format(scheme=exc.scheme)
    if isinstance(exc, TextTooLong):
        field = translate("validation", FIELD_LABELS[exc.field]) if exc.field in FIELD_LABELS else (
            (exc.field or "").replace("_", " "))
        return translate("validation", "{field} is longer than {limit} characters ({length} given)").format(
            field=field, limit=exc.limit, length=exc.length)
    if isinstance(exc, TextHasNul):
        field = translate("validation", FIELD_LABELS[exc.field]) if exc.field in FIELD_LABELS else (
            (exc.field or "").replace("_", " "))
        return translate("validation", "{field} contains a NUL character, which cannot be stored; remove it and "
                         "try again").format(field=field)
    if isinstance(exc, DayInFuture):
        return translate("briefing_checks", "{day} is in the future (today is {today}); a briefing reports days "
                         "that have begun").format(day=exc.day.isoformat(), today=exc.today.isoformat())
    if isinstance(exc, DayBeforeData):
        return translate("briefing_checks", "{day} is before the data: the first case was reported on {first}").format(day=exc.day.isoformat(), first=exc.first_day.isoformat())
    if isinstance(exc, UnknownShift):
        return translate("briefing_checks", "this centre has no shift named {name}; its shifts are: {shifts}").format(name=exc.name, shifts=shift_list(exc.shifts))
    if isinstance(exc, PhotoRejected):
        return describe_photo_refusal(exc, lang)
    if isinstance(exc, WorkOrderTaken):
        return translate("errors", "Work order {number} is already case {case}: open that case instead of "
                         "registering the order again.").format(number=exc.hotline_number, case=exc.case_number)
    if isinstance(exc, MergeRefused):
        return translate("errors", MERGE_REFUSALS[exc.problem]).format(
            case=exc.case_number, other=exc.other_number, status=status_label(exc.status, lang) if exc.status else "")
    if isinstance(exc, WorldFileInvalid) and exc.problem in WORLD_FILE_PROBLEMS:
        return translate("map", WORLD_FILE_PROBLEMS[exc.problem]).format(file=exc.file)
    # after its subclasses' own wording (UnknownShift)
    if isinstance(exc, NotFound):
        kind = NOT_FOUND_KINDS.get(exc.kind)
        return translate("errors", "Not found: {kind} “{key}”.").format(
            kind=translate("errors", kind) if kind else exc.kind, key=exc.key)
    if isinstance(exc, CommandCentreError):
        return exc.message
    if getattr(exc, "connection_invalidated", False) or type(exc).__name__ in ("OperationalError", "InterfaceError"):
        # the server went away during the action (before the feed noticed): whether the commit
        # landed is unknown, and a retry of a stale version is refused, so the user checks first
        reason = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or [""])[0]
        return translate("errors", "The connection to the database broke during this action ({reason}). It may "
                         "or may not have been saved: the program reconnects by itself; check the case before "
                         "trying again.").format(reason=reason)
    return str(exc)
