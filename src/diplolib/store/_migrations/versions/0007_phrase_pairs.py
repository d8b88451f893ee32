"""Postings for two-word phrases.

A phrase was matched on the stored tokens of every item that held all its words, so
a phrase of two common words read a third of the archive. Each pair of neighbouring
words now has postings of its own (term ``+first second``), which a phrase reads like
a word. Existing stores are indexed again to write them.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_PAIRS = "term >= '+' AND term < ','"  # the terms that begin with "+"


def upgrade() -> None:
    """Index every stored item again, unless its pairs are already there."""
    from diplolib.store._search import SearchIndex

    bind = op.get_bind()
    # An upgrade from before 0005 fills the postings with this version's code, pairs included.
    done = bind.execute(sa.text(f"SELECT 1 FROM search_postings WHERE {_PAIRS} LIMIT 1")).first()
    if done is None:
        SearchIndex().rebuild(bind)


def downgrade() -> None:
    """Remove the pairs' postings (revision 0006 reads only words')."""
    op.execute(f"DELETE FROM search_postings WHERE {_PAIRS}")
