"""``import diplolib`` stays cheap: no catalogs, locale data or detection profiles."""

from __future__ import annotations

import json
import subprocess
import sys


def test_import_loads_nothing_heavy() -> None:
    code = (
        "import sys, json, diplolib; "
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'babel', 'pydantic', 'polib', 'langdetect', 'diplolib'})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    loaded = json.loads(result.stdout)
    assert loaded == ["diplolib"], loaded


def test_lazy_names_resolve() -> None:
    import diplolib

    for name in diplolib.__all__:
        assert getattr(diplolib, name) is not None
    assert diplolib.__all__ == sorted(diplolib.__all__)
    assert set(diplolib.__all__) <= set(dir(diplolib))
