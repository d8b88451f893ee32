"""The ``detect`` command: the language of each line (or each segment) of a file.

>>> from diplolib.cli import main
>>> import io, sys
>>> sys.stdin = io.TextIOWrapper(io.BytesIO("Prezident Bakıda görüş keçirdi\\n".encode()))
>>> main(["detect", "-"])
az	1.00	Latn	Prezident Bakıda görüş keçirdi
0
>>> sys.stdin = sys.__stdin__
"""

from __future__ import annotations

import argparse
from typing import IO, Any

# Show progress by default only for input at least this big (when stderr is a terminal).
_PROGRESS_BYTES = 1 << 20
_PROGRESS_EVERY_S = 0.2


def register(sub: Any) -> None:
    """Add the ``detect`` command to the ``diplolib`` parser."""
    detect = sub.add_parser(
        "detect",
        help="print the language of each line (or each segment) of a text file",
        description=(
            "Detect the language of each input line. Output columns: language, "
            "confidence, script, text (tab-separated), or JSON Lines with --json."
        ),
    )
    detect.add_argument("file", nargs="?", default="-", help="text file, or - for stdin (default)")
    detect.add_argument(
        "--segments", action="store_true", help="split each line into runs of one language"
    )
    detect.add_argument("--json", action="store_true", help="write one JSON object per line")
    detect.add_argument(
        "--candidates",
        metavar="CODES",
        help="comma-separated languages to choose from, e.g. az,en",
    )
    progress = detect.add_mutually_exclusive_group()
    progress.add_argument(
        "--progress",
        dest="progress",
        action="store_true",
        default=None,
        help="always show a progress bar on stderr",
    )
    progress.add_argument(
        "--no-progress", dest="progress", action="store_false", help="never show progress"
    )
    detect.set_defaults(handler=_detect)


class _Progress:
    """A one-line progress bar on stderr, redrawn at most a few times a second."""

    def __init__(self, stream: IO[str], total: int | None) -> None:
        import time

        self._clock = time.monotonic
        self._stream = stream
        self._total = total
        self._last = 0.0
        self._drawn = False

    def update(self, done: int, lines: int, *, final: bool = False) -> None:
        now = self._clock()
        if not final and now - self._last < _PROGRESS_EVERY_S:
            return
        self._last = now
        if self._total:
            share = min(done / self._total, 1.0)
            filled = int(share * 30)
            bar = "#" * filled + "-" * (30 - filled)
            text = f"\rdetect [{bar}] {share:4.0%} {lines:,} lines"
        else:
            text = f"\rdetect: {lines:,} lines"
        self._stream.write(text)
        self._stream.flush()
        self._drawn = True

    def close(self, done: int, lines: int) -> None:
        if self._drawn:
            self.update(done, lines, final=True)
            self._stream.write("\n")
            self._stream.flush()


def _detect(args: argparse.Namespace) -> int:
    import json
    import os
    import sys

    from diplolib.detect import detect_language, detect_segments
    from diplolib.errors import DetectionError

    candidates = None
    if args.candidates:
        candidates = [c.strip() for c in args.candidates.split(",") if c.strip()]
    try:
        detect_language("", candidates=candidates)
    except DetectionError as exc:
        print(f"error: --candidates: {exc}", file=sys.stderr)
        return 2

    total: int | None = None
    if args.file == "-":
        stream: IO[bytes] = sys.stdin.buffer
    else:
        try:
            stream = open(args.file, "rb")  # noqa: SIM115 - closed in the finally below
            total = os.fstat(stream.fileno()).st_size
        except OSError as exc:
            print(f"error: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
            return 1
    show = args.progress
    if show is None:
        show = sys.stderr.isatty() and (total is None or total >= _PROGRESS_BYTES)
    progress = _Progress(sys.stderr, total) if show else None
    out = sys.stdout
    done = lines = 0
    try:
        for raw in stream:
            done += len(raw)
            lines += 1
            line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
            if args.segments:
                segments = detect_segments(line, candidates=candidates)
                if args.json:
                    row = {
                        "line": lines,
                        "segments": [
                            {
                                "start": s.start,
                                "end": s.end,
                                "lang": s.lang,
                                "confidence": s.confidence,
                                "script": s.script,
                                "text": s.text,
                            }
                            for s in segments
                        ],
                    }
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                else:
                    for s in segments:
                        out.write(
                            f"{lines}\t{s.start}-{s.end}\t{s.lang}\t{s.confidence:.2f}\t"
                            f"{s.script}\t{s.text}\n"
                        )
            else:
                found = detect_language(line, candidates=candidates)
                if args.json:
                    row = {
                        "line": lines,
                        "lang": found.lang,
                        "confidence": found.confidence,
                        "script": found.script,
                        "scores": dict(found.scores),
                    }
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                else:
                    out.write(f"{found.lang}\t{found.confidence:.2f}\t{found.script}\t{line}\n")
            if progress is not None:
                progress.update(done, lines)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
        if progress is not None:
            progress.close(done, lines)
    out.flush()
    return 0
