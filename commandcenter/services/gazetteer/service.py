"""The gazetteer service: the place index (built once per opened database) and look-ups by principal."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select

from ...caches import CacheKey
from ...db import Database
from ...domain.entities import Entity
from ...models.gazetteer import GazetteerEntry
from ...shapes.places import PlaceMatch
from ..auth import Principal
from ..facade.base import ServiceBase

if TYPE_CHECKING:  # rapidfuzz is loaded with the first index, not when the window opens
    from .index import PlaceIndex, PlaceRow

# an import (here or at another seat, through the change feed) or new grids make it stale
PLACE_INDEX: CacheKey[PlaceIndex] = CacheKey("place_index", frozenset({Entity.GAZETTEER, Entity.GRID}))


def read_places(db: Database) -> Sequence[PlaceRow]:
    """Every stored place, as the index takes it, in one query."""
    with db.read() as s:
        return s.execute(select(GazetteerEntry.id, GazetteerEntry.name, GazetteerEntry.kind,
                                GazetteerEntry.lon, GazetteerEntry.lat, GazetteerEntry.grid_id,
                                GazetteerEntry.pinyin, GazetteerEntry.pinyin_initials)).all()


def load_index(db: Database) -> PlaceIndex:
    """The index of every stored place (cached until the gazetteer or the grids change)."""
    def build() -> PlaceIndex:
        from .index import PlaceIndex

        return PlaceIndex(read_places(db))

    return db.caches.get(PLACE_INDEX, build)


class GazetteerService(ServiceBase):
    """Named places for intake: the index to search as one types, or one search at a time."""

    def index(self, principal: Principal) -> PlaceIndex:
        """The whole index, for a dialog to search per keystroke without a query (load it off the GUI thread)."""
        self.allow(principal)
        return load_index(self.db)

    def search(self, principal: Principal, text: str, limit: int = 8) -> list[PlaceMatch]:
        """The best places for `text` (scripts and the API; the dialog searches its loaded index)."""
        self.allow(principal)
        return load_index(self.db).search(text, limit)
