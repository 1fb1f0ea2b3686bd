"""Finding any case of any age by number, text, address, phone, grid, handler, status or period
(`ctx.search`).

The wall holds only open and recent cases; this reaches every case of the principal's centres
through the indexes migration 0017 made, never a scan of a year of cases: on SQLite the FTS5
trigram table `case_search` (substring matching, so Chinese needs no word segmentation), on
PostgreSQL pg_trgm GIN indexes over the same text. A trigram index cannot look up a term of one
or two characters; such a term is checked on the rows the other terms and filters leave.

A phone is matched by its digits ("0594-234 5678" finds 05942345678) and shown as the viewer may
see it: an operator finds a repeat caller's cases without reading the number.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Select, and_, column, func, literal_column, or_, select, table

from ..domain.enums import CaseStatus
from ..domain.privacy import mask_phone, mask_phones_in_text
from ..errors import ValidationError
from ..models import Case, Department, Grid, Officer, to_epoch
from ..shapes.search import SearchHit, SearchQuery, SearchResult
from .auth import Principal
from .case_queries import case_rows
from .facade.base import ServiceBase
from .personal_data import masked_row, sees_personal_data

MAX_LIMIT = 5000
TRIGRAM = 3  # the shortest term an index can look up
_PHONE_TERM = re.compile(r"^\+?[\d\-\s().]{5,}$")
_DIGITS = re.compile(r"\D")
_CASE_NUMBER = re.compile(r"^\d{8}-\d{1,5}$")
_SPACED_DIGITS = re.compile(r"(?<=\d)\s+(?=\d)")
# the exact expressions 0017 indexed on PostgreSQL: the planner uses an index only for its own expression
_PG_TEXT = literal_column("(case_record.case_number || ' ' || case_record.description || ' ' || case_record.address)")
_PG_PHONE = literal_column("regexp_replace(case_record.reporter_phone, '[^0-9]', '', 'g')")
_FTS = table("case_search", column("rowid"))


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _phone_digits(term: str) -> str | None:
    """The digits of a term that reads as a phone number (at least five digits, separators
    allowed), else None; a case number is not a phone."""
    if _CASE_NUMBER.match(term) or not _PHONE_TERM.match(term):
        return None
    return _DIGITS.sub("", term)


def _terms(text: str) -> list[str]:
    """The terms of a query; digits separated only by spaces are one number ("0594 234 5678")."""
    return _SPACED_DIGITS.sub("", text).split()


class SearchService(ServiceBase):
    """The search screen's and `commandcenter search`'s one query."""

    def search(self, principal: Principal, query: SearchQuery) -> SearchResult:
        """The newest `query.limit` cases of the principal's centres that match, and the count of all."""
        self.allow(principal)
        if not 1 <= query.limit <= MAX_LIMIT:
            raise ValidationError(f"limit must be between 1 and {MAX_LIMIT}", field="limit")
        for status in query.statuses:
            if status not in {s.value for s in CaseStatus}:
                raise ValidationError(f"unknown status {status!r}", field="status")
        for moment in (query.reported_from, query.reported_to):
            if moment is not None and moment.tzinfo is None:
                raise ValidationError("a period needs aware datetimes", field="period")
        where = [Case.centre_id.in_(principal.centre_ids), *self._filters(query), *self._text(query.text)]
        with self.db.read() as s:
            total = int(s.scalar(select(func.count()).select_from(Case).where(*where)) or 0)
            ids = list(s.scalars(self._newest(where, query.limit)))
            rows = case_rows(s, Case.id.in_(ids)) if ids else []
            phones = {r[0]: r[1] for r in s.execute(select(Case.id, Case.reporter_phone).where(Case.id.in_(ids)))}
        clear = sees_personal_data(self.db, principal)
        shown = rows if clear else [masked_row(r)._replace(description=mask_phones_in_text(r.description))
                                    for r in rows]
        hits = tuple(SearchHit(row, phones[row.id] if clear else mask_phone(phones[row.id])) for row in shown)
        return SearchResult(hits=hits, total=total, limit=query.limit)

    def _newest(self, where: list[ColumnElement[bool]], limit: int) -> Select[tuple[int]]:
        return select(Case.id).where(*where).order_by(Case.reported_at.desc(), Case.id.desc()).limit(limit)

    def _filters(self, query: SearchQuery) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if query.grid_code.strip():
            grids = select(Grid.id).where(Grid.code.like(query.grid_code.strip().replace("%", "") + "%"))
            where.append(Case.grid_id.in_(grids))
        if query.officer.strip():
            where.append(Case.assignee_officer_id.in_(
                select(Officer.id).where(Officer.employee_no == query.officer.strip())))
        if query.department.strip():
            where.append(Case.assignee_department_id.in_(
                select(Department.id).where(Department.code == query.department.strip())))
        if query.statuses:
            where.append(Case.status.in_(query.statuses))
        if query.reported_from is not None:
            where.append(Case.reported_at >= to_epoch(query.reported_from))
        if query.reported_to is not None:
            where.append(Case.reported_at < to_epoch(query.reported_to))
        return where

    def _text(self, text: str) -> list[ColumnElement[bool]]:
        """One condition per term (all must match): through the index for a term of three
        characters or more, checked on the remaining rows for a shorter one."""
        indexed: list[tuple[str, bool]] = []  # (term, is a phone's digits)
        where: list[ColumnElement[bool]] = []
        for term in _terms(text):
            digits = _phone_digits(term)
            if _CASE_NUMBER.match(term):  # a whole number: its unique index, not the trigram index
                where.append(Case.case_number == term)
            elif digits is not None and len(digits) >= TRIGRAM:
                indexed.append((digits, True))
            elif len(term) >= TRIGRAM:
                indexed.append((term, False))
            else:
                pattern = _like(term)
                where.append(or_(Case.case_number.like(pattern, escape="\\"),
                                 Case.description.like(pattern, escape="\\"),
                                 Case.address.like(pattern, escape="\\")))
        if not indexed:
            return where
        if self.db.is_sqlite:
            match = literal_column("case_search").op("MATCH")(_fts_query(indexed))
            return [Case.id.in_(select(_FTS.c.rowid).where(match)), *where]
        return [and_(*(_PG_PHONE.like(_like(t), escape="\\") if phone else _PG_TEXT.ilike(_like(t), escape="\\")
                       for t, phone in indexed)), *where]


def _fts_query(terms: list[tuple[str, bool]]) -> str:
    """An FTS5 query string: each term a quoted phrase (so no character of it is syntax), a
    phone's digits only in the phone column."""
    parts = []
    for term, phone in terms:
        quoted = '"' + term.replace('"', '""') + '"'
        parts.append(f"phone : {quoted}" if phone else f"{{case_number description address}} : {quoted}")
    return " AND ".join(parts)
