"""Start-up benchmarks on the Putian-scale year (about a million cases).

1. Cold start: from process start to the first page of the wall painted with its rows, the
   app started as ``commandcenter --db FILE`` does (median of several runs in fresh
   processes). Baseline: the simplest raw way to show the same page, a Python process with
   PySide6 that runs the wall's own SQL through sqlite3 and paints a ``QTableView`` over a
   plain model of the tuples. Goal ≤ 1.5 s.
2. Peak memory: peak RSS of the app (signed in as a supervisor, who has every screen) with
   the wall loaded and every screen visited once, each left to finish its loads, against the
   raw process above. Goal ≤ 500 MB.
3. CLI start: ``commandcenter --help`` against ``python -c`` building and printing an
   argparse help. Goal ≤ 0.5 s.

Children compile their bytecode once into a temporary cache (``PYTHONPYCACHEPREFIX``; a
first run of each kind warms it and the page cache) as an installed program has it, also where
the environment sets ``PYTHONDONTWRITEBYTECODE``: compiling the sources on every start would
measure the build, not the start. The app runs on the cached database made read-only for the
run (``PRAGMA query_only`` on every connection: the escalation scan's writes fail and are
logged), with its settings, log and bytecode in a temporary folder removed afterwards, so
neither the cache nor the user's settings change.

Run: python benchmarks/bench_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import demo_database, finish, median, record

HERE = Path(__file__).resolve()
PYTHON = sys.executable
COMMANDCENTER = Path(PYTHON).with_name("commandcenter")
WIDTH, HEIGHT = 1440, 900  # the main window's default size
COLD_START_GOAL_S = 1.5
PEAK_RSS_GOAL_MB = 500.0
CLI_HELP_GOAL_S = 0.5
CHILD_TIMEOUT_S = 60


# ---- children: each prints one JSON line and exits ------------------------------------------
def _peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _report(**figures: object) -> None:
    """Print the child's figures, with the CPU seconds it used so far (all threads): on a busy
    machine the wall-clock figures stretch, the CPU time much less."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({**figures, "cpu": usage.ru_utime + usage.ru_stime}), flush=True)


