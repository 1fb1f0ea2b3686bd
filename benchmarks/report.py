"""The one benchmark table: every measure of this ``make bench`` run, and ``results.json``.

Run by ``make bench`` after every ``bench_*.py`` script. It reads the measures the scripts
appended to ``benchmarks/.results.partial.jsonl`` (see ``_common.record``), prints one table
(ours, the raw baseline measured in the same run, the ratio, the goal, pass or fail), writes it
with the machine it ran on to ``benchmarks/results.json`` so runs can be compared, deletes the
partial file, and exits 1 when any measure missed its goal, a script failed (``--failed``), or
nothing was recorded. Given when the run started (``--started``, seconds since the epoch), it
adds the run's own length as a measure: ``make bench`` must finish within 20 minutes.

Run: python benchmarks/report.py [--started EPOCH] [--failed bench_x.py ...] [--out benchmarks/results.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from _common import HERE, PARTIAL, Measure

RUN_GOAL_MIN = 20.0


def load(path: Path) -> list[Measure]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as lines:
        return [Measure(**json.loads(line)) for line in lines if line.strip()]


def machine() -> dict[str, Any]:
    """What the figures depend on, so a run on another machine is not mistaken for a regression."""
    cpu = platform.processor() or platform.machine()
    memory_mb = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_mb = int(line.split()[1]) // 1024
                break
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=HERE, capture_output=True,
                                text=True, check=False).stdout.strip() or None
    except OSError:
        commit = None
    return {
        "host": platform.node(), "system": platform.platform(), "cpu": cpu,
        "cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "memory_mb": memory_mb, "python": platform.python_version(), "commit": commit,
    }


def figure(value: float | None, unit: str) -> str:
    return "—" if value is None else f"{value:.4g} {unit}"


def table(measures: list[Measure], failed_scripts: list[str]) -> str:
    head = ("measure", "ours", "baseline", "ratio", "goal", "result")
    rows = [(m.name, figure(m.ours, m.unit), figure(m.baseline, m.unit),
             "—" if m.ratio is None else f"{m.ratio:.2f}×", m.goal, "pass" if m.passed else "FAIL")
            for m in measures]
    rows += [(f"{script} exited non-zero", "—", "—", "—", "exit 0", "FAIL") for script in failed_scripts]
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
             for row in [head, tuple("-" * w for w in widths), *rows]]
    lines += [f"  {m.name}: {m.note}" for m in measures if m.note]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failed", nargs="*", default=[], help="bench scripts that exited non-zero")
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    parser.add_argument("--started", type=float, help="when the run started, seconds since the epoch")
    args = parser.parse_args(argv)
    measures = load(PARTIAL)
    if args.started is not None and measures:
        minutes = (time.time() - args.started) / 60
        measures.append(Measure("make bench, every script", minutes, None, f"≤ {RUN_GOAL_MIN:.0f} min",
                                minutes <= RUN_GOAL_MIN, "min", "Makefile"))
    # a script that exited non-zero because a goal it recorded was missed is already in the table
    failed_scripts = [s for s in (Path(f).name for f in args.failed)
                      if not any(m.script == s and not m.passed for m in measures)]
    print()
    print(table(measures, failed_scripts))
    info = machine()
    passed = bool(measures) and all(m.passed for m in measures) and not failed_scripts
    result = {
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": info,
        "passed": passed,
        "failed_scripts": failed_scripts,
        "measures": [{**m.__dict__, "ratio": m.ratio} for m in measures],
    }
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    PARTIAL.unlink(missing_ok=True)
    print(f"\n{len(measures)} measures on {info['cpu']} ({info['cpus']} cpus, {info['memory_mb']} MB), "
          f"commit {info['commit']}: {'all goals met' if passed else 'GOALS MISSED'}; written to {args.out}")
    if not measures:
        print("report: no measures were recorded", file=sys.stderr)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
