"""Shared test configuration: the ``slow`` marker runs only with DIPLOLIB_SLOW=1."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

# Speed is measured in bench/, never asserted by tests: no per-example deadline, which
# otherwise fails at random on a loaded machine (first calls build lazy tables).
settings.register_profile("diplolib", deadline=None, print_blob=True)
settings.load_profile("diplolib")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("DIPLOLIB_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="slow run; set DIPLOLIB_SLOW=1 to include it")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


# A throwaway PostgreSQL server for the store tests (see tests/_postgres.py).
from _postgres import postgres_server, postgres_url, store, store_url  # noqa: E402, F401
