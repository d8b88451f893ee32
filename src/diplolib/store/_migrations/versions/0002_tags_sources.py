"""Tags and translation-source hashes get tables of their own, filled from the documents.

Tag filters and staleness checks then read indexed rows instead of parsing documents.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Ids sort byte-wise on every database (PostgreSQL's default collation would ignore punctuation).
ID = sa.String(120).with_variant(sa.String(120, collation="C"), "postgresql")


def upgrade() -> None:
    """Create ``tags`` and ``translation_sources`` and fill them from every stored document."""
    tags = op.create_table(
        "tags",
        sa.Column(
            "item_id",
            ID,
            sa.ForeignKey("items.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("lang", sa.String(8), primary_key=True),
        sa.Column("tag", sa.Text, nullable=False),
    )
    op.create_index("ix_tags_tag", "tags", ["tag", "item_id"])
    sources = op.create_table(
        "translation_sources",
        sa.Column(
            "item_id",
            ID,
            sa.ForeignKey("items.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("lang", sa.String(8), primary_key=True),
        sa.Column("field", sa.String(80), primary_key=True),
        sa.Column("hash", sa.String(16), nullable=False),
    )
    assert tags is not None
    assert sources is not None
    items = sa.table("items", sa.column("id", sa.String), sa.column("document", sa.Text))
    bind = op.get_bind()
    tag_rows: list[dict[str, object]] = []
    source_rows: list[dict[str, object]] = []
    for item_id, text in bind.execute(sa.select(items.c.id, items.c.document)):
        document = json.loads(text)
        for position, tag in enumerate(document.get("tags", ())):
            for lang, value in tag.items():
                if not isinstance(value, str) or not value:
                    continue
                tag_rows.append(
                    {"item_id": item_id, "position": position, "lang": lang, "tag": value}
                )
        for lang, fields in document.get("translation_sources", {}).items():
            for field, digest in fields.items():
                source_rows.append(
                    {"item_id": item_id, "lang": lang, "field": field, "hash": digest}
                )
    if tag_rows:
        op.bulk_insert(tags, tag_rows)
    if source_rows:
        op.bulk_insert(sources, source_rows)


def downgrade() -> None:
    """Drop the two tables (the documents still hold their data)."""
    op.drop_table("translation_sources")
    op.drop_table("tags")
