"""Audit chain: entries hashed in a chain, with workstation, OS user and the history row they attest

Adds the chain's columns to `audit_entry` (`seq`, `workstation`, `os_user`, `history_id`, `history_hash`), the
one-row `audit_anchor` table (the newest head, kept where the application cannot move it
backwards on PostgreSQL: a trigger refuses a smaller `seq` and any delete), and hashes the
entries already there in id order, so an upgraded database verifies like a new one; supervisors
and admins get the right to search and verify the trail (`view_audit`). A SQLite
database's anchor file is written beside it with the head the backfill computed (the same head
whenever the backfill runs, so an upgrade retried after a failure writes the same file).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from commandcenter.migrations.grants import grant
from commandcenter.services.audit import GENESIS, entry_hash, sqlite_file_of_url, write_anchor_file
from commandcenter.shapes.audit import AnchorHead

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 20_000
AUDIT_ROLES = ("supervisor", "admin")  # who may search the trail and verify it (Action.VIEW_AUDIT)
_PG_GUARD = """
CREATE OR REPLACE FUNCTION audit_anchor_forward_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'the audit anchor cannot be deleted';
    END IF;
    IF NEW.seq < OLD.seq THEN
        RAISE EXCEPTION 'the audit anchor cannot move backwards (% -> %)', OLD.seq, NEW.seq;
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql
"""


def upgrade() -> None:
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("workstation", sa.String(length=120), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("os_user", sa.String(length=80), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("history_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("history_hash", sa.String(length=64), nullable=True))
        batch_op.create_index("ix_audit_entry_history", ["history_id"], unique=False)
    op.create_table(
        "audit_anchor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_anchor")),
    )
    grant((role, "view_audit") for role in AUDIT_ROLES)
    bind = op.get_bind()
    head = _backfill(bind)
    if bind.dialect.name == "postgresql":
        op.execute(_PG_GUARD)
        op.execute("CREATE TRIGGER audit_anchor_forward_only BEFORE UPDATE OR DELETE ON audit_anchor "
                   "FOR EACH ROW EXECUTE FUNCTION audit_anchor_forward_only()")
        if head is not None:
            op.execute(sa.text("INSERT INTO audit_anchor (id, entry_id, seq, hash) VALUES (1, :e, :s, :h)")
                       .bindparams(e=head.entry_id, s=head.seq, h=head.hash))
        return
    path = sqlite_file_of_url(bind.engine.url)
    if head is not None and path is not None:
        write_anchor_file(path, head)


def _backfill(bind: sa.Connection) -> AnchorHead | None:
    """Hash the entries written before the chain existed, oldest first; the new head or None.

    In id batches, so an older demo's millions of entries (one per history row) never sit in
    memory at once.
    """
    select_batch = sa.text("SELECT id, at, user_id, actor, action, entity, entity_id, detail FROM audit_entry "
                           "WHERE id > :after ORDER BY id LIMIT :n")
    write = sa.text("UPDATE audit_entry SET seq = :s, prev_hash = :p, hash = :h WHERE id = :i")
    prev, seq, last_id = GENESIS, 0, 0
    while rows := bind.execute(select_batch, {"after": last_id, "n": _BATCH}).all():
        updates = []
        for entry_id, at, user_id, actor, action, entity, entity_id, detail in rows:
            seq += 1
            digest = entry_hash(seq, int(at), user_id, actor, action, entity, entity_id, detail or "", "", "", None,
                                prev)
            updates.append({"i": entry_id, "s": seq, "p": prev, "h": digest})
            prev, last_id = digest, entry_id
        bind.execute(write, updates)
    return AnchorHead(entry_id=last_id, seq=seq, hash=prev) if seq else None


def downgrade() -> None:
    op.execute("DELETE FROM role_permission WHERE action = 'view_audit'")
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_anchor_forward_only ON audit_anchor")
        op.execute("DROP FUNCTION IF EXISTS audit_anchor_forward_only()")
    op.drop_table("audit_anchor")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_entry_history")
        batch_op.drop_column("history_hash")
        batch_op.drop_column("history_id")
        batch_op.drop_column("os_user")
        batch_op.drop_column("workstation")
        batch_op.drop_column("seq")
    op.execute("UPDATE audit_entry SET prev_hash = NULL, hash = NULL")
