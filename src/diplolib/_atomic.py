"""Replace several files at once: either every file gets its new content or none does.

Atomic across exceptions only: a crash (rather than an exception) between two
renames leaves the old content of every file already replaced in a
``.<name>.<token>.bak`` file beside it. It serves single files written outside
a content folder (``content export -o``); a content folder's files are written
by :func:`diplolib._journal.commit_files` (``content import``,
:meth:`diplolib.library.ContentLibrary.save`), which is atomic across crashes too.

>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> (folder / "a.json").write_text("old", encoding="utf-8")
3
>>> write_all({folder / "a.json": "new", folder / "b.json": "fresh"})
>>> sorted(p.name for p in folder.iterdir()), (folder / "a.json").read_text(encoding="utf-8")
(['a.json', 'b.json'], 'new')
"""

from __future__ import annotations

__all__ = ["file_mode", "write_all"]

import os
import secrets
import shutil
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .errors import ContentError


def _umask() -> int:
    try:  # Linux tells it without changing it
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def file_mode(target: Path) -> int:
    """The permission bits a file written to ``target`` should get.

    A file being replaced keeps its own mode; a new file gets what ``open()``
    would give it (``0o666`` less the umask). Temporary files from
    :func:`tempfile.mkstemp` are private (``0o600``) and must be given this
    mode before they are renamed into place.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "shared.json").write_text("{}", encoding="utf-8")
    2
    >>> (folder / "shared.json").chmod(0o644)
    >>> oct(file_mode(folder / "shared.json"))
    '0o644'
    >>> file_mode(folder / "new.json") == 0o666 & ~_umask()
    True
    """
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


def fsync_dir(folder: Path) -> None:
    """Sync a folder so the renames in it survive a crash (where the platform allows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible on every platform; the renames are still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _backup(target: Path, backup: Path) -> None:
    """Keep the old content under ``backup``: a hard link, or a copy where links are refused."""
    try:
        os.link(target, backup)
    except FileNotFoundError:
        return  # a new file: rolling back means removing it
    except OSError:
        shutil.copy2(target, backup)


def write_all(contents: Mapping[Path, str]) -> None:
    """Replace several files so that either all change or none does.

    Phase 1 writes and syncs every new text to a temporary file beside its
    target, with the target's mode (see :func:`file_mode`). Phase 2 links each target to a backup name and renames the
    temporary file over it. Any failure removes the temporary files and, in
    phase 2, renames the backups back, so every target keeps its old content.
    """
    temps: dict[Path, Path] = {}
    backups: dict[Path, Path] = {}
    replaced: list[Path] = []
    current: Path | None = None
    token = secrets.token_hex(4)
    try:
        for target, text in contents.items():
            current = target
            fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            temps[target] = Path(name)
            os.chmod(name, file_mode(target))
            with os.fdopen(fd, "wb") as handle:
                handle.write(text.encode("utf-8"))
                handle.flush()
                os.fsync(handle.fileno())
        for target, temp in temps.items():
            current = target
            backup = target.with_name(f".{target.name}.{token}.bak")
            _backup(target, backup)
            backups[target] = backup
            os.replace(temp, target)
            replaced.append(target)
    except (OSError, ValueError) as exc:
        problems = _roll_back(temps, backups, replaced)
        what = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        kept = (
            "no content file was changed"
            if not problems
            else "could not restore: " + "; ".join(problems)
        )
        raise ContentError(f"cannot write {current}: {what}; {kept}") from exc
    for backup in backups.values():
        backup.unlink(missing_ok=True)
    for folder in {target.parent for target in contents}:
        fsync_dir(folder)


def _roll_back(
    temps: dict[Path, Path], backups: dict[Path, Path], replaced: list[Path]
) -> list[str]:
    problems = []
    for target in reversed(replaced):
        backup = backups[target]
        try:
            if backup.exists():
                os.replace(backup, target)
            else:
                target.unlink()
        except OSError as exc:
            problems.append(f"{target} (its old content is in {backup}): {exc.strerror or exc}")
    for target, backup in backups.items():
        if target not in replaced:
            backup.unlink(missing_ok=True)
    for temp in temps.values():
        temp.unlink(missing_ok=True)
    return problems
