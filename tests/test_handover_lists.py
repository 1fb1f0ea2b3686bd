"""The handover names each case once: the escalated list leaves out the cases the overdue list
already holds; and the printed record carries lines for both supervisors to sign."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from commandcenter.reports.handover_pdf import handover_pdf
from commandcenter.services.auth import demo_principal
from commandcenter.services.handover import HandoverService

from .day_of_cases import local, scenario_database


@pytest.fixture
def scenario(tmp_path_factory, tmp_path):  # type: ignore[no-untyped-def]
    db, clock, sc = scenario_database(tmp_path_factory, tmp_path)
    yield db, clock, sc
    db.dispose()


def test_the_escalated_list_does_not_repeat_the_overdue_list(scenario) -> None:  # type: ignore[no-untyped-def]
    db, clock, _sc = scenario
    clock.set(local(26, 7, 40))
    now = int(clock.now().timestamp())
    with db.engine.begin() as conn:
        # an overdue case escalated too, and an escalated one whose deadline was extended since
        conn.execute(text("UPDATE case_record SET escalation_level = 1 WHERE id = (SELECT min(id) FROM case_record "
                          "WHERE escalation_level = 0 AND status = 'dispatched' AND stage_deadline_at < :now)"),
                     {"now": now})
        conn.execute(text("UPDATE case_record SET stage_deadline_at = :later WHERE id = (SELECT max(id) FROM "
                          "case_record WHERE escalation_level > 0)"), {"later": now + 3600})
    summary = HandoverService(db).open_draft(demo_principal(db, "operator")).summary
    assert summary is not None
    overdue = {c.case_number for c in summary.overdue}
    escalated = {c.case_number for c in summary.escalated}
    assert overdue and escalated and not overdue & escalated
    with db.engine.connect() as conn:
        every_escalated = {r[0] for r in conn.execute(text(
            "SELECT case_number FROM case_record c WHERE status IN ('reported','registered','dispatched','accepted',"
            "'fed_back','suspended') AND (escalation_level > 0 OR EXISTS (SELECT 1 FROM escalation e "
            "WHERE e.case_id = c.id AND e.acknowledged_at IS NULL))"))}
        every_overdue = {r[0] for r in conn.execute(text(
            "SELECT case_number FROM case_record WHERE status IN ('reported','registered','dispatched','accepted',"
            "'fed_back') AND stage_deadline_at < :now"), {"now": now})}
    assert every_escalated & every_overdue  # the scenario has escalated cases that are overdue too …
    assert escalated == every_escalated - every_overdue  # … listed once, under overdue
    assert summary.escalated_total == len(every_escalated - every_overdue)


def test_the_printed_record_has_signature_lines(scenario) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    record = HandoverService(db).get(demo_principal(db, "supervisor"), sc.handover_id)
    pdf = handover_pdf(record, lang="en", printed_by="Supervisor", printed_at=clock.now())
    last = PdfReader(io.BytesIO(pdf)).pages[-1].extract_text()
    block = last.split("Signatures")[-1]
    assert "Outgoing supervisor" in block and "Incoming supervisor" in block and "Signature" in block
    # the names and times the database recorded are written in; the signature cells stay blank for the pen
    assert record.author_name in block.split("Incoming supervisor")[0]
    assert record.acknowledged_by_name and record.acknowledged_by_name in block.split("Incoming supervisor")[1]
    assert "2026-11-25 20:10" in block
