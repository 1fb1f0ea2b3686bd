"""What the new-case dialog asks while a call is on: likely duplicates, a caller's and a place's
earlier cases, and the duplicate rules an administrator sets (`services.intake`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from ...domain.actions import Action
from ...domain.privacy import mask_address, mask_phone
from ...errors import ValidationError
from ...shapes.intake import DuplicateCandidate, DuplicateRules, EarlierCase, EarlierCases
from .. import audit
from ..auth import Principal
from ..intake import duplicates, earlier, slip
from ..personal_data import sees_personal_data
from .base import ServiceBase

MAX_RADIUS_M = 5_000.0
MAX_WINDOW_HOURS = 24.0 * 30


class IntakeService(ServiceBase):
    """Look-ups for the call-taker; every read is within the principal's centres, and addresses
    and phones are masked unless the principal's role sees personal data."""

    def duplicates(self, principal: Principal, category_id: int, lon: float, lat: float, description: str = "",
                   at: datetime | None = None) -> list[DuplicateCandidate]:
        """Open cases that may be the problem being reported, most likely first."""
        self.allow(principal, Action.INTAKE)
        with self.db.read() as s:
            found = duplicates.find(s, principal.centre_ids, duplicates.read_rules(s), category_id, lon, lat,
                                    description, at or self.db.clock.now())
        if sees_personal_data(self.db, principal):
            return found
        return [replace(c, address=mask_address(c.address)) for c in found]

    def caller_history(self, principal: Principal, phone: str) -> EarlierCases:
        """The earlier cases called in from `phone`; nothing for a number still being typed."""
        self.allow(principal, Action.INTAKE)
        clear = sees_personal_data(self.db, principal)
        key = phone.strip() if clear else mask_phone(phone.strip())
        if len(earlier.digits(phone)) < earlier.MIN_PHONE_DIGITS:
            return EarlierCases(0, (), key)
        with self.db.read() as s:
            count, cases = earlier.by_phone(s, principal.centre_ids, phone)
        return EarlierCases(count, self._shown(cases, clear), key)

    def place_history(self, principal: Principal, lon: float, lat: float) -> EarlierCases:
        """The earlier cases within `earlier.PLACE_RADIUS_M` of a point."""
        self.allow(principal, Action.INTAKE)
        with self.db.read() as s:
            count, cases = earlier.by_place(s, principal.centre_ids, lon, lat)
        return EarlierCases(count, self._shown(cases, sees_personal_data(self.db, principal)),
                            f"{lon:.6f},{lat:.6f}")

    @staticmethod
    def _shown(cases: list[EarlierCase], clear: bool) -> tuple[EarlierCase, ...]:
        return tuple(cases) if clear else tuple(c.masked() for c in cases)

    def rules(self, principal: Principal) -> DuplicateRules:
        self.allow(principal)
        with self.db.read() as s:
            return duplicates.read_rules(s)

    def set_rules(self, principal: Principal, rules: DuplicateRules) -> DuplicateRules:
        """Change what counts as a likely duplicate (an administrator's centre setting; audited)."""
        self.allow(principal, Action.MANAGE_CENTRES)
        if not 0 < rules.radius_m <= MAX_RADIUS_M:
            raise ValidationError(f"the distance must be more than 0 and at most {MAX_RADIUS_M:.0f} m",
                                  field="duplicate_radius")
        if not 0 < rules.window_hours <= MAX_WINDOW_HOURS:
            raise ValidationError(f"the time window must be more than 0 and at most {MAX_WINDOW_HOURS:.0f} hours",
                                  field="duplicate_window")
        with self.db.unit_of_work() as s:
            duplicates.write_rules(s, rules)
            audit.append(s, principal, "set_duplicate_rules", "setting", None,
                         {"radius_m": rules.radius_m, "window_hours": rules.window_hours})
        return rules

    def print_slip(self, principal: Principal, case_id: int, *, folder: Path, lang: str) -> Path:
        """The case's dispatch slip as a one-page PDF in `folder` (`intake.slip`), masked as the
        principal may see personal data; refused for another centre's case."""
        self.allow_case(principal, case_id)
        return slip.print_slip(self.db, principal, case_id, folder=folder, lang=lang)
