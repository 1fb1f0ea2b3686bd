"""The public scripting API against a generated demo city: the README example, refusals as
typed errors, the optimistic lock, and figures equal to the briefing's."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import FrozenInstanceError
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from commandcenter import api
from commandcenter.clock import FrozenClock
from commandcenter.db import open_database
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.errors import (
    AuthenticationFailed,
    DatabaseError,
    IllegalTransition,
    NotFound,
    PermissionDenied,
    StaleCase,
    ValidationError,
)
from commandcenter.labels import describe_error
from commandcenter.models import AuditEntry, CaseHistory
from commandcenter.services.auth import demo_principal
from commandcenter.services.kpi import briefing_data, default_centre
from commandcenter.services.lifecycle import CaseService
from commandcenter.shapes.cases import NewCase
from commandcenter.simulator.demo import generate_demo

# Wednesday 2026-11-25 10:30:15 in Shanghai, as the demo tests use
NOW = datetime(2026, 11, 25, 2, 30, 15, tzinfo=UTC)
DAY = "2026-11-24"  # the last whole day of the generated history


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo city generated once; each test works on its own copy."""
    path = tmp_path_factory.mktemp("api") / "template.sqlite"
    db = open_database(path, create=True, clock=FrozenClock(NOW))
    try:
        generate_demo(db, scale="small", days=3, seed=1)
    finally:
        db.dispose()
    return path


