"""How big each demo city is: districts, streets, communities, grids, officers and cases a day."""

from __future__ import annotations

from dataclasses import dataclass

# the five county-level codes of the seed city (GB/T 2260)
PUTIAN_DISTRICTS: tuple[tuple[str, str], ...] = (
    ("350302", "城厢区"),
    ("350303", "涵江区"),
    ("350304", "荔城区"),
    ("350305", "秀屿区"),
    ("350322", "仙游县"),
)


@dataclass(frozen=True)
class Scale:
    """One demo size; grids and officers are exact, cases a day is the mean of a daily rhythm."""

    name: str
    districts: tuple[tuple[str, str], ...]
    streets: int
    communities: int
    grids: int
    officers: int
    cases_per_day: int
    operators_per_district: int = 3
    real_outlines: bool = False  # drawn inside Putian's real district outlines (`putian`), not a made-up city


SCALES: dict[str, Scale] = {
    "small": Scale("small", PUTIAN_DISTRICTS[:1], streets=3, communities=12, grids=150, officers=190,
                   cases_per_day=60),
    # the central three districts in their real outlines (24 towns and streets), fewer grids
    "city": Scale("city", PUTIAN_DISTRICTS[:3], streets=24, communities=240, grids=600, officers=800,
                  cases_per_day=700, real_outlines=True),
    # Putian's published figures: 2,408 unit grids and 3,096 grid officers
    # 48 streets and towns (the real stems in texts), about 1,000 communities and villages
    "putian": Scale("putian", PUTIAN_DISTRICTS, streets=48, communities=1000, grids=2408, officers=3096,
                    cases_per_day=2850, operators_per_district=4, real_outlines=True),
}