def _on_first_paint(viewport, has_rows, then):  # type: ignore[no-untyped-def]
    """Call ``then`` once the viewport has painted with rows (after that paint completes)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Watcher(QObject):
        fired = False

        def eventFilter(self, _obj, event):  # type: ignore[no-untyped-def]  # noqa: N802
            if not self.fired and event.type() == QEvent.Type.Paint and has_rows():
                self.fired = True
                QTimer.singleShot(0, then)  # runs after this paint event is handled
            return False

    watcher = Watcher(viewport)
    viewport.installEventFilter(watcher)
    return watcher


def read_only_connections() -> None:
    """Every SQLAlchemy connection of this process refuses writes, so the cache stays as it is."""
    from sqlalchemy import Engine, event

    @event.listens_for(Engine, "connect")
    def _read_only(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        dbapi_conn.execute("PRAGMA query_only = ON")


def app_child(database: str, user: str, visit: bool) -> None:
    """The real entry point (``cli.main``), watched from inside: no hook in the product."""
    from PySide6.QtCore import Qt, QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication, QTableView

    read_only_connections()
    original_exec = QApplication.exec

    def watched_exec(*_args):  # type: ignore[no-untyped-def]
        app = QApplication.instance()
        window = next(w for w in app.topLevelWidgets() if w.objectName() == "mainWindow")
        wall = window.screen("wall")
        painted_at: list[float] = []

        def visit_all() -> None:
            screens = [window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())]
            keys = list(screens)
            idle_since: list[float] = []

            def step() -> None:
                pool = QThreadPool.globalInstance()
                if pool.activeThreadCount():
                    idle_since.clear()
                    return
                if not idle_since:
                    idle_since.append(time.monotonic())
                    return
                if time.monotonic() - idle_since[0] < 0.3:
                    return
                idle_since.clear()
                if keys:
                    window.show_screen(keys.pop(0))
                    return
                timer.stop()
                _report(painted=painted_at[0], peak_rss_mb=_peak_rss_mb(), screens=len(screens))
                os._exit(0)

            timer = QTimer(window, interval=20)
            timer.timeout.connect(step)
            timer.start()

        def painted() -> None:
            painted_at.append(time.time())
            if visit:
                visit_all()
            else:
                _report(painted=painted_at[0], rows=wall.model.rowCount(), peak_rss_mb=_peak_rss_mb())
                os._exit(0)

        viewport = window.findChild(QTableView, "caseWall").viewport()
        _on_first_paint(viewport, lambda: wall.model.rowCount() > 0, painted)
        return original_exec()

    QApplication.exec = watched_exec  # type: ignore[method-assign]
    from commandcenter.cli import main

    sys.exit(main(["--db", database, "--user", user]))


def raw_child(database: str, sql_file: str) -> None:
    """Same page, simplest raw way: sqlite3 on the GUI thread, tuples, a plain table model."""
    import sqlite3

    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QTableView

    class PlainModel(QAbstractTableModel):
        def __init__(self, rows: list[tuple]) -> None:  # type: ignore[type-arg]
            super().__init__()
            self.rows = rows
            self.columns = len(rows[0]) if rows else 0

        def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
            return len(self.rows)

        def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
            return self.columns

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
            if role == Qt.ItemDataRole.DisplayRole:
                return str(self.rows[index.row()][index.column()])
            return None

    app = QApplication(sys.argv[:1])
    conn = sqlite3.connect(f"{Path(database).as_uri()}?mode=ro", uri=True)
    rows: list[tuple] = []  # type: ignore[type-arg]
    for sql in json.loads(Path(sql_file).read_text()):
        rows += conn.execute(sql).fetchall()
    view = QTableView()
    model = PlainModel(rows)
    view.setModel(model)
    view.resize(WIDTH, HEIGHT)

    def painted() -> None:
        _report(painted=time.time(), rows=len(rows), peak_rss_mb=_peak_rss_mb())
        os._exit(0)

    watcher = _on_first_paint(view.viewport(), lambda: True, painted)  # noqa: F841 - kept alive
    view.show()
    app.exec()


# ---- parent ---------------------------------------------------------------------------------
def wall_sql(path: Path) -> list[str]:
    """The wall's own queries for the operator, with literal parameters, for the raw baseline."""
    from commandcenter.db import open_database
    from commandcenter.services.auth import demo_principal
    from commandcenter.services.case_queries import row_select
    from commandcenter.services.wall import WallScope

    read_only_connections()
    db = open_database(path)
    try:
        scope = WallScope(centre_ids=demo_principal(db, "operator").centre_ids)
        return [str(row_select(part).compile(db.engine, compile_kwargs={"literal_binds": True}))
                for part in scope.conditions(db.clock.now())]
    finally:
        db.dispose()


