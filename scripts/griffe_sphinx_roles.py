"""Griffe extension: render the docstrings' Sphinx roles as cross-references in the API reference.

diplolib's docstrings are Google style (``docstring_style: google`` in mkdocs.yml) and name
other objects with Sphinx roles (``:class:`LocalizedText```, ``:func:`~diplolib.i18n.gettext```,
``:data:`Lang```). mkdocstrings does not read roles, so this extension rewrites each one, once
the whole package is loaded, into an autorefs cross-reference: names are resolved in the scope
of the object whose docstring it is (as Sphinx resolves them), a leading ``~`` shows only the
last part, and ``title <target>`` keeps its title. Names outside diplolib (the standard
library) and objects the site does not render become plain code, without a dead link.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(
    r":(?:py:)?(?:class|func|meth|data|attr|mod|exc|obj|const|type)"
    r":`(?P<tilde>~?)(?P<body>[^`]+)`"
)
_TITLED = re.compile(r"(?P<title>.+?)\s*<(?P<target>[^<>]+)>")


class SphinxRoles(griffe.Extension):
    """Rewrite Sphinx roles in every docstring of the loaded package."""

    def on_package(self, *, pkg: griffe.Module, loader: griffe.GriffeLoader, **kwargs: Any) -> None:
        for obj in _walk(pkg):
            if obj.docstring is not None:
                obj.docstring.value = _ROLE.sub(
                    lambda m, scope=obj: _reference(m, scope, pkg), obj.docstring.value
                )


def _walk(obj: griffe.Object | griffe.Alias) -> list[griffe.Object]:
    found: list[griffe.Object] = []
    if isinstance(obj, griffe.Alias):
        return found
    found.append(obj)
    for member in obj.members.values():
        if not member.is_alias:
            found.extend(_walk(member))
    return found


def _reference(match: re.Match[str], obj: griffe.Object, pkg: griffe.Module) -> str:
    body = match["body"].strip()
    titled = _TITLED.fullmatch(body)
    title, target = (titled["title"], titled["target"]) if titled else (None, body)
    target = target.strip().lstrip(".").rstrip("()")
    shown = title or (target.rsplit(".", 1)[-1] if match["tilde"] else target)
    if match["body"].rstrip().endswith("()") and not title:
        shown += "()"
    path = _resolve(target, obj, pkg)
    if path is None:
        return f"`{shown}`"
    # optional: an object the site does not render stays plain text instead of a warning
    return f'<autoref identifier="{path}" optional><code>{shown}</code></autoref>'


def _resolve(target: str, obj: griffe.Object, pkg: griffe.Module) -> str | None:
    if target.startswith(pkg.name + "."):
        return target if _exists(target, pkg) else None
    scope: griffe.Object | None = obj
    while scope is not None:
        try:
            path = scope.resolve(target.split(".", 1)[0])
        except (griffe.NameResolutionError, KeyError, AttributeError):
            path = None
        if path is not None:
            full = path + target[len(target.split(".", 1)[0]) :]
            return full if _exists(full, pkg) else None
        candidate = f"{scope.path}.{target}"
        if _exists(candidate, pkg):
            return candidate
        scope = scope.parent
    return None


def _exists(path: str, pkg: griffe.Module) -> bool:
    if not path.startswith(pkg.name + "."):
        return path == pkg.name
    try:
        pkg[path[len(pkg.name) + 1 :]]
    except (KeyError, griffe.AliasResolutionError, griffe.CyclicAliasError):
        return False
    return True
