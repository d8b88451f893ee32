"""Build the wheel, install it into a fresh virtual environment and use it outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.packaging


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("diplolib-*.whl")
    return found


def test_wheel_ships_data_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in [
        "diplolib/py.typed",
        "diplolib/locales/diplolib.pot",
        "diplolib/locales/az/LC_MESSAGES/diplolib.po",
        "diplolib/locales/en/LC_MESSAGES/diplolib.po",
        "diplolib/data/sample/articles/kazakhstan-azerbaijan-strategic-partner.json",
        "diplolib/templates/preview/article.html",
        "diplolib/templates/preview/style.css",
        # `diplolib store upgrade` runs the migrations from the installed package
        "diplolib/store/_migrations/env.py",
        "diplolib/store/_migrations/script.py.mako",
        "diplolib/store/_migrations/versions/0001_initial.py",
        "diplolib/store/_migrations/versions/0002_tags_sources.py",
    ]:
        assert required in names, required
    # every migration, so an installed diplolib upgrades a store to its own head revision
    versions = (
        Path(__file__).parent.parent / "src" / "diplolib" / "store" / "_migrations" / "versions"
    )
    migrations = sorted(p.name for p in versions.glob("0*.py"))
    assert len(migrations) >= 6
    for name in migrations:
        assert f"diplolib/store/_migrations/versions/{name}" in names, name
    assert not any(n.startswith(("tests/", "src/")) for n in names)


def test_installed_wheel_works_outside_checkout(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    script = (
        "import diplolib, pathlib\n"
        "from diplolib._resources import locales_dir\n"
        "lib = diplolib.load_sample_library()\n"
        f"print(pathlib.Path(diplolib.__file__).is_relative_to(pathlib.Path(r'{env_dir}')))\n"
        f"print(locales_dir().is_relative_to(pathlib.Path(r'{env_dir}')))\n"
        "print(len(list(lib.articles())))\n"
        "print(bool(lib.az_forms), diplolib.az.inflect('ARB', 'genitive'))\n"
    )
    result = subprocess.run(
        [str(python), "-c", script],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == ["True", "True", "6", "True", "ARB-nin"]
    demo = subprocess.run(
        [str(bindir / "diplolib"), "demo", "--lang", "az"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    assert "Siz buradasınız: Ana səhifə" in demo.stdout
    assert "Bakı, 2 mart 2017 –" in demo.stdout
    # Jinja2 is an extra: without it, the preview says what to install
    preview = subprocess.run(
        [str(bindir / "diplolib"), "preview", "--out", str(tmp_path / "site")],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert preview.returncode == 1
    assert "pip install 'diplolib[jinja]'" in preview.stderr
