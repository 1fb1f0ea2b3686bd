"""Hostile strings in every free-text field: SQL fragments, markup, very long text, control
characters, right-to-left marks, emoji and NUL are stored and shown exactly as typed, or refused
with a typed validation error (a column limit, a NUL nothing can store); never executed, never
read as markup, never breaking the layout."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QCoreApplication, QSize, Qt
from sqlalchemy import func, select

from commandcenter.app import build_window
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.errors import ImportRejected, TextHasNul, TextTooLong
from commandcenter.gui.tasks import SynchronousRunner
from commandcenter.itemmodels.wall import COLUMN_INDEX
from commandcenter.labels import describe_error
from commandcenter.models import Case, CaseHistory, Handover, HandoverItem, Officer
from commandcenter.services.auth import demo_principal
from commandcenter.services.handover import HandoverService, ItemInput
from commandcenter.services.imports import import_officers
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.shapes.cases import NewCase

from .factories import grid_centre

HOSTILE = {
    "sql": "'; DROP TABLE case_record; --",
    "markup": "<b>粗体</b><img src='file:///etc/passwd'> &amp; <script>alert(1)</script>",
    "control": "a\x07b\x1b[31mc\td\r\ne\x7ff",
    "rtl": "\u202e8021号\u202c 路 \u200f",
    "emoji": "🚒🔥👩‍🚒 火警",
    "nul": "x\x00y",
    "long": "长" * 10_000,
}


def expected(value: str, limit: int) -> type[Exception] | None:
    """What the services must do with `value` in a field of `limit` characters."""
    if "\x00" in value:
        return TextHasNul
    if len(value) > limit:
        return TextTooLong
    return None


def report(db, city, operator, **fields: str):  # type: ignore[no-untyped-def]
    lon, lat = grid_centre(0)
    values = {"description": "路灯不亮"} | fields
    return CaseService(db).report(operator, NewCase(
        source=SourceChannel.HOTLINE_12345, category_id=city.category_id, priority=Priority.NORMAL,
        lon=lon, lat=lat, **values))


@pytest.mark.parametrize("kind", HOSTILE)
@pytest.mark.parametrize(("field", "limit"), [
    ("description", 2000), ("address", 200), ("reporter_name", 60), ("reporter_phone", 20)])
def test_intake_stores_every_field_verbatim_or_refuses_it(db, city, operator, field, limit, kind) -> None:  # type: ignore[no-untyped-def]
    value = HOSTILE[kind]
    refusal = expected(value, limit)
    if refusal is not None:
        with pytest.raises(refusal) as refused:
            report(db, city, operator, **{field: value})
        assert refused.value.field == field and describe_error(refused.value)
    else:
        row = report(db, city, operator, **{field: value})
        with db.read() as s:
            assert s.scalar(select(getattr(Case, field)).where(Case.id == row.id)) == value
    with db.read() as s:  # never executed: the table is there, with what was accepted
        assert s.scalar(select(func.count()).select_from(Case)) == (0 if refusal else 1)


@pytest.mark.parametrize("kind", HOSTILE)
def test_an_action_note_is_stored_verbatim_or_refused(db, city, operator, kind) -> None:  # type: ignore[no-untyped-def]
    value = HOSTILE[kind]
    row = report(db, city, operator)
    svc = CaseService(db)
    refusal = expected(value, 2000)
    if refusal is not None:
        with pytest.raises(refusal):
            svc.perform(operator, row.id, Action.REGISTER, TransitionParams(note=value))
        assert svc.row(demo_principal(svc.db, "supervisor"), row.id).status == "reported"
        return
    svc.perform(operator, row.id, Action.REGISTER, TransitionParams(note=value))
    with db.read() as s:
        assert s.scalar(select(CaseHistory.note).where(CaseHistory.case_id == row.id,
                                                       CaseHistory.action == "register")) == value


@pytest.mark.parametrize("kind", HOSTILE)
def test_handover_notes_and_items_are_stored_verbatim_or_refused(db, city, operator, kind) -> None:  # type: ignore[no-untyped-def]
    value = HOSTILE[kind]
    svc = HandoverService(db)
    draft = svc.open_draft(operator)
    item_refusal = expected(value, 500)
    if item_refusal is not None:
        with pytest.raises(item_refusal):
            svc.save(operator, draft.id, "ok", [ItemInput(value)], draft.version)
    notes_refusal = expected(value, 8000)
    if notes_refusal is not None:
        with pytest.raises(notes_refusal):
            svc.save(operator, draft.id, value, [], draft.version)
        return
    saved = svc.save(operator, draft.id, value, [ItemInput(value)] if item_refusal is None else [], draft.version)
    with db.read() as s:
        assert s.scalar(select(Handover.notes).where(Handover.id == saved.id)) == value
        assert s.scalars(select(HandoverItem.text).where(HandoverItem.handover_id == saved.id)).all() == (
            [value] if item_refusal is None else [])


@pytest.mark.parametrize("kind", HOSTILE)
def test_an_imported_officer_name_is_stored_verbatim_or_the_file_refused(db, city, tmp_path, kind) -> None:  # type: ignore[no-untyped-def]
    value = HOSTILE[kind]
    path = tmp_path / "officers.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["employee_no", "name", "phone", "grid_codes", "duty_status"])
        writer.writerow(["PT000099", value, "13800000099", "35030200100101", "on_duty"])
    with db.read() as s:
        limit = Officer.__table__.c.name.type.length
    if "\x00" in value or len(value.strip()) > limit:
        with pytest.raises(ImportRejected):
            import_officers(db, path)
        with db.read() as s:
            assert s.scalar(select(Officer.id).where(Officer.employee_no == "PT000099")) is None
        return
    import_officers(db, path)
    with db.read() as s:
        assert s.scalar(select(Officer.name).where(Officer.employee_no == "PT000099")) == value.strip()


# ---- on screen ----------------------------------------------------------------------------
def test_hostile_cases_show_verbatim_on_one_line_without_widening_the_window(qtbot, windows, db, city, operator) -> None:  # type: ignore[no-untyped-def]
    shown = {kind: v for kind, v in HOSTILE.items() if expected(v, 200) is None}
    ids = {kind: report(db, city, operator, address=v, description=v, reporter_name=v[:60]).id
           for kind, v in shown.items()}
    ids["unbroken"] = report(db, city, operator, address="路" * 200, description="述" * 2000).id
    plain = report(db, city, operator, address="梅园路", description="路灯不亮").id
    window = build_window(db, "supervisor", runner=SynchronousRunner())  # reads personal data in clear
    windows.append(window)
    window.resize(1500, 850)
    window.show()
    qtbot.waitExposed(window)
    wall = window.screen("wall")
    table, model = wall.table, wall.table.model()
    qtbot.waitUntil(lambda: model.rowCount() == len(ids) + 1, timeout=3000)
    column, panel = COLUMN_INDEX["location"], wall.detail
    rows = {model.index(r, 0).data(Qt.ItemDataRole.DisplayRole): r for r in range(model.rowCount())}
    heights = {table.rowHeight(r) for r in range(model.rowCount())}
    assert heights == {table.verticalHeader().defaultSectionSize()}  # every row one line high
    for kind, case_id in ids.items():
        number = CaseService(db).row(demo_principal(db, "supervisor"), case_id).case_number
        if kind in shown:
            assert model.index(rows[number], column).data(Qt.ItemDataRole.DisplayRole) == shown[kind]
        wall.select_case(case_id)
        qtbot.waitUntil(lambda c=case_id: panel.detail is not None and panel.detail.row.id == c, timeout=3000)
        if kind in shown:
            assert panel.description_label.text() == shown[kind]  # as typed: markup stays text
            assert panel.values["address"].text() == shown[kind]
            assert panel.description_label.textFormat() == Qt.TextFormat.PlainText
        QCoreApplication.processEvents()
        assert window.grab().size() == QSize(1500, 850)  # the window did not grow to fit
        assert panel.width() < window.width()
    wall.select_case(plain)
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.row.id == plain, timeout=3000)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == len(ids) + 1
