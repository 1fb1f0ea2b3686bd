"""Accounts (add, edit, disable, reset a password) and the role -> permission matrix.

Both need MANAGE_USERS. Neither may leave the database without an active user who may
manage users: nobody could then undo the change (LastAdministrator).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from ...domain.actions import Action
from ...domain.entities import Entity
from ...domain.enums import Role
from ...errors import LastAdministrator, NotFound, ValidationError
from ...models import CommandCentre, RolePermission, User
from ...shapes.admin import CentreRow, PermissionRow, UserRow
from ..auth import Principal
from ..changefeed import record_change
from ..passwords import hash_password
from ..signin import check_new_password
from ..validation import clean_text
from .centres import centre_rows
from .common import AdminPart, audit, versioned_update

USERNAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")


def _user_rows(session: Session, now: datetime, user_id: int | None = None) -> list[UserRow]:
    query = (
        select(User.id, User.username, User.display_name, User.role, User.centre_id, CommandCentre.name,
               User.active, User.version, User.locked_until)
        .join(CommandCentre, CommandCentre.id == User.centre_id)
        .where(User.role.in_([r.value for r in PERSON_ROLES]))  # system accounts are not edited here
        .order_by(User.username)
    )
    if user_id is not None:
        query = query.where(User.id == user_id)
    return [UserRow(r[0], r[1], r[2], Role(r[3]), r[4], r[5], bool(r[6]), r[7],
                    r[8] if r[8] is not None and r[8] > now else None) for r in session.execute(query)]


def _permission_row(session: Session, action: Action) -> PermissionRow:
    roles = session.scalars(select(RolePermission.role).where(RolePermission.action == action.value))
    return PermissionRow(action, frozenset(Role(r) for r in roles))


def _managing_roles(session: Session) -> set[str]:
    """The roles that may manage users, with their permission rows and their users' rows locked.

    Two admins disabling each other at once on PostgreSQL (read committed) would each still count
    the other and both succeed; locking the rows first, always in the same order, makes the second
    wait and then count what the first committed. SQLite's write lock serialises them anyway."""
    roles = set(session.scalars(select(RolePermission.role)
                                .where(RolePermission.action == Action.MANAGE_USERS.value)
                                .order_by(RolePermission.role).with_for_update()))
    session.execute(select(User.id).where(User.role.in_(sorted(roles))).order_by(User.id).with_for_update()).all()
    return roles


def _keep_a_manager(session: Session, roles: set[str], subject: str, excluding_user: int | None = None) -> None:
    """Refuse unless an active user other than `excluding_user` has a role among `roles`."""
    query = select(func.count()).select_from(User).where(User.active.is_(True), User.role.in_(sorted(roles)))
    if excluding_user is not None:
        query = query.where(User.id != excluding_user)
    if not roles or not session.scalar(query):
        raise LastAdministrator(subject)


# the roles of people; the system accounts' roles (drill feed, importer...) are fixed by the program
PERSON_ROLES: tuple[Role, ...] = (Role.OPERATOR, Role.SUPERVISOR, Role.TRAINER, Role.ADMIN)


def _person_role(role: Role | str) -> Role:
    role = Role(role)
    if role not in PERSON_ROLES:
        raise ValidationError(f"{role.value} is a system account's role", field="role", problem="system_role")
    return role


def _check_centre(session: Session, centre_id: int) -> None:
    if session.get(CommandCentre, centre_id) is None:
        raise NotFound("command centre", centre_id)


