"""Live sync between seats: SQLite's poll next to PostgreSQL's LISTEN/NOTIFY, and a 700-seat centre.

1. Commit at one seat → row painted on another seat's wall, p95, on both engines with the same
   demo city (goal ≤ 300 ms each): a real main window, and a process committing a case every
   0.3 s through the services (bench_wall's latency measure). On SQLite the wall learns of it by
   the feed's 100 ms poll, on PostgreSQL by a notification (the safety poll is 5 s).
2. A 700-seat centre on one private server: 700 listening connections (not 700 windows: a few
   processes multiplex them with selectors) while a drill commits 10 cases a second; each seat,
   when notified, reads the changes after the last it saw on its listening connection, as the
   app's feed does (services/pg_notify.Subscription). Measured
   for every seat and every case: commit → changed rows fetched, p95 ≤ 1 s, and no seat may miss a
   case. Raw baseline: the same seats with plain psycopg (LISTEN, and one SELECT on the change log
   per wake-up on the same connection), without the app's layers.

The benchmark starts its own PostgreSQL server in a temporary folder with the settings a centre
of this size needs (`max_connections` 1000; see README, "Several seats on PostgreSQL") and removes
it at the end. The seats' processes share this machine's cores with the server, which a real
centre's 700 workstations would not: the figure is an upper bound on the server's side of it.

Run: python benchmarks/bench_sync.py [--scale city --days 7] [--seats 700] [--seconds 20]
"""

from __future__ import annotations

import argparse
import json
import os
import selectors
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import demo_database, finish, pct, record
from _pg import private_server

# what 700 seats need of the server: a connection each, and room for the writers and fetchers
SERVER_SETTINGS = ("max_connections=1000", "superuser_reserved_connections=3")
PAINT_GOAL_MS = 300.0
FETCH_GOAL_MS = 1000.0

WRITER = r"""
import json, sys, time
from commandcenter.db import open_database
from commandcenter.services.auth import demo_principal
from commandcenter.shapes.cases import NewCase
from commandcenter.services.lifecycle import CaseService
from commandcenter.services.reference_lists import area_tree, category_choices
db = open_database(sys.argv[1]); svc = CaseService(db); who = demo_principal(db, "supervisor")
grids = [g for s in area_tree(db).streets for c in s.communities for g in c.grids]  # each centre lies in its grid
cats = category_choices(db)
rate, n, out = float(sys.argv[2]), int(sys.argv[3]), []
start = time.time() + 0.5
for i in range(n):
    time.sleep(max(0.0, start + i / rate - time.time()))
    g = grids[(i * 97) % len(grids)]
    row = svc.report(who, NewCase(source="hotline_12345", category_id=cats[i % len(cats)].id,
                     priority="urgent" if i % 5 == 0 else "normal", description="benchmark case",
                     lon=g.centroid_lon, lat=g.centroid_lat), register=True)
    out.append((row.id, time.time()))
json.dump(out, open(sys.argv[4], "w"))
"""


# ---- one process of seats ---------------------------------------------------------------
def seat_worker(mode: str, url: str, seats: int, out: str) -> None:
    """`seats` listening seats in this process until a line arrives on stdin; then their log.

    For every seat: the first time each case's change was read by it (wall-clock seconds).
    """
    import psycopg

    from commandcenter.db import normalize_url
    from commandcenter.services.pg_notify import CHANNEL, Subscription, conninfo

    sa_url = normalize_url(url)
    raw = conninfo(sa_url)
    with psycopg.connect(raw, autocommit=True) as probe:
        start = int(probe.execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()[0])  # type: ignore[index]
    if mode == "ours":
        subscriptions = [Subscription(sa_url, start) for _ in range(seats)]
        sockets = [sub.socket for sub in subscriptions]

        def woken(i: int) -> list[tuple[int, str, int]]:
            return [(c.id, c.entity, c.entity_id) for c in subscriptions[i].readable()]
    else:
        conns, last = [], [start] * seats
        for _ in range(seats):
            conn = psycopg.connect(raw, autocommit=True)
            conn.execute(f"LISTEN {CHANNEL}")
            conns.append(conn)
        sockets = [conn.pgconn.socket for conn in conns]

        def woken(i: int) -> list[tuple[int, str, int]]:
            pgconn = conns[i].pgconn
            pgconn.consume_input()
            newest = 0
            while (note := pgconn.notifies()) is not None:
                newest = max(newest, int(note.extra))
            if newest <= last[i]:
                return []
            rows = conns[i].execute("SELECT id, entity, entity_id FROM change_log WHERE id > %s ORDER BY id "
                                    "LIMIT 5000", (last[i],)).fetchall()
            if rows:
                last[i] = rows[-1][0]
            return rows

    seen: list[dict[int, float]] = [{} for _ in range(seats)]
    selector = selectors.DefaultSelector()
    for i, sock in enumerate(sockets):
        selector.register(sock, selectors.EVENT_READ, i)
    selector.register(sys.stdin.fileno(), selectors.EVENT_READ, -1)
    print("ready", flush=True)
    running = True
    while running:
        for key, _events in selector.select():
            if key.data == -1:
                running = False
                continue
            rows = woken(key.data)
            now = time.time()
            for _id, entity, entity_id in rows:
                if entity == "case":
                    seen[key.data].setdefault(entity_id, now)
    Path(out).write_text(json.dumps([{str(k): v for k, v in s.items()} for s in seen]))


