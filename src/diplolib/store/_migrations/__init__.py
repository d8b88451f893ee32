"""Alembic migrations of the content store, shipped inside the package."""
