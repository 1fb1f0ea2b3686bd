"""The signed-in user's own password: unlocking an idle screen and changing it
(`services.signin`; the sign-in itself happens before there is a principal)."""

from __future__ import annotations

from ..auth import Principal
from ..signin import change_password, unlock
from .base import ServiceBase


class AccountService(ServiceBase):
    """What a signed-in user does with their own account."""

    def unlock(self, principal: Principal, password: str) -> None:
        """Raise unless `password` is the principal's (counted towards the lockout like a sign-in)."""
        unlock(self.db, principal, password)

    def change_password(self, principal: Principal, old: str, new: str) -> None:
        change_password(self.db, principal, old, new)
