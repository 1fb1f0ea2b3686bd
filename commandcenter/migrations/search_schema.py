"""The case search's database objects that no SQLAlchemy model describes (see 0017).

The FTS5 table (and the shadow tables SQLite keeps for it) and PostgreSQL's expression GIN
indexes are made by the migration in raw SQL; comparing the models with a database must pass
over them rather than propose dropping them. Give `include_name` to Alembic's comparison.
"""

from __future__ import annotations

SEARCH_TABLE = "case_search"  # the FTS5 table; its shadow tables are case_search_data, _idx, …
SEARCH_INDEXES = frozenset({"ix_case_search_text", "ix_case_search_phone"})


def include_name(name: str | None, type_: str, _parent_names: object) -> bool:
    """False for the search's own objects, True for everything the models describe."""
    if type_ == "table" and name is not None:
        return not (name == SEARCH_TABLE or name.startswith(SEARCH_TABLE + "_"))
    if type_ == "index":
        return name not in SEARCH_INDEXES
    return True
