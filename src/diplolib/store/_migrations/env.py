"""Alembic environment: migrations run on the connection :mod:`diplolib.store` hands over.

Run them with ``diplolib store upgrade URL`` or :func:`diplolib.store.upgrade`; with
plain ``alembic`` the ``sqlalchemy.url`` option of the configuration is used.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context


def _run(connection: sa.Connection) -> None:
    context.configure(connection=connection, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def _main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.config.get_main_option("sqlalchemy.url") or "sqlite://"  # plain `alembic`
    with sa.create_engine(url).begin() as own:
        _run(own)


try:
    context.config  # noqa: B018 - set only while Alembic runs this file
except (NameError, AttributeError):  # imported by a tool (e.g. doctest collection), not by Alembic
    pass
else:
    _main()
