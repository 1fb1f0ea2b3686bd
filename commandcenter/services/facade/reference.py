"""Reference lists and look-ups the dialogs fill their choices from."""

from __future__ import annotations

from ..auth import Principal
from ..dispatch import Recommendation, recommend
from ..geo import GridLocator
from ..reference_lists import (
    AreaTree,
    AssigneeChoice,
    CategoryChoice,
    OpenCaseChoice,
    area_tree,
    category_choices,
    department_choices,
    officer_choices,
    open_case_choices,
)
from ..timelimits import TimeLimits
from .base import ServiceBase


class ReferenceService(ServiceBase):
    """Areas, categories, assignees, time limits, the grid locator and dispatch suggestions."""

    def areas(self, principal: Principal) -> AreaTree:
        self.allow(principal)
        return area_tree(self.db)

    def categories(self, principal: Principal) -> tuple[CategoryChoice, ...]:
        self.allow(principal)
        return category_choices(self.db)

    def assignees(self, principal: Principal) -> list[AssigneeChoice]:
        """Departments first, then officers: whom a case can be dispatched to."""
        self.allow(principal)
        return department_choices(self.db) + officer_choices(self.db)

    def officers(self, principal: Principal) -> list[AssigneeChoice]:
        self.allow(principal)
        return officer_choices(self.db)

    def departments(self, principal: Principal) -> list[AssigneeChoice]:
        self.allow(principal)
        return department_choices(self.db)

    def open_cases(self, principal: Principal, *, grid_id: int | None = None, exclude_id: int | None = None,
                   limit: int = 300) -> list[OpenCaseChoice]:
        """Open cases of the principal's centres (a merge target), nearest grid first."""
        self.allow(principal)
        return open_case_choices(self.db, principal.centre_ids, grid_id=grid_id, exclude_id=exclude_id,
                                 limit=limit, viewer=principal)

    def locator(self, principal: Principal) -> GridLocator:
        self.allow(principal)
        return GridLocator.from_database(self.db)

    def limits(self, principal: Principal) -> TimeLimits:
        self.allow(principal)
        return TimeLimits.from_database(self.db)

    def recommendations(self, principal: Principal, case_id: int, limit: int = 5) -> list[Recommendation]:
        """Who could take one of the principal's cases, best first."""
        self.allow_case(principal, case_id)
        return recommend(self.db, case_id, limit=limit)
