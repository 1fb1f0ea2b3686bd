"""Imports of officers, departments, positions (CSV or JSON) and unit grids (GeoJSON).

Every import is all or nothing: the whole file is read and validated first, every problem is
collected with its line (CSV), record (JSON) or feature code (GeoJSON), and only a file without
problems is written, in one unit of work. A refused file raises `ImportRejected` listing the
problems and leaves the database exactly as it was.

Modules: `reading` (text encodings, CSV and JSON records, the problem list), `people`
(officers and departments), `positions` (officers' timestamped positions) and `grids` (unit
grids and the district, street and community they belong to) and `gazetteer` (named places
for address look-up).
"""

from __future__ import annotations

from collections.abc import Callable

from .gazetteer import import_gazetteer
from .grids import import_grids
from .people import import_departments, import_officers
from .positions import import_positions
from .reading import ImportResult, read_text
from .roads import import_roads

IMPORTERS: dict[str, Callable[..., ImportResult]] = {
    "officers": import_officers,
    "departments": import_departments,
    "positions": import_positions,
    "grids": import_grids,
    "gazetteer": import_gazetteer,
    "roads": import_roads,
}

__all__ = [
    "IMPORTERS",
    "ImportResult",
    "import_departments",
    "import_gazetteer",
    "import_grids",
    "import_officers",
    "import_positions",
    "import_roads",
    "read_text",
]
