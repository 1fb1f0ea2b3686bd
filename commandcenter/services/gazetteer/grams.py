"""Which strings hold a character or a pair of adjacent characters: the look-up's inverted index.

A keystroke must not read every name of a city's gazetteer (hundreds of thousands of door
plates). A substring query is answered from these postings instead: one character or one pair
is its exact answer; a longer query intersects the postings of its pairs, which leaves a short
list to confirm with ``in``. Postings list string positions in ascending order, and the index
receives its strings already in ranking order, so a posting's head is the best-ranked.

Built with numpy in a few vectorised passes (code points, a dense alphabet, one sort of
(gram, string) keys), not a Python loop over every character.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

_EMPTY = np.zeros(0, dtype=np.int32)


class GramIndex:
    """Postings of the characters (and, if asked, the character pairs) of a list of strings."""

    def __init__(self, strings: Sequence[str], pairs: bool = True, singles: bool = True) -> None:
        count = len(strings)
        lengths = np.fromiter(map(len, strings), dtype=np.int64, count=count)
        codes = np.frombuffer("".join(strings).encode("utf-32-le"), dtype=np.uint32)
        owner = np.repeat(np.arange(count, dtype=np.int64), lengths)
        self._alphabet = _distinct(codes)
        dense = np.searchsorted(self._alphabet, codes).astype(np.int64)
        width = max(len(self._alphabet), 1)
        # a character's k-th occurrence in a string is its own gram: "holds 1 at least twice" is one look-up
        self._singles = _postings(_occurrence(dense, owner) * width + dense, owner, count) if singles else None
        if pairs:
            joined = owner[1:] == owner[:-1]  # adjacent characters of one string, not across two
            pair_codes = dense[:-1][joined] * width + dense[1:][joined]
            self._pairs = _postings(pair_codes, owner[1:][joined], count)
        else:
            self._pairs = None
        self._width = width

    def characters(self) -> str:
        """Every distinct character of the strings."""
        return "".join(map(chr, self._alphabet.tolist()))

    def holding(self, char: str, times: int = 1) -> np.ndarray:
        """Positions of the strings holding `char` at least `times` times (needs the singles)."""
        assert self._singles is not None, "built without single characters"
        code = self._dense(char)
        return _EMPTY if code < 0 else self._singles.get((times - 1) * self._width + code)

    def candidates(self, text: str) -> tuple[np.ndarray, bool]:
        """Positions of the strings that may contain `text`, and whether every one surely does.

        One character, or one pair, is exact; a longer text gives the strings holding all its
        pairs (a superset, to confirm with ``in``), shortest posting first.
        """
        if len(text) == 1:
            return self.holding(text), True
        assert self._pairs is not None, "built without character pairs"
        dense = [self._dense(c) for c in text]
        if min(dense) < 0:
            return _EMPTY, True
        lists = sorted((self._pairs.get(a * self._width + b) for a, b in zip(dense, dense[1:], strict=False)),
                       key=len)
        found = lists[0]
        for other in lists[1:]:
            if not len(found):
                break
            found = _intersect(found, other)
        return found, len(text) == 2

    def _dense(self, char: str) -> int:
        code = ord(char)
        at = int(np.searchsorted(self._alphabet, code))
        return at if at < len(self._alphabet) and self._alphabet[at] == code else -1


def _intersect(short: np.ndarray, long: np.ndarray) -> np.ndarray:
    """The positions in both sorted arrays: a binary search per element of the shorter one."""
    at = np.searchsorted(long, short)
    at[at == len(long)] = 0
    return short[long[at] == short] if len(long) else _EMPTY


class _Postings:
    """Sorted distinct gram codes, each with its slice of one array of string positions."""

    def __init__(self, grams: np.ndarray, starts: np.ndarray, positions: np.ndarray) -> None:
        self._grams, self._starts, self._positions = grams, starts, positions

    def get(self, gram: int) -> np.ndarray:
        at = int(np.searchsorted(self._grams, gram))
        if at == len(self._grams) or self._grams[at] != gram:
            return _EMPTY
        return self._positions[self._starts[at]:self._starts[at + 1]]


def _postings(grams: np.ndarray, owner: np.ndarray, count: int) -> _Postings:
    keys = _distinct(grams * max(count, 1) + owner)  # one key per (gram, string): sorted by gram, then string
    gram_of = keys // max(count, 1)
    starts = np.flatnonzero(np.diff(gram_of, prepend=-1))
    positions = (keys - gram_of * max(count, 1)).astype(np.int32)
    return _Postings(gram_of[starts], np.append(starts, len(keys)), positions)


def _occurrence(dense: np.ndarray, owner: np.ndarray) -> np.ndarray:
    """For each character, how many times its string held it before (0 for the first)."""
    order = np.lexsort((dense, owner))  # stable: one run per (string, character), in reading order
    key = owner[order] * (int(dense.max(initial=0)) + 1) + dense[order]
    starts = np.flatnonzero(np.diff(key, prepend=-1))
    run_start = np.repeat(starts, np.diff(np.append(starts, len(key))))
    occurrence = np.empty(len(key), dtype=np.int64)
    occurrence[order] = np.arange(len(key)) - run_start
    return occurrence


def _distinct(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values (np.unique's hash path is several times slower on a million keys)."""
    ordered = np.sort(values)
    return ordered[np.diff(ordered, prepend=ordered[:1] - 1) != 0] if len(ordered) else ordered
