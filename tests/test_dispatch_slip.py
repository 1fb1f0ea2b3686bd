"""Dispatch slips (issue 14): one page naming the case, its deadline and handler, the contact
masked for an operator and never printed for a confidential reporter."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from pypdf import PdfReader

from commandcenter.domain.actions import Action
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.services.facade.intake import IntakeService
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.shapes.cases import NewCase

from .factories import grid_centre


def dispatched(db, city, operator, **kw):  # type: ignore[no-untyped-def]
    lon, lat = grid_centre(0)
    svc = CaseService(db)
    row = svc.report(operator, NewCase(source=SourceChannel.HOTLINE_12345, category_id=city.category_id,
                                       priority=Priority.HIGH, description="楼道堆放杂物堵塞消防通道", lon=lon,
                                       lat=lat, address="荔城中大道1234号", reporter_name="陈先生",
                                       reporter_phone="13912345678", hotline_number="GD-7", **kw), register=True)
    return svc.perform(operator, row.id, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0]))


def text(path) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    pages = PdfReader(path).pages
    return len(pages), "\n".join(p.extract_text() for p in pages)


def test_the_slip_names_case_deadline_and_handler_with_the_contact_masked(db, city, operator, supervisor,
                                                                          tmp_path) -> None:  # type: ignore[no-untyped-def]
    row = dispatched(db, city, operator)
    intake = IntakeService(db)
    pages, words = text(intake.print_slip(operator, row.id, folder=tmp_path, lang="en"))
    deadline = f"{row.handle_deadline_at.astimezone(ZoneInfo('Asia/Shanghai')):%Y-%m-%d %H:%M}"
    assert pages == 1
    assert row.case_number in words and deadline in words and "张伟" in words
    assert "GD-7" in words and "139****5678" in words and "13912345678" not in words
    assert "荔城中大道*号" in words
    _, clear = text(intake.print_slip(supervisor, row.id, folder=tmp_path / "sup", lang="zh_CN"))
    assert "13912345678" in clear and "荔城中大道1234号" in clear


def test_a_confidential_reporter_is_not_printed(db, city, operator, supervisor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    row = dispatched(db, city, operator, reporter_privacy="confidential")
    _, words = text(IntakeService(db).print_slip(supervisor, row.id, folder=tmp_path, lang="en"))
    assert "13912345678" not in words and "陈" not in words
