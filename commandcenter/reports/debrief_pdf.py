"""The printed debrief of a drill (A4 PDF, English or Chinese): the figures against the trainer's
goals, each operator's part, and every case with the goals it missed in red.

Trainers hand it out after the drill, so it reads on its own: the goals are printed with the
figures, and a blank wrong-category cell means the scenario named no category for that case.
Byte-stable for the same debrief.
"""

from __future__ import annotations

from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from .. import palette
from ..debrief_labels import (
    actor,
    alert_text,
    correction_changes,
    corrections_text,
    duration,
    end_state_text,
    goals_text,
    misses_text,
    overall_figures,
    step_time,
)
from ..i18n import QT_TRANSLATE_NOOP as N
from ..i18n import translate
from ..labels import priority_label
from ..shapes.debrief import Debrief, GoalMiss
from .charts import GRID, INK
from .common import (
    FRAME_WIDTH,
    ZEBRA,
    build_paged,
    local,
    paged_document,
    para,
    styles,
    table_chunks,
)
from .fonts import cjk_font

BAD = colors.HexColor(palette.ERROR)


class DebriefReport:
    def __init__(self, debrief: Debrief, lang: str, centre: str, tz: str, printed_by: str,
                 printed_at: datetime) -> None:
        self.d, self.lang, self.centre, self.tz = debrief, lang, centre, tz
        self.printed_by, self.printed_at = printed_by, printed_at
        self.font = cjk_font().name
        self.st = styles(self.font)

    def t(self, text: str) -> str:
        return translate("debrief", text, self.lang)

    @property
    def zh(self) -> bool:
        return self.lang.startswith("zh")

    def title(self) -> str:
        return self.t(N("debrief", "Drill debrief"))

    def heading(self) -> list[Any]:
        d, t, st = self.d, self.t, self.st
        what = d.title or (t(N("debrief", "Drill run #{id}")).format(id=d.run_id) if d.run_id is not None
                           else t(N("debrief", "Cases arrived in the period")))
        period = t(N("debrief", "{start} to {end} ({tz})")).format(
            start=local(d.start, self.tz), end=local(d.end, self.tz, "%H:%M"), tz=self.tz)
        goals = goals_text(d.goals, self.lang)
        return [para(self.title(), st["title"]), para(what, st["subtitle"]), para(period, st["subtitle"]),
                Spacer(1, 2 * mm), para(goals, st["body"])]

    def overall(self) -> list[Any]:
        t = self.t
        # two columns: the first half of the figures on the left, the second on the right
        figures = overall_figures(self.d.overall, self.lang)
        half_n = (len(figures) + 1) // 2
        left, right = figures[:half_n], figures[half_n:] + [("", "")] * (2 * half_n - len(figures))
        rows = [[a, b, c, d] for (a, b), (c, d) in zip(left, right, strict=True)]
        half = FRAME_WIDTH / 2
        table = Table(rows, colWidths=[half - 25 * mm, 22 * mm, half - 22 * mm, 25 * mm], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), self.font, 8.5), ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("ALIGN", (1, 0), (1, -1), "RIGHT"), ("ALIGN", (3, 0), (3, -1), "RIGHT"),
            ("LEFTPADDING", (2, 0), (2, -1), 12), ("ROWBACKGROUNDS", (0, 0), (-1, -1), [colors.white, ZEBRA]),
            ("LINEBELOW", (0, -1), (-1, -1), 0.5, GRID), ("LINEABOVE", (0, 0), (-1, 0), 0.5, GRID),
        ]))
        return [para(t(N("debrief", "Overall")), self.st["h2"]), table]

    def operators(self) -> list[Any]:
        t = self.t
        out: list[Any] = [para(t(N("debrief", "Per operator")), self.st["h2"])]
        if not self.d.operators:
            return [*out, para(t(N("debrief", "Nobody registered or dispatched a case.")), self.st["body"])]
        cols = [t(N("debrief", "Operator")), t(N("debrief", "Registered")), t(N("debrief", "Mean to register")),
                t(N("debrief", "Dispatched")), t(N("debrief", "Mean to dispatch")), t(N("debrief", "Goals missed")),
                t(N("debrief", "Corrections"))]
        rows = [[actor(o.name, o.system_role, self.lang), str(o.registered), duration(o.mean_to_register), str(o.dispatched),
                 duration(o.mean_to_dispatch), str(o.misses), str(o.corrections)] for o in self.d.operators]
        widths = [46 * mm, 20 * mm, 26 * mm, 20 * mm, 26 * mm, 20 * mm, FRAME_WIDTH - 158 * mm]

        def missed(i: int, row: list[str]) -> list[tuple[Any, ...]]:
            return [("TEXTCOLOR", (5, i), (5, i), BAD)] if row[5] != "0" else []

        return [*out, *table_chunks(cols, rows, widths, self.font, align_right=(1, 2, 3, 4, 5, 6), row_styles=missed)]

    def cases(self) -> list[Any]:
        t, lang = self.t, self.lang
        out: list[Any] = [para(t(N("debrief", "Per case")), self.st["h2"])]
        if not self.d.cases:
            return [*out, para(t(N("debrief", "No case arrived.")), self.st["body"])]
        cols = [t(N("debrief", "Case")), t(N("debrief", "Priority")), t(N("debrief", "Category")),
                t(N("debrief", "Arrived")), t(N("debrief", "To register")), t(N("debrief", "By")),
                t(N("debrief", "To dispatch")), t(N("debrief", "By")), t(N("debrief", "Alert")),
                t(N("debrief", "Wrong")), t(N("debrief", "Goals missed"))]
        # sized so the longest English words fit at 6.8 pt: "To dispatch", "category, grid" and
        # all three goals missed; the category gives way (a long English name is shortened)
        widths = [21 * mm, 11 * mm, 22 * mm, 12 * mm, 14 * mm, 12 * mm, 15 * mm, 12 * mm, 12 * mm, 17 * mm]
        widths.append(FRAME_WIDTH - sum(widths))
        rows = []
        # a table piece numbers its rows from 1 on each page: the case number finds the case
        marks = {c.case_number: c for c in self.d.cases}
        for c in self.d.cases:
            rows.append([c.case_number, priority_label(c.priority, lang), c.category_zh if self.zh else c.category_en,
                         local(c.reported_at, self.tz, "%H:%M:%S"), step_time(c.to_register, c.settled, lang),
                         actor(c.registered_by, c.registered_by_system, lang) or "—",
                         step_time(c.to_dispatch, c.settled, lang), actor(c.dispatched_by, c.dispatched_by_system, lang) or "—", alert_text(c.alert, lang),
                         corrections_text(c.wrong_category, c.wrong_grid, lang), misses_text(c.misses, lang)])

        def missed(i: int, row: list[str]) -> list[tuple[Any, ...]]:
            c = marks.get(row[0])
            if c is None:
                return []
            cells = [col for col, bad in ((4, GoalMiss.REGISTER in c.misses), (6, GoalMiss.DISPATCH in c.misses),
                                          (9, bool(c.wrong_category or c.wrong_grid)), (10, bool(c.misses))) if bad]
            return [("TEXTCOLOR", (col, i), (col, i), BAD) for col in cells]

        return [*out, *table_chunks(cols, rows, widths, self.font, align_right=(4, 6), size=6.8, row_styles=missed)]

    def corrections(self) -> list[Any]:
        """Each correction (更正) made during the drill: a row per field changed, with where the
        case stood against the scenario's intent at the end."""
        t, lang = self.t, self.lang
        rows = [[c.case_number, local(m.at, self.tz, "%H:%M:%S"), m.by or "—", field, old, new,
                 end_state_text(c.wrong_category, c.wrong_grid, lang)]
                for c in self.d.cases for m in c.corrections for field, old, new in correction_changes(m.correction, lang)]
        if not rows:
            return []
        cols = [t(N("debrief", "Case")), t(N("debrief", "Time")), t(N("debrief", "By")), t(N("debrief", "Changed")),
                t(N("debrief", "From")), t(N("debrief", "To")), t(N("debrief", "Case at the end"))]
        # the category names (with their codes) get what the short columns leave: 49 mm each
        widths = [21 * mm, 12 * mm, 16 * mm, 13 * mm, 49 * mm, 49 * mm]
        widths.append(FRAME_WIDTH - sum(widths))
        wrong = t(N("debrief", "still wrong"))

        def still_wrong(i: int, row: list[str]) -> list[tuple[Any, ...]]:
            return [("TEXTCOLOR", (6, i), (6, i), BAD)] if row[6] == wrong else []

        return [para(t(N("debrief", "Corrections during the drill")), self.st["h2"]),
                *table_chunks(cols, rows, widths, self.font, size=6.8, row_styles=still_wrong)]

    def build(self, out: str | Path | BinaryIO) -> None:
        t = self.t
        printed = t(N("debrief", "Printed by {user} at {time} ({tz})")).format(
            user=self.printed_by, time=local(self.printed_at, self.tz), tz=self.tz)
        doc = paged_document(out, title=self.title(), author=self.printed_by, centre=self.centre,
                             running_title=f"{self.title()} · {local(self.d.start, self.tz, '%Y-%m-%d')}",
                             printed=printed, font=self.font, zh=self.zh)
        story = self.heading() + self.overall() + self.operators() + self.cases() + self.corrections()
        build_paged(doc, story, t(N("debrief", "Page {page} of {pages}")))


def render_debrief(debrief: Debrief, out: str | Path | BinaryIO, *, lang: str = "en", centre: str, tz: str,
                   printed_by: str, printed_at: datetime) -> None:
    DebriefReport(debrief, lang, centre, tz, printed_by, printed_at).build(out)


def debrief_pdf(debrief: Debrief, *, lang: str = "en", centre: str, tz: str, printed_by: str,
                printed_at: datetime) -> bytes:
    buffer = BytesIO()
    render_debrief(debrief, buffer, lang=lang, centre=centre, tz=tz, printed_by=printed_by, printed_at=printed_at)
    return buffer.getvalue()
