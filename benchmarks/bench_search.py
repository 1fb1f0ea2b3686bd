"""Case search on a year of Putian-scale history, against the same queries as plain SQL.

Run ``python benchmarks/bench_search.py``. It reads the cached ``putian`` demo year (about a
million cases; ``_common.demo_database``) read-only and runs 50 varied searches through
``services.search.SearchService`` as the command line's account: whole case numbers, Chinese
fragments of descriptions (three to six characters, and two-character words that no trigram
index can look up), road-and-number addresses, phone numbers as people type them, grid,
community and street codes, and text with a period of a month. Each search gives the newest
200 hits with their rows and the total count, as the screen does.

Baseline: the same queries as plain sqlite3 statements on the same file, the simplest honest
way: an FTS5 ``MATCH`` on the search table for terms of three characters or more (the case
number by equality), ``LIKE`` for shorter terms and a grid code, the same count and the same
newest 200 ids. Goal: p95 of ours ≤ 1 s. ``BENCH_SEARCH_SCALE=small BENCH_SEARCH_DAYS=30`` for
a quick run on a small year.
"""

from __future__ import annotations

import os
import random
import re
import sqlite3
import sys
import time
from datetime import UTC, datetime, timedelta

from _common import demo_database, finish, pct, record

from commandcenter.db import open_database
from commandcenter.services.auth import system_principal
from commandcenter.services.search import SearchService
from commandcenter.shapes.search import SearchQuery

SCALE = os.environ.get("BENCH_SEARCH_SCALE", "putian")
DAYS = int(os.environ.get("BENCH_SEARCH_DAYS", "365"))
GOAL_S = 1.0
LIMIT = 200
RUNS = 2  # each query twice, interleaved with the baseline; the slower run counts
ADDRESS = re.compile(r"([\u4e00-\u9fff]{2,4}(?:路|街|大道|巷))(\d+号)")


