"""The handovers export: one row per handover record of the principal's centres, with its notes
and pending items (one per line in their cell)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, aliased

from ...domain.privacy import mask_phones_in_text
from ...models import Case, Handover, HandoverItem, Shift, User

HEADER = ("handover_id", "shift_date", "shift", "period_start", "period_end", "status", "author",
          "signed_at", "acknowledged_by", "acknowledged_at", "corrects_id", "notes", "pending_items")


def filters(centre_ids: Sequence[int], date_from: date | None, date_to: date | None) -> list[ColumnElement[bool]]:
    where = [Handover.centre_id.in_(centre_ids)]
    if date_from is not None:
        where.append(Handover.shift_date >= date_from)
    if date_to is not None:
        where.append(Handover.shift_date <= date_to)
    return where


def count(s: Session, where: list[ColumnElement[bool]]) -> int:
    return s.scalar(select(func.count()).select_from(Handover).where(*where)) or 0


def _items(s: Session, ids: list[int], tz: ZoneInfo) -> dict[int, list[str]]:
    """Each handover's pending items as lines: `[x] text (case number, due time)`."""
    out: dict[int, list[str]] = {i: [] for i in ids}
    stmt = (select(HandoverItem.handover_id, HandoverItem.text, HandoverItem.done, HandoverItem.due_at,
                   Case.case_number)
            .outerjoin(Case, Case.id == HandoverItem.case_id)
            .where(HandoverItem.handover_id.in_(ids)).order_by(HandoverItem.id))
    for hid, text, done, due, number in s.execute(stmt):
        extra = ", ".join(x for x in (number or "", f"{due.astimezone(tz):%Y-%m-%d %H:%M}" if due else "") if x)
        out[hid].append(f"[{'x' if done else ' '}] {text}" + (f" ({extra})" if extra else ""))
    return out


def rows(s: Session, where: list[ColumnElement[bool]], tz: ZoneInfo, clear: bool,
         batch: int = 500) -> Iterator[list[Any]]:
    """Oldest first; without `clear` the phone numbers in notes and items masked."""
    author, acker = aliased(User), aliased(User)
    stmt = (
        select(Handover.id, Handover.shift_date, func.coalesce(Shift.name, ""), Handover.period_start,
               Handover.period_end, Handover.status, author.display_name, Handover.signed_at,
               func.coalesce(acker.display_name, ""), Handover.acknowledged_at, Handover.corrects_id,
               Handover.notes)
        .join(author, author.id == Handover.author_id)
        .outerjoin(acker, acker.id == Handover.acknowledged_by)
        .outerjoin(Shift, Shift.id == Handover.shift_id)
        .where(*where)
        .order_by(Handover.period_start, Handover.id)
    )
    result = s.execute(stmt.execution_options(yield_per=batch))
    for part in result.partitions():
        items = _items(s, [r[0] for r in part], tz)
        for r in part:
            values = list(r)
            for i in (3, 4, 7, 9):
                if values[i] is not None:
                    values[i] = values[i].astimezone(tz)
            pending = "\n".join(items[r[0]])
            if not clear:
                values[11], pending = mask_phones_in_text(values[11]), mask_phones_in_text(pending)
            yield [*values, pending]
