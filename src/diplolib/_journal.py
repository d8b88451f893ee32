"""Crash-safe replacement of several content files: a journal makes the change all or nothing.

:func:`commit_files` (used by :func:`diplolib.po.import_po`) changes a content
folder in three steps, and a crash (``SIGKILL``, power loss) at any point
leaves something the next reader completes:

1. it writes the journal ``.diplolib-journal`` in state ``prepare``, naming
   every target and the temporary file its new text goes to, then writes and
   syncs those temporary files;
2. it rewrites the journal in state ``commit``: from this point on the change
   has happened, whatever comes next;
3. it renames each temporary file over its target (after linking the old file
   to a backup name), then removes the backups and the journal.

:func:`recover` (run by :meth:`~diplolib.library.ContentLibrary.load`, so by
``validate``, ``preview`` and every ``content`` command, and by
:func:`commit_files` itself) finishes what it finds: a ``prepare`` journal is
rolled back (its temporary files removed: the folder is as before), a
``commit`` journal is rolled forward (the remaining renames done: the folder
is as after), and a ``rollback`` journal (written when a rename failed with an
error) restores the backups. Either way the temporary and backup files and the
journal are removed. Readers and writers of one folder take a lock on it
(``flock``, where the platform has it), so a load never sees a change half made.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> (folder / "a.json").write_text("old", encoding="utf-8")
3
>>> commit_files(folder, {folder / "a.json": "new", folder / "b.json": "fresh"})
>>> sorted(p.name for p in folder.iterdir()), (folder / "a.json").read_text(encoding="utf-8")
(['a.json', 'b.json'], 'new')
"""

from __future__ import annotations

__all__ = ["JOURNAL_NAME", "commit_files", "folder_lock", "recover"]

import glob
import json
import os
import re
import secrets
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, Final, Literal

from ._atomic import file_mode, fsync_dir
from .errors import ContentError

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows
    fcntl = None  # type: ignore[assignment]

JOURNAL_NAME: Final = ".diplolib-journal"
"""The journal of an import in progress, at the top of the content folder."""

_TEMP_SUFFIX: Final = ".diplolib-tmp"
_BACKUP_SUFFIX: Final = ".diplolib-bak"
_MAX_JOURNAL_BYTES: Final = 64 * 1024 * 1024
_TOKEN_RE: Final = re.compile(r"[0-9a-f]{8}")

State = Literal["prepare", "commit", "rollback"]


class _MalformedJournalError(ContentError):
    """A journal that is not as diplolib writes it (turned into a clear ContentError by the reader)."""


CONTENT_SUFFIXES: Final = (".json", ".toml")
"""What a journal may name: content documents and the editor's forms table."""


