"""Text lengths checked against the schema, so SQLite and PostgreSQL refuse the same input.

SQLite stores a 500-character address in a `String(200)` column without a word; PostgreSQL
raises `DataError` mid-transaction. Services therefore check every text they write against
the model's own column (`Case.address`, `Shift.name` …): the schema is the one source of
truth, and a service's wider limit (2,000 characters for a note) only applies to unbounded
`Text` columns, where the column sets none. The refusal carries the field, the limit and the
length; `labels.describe_error` words it in the user's language.
"""

from __future__ import annotations

from typing import Any

from ..errors import TextHasNul, TextTooLong, ValidationError


def column_limit(column: Any, limit: int | None = None) -> int | None:
    """The most characters `column` (a mapped attribute or a Table column) may hold: its
    declared length, or `limit` for an unbounded Text column; the smaller when both exist."""
    declared = getattr(column.type, "length", None)
    if declared is None:
        return limit
    return declared if limit is None else min(declared, limit)


def check_length(column: Any, value: str, field: str, limit: int | None = None, **facts: object) -> str:
    """`value` unchanged when it fits `column_limit(column, limit)`; otherwise a TextTooLong
    naming the field, the limit and the length given (plus any `facts`, e.g. an item number)."""
    most = column_limit(column, limit)
    if most is None or len(value) <= most:
        return value
    raise TextTooLong(field, most, len(value), **facts)


def clean_text(text: str | None, field: str, column: Any, limit: int | None = None, required: bool = False) -> str:
    """`text` stripped of surrounding space, checked like `check_length`; a ValidationError
    naming `field` when it is `required` and empty, TextHasNul when it holds a NUL character
    (the services' one rule for free text). Every other character is kept as typed."""
    text = (text or "").strip()
    if required and not text:
        raise ValidationError(f"{field.replace('_', ' ')} is required", field=field)
    if "\x00" in text:
        raise TextHasNul(field)
    return check_length(column, text, field, limit)