class UserAdmin(AdminPart):
    """Accounts: who may sign in, with which role, at which centre."""

    def rows(self, principal: Principal) -> list[UserRow]:
        self._allow(principal, Action.MANAGE_USERS)
        with self.db.read() as s:
            return _user_rows(s, self.db.clock.now())

    def centres(self, principal: Principal) -> list[CentreRow]:
        """The centres an account can belong to (for the account dialog)."""
        self._allow(principal, Action.MANAGE_USERS)
        with self.db.read() as s:
            return centre_rows(s)

    def add(self, principal: Principal, username: str, display_name: str, role: Role, centre_id: int,
            password: str) -> UserRow:
        """A new active account with its first password (scrypt-hashed; never stored or logged in clear)."""
        self._allow(principal, Action.MANAGE_USERS)
        username = clean_text(username, "username", User.username, required=True)
        if not set(username) <= USERNAME_CHARS:
            raise ValidationError(f"user name {username!r} may use only letters, digits, '.', '_' and '-'",
                                  field="username", problem="username_chars")
        display_name = clean_text(display_name, "display_name", User.display_name, required=True)
        role = _person_role(role)
        check_new_password(password)  # the one rule every new password follows
        stored = hash_password(password)  # slow on purpose: before the transaction opens
        now = self.db.clock.now()
        with self.db.unit_of_work() as s:
            if s.scalar(select(User.id).where(func.lower(User.username) == username.lower())) is not None:
                raise ValidationError(f"user name {username!r} is taken", field="username", problem="username_taken")
            _check_centre(s, centre_id)
            user_id = s.execute(
                insert(User).values(username=username, display_name=display_name, role=role.value,
                                    centre_id=centre_id, password_hash=stored, active=True, failed_logins=0,
                                    version=1).returning(User.id)
            ).scalar_one()
            audit(s, principal, now, "add_user", "user", user_id,
                  {"username": username, "display_name": display_name, "role": role.value,
                   "centre_id": centre_id})
            record_change(s, now, Entity.USER, user_id, "insert")
            return _user_rows(s, now, user_id)[0]

    def edit(self, principal: Principal, user: UserRow, *, display_name: str, role: Role, centre_id: int) -> UserRow:
        """Change an account's name, role or centre, if nobody changed it since `user` was read."""
        self._allow(principal, Action.MANAGE_USERS)
        display_name = clean_text(display_name, "display_name", User.display_name, required=True)
        role = _person_role(role)
        now = self.db.clock.now()
        with self.db.unit_of_work() as s:
            _check_centre(s, centre_id)
            managing = _managing_roles(s)
            if user.active and user.role.value in managing and role.value not in managing:
                _keep_a_manager(s, managing, user.username, excluding_user=user.id)
            versioned_update(s, User, user.id, user.version, "user", user.username,
                             display_name=display_name, role=role.value, centre_id=centre_id)
            audit(s, principal, now, "edit_user", "user", user.id, {
                "username": user.username,
                "before": {"display_name": user.display_name, "role": user.role.value, "centre_id": user.centre_id},
                "after": {"display_name": display_name, "role": role.value, "centre_id": centre_id},
            })
            record_change(s, now, Entity.USER, user.id, "update")
            return _user_rows(s, now, user.id)[0]

    def set_active(self, principal: Principal, user: UserRow, active: bool) -> UserRow:
        """Disable an account (it can no longer sign in or act) or enable it again."""
        self._allow(principal, Action.MANAGE_USERS)
        now = self.db.clock.now()
        with self.db.unit_of_work() as s:
            managing = _managing_roles(s)
            if not active and user.active and user.role.value in managing:
                _keep_a_manager(s, managing, user.username, excluding_user=user.id)
            versioned_update(s, User, user.id, user.version, "user", user.username, active=active)
            audit(s, principal, now, "enable_user" if active else "disable_user", "user", user.id,
                  {"username": user.username})
            record_change(s, now, Entity.USER, user.id, "update")
            return _user_rows(s, now, user.id)[0]

    def reset_password(self, principal: Principal, user: UserRow, password: str) -> UserRow:
        """Give an account a new password (the user signs in with it) and lift a lockout."""
        self._allow(principal, Action.MANAGE_USERS)
        check_new_password(password)  # the one rule every new password follows
        stored = hash_password(password)
        now = self.db.clock.now()
        with self.db.unit_of_work() as s:
            versioned_update(s, User, user.id, user.version, "user", user.username, password_hash=stored,
                             failed_logins=0, locked_until=None)
            audit(s, principal, now, "reset_password", "user", user.id, {"username": user.username})
            record_change(s, now, Entity.USER, user.id, "update")
            return _user_rows(s, now, user.id)[0]


class PermissionAdmin(AdminPart):
    """The permission table: which role may perform which action."""

    def matrix(self, principal: Principal) -> list[PermissionRow]:
        """Every action, in the order the domain declares them, with the roles granted it."""
        self._allow(principal, Action.MANAGE_USERS)
        with self.db.read() as s:
            granted: dict[str, set[Role]] = {}
            for role, action in s.execute(select(RolePermission.role, RolePermission.action)):
                granted.setdefault(action, set()).add(Role(role))
        return [PermissionRow(a, frozenset(granted.get(a.value, ()))) for a in Action]

    def grant(self, principal: Principal, role: Role, action: Action) -> PermissionRow:
        """Let `role` perform `action`; granting what is already granted changes (and audits) nothing."""
        self._allow(principal, Action.MANAGE_USERS)
        role = _person_role(role)
        now = self.db.clock.now()
        with self.db.unit_of_work() as s:
            row = _permission_row(s, action)
            if role in row.roles:
                return row
            s.execute(insert(RolePermission).values(role=role.value, action=action.value))
            audit(s, principal, now, "grant_permission", "permission", None,
                  {"role": role.value, "action": action.value})
            record_change(s, now, Entity.PERMISSION, 0, "insert")
            return _permission_row(s, action)

    def revoke(self, principal: Principal, role: Role, action: Action) -> PermissionRow:
        """Stop `role` performing `action` (from the next action of its users on); never the
        last active user's right to manage users."""
        self._allow(principal, Action.MANAGE_USERS)
        role = _person_role(role)
        now = self.db.clock.now()
        with self.db.unit_of_work() as s:
            row = _permission_row(s, action)
            if role not in row.roles:
                return row
            if action is Action.MANAGE_USERS:
                _keep_a_manager(s, _managing_roles(s) - {role.value}, role.value)
            s.execute(delete(RolePermission).where(RolePermission.role == role.value,
                                                   RolePermission.action == action.value))
            audit(s, principal, now, "revoke_permission", "permission", None,
                  {"role": role.value, "action": action.value})
            record_change(s, now, Entity.PERMISSION, 0, "delete")
            return _permission_row(s, action)
