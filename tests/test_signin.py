"""Sign-in service: passwords, the lockout by the database clock, the audit of every attempt,
own password changes and the first administrator of a production database."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from commandcenter.clock import FrozenClock
from commandcenter.db import Database
from commandcenter.errors import (
    AccountLocked,
    AuthenticationFailed,
    PasswordTooShort,
    SignInNotAllowed,
)
from commandcenter.models import AppMeta, AuditEntry, CommandCentre, User
from commandcenter.services import signin
from commandcenter.services.passwords import hash_password

from .factories import TinyCity

SEAT = {"workstation": "seat-7", "os_user": "duty"}


def set_password(db: Database, username: str, password: str) -> None:
    with db.unit_of_work() as s:
        s.execute(update(User).where(User.username == username).values(password_hash=hash_password(password)))


def audit_actions(db: Database, username: str) -> list[str]:
    with db.read() as s:
        return list(s.scalars(select(AuditEntry.action).where(AuditEntry.actor == username).order_by(AuditEntry.id)))


def counters(db: Database, username: str) -> tuple[int, object]:
    with db.read() as s:
        row = s.execute(select(User.failed_logins, User.locked_until).where(User.username == username)).one()
    return row[0], row[1]


@pytest.fixture
def people(db: Database, city: TinyCity) -> TinyCity:
    set_password(db, "operator", "right-password")
    return city


def test_right_password_gives_the_principal_and_is_audited(db, people) -> None:  # type: ignore[no-untyped-def]
    principal = signin.sign_in(db, "operator", "right-password", **SEAT)
    assert principal.username == "operator" and principal.role.value == "operator"
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "sign_in")).one()
        assert entry.user_id == principal.user_id
        assert (entry.workstation, entry.os_user) == ("seat-7", "duty")
        assert "right-password" not in entry.detail


def test_unknown_disabled_and_wrong_fail_alike_and_are_audited(db, people) -> None:  # type: ignore[no-untyped-def]
    set_password(db, "trainer", "trainer-pass")
    with db.unit_of_work() as s:
        s.execute(update(User).where(User.username == "trainer").values(active=False))
    messages = set()
    for username, password in (("nobody", "x"), ("trainer", "trainer-pass"), ("operator", "wrong"),
                               ("supervisor", "")):  # supervisor has no password at all
        with pytest.raises(AuthenticationFailed) as refused:
            signin.sign_in(db, username, password, **SEAT)
        assert not isinstance(refused.value, AccountLocked)
        messages.add(refused.value.message.split(" (user")[0])
        assert audit_actions(db, username) == ["sign_in_failed"]
    assert messages == {"wrong user name or password"}


def test_five_failures_lock_for_fifteen_minutes_by_the_db_clock(db, people, clock: FrozenClock) -> None:  # type: ignore[no-untyped-def]
    for attempt in range(1, 5):
        with pytest.raises(AuthenticationFailed) as refused:
            signin.sign_in(db, "operator", f"guess-{attempt}", **SEAT)
        assert not isinstance(refused.value, AccountLocked)
        assert counters(db, "operator")[0] == attempt
    with pytest.raises(AccountLocked) as locked:
        signin.sign_in(db, "operator", "guess-5", **SEAT)
    until = clock.now() + timedelta(minutes=15)
    assert locked.value.until == until
    assert locked.value.until.utcoffset() == timedelta(hours=8)  # told in the centre's zone (Shanghai)
    assert counters(db, "operator") == (0, until)
    # while locked even the right password is refused, and the refusal is audited
    clock.advance(minutes=14, seconds=59)
    with pytest.raises(AccountLocked):
        signin.sign_in(db, "operator", "right-password", **SEAT)
    assert audit_actions(db, "operator") == ["sign_in_failed"] * 5 + ["lockout", "sign_in_refused_locked"]
    clock.advance(seconds=1)
    assert signin.sign_in(db, "operator", "right-password", **SEAT).username == "operator"
    assert counters(db, "operator") == (0, None)
    assert audit_actions(db, "operator")[-1] == "sign_in"


def test_success_resets_the_count(db, people) -> None:  # type: ignore[no-untyped-def]
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            signin.sign_in(db, "operator", "wrong", **SEAT)
    signin.sign_in(db, "operator", "right-password", **SEAT)
    assert counters(db, "operator") == (0, None)
    for _ in range(4):  # four more do not lock: the count started again
        with pytest.raises(AuthenticationFailed) as refused:
            signin.sign_in(db, "operator", "wrong", **SEAT)
        assert not isinstance(refused.value, AccountLocked)


def test_unlock_checks_the_same_user_and_counts_towards_the_lockout(db, people) -> None:  # type: ignore[no-untyped-def]
    principal = signin.sign_in(db, "operator", "right-password", **SEAT)
    with pytest.raises(AuthenticationFailed):
        signin.unlock(db, principal, "wrong")
    assert counters(db, "operator")[0] == 1
    signin.unlock(db, principal, "right-password")
    assert audit_actions(db, "operator")[-2:] == ["sign_in_failed", "unlock"]


def test_change_own_password(db, people) -> None:  # type: ignore[no-untyped-def]
    principal = signin.sign_in(db, "operator", "right-password", **SEAT)
    with pytest.raises(PasswordTooShort):
        signin.change_password(db, principal, "right-password", "short")
    with pytest.raises(AuthenticationFailed):
        signin.change_password(db, principal, "not-the-old-one", "a-new-password")
    signin.change_password(db, principal, "right-password", "a-new-password")
    assert audit_actions(db, "operator")[-1] == "change_password"
    with pytest.raises(AuthenticationFailed):
        signin.sign_in(db, "operator", "right-password", **SEAT)
    assert signin.sign_in(db, "operator", "a-new-password", **SEAT).username == "operator"


def test_first_admin_of_an_empty_production_database(db: Database) -> None:
    assert signin.needs_first_admin(db)
    assert signin.first_centre_name(db) is None
    with pytest.raises(PasswordTooShort):
        signin.create_first_admin(db, "chief", "Chief Admin", "short", centre_name="Putian centre", **SEAT)
    admin = signin.create_first_admin(db, "chief", "Chief Admin", "long-enough", centre_name="Putian centre",
                                      **SEAT)
    assert admin.role.value == "admin" and admin.centre_name == "Putian centre"
    assert not signin.needs_first_admin(db)
    assert audit_actions(db, "chief") == ["create_first_admin", "sign_in"]
    with pytest.raises(SignInNotAllowed):  # never a second time, whatever the name
        signin.create_first_admin(db, "intruder", "Intruder", "long-enough", centre_name="x", **SEAT)
    with db.read() as s:
        assert s.scalar(select(User.id).where(User.username == "intruder")) is None
        assert len(s.scalars(select(CommandCentre)).all()) == 1


def test_first_admin_joins_the_existing_root_centre(db, city) -> None:  # type: ignore[no-untyped-def]
    assert signin.needs_first_admin(db)  # the tiny city's users have no passwords
    assert signin.first_centre_name(db) == "莆田市城市运行指挥中心"
    admin = signin.create_first_admin(db, "chief", "Chief", "long-enough", **SEAT)
    assert admin.centre_name == "莆田市城市运行指挥中心"


def test_no_first_admin_on_a_demo_database(db, city) -> None:  # type: ignore[no-untyped-def]
    with db.unit_of_work() as s:
        s.add(AppMeta(key="is_demo", value="1"))
    assert signin.is_demo(db)
    assert not signin.needs_first_admin(db)
    with pytest.raises(SignInNotAllowed):
        signin.create_first_admin(db, "chief", "Chief", "long-enough", **SEAT)
