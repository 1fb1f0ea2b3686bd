"""The audit trail of actions and the change log that feeds live views."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UtcTimestamp


class AuditEntry(Base):
    """An append-only record of who did what, chained by SHA-256 (`services/audit.py`).

    `seq` is the entry's place in the chain (1, 2, 3 …), so the newest entry also tells how many
    there are; `history_id` names the case-history row written in the same transaction and
    `history_hash` is that row's digest, part of this entry's hash, so history is covered by the
    same chain.
    """

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_at", "at"), Index("ix_audit_entry_history", "history_id"))
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcTimestamp)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))
    seq: Mapped[int | None] = mapped_column(Integer)
    workstation: Mapped[str] = mapped_column(String(120), default="", server_default="")
    os_user: Mapped[str] = mapped_column(String(80), default="", server_default="")
    history_id: Mapped[int | None] = mapped_column(Integer)
    history_hash: Mapped[str | None] = mapped_column(String(64))


class AuditAnchor(Base):
    """The newest chain head, one row (id 1); on PostgreSQL the anchor outside the app's reach.

    An administrator gives this table to an audit role (README, "Audit trail") and leaves the
    application only UPDATE, which a trigger lets move forwards only: deleting the newest
    entries, or recomputing the whole chain, then no longer matches it. SQLite keeps the same
    head in a file beside the database instead.
    """

    __tablename__ = "audit_anchor"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


class ChangeLog(Base):
    """One row per committed change; live views poll it (or hear NOTIFY) and update rows in place."""

    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcTimestamp)
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int] = mapped_column(Integer)
    op: Mapped[str] = mapped_column(String(8))  # insert | update | delete
    centre_id: Mapped[int | None] = mapped_column(Integer)