def run_child(args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Start a child, return its report with ``seconds`` from the start to its paint."""
    started = time.time()
    try:
        done = subprocess.run([PYTHON, str(HERE), *args], env=env, capture_output=True, text=True,
                              timeout=CHILD_TIMEOUT_S, check=False)
        output, code = done.stdout, done.returncode
    except subprocess.TimeoutExpired as exc:  # e.g. a message box waiting for a click
        output, code = str(exc.stdout or ""), -1
    lines = [line for line in output.splitlines() if line.startswith("{")]
    if code != 0 or not lines:
        log = "".join(p.read_text()[-2000:] for p in Path(env["COMMANDCENTER_LOG_DIR"]).glob("*.log"))
        raise SystemExit(f"bench_startup: child {' '.join(args[:2])} failed (exit {code}); its log:\n{log}")
    report = json.loads(lines[-1])
    report["seconds"] = report["painted"] - started
    return report


def time_command(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True, timeout=CHILD_TIMEOUT_S)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold starts of each kind (median)")
    parser.add_argument("--scale", default="putian")
    parser.add_argument("--days", type=int, default=365)
    args = parser.parse_args()
    path = demo_database(args.scale, args.days)
    with tempfile.TemporaryDirectory(prefix="bench_startup_") as tmp:
        home = Path(tmp)
        inherited = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env = {**inherited, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "PYTHONPYCACHEPREFIX": str(home / "pycache"),
               "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state"),
               "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache"),
               "COMMANDCENTER_LOG_DIR": str(home / "log"), "COMMANDCENTER_DATA_DIR": str(home / "data")}
        sql_file = home / "wall.json"
        sql_file.write_text(json.dumps(wall_sql(path)))

        # cold start, interleaved so machine noise hits both alike; the first pair warms the page cache
        run_child(["--child", "raw", str(path), str(sql_file)], env)
        run_child(["--child", "app", str(path), "operator"], env)
        ours, raw, ours_cpu, raw_cpu, rows = [], [], [], [], (0, 0)
        for _ in range(args.runs):
            app = run_child(["--child", "app", str(path), "operator"], env)
            base = run_child(["--child", "raw", str(path), str(sql_file)], env)
            ours.append(app["seconds"])
            raw.append(base["seconds"])
            ours_cpu.append(app["cpu"])
            raw_cpu.append(base["cpu"])
            rows = (app["rows"], base["rows"])
        load = os.getloadavg()[0]  # others' work stretches the wall-clock figures
        print(f"cold start, {args.runs} runs: ours {', '.join(f'{s:.2f}' for s in ours)} s "
              f"({rows[0]:,} rows); raw {', '.join(f'{s:.2f}' for s in raw)} s ({rows[1]:,} rows); "
              f"CPU seconds to the paint (median): ours {median(ours_cpu):.2f}, raw {median(raw_cpu):.2f}; "
              f"load average {load:.1f} on {os.cpu_count()} CPUs")
        # a supervisor sees every screen (operators have no briefing screen)
        visited = run_child(["--child", "app", str(path), "supervisor", "--visit"], env)
        raw_peak = base["peak_rss_mb"]

        cli_runs = max(3, args.runs)
        raw_cli = [PYTHON, "-c", "import argparse; argparse.ArgumentParser(prog='commandcenter').print_help()"]
        help_s, help_raw = [], []
        time_command([str(COMMANDCENTER), "--help"], env)  # warms the bytecode cache
        for _ in range(cli_runs):
            help_s.append(time_command([str(COMMANDCENTER), "--help"], env))
            help_raw.append(time_command(raw_cli, env))
        print(f"commandcenter --help, {cli_runs} runs: {', '.join(f'{s:.2f}' for s in help_s)} s")

    cold = median(ours)
    record(f"cold start to the painted wall, {args.scale} {args.days} d (median)", cold, median(raw),
           f"≤ {COLD_START_GOAL_S} s", cold <= COLD_START_GOAL_S, "s",
           note=f"CPU {median(ours_cpu):.2f} s, raw {median(raw_cpu):.2f} s; load average {load:.1f}")
    peak = visited["peak_rss_mb"]
    record(f"peak RSS, wall + all {visited['screens']} screens visited", peak, raw_peak,
           f"≤ {PEAK_RSS_GOAL_MB:.0f} MB", peak <= PEAK_RSS_GOAL_MB, "MB")
    cli = median(help_s)
    record("commandcenter --help (median)", cli, median(help_raw), f"≤ {CLI_HELP_GOAL_S} s",
           cli <= CLI_HELP_GOAL_S, "s")
    return finish()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        kind, *rest = sys.argv[2:]
        if kind == "app":
            app_child(rest[0], rest[1], visit="--visit" in rest)
        else:
            raw_child(rest[0], rest[1])
    sys.exit(main())
