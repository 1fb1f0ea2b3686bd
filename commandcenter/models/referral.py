"""Referrals of a case between command centres, and the supporting units of joint handling.

The rules are in `domain.referral`; the case history keeps one row per step as well, so the
briefing's figures and the case timeline read the same facts. Rows are never deleted: a
referral's instants (referred, decided, fed back) are what a period's figures are read from,
so a reprint of a past day counts what the first print counted.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..domain.enums import check_in
from ..domain.referral import ReferralKind, ReferralReason, ReferralState
from .base import Base, UtcTimestamp


class CaseReferral(Base):
    """One referral of a case from one centre to another (上报 / 下派 / 转办) and its outcome."""

    __tablename__ = "case_referral"
    __table_args__ = (
        CheckConstraint(check_in("kind", ReferralKind), name="kind"),
        CheckConstraint(check_in("reason", ReferralReason), name="reason"),
        CheckConstraint(check_in("state", ReferralState), name="state"),
        Index("ix_case_referral_case", "case_id", "state"),
        # the briefing: a centre's referrals out and in by when they were made
        Index("ix_case_referral_from", "from_centre_id", "referred_at"),
        Index("ix_case_referral_to", "to_centre_id", "referred_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_record.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(8))
    from_centre_id: Mapped[int] = mapped_column(ForeignKey("command_centre.id"))
    to_centre_id: Mapped[int] = mapped_column(ForeignKey("command_centre.id"))
    # the case's own centre before the referral: where it goes back to when returned or fed back
    prior_centre_id: Mapped[int] = mapped_column(ForeignKey("command_centre.id"))
    reason: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(10))
    referred_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    referred_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    return_note: Mapped[str] = mapped_column(Text, default="")
    fed_back_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    fed_back_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    feedback: Mapped[str] = mapped_column(Text, default="")


class CaseSupport(Base):
    """A supporting unit (协办) of a case's handling, and its part of the feedback."""

    __tablename__ = "case_support"
    __table_args__ = (Index("uq_case_support_case_department", "case_id", "department_id", unique=True),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_record.id", ondelete="CASCADE"))
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))
    added_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    added_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    task: Mapped[str] = mapped_column(Text, default="")  # what the lead asks of this unit
    fed_back_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    feedback: Mapped[str] = mapped_column(Text, default="")
