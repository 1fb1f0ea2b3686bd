"""`commandcenter user`: an administrator signs in at a shell and adds, disables, lists users,
sets a password and lists roles; passwords are read without echo (getpass, patched here) and
every change is audited; refusals are one line with exit code 2."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, update

from commandcenter.cli import main
from commandcenter.db import Database
from commandcenter.errors import AuthenticationFailed
from commandcenter.models import AuditEntry, User
from commandcenter.services import signin

from .factories import TinyCity, db_argument
from .test_signin import set_password

SEAT = {"workstation": "seat", "os_user": "u"}


@pytest.fixture
def people(db: Database, city: TinyCity, monkeypatch: pytest.MonkeyPatch) -> TinyCity:
    set_password(db, "admin", "admin-password")
    set_password(db, "operator", "operator-password")
    monkeypatch.setenv("COMMANDCENTER_ADMIN_PASSWORD", "admin-password")
    return city


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> Callable[..., list[str]]:
    """Make getpass answer the given passwords in turn; returns the prompts it was asked."""
    prompts: list[str] = []

    def answers(*values: str) -> list[str]:
        queue = list(values)

        def getpass(prompt: str = "") -> str:
            prompts.append(prompt)
            return queue.pop(0)

        monkeypatch.setattr("getpass.getpass", getpass)
        return prompts

    return answers


def user_cli(db: Database, *args: str) -> int:
    command, rest = args[0], args[1:]
    return main(["--lang", "en", "user", command, "--db", db_argument(db), "--admin", "admin", *rest])


def test_add_reads_the_password_twice_and_the_user_signs_in(db, people, typed, capsys) -> None:  # type: ignore[no-untyped-def]
    prompts = typed("new-user-password", "new-user-password")
    assert user_cli(db, "add", "lin", "--name", "Lin Mei", "--role", "supervisor", "--centre", "C350302") == 0
    assert capsys.readouterr().out.strip() == "added lin (supervisor) at 城厢区指挥中心"
    assert prompts == ["New password for lin: ", "Repeat the new password: "]
    principal = signin.sign_in(db, "lin", "new-user-password", **SEAT)
    assert principal.role.value == "supervisor" and principal.centre_name == "城厢区指挥中心"
    with db.read() as s:
        entry = s.execute(select(AuditEntry.actor, AuditEntry.detail).where(AuditEntry.action == "add_user")).one()
    assert entry.actor == "admin" and "new-user-password" not in entry.detail


def test_add_refuses_two_different_passwords(db, people, typed, capsys) -> None:  # type: ignore[no-untyped-def]
    typed("new-user-password", "new-user-pasword")
    assert user_cli(db, "add", "lin", "--name", "Lin Mei", "--role", "operator") == 2
    err = capsys.readouterr().err.strip()
    assert "differ" in err and "\n" not in err
    with db.read() as s:
        assert s.scalar(select(User.id).where(User.username == "lin")) is None


def test_disable_and_passwd(db, people, typed, capsys) -> None:  # type: ignore[no-untyped-def]
    with db.unit_of_work() as s:  # locked out: passwd lifts it
        s.execute(update(User).where(User.username == "operator")
                  .values(failed_logins=3, locked_until=datetime(2030, 1, 1, tzinfo=UTC)))
    typed("operator-new-pw", "operator-new-pw")
    assert user_cli(db, "passwd", "operator") == 0
    assert signin.sign_in(db, "operator", "operator-new-pw", **SEAT).username == "operator"
    assert user_cli(db, "disable", "operator") == 0
    assert capsys.readouterr().out.splitlines() == ["password set for operator", "disabled operator"]
    with pytest.raises(AuthenticationFailed):
        signin.sign_in(db, "operator", "operator-new-pw", **SEAT)
    with db.read() as s:
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.actor == "admin")))
    assert "reset_password" in actions and "disable_user" in actions


def test_list_shows_role_centre_active_and_locked(db, people, capsys) -> None:  # type: ignore[no-untyped-def]
    with db.unit_of_work() as s:
        s.execute(update(User).where(User.username == "operator")
                  .values(locked_until=datetime(2030, 1, 1, tzinfo=UTC)))
        s.execute(update(User).where(User.username == "trainer").values(active=False))
    assert user_cli(db, "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["user", "name", "role", "centre", "active", "locked"]
    rows = {line.split()[0]: line for line in lines[1:]}
    assert set(rows) >= {"admin", "operator", "supervisor", "trainer"}
    assert rows["operator"].split()[2:5] == ["operator", "莆田市城市运行指挥中心", "yes"]
    assert rows["operator"].endswith("until 2030-01-01 08:00")  # the centre's time
    assert rows["trainer"].split()[4] == "no" and "until" not in rows["supervisor"]


def test_roles_lists_each_role_with_its_permissions(db, people, capsys) -> None:  # type: ignore[no-untyped-def]
    assert user_cli(db, "roles") == 0
    roles = dict(line.split(": ", 1) for line in capsys.readouterr().out.splitlines())
    assert "manage_users" in roles["admin"].split(", ")
    assert "close" in roles["supervisor"].split(", ") and "close" not in roles["operator"].split(", ")


def test_refusals_are_one_line_with_exit_2(db, people, typed, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COMMANDCENTER_ADMIN_PASSWORD", "wrong")
    assert user_cli(db, "list") == 2
    assert capsys.readouterr().err.strip() == "commandcenter: Wrong user name or password."
    # without the variable the password is asked for, without echo
    monkeypatch.delenv("COMMANDCENTER_ADMIN_PASSWORD")
    prompts = typed("operator-password")
    assert main(["--lang", "en", "user", "list", "--db", db_argument(db), "--admin", "operator"]) == 2
    assert prompts == ["Password for operator: "]
    err = capsys.readouterr().err.strip()
    assert err.startswith("commandcenter: Your role (Operator) may not do this") and "\n" not in err
    monkeypatch.setenv("COMMANDCENTER_ADMIN_PASSWORD", "admin-password")
    assert user_cli(db, "disable", "nobody") == 2
    assert "nobody" in capsys.readouterr().err
