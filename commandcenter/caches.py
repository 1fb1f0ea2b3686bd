"""Lookups kept per opened database, each named by a typed key that says which changes stale it.

Reference data (grid geometry, the area tree, officer and department names, time limits, the
permission table) is read once and reused. Whoever caches a value declares with its key the
entities whose changes make it stale; `Caches.invalidate` drops those entries. Two paths call
it, so no screen has to: the unit of work after a commit that recorded changes (this process's
own writes), and the GUI's change feed before it tells any screen (other processes' writes), so
a screen reloading on a change notice always reads fresh data.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar, cast

from .domain.entities import Entity

T = TypeVar("T")

# where a unit of work collects the entities its change-log rows name (Session.info)
CHANGED_ENTITIES = "changed_entities"


@dataclass(frozen=True, eq=False)
class CacheKey(Generic[T]):
    """One cached lookup: its name (for logs and tests) and the entities whose changes stale it."""

    name: str
    stale_on: frozenset[Entity] = frozenset()


class Caches:
    """The cached lookups of one opened database; safe to share between threads.

    Two threads may build the same entry at once; both results are equal and the last one stays.
    A value built while an invalidation ran may hold the old data, so it is returned but not kept.
    """

    def __init__(self) -> None:
        self._values: dict[CacheKey[object], object] = {}
        self._lock = threading.Lock()
        self._generation = 0  # counts invalidations

    def get(self, key: CacheKey[T], build: Callable[[], T]) -> T:
        """The cached value of `key`, built (outside the lock: it reads the database) when absent."""
        with self._lock:
            if key in self._values:
                return cast(T, self._values[key])
            generation = self._generation
        value = build()
        with self._lock:
            if self._generation == generation:
                self._values[key] = value
        return value

    def invalidate(self, entities: Iterable[str]) -> None:
        """Drop every entry that changes to any of `entities` make stale."""
        changed = set(entities)  # Entity members equal (and hash as) the strings the table stores
        with self._lock:
            self._generation += 1
            for key in [k for k in self._values if k.stale_on & changed]:
                del self._values[key]

    def clear(self) -> None:
        """Drop everything: the database was replaced as a whole (a demo was generated into it)."""
        with self._lock:
            self._generation += 1
            self._values.clear()
