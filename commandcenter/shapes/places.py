"""What the address look-up hands to intake: a named place, where it is and how well it matched."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """One gazetteer place offered for what the call-taker typed (WGS-84, its grid resolved)."""

    id: int
    name: str
    kind: str  # domain.places.PlaceKind value
    lon: float
    lat: float
    grid_id: int | None
    score: float  # 0–100, higher is better
