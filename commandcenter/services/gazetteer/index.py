"""The in-memory index the address look-up searches as the call-taker types.

Built once from the gazetteer table (off the GUI thread) and searched per keystroke with no
database and no pypinyin: names by prefix and substring and by rapidfuzz's fuzzy ratio (a typo,
a missing character, 华星路 for 华兴路), and an ASCII query by pinyin: initials prefix ("hxl"
finds 华兴路, "hxl12" 华兴路12号), full-pinyin prefix ("huaxing"), then initials anywhere.

A real city's address gazetteer holds hundreds of thousands of door plates, so no keystroke
scans them all: places are stored in ranking order (kind, then shorter names, then name), each
way of matching finds its best-ranked few through sorted keys (`prefixes`) or postings of
characters and character pairs (`grams`), and rapidfuzz weighs only the names that share
enough characters to reach its cutoff (`fuzzy`). Taking each way's best `limit` is exact: a
place beaten within its own way by `limit` others is beaten by them in the merged list too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np

from ...domain.places import KIND_RANK
from ...shapes.places import PlaceMatch
from .fuzzy import FuzzyNames
from .grams import GramIndex
from .prefixes import PrefixIndex, best

_PINYIN_QUERY = re.compile(r"^[a-z0-9]+$")
_SPACES = re.compile(r"\s+")
FUZZY_CUTOFF = 75.0  # below this WRatio pairs share a character or two, not a name
# scores by how the place was found; ties break by kind (roads first), then shorter names
_PREFIX, _CONTAINS, _PINYIN_PREFIX, _INITIALS_ANYWHERE, _FUZZY_CEILING = 100.0, 95.0, 97.0, 85.0, 90.0

# id, name, kind, lon, lat, grid id, full pinyin, pinyin initials: a gazetteer_entry row
PlaceRow = tuple[int, str, str, float, float, int | None, str, str]


class PlaceIndex:
    """Every place of one gazetteer, searchable by name, pinyin and pinyin initials."""

    def __init__(self, rows: Sequence[PlaceRow]) -> None:
        ids, names, kinds, lons, lats, grids, pinyin, initials = ([r[k] for r in rows] for k in range(8))
        order = _ranking(ids, names, kinds).tolist()
        shared: dict[str, str] = {}
        self._ids = np.array(ids, dtype=np.int64)[order]
        self._names = [names[i] for i in order]
        self._kinds = [shared.setdefault(kinds[i], kinds[i]) for i in order]  # a handful of strings, shared
        self._lon = np.array(lons, dtype=np.float64)[order]
        self._lat = np.array(lats, dtype=np.float64)[order]
        self._grid = np.array([-1 if g is None else g for g in grids], dtype=np.int64)[order]
        self._lowered = [n if (low := n.lower()) == n else low for n in self._names]  # Chinese names share one string
        self._initials = [initials[i] for i in order]
        self._by_name = PrefixIndex(self._lowered)
        self._by_initials = PrefixIndex(self._initials)
        self._by_pinyin = PrefixIndex([pinyin[i] for i in order])
        self._name_grams = GramIndex(self._lowered)
        self._initial_grams = GramIndex(self._initials, singles=False)  # initials anywhere starts at two letters
        self._fuzzy = FuzzyNames(self._names, self._name_grams, FUZZY_CUTOFF)

    def __len__(self) -> int:
        return len(self._names)

    def search(self, text: str, limit: int = 8) -> list[PlaceMatch]:
        """The best `limit` places for `text`, best first (an empty list for blank text)."""
        query = _SPACES.sub("", text).lower()
        if not query or not self._names or limit < 1:
            return []
        scores: dict[int, float] = {}
        enough = False  # some way of matching alone found `limit` places: no need for typos

        def offer(positions: Iterable[int], total: int, score: float) -> None:
            nonlocal enough
            for i in positions:
                if score > scores.get(i, -1.0):
                    scores[i] = score
            enough = enough or total >= limit

        starting = self._by_name.starting(query)
        offer(best(starting, limit).tolist(), len(starting), _PREFIX)
        offer(*_containing(self._name_grams, self._lowered, query, limit), _CONTAINS)
        if _PINYIN_QUERY.match(query):
            for prefixes, score in ((self._by_initials, _PREFIX), (self._by_pinyin, _PINYIN_PREFIX)):
                starting = prefixes.starting(query)
                offer(best(starting, limit).tolist(), len(starting), score)
            if len(query) >= 2:
                offer(*_containing(self._initial_grams, self._initials, query, limit), _INITIALS_ANYWHERE)
        if not enough and len(scores) < limit:
            # `limit` typos suffice: each place weighed ahead of the last keeps at least its fuzzy score
            for i, score in self._fuzzy.best(query, limit):
                offer((i,), 0, score * _FUZZY_CEILING / 100.0)
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]  # position is the tie-break
        return [self._match(i, score) for i, score in ranked]

    def _match(self, i: int, score: float) -> PlaceMatch:
        grid = int(self._grid[i])
        return PlaceMatch(int(self._ids[i]), self._names[i], self._kinds[i], float(self._lon[i]),
                          float(self._lat[i]), None if grid < 0 else grid, round(score, 1))


def _ranking(ids: list[int], names: list[str], kinds: list[str]) -> np.ndarray:
    """Row numbers in ranking order: by kind (roads first), shorter names, name, then id."""
    by_name = sorted(range(len(names)), key=names.__getitem__)
    name_rank = np.empty(len(names), dtype=np.int64)
    rank = 0
    for k, i in enumerate(by_name):  # equal names share a rank, so the id decides between them
        rank += k > 0 and names[i] != names[by_name[k - 1]]
        name_rank[i] = rank
    lengths = np.fromiter(map(len, names), dtype=np.int64, count=len(names))
    kind_rank = np.fromiter((KIND_RANK.get(k, 9) for k in kinds), dtype=np.int64, count=len(kinds))
    return np.lexsort((np.array(ids, dtype=np.int64), name_rank, lengths, kind_rank))


def _containing(grams: GramIndex, strings: list[str], query: str, limit: int) -> tuple[list[int], int]:
    """The best-ranked `limit` strings containing `query`, and how many contain it (or at least `limit`)."""
    candidates, exact = grams.candidates(query)
    if exact:
        return candidates[:limit].tolist(), len(candidates)
    hits: list[int] = []
    for i in candidates.tolist():  # ascending, so the first confirmed are the best-ranked
        if query in strings[i]:
            hits.append(i)
            if len(hits) == limit:
                break
    return hits, len(hits)
