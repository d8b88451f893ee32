"""Files that belong to the whole library, not to one item: the editor's ``az-forms.toml``.

Without it a folder did not come back from the store as it went in, and names
formatted against a store ignored the editor's established forms.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create ``library_files`` (empty: no earlier revision kept these files)."""
    op.create_table(
        "library_files",
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
    )


def downgrade() -> None:
    """Drop the table (the files are lost; export the folder first to keep them)."""
    op.drop_table("library_files")
