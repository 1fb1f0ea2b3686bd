"""The benchmark table: scripts record measures, a missed goal fails the script, and report.py
prints one table, writes results.json, removes the partial file and fails when anything failed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"

RECORDING = """
import sys
from _common import finish, record
record("wall load", 0.06, 0.03, "≤ 2× raw", True, "s")
record("cold start", float(sys.argv[1]), 0.5, "≤ 1.5 s", float(sys.argv[1]) <= 1.5, "s")
sys.exit(finish())
"""


def run(args: list[str], partial: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COMMANDCENTER_BENCH_PARTIAL": str(partial)}
    return subprocess.run([sys.executable, *args], cwd=BENCH, env=env, capture_output=True, text=True,
                          timeout=60, check=False)


def test_a_missed_goal_fails_the_script_and_the_table(tmp_path: Path) -> None:
    partial, out = tmp_path / "partial.jsonl", tmp_path / "results.json"
    assert run(["-c", RECORDING, "1.2"], partial).returncode == 0
    assert run(["-c", RECORDING, "1.8"], partial).returncode == 1
    assert len(partial.read_text().splitlines()) == 4

    done = run(["report.py", "--out", str(out), "--failed", "benchmarks/bench_gone.py"], partial)
    assert done.returncode == 1
    assert not partial.exists()
    lines = done.stdout.splitlines()
    assert any(line.split()[:2] == ["cold", "start"] and "3.60×" in line and line.endswith("FAIL") for line in lines)
    assert any(line.startswith("bench_gone.py exited non-zero") for line in lines)
    results = json.loads(out.read_text())
    assert results["passed"] is False and results["failed_scripts"] == ["bench_gone.py"]
    assert [(m["name"], m["passed"]) for m in results["measures"]] == [
        ("wall load", True), ("cold start", True), ("wall load", True), ("cold start", False)]
    assert results["measures"][0]["ratio"] == 2.0 and results["machine"]["cpus"] >= 1


def test_all_goals_met_passes(tmp_path: Path) -> None:
    partial, out = tmp_path / "partial.jsonl", tmp_path / "results.json"
    run(["-c", RECORDING, "1.0"], partial)
    assert run(["report.py", "--out", str(out)], partial).returncode == 0
    assert json.loads(out.read_text())["passed"] is True


def test_nothing_recorded_fails(tmp_path: Path) -> None:
    assert run(["report.py", "--out", str(tmp_path / "r.json")], tmp_path / "none.jsonl").returncode == 1
