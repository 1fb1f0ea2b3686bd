"""The daily briefing on a year of Putian-scale history, against plain sqlite3 and a raw canvas.

Run ``python benchmarks/bench_briefing.py``. It reads the cached ``putian`` demo year (2,408
grids, 3,096 officers, about a million cases; see ``_common.demo_database``) read-only, with a
frozen clock one minute after the last case was reported, and briefs the whole city:

* data, today: every query of the briefing (``services.kpi.briefing_data``) for the day still
  running, the screen's default in the afternoon; baseline: plain sqlite3 queries computing the
  same page-1 figures (the KPIs of the day and the day before, overdue at the end) from the case
  history as it stood at each period's end, one index range per candidate set, checked equal to
  ours;
* data, a day 90 days back: the same for a reprint, where every time range lies in the past and
  every case changed since the day's end is read again to know whether it was open then;
* whole briefing: data, the English PDF (``reports.briefing.briefing_pdf``) and writing it to a
  file as issuing does (temporary name, fsync, rename; the one-row record is not timed, the
  database being read-only); baseline: the plain sqlite3 figures plus a bare
  ``reportlab.pdfgen.canvas`` writing the same text and tables line by line in the same font;
* PDF: the layout against that raw canvas.

Five runs each, interleaved so machine noise hits them alike; medians are compared with the
goals (data ≤ 1 s today, ≤ 4 s for the reprint, whole briefing ≤ 1.5 s, PDF ≤ 5× the raw canvas) and the worst run is
noted. Exits 1 when a goal is missed; the files written go to a temporary folder removed at
the end.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from io import BytesIO
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from _common import demo_database, finish, median, record
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from commandcenter.clock import FrozenClock
from commandcenter.db import open_database
from commandcenter.reports.briefing import briefing_pdf
from commandcenter.reports.fonts import cjk_font
from commandcenter.services.kpi import briefing_data, default_centre
from commandcenter.shapes.briefing import BriefingData

SCALE, DAYS, SEED = "putian", 365, 7
TZ = ZoneInfo("Asia/Shanghai")
PAST_DAYS_BACK = 90
RUNS = 5
# the figures replay each counted case's history to the period's end (about 100k rows for a
# Putian day, six times the case rows the figures once read), so a reprint never changes
DATA_GOAL_S = 1.0
PAST_GOAL_S = 4.0  # an old day re-reads every case changed since it, to know which were open then
WHOLE_GOAL_S = 1.5
PDF_GOAL_RATIO = 5.0
T = TypeVar("T")


# ---- the raw baselines ----------------------------------------------------------------
CLOSING = "('close', 'solve_on_spot')"
REWORK = "('return_for_rework', 'fail_check')"
OPEN = "('reported', 'registered', 'dispatched', 'accepted', 'fed_back', 'checking', 'suspended')"
RUNNING = "('reported', 'registered', 'dispatched', 'accepted', 'fed_back', 'checking')"
# each candidate case's last history row before the cut: the case as it stood at the period's end
SNAP = """SELECT h.* FROM ({candidates}) k
          JOIN case_history h ON h.id = (SELECT max(id) FROM case_history x WHERE x.case_id = k.case_id
                                         AND x.at < :cut)"""
CYCLE = "x.case_id = s.case_id AND x.at < :cut AND x.id >= s.start"


def raw_period(con: sqlite3.Connection, a: int, b: int, now: int) -> dict[str, Any]:
    """One period's page-1 figures as they stood at its end, in plain SQL over the history rows."""
    as_of = min(now, b)
    p = {"a": a, "b": b, "asof": as_of, "cut": min(b, as_of + 1)}
    one = lambda sql: con.execute(sql, p).fetchone()  # noqa: E731
    events = "FROM case_history WHERE at >= :a AND at < :cut AND action"
    new = one("SELECT count(*) FROM case_record WHERE reported_at >= :a AND reported_at < :cut")[0]
    registered = one(f"SELECT count(*) {events} = 'register'")[0]
    dispatched = one(f"SELECT count(DISTINCT case_id) {events} = 'dispatch'")[0]
    sent_back = one(f"SELECT count(*) {events} = 'send_back'")[0]
    closed, close_sum = one(f"SELECT count(*), sum(h.at - c.reported_at) FROM case_history h JOIN case_record c"
                            f" ON c.id = h.case_id WHERE h.at >= :a AND h.at < :cut AND h.action IN {CLOSING}")
    dispatch_sum, dispatch_n = one("""
        SELECT sum(d.at - s.at), count(*) FROM case_history d
        JOIN case_history s ON s.id = (SELECT max(id) FROM case_history x WHERE x.case_id = d.case_id
                                       AND x.id < d.id AND x.action IN ('register', 'reopen'))
        WHERE d.at >= :a AND d.at < :cut AND d.action = 'dispatch'
          AND NOT EXISTS (SELECT 1 FROM case_history y WHERE y.case_id = d.case_id AND y.action = 'dispatch'
                          AND y.id > s.id AND y.id < d.id)""")
    due_candidates = ("SELECT case_id FROM case_history WHERE deadline_at >= :a AND deadline_at < :b AND at < :cut"
                      " UNION SELECT case_id FROM case_history WHERE stage_deadline_at >= :a"
                      " AND stage_deadline_at < :b AND at < :cut")
    due = one(f"""
        WITH snap AS ({SNAP.format(candidates=due_candidates)}),
        cyc AS (
            SELECT s.*, coalesce((SELECT max(id) FROM case_history x WHERE x.case_id = s.case_id AND x.at < :cut
                                  AND x.action = 'reopen'), 0) AS start
            FROM snap s),
        judged AS (  -- an extension approved after the deadline then in force had passed does not move it
            SELECT c.*, coalesce((
                SELECT p.deadline_at FROM case_history x
                JOIN case_history p ON p.id = (SELECT max(id) FROM case_history y WHERE y.case_id = x.case_id
                                               AND y.id < x.id)
                WHERE x.case_id = c.case_id AND x.id >= c.start AND x.at < :cut AND x.action = 'extend'
                  AND x.at > p.deadline_at ORDER BY x.id LIMIT 1), c.deadline_at) AS dl
            FROM cyc c),
        due AS (
            SELECT j.*, coalesce(j.dl, j.stage_deadline_at) AS judged
            FROM judged j
            WHERE j.to_status NOT IN ('rejected', 'merged', 'reported') AND (
                (j.dl >= :a AND j.dl < :b AND NOT (j.to_status = 'suspended' AND j.dl >= j.at))
                OR (j.deadline_at IS NULL AND j.to_status = 'registered'
                    AND j.stage_deadline_at >= :a AND j.stage_deadline_at < :b))),
        marks AS (
            SELECT s.to_status = 'closed' AS closed, s.judged,
                   (SELECT max(at) FROM case_history x WHERE {CYCLE} AND x.action IN {CLOSING}) AS closed_at,
                   (SELECT max(id) FROM case_history x WHERE {CYCLE} AND x.action = 'feed_back') AS fb,
                   (SELECT max(id) FROM case_history x WHERE {CYCLE} AND x.action IN {REWORK}) AS rw,
                   EXISTS (SELECT 1 FROM case_history x WHERE {CYCLE} AND x.action = 'extend') AS extended,
                   EXISTS (SELECT 1 FROM case_history x WHERE {CYCLE} AND x.action = 'suspend') AS suspended
            FROM due s),
        o AS (SELECT m.*, m.fb IS NOT NULL AND (m.rw IS NULL OR m.rw < m.fb) AS standing,
                     (SELECT at FROM case_history x WHERE x.id = m.fb) AS fb_at FROM marks m)
        SELECT count(*), total(closed), total(closed AND closed_at <= judged), total(closed OR standing),
               total((standing AND fb_at <= judged) OR (NOT standing AND closed AND closed_at <= judged)),
               total(rw IS NOT NULL), total(closed OR fb IS NOT NULL OR rw IS NOT NULL), total(extended),
               total(suspended)
        FROM o""")
    open_candidates = (f"SELECT id AS case_id FROM case_record WHERE status IN {OPEN}"
                       " UNION SELECT case_id FROM case_history WHERE at >= :cut")
    (overdue,) = one(f"SELECT count(*) FROM ({SNAP.format(candidates=open_candidates)})"
                     f" WHERE to_status IN {RUNNING} AND stage_deadline_at < :asof")
    names = ("due_to_close", "closed_of_due", "closed_on_time", "handled_of_due", "handled_on_time_of_due",
             "reworked_of_due", "handled_ever_of_due", "extended_of_due", "suspended_of_due")
    return {
        "new": new, "registered": registered, "dispatched": dispatched, "closed": closed, "sent_back": sent_back,
        **{n: int(v) for n, v in zip(names, due, strict=True)}, "overdue_at_end": overdue,
        "mean_dispatch_minutes": dispatch_sum / dispatch_n / 60 if dispatch_n else None,
        "mean_close_hours": close_sum / closed / 3600 if closed else None,
    }


