"""Categories, time-limit policy, cases, their history and escalations."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from ..domain.enums import (
    CaseStatus,
    CategoryKind,
    EscalationLevel,
    Priority,
    ReporterPrivacy,
    Satisfaction,
    SourceChannel,
    Stage,
    TimeRequestKind,
    TimeRequestState,
    TimeUnit,
    check_in,
)
from .base import Base, UtcTimestamp


class Category(Base):
    """Two-level case category: a major class (level 1) and its minor classes (level 2)."""

    __tablename__ = "category"
    __table_args__ = (
        CheckConstraint(check_in("kind", CategoryKind), name="kind"),
        CheckConstraint("level IN (1, 2)", name="level"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"), index=True)
    level: Mapped[int] = mapped_column(SmallInteger)
    kind: Mapped[str] = mapped_column(String(10))
    name_zh: Mapped[str] = mapped_column(String(60))
    name_en: Mapped[str] = mapped_column(String(80))
    version: Mapped[int] = mapped_column(Integer, server_default="1")  # admin edits (services/admin)
    __mapper_args__ = {"eager_defaults": False}  # the database numbers a new row 1; inserts neither send nor fetch it


class TimeLimitPolicy(Base):
    """Time limit of one stage for a minor category at one priority."""

    __tablename__ = "time_limit_policy"
    __table_args__ = (
        UniqueConstraint("category_id", "priority", "stage"),
        CheckConstraint(check_in("priority", Priority), name="priority"),
        CheckConstraint(check_in("stage", Stage), name="stage"),
        CheckConstraint(check_in("unit", TimeUnit), name="unit"),
        CheckConstraint("minutes > 0", name="minutes_positive"),
        # urgent cases run on the calendar clock: an emergency does not wait for Monday
        CheckConstraint("priority <> 'urgent' OR unit = 'calendar'", name="urgent_calendar"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id", ondelete="CASCADE"))
    priority: Mapped[str] = mapped_column(String(8))
    stage: Mapped[str] = mapped_column(String(10))
    minutes: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(10))


class Case(Base):
    """One reported problem and where it stands in the closed loop."""

    __tablename__ = "case_record"
    __table_args__ = (
        UniqueConstraint("centre_id", "case_number"),
        # a request taken from another system (Open311) is kept once per feed (see 0006)
        UniqueConstraint("external_source", "external_id"),
        # a 12345 work order is kept once per hotline; its number leads, so a look-up by number finds it (see 0015)
        UniqueConstraint("hotline_number", "source", name="uq_case_record_hotline_number"),
        CheckConstraint(check_in("status", CaseStatus), name="status"),
        CheckConstraint(check_in("priority", Priority), name="priority"),
        CheckConstraint(check_in("source", SourceChannel), name="source"),
        CheckConstraint("rating IS NULL OR rating BETWEEN 1 AND 5", name="rating"),
        CheckConstraint(check_in("reporter_privacy", ReporterPrivacy), name="reporter_privacy"),
        CheckConstraint(f"satisfaction IS NULL OR {check_in('satisfaction', Satisfaction)}", name="satisfaction"),
        CheckConstraint("escalation_level BETWEEN 0 AND 2", name="escalation_level"),
        CheckConstraint("status <> 'merged' OR merged_into_id IS NOT NULL", name="merged_target"),
        Index("ix_case_status_deadline", "status", "stage_deadline_at"),
        # the wall: a centre's open cases, and its closed ones by closing time (see 0002)
        Index("ix_case_centre_status_closed", "centre_id", "status", "closed_at"),
        Index("ix_case_reported_at", "reported_at"),
        Index("ix_case_closed_at", "closed_at"),
        # the briefing's counts of a day's registrations, dispatches and feedback (see 0004)
        Index("ix_case_registered_at", "registered_at"),
        Index("ix_case_dispatched_at", "dispatched_at"),
        Index("ix_case_fed_back_at", "fed_back_at"),
        Index("ix_case_handle_deadline", "handle_deadline_at"),
        Index("ix_case_grid", "grid_id"),
        Index("ix_case_officer_status", "assignee_officer_id", "status"),
        # intake's look-ups: likely duplicates (same category, recent) and a caller's earlier cases (see 0015)
        Index("ix_case_category_reported", "category_id", "reported_at"),
        Index("ix_case_reporter_phone", "reporter_phone"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("command_centre.id"))
    case_number: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(16))
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id"))
    priority: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(12))
    suspended_from: Mapped[str | None] = mapped_column(String(12))
    grid_id: Mapped[int] = mapped_column(ForeignKey("grid.id"))
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    address: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    reporter_name: Mapped[str] = mapped_column(String(60), default="")
    reporter_phone: Mapped[str] = mapped_column(String(20), default="")
    # anonymous and confidential reporters are never shown by name nor called back (see 0009)
    reporter_privacy: Mapped[str] = mapped_column(String(12), default=ReporterPrivacy.NAMED.value,
                                                  server_default=ReporterPrivacy.NAMED.value)
    reported_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    registered_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    dispatched_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    accepted_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    fed_back_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    closed_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    evaluated_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    rating: Mapped[int | None] = mapped_column(SmallInteger)
    assignee_officer_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    assignee_department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    # when the current stage's clock started and when it runs out (None when no clock runs);
    # a suspension keeps both and a resume shifts both by the time spent suspended
    stage_started_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    stage_deadline_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    # when the current stage's reminder (催办) is due: 80 % of its limit on the stage's own clock
    # (working minutes on the working calendar, or natural time), so the scan compares instants
    stage_remind_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    # the handling deadline (处置时限) after extensions and without suspended time
    handle_deadline_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    # the deadline 按期 is judged against: the first handling deadline plus approved extensions
    # and suspended time; a return for rework gives the handler a new clock, never a new one of these
    assess_deadline_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    extended_minutes: Mapped[int] = mapped_column(Integer, default=0)
    suspended_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    suspended_seconds: Mapped[int] = mapped_column(Integer, default=0)
    rework_count: Mapped[int] = mapped_column(SmallInteger, default=0)
    escalation_level: Mapped[int] = mapped_column(SmallInteger, default=0)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("case_record.id"))
    merged_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    merged_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    # a 12345 hotline work order (工单): its own number and the hotline's due time; the answer given
    # on the call when it was answered there (直接答复), and the reply sent back at closure (see 0015)
    hotline_number: Mapped[str | None] = mapped_column(String(40))
    hotline_due_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    call_answer: Mapped[str] = mapped_column(Text, default="", server_default="")
    hotline_reply: Mapped[str] = mapped_column(Text, default="", server_default="")
    # the grid officer asked for the field check (核查) under way, and the follow-up (回访) of the
    # current closure; a reopening clears both, the history keeps every earlier one
    check_officer_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    followed_up_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    satisfaction: Mapped[str | None] = mapped_column(String(20))
    reject_reason: Mapped[str] = mapped_column(String(200), default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    # written by the drill feed: left out of a production database's figures (see 0010)
    is_drill: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # the feed a case came from (an Open311 file's source name) and its service_request_id
    # there, so importing the same file again finds the case instead of adding it twice
    external_source: Mapped[str | None] = mapped_column(String(40))
    external_id: Mapped[str | None] = mapped_column(String(120))
    updated_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class CaseReporter(Base):
    """A further caller about a case already open: the first reporter stays on the case itself.

    Written when a call is merged into an existing case at intake and when two cases are merged
    (the merged case's reporters move to the survivor). Masked like the case's own reporter
    (services/personal_data); an anonymous caller's name and phone are not kept.
    """

    __tablename__ = "case_reporter"
    __table_args__ = (
        CheckConstraint(check_in("privacy", ReporterPrivacy), name="privacy"),
        Index("ix_case_reporter_case", "case_id"),
        Index("ix_case_reporter_phone_no", "phone"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_record.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(60), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    privacy: Mapped[str] = mapped_column(String(12), default=ReporterPrivacy.NAMED.value)
    source: Mapped[str] = mapped_column(String(16))
    reported_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    # the case this call was registered as before it was merged in (its history stays there)
    from_case_id: Mapped[int | None] = mapped_column(ForeignKey("case_record.id"))
    added_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    added_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class CaseHistory(Base):
    """One step of a case's life: who did what, when, from which status to which."""

    __tablename__ = "case_history"
    __table_args__ = (
        Index("ix_case_history_case", "case_id", "id"),
        # a period's figures read its events by time and its due cases by deadline (see 0008)
        Index("ix_case_history_at", "at"),
        Index("ix_case_history_deadline", "deadline_at"),
        Index("ix_case_history_stage_deadline", "stage_deadline_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_record.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UtcTimestamp)
    action: Mapped[str] = mapped_column(String(24))
    from_status: Mapped[str | None] = mapped_column(String(12))
    to_status: Mapped[str] = mapped_column(String(12))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    # a follow-up's satisfaction (Satisfaction values), else empty; what briefings count as 满意率
    outcome: Mapped[str] = mapped_column(String(20), default="", server_default="")
    # where the proof lies (a photo or file reference) for on-the-spot handling and field checks
    evidence: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # the clocks as this step left them, so a period's figures are read as they stood at its end
    # and a later extension or reopening never changes them: the deadline 按期 is judged against
    # (the case's assessment deadline) and the current stage's deadline (see 0008)
    deadline_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    stage_deadline_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)


class TimeRequest(Base):
    """An extension (延期) or suspension (挂账) asked for on behalf of the handler, and its decision.

    Recorded before the stage deadline with a reason and the minutes wanted; a supervisor
    approves or refuses it. One pending request per case and kind at a time.
    """

    __tablename__ = "time_request"
    __table_args__ = (
        CheckConstraint(check_in("kind", TimeRequestKind), name="kind"),
        CheckConstraint(check_in("state", TimeRequestState), name="state"),
        CheckConstraint("minutes > 0", name="minutes_positive"),
        Index("ix_time_request_case", "case_id", "state"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_record.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(12))
    state: Mapped[str] = mapped_column(String(10))
    minutes: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    stage: Mapped[str] = mapped_column(String(10))
    stage_deadline_at: Mapped[datetime] = mapped_column(UtcTimestamp)  # the deadline it was asked before
    requested_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))  # the handler it is for
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    decision_note: Mapped[str] = mapped_column(Text, default="")


class Escalation(Base):
    """A reminder (催办, 80 %) or supervision (督办, 100 %) of one stage of one case.

    Unique per case, stage, level and rework round, so however many seats watch the clock
    the escalation is written once.
    """

    __tablename__ = "escalation"
    __table_args__ = (
        UniqueConstraint("case_id", "stage", "level", "round"),
        CheckConstraint(check_in("level", EscalationLevel), name="level"),
        CheckConstraint(check_in("stage", Stage), name="stage"),
        Index("ix_escalation_open", "acknowledged_at", "at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_record.id", ondelete="CASCADE"))
    stage: Mapped[str] = mapped_column(String(10))
    level: Mapped[str] = mapped_column(String(12))
    round: Mapped[int] = mapped_column(SmallInteger, default=0)
    at: Mapped[datetime] = mapped_column(UtcTimestamp)
    deadline_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    acknowledged_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class DailySequence(Base):
    """The last case number issued per centre and local day (case numbers are YYYYMMDD-NNNNN)."""

    __tablename__ = "daily_sequence"
    centre_id: Mapped[int] = mapped_column(ForeignKey("command_centre.id"), primary_key=True)
    day: Mapped[str] = mapped_column(String(8), primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer)
