"""Who sees personal data in clear, what everyone else sees, and the audited reveal of one field.

Residents' names, phones and exact addresses, and officers' phones, leave the services masked
(rules in `domain/privacy`) unless the viewer's role holds `Action.VIEW_PERSONAL_DATA`. Reading
functions take the viewer and default to masking: a caller that forgets to say who is looking
gets the masked value, never the clear one. An operator who must call a reporter back reveals
that one field of that one case with a reason (`reveal`), which the audit trail keeps.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import select

from ..db import Database
from ..domain.actions import Action
from ..domain.enums import ReporterPrivacy
from ..domain.privacy import PersonalField, mask_address, mask_name, mask_phone, mask_phones_in_text
from ..errors import NotFound
from ..models import AuditEntry, Case
from ..shapes.cases import CaseDetail, CaseRow
from . import audit
from .auth import authorize, can
from .validation import clean_text

if TYPE_CHECKING:
    from ..shapes.briefing import BriefingData
    from .auth import Principal
    from .handover import HandoverRecord
    from .roster import OfficerRow

REASON_MAX_CHARS = 200  # one sentence for the audit trail: "calling back about the blocked exit"
_COLUMNS = {
    PersonalField.REPORTER_NAME: Case.reporter_name,
    PersonalField.REPORTER_PHONE: Case.reporter_phone,
    PersonalField.ADDRESS: Case.address,
}


def sees_personal_data(db: Database, viewer: Principal | None) -> bool:
    """Whether `viewer` reads personal data in clear; None (nobody said who) does not."""
    return viewer is not None and can(db, viewer, Action.VIEW_PERSONAL_DATA)


def masked_row(row: CaseRow) -> CaseRow:
    return row._replace(address=mask_address(row.address))


def rows_for(db: Database, viewer: Principal | None, rows: list[CaseRow]) -> list[CaseRow]:
    """Case rows as `viewer` may see them (the wall's address column)."""
    if sees_personal_data(db, viewer):
        return rows
    return [masked_row(r) for r in rows]


def detail_for(db: Database, viewer: Principal | None, detail: CaseDetail) -> CaseDetail:
    """A case's detail as `viewer` may see it; masked ones say so (`personal_masked`)."""
    if sees_personal_data(db, viewer):
        return detail
    return replace(
        detail,
        row=masked_row(detail.row),
        reporter_name=mask_name(detail.reporter_name),
        reporter_phone=mask_phone(detail.reporter_phone),
        reporters=tuple(r.masked() for r in detail.reporters),
        personal_masked=True,
    )


def officers_for(db: Database, viewer: Principal | None, rows: Iterable[OfficerRow]) -> list[OfficerRow]:
    """Roster rows as `viewer` may see them: officers' phones masked without the right."""
    rows = list(rows)
    if sees_personal_data(db, viewer):
        return rows
    return [replace(r, phone=mask_phone(r.phone)) for r in rows]


def briefing_for(db: Database, viewer: Principal | None, data: BriefingData) -> BriefingData:
    """A briefing's data as `viewer` may print it: phone numbers inside handover notes and
    pending items masked (call-backs are written there with the resident's number)."""
    if sees_personal_data(db, viewer):
        return data
    handovers = tuple(
        replace(h, notes=mask_phones_in_text(h.notes),
                items=tuple((mask_phones_in_text(text), *rest) for text, *rest in h.items))
        for h in data.handovers
    )
    return replace(data, handovers=handovers)


def handover_for(db: Database, viewer: Principal | None, record: HandoverRecord) -> HandoverRecord:
    """A handover record as `viewer` may print it: phone numbers in its notes and pending items masked."""
    if sees_personal_data(db, viewer):
        return record
    items = tuple(replace(i, text=mask_phones_in_text(i.text)) for i in record.items)
    return replace(record, notes=mask_phones_in_text(record.notes), items=items)


def reveal(db: Database, viewer: Principal, case_id: int, field: PersonalField | str, reason: str) -> str:
    """The clear value of one personal field of one case, written to the audit trail with why.

    Needs `Action.REVEAL_PERSONAL_DATA` on a case of the viewer's centres (a refusal is audited
    too); the reason is required. The reveal and its audit entry are one transaction: no clear
    value leaves without its entry.
    """
    chosen = PersonalField(field)
    with db.read() as s:
        centre_id = s.scalar(select(Case.centre_id).where(Case.id == case_id))
    if centre_id is None:
        raise NotFound("case", case_id)
    authorize(db, viewer, Action.REVEAL_PERSONAL_DATA, centre_id=centre_id)
    why = clean_text(reason, "reason", column=AuditEntry.detail, limit=REASON_MAX_CHARS, required=True)
    now = db.clock.now()
    with db.unit_of_work() as s:
        row = s.execute(select(_COLUMNS[chosen], Case.case_number, Case.reporter_privacy)
                        .where(Case.id == case_id)).one()
        # an anonymous or confidential reporter is named to nobody, by reveal neither
        hidden = chosen is not PersonalField.ADDRESS and row.reporter_privacy != ReporterPrivacy.NAMED
        audit.append(s, viewer, Action.REVEAL_PERSONAL_DATA.value, "case", case_id,
                     {"case_number": row.case_number, "field": chosen.value, "reason": why}, at=now)
        return "" if hidden else str(row[0])
