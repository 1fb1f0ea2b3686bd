"""The in-memory index the address look-up searches as the call-taker types.

Built once from the gazetteer table (off the GUI thread) and searched per keystroke with no
database and no pypinyin: names by substring and by rapidfuzz's fuzzy ratio (a typo, a
missing character, 华星路 for 华兴路), and an ASCII query by pinyin: initials prefix ("hxl"
finds 华兴路, "hxl12" 华兴路12号), full-pinyin prefix ("huaxing"), then initials anywhere.
Prefix matches use sorted arrays and bisection; the rest are linear scans of short strings,
which at a city's tens of thousands of places take a few milliseconds.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from ...domain.places import KIND_RANK
from ...shapes.places import PlaceMatch

_PINYIN_QUERY = re.compile(r"^[a-z0-9]+$")
_SPACES = re.compile(r"\s+")
FUZZY_CUTOFF = 75.0  # below this WRatio pairs share a character or two, not a name
# scores by how the place was found; ties break by kind (roads first), then shorter names
_PREFIX, _CONTAINS, _PINYIN_PREFIX, _INITIALS_ANYWHERE, _FUZZY_CEILING = 100.0, 95.0, 97.0, 85.0, 90.0


class PlaceIndex:
    """Every place of one gazetteer, searchable by name, pinyin and pinyin initials."""

    def __init__(self, places: Sequence[PlaceMatch], pinyin: Sequence[str], initials: Sequence[str]) -> None:
        self._places = list(places)
        self._names = [p.name for p in self._places]
        self._initials = list(initials)
        self._by_initials = sorted((s, i) for i, s in enumerate(self._initials))
        self._by_pinyin = sorted((s, i) for i, s in enumerate(pinyin))

    def __len__(self) -> int:
        return len(self._places)

    def search(self, text: str, limit: int = 8) -> list[PlaceMatch]:
        """The best `limit` places for `text`, best first (an empty list for blank text)."""
        query = _SPACES.sub("", text).lower()
        if not query or not self._places:
            return []
        scores: dict[int, float] = {}

        def offer(i: int, score: float) -> None:
            if score > scores.get(i, -1.0):
                scores[i] = score

        if _PINYIN_QUERY.match(query):
            for i in _prefixed(self._by_initials, query):
                offer(i, _PREFIX)
            for i in _prefixed(self._by_pinyin, query):
                offer(i, _PINYIN_PREFIX)
            if len(query) >= 2:
                for i, initials in enumerate(self._initials):
                    if query in initials:
                        offer(i, _INITIALS_ANYWHERE)
        for i, name in enumerate(self._names):
            if query in name.lower():
                offer(i, _PREFIX if name.lower().startswith(query) else _CONTAINS)
        if len(scores) < limit:
            for _name, score, i in process.extract(query, self._names, scorer=fuzz.WRatio, limit=limit * 2,
                                                   score_cutoff=FUZZY_CUTOFF):
                offer(i, score * _FUZZY_CEILING / 100.0)
        best = sorted(scores.items(), key=lambda kv: (-kv[1], KIND_RANK.get(self._places[kv[0]].kind, 9),
                                                      len(self._names[kv[0]]), self._names[kv[0]]))[:limit]
        return [_scored(self._places[i], score) for i, score in best]


def _prefixed(keys: list[tuple[str, int]], prefix: str) -> list[int]:
    start = bisect.bisect_left(keys, (prefix, -1))
    out = []
    for key, i in keys[start:]:
        if not key.startswith(prefix):
            break
        out.append(i)
    return out


def _scored(place: PlaceMatch, score: float) -> PlaceMatch:
    return PlaceMatch(place.id, place.name, place.kind, place.lon, place.lat, place.grid_id, round(score, 1))
