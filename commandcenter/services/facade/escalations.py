"""Reminders and supervision on overdue cases, as a seat sees and acknowledges them."""

from __future__ import annotations

from ...domain.entities import Entity
from ..auth import Principal
from ..escalation import (
    EscalationEvent,
    EscalationRow,
    acknowledge_escalation,
    escalation_row,
    open_escalations,
    scan_escalations,
)
from .base import ServiceBase


class EscalationService(ServiceBase):
    """The wall's escalation panel: its periodic scan, the open list, acknowledgement."""

    def scan(self, principal: Principal) -> list[EscalationEvent]:
        """Run the escalation clock now (it acts as its own system account); the seat asking
        must be allowed to view."""
        self.allow(principal)
        if self.db.read_only:  # a seat on a read-only copy cannot record escalations
            return []
        return scan_escalations(self.db)

    def open(self, principal: Principal, limit: int = 1000) -> list[EscalationRow]:
        self.allow(principal)
        return open_escalations(self.db, principal.centre_ids, limit)

    def acknowledge(self, principal: Principal, escalation_id: int) -> EscalationRow:
        """Acknowledge one of the principal's centres' escalations (reminders need Action.ESCALATE,
        supervision a supervisor's Action.CLOSE: `escalation.acknowledge_escalation`)."""
        row = escalation_row(self.db, escalation_id)
        self.allow(principal, centre_id=row.centre_id, entity=Entity.CASE.value, entity_id=row.case_id)
        return acknowledge_escalation(self.db, principal, escalation_id)
