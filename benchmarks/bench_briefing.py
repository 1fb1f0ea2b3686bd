"""The daily briefing for a Putian-scale day against a raw-canvas baseline.

Run ``python benchmarks/bench_briefing.py`` (about 25 s the first time, a few seconds after).
It generates the ``putian`` demo city (2,408 grids, 3,096 officers, ~2,850 cases a day) with
29 days of history, so the hotspot section has its four-week average, into a cached file in
the temp directory (reused while it exists; ``--fresh`` regenerates), with a frozen clock at
06:00 on 26 November 2026, and briefs the whole day of the 25th.

Timed, three runs each, interleaved so machine noise hits them alike:

* data: every query of the briefing (``services.kpi.briefing_data``);
* pdf: laying out and writing the PDF (``reports.briefing.briefing_pdf``), English and Chinese;
* baseline: a raw ``reportlab.pdfgen.canvas`` that writes the same text and tables (title,
  KPI values, every breakdown, hotspot, overdue, workload and handover row) line by line in the
  same embedded font: what the PDF costs without flowables, tables and charts.

Limits (exit 1 if broken): the whole daily briefing (data + pdf) at most 3 s, and the PDF at
most 5x the baseline.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, datetime
from io import BytesIO
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from commandcenter.clock import FrozenClock  # noqa: E402
from commandcenter.db import open_database  # noqa: E402
from commandcenter.reports.briefing import briefing_pdf  # noqa: E402
from commandcenter.reports.fonts import cjk_font  # noqa: E402
from commandcenter.services.kpi import BriefingData, briefing_data, default_centre  # noqa: E402

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 26, 6, 0, tzinfo=TZ)
DAY = date(2026, 11, 25)
SCALE, DAYS, SEED = "putian", 29, 1
LIMIT_SECONDS = 3.0
LIMIT_RATIO = 5.0
RUNS = 3


def cached_database(fresh: bool) -> Path:
    """The demo city, generated once into the temp directory and reused."""
    try:
        from commandcenter.services.demo import generate_demo
    except ImportError as exc:  # the generator is its own module; say what is missing
        raise SystemExit(f"bench_briefing: the demo generator is needed ({exc})") from exc

    path = Path(tempfile.gettempdir()) / "gcc-bench" / f"{SCALE}-{DAYS}d-seed{SEED}-{NOW:%Y%m%d%H%M}.sqlite"
    if path.exists() and not fresh:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_suffix(".building")
    for leftover in (path, building, Path(f"{building}-wal"), Path(f"{building}-shm")):
        leftover.unlink(missing_ok=True)
    print(f"generating the {SCALE} demo city with {DAYS} days of cases into {path} …", flush=True)
    started = time.perf_counter()
    db = open_database(building, clock=FrozenClock(NOW), create=True)
    try:
        summary = generate_demo(db, scale=SCALE, days=DAYS, seed=SEED)
    finally:
        db.dispose()
    building.rename(path)
    print(f"  {summary.cases:,} cases, {summary.grids:,} grids, {summary.officers:,} officers "
          f"in {time.perf_counter() - started:.1f} s", flush=True)
    return path


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
                 "handling_rate", "rework_rate", "overdue_now", "mean_dispatch_minutes", "mean_close_hours"):
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
    for w in (*data.officers, *data.departments):
        line(w.key, w.name, w.open_now, w.overdue_now, w.dispatched, w.fed_back, w.closed,
             widths=(24 * mm, 56 * mm, 20 * mm, 20 * mm, 20 * mm, 20 * mm))
    for h in data.handovers:
        line(h.shift_name, h.status, h.author, h.notes[:80], widths=(20 * mm, 20 * mm, 30 * mm))
        for text, number, _due, _done in h.items:
            line(text, number, widths=(100 * mm,))
    c.showPage()
    c.save()
    return out.getvalue()


def timed(fn):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", action="store_true", help="regenerate the cached demo database")
    args = parser.parse_args()
    path = cached_database(args.fresh)
    db = open_database(path, clock=FrozenClock(NOW), create=True)  # create=True upgrades an older cache
    try:
        centre = default_centre(db)
        cjk_font()  # registered once per process, like the application does at the first briefing
        data_s, pdf_s, zh_s, base_s = [], [], [], []
        for _ in range(RUNS):
            t, data = timed(lambda: briefing_data(db, centre, DAY))
            data_s.append(t)
            t, pdf = timed(lambda: briefing_pdf(data, lang="en", printed_by="bench"))  # noqa: B023
            pdf_s.append(t)
            t, _ = timed(lambda: briefing_pdf(data, lang="zh_CN", printed_by="bench"))  # noqa: B023
            zh_s.append(t)
            t, base = timed(lambda: raw_canvas(data))  # noqa: B023
            base_s.append(t)
    finally:
        db.dispose()
    from pypdf import PdfReader

    pages = len(PdfReader(BytesIO(pdf)).pages)
    base_pages = len(PdfReader(BytesIO(base)).pages)
    med = statistics.median
    worst_total = max(d + p for d, p in zip(data_s, pdf_s, strict=True))
    ratio = med(pdf_s) / med(base_s)
    print(f"{SCALE} city, day {DAY}: {data.kpis.new:,} new cases, {data.kpis.due_to_close:,} due to close, "
          f"{data.overdue_total} overdue, {data.officers_total} officers with cases, {len(data.map_cells):,} grids")
    print(f"{'step':<34}{'median s':>10}{'worst s':>10}")
    for name, values in (("data (all queries)", data_s), ("pdf, English", pdf_s), ("pdf, Chinese", zh_s),
                         ("baseline: raw canvas, same text", base_s)):
        print(f"{name:<34}{med(values):>10.3f}{max(values):>10.3f}")
    print(f"daily briefing (data + pdf), worst of {RUNS}: {worst_total:.3f} s (limit {LIMIT_SECONDS:.1f} s)")
    print(f"pdf / raw-canvas baseline: {ratio:.2f}x (limit {LIMIT_RATIO:.0f}x); "
          f"{pages} pages ({len(pdf):,} bytes) vs {base_pages} baseline pages ({len(base):,} bytes)")
    ok = worst_total <= LIMIT_SECONDS and ratio <= LIMIT_RATIO
    print("OK" if ok else "LIMIT EXCEEDED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
