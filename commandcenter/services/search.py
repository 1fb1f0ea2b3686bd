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

from sqlalchemy import (
    ColumnElement,
    Select,
    column,
    false,
    func,
    literal_column,
    or_,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session

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
_TEXT_COLUMNS = "{case_number description address}"
_VOCAB = text("SELECT term FROM case_search_vocab WHERE term >= :low AND term < :high LIMIT :n")
SHORT_WORD_TRIGRAMS = 400  # a short word that starts more trigrams than this is checked row by row


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
        with self.db.read() as s:
            where = [Case.centre_id.in_(principal.centre_ids), *self._filters(query), *self._text(s, query.text)]
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

    def _text(self, session: Session, text: str) -> list[ColumnElement[bool]]:
        """One condition per term (all must match), each through an index: the case number's, the
        trigram index for three characters or more, and on SQLite the trigrams starting with a
        two-character word (0017 ends each text so that every such word starts one); a single
        character, which starts a large part of all trigrams, is checked on the rows the other
        conditions leave."""
        groups: list[str] = []  # FTS5 query parts (SQLite)
        long_terms: list[tuple[str, bool]] = []  # (term, is a phone's digits) for PostgreSQL
        where: list[ColumnElement[bool]] = []
        for term in _terms(text):
            digits = _phone_digits(term)
            if _CASE_NUMBER.match(term):  # a whole number: its unique index, not the trigram index
                where.append(Case.case_number == term)
            elif digits is not None and len(digits) >= TRIGRAM:
                long_terms.append((digits, True))
                groups.append(f"phone : {_phrase(digits)}")
            elif len(term) >= TRIGRAM:
                long_terms.append((term, False))
                groups.append(f"{_TEXT_COLUMNS} : {_phrase(term)}")
            elif self.db.is_sqlite and len(term) == 2 and (trigrams := _starting_with(session, term)) is not None:
                if not trigrams:
                    return [false()]  # no text holds the word
                groups.append(f"{{description address}} : ({' OR '.join(map(_phrase, trigrams))})")
            else:
                pattern = _like(term)
                columns = [Case.description, Case.address]
                if any(ch.isdigit() or ch == "-" for ch in term):  # a number holds digits and "-" only
                    columns.append(Case.case_number)
                where.append(or_(*(c.like(pattern, escape="\\") for c in columns)))
        if self.db.is_sqlite:
            if groups:
                match = literal_column("case_search").op("MATCH")(" AND ".join(groups))
                where.insert(0, Case.id.in_(select(_FTS.c.rowid).where(match)))
            return where
        return [*(_PG_PHONE.like(_like(t), escape="\\") if phone else _PG_TEXT.ilike(_like(t), escape="\\")
                  for t, phone in long_terms), *where]


def _phrase(term: str) -> str:
    """A quoted FTS5 phrase: no character of the term is query syntax."""
    return '"' + term.replace('"', '""') + '"'


def _starting_with(session: Session, word: str) -> list[str] | None:
    """The indexed trigrams that start with a two-character word (folded as the index folds
    case), or None when there are too many to ask for at once."""
    low = word.lower()
    found = list(session.scalars(_VOCAB, {"low": low, "high": low + "\U0010ffff", "n": SHORT_WORD_TRIGRAMS + 1}))
    return None if len(found) > SHORT_WORD_TRIGRAMS else found
