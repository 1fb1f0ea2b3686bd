"""What the case search takes and gives back: a query of text and filters, and its hits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .cases import CaseRow

DEFAULT_LIMIT = 200


@dataclass(frozen=True)
class SearchQuery:
    """Free text (a number, words of the description or address, a phone number; every
    whitespace-separated term must match) combined with structured filters, all optional.

    `grid_code` is a unit grid's code or a prefix of it (a community's or a street's code finds
    the cases of every grid under it); `officer` an employee number and `department` a code,
    matched against the current handler; the period is of the report time, `reported_to`
    exclusive.
    """

    text: str = ""
    grid_code: str = ""
    officer: str = ""
    department: str = ""
    statuses: tuple[str, ...] = ()
    reported_from: datetime | None = None
    reported_to: datetime | None = None
    limit: int = DEFAULT_LIMIT


@dataclass(frozen=True)
class SearchHit:
    """One case found, with its reporter's phone as the viewer may see it (masked without the
    right to see personal data, like the address in `row`)."""

    row: CaseRow
    reporter_phone: str


@dataclass(frozen=True)
class SearchResult:
    """The newest `limit` hits, and how many cases matched in all."""

    hits: tuple[SearchHit, ...]
    total: int
    limit: int
