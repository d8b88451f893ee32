"""The preview's toolbar and World Cities box in headless Chromium, driven over the DevTools protocol.

Chromium runs with ``--remote-debugging-pipe`` (commands on fd 3, replies on fd 4, no network
port). The test clicks the controls with real mouse events and reads computed styles; it also
emulates print media and a browser without JavaScript.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from diplolib import load_sample_library
from diplolib.clock import DEFAULT_CITIES, world_clock
from diplolib.preview import build_preview
from diplolib.publish import canonical_url

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
BASH = shutil.which("bash") or "/bin/bash"  # moves the pipe ends to fd 3 and 4 (dash has no fd > 9)
LIBRARY = load_sample_library()
ARTICLE = LIBRARY.get("kazakhstan-azerbaijan-strategic-partner")
TIMEOUT = 30.0


class DevTools:
    """A minimal DevTools protocol client over Chromium's debugging pipe."""

    def __init__(self, profile: Path) -> None:
        if CHROMIUM is None:
            if os.environ.get("CI"):
                pytest.fail("chromium is not installed; .ci/run installs it")
            pytest.skip("chromium is not installed (apt-get install chromium)")
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()
        # The child needs the pipe ends as fd 3 and 4: bash moves them there and execs
        # chromium. The ends are first moved above 9 so the moves cannot overwrite each other.
        child_read = fcntl.fcntl(to_browser_read, fcntl.F_DUPFD, 10)
        child_write = fcntl.fcntl(from_browser_write, fcntl.F_DUPFD, 10)
        os.close(to_browser_read)
        os.close(from_browser_write)
        to_browser_read, from_browser_write = child_read, child_write
        self.process = subprocess.Popen(
            [
                BASH,
                "-c",
                f'exec 3<&{child_read} 4>&{child_write} {child_read}<&- {child_write}>&-; exec "$@"',
                "sh",
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--remote-debugging-pipe",
                f"--user-data-dir={profile}",
                "--window-size=1280,900",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(child_read, child_write),
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next_id = 0
        self.session: str | None = None
        targets = self.call("Target.getTargets", session=False)["targetInfos"]
        page = next((t for t in targets if t["type"] == "page"), None)
        target_id = (
            page["targetId"]
            if page
            else self.call("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        )
        attached = self.call(
            "Target.attachToTarget", {"targetId": target_id, "flatten": True}, session=False
        )
        self.session = attached["sessionId"]
        self.call("Page.enable")
        self.call("Runtime.enable")

    def close(self) -> None:
        with contextlib.suppress(AssertionError, OSError):
            self.call("Browser.close", session=False)
        for fd in (self._to_browser, self._from_browser):
            with contextlib.suppress(OSError):
                os.close(fd)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)

    def _messages(self, deadline: float) -> Iterator[dict[str, Any]]:
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                yield json.loads(raw)
            left = deadline - time.monotonic()
            assert left > 0, "no answer from chromium in time"
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if ready:
                chunk = os.read(self._from_browser, 1 << 16)
                assert chunk, "chromium closed the debugging pipe"
                self._buffer += chunk

    def call(
        self, method: str, params: dict[str, Any] | None = None, *, session: bool = True
    ) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        for reply in self._messages(time.monotonic() + TIMEOUT):
            if reply.get("id") == self._next_id:
                assert "error" not in reply, (method, reply["error"])
                return dict(reply.get("result", {}))
        raise AssertionError("unreachable")

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def open(self, url: str, ready: str = "true") -> None:
        self.call("Page.navigate", {"url": url})
        self.wait_for(
            f"document.readyState === 'complete' && location.href === {url!r} && ({ready})"
        )

    def wait_for(self, condition: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while not self.evaluate(condition):
            assert time.monotonic() < deadline, f"timed out waiting for {condition}"
            time.sleep(0.05)

    def click(self, selector: str) -> None:
        """A real left click in the middle of the element."""
        box = self.evaluate(
            f"(() => {{ const e = document.querySelector({selector!r});"
            " e.scrollIntoView({block: 'center'});"
            " const r = e.getBoundingClientRect();"
            " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()"
        )
        for kind in ("mousePressed", "mouseReleased"):
            self.call(
                "Input.dispatchMouseEvent",
                {"type": kind, "x": box["x"], "y": box["y"], "button": "left", "clickCount": 1},
            )

    def style(self, selector: str, prop: str) -> str:
        return str(
            self.evaluate(
                f"getComputedStyle(document.querySelector({selector!r})).getPropertyValue({prop!r})"
            )
        )

    def px(self, selector: str, prop: str) -> float:
        value = self.style(selector, prop)
        assert value.endswith("px"), (selector, prop, value)
        return float(value[:-2])


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("toolbar-site")
    build_preview(LIBRARY, out)
    return out


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevTools]:
    devtools = DevTools(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield devtools
    finally:
        devtools.close()


def page_url(site: Path, lang: str) -> str:
    path = canonical_url(ARTICLE, lang, patterns={"article": "/{lang}/articles/{slug}/index.html"})
    return (site / path.lstrip("/")).as_uri()


TEXT = ".article-text p:not(.lead)"
READY = "document.documentElement.classList.contains('tools-ready')"


def test_font_size_and_line_spacing_change_the_text_and_are_remembered(
    browser: DevTools, site: Path
) -> None:
    url = page_url(site, "az")
    browser.open(url, READY)
    browser.evaluate("localStorage.clear()")
    browser.open(url, READY)
    size0 = browser.px(TEXT, "font-size")
    line0 = browser.px(TEXT, "line-height")
    controls0 = browser.px(".controls", "font-size")
    assert line0 / size0 == pytest.approx(1.5, abs=0.01)

    browser.click('[data-tool="larger"]')
    size1 = browser.px(TEXT, "font-size")
    assert size1 == pytest.approx(size0 * 1.125, abs=0.2)
    browser.click('[data-tool="larger"]')
    assert browser.px(TEXT, "font-size") == pytest.approx(size0 * 1.25, abs=0.2)
    browser.click('[data-tool="smaller"]')
    assert browser.px(TEXT, "font-size") == pytest.approx(size1, abs=0.2)
    # the lead grows with the text; the toolbar itself does not
    assert browser.px(".lead", "font-size") > size1
    assert browser.px(".controls", "font-size") == controls0

    browser.click('[data-tool="spacing"]')
    assert browser.px(TEXT, "line-height") / browser.px(TEXT, "font-size") == pytest.approx(
        2.0, abs=0.01
    )
    assert browser.evaluate("location.hash") == ""  # handled in place, no navigation
    assert browser.evaluate("localStorage.getItem('diplolib.preview.font-step')") == "1"
    assert browser.evaluate("localStorage.getItem('diplolib.preview.spacing')") == "wide"

    # a new visit, and the other language's page, keep the choice
    for again in (url, page_url(site, "en")):
        browser.open(again, READY)
        assert browser.px(TEXT, "font-size") == pytest.approx(size1, abs=0.2)
        size = browser.px(TEXT, "font-size")
        assert browser.px(TEXT, "line-height") / size == pytest.approx(2.0, abs=0.01)

    browser.click('[data-tool="spacing"]')
    for _ in range(10):  # bounded at both ends
        browser.click('[data-tool="smaller"]')
    smallest = browser.px(TEXT, "font-size")
    assert smallest == pytest.approx(size0 * 0.75, abs=0.2)
    assert browser.px(TEXT, "line-height") / smallest == pytest.approx(1.5, abs=0.01)
    browser.evaluate("localStorage.clear()")


def test_print_opens_the_dialog_and_the_print_stylesheet_shows_only_the_article(
    browser: DevTools, site: Path
) -> None:
    browser.open(page_url(site, "en"), READY)
    # window.print() would block headless chromium on a dialog: count the calls instead
    browser.evaluate("window.printed = 0; window.print = () => { window.printed += 1; }")
    browser.click('[data-tool="print"]')
    assert browser.evaluate("window.printed") == 1

    screen = {
        sel: browser.style(sel, "display")
        for sel in ("header.site", "nav.breadcrumbs", ".controls", ".world-cities", ".related")
    }
    assert "none" not in screen.values()
    browser.call("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        for selector in screen:
            assert browser.style(selector, "display") == "none", selector
        hidden = browser.evaluate(
            "[...document.querySelectorAll('article h1, .article-text p')]"
            ".filter(p => getComputedStyle(p).display === 'none' || p.getClientRects().length === 0)"
            ".length"
        )
        assert hidden == 0
        shown = browser.evaluate("document.querySelectorAll('.article-text p:not(.lead)').length")
        assert shown == len(ARTICLE.body)
        assert browser.style(".article-text", "overflow") == "visible"
        assert browser.style("main", "max-width") == "none"
    finally:
        browser.call("Emulation.setEmulatedMedia", {"media": ""})


def test_world_cities_box_shows_current_local_times(browser: DevTools, site: Path) -> None:
    browser.open(page_url(site, "az"), READY)
    rows = browser.evaluate(
        "[...document.querySelectorAll('.world-cities li')].map(li => ["
        "li.dataset.zone, li.querySelector('.city').textContent,"
        " li.querySelector('time').textContent, li.querySelector('.offset').textContent])"
    )
    now = dt.datetime.now(dt.UTC)
    expected = world_clock(now=now, lang="az")
    assert [r[1] for r in rows] == [c.name for c in expected]
    assert len(rows) == len(DEFAULT_CITIES)
    for (zone, _, shown, offset), city in zip(rows, expected, strict=True):
        assert zone == city.city.zone
        assert offset == city.offset
        allowed = {
            (now + dt.timedelta(minutes=delta)).astimezone(ZoneInfo(zone)).strftime("%H:%M")
            for delta in (-1, 0, 1)
        }
        assert shown in allowed, (zone, shown)


def test_without_javascript_the_controls_are_plain_links(browser: DevTools, site: Path) -> None:
    browser.call("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        url = page_url(site, "en")
        browser.open(url)
        assert not browser.evaluate(READY)
        hrefs = browser.evaluate(
            "[...document.querySelectorAll('.controls [data-tool]')].map(a => a.tagName + a.getAttribute('href'))"
        )
        assert hrefs == ["A#line-spacing", "A#font-smaller", "A#font-larger", "A#print"]
        size0 = browser.px(TEXT, "font-size")
        browser.click('[data-tool="larger"]')
        browser.wait_for("location.hash === '#font-larger'")
        assert browser.px(TEXT, "font-size") > size0
        browser.click('[data-tool="spacing"]')
        browser.wait_for("location.hash === '#line-spacing'")
        assert browser.px(TEXT, "line-height") / browser.px(TEXT, "font-size") == pytest.approx(
            2.0, abs=0.01
        )
        browser.click('[data-tool="print"]')
        browser.wait_for("location.hash === '#print'")
        assert browser.style("header.site", "display") == "none"
        assert browser.style(".controls", "display") == "none"
        assert browser.style(".article-text", "display") == "block"
    finally:
        browser.call("Emulation.setScriptExecutionDisabled", {"value": False})
