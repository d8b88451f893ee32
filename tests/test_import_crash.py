"""Imports are atomic across crashes: the next load sees the folder wholly before or after.

Two ways of crashing an import of many content files: in-process, by raising an
exception nothing catches at every single file-system step of the write phase;
and for real, by ``SIGKILL``-ing an importing process at random moments of it.
After each crash the next :meth:`ContentLibrary.load` must finish or roll back
the import: the folder then validates, equals its state before or after the
import byte for byte, and holds no temporary file or journal.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from diplolib import (
    ContentError,
    ContentLibrary,
    LibraryError,
    export_po,
    import_po,
    load_sample_library,
)
from diplolib import _journal as journal

NAMED_FIELDS = ("name", "title", "given", "family", "lead")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _po_changing_many_files(folder: Path, target: Path) -> Path:
    po = export_po(ContentLibrary.load(folder), "en", "az")
    for index, entry in enumerate(po):
        if entry.msgctxt.split(":")[2] in NAMED_FIELDS:
            entry.msgstr = f"Yeni mətn nömrə {index}"
    po.save(str(target))
    return target


class Setup:
    def __init__(self, base: Path) -> None:
        self.pristine = base / "pristine"
        load_sample_library().save(self.pristine)
        self.po = _po_changing_many_files(self.pristine, base / "az.po")
        self.before = snapshot(self.pristine)
        done = base / "done"
        shutil.copytree(self.pristine, done)
        report = import_po(done, self.po, language_check=False)
        assert report.committed
        assert len(report.changed_files) > 30
        self.after = snapshot(done)
        self.changed = len(report.changed_files)

    def fresh(self, folder: Path) -> Path:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(self.pristine, folder)
        return folder


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Setup:
    return Setup(tmp_path_factory.mktemp("crash"))


def assert_whole(folder: Path, setup: Setup) -> str:
    """Load (which recovers), then check the folder is exactly before or after; which one."""
    library = ContentLibrary.load(folder)
    state = snapshot(folder)
    leftovers = [
        name
        for name in state
        if name.endswith((".diplolib-tmp", ".diplolib-bak")) or journal.JOURNAL_NAME in name
    ]
    assert leftovers == []
    if state == setup.before:
        return "before"
    assert state == setup.after, sorted(
        name for name in set(state) | set(setup.after) if state.get(name) != setup.after.get(name)
    )
    assert library == ContentLibrary.load(folder)
    return "after"


# ---------------------------------------------------------------------------
# in-process: a crash at every step


class Crash(BaseException):
    """Stands for the process dying: no ``except Exception`` handler sees it."""


def _count_steps(setup: Setup, folder: Path) -> int:
    counter = _Counter(None)
    with counter.installed():
        assert import_po(setup.fresh(folder), setup.po, language_check=False).committed
    assert snapshot(folder) == setup.after
    return counter.calls


class _Counter:
    """Counts (and at ``crash_at`` interrupts) the file-system calls of the write phase."""

    def __init__(self, crash_at: int | None) -> None:
        self.crash_at = crash_at
        self.calls = 0
        self.armed = False

    def wrap(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def step(*args: Any, **kwargs: Any) -> Any:
            if self.armed:
                self.calls += 1
                if self.calls == self.crash_at:
                    raise Crash
            return real(*args, **kwargs)

        return step

    def installed(self) -> Any:
        counter = self

        class Installed:
            def __enter__(self) -> None:
                self.saved = {
                    "replace": os.replace,
                    "link": os.link,
                    "fsync": os.fsync,
                    "unlink": Path.unlink,
                    "chmod": os.chmod,
                    "mkstemp": journal.tempfile.mkstemp,
                    "commit": journal._commit_locked,
                }
                os.replace = counter.wrap(os.replace)  # type: ignore[assignment]
                os.link = counter.wrap(os.link)  # type: ignore[assignment]
                os.fsync = counter.wrap(os.fsync)  # type: ignore[assignment]
                os.chmod = counter.wrap(os.chmod)  # type: ignore[assignment]
                Path.unlink = counter.wrap(Path.unlink)  # type: ignore[method-assign]
                journal.tempfile.mkstemp = counter.wrap(journal.tempfile.mkstemp)  # type: ignore[assignment]
                real_commit = self.saved["commit"]

                def commit(root: Path, contents: Any) -> None:
                    counter.armed = True
                    try:
                        real_commit(root, contents)
                    finally:
                        counter.armed = False

                journal._commit_locked = commit  # type: ignore[assignment]

            def __exit__(self, *exc: object) -> None:
                os.replace = self.saved["replace"]
                os.link = self.saved["link"]
                os.fsync = self.saved["fsync"]
                os.chmod = self.saved["chmod"]
                Path.unlink = self.saved["unlink"]  # type: ignore[method-assign]
                journal.tempfile.mkstemp = self.saved["mkstemp"]
                journal._commit_locked = self.saved["commit"]

        return Installed()


def _crash_points(total: int, sample: int | None) -> list[int]:
    if sample is None or sample >= total:
        return list(range(1, total + 1))
    rng = random.Random(total)
    return sorted({1, total, *rng.sample(range(1, total + 1), sample)})


def _crash_everywhere(setup: Setup, folder: Path, sample: int | None) -> dict[str, int]:
    total = _count_steps(setup, folder)
    assert total > 4 * setup.changed  # temp, sync, link, rename per file, and more
    changed = {name: text for name, text in setup.after.items() if setup.before.get(name) != text}
    seen = {"before": 0, "after": 0}
    for crash_at in _crash_points(total, sample):
        setup.fresh(folder)
        counter = _Counter(crash_at)
        contents = {folder / name: text.decode("utf-8") for name, text in changed.items()}
        with counter.installed(), pytest.raises(Crash):
            journal.commit_files(folder, contents)
        seen[assert_whole(folder, setup)] += 1
    return seen


def test_a_crash_at_sampled_steps_of_the_write_phase_is_finished_or_undone(
    setup: Setup, tmp_path: Path
) -> None:
    seen = _crash_everywhere(setup, tmp_path / "lib", sample=12)
    # Crashes before the commit point roll back, after it roll forward: both happen.
    assert seen["before"] > 0
    assert seen["after"] > 0


@pytest.mark.slow
def test_a_crash_at_every_step_of_the_write_phase_is_finished_or_undone(
    setup: Setup, tmp_path: Path
) -> None:
    seen = _crash_everywhere(setup, tmp_path / "lib", sample=None)
    assert seen["before"] > setup.changed
    assert seen["after"] > setup.changed


def test_an_import_after_a_crash_finishes_the_old_one_first(setup: Setup, tmp_path: Path) -> None:
    folder = setup.fresh(tmp_path / "lib")
    counter = _Counter(3 * setup.changed)
    with counter.installed(), pytest.raises(Crash):
        import_po(folder, setup.po, language_check=False)
    assert (folder / journal.JOURNAL_NAME).exists()
    report = import_po(folder, setup.po, language_check=False)
    assert report.committed or report.applied == []
    assert_whole(folder, setup)


@pytest.mark.parametrize(
    "journal_text",
    [
        "not json",
        json.dumps({"version": 1, "state": "commit", "token": "00000000", "files": "x"}),
        json.dumps(
            {
                "version": 1,
                "state": "commit",
                "token": "00000000",
                "files": [{"target": "../outside.json", "temp": "x", "existed": True}],
            }
        ),
        json.dumps(
            {
                "version": 1,
                "state": "commit",
                "token": "00000000",
                "files": [
                    {
                        "target": "places/baku.json",
                        "temp": "places/gabala.json",
                        "existed": True,
                    }
                ],
            }
        ),
        "[" * 100_000,
    ],
)
def test_a_damaged_or_hostile_journal_is_a_library_error_and_touches_nothing(
    setup: Setup, tmp_path: Path, journal_text: str
) -> None:
    folder = setup.fresh(tmp_path / "lib")
    (folder / journal.JOURNAL_NAME).write_text(journal_text, encoding="utf-8")
    before = snapshot(folder)
    with pytest.raises(LibraryError, match="journal of an interrupted import is damaged"):
        ContentLibrary.load(folder)
    assert snapshot(folder) == before


def test_an_error_while_renaming_restores_every_file(
    setup: Setup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = setup.fresh(tmp_path / "lib")
    real = os.replace
    calls = {"n": 0}

    def failing(src: Any, dst: Any) -> None:
        if str(src).endswith(".diplolib-tmp") and not str(dst).endswith(journal.JOURNAL_NAME):
            calls["n"] += 1
            if calls["n"] == setup.changed // 2:
                raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(ContentError, match="no content file was changed"):
        import_po(folder, setup.po, language_check=False)
    monkeypatch.undo()
    assert snapshot(folder) == setup.before


# ---------------------------------------------------------------------------
# for real: SIGKILL at random moments of the write phase

_CHILD = r"""
import os, sys, time
import diplolib._journal as journal
import diplolib.po as po
from diplolib import import_po

