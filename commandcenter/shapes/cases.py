"""Plain frozen dataclasses that cross from services into item models and views."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from ..domain.enums import CaseStatus, Priority, SourceChannel
from .corrections import Correction
from .intake import HotlineFacts, ReporterEntry
from .referral import ReferralInfo
from .time_requests import TimeRequestRow


class CaseRow(NamedTuple):
    """One case as a list or the wall shows it.

    A NamedTuple rather than a frozen dataclass: the wall builds 100,000 of these and a
    tuple is ten times cheaper to create, while staying immutable plain data.
    """

    id: int
    case_number: str
    centre_id: int
    reported_at: datetime
    source: str
    category_id: int
    category_code: str
    category_zh: str
    category_en: str
    priority: str
    status: str
    street_id: int
    street_name: str
    community_id: int
    community_name: str
    grid_id: int
    grid_code: str
    address: str
    lon: float
    lat: float
    assignee_officer_id: int | None
    assignee_department_id: int | None
    assignee_name: str
    stage_started_at: datetime | None
    stage_deadline_at: datetime | None
    handle_deadline_at: datetime | None
    closed_at: datetime | None
    escalation_level: int
    rework_count: int
    version: int
    description: str
    street_initials: str
    community_initials: str
    created_by: int | None
    stage_remind_at: datetime | None  # the stage's reminder (催办) instant, on its own clock

    @property
    def clock_running(self) -> bool:
        return self.status not in (CaseStatus.CLOSED, CaseStatus.REJECTED, CaseStatus.MERGED, CaseStatus.SUSPENDED)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One line of a case's timeline; a reminder or supervision names its stage and round instead
    of a note, for the presentation side to word (`labels.escalation_note`)."""

    at: datetime
    action: str
    from_status: str | None
    to_status: str
    actor: str
    officer_name: str
    department_name: str
    note: str
    stage: str | None = None
    round: int = 0
    acknowledged_by: str | None = None
    correction: Correction | None = None  # what a correction (更正) changed, for `correction_lines`


@dataclass(frozen=True)
class CaseDetail:
    row: CaseRow
    reporter_name: str
    reporter_phone: str
    registered_at: datetime | None
    dispatched_at: datetime | None
    accepted_at: datetime | None
    fed_back_at: datetime | None
    evaluated_at: datetime | None
    rating: int | None
    extended_minutes: int
    suspended_seconds: int
    merged_into_number: str | None
    reject_reason: str
    history: tuple[HistoryEntry, ...]
    # reminders (催办) and supervisions (督办) recorded for the case, as timeline entries
    escalations: tuple[HistoryEntry, ...] = ()
    # extension and suspension requests, oldest first; a pending one waits for a supervisor
    time_requests: tuple[TimeRequestRow, ...] = ()
    # the reporter and the address are masked for this viewer (services/personal_data): the
    # panel offers the audited reveal
    personal_masked: bool = False
    reporter_privacy: str = "named"  # ReporterPrivacy: anonymous and confidential names are never shown
    satisfaction: str | None = None  # the follow-up (回访) of the current closure, if made
    # further callers (merged-in reports) and a 12345 work order's facts (services/intake)
    reporters: tuple[ReporterEntry, ...] = ()
    hotline: HotlineFacts | None = None
    # every referral between centres, oldest first: the panel shows who referred it to whom and how it stands
    referrals: tuple[ReferralInfo, ...] = ()


@dataclass(frozen=True)
class NewCase:
    """What a call-taker or a feed enters. Either a location or a grid must be given."""

    source: SourceChannel
    category_id: int
    priority: Priority
    description: str
    lon: float | None = None
    lat: float | None = None
    grid_id: int | None = None
    address: str = ""
    reporter_name: str = ""
    reporter_phone: str = ""
    reported_at: datetime | None = None
    # anonymous reporters leave no name; confidential ones are kept for the centre only: neither
    # is shown nor called back (ReporterPrivacy)
    reporter_privacy: str = "named"
    # 即时办结: a grid officer reports the problem already solved; it closes at once with the
    # note of what was done and an optional evidence reference (a photo)
    solved_on_spot: bool = False
    officer_id: int | None = None
    on_spot_note: str = ""
    evidence: str = ""
    # a 12345 work order: the hotline's own number and due time; with `call_answer` the call was
    # answered there and then (直接答复) and the case closes at intake with that answer
    hotline_number: str = ""
    hotline_due_at: datetime | None = None
    call_answer: str = ""