@contextmanager
def folder_lock(root: Path, *, exclusive: bool) -> Iterator[None]:
    """Hold a shared (readers) or exclusive (writers) lock on the folder ``root``.

    Without ``flock`` (or where the folder cannot be opened or locked) this is a no-op.

    >>> import tempfile
    >>> with folder_lock(Path(tempfile.mkdtemp()), exclusive=True):
    ...     pass
    """
    if fcntl is None:  # pragma: no cover - not on Windows
        yield
        return
    try:
        fd = os.open(root, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        # A file system without flock: the journal still keeps imports whole.
        with suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _write_journal(root: Path, state: State, token: str, files: list[dict[str, Any]]) -> None:
    journal = root / JOURNAL_NAME
    staging = root / (JOURNAL_NAME + _TEMP_SUFFIX)
    data = json.dumps({"version": 1, "state": state, "token": token, "files": files})
    with open(staging, "w", encoding="utf-8") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(staging, journal)
    fsync_dir(root)


def _remove_journal(root: Path) -> None:
    (root / JOURNAL_NAME).unlink(missing_ok=True)
    fsync_dir(root)


class _Entry:
    """One file of a journal, its paths checked to stay inside the content folder."""

    def __init__(self, root: Path, raw: object, token: str, state: State) -> None:
        if not isinstance(raw, dict):
            raise _MalformedJournalError("an entry is not an object")
        target, temp, existed = raw.get("target"), raw.get("temp"), raw.get("existed")
        if not isinstance(target, str) or not isinstance(existed, bool):
            raise _MalformedJournalError(
                "an entry has no target or does not say whether it existed"
            )
        self.target = _inside(root, target)
        if not self.target.name.endswith(CONTENT_SUFFIXES):
            raise _MalformedJournalError(f"entry {target[:80]!r} is not a content file")
        self.token = token
        self.existed = existed
        self.backup = _backup_name(self.target, token)
        self.temp: Path | None = None
        if temp is not None or state != "prepare":
            if not isinstance(temp, str):
                raise _MalformedJournalError(f"entry {target[:80]!r} has no temporary file")
            self.temp = _inside(root, temp)
            prefix = f".{self.target.name}.{token}."
            if (
                self.temp.parent != self.target.parent
                or not self.temp.name.startswith(prefix)
                or not self.temp.name.endswith(_TEMP_SUFFIX)
            ):
                raise _MalformedJournalError(
                    f"entry {target[:80]!r} names another file as its temporary"
                )

    def temps(self) -> list[Path]:
        """The temporary files this import made for the target that are still there."""
        pattern = f".{glob.escape(self.target.name)}.{self.token}.*{_TEMP_SUFFIX}"
        return sorted(self.target.parent.glob(pattern)) if self.target.parent.is_dir() else []


def _inside(root: Path, relative: str) -> Path:
    parts = relative.split("/")
    if any(part in ("", ".", "..") or "\\" in part or "\x00" in part for part in parts):
        raise _MalformedJournalError(f"path {relative[:80]!r} is not inside the content folder")
    return root.joinpath(*parts)


def _backup_name(target: Path, token: str) -> Path:
    return target.with_name(f".{target.name}.{token}{_BACKUP_SUFFIX}")


def _read_journal(root: Path) -> tuple[State, str, list[_Entry]] | None:
    journal = root / JOURNAL_NAME
    try:
        if journal.stat().st_size > _MAX_JOURNAL_BYTES:
            raise _MalformedJournalError("the journal is larger than any import writes")
        data = json.loads(journal.read_bytes())
    except FileNotFoundError:
        return None
    except (ValueError, RecursionError) as exc:
        raise ContentError(
            f"{journal}: the journal of an interrupted import is damaged ({exc}); "
            "restore the folder from a copy, then delete the journal"
        ) from None
    try:
        if not isinstance(data, dict) or data.get("version") != 1:
            raise _MalformedJournalError("unknown journal format")
        state, token, files = data.get("state"), data.get("token"), data.get("files")
        if state not in ("prepare", "commit", "rollback"):
            raise _MalformedJournalError(f"unknown state {state!r}")
        if not isinstance(token, str) or not _TOKEN_RE.fullmatch(token):
            raise _MalformedJournalError("no valid token")
        if not isinstance(files, list):
            raise _MalformedJournalError("no list of files")
        entries = [_Entry(root, raw, token, state) for raw in files]
    except ValueError as exc:
        raise ContentError(
            f"{journal}: the journal of an interrupted import is damaged ({exc}); "
            "restore the folder from a copy, then delete the journal"
        ) from None
    return state, token, entries


def _finish(root: Path, state: State, entries: list[_Entry]) -> None:
    """Complete an interrupted change: roll ``prepare``/``rollback`` back, ``commit`` forward."""
    if state == "commit":
        for entry in entries:
            if entry.temp is not None and entry.temp.exists():
                os.replace(entry.temp, entry.target)
    elif state == "rollback":
        for entry in entries:
            if entry.backup.exists():
                os.replace(entry.backup, entry.target)
            elif not entry.existed and entry.temp is not None and not entry.temp.exists():
                entry.target.unlink(missing_ok=True)  # a new file that had been renamed in
    for folder in {entry.target.parent for entry in entries}:
        fsync_dir(folder)
    for entry in entries:
        for temp in entry.temps():
            temp.unlink(missing_ok=True)
        entry.backup.unlink(missing_ok=True)
    (root / (JOURNAL_NAME + _TEMP_SUFFIX)).unlink(missing_ok=True)
    _remove_journal(root)


def recover(root: Path) -> str | None:
    """Finish an import of ``root`` that was interrupted; the state it was in, or None.

    Call it with the folder's exclusive lock held (:func:`folder_lock`).
    Raises :class:`~diplolib.errors.ContentError` when the journal is damaged
    or the files cannot be renamed.

    >>> import tempfile
    >>> recover(Path(tempfile.mkdtemp())) is None
    True
    """
    (root / (JOURNAL_NAME + _TEMP_SUFFIX)).unlink(missing_ok=True)
    found = _read_journal(root)
    if found is None:
        return None
    state, _, entries = found
    try:
        _finish(root, state, entries)
    except OSError as exc:
        raise ContentError(
            f"{root / JOURNAL_NAME}: cannot finish an interrupted import: "
            f"{exc.strerror or exc}; fix the folder's permissions and load it again"
        ) from exc
    return state


def needs_recovery(root: Path) -> bool:
    """True when ``root`` holds the journal of an interrupted import.

    >>> import tempfile
    >>> needs_recovery(Path(tempfile.mkdtemp()))
    False
    """
    return (root / JOURNAL_NAME).exists() or (root / (JOURNAL_NAME + _TEMP_SUFFIX)).exists()


def _relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def commit_files(root: Path, contents: Mapping[Path, str]) -> None:
    """Replace the files ``contents`` names below ``root`` so that all change or none does.

    Every target must be a content file (``*.json``, or the ``*.toml`` forms table)
    inside ``root``. Errors raise
    :class:`~diplolib.errors.ContentError` with every file as it was; a crash
    is completed by the next :func:`recover`.
    """
    root = Path(root)
    targets = {Path(target): text for target, text in contents.items()}
    for target in targets:
        if not target.is_relative_to(root) or not target.name.endswith(CONTENT_SUFFIXES):
            raise ContentError(f"{target} is not a content file inside {root}")
    with folder_lock(root, exclusive=True):
        recover(root)
        _commit_locked(root, targets)


def _commit_locked(root: Path, contents: Mapping[Path, str]) -> None:
    token = secrets.token_hex(4)
    files: list[dict[str, Any]] = [
        {"target": _relative(root, target), "existed": target.exists()} for target in contents
    ]
    current: Path = root / JOURNAL_NAME
    state: State | None = None
    try:
        # The journal comes first: every temporary file is named after the target and the
        # token, so a crash at any later point leaves nothing the next recovery cannot find.
        _write_journal(root, "prepare", token, files)
        state = "prepare"
        for index, (target, text) in enumerate(contents.items()):
            current = target
            fd, name = tempfile.mkstemp(
                dir=target.parent, prefix=f".{target.name}.{token}.", suffix=_TEMP_SUFFIX
            )
            os.close(fd)
            files[index]["temp"] = _relative(root, Path(name))
            os.chmod(name, file_mode(target))
            with open(name, "wb") as handle:
                handle.write(text.encode("utf-8"))
                handle.flush()
                os.fsync(handle.fileno())
        for folder in {target.parent for target in contents}:
            fsync_dir(folder)
        current = root / JOURNAL_NAME
        _write_journal(root, "commit", token, files)
        state = "commit"
        for target, raw in zip(contents, files, strict=True):
            current = target
            try:
                os.link(target, _backup_name(target, token))
            except FileNotFoundError:
                pass  # a new file: rolling back means removing it
            except OSError:
                shutil.copy2(target, _backup_name(target, token))
            os.replace(root / raw["temp"], target)
    except (OSError, ValueError) as exc:
        what = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        kept = _undo(root, token, files, state)
        raise ContentError(f"cannot write {current}: {what}; {kept}") from exc
    _finish(root, "commit", [_Entry(root, raw, token, "commit") for raw in files])


def _undo(root: Path, token: str, files: list[dict[str, Any]], state: State | None) -> str:
    """Put every file back after an error; what the caller may tell the user."""
    try:
        if state == "commit":
            _write_journal(root, "rollback", token, files)
            state = "rollback"
        entries = [_Entry(root, raw, token, state or "prepare") for raw in files]
        _finish(root, state or "prepare", entries)
    except (OSError, ValueError) as exc:
        if state == "rollback" or state == "commit":
            return (
                f"could not restore every file ({exc}); the next load of the folder "
                "finishes the change or restores it"
            )
        return "no content file was changed; the next load of the folder removes what is left"
    return "no content file was changed"
