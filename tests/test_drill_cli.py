"""`commandcenter drill --scenario`: exit codes, one `FILE:LINE: reason` line per problem, nothing written when refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from commandcenter.cli import main
from commandcenter.db import open_database
from commandcenter.models import Case, DrillRun
from commandcenter.simulator.demo import generate_demo
from commandcenter.simulator.scenario import SCENARIO_DIR

from .factories import build_tiny_city, grid_centre, mark_demo

LON, LAT = grid_centre(0)
TINY = f"""\
name: 命令行
speed: 1000
cases:
  - at: 1
    category: 乱倒垃圾
    lonlat: [{LON}, {LAT}]
    description: 小区门口垃圾堆积
  - at: 2
    category: 乱倒垃圾
    place: 荔城大道
    description: 路边垃圾
"""


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def centre(tmp_path: Path) -> Path:
    """A tiny demo city in a folder of its own (so the test can compare every file in it)."""
    folder = tmp_path / "centre"
    folder.mkdir()
    db = open_database(folder / "demo.sqlite", create=True)
    build_tiny_city(db)
    mark_demo(db)
    db.dispose()
    return folder / "demo.sqlite"


def scenario(tmp_path: Path, text: str) -> str:
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("text", "lines"), [
    (TINY.replace("  - at: 2\n", "  - at: soon\n"),
     ["{file}:8: 'at' must be seconds from the start or \"+H:MM:SS\", at most a week (got soon)"]),
    (TINY.replace("    description: 路边垃圾\n", "").replace("乱倒垃圾\n    lonlat", "没有这类\n    lonlat"),
     ["{file}:8: 'description' is missing"]),  # the file's own problems first: the city is not asked
    (TINY.replace("乱倒垃圾\n    lonlat", "没有这类\n    lonlat"),
     ["{file}:4: unknown category '没有这类' (a minor category's code or Chinese name)"]),
    (TINY.replace("cases:\n", "cases\n"), ["{file}:4: not valid YAML: could not find expected ':'"]),
])
def test_a_scenario_that_cannot_be_played_is_refused_line_by_line_and_nothing_is_written(
        centre, tmp_path, capsys, text: str, lines: list[str]) -> None:  # type: ignore[no-untyped-def]
    file = scenario(tmp_path, text)
    before = files_of(centre.parent)
    assert main(["drill", "--db", str(centre), "--scenario", file, "--duration", "1"]) == 2
    out, err = capsys.readouterr()
    assert err.splitlines() == [line.format(file=file) for line in lines]
    assert files_of(centre.parent) == before


def test_check_plays_nothing_and_prints_the_fallbacks(centre, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    file = scenario(tmp_path, TINY)
    before = files_of(centre.parent)
    assert main(["drill", "--db", str(centre), "--scenario", file, "--check"]) == 0
    out, _ = capsys.readouterr()
    warning, summary = out.splitlines()
    assert warning.startswith(f"{file}:8: 荔城大道 is not in this database's gazetteer: placed in grid 3503020010")
    assert summary == f"{file}: 2 items, 0 scenario minutes: playable on demo.sqlite"
    assert files_of(centre.parent) == before


def test_a_scenario_replays_and_says_so(centre, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["drill", "--db", str(centre), "--scenario", scenario(tmp_path, TINY), "--duration", "1.5"]) == 0
    out, _ = capsys.readouterr()
    lines = out.splitlines()
    assert lines[1] == "Drill on demo.sqlite: scenario “命令行” (2 items) at 1000× for 1.5 s, seed 1, 4 grids"
    assert lines[-1].startswith("Drill finished after 1.5 s: 2 new cases (2 registered at once)")
    db = open_database(centre)
    try:
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(Case).where(Case.is_drill.is_(True))) == 2
            assert s.scalar(select(DrillRun.scenario_name)) == "命令行"
    finally:
        db.dispose()


@pytest.mark.parametrize(("args", "message"), [
    ([], "commandcenter: say what to play: --scenario FILE, --rate CASES_PER_MINUTE, or both"),
    (["--rate", "2", "--speed", "0"], "commandcenter: --speed must be a number above 0 and at most 1000 (got 0)"),
])
def test_bad_options_are_one_line_and_exit_code_2(centre, capsys, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    assert main(["drill", "--db", str(centre), *args]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.splitlines() == [message]


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "small.sqlite"
    db = open_database(path, create=True)
    generate_demo(db, scale="small", days=1, seed=1)
    db.dispose()
    return path


@pytest.mark.parametrize("name", ["monday_morning", "typhoon_night", "lantern_festival"])
def test_a_shipped_scenario_is_playable_on_the_demo_city(small_demo, capsys, name: str) -> None:  # type: ignore[no-untyped-def]
    file = str(SCENARIO_DIR / f"{name}.yaml")
    assert main(["drill", "--db", str(small_demo), "--scenario", file, "--check"]) == 0
    out, _ = capsys.readouterr()
    assert out.splitlines()[-1].endswith("scenario minutes: playable on small.sqlite")