def bench_seats(url: str, mode: str, seats: int, workers: int, seconds: float, rate: float) -> dict[str, float]:
    """Commit → fetched at every seat, in ms, over all seats and cases; and how many were missed."""
    with tempfile.TemporaryDirectory() as tmp:
        share = [seats // workers + (1 if w < seats % workers else 0) for w in range(workers)]
        procs = [subprocess.Popen([sys.executable, __file__, "--seat-worker", mode, url, str(n), f"{tmp}/seen{w}.json"],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
                 for w, n in enumerate(share)]
        for proc in procs:
            if proc.stdout is None or proc.stdout.readline().strip() != "ready":
                raise SystemExit(f"bench_sync: a seat process failed to start (exit {proc.wait()})")
        commits = int(seconds * rate)
        writer = subprocess.run([sys.executable, "-c", WRITER, url, str(rate), str(commits), f"{tmp}/commits.json"],
                                check=False)
        if writer.returncode != 0:
            raise SystemExit(f"bench_sync: the drill process failed (exit {writer.returncode})")
        time.sleep(2.0)  # the last commits reach every seat
        for proc in procs:
            proc.communicate("stop\n", timeout=120)
        committed = dict(json.loads(Path(f"{tmp}/commits.json").read_text()))
        latencies, missed = [], 0
        for w in range(workers):
            for seat_seen in json.loads(Path(f"{tmp}/seen{w}.json").read_text()):
                for case_id, at in committed.items():
                    fetched = seat_seen.get(str(case_id))
                    if fetched is None:
                        missed += 1
                    else:
                        latencies.append((fetched - at) * 1000)
    return {"p95_ms": pct(latencies, 95), "p50_ms": pct(latencies, 50), "max_ms": max(latencies),
            "missed": missed, "samples": len(latencies), "commits": commits}


# ---- the demo city on both engines ------------------------------------------------------
def create_database(server_url: str, name: str) -> str:
    import sqlalchemy as sa

    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return server_url.rsplit("/", 1)[0] + "/" + name


def fill_postgres(url: str, scale: str, days: int) -> None:
    """The same demo city as the SQLite file (same scale, days and seed)."""
    from commandcenter.db import open_database
    from commandcenter.simulator.demo import generate_demo

    db = open_database(url, create=True)
    try:
        generate_demo(db, scale=scale, days=days, seed=7)
    finally:
        db.dispose()


def paint_latencies(database: str, commits: int) -> list[float]:
    from bench_wall import bench_latency

    return bench_latency(database, commits)  # type: ignore[arg-type]  # a URL or a file path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", default="city")
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument("--commits", type=int, default=40)
    parser.add_argument("--seats", type=int, default=700)
    parser.add_argument("--workers", type=int, default=2, help="processes the seats are spread over")
    parser.add_argument("--seconds", type=float, default=20.0, help="how long the drill commits")
    parser.add_argument("--rate", type=float, default=10.0, help="cases committed per second")
    parser.add_argument("--parts", default="paint,seats", help="comma-separated subset to run")
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841
    city = f"{args.scale} demo, {args.days} days"

    if "paint" in parts:
        from bench_wall import copy_database

        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "sync.sqlite"
            copy_database(demo_database(args.scale, args.days), copy)
            sqlite = paint_latencies(str(copy), args.commits)
        p95 = pct(sqlite, 95)
        record(f"commit at one seat → row painted at another, SQLite (100 ms poll, {city})", p95, None,
               f"≤ {PAINT_GOAL_MS:.0f} ms p95", p95 <= PAINT_GOAL_MS, "ms",
               note=f"{len(sqlite)}/{args.commits} painted, p50 {pct(sqlite, 50):.0f} ms")

    with private_server(SERVER_SETTINGS) as server:
        url = create_database(server, "sync")
        fill_postgres(url, args.scale, args.days)
        if "paint" in parts:
            pg = paint_latencies(url, args.commits)
            p95 = pct(pg, 95)
            record(f"commit at one seat → row painted at another, PostgreSQL (LISTEN/NOTIFY, {city})", p95,
                   None, f"≤ {PAINT_GOAL_MS:.0f} ms p95", p95 <= PAINT_GOAL_MS and len(pg) == args.commits, "ms",
                   note=f"{len(pg)}/{args.commits} painted, p50 {pct(pg, 50):.0f} ms")
        if "seats" in parts:
            raw = bench_seats(url, "raw", args.seats, args.workers, args.seconds, args.rate)
            ours = bench_seats(url, "ours", args.seats, args.workers, args.seconds, args.rate)
            record(f"{args.seats} listening seats, drill at {args.rate:g} cases/s: commit → changes fetched",
                   ours["p95_ms"], raw["p95_ms"], f"≤ {FETCH_GOAL_MS:.0f} ms p95, none missed",
                   ours["p95_ms"] <= FETCH_GOAL_MS and ours["missed"] == 0, "ms",
                   note=(f"{ours['samples']:,} seat×case samples over {args.workers} processes, p50 "
                         f"{ours['p50_ms']:.0f} ms, max {ours['max_ms']:.0f} ms, missed {ours['missed']}; "
                         f"raw missed {raw['missed']}"))
    return finish()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--seat-worker"]:
        os.environ.setdefault("COMMANDCENTER_LANG", "en")
        seat_worker(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5])
    else:
        sys.exit(main())
