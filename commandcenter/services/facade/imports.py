"""Imports of grids, officers, departments and positions, from the screens and the command line.

Every import needs Action.IMPORT_DATA (`services.imports` checks it); the command line imports
as the "importer" system account, with the OS user who ran it on the audit entry. The importers
load shapely and numpy, so they are imported when a file is, not at start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..auth import Principal
from .base import ServiceBase

if TYPE_CHECKING:
    from ..imports import ImportResult


class ImportService(ServiceBase):
    """One method per kind of file, and `run` by kind name (the `import` command's KIND)."""

    def run(self, principal: Principal, kind: str, path: str | Path, **options: Any) -> ImportResult:
        from ..imports import IMPORTERS

        if kind == "positions":
            options.setdefault("tz", principal.timezone)
        return IMPORTERS[kind](self.db, path, principal, **options)

    def grids(self, principal: Principal, path: str | Path, *, rename_areas: bool = False) -> ImportResult:
        return self.run(principal, "grids", path, rename_areas=rename_areas)

    def officers(self, principal: Principal, path: str | Path) -> ImportResult:
        return self.run(principal, "officers", path)

    def departments(self, principal: Principal, path: str | Path) -> ImportResult:
        return self.run(principal, "departments", path)

    def positions(self, principal: Principal, path: str | Path) -> ImportResult:
        return self.run(principal, "positions", path)

    def open311_requests(self, principal: Principal, path: str | Path, *, source: str = "open311") -> ImportResult:
        """An Open311 request file as the `source` feed (interchange.files: all or nothing)."""
        from ...interchange.files import import_requests

        return import_requests(self.db, path, principal, source=source)