def raw_figures(path: Path, data: BriefingData, now: datetime) -> dict[str, Any]:
    """Page 1 the simplest raw way: the period and the one before, each as it stood at its end."""
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        at = int(now.timestamp())
        return {
            "kpis": raw_period(con, int(data.period.start.timestamp()), int(data.period.end.timestamp()), at),
            "previous": raw_period(con, int(data.previous.start.timestamp()), int(data.previous.end.timestamp()), at),
        }
    finally:
        con.close()


def check_same_figures(data: BriefingData, raw: dict[str, Any]) -> None:
    """The baseline must do the same work: its figures equal the briefing's."""
    for ours, theirs in ((data.kpis, raw["kpis"]), (data.previous_kpis, raw["previous"])):
        for name, value in theirs.items():
            mine = getattr(ours, name)
            same = mine == value if not isinstance(value, float) else abs(mine - value) < 1e-9 * max(1, value)
            if not same:
                raise SystemExit(f"bench_briefing: the raw baseline disagrees on {name}: {value} vs {mine}")


def raw_canvas(data: BriefingData) -> bytes:
    """The same text and tables, written line by line on a bare canvas (no layout engine)."""
    font = cjk_font().name
    out = BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    top, bottom, left = A4[1] - 20 * mm, 20 * mm, 15 * mm
    y = top

    def line(*cells: object, size: float = 7.5, widths: tuple[float, ...] = ()) -> None:
        nonlocal y
        if y < bottom:
            c.showPage()
            y = top
        c.setFont(font, size)
        x = left
        for i, cell in enumerate(cells):
            c.drawString(x, y, str(cell))
            x += widths[i] if i < len(widths) else 25 * mm
        y -= size + 3

    k, p = data.kpis, data.previous_kpis
    line(data.centre_name, f"Daily briefing {data.period.day}", size=16, widths=(100 * mm,))
    for name in ("new", "registered", "dispatched", "closed", "due_to_close", "closure_rate", "on_time_rate",
                 "handling_rate", "on_time_handling_rate", "rework_rate", "overdue_at_end", "mean_dispatch_minutes",
                 "mean_close_hours"):
        line(name, getattr(k, name), getattr(p, name), widths=(50 * mm, 30 * mm))
    line(*data.hour_labels, widths=(7 * mm,) * 24)
    line(*data.by_hour, widths=(7 * mm,) * 24)
    for group in (data.by_category, data.by_street, data.by_source):
        for count in group:
            line(count.name_zh, count.name_en, count.count, widths=(40 * mm, 60 * mm))
    for stats in (data.hot_grids, data.rising_grids):
        for g in stats:
            line(g.name, g.street, g.count, f"{g.baseline:.1f}", f"{g.ratio:.1f}", widths=(60 * mm, 40 * mm, 20 * mm))
    for r in data.overdue:
        line(r.case_number, r.priority, r.status, r.category_en, r.street, r.assignee,
             f"{r.deadline:%m-%d %H:%M}", f"{r.overdue_hours:.1f} h",
             widths=(25 * mm, 13 * mm, 17 * mm, 31 * mm, 25 * mm, 25 * mm, 23 * mm))
    for u in (*data.street_units, *data.department_units):
        line(u.rank, u.name, u.due, *(f"{v:.3f}" if v is not None else "—" for v in (
            u.handling_rate, u.on_time_handling_rate, u.rework_rate, u.extension_rate, u.suspension_rate)),
            u.sent_back, widths=(8 * mm, 40 * mm, 15 * mm, 20 * mm, 20 * mm, 20 * mm, 20 * mm, 20 * mm))
    for w in (*data.officers, *data.departments):
        line(w.key, w.name, w.open_at_end, w.overdue_at_end, w.dispatched, w.fed_back, w.closed,
             widths=(24 * mm, 56 * mm, 20 * mm, 20 * mm, 20 * mm, 20 * mm))
    for h in data.handovers:
        line(h.shift_name, h.status, h.author, h.notes[:80], widths=(20 * mm, 20 * mm, 30 * mm))
        for text, number, _due, _done in h.items:
            line(text, number, widths=(100 * mm,))
    c.showPage()
    c.save()
    return out.getvalue()


