"""baseline schema

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# instants are whole UTC epoch seconds (see commandcenter.models.base.UtcTimestamp)
UTC_SECONDS = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "app_meta",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_meta")),
    )
    op.create_table(
        "calendar_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.CheckConstraint("kind IN ('holiday', 'workday')", name=op.f("ck_calendar_day_kind")),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_calendar_day")),
    )
    op.create_table(
        "calendar_year",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_calendar_year")),
    )
    op.create_table(
        "category",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("level", sa.SmallInteger(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("name_zh", sa.String(length=60), nullable=False),
        sa.Column("name_en", sa.String(length=80), nullable=False),
        sa.CheckConstraint(
            "kind IN ('component', 'event', 'social')", name=op.f("ck_category_kind")
        ),
        sa.CheckConstraint("level IN (1, 2)", name=op.f("ck_category_level")),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["category.id"], name=op.f("fk_category_parent_id_category")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_category")),
        sa.UniqueConstraint("code", name=op.f("uq_category_code")),
    )
    with op.batch_alter_table("category", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_category_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", UTC_SECONDS, nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_log")),
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index("ix_change_log_entity", ["entity", "entity_id"], unique=False)

    op.create_table(
        "department",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_department")),
        sa.UniqueConstraint("code", name=op.f("uq_department_code")),
    )
    op.create_table(
        "district",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=6), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_district")),
        sa.UniqueConstraint("code", name=op.f("uq_district_code")),
    )
    op.create_table(
        "role_permission",
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.CheckConstraint(
            "role IN ('operator', 'supervisor', 'trainer', 'admin')",
            name=op.f("ck_role_permission_role"),
        ),
        sa.PrimaryKeyConstraint("role", "action", name=op.f("pk_role_permission")),
    )
    op.create_table(
        "department_route",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("district_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["category_id"], ["category.id"], name=op.f("fk_department_route_category_id_category")
        ),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["department.id"],
            name=op.f("fk_department_route_department_id_department"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["district_id"], ["district.id"], name=op.f("fk_department_route_district_id_district")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_department_route")),
    )
    with op.batch_alter_table("department_route", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_department_route_category_id"), ["category_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_department_route_department_id"), ["department_id"], unique=False
        )

    op.create_table(
        "street",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("district_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=9), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("pinyin_initials", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_id"], ["district.id"], name=op.f("fk_street_district_id_district")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_street")),
        sa.UniqueConstraint("code", name=op.f("uq_street_code")),
    )
    with op.batch_alter_table("street", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_street_district_id"), ["district_id"], unique=False)

    op.create_table(
        "time_limit_policy",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("priority", sa.String(length=8), nullable=False),
        sa.Column("stage", sa.String(length=10), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=10), nullable=False),
        sa.CheckConstraint(
            "priority <> 'urgent' OR unit = 'calendar'",
            name=op.f("ck_time_limit_policy_urgent_calendar"),
        ),
        sa.CheckConstraint(
            "priority IN ('urgent', 'high', 'normal', 'low')",
            name=op.f("ck_time_limit_policy_priority"),
        ),
        sa.CheckConstraint(
            "stage IN ('register', 'dispatch', 'handle', 'verify')",
            name=op.f("ck_time_limit_policy_stage"),
        ),
        sa.CheckConstraint(
            "unit IN ('calendar', 'working')", name=op.f("ck_time_limit_policy_unit")
        ),
        sa.CheckConstraint("minutes > 0", name=op.f("ck_time_limit_policy_minutes_positive")),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["category.id"],
            name=op.f("fk_time_limit_policy_category_id_category"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_time_limit_policy")),
        sa.UniqueConstraint(
            "category_id",
            "priority",
            "stage",
            name=op.f("uq_time_limit_policy_category_id_priority_stage"),
        ),
    )
    op.create_table(
        "command_centre",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("district_id", sa.Integer(), nullable=True),
        sa.Column("street_id", sa.Integer(), nullable=True),
        sa.Column("timezone", sa.String(length=40), nullable=False),
        sa.CheckConstraint(
            "level IN ('street', 'district', 'city')", name=op.f("ck_command_centre_level")
        ),
        sa.ForeignKeyConstraint(
            ["district_id"], ["district.id"], name=op.f("fk_command_centre_district_id_district")
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["command_centre.id"],
            name=op.f("fk_command_centre_parent_id_command_centre"),
        ),
        sa.ForeignKeyConstraint(
            ["street_id"], ["street.id"], name=op.f("fk_command_centre_street_id_street")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_command_centre")),
        sa.UniqueConstraint("code", name=op.f("uq_command_centre_code")),
    )
    with op.batch_alter_table("command_centre", schema=None) as batch_op:
        batch_op.create_index("ix_command_centre_parent", ["parent_id"], unique=False)

    op.create_table(
        "community",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("street_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("pinyin_initials", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["street_id"], ["street.id"], name=op.f("fk_community_street_id_street")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community")),
        sa.UniqueConstraint("code", name=op.f("uq_community_code")),
    )
    with op.batch_alter_table("community", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_community_street_id"), ["street_id"], unique=False)

    op.create_table(
        "app_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("display_name", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", UTC_SECONDS, nullable=True),
        sa.CheckConstraint(
            "role IN ('operator', 'supervisor', 'trainer', 'admin')", name=op.f("ck_app_user_role")
        ),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["command_centre.id"], name=op.f("fk_app_user_centre_id_command_centre")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("username", name=op.f("uq_app_user_username")),
    )
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_app_user_centre_id"), ["centre_id"], unique=False)

    op.create_table(
        "briefing_issued",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("period_start", UTC_SECONDS, nullable=False),
        sa.Column("period_end", UTC_SECONDS, nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("issued_at", UTC_SECONDS, nullable=False),
        sa.Column("issued_by", sa.String(length=80), nullable=False),
        sa.Column("file_path", sa.String(length=400), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["centre_id"],
            ["command_centre.id"],
            name=op.f("fk_briefing_issued_centre_id_command_centre"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_briefing_issued")),
    )
    op.create_table(
        "daily_sequence",
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.String(length=8), nullable=False),
        sa.Column("last_value", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["centre_id"],
            ["command_centre.id"],
            name=op.f("fk_daily_sequence_centre_id_command_centre"),
        ),
        sa.PrimaryKeyConstraint("centre_id", "day", name=op.f("pk_daily_sequence")),
    )
    op.create_table(
        "grid",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("geometry", sa.LargeBinary(), nullable=False),
        sa.Column("centroid_lon", sa.Float(), nullable=False),
        sa.Column("centroid_lat", sa.Float(), nullable=False),
        sa.Column("area_m2", sa.Float(), nullable=False),
        sa.Column("min_lon", sa.Float(), nullable=False),
        sa.Column("min_lat", sa.Float(), nullable=False),
        sa.Column("max_lon", sa.Float(), nullable=False),
        sa.Column("max_lat", sa.Float(), nullable=False),
        sa.CheckConstraint("area_m2 > 0", name=op.f("ck_grid_area_positive")),
        sa.ForeignKeyConstraint(
            ["community_id"], ["community.id"], name=op.f("fk_grid_community_id_community")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grid")),
        sa.UniqueConstraint("code", name=op.f("uq_grid_code")),
    )
    with op.batch_alter_table("grid", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_grid_community_id"), ["community_id"], unique=False)

    op.create_table(
        "officer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=True),
        sa.Column("employee_no", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("pinyin_initials", sa.String(length=20), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("duty_status", sa.String(length=10), nullable=False),
        sa.Column("last_lon", sa.Float(), nullable=True),
        sa.Column("last_lat", sa.Float(), nullable=True),
        sa.Column("last_seen_at", UTC_SECONDS, nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "duty_status IN ('on_duty', 'off_duty', 'on_leave', 'in_field')",
            name=op.f("ck_officer_duty_status"),
        ),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["command_centre.id"], name=op.f("fk_officer_centre_id_command_centre")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_officer")),
        sa.UniqueConstraint("employee_no", name=op.f("uq_officer_employee_no")),
    )
    with op.batch_alter_table("officer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_officer_centre_id"), ["centre_id"], unique=False)

    op.create_table(
        "shift",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("start_time", sa.String(length=5), nullable=False),
        sa.Column("end_time", sa.String(length=5), nullable=False),
        sa.Column("weekdays", sa.String(length=7), nullable=False),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["command_centre.id"], name=op.f("fk_shift_centre_id_command_centre")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift")),
    )
    with op.batch_alter_table("shift", schema=None) as batch_op:
        batch_op.create_index("uq_shift_centre_name", ["centre_id", "name"], unique=True)

    op.create_table(
        "workstation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["centre_id"],
            ["command_centre.id"],
            name=op.f("fk_workstation_centre_id_command_centre"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workstation")),
    )
    with op.batch_alter_table("workstation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_workstation_centre_id"), ["centre_id"], unique=False)
        batch_op.create_index("uq_workstation_centre_name", ["centre_id", "name"], unique=True)

    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", UTC_SECONDS, nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=True),
        sa.Column("hash", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_audit_entry_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index("ix_audit_entry_at", ["at"], unique=False)

    op.create_table(
        "case_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("case_number", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("priority", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("suspended_from", sa.String(length=12), nullable=True),
        sa.Column("grid_id", sa.Integer(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("reporter_name", sa.String(length=60), nullable=False),
        sa.Column("reporter_phone", sa.String(length=20), nullable=False),
        sa.Column("reported_at", UTC_SECONDS, nullable=False),
        sa.Column("registered_at", UTC_SECONDS, nullable=True),
        sa.Column("dispatched_at", UTC_SECONDS, nullable=True),
        sa.Column("accepted_at", UTC_SECONDS, nullable=True),
        sa.Column("fed_back_at", UTC_SECONDS, nullable=True),
        sa.Column("closed_at", UTC_SECONDS, nullable=True),
        sa.Column("evaluated_at", UTC_SECONDS, nullable=True),
        sa.Column("rating", sa.SmallInteger(), nullable=True),
        sa.Column("assignee_officer_id", sa.Integer(), nullable=True),
        sa.Column("assignee_department_id", sa.Integer(), nullable=True),
        sa.Column("stage_started_at", UTC_SECONDS, nullable=True),
        sa.Column("stage_deadline_at", UTC_SECONDS, nullable=True),
        sa.Column("handle_deadline_at", UTC_SECONDS, nullable=True),
        sa.Column("extended_minutes", sa.Integer(), nullable=False),
        sa.Column("suspended_at", UTC_SECONDS, nullable=True),
        sa.Column("suspended_seconds", sa.Integer(), nullable=False),
        sa.Column("rework_count", sa.SmallInteger(), nullable=False),
        sa.Column("escalation_level", sa.SmallInteger(), nullable=False),
        sa.Column("merged_into_id", sa.Integer(), nullable=True),
        sa.Column("reject_reason", sa.String(length=200), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", UTC_SECONDS, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "priority IN ('urgent', 'high', 'normal', 'low')", name=op.f("ck_case_record_priority")
        ),
        sa.CheckConstraint(
            "source IN ('patrol', 'hotline_12345', 'duty_line', 'citizen_app', 'video', 'sensor', 'referral', 'petition', 'mayor_mailbox')",
            name=op.f("ck_case_record_source"),
        ),
        sa.CheckConstraint(
            "status <> 'merged' OR merged_into_id IS NOT NULL",
            name=op.f("ck_case_record_merged_target"),
        ),
        sa.CheckConstraint(
            "status IN ('reported', 'registered', 'dispatched', 'accepted', 'fed_back', 'suspended', 'closed', 'rejected', 'merged')",
            name=op.f("ck_case_record_status"),
        ),
        sa.CheckConstraint(
            "escalation_level BETWEEN 0 AND 2", name=op.f("ck_case_record_escalation_level")
        ),
        sa.CheckConstraint(
            "rating IS NULL OR rating BETWEEN 1 AND 5", name=op.f("ck_case_record_rating")
        ),
        sa.ForeignKeyConstraint(
            ["assignee_department_id"],
            ["department.id"],
            name=op.f("fk_case_record_assignee_department_id_department"),
        ),
        sa.ForeignKeyConstraint(
            ["assignee_officer_id"],
            ["officer.id"],
            name=op.f("fk_case_record_assignee_officer_id_officer"),
        ),
        sa.ForeignKeyConstraint(
            ["category_id"], ["category.id"], name=op.f("fk_case_record_category_id_category")
        ),
        sa.ForeignKeyConstraint(
            ["centre_id"],
            ["command_centre.id"],
            name=op.f("fk_case_record_centre_id_command_centre"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["app_user.id"], name=op.f("fk_case_record_created_by_app_user")
        ),
        sa.ForeignKeyConstraint(["grid_id"], ["grid.id"], name=op.f("fk_case_record_grid_id_grid")),
        sa.ForeignKeyConstraint(
            ["merged_into_id"],
            ["case_record.id"],
            name=op.f("fk_case_record_merged_into_id_case_record"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_record")),
        sa.UniqueConstraint(
            "centre_id", "case_number", name=op.f("uq_case_record_centre_id_case_number")
        ),
    )
    with op.batch_alter_table("case_record", schema=None) as batch_op:
        batch_op.create_index("ix_case_centre_status", ["centre_id", "status"], unique=False)
        batch_op.create_index("ix_case_closed_at", ["closed_at"], unique=False)
        batch_op.create_index("ix_case_grid", ["grid_id"], unique=False)
        batch_op.create_index("ix_case_handle_deadline", ["handle_deadline_at"], unique=False)
        batch_op.create_index(
            "ix_case_officer_status", ["assignee_officer_id", "status"], unique=False
        )
        batch_op.create_index("ix_case_reported_at", ["reported_at"], unique=False)
        batch_op.create_index(
            "ix_case_status_deadline", ["status", "stage_deadline_at"], unique=False
        )

    op.create_table(
        "duty_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=False),
        sa.Column("at", UTC_SECONDS, nullable=False),
        sa.Column("from_status", sa.String(length=10), nullable=False),
        sa.Column("to_status", sa.String(length=10), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["officer_id"],
            ["officer.id"],
            name=op.f("fk_duty_change_officer_id_officer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_duty_change_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duty_change")),
    )
    with op.batch_alter_table("duty_change", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_duty_change_officer_id"), ["officer_id"], unique=False)

    op.create_table(
        "handover",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=True),
        sa.Column("shift_date", sa.Date(), nullable=False),
        sa.Column("period_start", UTC_SECONDS, nullable=False),
        sa.Column("period_end", UTC_SECONDS, nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC_SECONDS, nullable=False),
        sa.Column("signed_at", UTC_SECONDS, nullable=True),
        sa.Column("acknowledged_by", sa.Integer(), nullable=True),
        sa.Column("acknowledged_at", UTC_SECONDS, nullable=True),
        sa.Column("summary_json", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("corrects_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('draft', 'signed', 'acknowledged')", name=op.f("ck_handover_status")
        ),
        sa.ForeignKeyConstraint(
            ["acknowledged_by"], ["app_user.id"], name=op.f("fk_handover_acknowledged_by_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["author_id"], ["app_user.id"], name=op.f("fk_handover_author_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["command_centre.id"], name=op.f("fk_handover_centre_id_command_centre")
        ),
        sa.ForeignKeyConstraint(
            ["corrects_id"], ["handover.id"], name=op.f("fk_handover_corrects_id_handover")
        ),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shift.id"], name=op.f("fk_handover_shift_id_shift")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover")),
    )
    with op.batch_alter_table("handover", schema=None) as batch_op:
        batch_op.create_index("ix_handover_centre_date", ["centre_id", "shift_date"], unique=False)

    op.create_table(
        "officer_grid",
        sa.Column("officer_id", sa.Integer(), nullable=False),
        sa.Column("grid_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["grid_id"], ["grid.id"], name=op.f("fk_officer_grid_grid_id_grid"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"],
            ["officer.id"],
            name=op.f("fk_officer_grid_officer_id_officer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("officer_id", "grid_id", name=op.f("pk_officer_grid")),
    )
    with op.batch_alter_table("officer_grid", schema=None) as batch_op:
        batch_op.create_index("ix_officer_grid_grid", ["grid_id"], unique=False)

    op.create_table(
        "officer_position",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=False),
        sa.Column("at", UTC_SECONDS, nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["officer_id"],
            ["officer.id"],
            name=op.f("fk_officer_position_officer_id_officer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_officer_position")),
    )
    with op.batch_alter_table("officer_position", schema=None) as batch_op:
        batch_op.create_index("ix_officer_position_officer_at", ["officer_id", "at"], unique=False)

    op.create_table(
        "shift_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(officer_id IS NULL) <> (user_id IS NULL)", name=op.f("ck_shift_member_one_member")
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"],
            ["officer.id"],
            name=op.f("fk_shift_member_officer_id_officer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["shift_id"],
            ["shift.id"],
            name=op.f("fk_shift_member_shift_id_shift"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["app_user.id"],
            name=op.f("fk_shift_member_user_id_app_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift_member")),
    )
    with op.batch_alter_table("shift_member", schema=None) as batch_op:
        batch_op.create_index("ix_shift_member_shift", ["shift_id"], unique=False)

    op.create_table(
        "case_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("at", UTC_SECONDS, nullable=False),
        sa.Column("action", sa.String(length=24), nullable=False),
        sa.Column("from_status", sa.String(length=12), nullable=True),
        sa.Column("to_status", sa.String(length=12), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_record.id"],
            name=op.f("fk_case_history_case_id_case_record"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["department.id"],
            name=op.f("fk_case_history_department_id_department"),
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officer.id"], name=op.f("fk_case_history_officer_id_officer")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_case_history_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_history")),
    )
    with op.batch_alter_table("case_history", schema=None) as batch_op:
        batch_op.create_index("ix_case_history_case", ["case_id", "id"], unique=False)

    op.create_table(
        "escalation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=10), nullable=False),
        sa.Column("level", sa.String(length=12), nullable=False),
        sa.Column("round", sa.SmallInteger(), nullable=False),
        sa.Column("at", UTC_SECONDS, nullable=False),
        sa.Column("deadline_at", UTC_SECONDS, nullable=False),
        sa.Column("acknowledged_at", UTC_SECONDS, nullable=True),
        sa.Column("acknowledged_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "level IN ('reminder', 'supervision')", name=op.f("ck_escalation_level")
        ),
        sa.CheckConstraint(
            "stage IN ('register', 'dispatch', 'handle', 'verify')",
            name=op.f("ck_escalation_stage"),
        ),
        sa.ForeignKeyConstraint(
            ["acknowledged_by"],
            ["app_user.id"],
            name=op.f("fk_escalation_acknowledged_by_app_user"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_record.id"],
            name=op.f("fk_escalation_case_id_case_record"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_escalation")),
        sa.UniqueConstraint(
            "case_id",
            "stage",
            "level",
            "round",
            name=op.f("uq_escalation_case_id_stage_level_round"),
        ),
    )
    with op.batch_alter_table("escalation", schema=None) as batch_op:
        batch_op.create_index("ix_escalation_open", ["acknowledged_at", "at"], unique=False)

    op.create_table(
        "handover_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("handover_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("due_at", UTC_SECONDS, nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_record.id"], name=op.f("fk_handover_item_case_id_case_record")
        ),
        sa.ForeignKeyConstraint(
            ["handover_id"],
            ["handover.id"],
            name=op.f("fk_handover_item_handover_id_handover"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover_item")),
    )
    with op.batch_alter_table("handover_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_handover_item_handover_id"), ["handover_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("handover_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_handover_item_handover_id"))

    op.drop_table("handover_item")
    with op.batch_alter_table("escalation", schema=None) as batch_op:
        batch_op.drop_index("ix_escalation_open")

    op.drop_table("escalation")
    with op.batch_alter_table("case_history", schema=None) as batch_op:
        batch_op.drop_index("ix_case_history_case")

    op.drop_table("case_history")
    with op.batch_alter_table("shift_member", schema=None) as batch_op:
        batch_op.drop_index("ix_shift_member_shift")

    op.drop_table("shift_member")
    with op.batch_alter_table("officer_position", schema=None) as batch_op:
        batch_op.drop_index("ix_officer_position_officer_at")

    op.drop_table("officer_position")
    with op.batch_alter_table("officer_grid", schema=None) as batch_op:
        batch_op.drop_index("ix_officer_grid_grid")

    op.drop_table("officer_grid")
    with op.batch_alter_table("handover", schema=None) as batch_op:
        batch_op.drop_index("ix_handover_centre_date")

    op.drop_table("handover")
    with op.batch_alter_table("duty_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_duty_change_officer_id"))

    op.drop_table("duty_change")
    with op.batch_alter_table("case_record", schema=None) as batch_op:
        batch_op.drop_index("ix_case_status_deadline")
        batch_op.drop_index("ix_case_reported_at")
        batch_op.drop_index("ix_case_officer_status")
        batch_op.drop_index("ix_case_handle_deadline")
        batch_op.drop_index("ix_case_grid")
        batch_op.drop_index("ix_case_closed_at")
        batch_op.drop_index("ix_case_centre_status")

    op.drop_table("case_record")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_entry_at")

    op.drop_table("audit_entry")
    with op.batch_alter_table("workstation", schema=None) as batch_op:
        batch_op.drop_index("uq_workstation_centre_name")
        batch_op.drop_index(batch_op.f("ix_workstation_centre_id"))

    op.drop_table("workstation")
    with op.batch_alter_table("shift", schema=None) as batch_op:
        batch_op.drop_index("uq_shift_centre_name")

    op.drop_table("shift")
    with op.batch_alter_table("officer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_officer_centre_id"))

    op.drop_table("officer")
    with op.batch_alter_table("grid", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_grid_community_id"))

    op.drop_table("grid")
    op.drop_table("daily_sequence")
    op.drop_table("briefing_issued")
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_app_user_centre_id"))

    op.drop_table("app_user")
    with op.batch_alter_table("community", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_community_street_id"))

    op.drop_table("community")
    with op.batch_alter_table("command_centre", schema=None) as batch_op:
        batch_op.drop_index("ix_command_centre_parent")

    op.drop_table("command_centre")
    op.drop_table("time_limit_policy")
    with op.batch_alter_table("street", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_street_district_id"))

    op.drop_table("street")
    with op.batch_alter_table("department_route", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_department_route_department_id"))
        batch_op.drop_index(batch_op.f("ix_department_route_category_id"))

    op.drop_table("department_route")
    op.drop_table("role_permission")
    op.drop_table("district")
    op.drop_table("department")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index("ix_change_log_entity")

    op.drop_table("change_log")
    with op.batch_alter_table("category", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_category_parent_id"))

    op.drop_table("category")
    op.drop_table("calendar_year")
    op.drop_table("calendar_day")
    op.drop_table("app_meta")
