"""Plain data of call-taking that crosses into the views: further reporters, hotline work
orders, likely duplicates and a caller's or a place's earlier cases."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from ..domain.privacy import mask_address, mask_name, mask_phone


@dataclass(frozen=True, slots=True)
class ReporterEntry:
    """A further caller about a case (the first one is the case's own reporter)."""

    name: str
    phone: str
    privacy: str
    source: str
    reported_at: datetime
    from_case_number: str | None  # the case this call was first registered as, if any

    def masked(self) -> ReporterEntry:
        return replace(self, name=mask_name(self.name), phone=mask_phone(self.phone))


@dataclass(frozen=True, slots=True)
class HotlineFacts:
    """A 12345 work order's own number and due time, the answer given on the call (直接答复)
    and the reply sent back to the hotline at closure; empty strings where none was given."""

    number: str
    due_at: datetime | None
    call_answer: str
    reply: str

    @property
    def any(self) -> bool:
        return bool(self.number or self.due_at or self.call_answer or self.reply)


@dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    """An open case that may be the same problem as the one being registered."""

    case_id: int
    case_number: str
    status: str
    reported_at: datetime
    distance_m: float
    similarity: float  # 0..1, the descriptions' likeness (the tie-breaker)
    description: str
    address: str
    version: int


@dataclass(frozen=True, slots=True)
class DuplicateRules:
    """What makes a likely duplicate: the same category within this distance and time."""

    radius_m: float = 100.0
    window_hours: float = 24.0


@dataclass(frozen=True, slots=True)
class EarlierCase:
    """One earlier case of a caller or a place, as intake lists it."""

    case_id: int
    case_number: str
    reported_at: datetime
    status: str
    category_zh: str
    category_en: str
    description: str
    address: str
    distance_m: float | None = None  # for a place's cases

    def masked(self) -> EarlierCase:
        return replace(self, address=mask_address(self.address))


@dataclass(frozen=True, slots=True)
class EarlierCases:
    """A caller's (by phone) or a place's (nearby) earlier cases: the count and the latest few."""

    count: int
    cases: tuple[EarlierCase, ...]
    key: str  # the phone or "lon,lat" they were looked up for, masked as the viewer may see it