# ---- ours -----------------------------------------------------------------------------
def write_file(folder: Path, content: bytes) -> None:
    """What issuing does with the PDF: a temporary name beside the target, fsync, rename."""
    target = folder / "briefing.pdf"
    fd, tmp = tempfile.mkstemp(prefix=".briefing.pdf.", suffix=".part", dir=folder)
    with os.fdopen(fd, "wb") as fh:
        fh.write(content)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, target)


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def last_report(path: Path) -> datetime:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return datetime.fromtimestamp(con.execute("SELECT max(reported_at) FROM case_record").fetchone()[0], UTC)
    finally:
        con.close()


def main() -> int:
    path = demo_database(SCALE, DAYS, SEED)
    now = last_report(path) + timedelta(minutes=1)  # the demo's history ends when it was generated
    today: date = now.astimezone(TZ).date()
    past = today - timedelta(days=PAST_DAYS_BACK)
    db = open_database(f"{path.resolve().as_uri()}?mode=ro", clock=FrozenClock(now))
    times: dict[str, list[float]] = {k: [] for k in ("data", "past", "pdf", "file", "raw", "raw_past", "canvas")}
    try:
        centre = default_centre(db)
        cjk_font()  # registered once per process, as the application does at its first briefing
        with tempfile.TemporaryDirectory(prefix="bench-briefing-") as folder:
            for _ in range(RUNS):
                t, data = timed(lambda: briefing_data(db, centre, today))
                times["data"].append(t)
                t, pdf = timed(lambda: briefing_pdf(data, lang="en", printed_by="bench"))  # noqa: B023
                times["pdf"].append(t)
                times["file"].append(timed(lambda: write_file(Path(folder), pdf))[0])  # noqa: B023
                t, raw = timed(lambda: raw_figures(path, data, now))  # noqa: B023
                times["raw"].append(t)
                t, base = timed(lambda: raw_canvas(data))  # noqa: B023
                times["canvas"].append(t)
                t, old = timed(lambda: briefing_data(db, centre, past))
                times["past"].append(t)
                t, raw_old = timed(lambda: raw_figures(path, old, now))  # noqa: B023
                times["raw_past"].append(t)
    finally:
        db.dispose()
    check_same_figures(data, raw)
    check_same_figures(old, raw_old)
    from pypdf import PdfReader

    pages, base_pages = len(PdfReader(BytesIO(pdf)).pages), len(PdfReader(BytesIO(base)).pages)
    print(f"{SCALE} city, {DAYS} days; today {today} as of {now.astimezone(TZ):%H:%M}: {data.kpis.new:,} new, "
          f"{data.kpis.due_to_close:,} due to close, {data.overdue_total} overdue, {data.officers_total} officers "
          f"with cases, {len(data.map_cells):,} grids; PDF {pages} pages ({len(pdf):,} bytes), raw canvas "
          f"{base_pages} pages", flush=True)
    med = {k: median(v) for k, v in times.items()}
    whole = [d + p + f for d, p, f in zip(times["data"], times["pdf"], times["file"], strict=True)]
    record(f"briefing data, today ({SCALE} year)", med["data"], med["raw"], f"≤ {DATA_GOAL_S} s",
           med["data"] <= DATA_GOAL_S, "s",
           note=f"median of {RUNS}, worst {max(times['data']):.3f} s; baseline: page-1 figures in plain sqlite3")
    record(f"briefing data, {PAST_DAYS_BACK} days back ({SCALE} year)", med["past"], med["raw_past"],
           f"≤ {PAST_GOAL_S} s", med["past"] <= PAST_GOAL_S, "s",
           note=f"median of {RUNS}, worst {max(times['past']):.3f} s; a reprint of {past}")
    record(f"whole briefing, today ({SCALE} year)", median(whole), med["raw"] + med["canvas"],
           f"≤ {WHOLE_GOAL_S} s", median(whole) <= WHOLE_GOAL_S, "s",
           note=f"data + PDF + file, median of {RUNS}, worst {max(whole):.3f} s; baseline: plain sqlite3 + raw canvas")
    ratio = med["pdf"] / med["canvas"]
    record("briefing PDF layout", med["pdf"], med["canvas"], f"≤ {PDF_GOAL_RATIO:.0f}× raw", ratio <= PDF_GOAL_RATIO,
           "s", note=f"{pages} pages against a raw canvas of the same text")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
