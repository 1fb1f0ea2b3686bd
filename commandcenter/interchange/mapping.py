"""The service list: which `service_code` stands for which minor category.

An administrator keeps it by importing a services file (`import open311-services`), the same
list `export open311-services` writes; `--template` writes every minor category under its own
code as a starting point to edit. Codes are only ever looked up here: a request with a code
missing from the list is refused, never matched to a category by likeness.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, aliased

from ..db import Database
from ..domain.actions import Action
from ..i18n import QT_TRANSLATE_NOOP as N
from ..models import Category, Open311Service
from ..services.auth import Principal, authorize
from ..services.imports.reading import (
    RECORD,
    ImportResult,
    Problems,
    check_length,
    load_json,
    read_text,
    reject,
    shown,
    tr,
)
from ..services.lifecycle import write_audit
from . import georeport


@dataclass(frozen=True)
class ServiceEntry:
    """One service as services.json lists it."""

    code: str
    name: str
    description: str
    group: str  # the major class's name
    category_id: int
    category_code: str

    def as_json(self) -> dict[str, Any]:
        return georeport.service(self.code, self.name, self.description, self.group, self.category_code)


def _entries(s: Session, *, template: bool = False) -> list[ServiceEntry]:
    major = aliased(Category)
    if template:  # every minor category under its own code and English name
        rows = s.execute(select(Category.code, Category.name_en, Category.name_zh, major.name_en, Category.id,
                                Category.code)
                         .join(major, major.id == Category.parent_id).where(Category.level == 2)
                         .order_by(Category.code)).all()
    else:
        rows = s.execute(select(Open311Service.service_code, Open311Service.service_name,
                                Open311Service.description, major.name_en, Category.id, Category.code)
                         .join(Category, Category.id == Open311Service.category_id)
                         .join(major, major.id == Category.parent_id)
                         .order_by(Open311Service.service_code)).all()
    return [ServiceEntry(*row) for row in rows]


def service_list(db: Database, principal: Principal, *, template: bool = False) -> list[ServiceEntry]:
    """The services offered (or, with `template`, every minor category as a service to edit)."""
    authorize(db, principal, Action.VIEW)
    with db.read() as s:
        return _entries(s, template=template)


def codes(s: Session) -> dict[str, ServiceEntry]:
    """service_code → entry, for intake and imports."""
    return {e.code: e for e in _entries(s)}


def import_services(db: Database, path: str | Path, principal: Principal) -> ImportResult:
    """Replace the service list with a services.json file (entries need service_code,
    service_name and our category_code); all or nothing, problems named by record."""
    authorize(db, principal, Action.IMPORT_DATA)
    path = Path(path)
    text, encoding = read_text(path)
    data = load_json(path, text)
    if not isinstance(data, list) or not data:
        raise reject(path, tr(N("imports", "expected a non-empty JSON list of services")))
    problems = Problems(path)
    with db.read() as s:
        categories = dict(s.execute(select(Category.code, Category.id).where(Category.level == 2)).all())
        before = {e.code: e for e in _entries(s)}
    rows: dict[str, tuple[int, str, str]] = {}
    used: set[int] = set()
    for n, rec in enumerate(data, start=1):
        where = tr(RECORD).format(n=n)
        if not isinstance(rec, dict):
            problems.add(where, tr(N("imports", "a record must be a JSON object")))
            continue
        code, name, cat = (rec.get(k) for k in ("service_code", "service_name", "category_code"))
        description = rec.get("description") or ""
        if not isinstance(code, str) or not code.strip():
            problems.add(where, tr(N("imports", "service_code is missing")))
            continue
        code = code.strip()
        if not isinstance(name, str) or not name.strip():
            problems.add(where, tr(N("imports", "service_name is missing")))
        if not isinstance(description, str):
            problems.add(where, tr(N("imports", "description must be text")))
        if not isinstance(cat, str) or cat not in categories:
            problems.add(where, tr(N("imports", "category_code {value} is not a minor category")).format(
                value=shown(cat)))
        elif categories[cat] in used:
            problems.add(where, tr(N("imports", "category {value} is mapped twice")).format(value=cat))
        if code in rows:
            problems.add(where, tr(N("imports", "service_code {value} appears twice")).format(value=code))
        check_length(problems, where, "service_code", code, Open311Service.service_code)
        if isinstance(name, str):
            check_length(problems, where, "service_name", name.strip(), Open311Service.service_name)
        if isinstance(name, str) and isinstance(cat, str) and cat in categories and isinstance(description, str):
            used.add(categories[cat])
            rows[code] = (categories[cat], name.strip(), description.strip())
    problems.raise_if_any()
    unchanged = sum(1 for code, (cid, name, desc) in rows.items()
                    if code in before and (before[code].category_id, before[code].name, before[code].description)
                    == (cid, name, desc))
    now = db.clock.now()
    with db.unit_of_work() as s:
        s.execute(delete(Open311Service))
        s.flush()
        s.add_all(Open311Service(service_code=code, category_id=cid, service_name=name, description=desc)
                  for code, (cid, name, desc) in rows.items())
        write_audit(s, principal, now, "import_open311_services", "open311_service", None,
                    {"file": path.name, "services": len(rows), "removed": len(set(before) - set(rows))})
    created = sum(1 for code in rows if code not in before)
    return ImportResult("open311-services", str(path), encoding, created, len(rows) - created - unchanged,
                        unchanged)
