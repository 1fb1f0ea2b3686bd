"""Call-taking services (issue 14): merging duplicates with their reporters and histories,
likely duplicates, a caller's and a place's earlier cases (masked), 12345 work orders."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from commandcenter.domain.actions import Action
from commandcenter.domain.enums import CaseStatus, Priority, SourceChannel
from commandcenter.errors import (
    IllegalTransition,
    MergeRefused,
    PermissionDenied,
    ValidationError,
    WorkOrderTaken,
)
from commandcenter.models import AuditEntry, Case, CaseHistory
from commandcenter.services.auth import demo_principal
from commandcenter.services.facade.intake import IntakeService
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.shapes.cases import NewCase
from commandcenter.shapes.intake import DuplicateRules

from .factories import grid_centre

PHONE = "13912345678"


def call(city, *, phone: str = PHONE, name: str = "陈先生", text: str = "楼道堆放杂物堵塞消防通道",
         dx: float = 0.0, category: int | None = None, **kw) -> NewCase:  # type: ignore[no-untyped-def]
    lon, lat = grid_centre(0)
    return NewCase(source=SourceChannel.HOTLINE_12345, category_id=category or city.category_id,
                   priority=Priority.NORMAL, description=text, lon=lon + dx, lat=lat, reporter_name=name,
                   reporter_phone=phone, **kw)


def history(db, case_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return list(s.scalars(select(CaseHistory.action).where(CaseHistory.case_id == case_id)
                              .order_by(CaseHistory.id)))


def test_a_call_merged_at_intake_joins_the_open_case(db, city, operator, supervisor) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    first = svc.report(operator, call(city), register=True)
    second = svc.report(operator, call(city, phone="13800001111", name="李娜", text="消防通道又被堵了"),
                        merge_into=first.id)
    assert second.status == CaseStatus.MERGED
    survivor = svc.detail(supervisor, first.id)
    assert survivor.reporter_phone == PHONE  # the first reporter stays on the case
    assert [(r.name, r.phone, r.from_case_number) for r in survivor.reporters] == [
        ("李娜", "13800001111", second.case_number)]
    assert history(db, first.id) == ["report", "register", "merge_in"]
    assert history(db, second.id) == ["report", "merge"]
    assert svc.detail(supervisor, second.id).merged_into_number == first.case_number
    with db.read() as s:
        merged = s.get(Case, second.id)
        assert merged.merged_at == db.clock.now() and merged.merged_by == operator.user_id
        audited = set(s.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == first.id)))
    assert "merge_in" in audited
    # an operator sees the further reporter masked, as the first one
    masked = svc.detail(operator, first.id)
    assert masked.reporters[0].phone == "138****1111" and masked.reporters[0].name == "李*"


def test_two_dispatched_cases_merge_with_both_reporters_and_histories(db, city, operator, supervisor) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    a = svc.report(operator, call(city), register=True)
    b = svc.report(operator, call(city, phone="13700002222", name="王芳"), register=True)
    earlier = svc.report(operator, call(city, phone="13600003333", name="赵敏"), merge_into=b.id)
    b = svc.perform(operator, b.id, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0]))
    version_a = svc.row(operator, a.id).version
    done = svc.perform(operator, b.id, Action.MERGE, TransitionParams(merge_into_id=a.id), expected_version=b.version)
    assert done.status == CaseStatus.MERGED and done.version == b.version + 1
    assert svc.row(operator, a.id).version == version_a + 1  # the survivor changed: other seats reload it
    phones = {r.phone for r in svc.detail(supervisor, a.id).reporters}
    assert phones == {"13700002222", "13600003333"}  # b's own caller and the one merged into b
    assert history(db, b.id) == ["report", "register", "merge_in", "dispatch", "merge"]
    assert history(db, a.id) == ["report", "register", "merge_in"]
    assert svc.detail(supervisor, earlier.id).merged_into_number == b.case_number  # its history keeps pointing


def test_impossible_merges_are_refused_with_nothing_changed(db, city, operator, supervisor) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    a = svc.report(operator, call(city), register=True)
    b = svc.report(operator, call(city), register=True)
    with pytest.raises(MergeRefused) as same:
        svc.perform(operator, a.id, Action.MERGE, TransitionParams(merge_into_id=a.id))
    assert same.value.problem == "same_case"
    closed = svc.report(operator, call(city))
    svc.perform(supervisor, closed.id, Action.REJECT, TransitionParams(note="无效"))  # not open any more
    with pytest.raises(MergeRefused) as shut:
        svc.perform(operator, b.id, Action.MERGE, TransitionParams(merge_into_id=closed.id))
    assert shut.value.problem == "survivor_closed"
    with db.unit_of_work() as s:  # cases are the district's; one moved up to the city centre
        s.execute(update(Case).where(Case.id == a.id).values(centre_id=city.centre_id))
    with pytest.raises(MergeRefused) as apart:
        svc.perform(operator, b.id, Action.MERGE, TransitionParams(merge_into_id=a.id))
    assert apart.value.problem == "other_centre"
    fed = svc.report(operator, call(city), register=True)
    for action, params in ((Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0])),
                           (Action.ACCEPT, None), (Action.FEED_BACK, TransitionParams(note="已清理"))):
        fed = svc.perform(operator, fed.id, action, params)
    with pytest.raises(IllegalTransition):  # fed back: too far on to be merged away
        svc.perform(operator, fed.id, Action.MERGE, TransitionParams(merge_into_id=b.id))
    assert svc.row(operator, b.id).status == CaseStatus.REGISTERED
    assert history(db, b.id) == ["report", "register"]


def test_likely_duplicates_are_near_recent_open_and_of_the_same_category(db, city, operator, clock) -> None:  # type: ignore[no-untyped-def]
    svc, intake = CaseService(db), IntakeService(db)
    near = svc.report(operator, call(city, text="消防通道堵塞"), register=True)
    svc.report(operator, call(city, dx=0.0014))  # about 140 m east: too far
    svc.report(operator, call(city, category=city.dept_category_id))  # another category
    clock.advance(hours=2)
    closer = svc.report(operator, call(city, text="路边垃圾", dx=0.0001))
    lon, lat = grid_centre(0)
    found = intake.duplicates(operator, city.category_id, lon, lat, "消防通道被堵塞")
    # both within the first 25 m band: the description that reads alike comes first
    assert [c.case_number for c in found] == [near.case_number, closer.case_number]
    assert 0 < found[1].distance_m < 25 and found[0].similarity > found[1].similarity
    clock.advance(hours=23)  # the first is now 25 h old: outside the default 24 h
    assert [c.case_number for c in intake.duplicates(operator, city.category_id, lon, lat)] == [closer.case_number]
    with pytest.raises(PermissionDenied):
        intake.set_rules(operator, DuplicateRules(radius_m=300, window_hours=48))  # an admin's setting
    admin = demo_principal(db, "admin")
    with pytest.raises(ValidationError):
        intake.set_rules(admin, DuplicateRules(radius_m=0, window_hours=48))
    intake.set_rules(admin, DuplicateRules(radius_m=300, window_hours=48))
    assert len(intake.duplicates(operator, city.category_id, lon, lat)) == 3


def test_a_repeat_caller_and_place_show_their_earlier_cases_masked_for_an_operator(db, city, operator,
                                                                                 supervisor) -> None:  # type: ignore[no-untyped-def]
    svc, intake = CaseService(db), IntakeService(db)
    svc.report(operator, call(city, address="荔城中大道1234号"))
    svc.report(operator, call(city, phone="13700002222"), merge_into=svc.report(
        operator, call(city, phone="13500000000", dx=0.0014)).id)
    svc.report(operator, call(city, phone="13700002222", dx=0.0002))
    assert intake.caller_history(operator, "1391").count == 0  # still being typed
    mine = intake.caller_history(operator, PHONE)
    assert mine.count == 1 and mine.key == "139****5678"
    assert mine.cases[0].address == "荔城中大道*号"
    assert intake.caller_history(supervisor, PHONE).cases[0].address == "荔城中大道1234号"
    # a merged-in caller is found too; the merged case itself is not listed twice
    assert intake.caller_history(operator, "13700002222").count == 2
    lon, lat = grid_centre(0)
    place = intake.place_history(operator, lon, lat)
    assert place.count == 2 and all(c.distance_m is not None and c.distance_m <= 50 for c in place.cases)


def test_a_work_order_answered_on_the_call_closes_at_intake(db, city, operator, supervisor) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    due = db.clock.now() + timedelta(days=3)
    row = svc.report(operator, call(city, hotline_number="GD20261125001", hotline_due_at=due,
                                    call_answer="已告知垃圾清运时间为每日早七点"))
    assert row.status == CaseStatus.CLOSED and row.closed_at == db.clock.now()
    detail = svc.detail(supervisor, row.id)
    assert detail.hotline is not None and detail.hotline.number == "GD20261125001"
    assert detail.hotline.due_at == due and detail.hotline.call_answer == "已告知垃圾清运时间为每日早七点"
    assert [h.action for h in detail.history] == ["report", "answer_on_call"]
    assert detail.history[-1].note == "已告知垃圾清运时间为每日早七点"
    with pytest.raises(WorkOrderTaken) as again:  # the hotline sent the same work order twice
        svc.report(operator, call(city, hotline_number="GD20261125001"))
    assert again.value.field == "hotline_number"
    from commandcenter.labels import describe_error
    assert describe_error(again.value) == ("Work order GD20261125001 is already case 20261125-00001: open that case "
                                           "instead of registering the order again.")


def test_the_reply_to_the_hotline_is_recorded_at_closure(db, city, operator, supervisor) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    row = svc.report(operator, call(city, hotline_number="GD20261125002"), register=True)
    for action, params in ((Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0])),
                           (Action.ACCEPT, None), (Action.FEED_BACK, TransitionParams(note="已清理"))):
        row = svc.perform(operator, row.id, action, params)
    svc.perform(supervisor, row.id, Action.CLOSE, TransitionParams(reply="杂物已清理，消防通道畅通"))
    assert svc.detail(supervisor, row.id).hotline.reply == "杂物已清理，消防通道畅通"


def test_the_cases_export_carries_the_work_order_masked_for_an_operator(db, city, operator, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from commandcenter.services.exports import ExportService

    from .test_exports import as_dicts
    CaseService(db).report(operator, call(city, hotline_number="GD-9", call_answer="请致电13812345678咨询"))
    [row] = as_dicts(ExportService(db).cases(operator, tmp_path / "cases.csv").path)
    assert (row["hotline_number"], row["call_answer"]) == ("GD-9", "请致电138****5678咨询")


def test_register_and_dispatch_leaves_a_call_answered_on_the_spot_closed(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    from commandcenter.services.facade.reference import ReferenceService
    from commandcenter.services.quick_intake import report_and_dispatch

    done = report_and_dispatch(CaseService(db), ReferenceService(db), operator, call(city, call_answer="已答复"))
    assert done.row.status == CaseStatus.CLOSED and done.handler is None