real_replace, real_fsync, real_commit = os.replace, os.fsync, journal.commit_files

def slow_replace(src, dst):
    time.sleep(0.002)
    real_replace(src, dst)

def slow_fsync(fd):
    time.sleep(0.001)
    real_fsync(fd)

def commit(root, contents):
    # Slowed down so that random kill times spread over every step of the write phase.
    os.replace, os.fsync = slow_replace, slow_fsync
    print("WRITING", flush=True)
    real_commit(root, contents)
    print("DONE", flush=True)

po.commit_files = commit
report = import_po(sys.argv[1], sys.argv[2], language_check=False)
sys.exit(0 if report.committed else 3)
"""


def _start(folder: Path, po: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(folder), str(po)],
        stdout=subprocess.PIPE,
        text=True,
    )


def _wait_for(process: subprocess.Popen[str], line: str) -> float:
    assert process.stdout is not None
    while True:
        got = process.stdout.readline()
        if not got:
            raise AssertionError(f"the import ended before printing {line}")
        if got.strip() == line:
            return time.monotonic()


def _write_phase_seconds(setup: Setup, folder: Path) -> float:
    process = _start(setup.fresh(folder), setup.po)
    started = _wait_for(process, "WRITING")
    ended = _wait_for(process, "DONE")
    assert process.wait(timeout=60) == 0
    if process.stdout is not None:
        process.stdout.close()
    return ended - started


def _kill_trials(setup: Setup, folder: Path, count: int, seed: int) -> dict[str, int]:
    duration = _write_phase_seconds(setup, folder)
    rng = random.Random(seed)
    seen = {"before": 0, "after": 0}
    for trial in range(count):
        process = _start(setup.fresh(folder), setup.po)
        _wait_for(process, "WRITING")
        # Spread over the whole write phase, the last trial just past its end.
        delay = duration * (trial + rng.random()) / count
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        if process.stdout is not None:
            process.stdout.close()
        seen[assert_whole(folder, setup)] += 1
    return seen


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_imports_leave_the_folder_before_or_after(setup: Setup, tmp_path: Path) -> None:
    seen = _kill_trials(setup, tmp_path / "lib", count=5, seed=16)
    assert sum(seen.values()) == 5


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sixty_killed_imports_leave_the_folder_before_or_after(
    setup: Setup, tmp_path: Path
) -> None:
    seen = _kill_trials(setup, tmp_path / "lib", count=60, seed=1616)
    assert sum(seen.values()) == 60
    assert seen["before"] > 0
    assert seen["after"] > 0


@pytest.mark.skipif(journal.fcntl is None, reason="needs flock")
def test_a_load_waits_while_an_import_holds_the_folder(setup: Setup, tmp_path: Path) -> None:
    folder = setup.fresh(tmp_path / "lib")
    loaded: list[int] = []
    with journal.folder_lock(folder, exclusive=True):
        reader = threading.Thread(target=lambda: loaded.append(len(ContentLibrary.load(folder))))
        reader.start()
        reader.join(timeout=0.5)
        assert reader.is_alive()  # blocked by the writer's lock
        assert loaded == []
    reader.join(timeout=30)
    assert loaded == [len(ContentLibrary.load(folder))]
