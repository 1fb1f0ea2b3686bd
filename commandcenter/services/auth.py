"""Who is acting, and whether they may: principals, and the one permission check.

A `Principal` is the signed-in person or a named system account (the drill feed, the importer,
the Open311 endpoint, the escalation clock) as every service sees them. Only this module issues
one: each carries an HMAC of its fields under a secret that lives only in this process and only
for one opened database, so a principal built by hand, copied with another role
(`dataclasses.replace`) or carried over from another database is refused as forged.

The check itself trusts nothing the principal says about rights: at every call it reads the
user's active flag and their role's permission from the database, so a disabled account or a
revoked right is refused at the next action, without a restart. Refusals raise PermissionDenied
(OutOfScope for a case or centre outside the principal's centre and those below it) and are
written to the audit trail.
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import json
import logging
import secrets
import socket
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from typing import Literal

from sqlalchemy import and_, bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..db import Database
from ..domain.actions import DEFAULT_PERMISSIONS, Action
from ..domain.enums import Role
from ..domain.zones import DEFAULT_TZ
from ..errors import AuthenticationFailed, DatabaseError, NotFound, OutOfScope, PermissionDenied
from ..models import CommandCentre, RolePermission, User
from . import audit
from .passwords import verify_password

log = logging.getLogger(__name__)

PrincipalKind = Literal["person", "system"]

# the named system accounts and their roles (each role's rights are in DEFAULT_PERMISSIONS)
SYSTEM_ACCOUNTS: dict[str, Role] = {
    "drill": Role.SYSTEM_DRILL,
    "importer": Role.SYSTEM_IMPORTER,
    "open311": Role.SYSTEM_OPEN311,
    "escalation-clock": Role.SYSTEM_CLOCK,
    # commands run at a shell without a sign-in (printing a briefing, loading holidays); the
    # OS user who ran them is on every audit entry
    "cli": Role.SYSTEM_CLI,
}
SYSTEM_ROLES: frozenset[Role] = frozenset(SYSTEM_ACCOUNTS.values())


@dataclass(frozen=True)
class Principal:
    """Who performs a service call: a person signed in at a workstation, or a system account.

    `centre_ids` is the principal's centre and every centre below it (a system account belongs to
    no centre and has every centre in scope). `proof` is this module's seal over the other fields; nothing else can make one.
    """

    user_id: int
    username: str
    display_name: str
    role: Role
    centre_id: int | None  # None for a system account
    centre_name: str
    centre_ids: tuple[int, ...]
    timezone: str  # the centre's zone: the day a time belongs to, and how screens show times
    kind: PrincipalKind
    workstation: str  # the host name the principal acts from
    os_user: str  # the operating-system account on that host
    proof: bytes = field(default=b"", repr=False, compare=False)


_SEALED = tuple(f.name for f in fields(Principal) if f.name != "proof")
# one secret per opened database, never stored: principals die with the process
_secrets: weakref.WeakKeyDictionary[Database, bytes] = weakref.WeakKeyDictionary()


def _seal(db: Database, values: tuple[object, ...]) -> bytes:
    key = _secrets.setdefault(db, secrets.token_bytes(32))
    message = json.dumps(values, ensure_ascii=False, default=str).encode()
    return hmac.new(key, message, hashlib.sha256).digest()


def _genuine(db: Database, principal: object) -> bool:
    if type(principal) is not Principal or db not in _secrets:
        return False
    values = tuple(getattr(principal, name) for name in _SEALED)  # astuple deep-copies: slow at every call
    return hmac.compare_digest(principal.proof, _seal(db, values))


def this_workstation() -> str:
    return socket.gethostname()


def this_os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in the environment nor in the password database
        return ""


def principal_kind(role: Role) -> PrincipalKind:
    """Whether an account of `role` is a person or a system account."""
    return "system" if role in SYSTEM_ROLES else "person"


def centre_scope(session: Session, centre_id: int) -> tuple[int, ...]:
    """The centre and every centre below it (street centres under a district, and so on)."""
    rows = session.execute(select(CommandCentre.id, CommandCentre.parent_id)).all()
    children: dict[int | None, list[int]] = {}
    for cid, parent in rows:
        children.setdefault(parent, []).append(cid)
    scope, todo = [], [centre_id]
    while todo:
        cid = todo.pop()
        scope.append(cid)
        todo.extend(children.get(cid, ()))
    return tuple(sorted(scope))


def _issue(db: Database, s: Session, user: User, workstation: str, os_user: str) -> Principal:
    role = Role(user.role)
    kind = principal_kind(role)
    if kind == "system":  # no centre of its own: every centre is in scope, days in the root's zone
        root = s.execute(select(CommandCentre.id, CommandCentre.name, CommandCentre.timezone)
                         .where(CommandCentre.parent_id.is_(None)).order_by(CommandCentre.id).limit(1)).first()
        centre: tuple[int | None, str, str] = (None, "", root.timezone if root else DEFAULT_TZ)
        scope = tuple(sorted(s.scalars(select(CommandCentre.id))))
    else:
        home = s.get(CommandCentre, user.centre_id)
        assert home is not None  # a person always belongs to a centre
        centre, scope = (home.id, home.name, home.timezone), centre_scope(s, home.id)
    values = (user.id, user.username, user.display_name, role, centre[0], centre[1], scope, centre[2], kind,
              workstation[:120], os_user[:80])
    return Principal(*values, proof=_seal(db, values))  # type: ignore[arg-type]


def issue_principal(db: Database, user_id: int, *, workstation: str | None = None,
                    os_user: str | None = None) -> Principal:
    """The principal of an active person account, for the sign-in service once it has checked
    the password and the lockout (nothing else may call this)."""
    with db.read() as s:
        user = s.get(User, user_id)
        if user is None or not user.active or Role(user.role) in SYSTEM_ROLES:
            raise AuthenticationFailed(user.username if user is not None else str(user_id))
        return _issue(db, s, user, this_workstation() if workstation is None else workstation,
                      this_os_user() if os_user is None else os_user)


def demo_principal(db: Database, username: str) -> Principal:
    """The principal of a person account without a password: `--user` on a demo database, and
    `commandcenter.app.create_main_window` for tests and automation."""
    with db.read() as s:
        user_id = s.scalar(select(User.id).where(User.username == username, User.active.is_(True)))
    if user_id is None:
        raise NotFound("user", username)
    try:
        return issue_principal(db, user_id)
    except AuthenticationFailed as exc:  # a system account's name: not a person to act as
        raise NotFound("user", username) from exc


def system_principal(db: Database, name: str) -> Principal:
    """The principal of a named system account ("drill", "importer", "open311",
    "escalation-clock", "cli"); its row is created when missing."""
    role = SYSTEM_ACCOUNTS[name]
    for attempt in range(2):
        with db.read() as s:
            user = s.scalar(select(User).where(User.username == name))
            if user is not None and Role(user.role) is role:
                return _issue(db, s, user, this_workstation(), this_os_user())
        if user is not None or attempt:  # a person holds the name
            break
        try:
            with db.unit_of_work() as s:
                seed_system_accounts(s)
        except IntegrityError:  # another seat created it meanwhile: read theirs
            pass
    raise NotFound("system account", name)


def authenticate(db: Database, username: str, password: str) -> Principal:
    """The principal for a user name and password checked against the stored hash.

    Raises AuthenticationFailed alike for an unknown or inactive user, one without a password
    and a wrong password, so a caller learns nothing about which names exist.
    """
    with db.read() as s:
        row = s.execute(select(User.id, User.password_hash)
                        .where(User.username == username, User.active.is_(True))).first()
    if row is None or not verify_password(password, row.password_hash):
        raise AuthenticationFailed(username)
    return issue_principal(db, row.id)


def can(db: Database, principal: Principal, action: Action) -> bool:
    """Whether `principal` may perform `action` now (to offer only what is allowed; not audited)."""
    if not _genuine(db, principal):
        return False
    with db.read() as s:
        return _role_allowed(s, principal, action)[1]


def allowed_actions(db: Database, principal: Principal) -> frozenset[Action]:
    """Every action `principal` may perform now, in one query (what a screen offers)."""
    if not _genuine(db, principal):
        return frozenset()
    with db.read() as s:
        rows = s.scalars(select(RolePermission.action).join(User, User.role == RolePermission.role)
                         .where(User.id == principal.user_id, User.username == principal.username,
                                User.active.is_(True))).all()
    known = {a.value for a in Action}
    return frozenset(Action(a) for a in rows if a in known)


# built once: every service call checks its right, and building the statement cost more than
# SQLite takes to answer it (a third of a warning update per new case)
_ROLE_ALLOWED = select(User.role, User.active, RolePermission.action) \
    .outerjoin(RolePermission, and_(RolePermission.role == User.role, RolePermission.action == bindparam("action"))) \
    .where(User.id == bindparam("user_id"), User.username == bindparam("username"))


def _role_allowed(s: Session, principal: Principal, action: Action) -> tuple[str, bool]:
    """The account's role as stored now, and whether it is active and that role may `action`."""
    row = s.connection().execute(_ROLE_ALLOWED, {"action": action.value, "user_id": principal.user_id,
                                                 "username": principal.username}).first()
    if row is None:
        return principal.role.value, False
    return row.role, bool(row.active) and row.action is not None


