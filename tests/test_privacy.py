"""Personal data: the masking rules, who reads what through the services, the audited reveal,
and masked output in a briefing PDF, the scripting API's export and error messages."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from commandcenter import api
from commandcenter.cli import main
from commandcenter.domain.actions import DEFAULT_PERMISSIONS, Action
from commandcenter.domain.enums import Priority, ReporterPrivacy, Role, SourceChannel
from commandcenter.domain.privacy import (
    PersonalField,
    mask_address,
    mask_name,
    mask_phone,
    mask_phones_in_text,
)
from commandcenter.errors import PermissionDenied, ValidationError
from commandcenter.models import AuditEntry, Case, Handover, RolePermission
from commandcenter.services.auth import demo_principal
from commandcenter.services.briefings import issue_briefing
from commandcenter.services.handover import HandoverService, ItemInput
from commandcenter.services.handover_print import print_handover
from commandcenter.services.lifecycle import CaseService
from commandcenter.services.personal_data import detail_for, reveal
from commandcenter.services.roster import officer_rows
from commandcenter.services.wall import WallScope, load_wall, rows_by_ids
from commandcenter.shapes.cases import NewCase

from .day_of_cases import DAY, scenario_database
from .factories import db_argument, grid_centre

ADDRESS = "荔城中大道1234号阳光小区3栋2单元501室"
MASKED_ADDRESS = "荔城中大道*号阳光小区*栋*单元*室"


# ---- the rules ----------------------------------------------------------------------------
@pytest.mark.parametrize(("phone", "masked"), [
    ("13812345678", "138****5678"),
    ("+86 138 1234 5678", "+86 138 **** 5678"),
    ("138-1234-5678", "138-****-5678"),
    ("0594-2345678", "0594-***5678"),  # landline: the area code stays
    ("010-12345678", "010-****5678"),
    ("2345678", "****678"),  # a local number without its area code
    ("12345", "12345"),  # public service numbers name nobody
    ("110", "110"),
    ("", ""),
])
def test_phones_keep_their_first_three_and_last_four_digits(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked


@pytest.mark.parametrize(("name", "masked"), [
    ("刘洋", "刘*"),
    ("刘德华", "刘**"),
    ("欧阳娜娜", "欧阳**"),  # a compound surname stays whole
    ("欧阳", "欧*"),  # ... unless it is the whole name
    ("阿依古丽·买买提", "阿***·***"),
    ("王先生", "王先生"),  # a surname with a form of address names nobody
    ("John Doe", "J*** D**"),
    ("O'Brien", "O'*****"),
    ("", ""),
])
def test_names_keep_the_surname_or_the_initials(name: str, masked: str) -> None:
    assert mask_name(name) == masked


@pytest.mark.parametrize(("address", "masked"), [
    (ADDRESS, MASKED_ADDRESS),
    ("梅园路128号对面", "梅园路*号对面"),
    ("东岩社区三号楼", "东岩社区*号楼"),
    ("12 Baker Street, Flat 3", "* Baker Street, Flat *"),
    ("拱辰街道", "拱辰街道"),
])
def test_addresses_keep_the_road_and_compound_and_lose_every_number(address: str, masked: str) -> None:
    assert mask_address(address) == masked


def test_phones_inside_free_text_are_masked_and_case_numbers_are_not() -> None:
    text = "回电刘先生 13812345678，案件20261125-00042，座机0594-2345678，15:30前"
    assert mask_phones_in_text(text) == "回电刘先生 138****5678，案件20261125-00042，座机0594-***5678，15:30前"


def test_the_default_rights() -> None:
    sees = {role for role, actions in DEFAULT_PERMISSIONS.items() if Action.VIEW_PERSONAL_DATA in actions}
    reveals = {role for role, actions in DEFAULT_PERMISSIONS.items() if Action.REVEAL_PERSONAL_DATA in actions}
    assert sees == {Role.SUPERVISOR, Role.ADMIN}
    assert Role.OPERATOR in reveals and Role.TRAINER not in reveals and Role.TRAINER not in sees


# ---- through the services -----------------------------------------------------------------
def a_case(db, city, operator):  # type: ignore[no-untyped-def]
    lon, lat = grid_centre(0)
    return CaseService(db).report(operator, NewCase(
        source=SourceChannel.HOTLINE_12345, category_id=city.category_id, priority=Priority.NORMAL,
        description="楼道堆放杂物", lon=lon, lat=lat, address=ADDRESS, reporter_name="刘德华",
        reporter_phone="13812345678"))


def test_an_operator_reads_a_case_masked_and_a_supervisor_in_clear(db, city, operator, supervisor, trainer) -> None:  # type: ignore[no-untyped-def]
    row = a_case(db, city, operator)
    svc = CaseService(db)
    for viewer in (operator, trainer):
        d = svc.detail(viewer, row.id)
        assert (d.reporter_name, d.reporter_phone, d.row.address, d.personal_masked) == (
            "刘**", "138****5678", MASKED_ADDRESS, True)
    assert detail_for(db, None, svc.detail(supervisor, row.id)).reporter_phone == "138****5678"  # nobody named
    d = svc.detail(supervisor, row.id)
    assert (d.reporter_name, d.reporter_phone, d.row.address, d.personal_masked) == (
        "刘德华", "13812345678", ADDRESS, False)
    assert d.row.description == "楼道堆放杂物"  # the case's content is not personal data


def test_the_wall_masks_addresses_for_an_operator(db, city, operator, supervisor) -> None:  # type: ignore[no-untyped-def]
    row = a_case(db, city, operator)
    scope = WallScope(centre_ids=operator.centre_ids)
    assert [r.address for r in load_wall(db, scope, operator).rows] == [MASKED_ADDRESS]
    assert [r.address for r in rows_by_ids(db, [row.id], operator)] == [MASKED_ADDRESS]
    assert [r.address for r in load_wall(db, scope, supervisor).rows] == [ADDRESS]


def test_the_roster_masks_officers_phones_for_an_operator(db, city, operator, supervisor) -> None:  # type: ignore[no-untyped-def]
    assert [r.phone for r in officer_rows(db, None, operator)] == ["138****0000", "138****0001", "138****0002"]
    assert [r.phone for r in officer_rows(db, None, supervisor)] == ["13800000000", "13800000001", "13800000002"]


def test_the_scripting_api_exports_masked_for_an_operator(db, city, operator, supervisor) -> None:  # type: ignore[no-untyped-def]
    row = a_case(db, city, operator)
    as_operator, as_supervisor = api.ScriptSession(db, operator), api.ScriptSession(db, supervisor)
    assert [c.address for c in as_operator.cases()] == [MASKED_ADDRESS]
    assert as_operator.case(row.case_number).address == MASKED_ADDRESS
    assert as_operator.act(row.case_number, "register").address == MASKED_ADDRESS
    assert as_supervisor.case(row.case_number).address == ADDRESS


def reveals(db):  # type: ignore[no-untyped-def]
    with db.read() as s:
        return [(e.actor, e.entity, e.entity_id, json.loads(e.detail)) for e in s.scalars(
            select(AuditEntry).where(AuditEntry.action == Action.REVEAL_PERSONAL_DATA.value).order_by(AuditEntry.id))]


def test_a_reveal_returns_the_clear_value_and_is_audited(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    row = a_case(db, city, operator)
    assert reveal(db, operator, row.id, PersonalField.REPORTER_PHONE, " calling the reporter back ") == "13812345678"
    assert reveal(db, operator, row.id, "address", "sending an officer") == ADDRESS
    assert reveals(db) == [
        ("operator", "case", row.id, {"case_number": row.case_number, "field": "reporter_phone",
                                      "reason": "calling the reporter back"}),
        ("operator", "case", row.id, {"case_number": row.case_number, "field": "address",
                                      "reason": "sending an officer"}),
    ]


def test_a_confidential_reporter_is_revealed_to_nobody(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    lon, lat = grid_centre(0)
    row = CaseService(db).report(operator, NewCase(
        source=SourceChannel.HOTLINE_12345, category_id=city.category_id, priority=Priority.NORMAL,
        description="楼道堆放杂物", lon=lon, lat=lat, address=ADDRESS, reporter_name="刘德华",
        reporter_phone="13812345678", reporter_privacy=ReporterPrivacy.CONFIDENTIAL))
    assert reveal(db, operator, row.id, PersonalField.REPORTER_PHONE, "calling back") == ""
    assert reveal(db, operator, row.id, PersonalField.ADDRESS, "sending an officer") == ADDRESS


def test_a_reveal_needs_a_reason_and_the_right(db, city, operator, trainer) -> None:  # type: ignore[no-untyped-def]
    row = a_case(db, city, operator)
    with pytest.raises(ValidationError) as missing:
        reveal(db, operator, row.id, PersonalField.REPORTER_NAME, "   ")
    assert missing.value.field == "reason"
    with pytest.raises(PermissionDenied):
        reveal(db, trainer, row.id, PersonalField.REPORTER_NAME, "curious")
    with db.unit_of_work() as s:  # an administrator revokes the operators' right: refused at the next reveal
        s.execute(RolePermission.__table__.delete().where(
            RolePermission.role == "operator", RolePermission.action == Action.REVEAL_PERSONAL_DATA.value))
    with pytest.raises(PermissionDenied):
        reveal(db, operator, row.id, PersonalField.REPORTER_NAME, "calling back")
    assert reveals(db) == []


def test_a_database_error_message_never_carries_the_values(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    """What a failed statement says reaches the log: the phone it tried to write must not."""
    row = a_case(db, city, operator)
    with pytest.raises(IntegrityError) as failed, db.unit_of_work() as s:
        s.execute(insert(Case.__table__).values(
            id=row.id, centre_id=row.centre_id, case_number=row.case_number, reporter_phone="13912345678"))
    assert "13912345678" not in str(failed.value) and "parameters hidden" in str(failed.value)


def test_a_refused_import_prints_and_logs_the_mistyped_phone_masked(db, city, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    officers = tmp_path / "officers.csv"
    officers.write_text("employee_no,name,phone,grid_codes,duty_status\n"
                        "PT000099,刘德华,1381234567x,35030200100101,on_duty\n", encoding="utf-8")
    db.dispose()
    assert main(["import", "officers", "--db", db_argument(db), str(officers)]) == 2
    err = capsys.readouterr().err
    assert "'*******567x' is not a phone number" in err and "1381234567" not in err
    logging.getLogger("commandcenter.test").warning("call back 13812345678 about 20261125-00042")
    # the process's one log file (set up by the first command a test ran)
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_commandcenter", False))
    log = Path(handler.baseFilename).read_text(encoding="utf-8")
    assert "1381234567" not in log and "138****5678 about 20261125-00042" in log


def test_a_handover_record_printed_by_an_operator_masks_phones_in_its_notes_and_items(db, city, operator, supervisor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    svc = HandoverService(db)
    draft = svc.open_draft(operator)
    svc.save(operator, draft.id, "刘先生 13812345678 反映楼道堆物", [ItemInput("回电 0594-2345678")], draft.version)
    masked = pdf_text(print_handover(db, operator, draft.id, folder=tmp_path / "op", lang="zh_CN"))
    clear = pdf_text(print_handover(db, supervisor, draft.id, folder=tmp_path / "sup", lang="zh_CN"))
    assert "138****5678" in masked and "0594-***5678" in masked
    assert "13812345678" not in masked and "2345678" not in masked
    assert "13812345678" in clear and "0594-2345678" in clear


# ---- a briefing PDF -----------------------------------------------------------------------
@pytest.fixture
def scenario(tmp_path_factory, tmp_path):  # type: ignore[no-untyped-def]
    db, clock, sc = scenario_database(tmp_path_factory, tmp_path)
    yield db, clock, sc
    db.dispose()


def pdf_text(path) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_a_briefing_printed_without_the_right_masks_phones_in_handover_notes(scenario, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, _clock, sc = scenario
    with db.unit_of_work() as s:
        s.execute(update(Handover).where(Handover.id == sc.handover_id).values(notes="回电刘先生 13812345678 确认结果"))
        # an administrator lets operators print briefings, not see personal data
        s.add(RolePermission(role="operator", action=Action.PRINT_BRIEFING.value))
    operator, supervisor = demo_principal(db, "operator"), demo_principal(db, "supervisor")
    issue_briefing(db, operator, centre_id=sc.centre_id, day=DAY, out=tmp_path / "operator.pdf")
    issue_briefing(db, supervisor, centre_id=sc.centre_id, day=DAY, out=tmp_path / "supervisor.pdf")
    masked, clear = pdf_text(tmp_path / "operator.pdf"), pdf_text(tmp_path / "supervisor.pdf")
    assert "138****5678" in masked and "13812345678" not in masked
    assert "13812345678" in clear
