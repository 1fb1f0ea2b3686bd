"""The map's words: the measures grids are coloured by, and a case marker's one-line summary.

`services.map_data` returns codes and facts (the category in both languages); the map view and
canvas put them into words here, in the language shown when they draw.
"""

from __future__ import annotations

from .i18n import QT_TRANSLATE_NOOP as N
from .i18n import current_language, normalize, translate
from .labels import status_label
from .shapes.map import MapCaseMarker

MEASURE_LABELS: dict[str, str] = {
    "open": N("map", "Open cases"),
    "overdue": N("map", "Overdue cases"),
    "new_today": N("map", "New today"),
}


def measure_label(measure: str, lang: str | None = None) -> str:
    text = MEASURE_LABELS.get(measure)
    return measure if text is None else translate("map", text, lang)


def case_summary(case: MapCaseMarker, lang: str | None = None) -> str:
    """"Broken streetlight · Dispatched · 12 Main St — the lamp is out": one line for a tooltip."""
    zh = (normalize(lang) if lang else current_language()).startswith("zh")
    category = case.category_zh if zh else case.category_en
    head = " · ".join(part for part in (category, status_label(case.status, lang), case.address) if part)
    return f"{head} — {case.description}" if case.description else head
