"""A finding's subject in words: a place's or a unit's name, an address, a masked phone number.

Stored as text on the warning; an address is masked again at reading for a principal who may
not see personal data (the service does that), a phone number is stored masked: a warning
never needs it in clear, the case it names has it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.privacy import mask_phone
from ...domain.warnings import Finding
from ...models import Case, CaseReporter, Community, Department, Grid, Street
from .facts import phone_key

_TABLES = {"grid": Grid, "community": Community, "street": Street, "department": Department}


def subjects(s: Session, findings: Sequence[Finding]) -> list[str]:
    wanted: dict[str, set[int]] = defaultdict(set)
    for f in findings:
        level, ref = f.subject
        if level in _TABLES or level == "caller":
            wanted[level].add(int(ref))
    names: dict[tuple[str, int], str] = {}
    phones: dict[tuple[int, str], str] = {}
    for level, ids in wanted.items():
        if level == "caller":
            rows = s.execute(select(Case.id, Case.reporter_phone).where(Case.id.in_(ids))).all()
            further = s.execute(select(CaseReporter.case_id, CaseReporter.phone)
                                .where(CaseReporter.case_id.in_(ids), CaseReporter.phone != "")).all()
            for i, p in [*rows, *further]:  # the case's own reporter, or the further caller the key names
                if p:
                    phones[(i, phone_key(p))] = p
            names.update({("caller", i): mask_phone(p or "") for i, p in rows})
        else:
            model = _TABLES[level]
            rows = s.execute(select(model.id, model.name).where(model.id.in_(ids))).all()
            names.update({(level, i): n for i, n in rows})
    out = []
    for f in findings:
        level, ref = f.subject
        if level == "caller":  # key "repeat_caller:<caller>:<major>"
            phone = phones.get((int(ref), f.key.split(":")[1]))
            if phone is not None:
                out.append(mask_phone(phone))
                continue
        out.append(str(ref) if level == "address" else names.get((level, int(ref)), f"{level} {ref}"))
    return out
