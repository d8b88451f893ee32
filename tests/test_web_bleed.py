"""No language bleed between concurrent requests under a real server (uvicorn on loopback).

Thousands of concurrent requests alternate languages through every source the middleware
reads (URL prefix, query, cookie, Accept-Language); each handler yields to the event loop
between reading the language and answering, so requests interleave. Every response must be
in its request's language. The run is bounded in requests and in time and stops by itself.
"""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from diplolib import format_date, get_language, gettext, load_sample_library
from diplolib.languages import SUPPORTED_LANGUAGES
from diplolib.publish import published_languages
from diplolib.web import ASGILanguageMiddleware

REQUESTS = 2400
CONCURRENCY = 64
TIME_LIMIT = 60.0

uvicorn = pytest.importorskip("uvicorn")

LIBRARY = load_sample_library()
ARTICLE = next(a for a in LIBRARY.articles() if published_languages(a) == SUPPORTED_LANGUAGES)


def expected(lang: str) -> str:
    return "|".join(
        [
            lang,
            ARTICLE.title.get(lang),
            gettext("Print", lang=lang),
            format_date(ARTICLE.published, "long", lang=lang),
        ]
    )


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    first = get_language()
    await asyncio.sleep(0)  # let other requests run between reading and answering
    parts = [first, LIBRARY.get(ARTICLE.id).title.get(), gettext("Print")]
    await asyncio.sleep(0)
    parts.append(format_date(ARTICLE.published, "long"))
    if get_language() != first:
        parts.append("changed")
    body = "|".join(parts).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def request_for(index: int) -> tuple[str, str, dict[str, str]]:
    """The language, path and headers of request ``index``: languages and sources alternate."""
    lang = SUPPORTED_LANGUAGES[index % len(SUPPORTED_LANGUAGES)]
    other = SUPPORTED_LANGUAGES[(index + 1) % len(SUPPORTED_LANGUAGES)]
    source = (index // len(SUPPORTED_LANGUAGES)) % 4
    if source == 0:
        return lang, f"/{lang}/page", {"accept-language": other, "cookie": f"lang={other}"}
    if source == 1:
        return lang, f"/page?lang={lang}", {"accept-language": other, "cookie": f"lang={other}"}
    if source == 2:
        return lang, "/page", {"accept-language": other, "cookie": f"lang={lang}"}
    return lang, "/page", {"accept-language": f"tr, {lang};q=0.8, {other};q=0.5"}


def test_no_language_bleed_under_uvicorn(capsys: pytest.CaptureFixture[str]) -> None:
    # The server runs in its own process (no shared GIL with the client), serving this
    # module's app on a loopback socket bound here to a free port and handed over by fd.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(256)
    port = sock.getsockname()[1]
    code = (
        "import sys, uvicorn\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from test_web_bleed import served\n"
        f"uvicorn.run(served, fd={sock.fileno()}, log_level='warning', access_log=False,"
        " lifespan='off', ws='none', http='h11', loop='asyncio')\n"
    )
    server = subprocess.Popen([sys.executable, "-c", code], pass_fds=[sock.fileno()])
    try:
        wait_until_serving(port, server)
        wrong, count, elapsed = asyncio.run(hammer(port))
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)
        sock.close()
    assert count == REQUESTS
    assert wrong == [], wrong[:5]
    with capsys.disabled():
        print(
            f"\n[bleed] {count} requests ({CONCURRENCY} connections at a time) through uvicorn "
            f"in {elapsed:.2f} s, {count / elapsed:.0f} requests/s, 0 in the wrong language"
        )


served = ASGILanguageMiddleware(app)


def wait_until_serving(port: int, server: subprocess.Popen[bytes]) -> None:
    async def probe() -> bool:
        try:
            status, _, _ = await fetch_once(port, "/en/page", {})
        except OSError:
            return False
        return status == 200

    deadline = time.monotonic() + 20
    while not asyncio.run(probe()):
        assert server.poll() is None, "uvicorn exited while starting"
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)


async def fetch_once(
    port: int, path: str, headers: dict[str, str]
) -> tuple[int, dict[str, str], str]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        return await fetch(reader, writer, path, headers)
    finally:
        writer.close()
        await writer.wait_closed()


async def fetch(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str, headers: dict[str, str]
) -> tuple[int, dict[str, str], str]:
    """One HTTP/1.1 keep-alive request on an open connection: status, headers, text."""
    lines = [f"GET {path} HTTP/1.1", "Host: 127.0.0.1"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    received = {}
    for line in header_lines:
        if line:
            name, _, value = line.partition(":")
            received[name.strip().lower()] = value.strip()
    body = await reader.readexactly(int(received.get("content-length", "0")))
    return int(status_line.split()[1]), received, body.decode()


async def hammer(port: int) -> tuple[list[str], int, float]:
    wrong: list[str] = []
    done = 0
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(REQUESTS):
        queue.put_nowait(index)

    async def worker() -> None:
        nonlocal done
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while True:
                try:
                    index = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                lang, path, headers = request_for(index)
                status, received, text = await fetch(reader, writer, path, headers)
                done += 1
                if (
                    status != 200
                    or text != expected(lang)
                    or received.get("content-language") != lang
                ):
                    wrong.append(f"{index} {path} {headers}: {status} {text}")
        finally:
            writer.close()
            await writer.wait_closed()

    start = time.perf_counter()
    await asyncio.wait_for(
        asyncio.gather(*(worker() for _ in range(CONCURRENCY))), timeout=TIME_LIMIT
    )
    return wrong, done, time.perf_counter() - start
