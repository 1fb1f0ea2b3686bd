"""Shifts, who works them, handovers between them and the briefings issued."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..domain.enums import HandoverStatus, check_in
from .base import Base, UtcTimestamp


class Shift(Base):
    """A named shift pattern of a centre: local start and end time (HH:MM) and weekdays (1=Mon)."""

    __tablename__ = "shift"
    __table_args__ = (Index("uq_shift_centre_name", "centre_id", "name", unique=True),)
    id: Mapped[int] = mapped_column(primary_key=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("command_centre.id"))
    name: Mapped[str] = mapped_column(String(40))
    start_time: Mapped[str] = mapped_column(String(5))
    end_time: Mapped[str] = mapped_column(String(5))
    weekdays: Mapped[str] = mapped_column(String(7), default="1234567")


class ShiftMember(Base):
    """An officer or a user assigned to a shift."""

    __tablename__ = "shift_member"
    __table_args__ = (
        CheckConstraint("(officer_id IS NULL) <> (user_id IS NULL)", name="one_member"),
        Index("ix_shift_member_shift", "shift_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shift.id", ondelete="CASCADE"))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"))


class Handover(Base):
    """The record the outgoing shift passes on; immutable once acknowledged."""

    __tablename__ = "handover"
    __table_args__ = (
        CheckConstraint(check_in("status", HandoverStatus), name="status"),
        Index("ix_handover_centre_date", "centre_id", "shift_date"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("command_centre.id"))
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shift.id"))
    shift_date: Mapped[date] = mapped_column(Date)
    period_start: Mapped[datetime] = mapped_column(UtcTimestamp)
    period_end: Mapped[datetime] = mapped_column(UtcTimestamp)
    status: Mapped[str] = mapped_column(String(12), default=HandoverStatus.DRAFT.value)
    author_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    signed_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    acknowledged_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    acknowledged_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    summary_json: Mapped[str] = mapped_column(Text, default="{}")  # the drafted snapshot
    notes: Mapped[str] = mapped_column(Text, default="")
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("handover.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class HandoverItem(Base):
    """A pending item the next shift inherits (e.g. call back a reporter at 09:00)."""

    __tablename__ = "handover_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    handover_id: Mapped[int] = mapped_column(ForeignKey("handover.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_record.id"))
    due_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    done: Mapped[bool] = mapped_column(Boolean, default=False)


class BriefingIssued(Base):
    """A briefing that was printed: who, when, which period, and the file's hash."""

    __tablename__ = "briefing_issued"
    id: Mapped[int] = mapped_column(primary_key=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("command_centre.id"))
    kind: Mapped[str] = mapped_column(String(8))  # daily | shift
    period_start: Mapped[datetime] = mapped_column(UtcTimestamp)
    period_end: Mapped[datetime] = mapped_column(UtcTimestamp)
    lang: Mapped[str] = mapped_column(String(8))
    issued_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    issued_by: Mapped[str] = mapped_column(String(80))
    file_path: Mapped[str] = mapped_column(String(400), default="")
    sha256: Mapped[str] = mapped_column(String(64))
