"""Reminders (催办) and supervisions (督办) show in the case's timeline among its actions."""

from __future__ import annotations

from datetime import timedelta

from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.services.auth import demo_principal
from commandcenter.services.escalation import scan_escalations
from commandcenter.services.lifecycle import CaseService
from commandcenter.shapes.cases import NewCase
from commandcenter.widgets.case_detail import CaseDetailPanel

from .factories import grid_centre


def test_escalations_join_the_timeline(qtbot, db, city, operator, clock) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    lon, lat = grid_centre(0)
    row = svc.report(operator, NewCase(source=SourceChannel.HOTLINE_12345, category_id=city.category_id,
                                       priority=Priority.NORMAL, description="噪音扰民", lon=lon, lat=lat),
                     register=True)  # dispatch limit: 30 calendar minutes
    clock.advance(timedelta(minutes=25))
    assert [e.level for e in scan_escalations(db)] == ["reminder"]
    clock.advance(timedelta(minutes=10))
    assert [e.level for e in scan_escalations(db)] == ["supervision"]
    detail = svc.detail(demo_principal(svc.db, "supervisor"), row.id)
    assert [h.action for h in detail.history] == ["report", "register"]
    assert [h.action for h in detail.escalations] == ["escalation_reminder", "escalation_supervision"]
    # the service gives facts; the panel words them in the language shown
    assert [(h.stage, h.round, h.note) for h in detail.escalations] == [("dispatch", 0, ""), ("dispatch", 0, "")]
    panel = CaseDetailPanel(now=clock.now)
    qtbot.addWidget(panel)
    panel.show_detail(detail)
    texts = panel.history_texts()
    assert len(texts) == 4
    assert "Reminder (催办)" in texts[2] and "dispatch time limit, round 1" in texts[2]
    assert "Supervision (督办)" in texts[3]
