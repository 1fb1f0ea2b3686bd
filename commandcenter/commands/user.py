"""`commandcenter user`: accounts for administrators at a shell (add, disable, passwd, list, roles).

The acting administrator signs in like anyone else (`--admin NAME`, the password read without
echo, or from COMMANDCENTER_ADMIN_PASSWORD for scripts), so the lockout, the permission check
and the audit trail apply; the changes go through the same admin services as the admin screen.
A new password is read twice without echo and never appears on the command line.
"""

from __future__ import annotations

import argparse
import getpass
import os

from ..db import Database, open_database
from ..domain.enums import Role
from ..errors import NotFound, ValidationError
from ..i18n import translate
from ..services.admin import AdminService
from ..services.audit import this_os_user, this_workstation
from ..services.auth import SYSTEM_ROLES, Principal
from ..services.signin import locked_accounts, sign_in
from ..shapes.admin import UserRow

ADMIN_PASSWORD_ENV = "COMMANDCENTER_ADMIN_PASSWORD"
PERSON_ROLES = [r.value for r in Role if r not in SYSTEM_ROLES]


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("user", help=translate("cli", "manage users and list roles (administrators)"))
    usub = p.add_subparsers(dest="user_command", required=True)

    def command(name: str, help_text: str, handler) -> argparse.ArgumentParser:  # type: ignore[no-untyped-def]
        c = usub.add_parser(name, help=help_text)
        c.add_argument("--db", required=True, help=translate("cli", "database file path or SQLAlchemy URL"))
        c.add_argument("--admin", required=True, help=translate(
            "cli", "the administrator who signs in to make the change (password asked for, or ${env})").format(
                env=ADMIN_PASSWORD_ENV))
        c.set_defaults(handler=handler)
        return c

    add = command("add", translate("cli", "add a user (the new password is asked for twice)"), run_add)
    add.add_argument("username")
    add.add_argument("--name", required=True, help=translate("cli", "the person's full name"))
    add.add_argument("--role", required=True, choices=PERSON_ROLES)
    add.add_argument("--centre", help=translate("cli", "the user's command centre by code (default: the admin's)"))
    disable = command("disable", translate("cli", "disable a user: they can no longer sign in or act"), run_disable)
    disable.add_argument("username")
    passwd = command("passwd", translate("cli", "set a user's password (asked for twice) and lift a lockout"),
                     run_passwd)
    passwd.add_argument("username")
    command("list", translate("cli", "list the users"), run_list)
    command("roles", translate("cli", "list the roles and their permissions"), run_roles)


def _signed_in_admin(db: Database, username: str) -> Principal:
    password = os.environ.get(ADMIN_PASSWORD_ENV)
    if password is None:
        password = getpass.getpass(translate("cli", "Password for {user}: ").format(user=username))
    return sign_in(db, username, password, workstation=this_workstation(), os_user=this_os_user())


def _new_password(username: str) -> str:
    first = getpass.getpass(translate("cli", "New password for {user}: ").format(user=username))
    again = getpass.getpass(translate("cli", "Repeat the new password: "))
    if first != again:
        raise ValidationError(translate("cli", "the two passwords differ; nothing was changed"), field="password")
    return first


def _account(admin: AdminService, principal: Principal, username: str) -> UserRow:
    for row in admin.users.rows(principal):
        if row.username == username:
            return row
    raise NotFound("user", username)


def _session(args: argparse.Namespace, work) -> int:  # type: ignore[no-untyped-def]
    """Open the database, sign the admin in, run `work(admin services, principal)`, close."""
    db = open_database(args.db)
    try:
        principal = _signed_in_admin(db, args.admin)
        return int(work(AdminService(db), principal) or 0)
    finally:
        db.dispose()


def run_add(args: argparse.Namespace) -> int:
    def work(admin: AdminService, principal: Principal) -> None:
        centre_id = principal.centre_id
        if args.centre:
            codes = {c.code: c.id for c in admin.users.centres(principal)}
            if args.centre not in codes:
                raise NotFound("command centre", args.centre)
            centre_id = codes[args.centre]
        row = admin.users.add(principal, args.username, args.name, Role(args.role), centre_id,
                              _new_password(args.username))
        print(translate("cli", "added {user} ({role}) at {centre}").format(
            user=row.username, role=row.role.value, centre=row.centre_name))

    return _session(args, work)


def run_disable(args: argparse.Namespace) -> int:
    def work(admin: AdminService, principal: Principal) -> None:
        row = admin.users.set_active(principal, _account(admin, principal, args.username), False)
        print(translate("cli", "disabled {user}").format(user=row.username))

    return _session(args, work)


def run_passwd(args: argparse.Namespace) -> int:
    def work(admin: AdminService, principal: Principal) -> None:
        row = _account(admin, principal, args.username)
        admin.users.reset_password(principal, row, _new_password(args.username))
        print(translate("cli", "password set for {user}").format(user=row.username))

    return _session(args, work)


def run_list(args: argparse.Namespace) -> int:
    def work(admin: AdminService, principal: Principal) -> None:
        rows = admin.users.rows(principal)
        locked = locked_accounts(admin.users.db, principal)
        header = [translate("cli", "user"), translate("cli", "name"), translate("cli", "role"),
                  translate("cli", "centre"), translate("cli", "active"), translate("cli", "locked")]
        yes, no = translate("cli", "yes"), translate("cli", "no")
        table = [header] + [
            [r.username, r.display_name, r.role.value, r.centre_name, yes if r.active else no,
             translate("cli", "until {time}").format(time=f"{locked[r.id]:%Y-%m-%d %H:%M}") if r.id in locked else ""]
            for r in rows
        ]
        widths = [max(len(line[i]) for line in table) for i in range(len(header))]
        for line in table:
            print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip())

    return _session(args, work)


def run_roles(args: argparse.Namespace) -> int:
    def work(admin: AdminService, principal: Principal) -> None:
        granted: dict[Role, list[str]] = {}
        for row in admin.permissions.matrix(principal):
            for role in row.roles:
                granted.setdefault(role, []).append(row.action.value)
        for role in Role:  # the system accounts' roles too: what the drill feed or the importer may do
            print(f"{role.value}: {', '.join(granted.get(role, [])) or '-'}")

    return _session(args, work)
