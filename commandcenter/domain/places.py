"""The kinds of place in the gazetteer a call-taker looks addresses up in.

A gazetteer file names the kind of each row in English (the stored value) or in the words
Chinese place-name registers use (道路, 门牌, 小区 …), so a file exported from a city's
place-name system imports without editing.
"""

from __future__ import annotations

from enum import StrEnum


class PlaceKind(StrEnum):
    """What a named place is; roads and landmarks rank before the house numbers along them."""

    ROAD = "road"
    HOUSE_NUMBER = "house_number"
    LANDMARK = "landmark"
    COMPOUND = "compound"  # 小区: a residential compound
    VILLAGE = "village"


KIND_ALIASES: dict[str, PlaceKind] = {
    **{k.value: k for k in PlaceKind},
    "house number": PlaceKind.HOUSE_NUMBER, "house": PlaceKind.HOUSE_NUMBER, "address": PlaceKind.HOUSE_NUMBER,
    "street": PlaceKind.ROAD, "poi": PlaceKind.LANDMARK, "residential": PlaceKind.COMPOUND,
    "道路": PlaceKind.ROAD, "路": PlaceKind.ROAD, "街巷": PlaceKind.ROAD,
    "门牌": PlaceKind.HOUSE_NUMBER, "门牌号": PlaceKind.HOUSE_NUMBER,
    "地标": PlaceKind.LANDMARK, "兴趣点": PlaceKind.LANDMARK,
    "小区": PlaceKind.COMPOUND, "住宅小区": PlaceKind.COMPOUND,
    "村": PlaceKind.VILLAGE, "村庄": PlaceKind.VILLAGE, "自然村": PlaceKind.VILLAGE,
}

# ties in the look-up go to the kind a caller more likely means
KIND_RANK: dict[str, int] = {
    PlaceKind.ROAD: 0, PlaceKind.LANDMARK: 1, PlaceKind.COMPOUND: 2, PlaceKind.VILLAGE: 3,
    PlaceKind.HOUSE_NUMBER: 4,
}
