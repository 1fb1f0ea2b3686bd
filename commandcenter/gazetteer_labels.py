"""Words for the gazetteer's kinds of place, in the interface language (Qt-free, like labels.py)."""

from __future__ import annotations

from .domain.places import PlaceKind
from .i18n import QT_TRANSLATE_NOOP as N
from .i18n import translate

_KINDS = {
    PlaceKind.ROAD: N("gazetteer", "road"),
    PlaceKind.HOUSE_NUMBER: N("gazetteer", "house number"),
    PlaceKind.LANDMARK: N("gazetteer", "landmark"),
    PlaceKind.COMPOUND: N("gazetteer", "residential compound"),
    PlaceKind.VILLAGE: N("gazetteer", "village"),
}


def place_kind_label(kind: str) -> str:
    """The kind of a place as the call-taker reads it in the suggestion list."""
    text = _KINDS.get(kind)  # type: ignore[call-overload]  # a StrEnum key matches its value
    return translate("gazetteer", text) if text else kind
