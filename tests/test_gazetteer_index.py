"""The look-up's index answers exactly what a scan of every place would, without scanning them.

A synthetic gazetteer of a few thousand places (roads split in same-named segments with door
plates, landmarks, compounds, Latin capitals, a name of several words) is searched both ways:
through `PlaceIndex` and through a plain reference that tries every name the way the index
documents it (prefix, substring, pinyin, initials, then rapidfuzz over all names).
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from rapidfuzz import fuzz, process

from commandcenter.domain.places import KIND_RANK
from commandcenter.services.gazetteer.fuzzy import FuzzyNames
from commandcenter.services.gazetteer.grams import GramIndex
from commandcenter.services.gazetteer.index import FUZZY_CUTOFF, PlaceIndex, PlaceRow
from commandcenter.services.gazetteer.prefixes import PrefixIndex

SYLLABLES = {"华": "hua", "兴": "xing", "东": "dong", "园": "yuan", "西": "xi", "天": "tian", "梅": "mei",
             "城": "cheng", "荔": "li", "凤": "feng", "凰": "huang", "山": "shan", "岩": "yan", "拱": "gong",
             "辰": "chen", "延": "yan", "寿": "shou", "路": "lu", "街": "jie", "大": "da", "道": "dao",
             "号": "hao", "公": "gong", "小": "xiao", "学": "xue", "花": "hua", "区": "qu", "村": "cun"}
STEMS = ("华兴", "东园", "西天", "梅城", "荔城", "凤凰", "东岩", "拱辰", "延寿", "天华", "城东", "梅山")


def pinyin(name: str) -> tuple[str, str]:
    """The stored pinyin of a synthetic name (syllables from the table, digits and Latin kept)."""
    full, initials, digits = [], [], ""
    for c in name.lower() + " ":
        if c.isdigit():
            digits += c
            continue
        if digits:
            full.append(digits)
            initials.append(digits)
            digits = ""
        syllable = SYLLABLES.get(c, c if c.isascii() and c.isalpha() else "")
        if syllable:
            full.append(syllable)
            initials.append(syllable[0])
    return "".join(full), "".join(initials)


def gazetteer() -> list[PlaceRow]:
    rng = random.Random(14)
    names: list[tuple[str, str]] = []
    for stem in STEMS:
        for road in ("路", "街", "大道"):
            for _segment in range(rng.randint(1, 3)):  # a road drawn in pieces repeats its name and plates
                names.append((stem + road, "road"))
                names += [(f"{stem}{road}{k}号", "house_number") for k in range(1, rng.randint(10, 40))]
        names += [(stem + "公园", "landmark"), (stem + "小学", "landmark"), (stem + "花园", "compound")]
    names += [("SM城市广场", "landmark"), ("Wanda 广场 广场", "landmark"), ("华兴", "village"), ("兴华村", "village")]
    rows = []
    for i, (name, kind) in enumerate(rng.sample(names, len(names))):
        full, initials = pinyin(name)
        rows.append((1000 + i, name, kind, 119.0 + i * 1e-5, 25.4, None if i % 7 == 0 else i % 50, full, initials))
    return rows


ROWS = gazetteer()
RANKED = sorted(ROWS, key=lambda r: (KIND_RANK.get(r[2], 9), len(r[1]), r[1], r[0]))  # the documented order


@pytest.fixture(scope="module")
def index() -> PlaceIndex:
    return PlaceIndex(ROWS)


def reference(query_text: str, limit: int = 8) -> list[tuple[int, float]]:
    """(id, score) of the best places, found by trying every place."""
    query = "".join(query_text.split()).lower()
    scores: dict[int, float] = {}

    def offer(k: int, score: float) -> None:
        scores[k] = max(score, scores.get(k, -1.0))

    for k, (_id, name, _kind, _lon, _lat, _grid, full, initials) in enumerate(RANKED):
        if query in name.lower():
            offer(k, 100.0 if name.lower().startswith(query) else 95.0)
        if query.isascii() and query.isalnum():
            if initials.startswith(query):
                offer(k, 100.0)
            if full.startswith(query):
                offer(k, 97.0)
            if len(query) >= 2 and query in initials:
                offer(k, 85.0)
    if len(scores) < limit:
        for _name, score, k in process.extract(query, [r[1] for r in RANKED], scorer=fuzz.WRatio,
                                               limit=limit * 2, score_cutoff=FUZZY_CUTOFF):
            offer(k, score * 0.9)
    best = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [(RANKED[k][0], round(score, 1)) for k, score in best]


def queries() -> list[str]:
    rng = random.Random(16)
    alphabet = "".join(sorted({c for r in ROWS for c in r[1]}))
    out = ["华", "号", "1", "hx", "hxl", "hxl12", "huaxing", "xing", "sm", "SM城", "wanda", "广场 广场", "东园公", "东公园",
           "lu1", "zzz", "鑫", "12号", "华路1", "华兴路999号"]
    for _ in range(60):
        _id, name, _kind, _lon, _lat, _grid, full, initials = rng.choice(ROWS)
        k = rng.randrange(len(name))
        out += [name[:2], name[:k] + name[k + 1:], name[:k] + rng.choice(alphabet) + name[k + 1:], name[1:],
                initials[: rng.randint(1, 4)], full[: rng.randint(1, 8)], initials[1:4],
                "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4)))]
    return out


def test_search_gives_what_trying_every_place_gives(index: PlaceIndex) -> None:
    differ = [q for q in queries() if [(p.id, p.score) for p in index.search(q)] != reference(q)]
    assert differ == []


def test_a_match_carries_its_place(index: PlaceIndex) -> None:
    match = index.search("西天大道12号")[0]
    row = next(r for r in ROWS if r[0] == match.id)
    assert (match.name, match.kind, match.lon, match.lat, match.grid_id) == row[1:6]
    assert match.score == 100.0 and isinstance(match.id, int) and isinstance(match.lon, float)
    assert [p.grid_id for p in index.search("华兴路", limit=40)].count(None) > 0  # a place outside every grid


def test_limits_and_blank_text(index: PlaceIndex) -> None:
    assert len(index.search("华", limit=3)) == 3
    assert index.search("华", limit=0) == [] and index.search(" \t") == []
    assert PlaceIndex([]).search("华") == [] and len(PlaceIndex([])) == 0
    assert len(index) == len(ROWS)


def test_postings_are_exact_for_one_or_two_characters_and_cover_longer_text() -> None:
    strings = ["华兴路", "兴华路", "华兴", "路华兴路", "", "兴", "兴兴"]
    grams = GramIndex(strings)
    for text in ("华", "兴", "华兴", "兴兴", "路华兴", "华兴路", "鑫", "华鑫"):
        found, exact = grams.candidates(text)
        truth = [i for i, s in enumerate(strings) if text in s]
        assert set(truth) <= set(found.tolist()) and list(found) == sorted(found)
        assert exact == (len(text) <= 2) and (not exact or found.tolist() == truth)
    assert grams.holding("兴").tolist() == [0, 1, 2, 3, 5, 6]
    assert grams.holding("兴", 2).tolist() == [6] and grams.holding("路", 2).tolist() == [3]
    assert grams.holding("兴", 3).tolist() == [] and grams.holding("鑫").tolist() == []


def test_prefixes_by_bisection_up_to_the_last_code_point() -> None:
    last = chr(0x10FFFF)
    keys = ["hxl", "hx", "hxl12h", "h", "hy", "a", "hx" + last, "hx" + last + "a", "hy" + last]
    prefixes = PrefixIndex(keys)
    for prefix in ("h", "hx", "hxl", "hx" + last, "hy" + last, "z", last):
        assert sorted(prefixes.starting(prefix).tolist()) == [i for i, k in enumerate(keys) if k.startswith(prefix)]


def test_score_ceilings_never_drop_a_name_rapidfuzz_would_keep() -> None:
    names = [r[1] for r in ROWS] + ["东园大道153号", "东园大道1号", "Wanda 广场", "梅梅梅梅", "梅"]
    lowered = [n.lower() for n in names]
    fuzzy = FuzzyNames(names, GramIndex(lowered), FUZZY_CUTOFF)
    rng = random.Random(18)
    typos = ["梅大道21号", "东岩街11号", "梅城道21号", "梅山大道1道号"]  # many door plates near the cutoff
    for query in ["东", "梅梅", "wanda广场", "东园大道15"] + typos + [rng.choice(names)[: rng.randint(1, 6)]
                                                                  for _ in range(80)]:
        query = query.lower()
        scores = process.cdist([query], names, scorer=fuzz.WRatio, score_cutoff=FUZZY_CUTOFF)[0]
        kept = set(fuzzy.ceilings(query)[0].tolist())
        assert set(np.flatnonzero(scores).tolist()) <= kept, query
        best = [(k, s) for _n, s, k in process.extract(query, names, scorer=fuzz.WRatio, limit=16,
                                                        score_cutoff=FUZZY_CUTOFF)]
        assert fuzzy.best(query, 16) == best, query
    assert len(fuzzy.ceilings("东园大道15")[0]) < len(names) / 4  # most names are never weighed
