"""The admin services: every change is allowed for an admin, refused for an operator (and the
refusal audited), audited when done; category names stay unique per language; the last user
who may manage users is protected; a centre rename shows on the next briefing; a holiday or a
time limit changed applies to deadlines computed afterwards; two admins do not overwrite
each other."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from commandcenter.db import Database
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import CategoryKind, CentreLevel, Priority, Role, Stage, TimeUnit
from commandcenter.errors import (
    DuplicateName,
    LastAdministrator,
    PermissionDenied,
    StaleSetting,
    ValidationError,
)
from commandcenter.models import AuditEntry, User
from commandcenter.services.admin import AdminService
from commandcenter.services.admin.users import PERSON_ROLES
from commandcenter.services.auth import Principal, authenticate, can, demo_principal
from commandcenter.services.timelimits import TimeLimits

from .factories import TinyCity

SH = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def admin(db: Database, city: TinyCity) -> Principal:
    return demo_principal(db, "admin")


@pytest.fixture
def svc(db: Database) -> AdminService:
    return AdminService(db)


def audit_actions(db: Database) -> list[tuple[str, str]]:
    with db.read() as s:
        return [(r.actor, r.action) for r in s.execute(select(AuditEntry.actor, AuditEntry.action)
                                                        .order_by(AuditEntry.id))]


def _user(svc: AdminService, viewer: Principal, name: str):  # type: ignore[no-untyped-def]
    return next(u for u in svc.users.rows(viewer) if u.username == name)


def _as_admin(svc: AdminService) -> Principal:
    """The admin who looks rows up for an operation that then runs as someone else."""
    return demo_principal(svc.users.db, "admin")


def _centre(svc: AdminService, city: TinyCity):  # type: ignore[no-untyped-def]
    return next(c for c in svc.centres.rows(demo_principal(svc.centres.db, "admin")) if c.id == city.centre_id)


def _category(svc: AdminService, city: TinyCity):  # type: ignore[no-untyped-def]
    return next(c for c in svc.categories.rows(demo_principal(svc.categories.db, "admin")) if c.id == city.category_id)


def _limit(svc: AdminService, city: TinyCity, priority: Priority, stage: Stage):  # type: ignore[no-untyped-def]
    rows = svc.categories.time_limits(demo_principal(svc.categories.db, "admin"), city.category_id)
    return next(r for r in rows if r.priority is priority and r.stage is stage)


# (operation, the audit action it writes): each runs as the principal it is given
OPERATIONS: dict[str, tuple[Callable[[AdminService, Principal, TinyCity], object], str]] = {
    "add user": (lambda svc, p, city: svc.users.add(p, "clerk", "Clerk Li", Role.OPERATOR, city.centre_id,
                                                    "long-enough-1"), "add_user"),
    "edit user": (lambda svc, p, city: svc.users.edit(p, _user(svc, _as_admin(svc), "trainer"), display_name="T. Wu",
                                                      role=Role.TRAINER, centre_id=city.centre_id), "edit_user"),
    "disable user": (lambda svc, p, city: svc.users.set_active(p, _user(svc, _as_admin(svc), "trainer"), False), "disable_user"),
    "reset password": (lambda svc, p, city: svc.users.reset_password(p, _user(svc, _as_admin(svc), "trainer"), "new-secret-9"),
                       "reset_password"),
    "grant": (lambda svc, p, city: svc.permissions.grant(p, Role.TRAINER, Action.PRINT_BRIEFING),
              "grant_permission"),
    "revoke": (lambda svc, p, city: svc.permissions.revoke(p, Role.TRAINER, Action.RUN_DRILL), "revoke_permission"),
    "add centre": (lambda svc, p, city: svc.centres.add(p, "C350302001", "龙桥街道指挥中心", CentreLevel.STREET,
                                                        city.centre_id, "Asia/Shanghai"), "add_centre"),
    "edit centre": (lambda svc, p, city: svc.centres.edit(p, _centre(svc, city), name="莆田市指挥中心",
                                                          level=CentreLevel.CITY, parent_id=None,
                                                          timezone="Asia/Shanghai"), "edit_centre"),
    "add category": (lambda svc, p, city: svc.categories.add(p, _category(svc, city).parent_id, "0199", CategoryKind.EVENT,
                                                             "占道经营", "Street vending"), "add_category"),
    "rename category": (lambda svc, p, city: svc.categories.rename(p, _category(svc, city), "乱扔垃圾", "Littering"),
                        "rename_category"),
    "set time limit": (lambda svc, p, city: svc.categories.set_time_limit(
        p, _limit(svc, city, Priority.NORMAL, Stage.HANDLE), 240, TimeUnit.WORKING), "set_time_limit"),
    "add holiday": (lambda svc, p, city: svc.holidays.add_day(p, date(2026, 12, 1), "holiday", "测试"),
                    "add_calendar_day"),
    "remove holiday": (lambda svc, p, city: svc.holidays.remove_day(
        p, svc.holidays.days(demo_principal(svc.holidays.db, "admin"), 2026)[0]), "remove_calendar_day"),
}


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_each_operation_allowed_for_admin_refused_for_operator_and_audited(  # type: ignore[no-untyped-def]
        name, db, city, svc, admin, operator) -> None:
    run, audited = OPERATIONS[name]
    with pytest.raises(PermissionDenied):
        run(svc, operator, city)
    assert ("operator", "refused") in audit_actions(db)
    assert not any(action == audited for _who, action in audit_actions(db))
    run(svc, admin, city)
    assert ("admin", audited) in audit_actions(db)


@pytest.mark.parametrize("read", [
    lambda svc, p, city: svc.users.rows(p),
    lambda svc, p, city: svc.permissions.matrix(p),
    lambda svc, p, city: svc.centres.rows(p),
    lambda svc, p, city: svc.categories.rows(p),
    lambda svc, p, city: svc.categories.time_limits(p, city.category_id),
    lambda svc, p, city: svc.holidays.years(p),
])
def test_reads_need_the_admin_right(read, db, city, svc, admin, operator) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        read(svc, operator, city)
    assert read(svc, admin, city)


def test_an_added_user_signs_in_with_the_password_and_a_disabled_one_cannot(db, city, svc, admin) -> None:  # type: ignore[no-untyped-def]
    row = svc.users.add(admin, "clerk", "Clerk Li", Role.OPERATOR, city.centre_id, "long-enough-1")
    assert (row.username, row.role, row.active, row.centre_name) == ("clerk", Role.OPERATOR, True,
                                                                     "莆田市城市运行指挥中心")
    assert authenticate(db, "clerk", "long-enough-1").username == "clerk"
    with db.read() as s:
        assert "long-enough-1" not in s.scalar(select(User.password_hash).where(User.id == row.id))
    assert "long-enough-1" not in str(audit_actions(db))
    with pytest.raises(ValidationError, match="taken"):
        svc.users.add(admin, "CLERK", "Another", Role.OPERATOR, city.centre_id, "long-enough-1")
    with pytest.raises(ValidationError, match="at least"):
        svc.users.add(admin, "short", "Short", Role.OPERATOR, city.centre_id, "abc")
    svc.users.set_active(admin, row, False)
    with pytest.raises(Exception):  # noqa: B017 - AuthenticationFailed, or the sign-in service's own refusal
        authenticate(db, "clerk", "long-enough-1")


def test_a_revoked_right_is_refused_and_a_granted_one_offered(db, city, svc, admin, trainer) -> None:  # type: ignore[no-untyped-def]
    assert not can(db, trainer, Action.PRINT_BRIEFING)
    row = svc.permissions.grant(admin, Role.TRAINER, Action.PRINT_BRIEFING)
    assert Role.TRAINER in row.roles and can(db, trainer, Action.PRINT_BRIEFING)
    assert svc.permissions.grant(admin, Role.TRAINER, Action.PRINT_BRIEFING) == row  # nothing to do, no entry
    assert [a for _w, a in audit_actions(db)].count("grant_permission") == 1
    svc.permissions.revoke(admin, Role.TRAINER, Action.PRINT_BRIEFING)
    assert not can(db, trainer, Action.PRINT_BRIEFING)
    system_roles = [r for r in Role if r not in PERSON_ROLES]
    for role in system_roles:  # the drill feed's or the importer's rights are the program's, not an admin's
        with pytest.raises(ValidationError, match="system account"):
            svc.permissions.grant(admin, role, Action.MANAGE_USERS)
        with pytest.raises(ValidationError, match="system account"):
            svc.users.add(admin, "robot", "Robot", role, city.centre_id, "long-enough-1")


def test_category_names_are_unique_per_language(db, city, svc, admin) -> None:  # type: ignore[no-untyped-def]
    fly, light = (next(c for c in svc.categories.rows(admin) if c.id == i)
                  for i in (city.category_id, city.dept_category_id))
    with pytest.raises(DuplicateName) as zh:
        svc.categories.rename(admin, light, fly.name_zh, "Another English name")
    assert (zh.value.field, zh.value.other_code) == ("name_zh", fly.code)
    with pytest.raises(DuplicateName) as en:
        svc.categories.rename(admin, light, "另一个名字", " fly-TIPPING ")
    assert en.value.field == "name_en"
    with pytest.raises(DuplicateName):
        svc.categories.add(admin, fly.parent_id, "0103", CategoryKind.EVENT, "乱倒垃圾", "Dumping")
    # the same name in the other language's column, or a category's own names again, are fine
    assert svc.categories.rename(admin, light, "路灯损坏", "乱倒垃圾").name_en == "乱倒垃圾"
    # major classes are unique whatever their kind: the interface shows one language at a time
    with pytest.raises(DuplicateName):
        svc.categories.add(admin, None, "02", CategoryKind.COMPONENT, "市容环境", "City appearance facilities")
    major = svc.categories.add(admin, None, "02", CategoryKind.COMPONENT, "市容环境设施", "City appearance facilities")
    assert major.level == 1 and major.kind is CategoryKind.COMPONENT


def test_the_last_user_who_may_manage_users_is_protected(db, city, svc, admin) -> None:  # type: ignore[no-untyped-def]
    me = _user(svc, admin, "admin")
    with pytest.raises(LastAdministrator):
        svc.permissions.revoke(admin, Role.ADMIN, Action.MANAGE_USERS)
    with pytest.raises(LastAdministrator):
        svc.users.set_active(admin, me, False)
    with pytest.raises(LastAdministrator):
        svc.users.edit(admin, me, display_name="Admin", role=Role.SUPERVISOR, centre_id=city.centre_id)
    assert can(db, admin, Action.MANAGE_USERS)
    second = svc.users.add(admin, "admin2", "Second Admin", Role.ADMIN, city.centre_id, "long-enough-2")
    svc.users.set_active(admin, me, False)  # another admin remains
    admin2 = demo_principal(db, "admin2")
    with pytest.raises(LastAdministrator):
        svc.users.set_active(admin2, _user(svc, admin2, "admin2"), False)
    # a role that manages users besides admin keeps the right alive when admin loses it
    svc.permissions.grant(admin2, Role.SUPERVISOR, Action.MANAGE_USERS)
    svc.permissions.revoke(admin2, Role.ADMIN, Action.MANAGE_USERS)
    assert not can(db, admin2, Action.MANAGE_USERS) and second.active


def test_two_admins_editing_one_row_do_not_overwrite_each_other(db, city, svc, admin) -> None:  # type: ignore[no-untyped-def]
    seen = _user(svc, admin, "trainer")
    svc.users.edit(admin, seen, display_name="First", role=Role.TRAINER, centre_id=city.centre_id)
    with pytest.raises(StaleSetting):
        svc.users.edit(admin, seen, display_name="Second", role=Role.TRAINER, centre_id=city.centre_id)
    assert _user(svc, admin, "trainer").display_name == "First"
    centre = _centre(svc, city)
    svc.centres.edit(admin, centre, name="A", level=centre.level, parent_id=None, timezone=centre.timezone)
    with pytest.raises(StaleSetting):
        svc.centres.edit(admin, centre, name="B", level=centre.level, parent_id=None, timezone=centre.timezone)
    limit = _limit(svc, city, Priority.HIGH, Stage.DISPATCH)
    svc.categories.set_time_limit(admin, limit, 45, TimeUnit.CALENDAR)
    with pytest.raises(StaleSetting):
        svc.categories.set_time_limit(admin, limit, 50, TimeUnit.CALENDAR)


def test_centre_checks(db, city, svc, admin) -> None:  # type: ignore[no-untyped-def]
    top = _centre(svc, city)
    district = next(c for c in svc.centres.rows(admin) if c.level is CentreLevel.DISTRICT)
    with pytest.raises(ValidationError, match="time zone"):
        svc.centres.edit(admin, top, name=top.name, level=top.level, parent_id=None, timezone="Mars/Olympus")
    with pytest.raises(ValidationError, match="under itself"):
        svc.centres.edit(admin, top, name=top.name, level=top.level, parent_id=district.id, timezone=top.timezone)
    with pytest.raises(ValidationError, match="higher level"):
        svc.centres.add(admin, "C1", "Street", CentreLevel.DISTRICT, district.id, "Asia/Shanghai")
    with pytest.raises(ValidationError, match="above the centres under it"):
        svc.centres.edit(admin, top, name=top.name, level=CentreLevel.DISTRICT, parent_id=None, timezone=top.timezone)


def test_a_centre_rename_appears_in_the_next_briefings_header(db, city, svc, admin) -> None:  # type: ignore[no-untyped-def]
    from commandcenter.reports.briefing import briefing_pdf
    from commandcenter.services.kpi import briefing_data

    day = date(2026, 11, 24)
    first = briefing_data(db, city.centre_id, day)
    assert first.centre_name == "莆田市城市运行指挥中心"
    svc.centres.edit(admin, _centre(svc, city), name="Putian Urban Operations Centre", level=CentreLevel.CITY,
                     parent_id=None, timezone="Asia/Shanghai")
    data = briefing_data(db, city.centre_id, day)
    assert data.centre_name == "Putian Urban Operations Centre"
    page_one = PdfReader(io.BytesIO(briefing_pdf(data, lang="en", printed_by="tester"))).pages[0].extract_text()
    assert "Putian Urban Operations Centre" in page_one


def test_a_holiday_added_changes_a_deadline_computed_afterwards(db, city, svc, admin) -> None:  # type: ignore[no-untyped-def]
    start = datetime(2026, 12, 3, 17, 0, tzinfo=SH)  # a Thursday, 30 working minutes before closing
    limits = TimeLimits.from_database(db)
    before = limits.deadline(city.category_id, "normal", Stage.HANDLE, start)
    assert before.astimezone(SH) == datetime(2026, 12, 4, 10, 0, tzinfo=SH)  # 120 working minutes: Fri 10:00
    svc.holidays.add_day(admin, date(2026, 12, 4), "holiday", "测试假日")
    after = TimeLimits.from_database(db).deadline(city.category_id, "normal", Stage.HANDLE, start)
    assert after.astimezone(SH) == datetime(2026, 12, 7, 10, 0, tzinfo=SH)  # Friday off, the weekend: Monday
    assert any(y.year == 2026 and y.holidays >= 1 for y in svc.holidays.years(admin))
    with pytest.raises(ValidationError, match="already"):
        svc.holidays.add_day(admin, date(2026, 12, 4), "holiday", "again")
    with pytest.raises(ValidationError, match="weekday"):
        svc.holidays.add_day(admin, date(2026, 12, 8), "workday", "调休")
    row = next(r for r in svc.holidays.days(admin, 2026) if r.day == date(2026, 12, 4))
    svc.holidays.remove_day(admin, row)
    with pytest.raises(StaleSetting):
        svc.holidays.remove_day(admin, row)
    assert TimeLimits.from_database(db).deadline(city.category_id, "normal", Stage.HANDLE, start) == before


def test_a_time_limit_set_applies_to_deadlines_computed_afterwards(db, city, svc, admin) -> None:  # type: ignore[no-untyped-def]
    start = datetime(2026, 11, 25, 10, 0, tzinfo=SH)
    limit = _limit(svc, city, Priority.HIGH, Stage.HANDLE)
    assert (limit.minutes, limit.unit, limit.stored) == (120, TimeUnit.WORKING, True)
    svc.categories.set_time_limit(admin, limit, 90, TimeUnit.CALENDAR)
    assert TimeLimits.from_database(db).deadline(city.category_id, "high", Stage.HANDLE, start) == \
        datetime(2026, 11, 25, 11, 30, tzinfo=SH)
    with pytest.raises(ValidationError, match="calendar clock"):
        svc.categories.set_time_limit(admin, _limit(svc, city, Priority.URGENT, Stage.HANDLE), 60, TimeUnit.WORKING)
    with pytest.raises(ValidationError, match="between"):
        svc.categories.set_time_limit(admin, _limit(svc, city, Priority.LOW, Stage.HANDLE), 0, TimeUnit.WORKING)
    new = svc.categories.add(admin, _category(svc, city).parent_id, "0150", CategoryKind.EVENT, "新类", "New class")
    fallback = next(r for r in svc.categories.time_limits(admin, new.id)
                    if r.priority is Priority.LOW and r.stage is Stage.VERIFY)
    assert not fallback.stored
    stored = svc.categories.set_time_limit(admin, fallback, 600, TimeUnit.WORKING)
    assert (stored.minutes, stored.unit, stored.stored) == (600, TimeUnit.WORKING, True)


HOSTILE = "Robert'); DROP TABLE app_user;-- \u202e\u0007 <b>x</b> 😀"


def test_hostile_text_is_stored_verbatim_and_overlong_text_refused(db, city, svc, admin) -> None:  # type: ignore[no-untyped-def]
    from commandcenter.errors import TextTooLong

    user = svc.users.edit(admin, _user(svc, admin, "trainer"), display_name=HOSTILE, role=Role.TRAINER,
                          centre_id=city.centre_id)
    assert user.display_name == HOSTILE and len(svc.users.rows(admin)) == 4
    centre = svc.centres.edit(admin, _centre(svc, city), name=HOSTILE, level=CentreLevel.CITY, parent_id=None,
                              timezone="Asia/Shanghai")
    assert centre.name == HOSTILE
    category = svc.categories.rename(admin, _category(svc, city), HOSTILE, HOSTILE)
    assert (category.name_zh, category.name_en) == (HOSTILE, HOSTILE)
    assert svc.holidays.add_day(admin, date(2026, 12, 1), "holiday", HOSTILE).name == HOSTILE
    assert next(d for d in svc.holidays.days(admin, 2026) if d.day == date(2026, 12, 1)).name == HOSTILE
    with pytest.raises(TextTooLong):
        svc.centres.edit(admin, centre, name="x" * 121, level=CentreLevel.CITY, parent_id=None,
                         timezone="Asia/Shanghai")
    with pytest.raises(TextTooLong):
        svc.categories.rename(admin, category, "长" * 61, "ok")


@pytest.mark.postgres
def test_two_admins_disabling_each_other_at_once_leave_one_on_postgresql(pg_url) -> None:  # type: ignore[no-untyped-def]
    """Both changes are held at the audit trail's lock (taken after the count and the update)
    until both are under way; without row locks each would still count the other admin."""
    import threading
    import time

    from sqlalchemy import create_engine, text

    from commandcenter.clock import FrozenClock
    from commandcenter.db import open_database
    from commandcenter.services.audit import _PG_CHAIN_LOCK

    from .conftest import START
    from .factories import build_tiny_city

    db = open_database(pg_url, clock=FrozenClock(START), create=True)
    holder_engine = create_engine(db.engine.url)
    holder = holder_engine.connect().execution_options(isolation_level="AUTOCOMMIT")  # fresh pg_stat_activity
    try:
        city = build_tiny_city(db)
        svc = AdminService(db)
        svc.users.add(demo_principal(db, "admin"), "admin2", "Second Admin", Role.ADMIN, city.centre_id, "long-enough-2")
        first, second = demo_principal(db, "admin"), demo_principal(db, "admin2")
        rows = {u.username: u for u in svc.users.rows(first)}
        outcomes: dict[str, str] = {}

        def disable(principal: Principal, target: str) -> None:
            try:
                svc.users.set_active(principal, rows[target], False)
                outcomes[target] = "disabled"
            except LastAdministrator as exc:
                outcomes[target] = type(exc).__name__

        holder.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _PG_CHAIN_LOCK})
        threads = [threading.Thread(target=disable, args=(first, "admin2")),
                   threading.Thread(target=disable, args=(second, "admin"))]
        for t in threads:
            t.start()
        deadline = time.monotonic() + 20
        waiting = 0
        while waiting < 2 and time.monotonic() < deadline:  # both changes are waiting for a lock
            waiting = holder.execute(text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                          "AND datname = current_database()")).scalar_one()
            time.sleep(0.02)  # a plain test polling the server, not a Qt event loop
        assert waiting == 2
        holder.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_CHAIN_LOCK})
        for t in threads:
            t.join(30)
        assert sorted(outcomes.values()) == ["LastAdministrator", "disabled"], outcomes
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(User).where(User.role == "admin", User.active)) == 1
    finally:
        holder.close()
        holder_engine.dispose()
        db.dispose()