def check(db: Database, principal: Principal, action: Action, *, centre_id: int | None = None) -> None:
    """Raise PermissionDenied unless `principal` is genuine, active and allowed `action`, or
    OutOfScope when `centre_id` is not theirs. Not audited: see `authorize`."""
    db.refuse_when_unreachable()  # every user action passes here first: refused before a query
    if not _genuine(db, principal):
        raise PermissionDenied(getattr(principal, "username", "?"), "forged", action.value)
    with db.read() as s:
        role, allowed = _role_allowed(s, principal, action)
    if not allowed:
        raise PermissionDenied(principal.username, role, action.value)
    if centre_id is not None:
        in_scope(principal, action, centre_id)


def in_scope(principal: Principal, action: Action, centre_id: int | None) -> None:
    """Raise OutOfScope unless `centre_id` is the principal's centre or one below it."""
    if centre_id not in principal.centre_ids:
        raise OutOfScope(principal.username, action.value, centre_id)


def authorize(db: Database, principal: Principal, action: Action, *, centre_id: int | None = None,
              entity: str = "user", entity_id: int | None = None) -> None:
    """`check`, with a refusal written to the audit trail (on `entity`, e.g. the case acted on)
    before it is raised.

    Call it outside any unit of work (the refusal's entry is a transaction of its own); a check
    that can only be made inside one goes in `refusals_audited`.
    """
    with refusals_audited(db, principal, action, entity, entity_id):
        check(db, principal, action, centre_id=centre_id)


