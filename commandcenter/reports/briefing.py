"""The daily or shift briefing as an A4 PDF, in English or Chinese.

Built from one `BriefingData` (services/kpi.py): KPI tiles with the change against the
previous day and a footnote defining each figure, the per-street and per-department assessment
tables, arrivals per hour, cases by category, street and source, hotspot grids with a small
vector map, the cases overdue at the period's end, officer and department workload, and the
handover notes of the period. Every figure is as it stood at the period's end, so a reprint
shows what the first print showed.

The output is byte-stable for the same data (`invariant=1`, no wall-clock time: "printed at"
is the injected clock's time carried in the data), so tests and audits can compare hashes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Spacer,
    Table,
    TableStyle,
)

from .. import palette
from ..i18n import QT_TRANSLATE_NOOP as N
from ..labels import priority_label, source_label, status_label
from ..shapes.audit import AnchorHead
from ..shapes.briefing import BriefingData, Workload
from .assessment import assessment_tables, percent
from .briefing_referrals import referrals_section
from .briefing_warnings import warnings_section
from .charts import (
    BAR,
    BASELINE,
    HOT,
    INK,
    MUTED,
    RISING,
    MapMarker,
    bar_list,
    fit,
    hotspot_map,
    hourly_chart,
)
from .common import (
    FRAME_WIDTH,
    WEEKDAYS,
    Texts,
    build_paged,
    local,
    local_end,
    paged_document,
    para,
    styles,
    table_chunks,
)
from .fonts import cjk_font

Progress = Callable[[str, float], None]
GOOD = colors.HexColor(palette.OK)
BAD = colors.HexColor(palette.ERROR)
TILE_BG = colors.HexColor(palette.REPORT_TILE)

# footnote markers in the order the definitions are printed
MARKS = "abcdefghijkl"
RISING_MARKS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # rising grids on the map; the busiest are numbered


@dataclass(frozen=True)
class Tile:
    label: str
    mark: str
    value: str
    delta: str
    delta_colour: colors.Color
    direction: int = 0  # +1 up, -1 down, 0 no arrow


class KpiTiles(Flowable):
    """A grid of KPI tiles: label (with its footnote letter), value, change against before."""

    def __init__(self, tiles: list[Tile], font: str, columns: int = 4, tile_height: float = 19 * mm) -> None:
        super().__init__()
        self.tiles, self.font, self.columns, self.tile_height = tiles, font, columns, tile_height
        self.gap = 2.5 * mm
        rows = -(-len(tiles) // columns)
        self.width = FRAME_WIDTH
        self.height = rows * tile_height + (rows - 1) * self.gap

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c, f = self.canv, self.font
        w = (self.width - (self.columns - 1) * self.gap) / self.columns
        for i, tile in enumerate(self.tiles):
            col, row = i % self.columns, i // self.columns
            x = col * (w + self.gap)
            y = self.height - (row + 1) * self.tile_height - row * self.gap
            c.setFillColor(TILE_BG)
            c.setStrokeColor(TILE_BG)
            c.roundRect(x, y, w, self.tile_height, 2, stroke=0, fill=1)
            c.setFillColor(BAR)
            c.rect(x, y, 1.2, self.tile_height, stroke=0, fill=1)
            c.setFillColor(MUTED)
            c.setFont(f, 7.5)
            label = fit(tile.label, f, 7.5, w - 14)
            c.drawString(x + 3 * mm, y + self.tile_height - 4.6 * mm, label)
            c.setFont(f, 5.5)
            c.drawString(x + 3 * mm + c.stringWidth(label, f, 7.5) + 1, y + self.tile_height - 3.6 * mm, tile.mark)
            c.setFillColor(INK)
            c.setFont(f, 17)
            c.drawString(x + 3 * mm, y + 6.2 * mm, tile.value)
            c.setFillColor(tile.delta_colour)
            text_x = x + 3 * mm
            if tile.direction:
                # a drawn triangle: the font's arrow glyphs are too small to read at this size
                base, tip = (y + 2.2 * mm, y + 2.2 * mm + 5) if tile.direction > 0 else (y + 2.2 * mm + 5, y + 2.2 * mm)
                path = c.beginPath()
                path.moveTo(text_x, base)
                path.lineTo(text_x + 5.5, base)
                path.lineTo(text_x + 2.75, tip)
                path.close()
                c.drawPath(path, stroke=0, fill=1)
                text_x += 8
            c.setFont(f, 6.8)
            c.drawString(text_x, y + 2.2 * mm, fit(tile.delta, f, 6.8, w - (text_x - x) - 2 * mm))


def together(head: list[Any], body: list[Any], rows: int) -> list[Any]:
    """A heading and its table, kept on one page when the table is short (no orphan rows)."""
    if rows <= 25:
        breaks = [f for f in head if isinstance(f, CondPageBreak)]
        return [*breaks, KeepTogether([f for f in head if not isinstance(f, CondPageBreak)] + body)]
    return head + body


class BriefingReport:
    """Lays out one briefing; `build(out)` writes the PDF."""

    def __init__(self, data: BriefingData, lang: str, printed_by: str, audit_head: AnchorHead | None = None) -> None:
        self.data, self.printed_by, self.audit_head = data, printed_by, audit_head
        self.t = Texts(lang)
        self.font = cjk_font().name
        self.st = styles(self.font)
        self.tz = data.period.timezone

    # ---- words ------------------------------------------------------------------------
    def title(self) -> str:
        p = self.data.period
        if p.kind == "shift":
            return self.t(N("briefing", "Shift briefing: {shift}")).format(shift=p.shift_name)
        return self.t(N("briefing", "Daily briefing"))

    def day_text(self) -> str:
        p = self.data.period
        return f"{p.day:%Y-%m-%d} {self.t(WEEKDAYS[p.day.weekday()])}"

    def _category(self, zh: str, en: str) -> str:
        return zh if self.t.zh else en

    # ---- KPI tiles --------------------------------------------------------------------
    def _delta(self, cur: float | None, prev: float | None, fmt: Callable[[float], str], good_up: bool | None,
               is_rate: bool = False) -> tuple[str, colors.Color, int]:
        t = self.t
        prev_text = fmt(prev) if prev is not None else "—"
        tail = t(N("briefing", "previous day: {value}")).format(value=prev_text)
        if cur is None or prev is None:
            return tail, MUTED, 0
        diff = cur - prev
        if is_rate:
            number = f"{abs(diff) * 100:.1f}"
        elif isinstance(diff, float) and not float(diff).is_integer():
            number = f"{abs(diff):.1f}"
        else:
            number = f"{abs(diff):.0f}"
        if float(number) == 0:  # a change too small to show is no change
            return f"= {tail}", MUTED, 0
        diff_text = t(N("briefing", "{value} pts")).format(value=number) if is_rate else number
        colour = MUTED if good_up is None else (GOOD if (diff > 0) == good_up else BAD)
        return f"{'+' if diff > 0 else '−'}{diff_text} · {tail}", colour, 1 if diff > 0 else -1

    def tiles(self) -> list[Tile]:
        t, k, p = self.t, self.data.kpis, self.data.previous_kpis
        count = lambda v: f"{v:.0f}"  # noqa: E731
        pct = lambda v: f"{v * 100:.1f}%"  # noqa: E731
        minutes = lambda v: t(N("briefing", "{value} min")).format(value=f"{v:.1f}")  # noqa: E731
        hours = lambda v: t(N("briefing", "{value} h")).format(value=f"{v:.1f}")  # noqa: E731

        def tile(label: str, mark: str, cur: float | None, prev: float | None, fmt: Callable[[float], str],
                 good_up: bool | None, is_rate: bool = False) -> Tile:
            value = fmt(cur) if cur is not None else "—"
            delta, colour, direction = self._delta(cur, prev, fmt, good_up, is_rate)
            return Tile(t(label), mark, value, delta, colour, direction)

        def rate(name: str) -> tuple[float | None, float | None]:
            return getattr(k, name), getattr(p, name)

        overdue = Tile(t(N("briefing", "Overdue at end")), MARKS[9], str(k.overdue_at_end),
                       t(N("briefing", "at {time}")).format(time=local_end(self.data.as_of, self.tz)[5:]),
                       BAD if k.overdue_at_end else MUTED)
        return [
            tile(N("briefing", "New"), MARKS[0], k.new, p.new, count, None),
            tile(N("briefing", "Registered"), MARKS[0], k.registered, p.registered, count, None),
            tile(N("briefing", "Dispatched"), MARKS[0], k.dispatched, p.dispatched, count, None),
            tile(N("briefing", "Closed"), MARKS[0], k.closed, p.closed, count, None),
            tile(N("briefing", "Due to close"), MARKS[1], k.due_to_close, p.due_to_close, count, None),
            tile(N("briefing", "Closure rate"), MARKS[2], *rate("closure_rate"), pct, True, True),
            tile(N("briefing", "On-time closure rate"), MARKS[3], *rate("on_time_rate"), pct, True, True),
            tile(N("briefing", "Handling rate"), MARKS[4], *rate("handling_rate"), pct, True, True),
            tile(N("briefing", "On-time handling rate"), MARKS[5], *rate("on_time_handling_rate"), pct, True, True),
            tile(N("briefing", "Rework rate"), MARKS[6], *rate("rework_rate"), pct, False, True),
            tile(N("briefing", "Extension rate"), MARKS[7], *rate("extension_rate"), pct, False, True),
            tile(N("briefing", "Suspension rate"), MARKS[7], *rate("suspension_rate"), pct, False, True),
            tile(N("briefing", "Dispatch accuracy"), MARKS[8], *rate("dispatch_accuracy"), pct, True, True),
            tile(N("briefing", "Self-handling rate"), MARKS[8], *rate("self_handling_rate"), pct, True, True),
            tile(N("briefing", "Satisfaction rate"), MARKS[8], *rate("satisfaction_rate"), pct, True, True),
            overdue,
            tile(N("briefing", "Mean time to dispatch"), MARKS[10], k.mean_dispatch_minutes,
                 p.mean_dispatch_minutes, minutes, False),
            tile(N("briefing", "Mean time to close"), MARKS[10], k.mean_close_hours, p.mean_close_hours, hours, False),
        ]

    def footnotes(self) -> list[Any]:
        t, d = self.t, self.data
        as_of = local_end(d.as_of, self.tz)
        texts = [
            t(N("briefing", "A day is a calendar day in {tz}; a shift belongs to the date it starts. Every figure is "
                            "read from the case history as it stood at {as_of}: a reprint shows the same figures "
                            "whatever was reopened, reworked, extended or closed since. New, registered, dispatched "
                            "and closed count the reports, registrations, cases dispatched and closures in the "
                            "period; a closure stays counted for its day when the case is reopened later.")).format(
                tz=self.tz, as_of=as_of),
            t(N("briefing", "Due to close: registered cases, rejected and merged ones excluded, whose judged deadline "
                            "(the first handling deadline plus approved extensions and suspended time; a rework "
                            "gives none, nor does an extension approved after the deadline had passed) falls in the "
                            "period, and registered cases still not dispatched when their dispatch limit ran out in "
                            "it.")),
            t(N("briefing", "Closure rate 结案率 = due cases closed by {as_of} / due to close.")).format(as_of=as_of),
            t(N("briefing", "On-time closure rate 按期结案率 (the centre's) = due cases closed by the centre by "
                            "their judged deadline / due to close: judged at closure.")),
            t(N("briefing", "Handling rate 处置率 = due cases whose handler's feedback stands (not returned for "
                            "rework since) or that are closed, by {as_of} / due to close.")).format(as_of=as_of),
            t(N("briefing", "On-time handling rate 按期处置率 (the handler's: per street and department below) = due "
                            "cases whose standing feedback came by their judged deadline / due to close: judged at "
                            "the handler's feedback.")),
            t(N("briefing", "Rework rate 返工率 = due cases returned for rework (or failing the field check) at "
                            "least once / due cases handled at least once.")),
            t(N("briefing", "Extension rate 延期率 and suspension rate 挂账率 = due cases with an approved extension "
                            "or suspension / due to close. Sent back 退回: cases a handler returned as not theirs "
                            "in the period.")),
            t(N("briefing", "Dispatch accuracy 派遣准确率 = dispatches in the period not sent back by the handler "
                            "(退回) before the next dispatch / dispatches in the period. Self-handling rate 自处率 = "
                            "closures on the spot (即时办结) / closures in the period. Satisfaction rate 满意率 = "
                            "follow-up calls answered satisfied or basically satisfied / follow-up calls in the "
                            "period.")),
            t(N("briefing", "Overdue at end: open cases past their current stage's deadline at {as_of}.")).format(
                as_of=as_of),
            t(N("briefing", "Mean time to dispatch: registration (or reopening) to the first dispatch, over cases "
                            "first dispatched in the period. Mean time to close: report to closure, over the "
                            "closures in the period.")),
            t(N("briefing", "Changes compare with the same figures for the previous day ({previous}), "
                            "computed the same way.")).format(previous=self._previous_text()),
        ]
        return [para(text, self.st["footnote"], bullet=mark) for mark, text in zip(MARKS, texts, strict=True)]

    def _previous_text(self) -> str:
        p = self.data.previous
        name = f" {p.shift_name}" if p.kind == "shift" else ""
        return f"{p.day:%Y-%m-%d}{name}"

    # ---- sections ---------------------------------------------------------------------
    def heading(self) -> list[Any]:
        d, t = self.data, self.t
        period = t(N("briefing", "{start} to {end} ({tz})")).format(
            start=local(d.period.start, self.tz), end=local_end(d.period.end, self.tz), tz=self.tz)
        return [
            para(f"{self.title()} · {self.day_text()}", self.st["title"]),
            para(d.centre_name, self.st["subtitle"]),
            para(period + " · " + t(N("briefing", "outcomes as of {time}")).format(time=local_end(d.as_of, self.tz)),
                 self.st["subtitle"]),
            *([para(t(N("briefing", "Nothing was reported, dispatched or closed in this period: the figures below "
                                    "are the cases left from earlier days.")), self.st["warning"])]
              if d.kpis.quiet else []),
            Spacer(1, 4 * mm),
        ]

    def charts(self) -> list[Any]:
        d, t, st, f = self.data, self.t, self.st, self.font
        half = (FRAME_WIDTH - 6 * mm) / 2
        hourly = hourly_chart(d.by_hour, d.by_hour_baseline, d.hour_labels, FRAME_WIDTH, 44 * mm, f,
                              t(N("briefing", "cases reported")), t(N("briefing", "4-week average")))
        none = t(N("briefing", "No cases in this period."))
        names = [self._other(c.key, self._category(c.name_zh, c.name_en)) for c in d.by_category]
        # the standard has a 市容环境 among both components and events: tell same names apart by code
        names = [f"{n} {c.key}" if names.count(n) > 1 else n for n, c in zip(names, d.by_category, strict=True)]
        categories = bar_list([(n, c.count) for n, c in zip(names, d.by_category, strict=True)],
                              half, f, empty_text=none, row_height=10,
                              muted_last=bool(d.by_category) and d.by_category[-1].key == "*")
        sources = bar_list([(source_label(c.key, self.t.lang), c.count) for c in d.by_source], half, f,
                           colour=BASELINE, empty_text=none, row_height=10)
        streets = self._streets(half, none)
        side = Table([[para(t(N("briefing", "Cases by category")), st["h3"]),
                       para(t(N("briefing", "Cases by source")), st["h3"])], [categories, sources]],
                     colWidths=[half + 3 * mm, half + 3 * mm], hAlign="LEFT")
        side.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                  ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return [
            KeepTogether([para(t(N("briefing", "Cases reported per hour")), st["h2"]), hourly]),
            KeepTogether([para(t(N("briefing", "Where the cases came from")), st["h2"]), side]),
            KeepTogether([para(t(N("briefing", "Cases by street")), st["h3"]), streets]),
        ]

    def _streets(self, half: float, none: str) -> Any:
        """Streets as bars; more than a dozen go in two columns on one scale."""
        d, f = self.data, self.font
        items = [(self._other(c.key, c.name_zh), c.count) for c in d.by_street]
        colour = colors.HexColor(palette.REPORT_STREETS)
        muted = bool(items) and d.by_street[-1].key == "*"
        if len(items) <= 12:
            return bar_list(items, FRAME_WIDTH, f, colour=colour, empty_text=none, row_height=11, muted_last=muted)
        top = max(n for _, n in items)
        cut = -(-len(items) // 2)
        left = bar_list(items[:cut], half, f, colour=colour, row_height=11, top=top)
        right = bar_list(items[cut:], half, f, colour=colour, row_height=11, top=top, muted_last=muted)
        table = Table([[left, right]], colWidths=[half + 3 * mm, half + 3 * mm], hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return table

    def _other(self, key: str, name: str) -> str:
        return self.t(N("briefing", "Other")) if key == "*" else name

    def hotspots(self) -> list[Any]:
        d, t, st, f = self.data, self.t, self.st, self.font
        markers = [MapMarker(g.code, str(i), HOT) for i, g in enumerate(d.hot_grids, 1)]
        hot_codes = {g.code for g in d.hot_grids}
        markers += [MapMarker(g.code, RISING_MARKS[i], RISING) for i, g in enumerate(d.rising_grids)
                    if g.code not in hot_codes]
        legend = [t(N("briefing", "no cases")), t(N("briefing", "most cases")), t(N("briefing", "rising fastest"))]
        drawing = hotspot_map([(c.code, c.ring, c.count) for c in d.map_cells], markers, FRAME_WIDTH, 92 * mm, f,
                              legend)
        cols = [t(N("briefing", "#")), t(N("briefing", "Grid")), t(N("briefing", "Street")),
                t(N("briefing", "Cases")), t(N("briefing", "4-week avg")), t(N("briefing", "Rise"))]
        widths = [8 * mm, 62 * mm, 40 * mm, 20 * mm, 25 * mm, 25 * mm]

        def rows(stats: Any, marks: Any) -> list[list[str]]:
            return [[mark, f"{g.name} {g.code[-4:]}", g.street, str(g.count), f"{g.baseline:.1f}",
                     f"×{g.ratio:.1f}"] for mark, g in zip(marks, stats, strict=False)]

        none = para(t(N("briefing", "No cases in this period.")), st["small"])
        hot = table_chunks(cols, rows(d.hot_grids, [str(i) for i in range(1, 100)]), widths, f, align_right=(0, 3, 4, 5)) if d.hot_grids else [none]
        rising = (table_chunks(cols, rows(d.rising_grids, RISING_MARKS), widths, f, align_right=(0, 3, 4, 5))
                  if d.rising_grids else [para(t(N("briefing", "No grid is rising against its 4-week average.")),
                                               st["small"])])
        note = t(N("briefing", "Rise = (cases + 1) / (4-week daily average + 1); a rising grid has at least {n} cases "
                               "and more than its average.")).format(n=3)
        return [
            CondPageBreak(120 * mm),
            para(t(N("briefing", "Hotspots")), st["h2"]),
            drawing,
            Spacer(1, 3 * mm),
            KeepTogether([para(t(N("briefing", "Grids with the most cases")), st["h3"]), *hot]),
            KeepTogether([para(t(N("briefing", "Grids rising fastest against their 4-week average")), st["h3"]),
                          *rising, para(note, st["small"])]),
        ]

    def overdue(self) -> list[Any]:
        d, t, st, f = self.data, self.t, self.st, self.font
        lang = t.lang
        title = t(N("briefing", "Overdue at {time} ({n})")).format(time=local_end(d.as_of, self.tz),
                                                                   n=d.overdue_total)
        out: list[Any] = [CondPageBreak(50 * mm), para(title, st["h2"])]
        if not d.overdue:
            return [*out, para(t(N("briefing", "No case is overdue.")), st["body"])]
        cols = [t(N("briefing", "Case")), t(N("briefing", "Priority")), t(N("briefing", "Status")),
                t(N("briefing", "Category")), t(N("briefing", "Street")), t(N("briefing", "Handler")),
                t(N("briefing", "Deadline")), t(N("briefing", "Overdue by"))]
        widths = [25 * mm, 13 * mm, 17 * mm, 31 * mm, 25 * mm, 25 * mm, 23 * mm, 21 * mm]
        hours = t(N("briefing", "{value} h"))
        rows = [[r.case_number, priority_label(r.priority, lang), status_label(r.status, lang),
                 self._category(r.category_zh, r.category_en), r.street, r.assignee or "—",
                 local(r.deadline, self.tz, "%m-%d %H:%M"), hours.format(value=f"{r.overdue_hours:.1f}")]
                for r in d.overdue]

        def urgent(_i: int, row: list[str]) -> list[tuple[Any, ...]]:
            return [("TEXTCOLOR", (1, _i), (1, _i), BAD)] if row[1] == priority_label("urgent", lang) else []

        tables: list[Any] = table_chunks(cols, rows, widths, f, align_right=(7,), row_styles=urgent)
        if d.overdue_total > len(d.overdue):
            tables.append(para(t(N("briefing", "… and {n} more, the longest overdue listed first.")).format(
                n=d.overdue_total - len(d.overdue)), st["small"]))
        return together(out, tables, len(rows))

    def workload(self) -> list[Any]:
        d, t, st, f = self.data, self.t, self.st, self.font
        figures = [t(N("briefing", "Open at end")), t(N("briefing", "Overdue at end")), t(N("briefing", "Dispatched")),
                   t(N("briefing", "Fed back")), t(N("briefing", "Closed")), t(N("briefing", "Cases due")),
                   t(N("briefing", "On time"))]
        right = (2, 3, 4, 5, 6, 7, 8)

        def cells(w: Workload) -> list[str]:
            return [w.key, w.name, *map(str, (w.open_at_end, w.overdue_at_end, w.dispatched, w.fed_back, w.closed,
                                              w.due)), percent(w.on_time_handling_rate)]

        out: list[Any] = [CondPageBreak(50 * mm), para(t(N("briefing", "Officer workload")), st["h2"])]
        if d.officers:
            out.append(para(t(N("briefing", "{shown} of {total} officers with open cases, cases moved in the period "
                                            "or cases due in it; most overdue first. On time: 按期处置率 of the "
                                            "cases due.")).format(shown=len(d.officers), total=d.officers_total),
                            st["small"]))
            out = together(out, table_chunks([t(N("briefing", "Officer no.")), t(N("briefing", "Name")), *figures],
                                             [cells(w) for w in d.officers], [24 * mm, 44 * mm] + [16 * mm] * 7, f,
                                             align_right=right), len(d.officers))
        else:
            out.append(para(t(N("briefing", "No officer had cases in this period.")), st["body"]))
        dept: list[Any] = [CondPageBreak(40 * mm), para(t(N("briefing", "Department workload")), st["h2"])]
        if d.departments:
            dept = together(dept, table_chunks([t(N("briefing", "Code")), t(N("briefing", "Department")), *figures],
                                               [cells(w) for w in d.departments], [28 * mm, 40 * mm] + [16 * mm] * 7,
                                               f, align_right=right), len(d.departments))
        else:
            dept.append(para(t(N("briefing", "No department had cases in this period.")), st["body"]))
        return out + dept

    def handovers(self) -> list[Any]:
        d, t, st = self.data, self.t, self.st
        out: list[Any] = [CondPageBreak(40 * mm), para(t(N("briefing", "Handover notes")), st["h2"])]
        if not d.handovers:
            return [*out, para(t(N("briefing", "No handover was written for this period.")), st["body"])]
        for h in d.handovers:
            status = {
                "draft": t(N("briefing", "draft, not signed")),
                "signed": t(N("briefing", "signed by {author} at {time}, not yet acknowledged")),
                "acknowledged": t(N("briefing", "signed by {author} at {time}, acknowledged by {ack} at {ack_time}")),
            }[h.status].format(author=h.author, time=local(h.signed_at, self.tz, "%m-%d %H:%M"),
                               ack=h.acknowledged_by, ack_time=local(h.acknowledged_at, self.tz, "%m-%d %H:%M"))
            head = t(N("briefing", "{shift} shift of {date}")).format(shift=h.shift_name, date=f"{h.shift_date:%Y-%m-%d}")
            if h.corrects_id:
                head += " · " + t(N("briefing", "correction to handover #{id}")).format(id=h.corrects_id)
            block: list[Any] = [para(f"#{h.id} {head} — {status}", st["h3"])]
            if h.notes:
                block.append(para(h.notes, st["body"]))
            for text, number, due, done in h.items:
                bits = [("✓ " if done else "□ ") + text]
                if number:
                    bits.append(t(N("briefing", "case {number}")).format(number=number))
                if due is not None:
                    bits.append(t(N("briefing", "by {time}")).format(time=local(due, self.tz, "%m-%d %H:%M")))
                block.append(para(" · ".join(bits), st["body"]))
            out.append(KeepTogether(block))
        return out

    # ---- the document -----------------------------------------------------------------
    def story(self) -> list[Any]:
        return [
            *self.heading(),
            KpiTiles(self.tiles(), self.font),
            Spacer(1, 2.5 * mm),
            *self.footnotes(),
            *assessment_tables(self.t, self.st, self.font, self.data.street_units, self.data.department_units),
            *self.charts(),
            *self.hotspots(),
            *warnings_section(self.t, self.st, self.font, self.data.warnings, self.tz),
            *referrals_section(self.t, self.st, self.font, self.data.referrals),
            *self.overdue(),
            *self.workload(),
            *self.handovers(),
        ]

    def build(self, out: str | Path | BinaryIO, progress: Progress | None = None) -> None:
        t, d = self.t, self.data
        printed = t(N("briefing", "Printed by {user} at {time} ({tz})")).format(
            user=self.printed_by, time=local(d.generated_at, self.tz), tz=self.tz)
        if self.audit_head is not None:  # the audit trail's head, anchored on paper (services/audit)
            printed += " · " + t(N("briefing", "audit chain entry {seq} {hash}")).format(
                seq=self.audit_head.seq, hash=self.audit_head.hash[:16])
        doc = paged_document(out, title=f"{self.title()} {d.period.day:%Y-%m-%d}", author=self.printed_by,
                             centre=d.centre_name, running_title=f"{self.title()} · {self.day_text()}",
                             printed=printed, font=self.font, zh=t.zh)
        if progress is not None:
            doc.afterPage = lambda: progress("page", min(0.95, 0.5 + 0.04 * doc.page))  # type: ignore[method-assign]
        build_paged(doc, self.story(), t(N("briefing", "Page {page} of {pages}")))


def render_briefing(data: BriefingData, out: str | Path | BinaryIO, *, lang: str = "en", printed_by: str,
                    progress: Progress | None = None, audit_head: AnchorHead | None = None) -> None:
    """Write the briefing PDF for `data` to a path or a binary file object."""
    BriefingReport(data, lang, printed_by, audit_head).build(out, progress)


def briefing_pdf(data: BriefingData, *, lang: str = "en", printed_by: str, progress: Progress | None = None,
                 audit_head: AnchorHead | None = None) -> bytes:
    buffer = BytesIO()
    render_briefing(data, buffer, lang=lang, printed_by=printed_by, progress=progress, audit_head=audit_head)
    return buffer.getvalue()


