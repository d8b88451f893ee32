"""Several processes writing one store: every update is applied or refused, none is lost."""

from __future__ import annotations

import multiprocessing
import random
import sqlite3
from pathlib import Path

import pytest

from diplolib import load_sample_library
from diplolib.errors import ConflictError, StoreError
from diplolib.store import open_store

ITEMS = ["baku", "astana", "gabala", "osce", "turksoy"]


def _worker(url: str, number: int, updates: int, seed: int) -> tuple[list[tuple[str, str]], int]:
    """Read-modify-write ``updates`` times; returns the (item, key) pairs applied and the conflicts."""
    rng = random.Random(seed)
    applied: list[tuple[str, str]] = []
    conflicts = 0
    with open_store(url) as store:
        for n in range(updates):
            item_id = rng.choice(ITEMS)
            item, version = store.get_versioned(item_id)
            key = f"w{number}-{n}"
            marks = {**item.external_ids, key: str(version)}  # type: ignore[union-attr]
            try:
                store.update(item.model_copy(update={"external_ids": marks}), version=version)
            except ConflictError as exc:
                # The conflict names this item and a newer version than the one read.
                if (exc.item_id, exc.expected) != (item_id, version) or exc.actual <= version:
                    raise
                conflicts += 1
            else:
                applied.append((item_id, key))
    return applied, conflicts


def _hammer(url: str, processes: int, updates: int) -> None:
    with open_store(url) as store:
        store.import_library(load_sample_library())
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes) as pool:
        results = pool.starmap(_worker, [(url, w, updates, 1000 + w) for w in range(processes)])
    applied = [pair for done, _ in results for pair in done]
    conflicts = sum(c for _, c in results)
    assert len(applied) + conflicts == processes * updates
    assert applied  # at least some work got through
    with open_store(url) as store:
        for item_id in ITEMS:
            item, version = store.get_versioned(item_id)
            keys = {key for owner, key in applied if owner == item_id}
            # No update lost: every applied update left its mark, and each bumped the version once.
            assert set(item.external_ids) == keys  # type: ignore[union-attr]
            assert version == 1 + len(keys)
        assert sum(store.version_of(i) - 1 for i in ITEMS) == len(applied)


def test_processes_updating_postgres_lose_nothing(postgres_url: str) -> None:
    _hammer(postgres_url, 4, 30)


@pytest.mark.slow
def test_eight_processes_two_hundred_updates_each_on_postgres(postgres_url: str) -> None:
    _hammer(postgres_url, 8, 200)


def test_processes_updating_sqlite_lose_nothing(tmp_path: Path) -> None:
    _hammer(str(tmp_path / "content.db"), 4, 30)


@pytest.mark.slow
def test_eight_processes_on_sqlite(tmp_path: Path) -> None:
    _hammer(str(tmp_path / "content.db"), 8, 200)


def test_sqlite_writer_held_too_long_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "content.db"
    with open_store(path) as store:
        store.import_library(load_sample_library())
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with open_store(path, busy_timeout=0.2) as store:
            baku, version = store.get_versioned("baku")  # readers are not blocked (WAL)
            with pytest.raises(StoreError, match="locked by another writer") as busy:
                store.update(baku, version=version)
            assert "PostgreSQL" in str(busy.value)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    with open_store(path) as store:
        assert store.version_of("baku") == 1
