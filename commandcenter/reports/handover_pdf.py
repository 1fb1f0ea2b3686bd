"""The printed record of one shift handover (A4 PDF, English or Chinese).

Shows who signed and who acknowledged it, the notes and pending items the next shift
inherits, and the drafted snapshot: the shift's figures, open cases by stage, overdue,
escalated, urgent and suspended cases and officers off duty. Byte-stable for the same record.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Spacer,
    Table,
    TableStyle,
)

from ..i18n import QT_TRANSLATE_NOOP as N
from ..labels import duty_label, priority_label, status_label
from ..services.handover import HandoverRecord
from ..services.handover_summary import HandoverCase
from .charts import INK, MUTED
from .common import (
    FRAME_WIDTH,
    Texts,
    build_paged,
    local,
    paged_document,
    para,
    styles,
    table_chunks,
)
from .fonts import cjk_font


class HandoverReport:
    def __init__(self, record: HandoverRecord, lang: str, printed_by: str, printed_at: datetime) -> None:
        self.r, self.printed_by, self.printed_at = record, printed_by, printed_at
        self.t = Texts(lang)
        self.font = cjk_font().name
        self.st = styles(self.font)
        self.tz = record.timezone

    def title(self) -> str:
        if self.r.corrects_id:
            return self.t(N("briefing", "Handover correction #{id}")).format(id=self.r.id)
        return self.t(N("briefing", "Shift handover #{id}")).format(id=self.r.id)

    def _cases(self, title: str, cases: Sequence[HandoverCase], total: int) -> list[Any]:
        t, lang = self.t, self.t.lang
        head = [para(f"{title} ({total})", self.st["h3"])]
        if not cases:
            return [KeepTogether([*head, para(t(N("briefing", "None.")), self.st["small"])])]
        cols = [t(N("briefing", "Case")), t(N("briefing", "Priority")), t(N("briefing", "Status")),
                t(N("briefing", "Category")), t(N("briefing", "Street")), t(N("briefing", "Handler")),
                t(N("briefing", "Deadline"))]
        widths = [25 * mm, 14 * mm, 18 * mm, 33 * mm, 30 * mm, 30 * mm, 30 * mm]
        rows = [[c.case_number, priority_label(c.priority, lang), status_label(c.status, lang),
                 c.category_zh if t.zh else c.category_en, c.street, c.assignee or "—",
                 local(c.deadline, self.tz, "%m-%d %H:%M")] for c in cases]
        out: list[Any] = [*head, *table_chunks(cols, rows, widths, self.font)]
        if total > len(cases):
            out.append(para(t(N("briefing", "… and {n} more.")).format(n=total - len(cases)), self.st["small"]))
        return [KeepTogether(out)] if len(rows) <= 25 else out

    def story(self) -> list[Any]:
        r, t, st = self.r, self.t, self.st
        shift = t(N("briefing", "{shift} shift of {date}")).format(shift=r.shift_name, date=f"{r.shift_date:%Y-%m-%d}")
        period = t(N("briefing", "{start} to {end} ({tz})")).format(
            start=local(r.period_start, self.tz), end=local(r.period_end, self.tz), tz=self.tz)
        out: list[Any] = [para(self.title(), st["title"]), para(r.centre_name, st["subtitle"]),
                          para(f"{shift} · {period}", st["subtitle"]), Spacer(1, 3 * mm)]
        if r.corrects_id:
            out.append(para(t(N("briefing", "This note corrects handover #{id}, which stays as it was "
                                            "acknowledged.")).format(id=r.corrects_id), st["body"]))
        signed = (t(N("briefing", "Signed by {name} at {time}")).format(name=r.author_name, time=local(r.signed_at, self.tz))
                  if r.signed_at else t(N("briefing", "Draft, written by {name}: not signed")).format(name=r.author_name))
        acked = (t(N("briefing", "Acknowledged by {name} at {time}")).format(
                     name=r.acknowledged_by_name, time=local(r.acknowledged_at, self.tz))
                 if r.acknowledged_at else t(N("briefing", "Not yet acknowledged")))
        out += [para(signed, st["body"]), para(acked, st["body"])]
        if r.corrections:
            out.append(para(t(N("briefing", "Corrected by note(s): {ids}")).format(
                ids=", ".join(f"#{i}" for i in r.corrections)), st["body"]))
        out += [para(t(N("briefing", "Notes")), st["h2"]),
                para(r.notes or t(N("briefing", "No notes.")), st["body"]),
                para(t(N("briefing", "Pending items")), st["h2"])]
        if r.items:
            out += table_chunks(
                [t(N("briefing", "Done")), t(N("briefing", "Due")), t(N("briefing", "Case")),
                 t(N("briefing", "What to do"))],
                [["✓" if i.done else "□", local(i.due_at, self.tz, "%m-%d %H:%M"), i.case_number or "—", i.text]
                 for i in r.items],
                [12 * mm, 25 * mm, 28 * mm, FRAME_WIDTH - 65 * mm], self.font)
        else:
            out.append(para(t(N("briefing", "No pending items.")), st["body"]))
        s = r.summary
        if s is None:
            return out
        f = s.figures
        out += [CondPageBreak(50 * mm), para(t(N("briefing", "The shift in figures")), st["h2"]),
                para(t(N("briefing", "Drafted from the database at {time}.")).format(time=local(s.drafted_at, self.tz)),
                     st["small"])]
        figures = [(N("briefing", "Reported"), f.reported), (N("briefing", "Registered"), f.registered),
                   (N("briefing", "Dispatched"), f.dispatched), (N("briefing", "Fed back"), f.fed_back),
                   (N("briefing", "Closed"), f.closed), (N("briefing", "Open now"), f.open_now),
                   (N("briefing", "Overdue now"), f.overdue_now)]
        out += table_chunks([t(label) for label, _ in figures], [[str(v) for _, v in figures]],
                            [FRAME_WIDTH / len(figures)] * len(figures), self.font,
                            align_right=tuple(range(len(figures))))
        out += [para(t(N("briefing", "Open cases by stage")), st["h3"])]
        out += table_chunks([status_label(code, t.lang) for code, _ in s.open_by_status],
                            [[str(n) for _, n in s.open_by_status]],
                            [FRAME_WIDTH / max(1, len(s.open_by_status))] * len(s.open_by_status), self.font,
                            align_right=tuple(range(len(s.open_by_status))))
        out += self._cases(t(N("briefing", "Overdue cases")), s.overdue, s.overdue_total)
        out += self._cases(t(N("briefing", "Escalated cases not overdue")), s.escalated, s.escalated_total)
        out += self._cases(t(N("briefing", "Urgent cases of the shift")), s.urgent, s.urgent_total)
        out += self._cases(t(N("briefing", "Suspended cases")), s.suspended, s.suspended_total)
        head = para(t(N("briefing", "Officers off duty or on leave ({n}); listed: those holding open cases or "
                                    "who went off duty during the shift")).format(n=s.officers_off_duty_total), st["h3"])
        if s.officers_off_duty:
            out.append(KeepTogether([head, *table_chunks(
                [t(N("briefing", "Officer no.")), t(N("briefing", "Name")), t(N("briefing", "Duty")),
                 t(N("briefing", "Open cases"))],
                [[o.employee_no, o.name, duty_label(o.duty_status, t.lang), str(o.open_cases)]
                 for o in s.officers_off_duty],
                [30 * mm, 60 * mm, 50 * mm, 40 * mm], self.font, align_right=(3,))]))
        else:
            out += [head, para(t(N("briefing", "None.")), st["small"])]
        return out

    def signatures(self) -> list[Any]:
        """Lines for the two supervisors to sign the paper copy by hand, with the names and times
        the database recorded written in where known."""
        r, t = self.r, self.t
        rows = [
            [t(N("briefing", "Outgoing supervisor")), r.author_name if r.signed_at else "",
             local(r.signed_at, self.tz) if r.signed_at else ""],
            [t(N("briefing", "Incoming supervisor")), r.acknowledged_by_name or "",
             local(r.acknowledged_at, self.tz) if r.acknowledged_at else ""],
        ]
        widths = [38 * mm, 42 * mm, 34 * mm, FRAME_WIDTH - 114 * mm]
        cells = [[label, name, time, ""] for label, name, time in rows]
        table = Table([[t(N("briefing", "Role")), t(N("briefing", "Name")), t(N("briefing", "Time")),
                        t(N("briefing", "Signature"))], *cells], colWidths=widths, rowHeights=[6 * mm, 12 * mm, 12 * mm])
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), self.font, 8.5),
            ("TEXTCOLOR", (0, 0), (-1, 0), MUTED),
            ("VALIGN", (0, 1), (-1, -1), "BOTTOM"),
            # a line to write on under every name, time and signature cell
            ("LINEBELOW", (1, 1), (-1, -1), 0.6, INK),
        ]))
        return [CondPageBreak(45 * mm), KeepTogether([para(t(N("briefing", "Signatures")), self.st["h2"]), table])]

    def build(self, out: str | Path | BinaryIO) -> None:
        t = self.t
        printed = t(N("briefing", "Printed by {user} at {time} ({tz})")).format(
            user=self.printed_by, time=local(self.printed_at, self.tz), tz=self.tz)
        doc = paged_document(out, title=self.title(), author=self.printed_by, centre=self.r.centre_name,
                             running_title=f"{self.title()} · {self.r.shift_date:%Y-%m-%d}", printed=printed,
                             font=self.font, zh=t.zh)
        build_paged(doc, self.story() + self.signatures(), t(N("briefing", "Page {page} of {pages}")))


def render_handover(record: HandoverRecord, out: str | Path | BinaryIO, *, lang: str = "en", printed_by: str,
                    printed_at: datetime) -> None:
    HandoverReport(record, lang, printed_by, printed_at).build(out)


def handover_pdf(record: HandoverRecord, *, lang: str = "en", printed_by: str, printed_at: datetime) -> bytes:
    buffer = BytesIO()
    render_handover(record, buffer, lang=lang, printed_by=printed_by, printed_at=printed_at)
    return buffer.getvalue()
