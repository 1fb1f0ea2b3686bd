"""Call-taking on a real PostgreSQL (issue 14): a call merged at intake with its reporter, the
likely duplicates and a repeat caller's cases read the same as on SQLite."""

from __future__ import annotations

import pytest

from commandcenter.domain.enums import CaseStatus, Priority, SourceChannel
from commandcenter.services.auth import demo_principal
from commandcenter.services.facade.intake import IntakeService
from commandcenter.services.lifecycle import CaseService
from commandcenter.shapes.cases import NewCase

from .factories import build_tiny_city, grid_centre

pytestmark = pytest.mark.postgres


def test_merge_duplicates_and_callers_on_postgres(pg_db) -> None:  # type: ignore[no-untyped-def]
    city = build_tiny_city(pg_db)
    svc, intake = CaseService(pg_db), IntakeService(pg_db)
    op, sup = demo_principal(pg_db, "operator"), demo_principal(pg_db, "supervisor")
    lon, lat = grid_centre(0)

    def call(phone: str, number: str = "") -> NewCase:
        return NewCase(source=SourceChannel.HOTLINE_12345, category_id=city.category_id, priority=Priority.NORMAL,
                       description="井盖缺失", lon=lon, lat=lat, reporter_name="陈先生", reporter_phone=phone,
                       hotline_number=number)

    first = svc.report(op, call("13912345678", "GD-1"), register=True)
    assert [c.case_number for c in intake.duplicates(op, city.category_id, lon, lat, "井盖丢了")] == [
        first.case_number]
    merged = svc.report(op, call("13800001111", "GD-2"), merge_into=first.id)
    assert merged.status == CaseStatus.MERGED
    assert [r.phone for r in svc.detail(sup, first.id).reporters] == ["13800001111"]
    assert intake.caller_history(op, "13800001111").count == 1  # the survivor, through its further reporter
    assert intake.place_history(op, lon, lat).count == 1
