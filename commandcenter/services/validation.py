"""Text lengths checked against the schema, so SQLite and PostgreSQL refuse the same input.

SQLite stores a 500-character address in a `String(200)` column without a word; PostgreSQL
raises `DataError` mid-transaction. Services therefore check every text they write against
the model's own column (`Case.address`, `Shift.name` …): the schema is the one source of
truth, and a service's wider limit (2,000 characters for a note) only applies to unbounded
`Text` columns, where the column sets none.
"""

from __future__ import annotations

from typing import Any

from ..errors import ValidationError
from ..i18n import QT_TRANSLATE_NOOP as N
from ..i18n import translate

_TOO_LONG = N("validation", "{field} is longer than {limit} characters ({length} given)")

# the names services pass as `field`, as an operator reads them
FIELD_LABELS: dict[str, str] = {
    "description": N("validation", "description"),
    "address": N("validation", "address"),
    "reporter_name": N("validation", "reporter name"),
    "reporter_phone": N("validation", "reporter phone"),
    "note": N("validation", "note"),
    "reason": N("validation", "reason"),
    "feedback": N("validation", "feedback"),
    "notes": N("validation", "notes"),
    "correction": N("validation", "correction"),
    "name": N("validation", "name"),
}


def column_limit(column: Any, limit: int | None = None) -> int | None:
    """The most characters `column` (a mapped attribute or a Table column) may hold: its
    declared length, or `limit` for an unbounded Text column; the smaller when both exist."""
    declared = getattr(column.type, "length", None)
    if declared is None:
        return limit
    return declared if limit is None else min(declared, limit)


def check_length(column: Any, value: str, field: str, limit: int | None = None, **facts: object) -> str:
    """`value` unchanged when it fits `column_limit(column, limit)`; otherwise a ValidationError
    naming the field, the limit and the length given (plus any `facts`, e.g. an item number)."""
    most = column_limit(column, limit)
    if most is None or len(value) <= most:
        return value
    label = translate("validation", FIELD_LABELS[field]) if field in FIELD_LABELS else field.replace("_", " ")
    raise ValidationError(
        translate("validation", _TOO_LONG).format(field=label, limit=most, length=len(value)),
        field=field, limit=most, length=len(value), **facts,
    )
