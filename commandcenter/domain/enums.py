"""The closed vocabularies of the domain: stored as their string values with CHECK constraints."""

from __future__ import annotations

from enum import StrEnum


class Priority(StrEnum):
    URGENT = "urgent"
    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"

    @property
    def rank(self) -> int:
        """0 for the most pressing; used to sort urgent first."""
        return PRIORITY_ORDER.index(self)


PRIORITY_ORDER: tuple[Priority, ...] = (Priority.URGENT, Priority.HIGH, Priority.NORMAL, Priority.LOW)


class CaseStatus(StrEnum):
    REPORTED = "reported"  # received, waiting to be registered (立案)
    REGISTERED = "registered"  # 立案: waiting for dispatch
    DISPATCHED = "dispatched"  # 派遣: waiting for the handler to accept
    ACCEPTED = "accepted"  # 处置: being handled
    FED_BACK = "fed_back"  # 反馈: waiting for verification
    CHECKING = "checking"  # 核查: the grid officer checks the result on site before the centre closes
    SUSPENDED = "suspended"  # 挂账: clock stopped
    REFERRED = "referred"  # 上报/下派/转办: waiting for another centre to accept (受理) it
    CLOSED = "closed"  # 结案
    REJECTED = "rejected"  # invalid report
    MERGED = "merged"  # duplicate merged into another case


OPEN_STATUSES: frozenset[CaseStatus] = frozenset(
    {
        CaseStatus.REPORTED,
        CaseStatus.REGISTERED,
        CaseStatus.DISPATCHED,
        CaseStatus.ACCEPTED,
        CaseStatus.FED_BACK,
        CaseStatus.CHECKING,
        CaseStatus.SUSPENDED,
        CaseStatus.REFERRED,
    }
)
# the stored values, for `Case.status.in_(...)`; sorted so the SQL text (and its cache key) is stable
OPEN_STATUS_VALUES: tuple[str, ...] = tuple(sorted(s.value for s in OPEN_STATUSES))
TERMINAL_STATUSES: frozenset[CaseStatus] = frozenset({CaseStatus.REJECTED, CaseStatus.MERGED})


class SourceChannel(StrEnum):
    PATROL = "patrol"  # 巡查发现
    HOTLINE_12345 = "hotline_12345"
    DUTY_LINE = "duty_line"  # 24-hour duty line
    CITIZEN_APP = "citizen_app"
    VIDEO = "video"
    SENSOR = "sensor"
    REFERRAL = "referral"  # from another centre
    PETITION = "petition"  # 信访
    MAYOR_MAILBOX = "mayor_mailbox"  # 市长信箱


class Stage(StrEnum):
    """A clocked stage of the closed loop; each has a time limit from the policy."""

    REGISTER = "register"  # report -> registered
    DISPATCH = "dispatch"  # registered -> dispatched
    HANDLE = "handle"  # dispatched -> fed back (the 处置时限)
    VERIFY = "verify"  # fed back -> closed
    ACCEPT = "accept"  # dispatched -> accepted (签收): the handler acknowledges within its own limit
    CHECK = "check"  # checking -> checked: the grid officer's field check (核查)
    REFERRAL = "referral"  # referred -> accepted or returned by the receiving centre (受理)
    # fed back at the centre a referral reached -> fed back to the referring centre (反馈): the
    # status stays fed back, so STATUS_STAGE cannot name it; `referral.awaits_feedback` does
    FEEDBACK = "feedback"


STATUS_STAGE: dict[CaseStatus, Stage] = {
    CaseStatus.REPORTED: Stage.REGISTER,
    CaseStatus.REGISTERED: Stage.DISPATCH,
    CaseStatus.DISPATCHED: Stage.ACCEPT,  # the handling deadline runs too, in handle_deadline_at
    CaseStatus.ACCEPTED: Stage.HANDLE,
    CaseStatus.FED_BACK: Stage.VERIFY,
    CaseStatus.CHECKING: Stage.CHECK,
    CaseStatus.REFERRED: Stage.REFERRAL,
}


class ReporterPrivacy(StrEnum):
    """What the reporter allowed: a named reporter is called back (回访); an anonymous one left no
    name, a confidential one (保密) left it for the centre's records only: neither is shown a name
    nor called back."""

    NAMED = "named"
    ANONYMOUS = "anonymous"
    CONFIDENTIAL = "confidential"


class Satisfaction(StrEnum):
    """The reporter's answer at the follow-up call (回访); 满意率 counts the first two."""

    SATISFIED = "satisfied"  # 满意
    BASICALLY_SATISFIED = "basically_satisfied"  # 基本满意
    UNSATISFIED = "unsatisfied"  # 不满意


class TimeUnit(StrEnum):
    CALENDAR = "calendar"
    WORKING = "working"


class TimeRequestKind(StrEnum):
    """What a handler asks for more time as: an extension (延期) or a suspension (挂账)."""

    EXTENSION = "extension"
    SUSPENSION = "suspension"


class TimeRequestState(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REFUSED = "refused"
    LAPSED = "lapsed"  # undecided when the case moved past the step it was asked for


class DutyStatus(StrEnum):
    ON_DUTY = "on_duty"
    OFF_DUTY = "off_duty"
    ON_LEAVE = "on_leave"
    IN_FIELD = "in_field"


AVAILABLE_DUTY: frozenset[DutyStatus] = frozenset({DutyStatus.ON_DUTY, DutyStatus.IN_FIELD})


class Role(StrEnum):
    OPERATOR = "operator"
    SUPERVISOR = "supervisor"
    TRAINER = "trainer"
    ADMIN = "admin"
    # named system accounts (services/auth.SYSTEM_ACCOUNTS), each with its own limited rights;
    # values fit the 12-character role column
    SYSTEM_DRILL = "sys_drill"
    SYSTEM_IMPORTER = "sys_importer"
    SYSTEM_OPEN311 = "sys_open311"
    SYSTEM_CLOCK = "sys_clock"
    SYSTEM_CLI = "sys_cli"


class CentreLevel(StrEnum):
    STREET = "street"
    DISTRICT = "district"
    CITY = "city"


class CategoryKind(StrEnum):
    COMPONENT = "component"  # 部件
    EVENT = "event"  # 事件
    SOCIAL = "social"  # social governance


class EscalationLevel(StrEnum):
    REMINDER = "reminder"  # 催办 at 80 % of the time limit
    SUPERVISION = "supervision"  # 督办 at 100 %


class HandoverStatus(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"
    ACKNOWLEDGED = "acknowledged"


def check_in(column: str, enum: type[StrEnum]) -> str:
    """SQL CHECK expression restricting a column to an enum's values."""
    values = ", ".join(f"'{m.value}'" for m in enum)
    return f"{column} IN ({values})"