def pick_queries(con: sqlite3.Connection, rng: random.Random) -> list[tuple[str, SearchQuery]]:
    """50 searches drawn from the data itself, so each finds something on any generated year."""
    stride = max(1, con.execute("SELECT count(*) FROM case_record").fetchone()[0] // 1000)
    sample = con.execute("SELECT case_number, description, address, reporter_phone, reported_at, grid_id FROM "
                         "case_record WHERE id % ? = 0", (stride,)).fetchall()
    rng.shuffle(sample)
    grids = dict(con.execute("SELECT id, code FROM grid").fetchall())
    out: list[tuple[str, SearchQuery]] = []
    for number, *_ in sample[:8]:
        out.append(("number", SearchQuery(text=number, limit=LIMIT)))
    texts = [d for _, d, *_ in sample if len(d) >= 12][:12]
    for i, d in enumerate(texts):
        start = rng.randrange(0, len(d) - 6)
        out.append(("text", SearchQuery(text=d[start:start + 3 + i % 4], limit=LIMIT)))
    words = ["垃圾", "纠纷", "占道", "噪音"]
    out += [("short word", SearchQuery(text=w, limit=LIMIT)) for w in words[:2]]
    addresses = [m.group(1) + m.group(2) for _, _, a, *_ in sample if (m := ADDRESS.search(a))][:8]
    out += [("address", SearchQuery(text=a, limit=LIMIT)) for a in addresses]
    phones = [p for *_, p, _, _ in sample if len(re.sub(r"\D", "", p)) == 11][:6]
    out += [("phone", SearchQuery(text=f"{p[:3]} {p[3:7]} {p[7:]}", limit=LIMIT)) for p in phones]
    codes = [grids[g] for *_, g in sample[:6]]
    out += [("grid", SearchQuery(grid_code=codes[0], limit=LIMIT)), ("community", SearchQuery(grid_code=codes[1][:-3],
                                                                                             limit=LIMIT)),
            ("street", SearchQuery(grid_code=codes[2][:-6], limit=LIMIT)),
            ("grid + text", SearchQuery(text=words[0], grid_code=codes[3][:-3], limit=LIMIT))]
    for i, (_, d, _, _, at, _) in enumerate(sample[20:30]):
        if len(out) >= 50:
            break
        month = datetime.fromtimestamp(at, UTC) - timedelta(days=15)
        fragment = d[2:5] if i % 2 else words[i % len(words)]
        out.append(("text + period", SearchQuery(text=fragment, reported_from=month,
                                                 reported_to=month + timedelta(days=30), limit=LIMIT)))
    return out[:50]


def raw(con: sqlite3.Connection, q: SearchQuery) -> tuple[int, list[int]]:
    """The same search as plain statements: FTS MATCH for long terms, LIKE otherwise."""
    where, params = [], []
    for term in re.sub(r"(?<=\d)\s+(?=\d)", "", q.text).split():
        if re.fullmatch(r"\d{8}-\d{1,5}", term):
            where.append("case_number = ?")
            params.append(term)
        elif len(term) >= 3:
            digits = re.sub(r"\D", "", term)
            column = "phone" if re.fullmatch(r"[\d\s\-+()]{5,}", term) else "{case_number description address}"
            where.append("id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)")
            params.append(f'{column} : "{digits if column == "phone" else term}"')
        else:
            where.append("(description LIKE ? OR address LIKE ?" + (" OR case_number LIKE ?)" if re.search(r"[\d-]", term)
                                                                    else ")"))
            params += [f"%{term}%"] * (3 if re.search(r"[\d-]", term) else 2)
    if q.grid_code:
        where.append("grid_id IN (SELECT id FROM grid WHERE code LIKE ?)")
        params.append(q.grid_code + "%")
    if q.reported_from is not None and q.reported_to is not None:
        where.append("reported_at >= ? AND reported_at < ?")
        params += [int(q.reported_from.timestamp()), int(q.reported_to.timestamp())]
    clause = " AND ".join(where) or "1"
    total = con.execute(f"SELECT count(*) FROM case_record WHERE {clause}", params).fetchone()[0]
    ids = [r[0] for r in con.execute(f"SELECT id FROM case_record WHERE {clause} ORDER BY reported_at DESC, id DESC "
                                     f"LIMIT {LIMIT}", params)]
    return total, ids


def main() -> int:
    path = demo_database(SCALE, DAYS)
    db = open_database(f"{path.resolve().as_uri()}?mode=ro")
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    principal = system_principal(db, "cli")
    search = SearchService(db)
    queries = pick_queries(con, random.Random(14))
    cases = con.execute("SELECT count(*) FROM case_record").fetchone()[0]
    ours: list[float] = []
    base: list[float] = []
    slowest = ("", 0.0)
    for kind, q in queries:
        worst_ours = worst_raw = 0.0
        for _ in range(RUNS):
            t = time.perf_counter()
            result = search.search(principal, q)
            worst_ours = max(worst_ours, time.perf_counter() - t)
            t = time.perf_counter()
            total, ids = raw(con, q)
            worst_raw = max(worst_raw, time.perf_counter() - t)
        if (result.total, [h.row.id for h in result.hits]) != (total, ids):
            print(f"mismatch for {kind} {q}: {result.total} vs {total}", file=sys.stderr)
            return 2
        ours.append(worst_ours)
        base.append(worst_raw)
        if worst_ours > slowest[1]:
            slowest = (f"{kind} {q.text or q.grid_code!r}", worst_ours)
        print(f"  {kind:14} {q.text or q.grid_code:24} {result.total:>8,} hits  {worst_ours * 1000:7.1f} ms  "
              f"raw {worst_raw * 1000:7.1f} ms", flush=True)
    db.dispose()
    con.close()
    p95 = pct(ours, 95)
    record(f"case search p95 of {len(queries)} queries ({SCALE} year, {cases:,} cases)", p95, pct(base, 95),
           f"≤ {GOAL_S} s", p95 <= GOAL_S, "s", note=f"slowest: {slowest[0]} {slowest[1]:.2f} s")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
