"""The audit screen's reads: search, the filters' choices and the chain check (Action.VIEW_AUDIT,
checked by `services.audit_search`)."""

from __future__ import annotations

from collections.abc import Callable

from ...shapes.audit import AuditFacets, AuditQuery, AuditRow, ChainReport
from ..audit_search import audit_facets, search_audit, verify_audit
from ..auth import Principal
from .base import ServiceBase


class AuditService(ServiceBase):
    """Searching and verifying the audit trail."""

    def search(self, principal: Principal, query: AuditQuery) -> list[AuditRow]:
        return search_audit(self.db, principal, query)

    def facets(self, principal: Principal) -> AuditFacets:
        return audit_facets(self.db, principal)

    def verify(self, principal: Principal, progress: Callable[[float], None] | None = None) -> ChainReport:
        """Check the whole chain; `progress` hears the fraction done."""
        return verify_audit(self.db, principal, progress)
