"""Words for a named position (`shapes.officer_page.PlaceName`), in the user's language: the
roster's last-position column and the officer page say where someone is the same way."""

from __future__ import annotations

from .i18n import QT_TRANSLATE_NOOP as N
from .i18n import translate
from .shapes.officer_page import PlaceName

NEAR = N("places", "near {grid} ({metres} m)")
FULL = N("places", "{grid}, {community}, {street}")


def place_text(place: PlaceName | None, lang: str | None = None) -> str:
    """The grid's name, or "near" it with the distance when the point lies outside every grid."""
    if place is None:
        return ""
    if place.distance_m > 0:
        return translate("places", NEAR, lang).format(grid=place.grid_name, metres=int(place.distance_m))
    return place.grid_name


def place_detail(place: PlaceName | None, lang: str | None = None) -> str:
    """The grid with its community and street, for a tooltip or a page heading."""
    if place is None:
        return ""
    grid = place_text(place, lang)
    return translate("places", FULL, lang).format(grid=grid, community=place.community_name, street=place.street_name)
