"""Item counts per kind, kept with every write.

Related articles weigh each shared entity by how few articles mention it, which
needs the number of articles; counting them on every call grew with the archive
(on PostgreSQL a count reads every row).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create ``item_counts`` and count the stored items."""
    op.create_table(
        "item_counts",
        sa.Column("kind", sa.String(32), primary_key=True),
        sa.Column("total", sa.Integer, nullable=False),
    )
    op.execute(
        "INSERT INTO item_counts (kind, total) SELECT kind, count(*) FROM items GROUP BY kind"
    )


def downgrade() -> None:
    """Drop ``item_counts`` (nothing else depends on it)."""
    op.drop_table("item_counts")
