"""The case search's database objects that no SQLAlchemy model describes (see 0017).

The FTS5 table (and the shadow tables SQLite keeps for it) and PostgreSQL's expression GIN
indexes are made by the migration in raw SQL; comparing the models with a database must pass
over them rather than propose dropping them. Give `include_name` to Alembic's comparison.
What a case puts in the SQLite index is defined here once, for the migration's triggers and for
the demo's bulk writer, which fills the index in one statement after its rows instead of
through a trigger per row (a trigger per row made a Putian-scale year take many minutes).
"""

from __future__ import annotations

SEARCH_TABLE = "case_search"  # the FTS5 table; its shadow tables are case_search_data, _idx, …
SEARCH_INDEXES = frozenset({"ix_case_search_text", "ix_case_search_phone"})
SEARCH_TRIGGERS = ("case_search_insert", "case_search_delete", "case_search_update")
COLUMNS = "case_number, description, address, phone"

# a phone is searched by its digits only: "0594-234 5678" and "05942345678" are one number
_SQLITE_DIGITS = ("replace(replace(replace(replace(replace(replace({col}, ' ', ''), '-', ''), '+', ''), "
                  "'(', ''), ')', ''), '.', '')")
# two unit separators end the description and the address: every one- or two-character
# substring is then the start of some trigram, so a short word is found by the trigrams the
# vocabulary lists under it (case_search_vocab) instead of a scan; nobody types this character
END = "char(31, 31)"


def sqlite_row_values(row: str) -> str:
    """The indexed values of `row` (a table name, or a trigger's new/old), in COLUMNS order."""
    return (f"{row}.case_number, {row}.description || {END}, {row}.address || {END}, "
            + _SQLITE_DIGITS.format(col=f"{row}.reporter_phone"))


# every case into the (emptied) SQLite index in one statement
SQLITE_FILL = (f"INSERT INTO {SEARCH_TABLE} (rowid, {COLUMNS}) "
               f"SELECT id, {sqlite_row_values('case_record')} FROM case_record")
SQLITE_EMPTY = f"INSERT INTO {SEARCH_TABLE} ({SEARCH_TABLE}) VALUES ('delete-all')"


def include_name(name: str | None, type_: str, _parent_names: object) -> bool:
    """False for the search's own objects, True for everything the models describe."""
    if type_ == "table" and name is not None:
        return not (name == SEARCH_TABLE or name.startswith(SEARCH_TABLE + "_"))
    if type_ == "index":
        return name not in SEARCH_INDEXES
    return True
