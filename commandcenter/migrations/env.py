"""Alembic environment: runs on the connection handed over by commandcenter.migrations."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from commandcenter.migrations.search_schema import include_name
from commandcenter.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        # command-line alembic (developers autogenerating): use the URL from -x url=...
        url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///autogen.sqlite")
        engine = create_engine(url)
        with engine.begin() as connection:
            _configure_and_run(connection)
        return
    _configure_and_run(connection)


def _configure_and_run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=include_name,  # the search's raw-SQL objects (0017)
    )
    with context.begin_transaction():
        context.run_migrations()


run()
