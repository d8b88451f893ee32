"""Run the ```python examples of the docs (``>>>`` examples run as doctests)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([*ROOT.joinpath("docs").rglob("*.md"), ROOT / "README.md"])
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def blocks() -> list[tuple[str, str]]:
    found = []
    for page in PAGES:
        for i, match in enumerate(BLOCK.finditer(page.read_text(encoding="utf-8"))):
            found.append((f"{page.relative_to(ROOT)}#{i}", match.group(1)))
    return found


@pytest.mark.parametrize(("where", "code"), blocks(), ids=[w for w, _ in blocks()])
def test_python_blocks_run(where: str, code: str) -> None:
    namespace: dict[str, object] = {"__name__": f"docs_{where}"}
    exec(compile(code, where, "exec"), namespace)
    app = namespace.get("app")
    if app is not None and hasattr(app, "test_client"):
        client = app.test_client()
        assert (
            client.get("/print-label", headers={"Accept-Language": "az-AZ,en;q=0.5"}).text
            == "Çap et"
        )
        assert client.get("/print-label", headers={"Accept-Language": "en-GB"}).text == "Print"
