"""Shift patterns and who works them, within the principal's centres."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from ...domain.actions import Action
from ...domain.entities import Entity
from .. import shifts
from ..auth import Principal
from ..shifts import ShiftBoard, ShiftInfo, ShiftRow, UserOption
from .base import ServiceBase


class ShiftService(ServiceBase):
    """The roster's shift panel, the handover's shift and the briefing's shift choice."""

    def rows(self, principal: Principal) -> list[ShiftRow]:
        self.allow(principal)
        return shifts.shift_rows(self.db, principal.centre_ids)

    def board(self, principal: Principal, at: datetime | None = None) -> ShiftBoard:
        """Who is on the shifts running now and on the next one."""
        self.allow(principal)
        return shifts.shift_board(self.db, principal.centre_ids, at)

    def users(self, principal: Principal) -> list[UserOption]:
        """The principal's centres' operators and supervisors, to put on a shift."""
        self.allow(principal)
        return shifts.list_users(self.db, principal.centre_ids)

    def patterns(self, principal: Principal, centre_id: int | None = None) -> list[ShiftInfo]:
        """The shift patterns of a centre (the principal's own by default)."""
        centre = principal.centre_id if centre_id is None else centre_id
        self.allow(principal, centre_id=centre, entity=Entity.CENTRE.value, entity_id=centre)
        assert centre is not None  # a system account names the centre it asks for
        return shifts.shift_patterns(self.db, centre)

    def _own(self, principal: Principal, shift_id: int) -> None:
        centre = shifts.shift_row(self.db, shift_id).centre_id
        self.allow(principal, Action.MANAGE_ROSTER, centre_id=centre, entity=Entity.SHIFT.value, entity_id=shift_id)

    def save(self, principal: Principal, *, name: str, start_time: str, end_time: str,
             weekdays: str | Iterable[int] = "1234567", shift_id: int | None = None,
             centre_id: int | None = None) -> ShiftRow:
        """Define a shift (at the principal's centre unless another of theirs is named) or edit one."""
        if shift_id is not None:
            self._own(principal, shift_id)
        elif centre_id is not None:
            self.allow(principal, Action.MANAGE_ROSTER, centre_id=centre_id, entity=Entity.CENTRE.value,
                       entity_id=centre_id)
        return shifts.save_shift(self.db, principal, name=name, start_time=start_time, end_time=end_time,
                                 weekdays=weekdays, shift_id=shift_id, centre_id=centre_id)

    def delete(self, principal: Principal, shift_id: int) -> None:
        self._own(principal, shift_id)
        shifts.delete_shift(self.db, principal, shift_id)

    def assign(self, principal: Principal, shift_id: int, *, officer_ids: Iterable[int] = (),
               user_ids: Iterable[int] = ()) -> ShiftRow:
        self._own(principal, shift_id)
        return shifts.assign_to_shift(self.db, principal, shift_id, officer_ids=officer_ids, user_ids=user_ids)

    def remove(self, principal: Principal, shift_id: int, *, officer_ids: Iterable[int] = (),
               user_ids: Iterable[int] = ()) -> ShiftRow:
        self._own(principal, shift_id)
        return shifts.remove_from_shift(self.db, principal, shift_id, officer_ids=officer_ids, user_ids=user_ids)
