"""Search ranked in the database: an inverted index with weighted counts, tokens for phrases.

Revision 0004 found candidate items with FTS5 or a GIN index and ranked them by
reading and analysing every candidate again, which made a common word cost seconds
on a large store. The postings table lets either database count, score and order
the hits itself; the per-field tokens answer phrases.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

ID = sa.String(120).with_variant(sa.String(120, collation="C"), "postgresql")
TERM = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")
_PG_LEXEMES = "array_to_tsvector(array_remove(string_to_array(terms || ' ' || keys, ' '), ''))"


def _clear_derived() -> None:
    """Empty what the search rows are summed into, so the next fill starts from nothing."""
    op.execute("DELETE FROM search_lengths")
    op.execute("DELETE FROM search_totals")
    op.execute("DELETE FROM search_state WHERE key = 'names'")


def upgrade() -> None:
    """Replace the candidate-finding tables with the postings, and index every stored item."""
    from diplolib.store._search import SearchIndex

    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE search_fts")
    op.drop_table("search_fields")
    _clear_derived()
    op.create_table(
        "search_docs",
        sa.Column("doc", sa.Integer, primary_key=True),
        sa.Column(
            "item_id",
            ID,
            sa.ForeignKey("items.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
    )
    op.create_table(
        "search_postings",
        sa.Column("doc", sa.Integer, primary_key=True),
        sa.Column("reader", sa.String(8), primary_key=True),
        sa.Column("lang", sa.String(8), primary_key=True),
        sa.Column("term", TERM, primary_key=True),
        sa.Column("tok", TERM, primary_key=True),
        sa.Column("keyset", TERM, primary_key=True),
        sa.Column("weight", sa.Float, nullable=False),
        sa.Column("length", sa.Float, nullable=False),
        sa.Column("length_all", sa.Float, nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_search_postings_term",
        "search_postings",
        ["reader", "lang", "term", "tok", "weight", "length", "doc", "length_all"],
    )
    op.create_table(
        "search_fields",
        sa.Column("doc", sa.Integer, primary_key=True),
        sa.Column("number", sa.Integer, primary_key=True),
        sa.Column("item_id", ID, nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("field", sa.String(16), nullable=False),
        sa.Column("fallback", sa.String(80), nullable=False),
        sa.Column("terms", sa.Text, nullable=False),
        sa.Column("keys", sa.Text, nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "search_words",
        sa.Column("lang", sa.String(8), primary_key=True),
        sa.Column("word", TERM, primary_key=True),
        sa.Column("term", TERM, nullable=False),
        sqlite_with_rowid=False,
    )
    SearchIndex().refresh(bind, [])


def downgrade() -> None:
    """Back to revision 0004's tables, empty: that version fills them on its next write."""
    op.drop_table("search_words")
    op.drop_table("search_fields")
    op.drop_table("search_postings")
    op.drop_table("search_docs")
    _clear_derived()
    op.execute("DELETE FROM search_state WHERE key = 'known'")
    op.create_table(
        "search_fields",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("item_id", ID, sa.ForeignKey("items.id", ondelete="CASCADE"), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("terms", sa.Text, nullable=False),
        sa.Column("keys", sa.Text, nullable=False),
    )
    op.create_index("ix_search_fields_item", "search_fields", ["item_id"])
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5("
            "terms, keys, tokenize='unicode61 remove_diacritics 0')"
        )
    else:
        op.execute(
            f"ALTER TABLE search_fields ADD COLUMN lexemes tsvector "
            f"GENERATED ALWAYS AS ({_PG_LEXEMES}) STORED"
        )
        op.execute("CREATE INDEX ix_search_fields_lexemes ON search_fields USING gin (lexemes)")
