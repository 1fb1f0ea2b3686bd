"""The audit trail as the audit screen and `commandcenter audit verify` see it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class AnchorHead:
    """The newest entry of the chain as recorded outside it: its id, place and hash."""

    entry_id: int
    seq: int
    hash: str


@dataclass(frozen=True)
class AuditRow:
    """One audit entry for the audit screen."""

    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: int | None
    case_number: str
    detail: str
    workstation: str
    os_user: str


@dataclass(frozen=True)
class AuditFacets:
    """The action and entity codes the trail holds: the audit screen's filter choices."""

    actions: tuple[str, ...]
    entities: tuple[str, ...]


@dataclass(frozen=True)
class AuditQuery:
    """What the audit screen searches by; empty fields do not filter."""

    user: str = ""
    action: str = ""
    entity: str = ""
    reference: str = ""  # an entity id or a case number
    since: datetime | None = None
    until: datetime | None = None
    text: str = ""
    limit: int = 2000


@dataclass(frozen=True)
class ChainReport:
    """The outcome of verifying the chain.

    `problem` is None when the chain is sound; otherwise one of "edited", "inserted",
    "deleted", "tail_deleted", "anchor_mismatch", "anchor_missing", "history_edited",
    "history_deleted", "history_inserted", and `entry_id`/`at` name the first bad entry (or
    the history row, for the history problems).
    """

    entries: int
    head: AnchorHead | None
    anchor: AnchorHead | None
    problem: str | None = None
    entry_id: int | None = None
    at: datetime | None = None
    seconds: float = 0.0

    @property
    def sound(self) -> bool:
        return self.problem is None
