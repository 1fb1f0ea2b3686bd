"""The words for corrections (更正): the case timeline's line and the two refusals
(`errors.GridOfAnotherCentre`, `errors.NothingCorrected`)."""

from __future__ import annotations

from .errors import GridOfAnotherCentre, NothingCorrected
from .i18n import QT_TRANSLATE_NOOP as N
from .i18n import current_language, translate
from .shapes.corrections import Correction

CONTEXT = "correction"

CATEGORY_LINE = N("correction", "Category corrected: {old} → {new}")
GRID_LINE = N("correction", "Grid corrected: {old} → {new}")
OTHER_CENTRE = N("correction", "Grid {grid} belongs to {centre}: a case in another centre's area is transferred or "
                               "referred there, not corrected into it. Nothing was changed.")
NOTHING = N("correction", "Case {case} already has this category and grid: choose what is to change.")


def _category(code: str, zh: str, en: str, lang: str | None) -> str:
    """A category as code and name, the name in the language asked for (else the interface's)."""
    return f"{code} {zh if (lang or current_language()).startswith('zh') else en}"


def correction_lines(c: Correction, lang: str | None = None) -> list[str]:
    """What a correction changed, a line per field, e.g. "类别更正：0101 乱倒垃圾 → 0102 路灯损坏"."""
    lines = []
    if c.category_changed:
        lines.append(translate(CONTEXT, CATEGORY_LINE, lang).format(
            old=_category(c.from_category_code, c.from_category_zh, c.from_category_en, lang),
            new=_category(c.to_category_code, c.to_category_zh, c.to_category_en, lang)))
    if c.grid_changed:
        lines.append(translate(CONTEXT, GRID_LINE, lang).format(old=f"{c.from_grid_code} {c.from_grid_name}",
                                                                new=f"{c.to_grid_code} {c.to_grid_name}"))
    return lines


def describe_correction_error(exc: GridOfAnotherCentre | NothingCorrected, lang: str | None = None) -> str:
    if isinstance(exc, GridOfAnotherCentre):
        return translate(CONTEXT, OTHER_CENTRE, lang).format(grid=exc.grid_code, centre=exc.centre)
    return translate(CONTEXT, NOTHING, lang).format(case=exc.case_number)
