"""A case marker's tooltip line is worded when shown, in the language shown.

`services.map_data` hands over the category in both languages; choosing one used to happen in the
service with the GUI's language at query time, so markers fetched before a language switch kept the
old language.
"""

from __future__ import annotations

from commandcenter.map_labels import case_summary, measure_label
from commandcenter.shapes.map import MapCaseMarker

CASE = MapCaseMarker(7, "20261125-00007", 119.0, 25.4, "urgent", "dispatched", category_zh="路灯损坏",
                     category_en="Broken streetlight", address="胜利路 12 号", description="整条路不亮")


def test_the_summary_names_category_status_address_and_description() -> None:
    assert case_summary(CASE, "en") == "Broken streetlight · Dispatched · 胜利路 12 号 — 整条路不亮"


def test_the_category_and_status_follow_the_language_asked_for() -> None:
    chinese = case_summary(CASE, "zh_CN")
    assert chinese.startswith("路灯损坏 · ") and "Dispatched" not in chinese and chinese.endswith(" — 整条路不亮")


def test_a_marker_without_facts_shows_only_its_status_and_unknown_measures_show_their_code() -> None:
    assert case_summary(MapCaseMarker(1, "n", 0.0, 0.0, "low", "closed"), "en") == "Closed"
    assert measure_label("open", "en") == "Open cases" and measure_label("something_new") == "something_new"
