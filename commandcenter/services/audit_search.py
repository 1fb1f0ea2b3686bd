"""The audit screen's services: search the trail, and verify its chain, for whoever may (VIEW_AUDIT).

The trail is the whole database's (sign-ins, imports and settings belong to no one centre), so
the right to read it is given to supervisors and administrators as a role, not per centre.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Select, and_, or_, select

from ..db import Database
from ..domain.actions import Action
from ..domain.entities import Entity
from ..models import AuditEntry, Case
from ..shapes.audit import AuditFacets, AuditQuery, AuditRow, ChainReport
from .audit import newest_head
from .audit_verify import verify_chain
from .auth import Principal, authorize


def _like(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, its own % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _statement(q: AuditQuery) -> Select[tuple[object, ...]]:
    stmt = (
        select(AuditEntry.id, AuditEntry.at, AuditEntry.actor, AuditEntry.action, AuditEntry.entity,
               AuditEntry.entity_id, Case.case_number, AuditEntry.detail, AuditEntry.workstation,
               AuditEntry.os_user)
        .outerjoin(Case, and_(AuditEntry.entity == Entity.CASE.value, Case.id == AuditEntry.entity_id))
        .order_by(AuditEntry.id.desc())
        .limit(q.limit)
    )
    if q.user.strip():
        stmt = stmt.where(AuditEntry.actor.like(_like(q.user.strip()), escape="\\"))
    if q.action.strip():
        stmt = stmt.where(AuditEntry.action == q.action.strip())
    if q.entity.strip():
        stmt = stmt.where(AuditEntry.entity == q.entity.strip())
    reference = q.reference.strip()
    if reference:
        by_number = Case.case_number == reference
        stmt = stmt.where(or_(AuditEntry.entity_id == int(reference), by_number) if reference.isdigit() else by_number)
    if q.since is not None:
        stmt = stmt.where(AuditEntry.at >= q.since)
    if q.until is not None:
        stmt = stmt.where(AuditEntry.at < q.until)
    if q.text.strip():
        pattern = _like(q.text.strip())
        stmt = stmt.where(or_(AuditEntry.detail.like(pattern, escape="\\"),
                              AuditEntry.actor.like(pattern, escape="\\"),
                              AuditEntry.workstation.like(pattern, escape="\\"),
                              AuditEntry.os_user.like(pattern, escape="\\")))
    return stmt


def search_audit(db: Database, principal: Principal, query: AuditQuery) -> list[AuditRow]:
    """The entries matching `query`, newest first (at most `query.limit`)."""
    authorize(db, principal, Action.VIEW_AUDIT)
    with db.read() as s:
        return [AuditRow(id=r[0], at=r[1], actor=r[2], action=r[3], entity=r[4], entity_id=r[5],
                         case_number=r[6] or "", detail=r[7] or "", workstation=r[8] or "", os_user=r[9] or "")
                for r in s.execute(_statement(query))]


def audit_facets(db: Database, principal: Principal) -> AuditFacets:
    """The action and entity codes the trail holds, for the screen's filters."""
    authorize(db, principal, Action.VIEW_AUDIT)
    with db.read() as s:
        return AuditFacets(
            actions=tuple(s.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action))),
            entities=tuple(s.scalars(select(AuditEntry.entity).distinct().order_by(AuditEntry.entity))),
        )


def verify_audit(db: Database, principal: Principal,
                 progress: Callable[[float], None] | None = None) -> ChainReport:
    """`audit_verify.verify_chain` for the audit screen's button; `progress` hears the fraction done."""
    authorize(db, principal, Action.VIEW_AUDIT)
    total = newest_head(db)
    if progress is None or total is None:
        return verify_chain(db)
    return verify_chain(db, lambda done: progress(min(1.0, done / total.seq)))
