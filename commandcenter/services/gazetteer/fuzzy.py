"""Typo tolerance without weighing every name: rapidfuzz over the names that could still make the list.

rapidfuzz's WRatio is the indel ratio 200·L/(n+m) of the two strings (L their longest common
subsequence), or, when one is at least 1.5 times longer, the better of that and 0.9 × (0.6 ×
beyond 8 times) the best ratio of the shorter against a window of the longer no longer than it,
at most 200·L/(k+L) for the shorter length k; its token variants only scale those down. The
typed characters a name holds (each as often as both strings have it) bound L from above, so
every name gets a ceiling on its score from the postings of the typed characters, unscored.

Names under the cutoff are never weighed; the rest are weighed best ceiling first, and weighing
stops once `limit` names scored above the next ceiling. The result is the one a scan of every
name would give, best score first and ties by position. A name with whitespace (the token
scorers re-join its words) gets the ceiling 100 whenever it shares a character.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process

from .grams import GramIndex


class FuzzyNames:
    """The names of one gazetteer, weighed by rapidfuzz only where a match is possible."""

    def __init__(self, names: Sequence[str], grams: GramIndex, cutoff: float) -> None:
        """`grams` holds the names lower-cased: a name may seem to share more, so a ceiling stays a ceiling."""
        self._names = names
        self._grams = grams
        self._cutoff = cutoff
        self._lengths = np.fromiter(map(len, names), dtype=np.float64, count=len(names))
        for space in filter(str.isspace, grams.characters()):
            self._lengths[grams.holding(space)] = 0.0  # marks a name of several words

    def ceilings(self, query: str) -> tuple[np.ndarray, np.ndarray]:
        """Ascending positions of the names whose WRatio against `query` may reach the cutoff, and those ceilings."""
        holders = [self._grams.holding(c, k) for c, times in Counter(query).items() for k in range(1, times + 1)]
        if not holders:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        shared = np.bincount(np.concatenate(holders), minlength=len(self._names))
        positions = np.flatnonzero(shared)
        n, m = float(len(query)), self._lengths[positions]
        short = np.minimum(n, m)
        common = np.minimum(shared[positions], short)  # L is at most the shared characters and the shorter length
        with np.errstate(divide="ignore", invalid="ignore"):
            whole = 200.0 * common / (n + m)
            stretch = np.maximum(n, m) / short
            window = np.where(stretch <= 8.0, 0.9, 0.6) * 200.0 * common / (short + common)
            ceiling = np.where(stretch < 1.5, whole, np.maximum(whole, window))
        ceiling[m == 0] = 100.0
        keep = ceiling >= self._cutoff - 1e-9
        return positions[keep], ceiling[keep]

    def best(self, query: str, limit: int) -> list[tuple[int, float]]:
        """Up to `limit` (position, WRatio) pairs at or above the cutoff, best first, ties by position."""
        positions, ceiling = self.ceilings(query)
        order = np.lexsort((positions, -ceiling))
        positions, ceiling = positions[order], ceiling[order]
        bounds = np.flatnonzero(np.diff(ceiling, prepend=np.inf))  # where each ceiling's run starts
        found: list[tuple[float, int]] = []
        for k, start in enumerate(bounds.tolist()):
            if len(found) >= limit and -found[limit - 1][0] > ceiling[start] + 1e-9:
                break  # nothing left can beat (or tie) the last of the list
            end = int(bounds[k + 1]) if k + 1 < len(bounds) else len(positions)
            batch = positions[start:end].tolist()
            scores = process.cdist([query], [self._names[i] for i in batch], scorer=fuzz.WRatio,
                                   score_cutoff=self._cutoff, dtype=np.float64)[0]
            found += [(-s, i) for s, i in zip(scores.tolist(), batch, strict=True) if s >= self._cutoff]
            found = sorted(found)[:limit]
        return [(i, -s) for s, i in found]
