"""Sign-in: the one place a person becomes a principal, and the rules around passwords.

A password is checked against its scrypt hash (`services/passwords.py`). Five wrong passwords
in a row lock the account for fifteen minutes by the database's clock, so every seat and the
CLI see the same lock; a success clears the count. An unknown, disabled or password-less user
fails exactly like a wrong password (and costs the same scrypt time), so neither the message
nor the delay tells which user names exist; only a locked account is told apart, because its
owner must learn that waiting, not retyping, helps. Every sign-in, failed sign-in, refusal
while locked and lockout is audited with the workstation and the OS user.

The scrypt check runs outside the write transaction: it takes tens of milliseconds, and the
write lock of a SQLite database is shared by every seat.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db import Database
from ..domain.actions import Action
from ..domain.entities import Entity
from ..domain.enums import CentreLevel, Role
from ..errors import (
    AccountLocked,
    AuthenticationFailed,
    PasswordTooShort,
    SignInNotAllowed,
    ValidationError,
)
from ..models import AppMeta, CommandCentre, User
from . import audit
from .auth import Principal, authorize, issue_principal
from .changefeed import record_change
from .passwords import hash_password, verify_password
from .validation import clean_text

MAX_FAILURES = 5  # wrong passwords in a row before the account locks
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
FIRST_CENTRE_CODE = "CITY"  # the root centre a new production database's first admin creates


@dataclass(frozen=True)
class Seat:
    """Where a sign-in comes from, for the audit trail: the machine and the OS account on it."""

    workstation: str
    os_user: str


@dataclass(frozen=True)
class Claimant:
    """Who an attempt claims to be, as the audit trail names them: the user name typed, and the
    account's id when that name exists."""

    user_id: int | None
    username: str


@cache
def _decoy_hash() -> str:
    """A hash of a random password, checked for unknown users so they cost the same time."""
    return hash_password(secrets.token_hex(16))


def _audit(s: Session, at: datetime, user_id: int | None, username: str, action: str, seat: Seat,
           **detail: object) -> None:
    audit.append(s, Claimant(user_id, username), action, Entity.USER.value, user_id, dict(detail), at=at,
                 workstation=seat.workstation, os_user=seat.os_user)


def _locked_error(s: Session, user: User) -> AccountLocked:
    assert user.locked_until is not None
    zone = s.scalar(select(CommandCentre.timezone).where(CommandCentre.id == user.centre_id)) or "Asia/Shanghai"
    return AccountLocked(user.username, user.locked_until.astimezone(ZoneInfo(zone)))


def sign_in(db: Database, username: str, password: str, *, workstation: str, os_user: str) -> Principal:
    """The principal of `username` when `password` is theirs.

    Raises AccountLocked (with the unlock time) while the account is locked, including on the
    attempt that locks it, and AuthenticationFailed for every other refusal.
    """
    user_id = _check(db, username, password, Seat(workstation, os_user), "sign_in")
    return issue_principal(db, user_id, workstation=workstation, os_user=os_user)


def unlock(db: Database, principal: Principal, password: str) -> None:
    """Check the password of the user whose idle screen is locked; refused like a sign-in (and
    counting towards the lockout), so a locked seat cannot be guessed open."""
    _check(db, principal.username, password, Seat(principal.workstation, principal.os_user), "unlock")


def _check(db: Database, username: str, password: str, seat: Seat, success: str | None) -> int:
    """The user's id when `password` is `username`'s; count and audit the outcome (`success`
    names the audit action of a match, None for a check whose caller audits what it then does)."""
    now = db.clock.now()
    with db.read() as s:
        user = s.scalar(select(User).where(User.username == username))
        user_id = user.id if user is not None else None
        stored = user.password_hash if user is not None and user.active else None
        locked = bool(stored) and user is not None and user.locked_until is not None and user.locked_until > now
    if locked:
        with db.unit_of_work() as s:
            _audit(s, now, user_id, username, "sign_in_refused_locked", seat)
            user = s.get(User, user_id)
            assert user is not None
            refusal = _locked_error(s, user)
        raise refusal
    matches = verify_password(password, stored or _decoy_hash())
    refusal = None
    with db.unit_of_work() as s:
        user = s.get(User, user_id) if stored else None
        if user is None or not user.active or user.password_hash != stored:
            refusal = AuthenticationFailed(username)
            _audit(s, now, user_id, username, "sign_in_failed", seat)
        elif user.locked_until is not None and user.locked_until > now:  # locked meanwhile by another seat
            refusal = _locked_error(s, user)
            _audit(s, now, user.id, username, "sign_in_refused_locked", seat)
        elif not matches:
            user.failed_logins = (user.failed_logins or 0) + 1
            _audit(s, now, user.id, username, "sign_in_failed", seat, failures=user.failed_logins)
            refusal = AuthenticationFailed(username)
            if user.failed_logins >= MAX_FAILURES:
                user.failed_logins, user.locked_until = 0, now + LOCKOUT
                _audit(s, now, user.id, username, "lockout", seat, until=user.locked_until.isoformat())
                refusal = _locked_error(s, user)
        else:
            user.failed_logins, user.locked_until = 0, None
            if success is not None:
                _audit(s, now, user.id, username, success, seat)
    if refusal is not None or user_id is None:
        raise refusal or AuthenticationFailed(username)
    return user_id