@pytest.fixture
def centre(template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "centre.sqlite"
    shutil.copyfile(template, path)
    return path


@pytest.fixture
def supervisor(centre: Path) -> Iterator[api.ScriptSession]:
    with api.connect(centre, user="supervisor", password="supervisor-demo", clock=FrozenClock(NOW)) as s:
        yield s


def _number(s: api.ScriptSession, status: str) -> str:
    return s.cases(status=status)[0].number


def test_the_readme_example_runs_and_is_audited_like_the_screens(centre: Path) -> None:
    with api.connect(centre, user="supervisor", password="supervisor-demo", clock=FrozenClock(NOW)) as s:
        closed, registered = _number(s, "closed"), _number(s, "registered")
        officer = s.officers()[0].employee_no

        case = s.case(closed)
        assert (case.number, case.status) == (closed, "closed")
        assert case.category_code and case.grid_code and case.priority in {"urgent", "high", "normal", "low"}
        with pytest.raises(FrozenInstanceError):
            case.status = "registered"  # type: ignore[misc]
        reopened = s.act(closed, "reopen", note="resident called again")
        dispatched = s.act(registered, "dispatch", officer=officer)
        figures = s.kpis(DAY)

    assert reopened.status == "registered" and reopened.version > case.version
    assert dispatched.status == "dispatched" and dispatched.officer == officer and dispatched.assignee_name
    assert list(figures) == list(api.KPI_NAMES) and figures["new"] > 0
    db = open_database(centre)
    try:
        with db.read() as session:
            audit = session.execute(select(AuditEntry.actor, AuditEntry.action).order_by(AuditEntry.id.desc())
                                    .limit(2)).all()
            notes = session.scalars(select(CaseHistory.note).where(CaseHistory.action == "reopen")).all()
    finally:
        db.dispose()
    assert [tuple(a) for a in audit] == [("supervisor", "dispatch"), ("supervisor", "reopen")]
    assert "resident called again" in notes


def test_kpis_are_the_briefings_page_one_figures(centre: Path, supervisor: api.ScriptSession) -> None:
    figures = supervisor.kpis(date.fromisoformat(DAY))
    db = open_database(centre, clock=FrozenClock(NOW))
    try:
        k = briefing_data(db, default_centre(db), date.fromisoformat(DAY)).kpis
    finally:
        db.dispose()
    assert figures == {
        "new": k.new, "registered": k.registered, "dispatched": k.dispatched, "closed": k.closed,
        "due_to_close": k.due_to_close, "closure_rate": k.closure_rate, "on_time_closure_rate": k.on_time_rate,
        "handling_rate": k.handling_rate, "on_time_handling_rate": k.on_time_handling_rate,
        "rework_rate": k.rework_rate, "overdue_at_end": k.overdue_at_end,
        "mean_minutes_to_dispatch": k.mean_dispatch_minutes, "mean_hours_to_close": k.mean_close_hours,
    }
    assert figures["closed"] > 0 and 0 <= figures["closure_rate"] <= 1


def test_kpis_refuse_a_day_to_come_and_a_role_without_briefings(centre: Path, supervisor: api.ScriptSession) -> None:
    with pytest.raises(ValidationError):
        supervisor.kpis((NOW + timedelta(days=2)).date())
    with pytest.raises(ValidationError):
        supervisor.kpis("25/11/2026")
    with api.connect(centre, user="operator", password="operator-demo", clock=FrozenClock(NOW)) as s:
        with pytest.raises(PermissionDenied):
            s.kpis(DAY)


def test_an_operator_may_not_reopen_and_nothing_changes(centre: Path) -> None:
    with api.connect(centre, user="operator", password="operator-demo", clock=FrozenClock(NOW)) as s:
        before = s.case(_number(s, "closed"))
        with pytest.raises(PermissionDenied) as refused:
            s.act(before.number, "reopen", note="resident called again")
        assert (refused.value.role, refused.value.action) == ("operator", "reopen")
        assert s.case(before.number) == before


def test_an_illegal_transition_is_refused(supervisor: api.ScriptSession) -> None:
    number = _number(supervisor, "accepted")
    with pytest.raises(IllegalTransition) as refused:
        supervisor.act(number, "reopen", note="not closed yet")
    assert refused.value.status == "accepted"
    with pytest.raises(ValidationError):
        supervisor.act(number, "print_briefing")
    with pytest.raises(ValidationError):
        supervisor.act(_number(supervisor, "closed"), "reopen")  # a reopen needs its reason


def test_acting_on_a_case_changed_since_it_was_read_is_stale(centre: Path, supervisor: api.ScriptSession) -> None:
    seen = supervisor.case(_number(supervisor, "closed"))
    with api.connect(centre, user="sup350302", password="sup350302-demo", clock=FrozenClock(NOW)) as other:
        other.act(seen.number, "evaluate", rating=4)
    with pytest.raises(StaleCase):
        supervisor.act(seen, "reopen", note="resident called again")
    assert supervisor.case(seen.number).status == "closed"
    assert supervisor.act(seen.number, "reopen", note="resident called again").status == "registered"


@pytest.mark.parametrize(("user", "password"), [("supervisor", "operator-demo"), ("nobody", "nobody-demo")])
def test_a_wrong_password_or_unknown_user_does_not_connect(centre: Path, user: str, password: str) -> None:
    with pytest.raises(AuthenticationFailed) as refused:
        api.connect(centre, user=user, password=password)
    assert "wrong user name or password" in refused.value.message
    assert describe_error(refused.value, "en") == "Wrong user name or password."  # as a sign-in screen says it


def test_an_empty_or_missing_database_is_refused_untouched(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    with pytest.raises(DatabaseError, match="commandcenter db upgrade"):
        api.connect(empty, user="supervisor", password="supervisor-demo")
    assert empty.stat().st_size == 0
    with pytest.raises(DatabaseError):
        api.connect(tmp_path / "missing.sqlite", user="supervisor", password="supervisor-demo")
    assert not (tmp_path / "missing.sqlite").exists()


def test_cases_filter_by_status_and_report_time(supervisor: api.ScriptSession) -> None:
    everything = supervisor.cases()
    open_ones = supervisor.cases(status=["accepted", "fed_back"])
    since = NOW - timedelta(hours=12)
    recent = supervisor.cases(since=since)
    assert {c.status for c in open_ones} == {"accepted", "fed_back"}
    assert len(open_ones) == sum(c.status in ("accepted", "fed_back") for c in everything)
    assert 0 < len(recent) < len(everything) and all(c.reported_at >= since for c in recent)
    assert [c.reported_at for c in everything] == sorted((c.reported_at for c in everything), reverse=True)
    assert len(supervisor.cases(limit=5)) == 5
    with pytest.raises(ValidationError):
        supervisor.cases(status="open")
    with pytest.raises(ValidationError):
        supervisor.cases(since=since.replace(tzinfo=None))
    with pytest.raises(NotFound):
        supervisor.case("20991231-00001")


def _report_again(centre: Path, number: str) -> str:
    """A second report of the same problem, entered at the screens as a call-taker would (the
    small demo's short history need not leave a case merely reported)."""
    db = open_database(centre, clock=FrozenClock(NOW))
    try:
        with db.read() as s:
            category, grid = s.execute(text("SELECT category_id, grid_id FROM case_record WHERE case_number = :n"),
                                       {"n": number}).one()
        row = CaseService(db).report(demo_principal(db, "operator"), NewCase(
            SourceChannel.HOTLINE_12345, category, Priority.NORMAL, "the same again", grid_id=grid))
        return row.case_number
    finally:
        db.dispose()


def test_department_dispatch_merge_and_unknown_handlers(centre: Path, supervisor: api.ScriptSession) -> None:
    registered = _number(supervisor, "registered")
    duplicate = _report_again(centre, registered)
    with pytest.raises(NotFound):
        supervisor.act(registered, "dispatch", officer="NO-SUCH")
    done = supervisor.act(registered, "dispatch", department="DEPT-SANITATION")
    assert (done.department, done.officer) == ("DEPT-SANITATION", None)
    merged = supervisor.act(duplicate, "merge", merge_into=registered)
    assert merged.status == "merged"
    officers = supervisor.officers()
    assert officers == sorted(officers, key=lambda o: o.employee_no) and all(o.duty_status for o in officers)


def test_the_api_loads_no_gui() -> None:
    """Scripts run on servers without a display: the API must not pull in Qt's GUI modules.
    (QtCore still arrives through the services' i18n until issue 9 makes services Qt-free.)"""
    code = ("import sys; import commandcenter.api; "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6.QtGui', 'PySide6.QtWidgets', "
            "'pyqtgraph', 'qtawesome', 'commandcenter.views', 'commandcenter.widgets', 'commandcenter.gui'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_field_steps_through_the_api(centre: Path, supervisor: api.ScriptSession) -> None:
    fed_back = _number(supervisor, "fed_back")
    assert supervisor.act(fed_back, "request_check").status == "checking"
    done = supervisor.act(fed_back, "confirm_check", note="现场已清理", evidence="IMG_0042.jpg")
    assert done.status == "fed_back"
    db = open_database(centre)
    try:
        with db.read() as s:
            number = s.execute(text("SELECT case_number FROM case_record WHERE status = 'closed' AND "
                                    "reporter_privacy = 'named' AND reporter_phone <> '' AND followed_up_at IS NULL "
                                    "ORDER BY id LIMIT 1")).scalar_one()
    finally:
        db.dispose()
    with pytest.raises(ValidationError):  # unsatisfied says why
        supervisor.act(number, "follow_up", satisfaction="unsatisfied")
    assert supervisor.act(number, "follow_up", satisfaction="basically_satisfied").status == "closed"


def test_a_wrong_category_is_corrected_by_its_code(supervisor: api.ScriptSession) -> None:
    case = supervisor.case(_number(supervisor, "registered"))
    other = next(c for c in ("0101", "0102", "0201") if c != case.category_code)
    with pytest.raises(ValidationError):  # an unknown code is refused before anything is done
        supervisor.act(case, "correct", category="9999", note="接线时选错")
    after = supervisor.act(case, "correct", category=other, note="接线时选错")
    assert (after.status, after.category_code, after.grid_code) == ("registered", other, case.grid_code)