@contextmanager
def refusals_audited(db: Database, principal: Principal, action: Action,
                     entity: str = "user", entity_id: int | None = None) -> Iterator[None]:
    """Audit a PermissionDenied (or OutOfScope) leaving the block, then let it go on.

    Wrap a whole unit of work whose scope check needs the row it loads: the refusal rolls the
    work back, and its entry is written afterwards in a transaction of its own.
    """
    try:
        yield
    except PermissionDenied as exc:
        _audit_refusal(db, principal, action, exc, entity, entity_id)
        raise


@dataclass(frozen=True)
class _Claimed:
    """Who a refused forged principal claimed to be (never a user id: it may not exist)."""

    username: str
    user_id: None = None


def _audit_refusal(db: Database, principal: Principal, action: Action, exc: PermissionDenied,
                   entity: str, entity_id: int | None) -> None:
    genuine = _genuine(db, principal)
    who: Principal | _Claimed = principal if genuine else _Claimed(f"{getattr(principal, 'username', '?')} (forged)")
    detail: dict[str, object] = {"action": action.value, "reason": exc.code}
    if isinstance(exc, OutOfScope) and exc.centre_id is not None:
        detail["centre_id"] = exc.centre_id
    if entity == "user" and entity_id is None and genuine:
        entity_id = principal.user_id
    try:
        with db.unit_of_work() as s:
            audit.append(s, who, "refused", entity, entity_id, detail,
                         workstation=principal.workstation if genuine else None,
                         os_user=principal.os_user if genuine else None)
    except DatabaseError as err:  # a read-only or busy database still refuses; the log keeps it
        log.warning("refusal of %s to %s not audited: %s", who.username, action.value, err)


def seed_permissions(session: Session, roles: Iterable[Role] | None = None) -> None:
    """Write the default permissions of every role that has none yet (persons' and the system
    accounts', or only the given ones: a database at a schema before the system roles takes
    persons' only).

    A role that already has rows is left as its administrator curated it: re-seeding would give
    back a right that was revoked. Actions a release adds are granted by their migration.
    """
    seeded = set(session.scalars(select(RolePermission.role).distinct()))
    wanted = set(DEFAULT_PERMISSIONS if roles is None else roles)
    for role, actions in DEFAULT_PERMISSIONS.items():
        if role in wanted and role.value not in seeded:
            session.add_all(RolePermission(role=role.value, action=action.value) for action in sorted(actions))


def seed_system_accounts(session: Session) -> None:
    """Create the named system accounts that are missing, with their permission rows; they have
    no password (they cannot sign in) and no centre (they work for the whole database)."""
    seed_permissions(session)
    taken = set(session.scalars(select(User.username).where(User.username.in_(SYSTEM_ACCOUNTS))))
    for name, role in SYSTEM_ACCOUNTS.items():
        if name not in taken:
            session.add(User(username=name, display_name=name, role=role.value, centre_id=None, active=True,
                             failed_logins=0))
    session.flush()

