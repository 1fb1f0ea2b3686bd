"""Corrections (更正) of a case's category or grid as screens and reports read them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class GridChoice:
    """A unit grid the correction dialog offers, named with its community and street."""

    id: int
    code: str
    name: str
    community: str
    street: str
    initials: str  # the pinyin initials of the grid's name, for typing "dysq" for 东岩社区


@dataclass(frozen=True, slots=True)
class Correction:
    """What one correction changed: the category and the grid before and after (equal when unchanged).

    Categories carry both languages' names, for the presentation side to pick one; grids their
    code and name.
    """

    from_category_code: str
    from_category_zh: str
    from_category_en: str
    to_category_code: str
    to_category_zh: str
    to_category_en: str
    from_grid_code: str
    from_grid_name: str
    to_grid_code: str
    to_grid_name: str

    @property
    def category_changed(self) -> bool:
        return self.from_category_code != self.to_category_code

    @property
    def grid_changed(self) -> bool:
        return self.from_grid_code != self.to_grid_code


@dataclass(frozen=True, slots=True)
class CorrectionMade:
    """A correction during a drill: when, by whom (a display name, or a system role), what."""

    at: datetime
    user_id: int | None
    by: str
    correction: Correction
