"""An admin loads a newly announced year: deadlines then follow its holidays."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from commandcenter.cli import main
from commandcenter.db import open_database
from commandcenter.services.timelimits import TimeLimits

from .factories import build_tiny_city

SH = ZoneInfo("Asia/Shanghai")


def test_load_a_new_year_and_deadlines_follow_it(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "c.sqlite"
    db = open_database(path, create=True)
    build_tiny_city(db)
    db.dispose()
    assert main(["holidays", "list", "--db", str(path), "--year", "2027"]) == 0
    assert "2027 is not covered" in capsys.readouterr().out
    csv_file = tmp_path / "2027.csv"
    csv_file.write_text("date,kind,name\n2027-10-01,holiday,国庆节\n2027-10-04,holiday,国庆节\n"
                        "2027-10-09,workday,国庆节调休\n", encoding="utf-8-sig")
    assert main(["holidays", "load", "--db", str(path), "--year", "2027", str(csv_file)]) == 0
    assert "3 holidays" in capsys.readouterr().out
    db = open_database(path)
    cal = TimeLimits.from_database(db).calendar
    start = datetime(2027, 9, 30, 17, 0, tzinfo=SH)
    # Thu 17:00 + 60 working min: Fri 1 Oct holiday, weekend, Mon 4 Oct holiday -> Tue 5 Oct 09:00
    assert cal.add(start, 60, "working") == datetime(2027, 10, 5, 9, 0, tzinfo=SH)
    assert cal.is_working_day(datetime(2027, 10, 9).date())  # adjusted Saturday
    assert 2027 not in cal.uncovered_years({2027})
    db.dispose()


def test_bad_calendar_file_changes_nothing(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "c.sqlite"
    db = open_database(path, create=True)
    build_tiny_city(db)
    db.dispose()
    bad = tmp_path / "bad.csv"
    bad.write_text("date,kind\n2027-10-01,holiday\n2027-13-01,holiday\n2027-10-02,party\n")
    assert main(["holidays", "load", "--db", str(path), "--year", "2027", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "line 3" in err and "line 4" in err and "nothing imported" in err
    assert main(["holidays", "list", "--db", str(path), "--year", "2027"]) == 0
    assert "not covered" in capsys.readouterr().out
