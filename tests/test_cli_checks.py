"""The command line refuses what it cannot do truthfully, with one line and exit code 2.

Folders are never created by a typo (`briefing --out`, `demo --db`), an unknown shift lists the
centre's shifts, a day in the future or before the data is refused; a past day on which
nothing happened still gives its briefing, with a warning. Every test goes through
`commandcenter.cli.main`, as a user's shell does, and checks what reached the disk.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from commandcenter.cli import main
from commandcenter.clock import SystemClock
from commandcenter.models import BriefingIssued

from .day_of_cases import PRINT_AT, scenario_database


@pytest.fixture
def scenario_path(tmp_path_factory, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """The two-day scenario's database file, with the command line's clock at PRINT_AT
    (the morning after, 2026-11-26 08:30 in Shanghai)."""
    db, _clock, _sc = scenario_database(tmp_path_factory, tmp_path)
    path = str(db.url.database)
    db.dispose()
    monkeypatch.setattr(SystemClock, "now", lambda self: PRINT_AT)
    return path


def issued_count(path: str) -> int:
    from commandcenter.db import open_database

    db = open_database(path)
    try:
        with db.read() as s:
            return int(s.scalar(select(func.count()).select_from(BriefingIssued)) or 0)
    finally:
        db.dispose()


def briefing(path: str, day: str, out, *extra: str) -> int:  # type: ignore[no-untyped-def]
    return main(["--lang", "en", "briefing", "--db", path, "--date", day, "--out", str(out), *extra])


def test_briefing_into_a_missing_folder_is_refused(scenario_path, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "no" / "such" / "day.pdf"
    assert briefing(scenario_path, "2026-11-25", out) == 2
    err = capsys.readouterr().err
    assert f"the folder {tmp_path / 'no' / 'such'} does not exist" in err
    assert not (tmp_path / "no").exists()
    assert issued_count(scenario_path) == 0


def test_an_unknown_shift_lists_the_centres_shifts(scenario_path, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "evening.pdf"
    assert briefing(scenario_path, "2026-11-25", out, "--shift", "Evening") == 2
    err = capsys.readouterr().err
    assert "this centre has no shift named Evening; its shifts are: Day (08:00-20:00), Night (20:00-08:00)" in err
    assert not out.exists()
    assert issued_count(scenario_path) == 0


def test_a_shift_name_is_matched_whatever_its_case(scenario_path, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert briefing(scenario_path, "2026-11-25", tmp_path / "n.pdf", "--shift", "night") == 0
    assert "shift briefing of 2026-11-25" in capsys.readouterr().out


@pytest.mark.parametrize(("day", "expected"), [
    ("2026-11-27", "2026-11-27 is in the future (today is 2026-11-26)"),
    ("2026-11-20", "2026-11-20 is before the data: the first case was reported on 2026-11-24"),
])
def test_days_outside_the_data_are_refused(scenario_path, tmp_path, capsys, day, expected) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "day.pdf"
    assert briefing(scenario_path, day, out) == 2
    assert expected in capsys.readouterr().err
    assert not out.exists()
    assert issued_count(scenario_path) == 0


def test_a_quiet_past_day_gives_its_briefing_with_a_warning(scenario_path, tmp_path, capsys,
                                                            monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(SystemClock, "now", lambda self: PRINT_AT + timedelta(days=3))
    out = tmp_path / "quiet.pdf"
    assert briefing(scenario_path, "2026-11-28", out) == 0
    captured = capsys.readouterr()
    assert "daily briefing of 2026-11-28" in captured.out
    assert ("warning: nothing was reported, dispatched or closed on 2026-11-28; the briefing shows only what "
            "was still open") in captured.err
    assert out.read_bytes().startswith(b"%PDF")
    assert issued_count(scenario_path) == 1


def test_a_busy_day_has_no_warning(scenario_path, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert briefing(scenario_path, "2026-11-25", tmp_path / "busy.pdf") == 0
    assert "warning" not in capsys.readouterr().err


def test_demo_in_a_missing_folder_is_refused(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "missing" / "demo.sqlite"
    assert main(["--lang", "en", "demo", "--db", str(target), "--days", "1"]) == 2
    assert f"the folder {tmp_path / 'missing'} does not exist; create it or choose another --db" in (
        capsys.readouterr().err)
    assert not (tmp_path / "missing").exists()
