"""Shift handovers: drafted from the database, completed and signed by the outgoing shift,
acknowledged by the incoming supervisor, then frozen.

The draft is a snapshot (stored as JSON on the handover row) of what the next shift inherits:
open cases by stage, overdue and escalated cases, urgent cases of the shift, suspended cases,
officers off duty, and the shift's figures. It is refreshed each time the draft is opened and
once more when it is signed, so the signed record shows the centre as the author left it. The draft
and its shapes live in `handover_summary`; this module is the service around it.

Each call is one transaction with permission check, audit entry and change-log row. Once a
supervisor acknowledges a handover every change is refused with `HandoverLocked`; a correction
is a new, separately signed handover row whose `corrects_id` points at the original.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import case, delete, exists, func, insert, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.exc import StaleDataError

from ..db import Database
from ..domain.actions import Action
from ..domain.entities import Entity
from ..domain.enums import HandoverStatus
from ..errors import CommandCentreError, HandoverLocked, NotFound, ValidationError
from ..models import (
    Case,
    CommandCentre,
    Handover,
    HandoverItem,
    ShiftMember,
    User,
    to_epoch,
)
from .auth import Principal, authorize
from .changefeed import record_change
from .handover_summary import HandoverSummary, draft_summary
from .lifecycle import write_audit
from .shifts import ShiftPeriod, centre_timezone, last_ended_shift, shifts_at
from .validation import clean_text

MAX_NOTES = 8000
MAX_ITEM_TEXT = 500
MAX_ITEMS = 100


class StaleHandover(CommandCentreError):
    """Someone else changed the handover since this seat read it."""

    code = "stale_handover"

    def __init__(self, handover_id: int) -> None:
        super().__init__(
            f"handover {handover_id} was changed at another seat; nothing was changed here - reload and try again",
            handover_id=handover_id,
        )
        self.handover_id = handover_id


@dataclass(frozen=True)
class ItemInput:
    """A pending item as the outgoing operator types it; the case is given by its number."""

    text: str
    case_number: str = ""
    due_at: datetime | None = None
    done: bool = False


@dataclass(frozen=True)
class HandoverItemView:
    id: int
    text: str
    case_id: int | None
    case_number: str
    due_at: datetime | None
    done: bool

    def as_input(self) -> ItemInput:
        return ItemInput(self.text, self.case_number, self.due_at, self.done)


@dataclass(frozen=True)
class HandoverRecord:
    """A handover as screens and the PDF show it."""

    id: int
    centre_id: int
    centre_name: str
    timezone: str
    shift_id: int | None
    shift_name: str
    shift_date: date
    period_start: datetime
    period_end: datetime
    status: str
    author_id: int
    author_name: str
    created_at: datetime
    signed_at: datetime | None
    acknowledged_by_name: str
    acknowledged_at: datetime | None
    notes: str
    corrects_id: int | None
    corrections: tuple[int, ...]  # ids of correction notes that refer to this handover
    items: tuple[HandoverItemView, ...]
    summary: HandoverSummary | None  # None for a correction note
    version: int

    @property
    def locked(self) -> bool:
        return self.status == HandoverStatus.ACKNOWLEDGED


@dataclass(frozen=True)
class HandoverListRow:
    """One line of the handover history."""

    id: int
    shift_date: date
    shift_name: str
    period_start: datetime
    period_end: datetime
    status: str
    author_name: str
    signed_at: datetime | None
    acknowledged_by_name: str
    acknowledged_at: datetime | None
    corrects_id: int | None
    notes: str
    item_count: int
    version: int


def _shift_name(h: Handover) -> str:
    return str(json.loads(h.summary_json or "{}").get("shift_name", ""))


# ---- the service ----------------------------------------------------------------------
class HandoverService:
    """Handovers of one opened database; every method is one user action."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # ---- reading ----------------------------------------------------------------------
    def get(self, actor: Principal, handover_id: int) -> HandoverRecord:
        authorize(self.db, actor, Action.VIEW)
        with self.db.read() as s:
            return self._record(s, self._load(s, actor, handover_id))

    def print_record(self, actor: Principal, handover_id: int, *, folder: Path, lang: str) -> Path:
        """The handover as a PDF in `folder` (`handover_print.print_handover`), for the record browser."""
        from .handover_print import print_handover  # ReportLab loads with the first print

        return print_handover(self.db, actor, handover_id, folder=folder, lang=lang)

    def pending_acknowledgement(self, actor: Principal) -> list[HandoverListRow]:
        """Signed handovers (and correction notes) waiting for a supervisor, oldest first."""
        rows = self.search(actor, status=HandoverStatus.SIGNED.value)
        return sorted(rows, key=lambda r: (r.period_start, r.id))

    def search(self, actor: Principal, text: str = "", *, status: str | None = None,
               date_from: date | None = None, date_to: date | None = None, limit: int = 500) -> list[HandoverListRow]:
        """Past handovers, newest first. `text` matches notes, pending items, the author, the
        shift name, case numbers mentioned anywhere in the record, or a date (YYYY-MM-DD)."""
        authorize(self.db, actor, Action.VIEW)
        author = aliased(User)
        acker = aliased(User)
        items = (
            select(func.count()).select_from(HandoverItem).where(HandoverItem.handover_id == Handover.id)
        ).scalar_subquery()
        stmt = (
            select(Handover, author.display_name, acker.display_name, items)
            .join(author, author.id == Handover.author_id)
            .outerjoin(acker, acker.id == Handover.acknowledged_by)
            .where(Handover.centre_id.in_(actor.centre_ids))
        )
        if status:
            stmt = stmt.where(Handover.status == status)
        if date_from:
            stmt = stmt.where(Handover.shift_date >= date_from)
        if date_to:
            stmt = stmt.where(Handover.shift_date <= date_to)
        needle = (text or "").strip()
        if needle:
            pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            item_case = aliased(Case)
            in_items = exists().where(
                HandoverItem.handover_id == Handover.id,
                or_(
                    HandoverItem.text.ilike(pattern, escape="\\"),
                    HandoverItem.case_id.in_(
                        select(item_case.id).where(item_case.case_number.ilike(pattern, escape="\\"))
                    ),
                ),
            )
            conditions = [
                Handover.notes.ilike(pattern, escape="\\"),
                Handover.summary_json.ilike(pattern, escape="\\"),
                author.display_name.ilike(pattern, escape="\\"),
                in_items,
            ]
            try:
                conditions.append(Handover.shift_date == date.fromisoformat(needle))
            except ValueError:
                pass
            stmt = stmt.where(or_(*conditions))
        stmt = stmt.order_by(Handover.period_start.desc(), Handover.id.desc()).limit(limit)
        with self.db.read() as s:
            return [
                HandoverListRow(
                    id=h.id,
                    shift_date=h.shift_date,
                    shift_name=_shift_name(h),
                    period_start=h.period_start,
                    period_end=h.period_end,
                    status=h.status,
                    author_name=author_name,
                    signed_at=h.signed_at,
                    acknowledged_by_name=acker_name or "",
                    acknowledged_at=h.acknowledged_at,
                    corrects_id=h.corrects_id,
                    notes=h.notes,
                    item_count=int(n),
                    version=h.version,
                )
                for h, author_name, acker_name, n in s.execute(stmt).all()
            ]

    # ---- writing ----------------------------------------------------------------------
    def open_draft(self, actor: Principal, period: ShiftPeriod | None = None) -> HandoverRecord:
        """The handover of the actor's current shift (or of `period`), drafted from the database.

        Creates it on first open; a draft is re-drafted so its figures are current, while a
        signed or acknowledged handover is returned as it stands.
        """
        authorize(self.db, actor, Action.WRITE_HANDOVER)
        now = self.db.clock.now()
        with self.db.unit_of_work() as s:
            period = period or self._outgoing_shift(s, actor, now)
            h = self._find(s, actor.centre_id, period)
            if h is None:
                summary = draft_summary(s, actor.centre_ids, period.shift.name, period.start, period.end, now)
                h = Handover(
                    centre_id=actor.centre_id,
                    shift_id=period.shift.id,
                    shift_date=period.day,
                    period_start=period.start,
                    period_end=period.end,
                    status=HandoverStatus.DRAFT.value,
                    author_id=actor.user_id,
                    created_at=now,
                    summary_json=summary.to_json(),
                    notes="",
                )
                s.add(h)
                s.flush()
                write_audit(s, actor, now, "handover_open", "handover", h.id,
                            {"shift": period.shift.name, "date": period.day.isoformat()})
                record_change(s, now, Entity.HANDOVER, h.id, "insert", h.centre_id)
            elif h.status == HandoverStatus.DRAFT:
                h.summary_json = draft_summary(s, actor.centre_ids, _shift_name(h), h.period_start,
                                               h.period_end, now).to_json()
                s.flush()
                record_change(s, now, Entity.HANDOVER, h.id, "update", h.centre_id)
            handover_id = h.id
        return self.get(actor, handover_id)

    def save(self, actor: Principal, handover_id: int, notes: str, items: Sequence[ItemInput],
             expected_version: int | None = None) -> HandoverRecord:
        """Replace the notes and pending items. Saving a signed handover takes the signature
        back (it must be signed again); an acknowledged one is locked."""
        authorize(self.db, actor, Action.WRITE_HANDOVER)
        notes = clean_text(notes, "notes", Handover.notes, MAX_NOTES)
        if len(items) > MAX_ITEMS:
            raise ValidationError(f"at most {MAX_ITEMS} pending items", field="items")
        now = self.db.clock.now()

        def change(s: Session, h: Handover) -> dict[str, object]:
            resolved = [self._resolve_item(s, actor, i, n) for n, i in enumerate(items, 1)]
            h.notes = notes
            s.execute(delete(HandoverItem).where(HandoverItem.handover_id == h.id))
            for text, case_id, due_at, done in resolved:
                s.execute(insert(HandoverItem).values(handover_id=h.id, text=text, case_id=case_id,
                                                      due_at=due_at, done=done))
            unsigned = h.status == HandoverStatus.SIGNED
            if unsigned:
                h.status, h.signed_at = HandoverStatus.DRAFT.value, None
            return {"items": len(resolved), "unsigned": unsigned}

        return self._change(actor, handover_id, expected_version, "handover_save", change, now)

    def sign(self, actor: Principal, handover_id: int, expected_version: int | None = None) -> HandoverRecord:
        """The outgoing operator signs: the snapshot is drafted a last time and frozen."""
        authorize(self.db, actor, Action.WRITE_HANDOVER)
        now = self.db.clock.now()

        def change(s: Session, h: Handover) -> dict[str, object]:
            if h.status != HandoverStatus.DRAFT:
                raise ValidationError(f"handover {h.id} is already signed", field="status")
            if h.corrects_id is None:
                h.summary_json = draft_summary(s, actor.centre_ids, _shift_name(h), h.period_start,
                                               h.period_end, now).to_json()
            h.status, h.signed_at = HandoverStatus.SIGNED.value, now
            h.author_id = actor.user_id  # whoever signs answers for it
            return {}

        return self._change(actor, handover_id, expected_version, "handover_sign", change, now)

    def acknowledge(self, actor: Principal, handover_id: int, expected_version: int | None = None) -> HandoverRecord:
        """The incoming supervisor acknowledges a signed handover; from now on it is locked."""
        authorize(self.db, actor, Action.ACKNOWLEDGE_HANDOVER)
        now = self.db.clock.now()

        def change(s: Session, h: Handover) -> dict[str, object]:
            if h.status != HandoverStatus.SIGNED:
                raise ValidationError(f"handover {h.id} is not signed yet", field="status")
            if h.author_id == actor.user_id:
                raise ValidationError("a handover is acknowledged by someone other than its author",
                                      field="acknowledged_by")
            h.status = HandoverStatus.ACKNOWLEDGED.value
            h.acknowledged_by, h.acknowledged_at = actor.user_id, now
            return {}

        return self._change(actor, handover_id, expected_version, "handover_acknowledge", change, now)

    def add_correction(self, actor: Principal, handover_id: int, text: str,
                       items: Sequence[ItemInput] = ()) -> HandoverRecord:
        """A signed correction note referring to an acknowledged handover (which stays as it was)."""
        authorize(self.db, actor, Action.WRITE_HANDOVER)
        text = clean_text(text, "correction", Handover.notes, MAX_NOTES, required=True)
        now = self.db.clock.now()
        with self.db.unit_of_work() as s:
            original = self._load(s, actor, handover_id)
            if original.status != HandoverStatus.ACKNOWLEDGED:
                raise ValidationError(
                    f"handover {handover_id} is not acknowledged yet: change it directly", field="corrects"
                )
            resolved = [self._resolve_item(s, actor, i, n) for n, i in enumerate(items, 1)]
            note = Handover(
                centre_id=original.centre_id,
                shift_id=original.shift_id,
                shift_date=original.shift_date,
                period_start=original.period_start,
                period_end=original.period_end,
                status=HandoverStatus.SIGNED.value,
                author_id=actor.user_id,
                created_at=now,
                signed_at=now,
                summary_json=json.dumps({"shift_name": _shift_name(original)}, ensure_ascii=False),
                notes=text,
                corrects_id=original.id,
            )
            s.add(note)
            s.flush()
            for item_text, case_id, due_at, done in resolved:
                s.execute(insert(HandoverItem).values(handover_id=note.id, text=item_text, case_id=case_id,
                                                      due_at=due_at, done=done))
            write_audit(s, actor, now, "handover_correct", "handover", note.id, {"corrects": original.id})
            record_change(s, now, Entity.HANDOVER, note.id, "insert", note.centre_id)
            note_id = note.id
        return self.get(actor, note_id)

    def current(self, actor: Principal) -> tuple[ShiftPeriod, HandoverRecord | None]:
        """The shift an operator would hand over now, and its handover if one was opened.

        Reads only: screens call this when they appear, and draft with `open_draft` on request.
        """
        authorize(self.db, actor, Action.VIEW)
        now = self.db.clock.now()
        with self.db.read() as s:
            period = self._outgoing_shift(s, actor, now)
            h = self._find(s, actor.centre_id, period)
            return period, (self._record(s, h) if h is not None else None)

    # ---- helpers ----------------------------------------------------------------------
    @staticmethod
    def _find(s: Session, centre_id: int, period: ShiftPeriod) -> Handover | None:
        return s.scalar(
            select(Handover).where(
                Handover.centre_id == centre_id,
                Handover.period_start == to_epoch(period.start),
                Handover.corrects_id.is_(None),
            ).order_by(Handover.id).limit(1)
        )

    def _outgoing_shift(self, s: Session, actor: Principal, now: datetime) -> ShiftPeriod:
        running = shifts_at(s, actor.centre_id, now)
        if running:
            mine = set(s.scalars(select(ShiftMember.shift_id).where(ShiftMember.user_id == actor.user_id)))
            for period in running:
                if period.shift.id is not None and period.shift.id in mine:
                    return period
            return running[0]  # overlapping shifts: the one that started first is ending
        ended = last_ended_shift(s, actor.centre_id, now)
        if ended is None:
            raise NotFound("shift", "current")
        return ended

    def _load(self, s: Session, actor: Principal, handover_id: int) -> Handover:
        h = s.get(Handover, handover_id)
        if h is None or h.centre_id not in actor.centre_ids:
            raise NotFound("handover", handover_id)
        return h

    def _change(self, actor: Principal, handover_id: int, expected_version: int | None, action: str,
                change: Any, now: datetime) -> HandoverRecord:
        try:
            with self.db.unit_of_work() as s:
                stmt = select(Handover).where(Handover.id == handover_id)
                if not self.db.is_sqlite:
                    stmt = stmt.with_for_update()
                h = s.scalar(stmt)
                if h is None or h.centre_id not in actor.centre_ids:
                    raise NotFound("handover", handover_id)
                if h.status == HandoverStatus.ACKNOWLEDGED:
                    raise HandoverLocked(h.id)
                if expected_version is not None and h.version != expected_version:
                    raise StaleHandover(h.id)
                detail = change(s, h)
                s.flush()
                write_audit(s, actor, now, action, "handover", h.id, detail)
                record_change(s, now, Entity.HANDOVER, h.id, "update", h.centre_id)
        except StaleDataError as exc:
            raise StaleHandover(handover_id) from exc
        return self.get(actor, handover_id)

    def _resolve_item(self, s: Session, actor: Principal, item: ItemInput, n: int) -> tuple[str, int | None, int | None, bool]:
        text = clean_text(item.text, f"item {n}", HandoverItem.text, MAX_ITEM_TEXT, required=True)
        case_id = None
        number = (item.case_number or "").strip()
        if number:
            case_id = s.scalar(
                select(Case.id).where(Case.case_number == number, Case.centre_id.in_(actor.centre_ids)).limit(1)
            )
            if case_id is None:
                raise ValidationError(f"item {n}: no case {number}", field="case_number", case_number=number)
        due = to_epoch(item.due_at) if item.due_at is not None else None
        return text, case_id, due, bool(item.done)

    def _record(self, s: Session, h: Handover) -> HandoverRecord:
        users = dict(s.execute(select(User.id, User.display_name).where(
            User.id.in_([h.author_id] + ([h.acknowledged_by] if h.acknowledged_by else []))
        )).all())
        centre_name = s.scalar(select(CommandCentre.name).where(CommandCentre.id == h.centre_id)) or ""
        item_rows = s.execute(
            select(HandoverItem.id, HandoverItem.text, HandoverItem.case_id, Case.case_number,
                   HandoverItem.due_at, HandoverItem.done)
            .outerjoin(Case, Case.id == HandoverItem.case_id)
            .where(HandoverItem.handover_id == h.id)
            .order_by(case((HandoverItem.due_at.is_(None), 1), else_=0), HandoverItem.due_at, HandoverItem.id)
        ).all()
        items = tuple(HandoverItemView(r[0], r[1], r[2], r[3] or "", r[4], bool(r[5])) for r in item_rows)
        corrections = tuple(s.scalars(select(Handover.id).where(Handover.corrects_id == h.id).order_by(Handover.id)))
        return HandoverRecord(
            id=h.id,
            centre_id=h.centre_id,
            centre_name=centre_name,
            timezone=centre_timezone(s, h.centre_id),
            shift_id=h.shift_id,
            shift_name=_shift_name(h),
            shift_date=h.shift_date,
            period_start=h.period_start,
            period_end=h.period_end,
            status=h.status,
            author_id=h.author_id,
            author_name=users.get(h.author_id, ""),
            created_at=h.created_at,
            signed_at=h.signed_at,
            acknowledged_by_name=users.get(h.acknowledged_by, "") if h.acknowledged_by else "",
            acknowledged_at=h.acknowledged_at,
            notes=h.notes,
            corrects_id=h.corrects_id,
            corrections=corrections,
            items=items,
            summary=HandoverSummary.from_json(h.summary_json),
            version=h.version,
        )
