"""Full-text search: the analyzed terms of every field, an FTS5 table or a GIN index, filled.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Ids sort byte-wise on every database (PostgreSQL's default collation would ignore punctuation).
ID = sa.String(120).with_variant(sa.String(120, collation="C"), "postgresql")
# The lexemes of a row's terms and name keys, as PostgreSQL's GIN index held them.
_PG_LEXEMES = "array_to_tsvector(array_remove(string_to_array(terms || ' ' || keys, ' '), ''))"


def upgrade() -> None:
    """Create the search tables (revision 0005 fills their successors)."""
    op.create_table(
        "search_fields",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("item_id", ID, sa.ForeignKey("items.id", ondelete="CASCADE"), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("terms", sa.Text, nullable=False),
        sa.Column("keys", sa.Text, nullable=False),
    )
    op.create_index("ix_search_fields_item", "search_fields", ["item_id"])
    op.create_table(
        "search_lengths",
        sa.Column("item_id", ID, sa.ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("reader", sa.String(8), primary_key=True),
        sa.Column("length", sa.Float, nullable=False),
    )
    op.create_index("ix_search_lengths_reader", "search_lengths", ["reader", "length"])
    op.create_table(
        "search_totals",
        sa.Column("reader", sa.String(8), primary_key=True),
        sa.Column("documents", sa.Integer, nullable=False),
        sa.Column("length", sa.Float, nullable=False),
    )
    op.create_table(
        "search_state",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5("
            "terms, keys, tokenize='unicode61 remove_diacritics 0')"
        )
    else:
        # A stored column, not an expression index: the planner would not use the latter.
        op.execute(
            f"ALTER TABLE search_fields ADD COLUMN lexemes tsvector "
            f"GENERATED ALWAYS AS ({_PG_LEXEMES}) STORED"
        )
        op.execute("CREATE INDEX ix_search_fields_lexemes ON search_fields USING gin (lexemes)")
    # Revision 0005 replaces these search rows and fills them.


def downgrade() -> None:
    """Drop the search tables (the items keep their text)."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE search_fts")
    for table in ("search_state", "search_totals", "search_lengths", "search_fields"):
        op.drop_table(table)
