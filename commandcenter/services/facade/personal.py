"""Revealing one masked field of a case, on purpose and audited (`services.personal_data`)."""

from __future__ import annotations

from ...domain.actions import Action
from ...domain.privacy import PersonalField
from ..auth import Principal
from ..personal_data import reveal
from .base import ServiceBase


class PersonalDataService(ServiceBase):
    """The case detail's reveal button."""

    def reveal(self, principal: Principal, case_id: int, field: PersonalField | str, reason: str) -> str:
        """The field in clear; refused outside the principal's centres or without the right."""
        self.allow_case(principal, case_id, Action.REVEAL_PERSONAL_DATA)
        return reveal(self.db, principal, case_id, field, reason)
