"""The first schema: items with their query columns, per-language status, slugs, references.

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Ids sort byte-wise on every database (PostgreSQL's default collation would ignore punctuation).
ID = sa.String(120).with_variant(sa.String(120, collation="C"), "postgresql")


def _item_fk() -> sa.Column[str]:
    return sa.Column("item_id", ID, sa.ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)


def upgrade() -> None:
    """Create the first tables."""
    op.create_table(
        "items",
        sa.Column("id", ID, primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("path", sa.String(400), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("original_language", sa.String(8)),
        sa.Column("section", ID),
        sa.Column("published_us", sa.BigInteger),
        sa.Column("start_key", sa.String(16)),
        sa.Column("source_key", sa.String(16)),
        sa.Column("text_total", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_items_kind_published", "items", ["kind", "published_us", "id"])
    op.create_index("ix_items_section_published", "items", ["section", "published_us", "id"])
    op.create_index("ix_items_kind_start", "items", ["kind", "start_key", "id"])
    op.create_index("ix_items_source", "items", ["source_key"])
    op.create_table(
        "item_languages",
        _item_fk(),
        sa.Column("lang", sa.String(8), primary_key=True),
        sa.Column("status", sa.String(16)),
        sa.Column("present", sa.Integer, nullable=False),
    )
    op.create_index("ix_item_languages_lang_status", "item_languages", ["lang", "status"])
    op.create_table(
        "slugs",
        _item_fk(),
        sa.Column("lang", sa.String(8), primary_key=True),
        sa.Column("slug", sa.String(200), nullable=False),
        sa.UniqueConstraint("lang", "slug", name="uq_slugs_lang_slug"),
    )
    op.create_table(
        "refs",
        sa.Column("src", ID, sa.ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("role", sa.String(32), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("dst", ID, nullable=False),
    )
    op.create_index("ix_refs_dst_role", "refs", ["dst", "role", "src"])


def downgrade() -> None:
    """Drop every table."""
    for table in ("refs", "slugs", "item_languages", "items"):
        op.drop_table(table)
