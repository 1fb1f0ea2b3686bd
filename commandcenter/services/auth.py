"""Who is acting, and whether the permission table lets them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..caches import CacheKey
from ..db import Database
from ..domain.actions import DEFAULT_PERMISSIONS, Action
from ..domain.enums import Role
from ..errors import AuthenticationFailed, NotFound, PermissionDenied
from ..models import CommandCentre, RolePermission, User
from .passwords import verify_password


@dataclass(frozen=True)
class Actor:
    """The signed-in user as services see them; `centre_ids` is their centre and all below it."""

    user_id: int
    username: str
    display_name: str
    role: Role
    centre_id: int
    centre_name: str
    centre_ids: tuple[int, ...]
    timezone: str  # the centre's zone: the day a time belongs to, and how screens show times


@dataclass(frozen=True)
class SystemActor:
    """A process acting without a person (drill feed, escalation clock, imports by CLI)."""

    username: str = "system"
    display_name: str = "system"
    user_id: None = None
    role: None = None


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


def actor_for(db: Database, username: str) -> Actor:
    with db.read() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None or not user.active:
            raise NotFound("user", username)
        centre = s.get(CommandCentre, user.centre_id)
        assert centre is not None
        return Actor(
            user_id=user.id,
            username=user.username,
            display_name=user.display_name,
            role=Role(user.role),
            centre_id=centre.id,
            centre_name=centre.name,
            centre_ids=centre_scope(s, centre.id),
            timezone=centre.timezone,
        )


def authenticate(db: Database, username: str, password: str) -> Actor:
    """The actor for a user name and password checked against the stored hash.

    Raises AuthenticationFailed alike for an unknown or inactive user, one without a password
    and a wrong password, so a caller learns nothing about which names exist.
    """
    with db.read() as s:
        stored = s.scalar(select(User.password_hash).where(User.username == username, User.active.is_(True)))
    if not verify_password(password, stored):
        raise AuthenticationFailed(username)
    return actor_for(db, username)

PERMISSIONS: CacheKey[dict[str, frozenset[str]]] = CacheKey("permissions")


def permissions(db: Database) -> dict[str, frozenset[str]]:
    """The permission table, read once per opened database (no screen edits it yet)."""
    def build() -> dict[str, frozenset[str]]:
        with db.read() as s:
            table: dict[str, set[str]] = {}
            for role, action in s.execute(select(RolePermission.role, RolePermission.action)):
                table.setdefault(role, set()).add(action)
        return {role: frozenset(actions) for role, actions in table.items()}

    return db.caches.get(PERMISSIONS, build)


def can(db: Database, actor: Actor | SystemActor, action: Action) -> bool:
    if isinstance(actor, SystemActor):
        return True
    return action.value in permissions(db).get(actor.role.value, frozenset())


def authorize(db: Database, actor: Actor | SystemActor, action: Action) -> None:
    """Raise PermissionDenied unless the actor's role may perform the action."""
    if not can(db, actor, action):
        assert isinstance(actor, Actor)
        raise PermissionDenied(actor.username, actor.role.value, action.value)


def seed_permissions(session: Session) -> None:
    """Write the default permission table (roles from the foundation issue)."""
    existing = {(r, a) for r, a in session.execute(select(RolePermission.role, RolePermission.action))}
    for role, actions in DEFAULT_PERMISSIONS.items():
        for action in sorted(actions):
            if (role.value, action.value) not in existing:
                session.add(RolePermission(role=role.value, action=action.value))
