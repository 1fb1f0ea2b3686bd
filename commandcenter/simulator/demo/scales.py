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

CASES_PER_GRID_DAY = 2850 / 2408
"""The case density of every scale, about 1.18 cases a day per unit grid: Putian's 2,850 a day
over its 2,408 grids (178 a day at small scale, 710 at city scale). A trainee sees the same pace
in a grid, and the early-warning detectors the same chance coincidences, whatever the scale."""


@dataclass(frozen=True)
class Scale:
    """One demo size; communities, grids and officers are exact, cases a day is the mean of a daily
    rhythm.

    Every scale is drawn in Putian's real outlines (`putian`): its districts whole, or only their
    street offices (`offices_only`), each with its real number of street offices and towns
    (`texts.STREET_NAMES`, `TOWN_NAMES`)."""

    name: str
    districts: tuple[tuple[str, str], ...]
    communities: int
    grids: int
    officers: int
    operators_per_district: int = 3
    offices_only: bool = False  # the districts' street offices (街道) without their towns (镇)

    @property
    def cases_per_day(self) -> int:
        return round(CASES_PER_GRID_DAY * self.grids)


SCALES: dict[str, Scale] = {
    # the central city: 城厢区's three street offices (凤凰山, 龙桥, 霞林) as the bigger scales draw
    # them, about 420,000 residents in some 66 km², in 36 communities (about a dozen each, as in
    # life); 150 grids of about 2,800 residents (900 households) each, twice Putian's mean: the big
    # end of social-governance grids, and few enough for the many tests that generate this scale
    "small": Scale("small", PUTIAN_DISTRICTS[:1], communities=36, grids=150, officers=190,
                   offices_only=True),
    # the central three districts in their real outlines (24 towns and streets), fewer grids
    "city": Scale("city", PUTIAN_DISTRICTS[:3], communities=240, grids=600, officers=800),
    # Putian's published figures: 2,408 unit grids and 3,096 grid officers
    # 48 streets and towns (the real stems in texts), about 1,000 communities and villages
    "putian": Scale("putian", PUTIAN_DISTRICTS, communities=1000, grids=2408, officers=3096,
                    operators_per_district=4),
}
