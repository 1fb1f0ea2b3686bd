"""The admin services behind the admin screen: accounts and the permission matrix (`users`),
command centres (`centres`), categories and their time limits (`categories`), and the
holiday calendar (`holidays`).

Each change is one transaction that checks its MANAGE_* permission, writes the row, the
change log and an audit entry. `AdminService` gathers them for `AppContext.admin`.
"""

from __future__ import annotations

from ...db import Database
from .categories import CategoryAdmin
from .centres import CentreAdmin
from .holidays import HolidayAdmin
from .users import PermissionAdmin, UserAdmin


class AdminService:
    """The admin services of one opened database (`ctx.admin.users.add(principal, ...)`)."""

    def __init__(self, db: Database) -> None:
        self.users = UserAdmin(db)
        self.permissions = PermissionAdmin(db)
        self.centres = CentreAdmin(db)
        self.categories = CategoryAdmin(db)
        self.holidays = HolidayAdmin(db)


__all__ = ["AdminService", "CategoryAdmin", "CentreAdmin", "HolidayAdmin", "PermissionAdmin", "UserAdmin"]