def check_new_password(password: str) -> str:
    """`password` when it may be set (the one rule every new password follows)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordTooShort(MIN_PASSWORD_LENGTH)
    return password


def change_password(db: Database, principal: Principal, old: str, new: str) -> None:
    """Change the signed-in user's own password; `old` is checked like a sign-in (and counts
    towards the lockout), so an unattended unlocked seat cannot take the account over."""
    check_new_password(new)
    seat = Seat(principal.workstation, principal.os_user)
    _check(db, principal.username, old, seat, None)
    stored = hash_password(new)
    now = db.clock.now()
    with db.unit_of_work() as s:
        user = s.get(User, principal.user_id)
        assert user is not None
        user.password_hash = stored
        _audit(s, now, user.id, user.username, "change_password", seat)
        record_change(s, now, Entity.USER, user.id, "update", user.centre_id)


def is_demo(db: Database) -> bool:
    """Whether the database is marked as a demo (its accounts and passwords are public)."""
    with db.read() as s:
        return s.scalar(select(AppMeta.value).where(AppMeta.key == "is_demo")) == "1"


def _has_password_user(s: Session) -> bool:
    return s.scalar(select(User.id).where(User.password_hash.is_not(None)).limit(1)) is not None


def needs_first_admin(db: Database) -> bool:
    """A production database nobody can sign in to yet: its first start asks for an administrator."""
    if is_demo(db):
        return False
    with db.read() as s:
        return not _has_password_user(s)


def first_centre_name(db: Database) -> str | None:
    """The root command centre's name, or None when the database has no centre yet (the first
    admin's dialog then asks for one)."""
    with db.read() as s:
        return s.scalar(select(CommandCentre.name).where(CommandCentre.parent_id.is_(None))
                        .order_by(CommandCentre.id).limit(1))


def create_first_admin(db: Database, username: str, display_name: str, password: str, *,
                       centre_name: str = "", workstation: str, os_user: str) -> Principal:
    """Create the first administrator of a production database and sign them in.

    The admin belongs to the root centre; a database without any centre gets one (city level)
    named `centre_name`. Refused with SignInNotAllowed on a demo database or once any user has a
    password: this is a first start, never a way round an existing administrator.
    """
    username = clean_text(username, "username", User.username, required=True)
    display_name = clean_text(display_name, "display_name", User.display_name, required=True)
    check_new_password(password)
    stored = hash_password(password)
    if is_demo(db):
        raise SignInNotAllowed("has_admin")
    now = db.clock.now()
    with db.unit_of_work() as s:
        if _has_password_user(s):
            raise SignInNotAllowed("has_admin")
        root = s.scalar(select(CommandCentre).where(CommandCentre.parent_id.is_(None)).order_by(CommandCentre.id))
        if root is None:
            name = clean_text(centre_name, "centre_name", CommandCentre.name, required=True)
            root = CommandCentre(code=FIRST_CENTRE_CODE, name=name, level=CentreLevel.CITY.value)
            s.add(root)
            s.flush()
            record_change(s, now, Entity.CENTRE, root.id, "insert", root.id)
        if s.scalar(select(User.id).where(func.lower(User.username) == username.lower())) is not None:
            raise ValidationError(f"user name {username!r} is taken", field="username", problem="username_taken")
        user = User(username=username, display_name=display_name, role=Role.ADMIN.value, centre_id=root.id,
                    password_hash=stored, active=True, failed_logins=0)
        s.add(user)
        s.flush()
        _audit(s, now, user.id, username, "create_first_admin", Seat(workstation, os_user))
        record_change(s, now, Entity.USER, user.id, "insert", root.id)
    return sign_in(db, username, password, workstation=workstation, os_user=os_user)


def locked_accounts(db: Database, principal: Principal) -> dict[int, datetime]:
    """Accounts locked now by failed sign-ins: user id → unlock time in the user's centre zone
    (for an administrator's user list; MANAGE_USERS)."""
    authorize(db, principal, Action.MANAGE_USERS)
    now = db.clock.now()
    with db.read() as s:
        rows = s.execute(select(User.id, User.locked_until, CommandCentre.timezone)
                         .join(CommandCentre, CommandCentre.id == User.centre_id)
                         .where(User.locked_until > now)).all()
    return {user_id: until.astimezone(ZoneInfo(zone)) for user_id, until, zone in rows}
