"""Shift periods and the handover service: drafting, editing, signing, acknowledging, locking."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select, text

from commandcenter.domain.enums import HandoverStatus
from commandcenter.errors import HandoverLocked, NotFound, PermissionDenied, ValidationError
from commandcenter.models import AuditEntry, ChangeLog, Handover, HandoverItem, Shift
from commandcenter.reports.handover_pdf import handover_pdf
from commandcenter.services.auth import demo_principal
from commandcenter.services.handover import HandoverService, ItemInput, StaleHandover
from commandcenter.services.handover_print import print_handover
from commandcenter.services.shifts import (
    ShiftInfo,
    current_shift,
    day_period,
    next_shift,
    shift_period,
)

from .day_of_cases import TZ, local, scenario_database

NIGHT = ShiftInfo(1, 1, "Night", "20:00", "08:00", "1234567", "Asia/Shanghai")


@pytest.fixture
def scenario(tmp_path_factory, tmp_path):  # type: ignore[no-untyped-def]
    db, clock, sc = scenario_database(tmp_path_factory, tmp_path)
    yield db, clock, sc
    db.dispose()


# ---- shifts ---------------------------------------------------------------------------
def test_a_night_shift_belongs_to_the_date_it_starts() -> None:
    period = shift_period(NIGHT, date(2026, 11, 25))
    assert period.start == datetime(2026, 11, 25, 20, 0, tzinfo=TZ)
    assert period.end == datetime(2026, 11, 26, 8, 0, tzinfo=TZ)
    assert period.start.tzinfo is UTC and period.end - period.start == timedelta(hours=12)


def test_a_day_is_local_and_may_be_23_hours_long() -> None:
    start, end = day_period(date(2026, 11, 25), "Asia/Shanghai")
    assert (start, end - start) == (datetime(2026, 11, 24, 16, tzinfo=UTC), timedelta(hours=24))
    start, end = day_period(date(2026, 3, 29), "Europe/Berlin")  # clocks go forward
    assert end - start == timedelta(hours=23)


def test_current_and_next_shift(db, city) -> None:  # type: ignore[no-untyped-def]
    # no Shift rows: the default two-shift pattern applies
    morning = datetime(2026, 11, 26, 7, 30, tzinfo=TZ)
    now = current_shift(db, city.centre_id, morning)
    assert now is not None and (now.shift.name, now.day, now.shift.id) == ("Night", date(2026, 11, 25), None)
    with db.unit_of_work() as s:
        s.add_all([
            Shift(centre_id=city.centre_id, name="Early", start_time="06:00", end_time="14:00", weekdays="12345"),
            Shift(centre_id=city.centre_id, name="Late", start_time="14:00", end_time="22:00", weekdays="12345"),
        ])
    assert current_shift(db, city.centre_id, morning).shift.name == "Early"  # type: ignore[union-attr]
    assert current_shift(db, city.centre_id, datetime(2026, 11, 26, 23, 0, tzinfo=TZ)) is None
    # Saturday has no shifts: the next one is Monday's early shift
    upcoming = next_shift(db, city.centre_id, datetime(2026, 11, 27, 22, 30, tzinfo=TZ))
    assert upcoming is not None and (upcoming.shift.name, upcoming.day) == ("Early", date(2026, 11, 30))


# ---- drafting -------------------------------------------------------------------------
def test_the_draft_comes_from_the_database(scenario) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    clock.set(local(26, 7, 40))  # the end of the night shift of the 25th
    operator = demo_principal(db, "operator")
    svc = HandoverService(db)
    record = svc.open_draft(operator)
    assert (record.shift_name, record.shift_date, record.status) == ("Night", date(2026, 11, 25), "draft")
    assert record.period_start == local(25, 20) and record.period_end == local(26, 8)
    summary = record.summary
    assert summary is not None and summary.drafted_at == clock.now()
    a, b, now = int(local(25, 20).timestamp()), int(local(26, 8).timestamp()), int(clock.now().timestamp())
    with db.engine.connect() as conn:
        sql = lambda q, **kw: conn.execute(text(q), kw).all()  # noqa: E731
        open_by_status = dict(sql("SELECT status, count(*) FROM case_record WHERE status IN "
                                  "('reported','registered','dispatched','accepted','fed_back','suspended') GROUP BY status"))
        overdue = sql("SELECT case_number FROM case_record WHERE status IN "
                      "('reported','registered','dispatched','accepted','fed_back') AND stage_deadline_at < :now "
                      "ORDER BY stage_deadline_at, id", now=now)
        urgent = sql("SELECT case_number FROM case_record WHERE priority = 'urgent' AND reported_at >= :a "
                     "AND reported_at < :b ORDER BY reported_at, id", a=a, b=b)
        suspended = sql("SELECT case_number FROM case_record WHERE status = 'suspended'")
        reported = sql("SELECT count(*) FROM case_record WHERE reported_at >= :a AND reported_at < :b", a=a, b=b)
        closed = sql("SELECT count(*) FROM case_record WHERE closed_at >= :a AND closed_at < :b", a=a, b=b)
    assert {s: n for s, n in summary.open_by_status if n} == open_by_status
    assert [c.case_number for c in summary.overdue] == [r[0] for r in overdue] and summary.overdue_total == len(overdue)
    assert [c.case_number for c in summary.urgent] == [r[0] for r in urgent]
    assert sorted(c.case_number for c in summary.suspended) == sorted(r[0] for r in suspended)
    # the escalated cases are all overdue here: listed once, under overdue, with their level
    assert summary.escalated == () and max(c.escalation_level for c in summary.overdue) == 2
    assert (summary.figures.reported, summary.figures.closed) == (reported[0][0], closed[0][0])
    assert summary.figures.overdue_now == len(overdue)
    # 王芳 went on leave during the day with cases still open: the next shift must know
    assert [o.name for o in summary.officers_off_duty] == ["王芳", "李娜"][: len(summary.officers_off_duty)]
    assert summary.officers_off_duty[0].duty_status == "on_leave" and summary.officers_off_duty[0].open_cases > 0

    clock.advance(minutes=5)
    again = svc.open_draft(operator)
    assert again.id == record.id and again.summary.drafted_at == clock.now()  # type: ignore[union-attr]
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Handover).where(Handover.shift_date == date(2026, 11, 25),
                                                                          Handover.corrects_id.is_(None))) == 2
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.entity == "handover", AuditEntry.entity_id == record.id)) == 1
        assert s.scalar(select(func.count()).select_from(ChangeLog).where(
            ChangeLog.entity == "handover", ChangeLog.entity_id == record.id)) == 2


def test_write_sign_acknowledge(scenario) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    clock.set(local(26, 7, 40))
    operator, supervisor = demo_principal(db, "operator"), demo_principal(db, "supervisor")
    svc = HandoverService(db)
    draft = svc.open_draft(operator)
    with pytest.raises(ValidationError) as err:  # an unknown case number changes nothing
        svc.save(operator, draft.id, "notes", [ItemInput("call back", "20991231-00001")], draft.version)
    assert err.value.field == "case_number"
    assert svc.get(operator, draft.id).notes == ""
    saved = svc.save(operator, draft.id, "夜间平稳，无突发事件。", [
        ItemInput("09:00 回访报案人", sc.open_case_number, local(26, 9)),
        ItemInput("检查监控探头"),
    ], draft.version)
    assert saved.notes == "夜间平稳，无突发事件。" and saved.version > draft.version
    assert [(i.text, i.case_number) for i in saved.items] == [("09:00 回访报案人", sc.open_case_number), ("检查监控探头", "")]
    with pytest.raises(ValidationError):
        svc.acknowledge(supervisor, saved.id)  # not signed yet
    clock.advance(minutes=10)
    signed = svc.sign(operator, saved.id, saved.version)
    assert signed.status == "signed" and signed.signed_at == clock.now()
    assert signed.summary.drafted_at == clock.now()  # type: ignore[union-attr]
    assert [r.id for r in svc.pending_acknowledgement(supervisor)] == [signed.id]
    with pytest.raises(PermissionDenied):
        svc.acknowledge(operator, signed.id)
    clock.advance(minutes=15)
    done = svc.acknowledge(supervisor, signed.id, signed.version)
    assert done.status == "acknowledged" and done.acknowledged_by_name == "Supervisor" and done.locked
    assert done.acknowledged_at == clock.now()
    assert svc.pending_acknowledgement(supervisor) == []
    with db.read() as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "handover",
                                                            AuditEntry.entity_id == done.id).order_by(AuditEntry.id))
        assert list(actions) == ["handover_open", "handover_save", "handover_sign", "handover_acknowledge"]


def test_an_acknowledged_handover_refuses_every_change(scenario) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    operator, supervisor = demo_principal(db, "operator"), demo_principal(db, "supervisor")
    svc = HandoverService(db)
    locked = svc.get(operator, sc.handover_id)
    assert locked.status == HandoverStatus.ACKNOWLEDGED

    def snapshot():  # type: ignore[no-untyped-def]
        with db.read() as s:
            h = s.get(Handover, locked.id)
            items = s.execute(select(HandoverItem.text, HandoverItem.done).where(
                HandoverItem.handover_id == locked.id).order_by(HandoverItem.id)).all()
            audits = s.scalar(select(func.count()).select_from(AuditEntry))
            return (h.notes, h.status, h.version, h.summary_json, h.signed_at, tuple(items), audits)

    before = snapshot()
    attempts = [
        lambda: svc.save(operator, locked.id, "changed", []),
        lambda: svc.save(operator, locked.id, locked.notes, [i.as_input() for i in locked.items]),
        lambda: svc.sign(operator, locked.id),
        lambda: svc.acknowledge(supervisor, locked.id),
    ]
    for attempt in attempts:
        with pytest.raises(HandoverLocked) as err:
            attempt()
        assert err.value.handover_id == locked.id
    assert snapshot() == before


def test_a_correction_is_a_new_note_that_refers_to_the_original(scenario) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    operator, supervisor = demo_principal(db, "operator"), demo_principal(db, "supervisor")
    svc = HandoverService(db)
    with pytest.raises(ValidationError):
        svc.add_correction(operator, sc.handover_id, "   ")
    note = svc.add_correction(operator, sc.handover_id, "更正：环卫车辆已于19:30修复。",
                              [ItemInput("通知环卫站长", "", local(26, 10))])
    assert (note.corrects_id, note.status, note.shift_name) == (sc.handover_id, "signed", "Day")
    assert note.summary is None and note.items[0].text == "通知环卫站长"
    original = svc.get(operator, sc.handover_id)
    assert original.corrections == (note.id,) and original.status == "acknowledged"
    acked = svc.acknowledge(supervisor, note.id)
    assert acked.locked
    with pytest.raises(HandoverLocked):
        svc.save(operator, note.id, "again", [])
    # a handover still open for changes is corrected by changing it, not by a note
    clock.set(local(26, 7, 40))
    draft = svc.open_draft(operator)
    with pytest.raises(ValidationError):
        svc.add_correction(operator, draft.id, "note")


def test_permissions_authorship_and_stale_versions(scenario) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    clock.set(local(26, 7, 40))
    operator, supervisor, trainer = (demo_principal(db, u) for u in ("operator", "supervisor", "trainer"))
    svc = HandoverService(db)
    with pytest.raises(PermissionDenied):
        svc.open_draft(trainer)
    draft = svc.open_draft(supervisor)  # a supervisor may write a handover too …
    signed = svc.sign(supervisor, draft.id)
    with pytest.raises(ValidationError):  # … but not acknowledge their own
        svc.acknowledge(supervisor, signed.id)
    with pytest.raises(StaleHandover):
        svc.save(operator, draft.id, "late edit", [], expected_version=draft.version)
    # saving a signed handover takes the signature back: it must be signed again
    unsigned = svc.save(operator, signed.id, "late edit", [], expected_version=signed.version)
    assert unsigned.status == "draft" and unsigned.signed_at is None
    with pytest.raises(NotFound):
        svc.get(operator, 9999)


def test_past_handovers_are_listed_and_searchable(scenario) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    operator = demo_principal(db, "operator")
    svc = HandoverService(db)
    clock.set(local(26, 7, 40))
    night = svc.open_draft(operator)
    svc.save(operator, night.id, "Night: quiet; the CCTV at Dongyan gate is offline", [ItemInput("ring IT")])
    assert [r.id for r in svc.search(operator)] == [night.id, sc.handover_id]
    assert [r.id for r in svc.search(operator, "cctv")] == [night.id]  # case-insensitive
    assert [r.id for r in svc.search(operator, "垃圾清运")] == [sc.handover_id]  # in the notes
    # a case number matches pending items and the drafted lists (this case is overdue in both snapshots)
    assert {r.id for r in svc.search(operator, sc.open_case_number)} == {night.id, sc.handover_id}
    note = svc.add_correction(operator, sc.handover_id, "更正", [ItemInput("回访", sc.open_case_number)])
    assert note.id in {r.id for r in svc.search(operator, sc.open_case_number)}
    assert [r.id for r in svc.search(operator, "ring it")] == [night.id]  # an item's text
    assert [r.id for r in svc.search(operator, "2026-11-25")] == [night.id, note.id, sc.handover_id]
    assert [r.id for r in svc.search(operator, "100%")] == []  # LIKE wildcards are literal
    assert [r.id for r in svc.search(operator, status="acknowledged")] == [sc.handover_id]
    row = svc.search(operator, "Operator")[0]
    assert (row.shift_name, row.item_count, row.author_name) == ("Night", 1, "Operator")


def test_the_handover_record_prints(scenario) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    record = HandoverService(db).get(demo_principal(db, "supervisor"), sc.handover_id)
    pdf = handover_pdf(record, lang="en", printed_by="Supervisor", printed_at=clock.now())
    assert pdf == handover_pdf(record, lang="en", printed_by="Supervisor", printed_at=clock.now())
    import io

    reader = PdfReader(io.BytesIO(pdf))
    words = "".join(page.extract_text() for page in reader.pages)
    assert "垃圾清运车辆故障" in words and sc.open_case_number in words
    assert "Acknowledged by Supervisor" in words and "Day" in words
    assert ZoneInfo("Asia/Shanghai") and "2026-11-25" in words


def test_printing_a_handover_reads_it_as_the_actor_may_see_it(scenario, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    supervisor = demo_principal(db, "supervisor")
    path = print_handover(db, supervisor, sc.handover_id, folder=tmp_path / "handovers", lang="zh_CN")
    record = HandoverService(db).get(supervisor, sc.handover_id)
    assert path == tmp_path / "handovers" / f"handover-{record.id}-v{record.version}-zh_CN.pdf"
    assert path.read_bytes() == handover_pdf(record, lang="zh_CN", printed_by=supervisor.display_name,
                                             printed_at=clock.now())
    with pytest.raises(NotFound):
        print_handover(db, supervisor, 9999, folder=tmp_path, lang="en")
