"""Strings by prefix: one sorted copy of the keys and bisection, then the best-ranked few.

The keys (lower-case names, pinyin, initials) are sorted once when the index is built; the
strings starting with a typed prefix are then one contiguous run, found by two binary searches
however many places the gazetteer holds. Each key carries its string's ranking position, so the
best of a long run (a single letter starts thousands of initials) is a partial sort of integers.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import numpy as np


class PrefixIndex:
    """Sorted keys with the ranking position of the string each came from."""

    def __init__(self, keys: Sequence[str]) -> None:
        order = sorted(range(len(keys)), key=keys.__getitem__)
        self._keys = [keys[i] for i in order]
        self._positions = np.array(order, dtype=np.int32)

    def starting(self, prefix: str) -> np.ndarray:
        """Positions of every key that starts with `prefix`, in no particular order."""
        lo = bisect.bisect_left(self._keys, prefix)
        after = _successor(prefix)
        hi = len(self._keys) if after is None else bisect.bisect_left(self._keys, after, lo)
        return self._positions[lo:hi]


def best(positions: np.ndarray, limit: int) -> np.ndarray:
    """The `limit` lowest positions (the best-ranked strings), in ascending order."""
    if len(positions) > limit:
        positions = np.partition(positions, limit - 1)[:limit]
    return np.sort(positions)


def _successor(prefix: str) -> str | None:
    """The first string after every string that starts with `prefix` (None: there is none)."""
    stem = prefix.rstrip(chr(0x10FFFF))  # the last code point has no successor: carry to the one before
    return stem[:-1] + chr(ord(stem[-1]) + 1) if stem else None
