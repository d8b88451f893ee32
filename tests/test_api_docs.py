"""Every public function, class and method carries a docstring with a runnable example."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import diplolib


def public_modules() -> list[str]:
    found = ["diplolib"]
    for info in pkgutil.walk_packages(diplolib.__path__, "diplolib."):
        if not any(part.startswith("_") for part in info.name.split(".")[1:]):
            found.append(info.name)
    return found


def undocumented() -> list[str]:
    missing = []
    for name in public_modules():
        module = importlib.import_module(name)
        for attr in getattr(module, "__all__", []):
            obj = getattr(module, attr)
            if not (inspect.isfunction(obj) or inspect.isclass(obj)):
                continue
            if getattr(obj, "__module__", "").split(".")[0] != "diplolib":
                continue
            if ">>>" not in (inspect.getdoc(obj) or ""):
                missing.append(f"{name}.{attr}")
            if not inspect.isclass(obj):
                continue
            for member_name, member in vars(obj).items():
                if member_name.startswith(("_", "model_")):
                    continue
                func = (
                    member.fget
                    if isinstance(member, property)
                    else getattr(member, "__func__", member)
                )
                if not inspect.isfunction(func):
                    continue
                if ">>>" not in (inspect.getdoc(func) or ""):
                    missing.append(f"{name}.{attr}.{member_name}")
    return sorted(set(missing))


def test_public_api_has_runnable_examples() -> None:
    assert len(public_modules()) > 10
    assert undocumented() == []
