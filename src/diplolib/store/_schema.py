"""The store's tables, as SQLAlchemy Core metadata (the head of the migrations).

``items`` holds each item's validated document (the exact text of its content
file) beside the columns the queries filter and sort on; the other tables hold
what one item has many of (slugs, per-language status, references, tags,
translation-source hashes), each indexed for the query that reads it.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

# Ids sort byte-wise on every database (PostgreSQL's default collation would ignore punctuation).
ID = sa.String(120).with_variant(sa.String(120, collation="C"), "postgresql")

items = sa.Table(
    "items",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("document", sa.Text, nullable=False),
    sa.Column("path", sa.String(400), nullable=False),
    sa.Column("digest", sa.String(64), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("original_language", sa.String(8)),
    sa.Column("section", ID),
    # Microseconds since the epoch (UTC): exact, and ordered the same way on every database.
    sa.Column("published_us", sa.BigInteger),
    # "YYYY-MM-DD:P": a partial date's first day and precision (0 year, 1 month, 2 day),
    # which sorts as diplolib.models.PartialDate does.
    sa.Column("start_key", sa.String(16)),
    sa.Column("source_key", sa.String(16)),
    sa.Column("text_total", sa.Integer, nullable=False, server_default="0"),
)
sa.Index("ix_items_kind_published", items.c.kind, items.c.published_us, items.c.id)
sa.Index("ix_items_section_published", items.c.section, items.c.published_us, items.c.id)
sa.Index("ix_items_kind_start", items.c.kind, items.c.start_key, items.c.id)
sa.Index("ix_items_source", items.c.source_key)

item_languages = sa.Table(
    "item_languages",
    metadata,
    sa.Column("item_id", ID, sa.ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("lang", sa.String(8), primary_key=True),
    sa.Column("status", sa.String(16)),
    sa.Column("present", sa.Integer, nullable=False),
)
sa.Index("ix_item_languages_lang_status", item_languages.c.lang, item_languages.c.status)

slugs = sa.Table(
    "slugs",
    metadata,
    sa.Column("item_id", ID, sa.ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("lang", sa.String(8), primary_key=True),
    sa.Column("slug", sa.String(200), nullable=False),
    sa.UniqueConstraint("lang", "slug", name="uq_slugs_lang_slug"),
)

refs = sa.Table(
    "refs",
    metadata,
    sa.Column("src", ID, sa.ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("role", sa.String(32), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("dst", ID, nullable=False),
)
sa.Index("ix_refs_dst_role", refs.c.dst, refs.c.role, refs.c.src)

tags = sa.Table(
    "tags",
    metadata,
    sa.Column("item_id", ID, sa.ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("lang", sa.String(8), primary_key=True),
    sa.Column("tag", sa.Text, nullable=False),
)
sa.Index("ix_tags_tag", tags.c.tag, tags.c.item_id)

translation_sources = sa.Table(
    "translation_sources",
    metadata,
    sa.Column("item_id", ID, sa.ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("lang", sa.String(8), primary_key=True),
    sa.Column("field", sa.String(80), primary_key=True),
    sa.Column("hash", sa.String(16), nullable=False),
)

CHILD_TABLES = (item_languages, slugs, refs, tags, translation_sources)

# Files of the whole library (the editor's az-forms.toml), kept as their exact text.
library_files = sa.Table(
    "library_files",
    metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
)

# Full-text search (see diplolib.store._search). Every searchable item has a number.
search_docs = sa.Table(
    "search_docs",
    metadata,
    sa.Column("doc", sa.Integer, primary_key=True),
    sa.Column(
        "item_id", ID, sa.ForeignKey("items.id", ondelete="CASCADE"), nullable=False, unique=True
    ),
)

# Terms, bytewise on every database (a prefix is a range of them).
TERM = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")

# The inverted index: per reader, field language, term (or "#" + name key) and item, the
# weighted count and the item's weighted length as that reader sees it (and as a search in
# every language does). Name-key rows carry the term and all the keys of the words that bear
# them ("tok", " key1 key2 "), so a word is counted once however many ways it matches.
search_postings = sa.Table(
    "search_postings",
    metadata,
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
# A term's postings by weight, then length (a reader's best items first, for each weight);
# a name key's by the term of the word that bears it.
sa.Index(
    "ix_search_postings_term",
    search_postings.c.reader,
    search_postings.c.lang,
    search_postings.c.term,
    search_postings.c.tok,
    search_postings.c.weight,
    search_postings.c.length,
    search_postings.c.doc,
    search_postings.c.length_all,
)

# Each field's tokens in order, for phrases: its terms ("_" for a word without one) and the
# name keys at each position ("3:key1,key2 7:key3"); "fallback" lists the readers that see
# the field in place of their own language's.
search_fields = sa.Table(
    "search_fields",
    metadata,
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

# Every word the index has seen, case-folded, with its term: when the names the stemmer
# keeps change, the words they begin are stemmed again and only their items re-indexed.
search_words = sa.Table(
    "search_words",
    metadata,
    sa.Column("lang", sa.String(8), primary_key=True),
    sa.Column("word", TERM, primary_key=True),
    sa.Column("term", TERM, nullable=False),
    sqlite_with_rowid=False,
)

# Each item's weighted length as a reader of one language sees it ("*": every language),
# for BM25's average document length.
search_lengths = sa.Table(
    "search_lengths",
    metadata,
    sa.Column("item_id", ID, sa.ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("reader", sa.String(8), primary_key=True),
    sa.Column("length", sa.Float, nullable=False),
)
sa.Index("ix_search_lengths_reader", search_lengths.c.reader, search_lengths.c.length)

# Per reader: how many items search_lengths holds and the sum of their lengths, kept as
# rows change, so a query reads BM25's collection statistics from one row.
search_totals = sa.Table(
    "search_totals",
    metadata,
    sa.Column("reader", sa.String(8), primary_key=True),
    sa.Column("documents", sa.Integer, nullable=False),
    sa.Column("length", sa.Float, nullable=False),
)

# What the index was built with: "names" is a fingerprint of the entity names the stemmer keeps.
search_state = sa.Table(
    "search_state",
    metadata,
    sa.Column("key", sa.String(40), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
