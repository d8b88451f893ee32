"""An editor's table of established Azerbaijani forms, kept with the content.

:func:`inflect` follows rules; usage has fixed some forms against them. An
entity's own ``inflections`` hold the forms of one name; this table holds
forms for the whole library, so an editor can settle an abbreviation or a
name once, in a text file, without code. A content folder may hold it as
``az-forms.toml`` (read by :meth:`diplolib.ContentLibrary.load`)::

    # How an abbreviation is said: its suffixes follow this form.
    [abbreviations]
    ARB = "ərəb"          # if a newsroom says it as a word
    ANAMA = "anama"

    # Words in capitals that are words, not abbreviations: BAKIDA, SÜLHÜN.
    [words]
    capitals = ["SÜLH", "PLAN"]

    # Full forms of names, by case.
    [names."Birləşmiş Krallıq"]
    genitive = "Birləşmiş Krallığın"

The shipped exceptions (``data/az_forms.json``) apply whatever the table;
the table is consulted first.

>>> from diplolib.az import inflect
>>> table = FormsTable.from_dict({"abbreviations": {"ARB": "ərəb"},
...     "names": {"Xan Sarayı": {"dative": "Xan Sarayına"}}})
>>> inflect("ARB", "genitive", table=table), inflect("Xan Sarayı", "dative", table=table)
('ARB-in', 'Xan Sarayına')
"""

from __future__ import annotations

__all__ = ["FORMS_FILE", "FormsTable"]

import json
import os
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from ..errors import ContentError
from ._alphabet import last_vowel
from ._casing import lower

FORMS_FILE: Final = "az-forms.toml"
"""The name of the editor's forms table in a content folder."""

_CASES: Final = ("genitive", "dative", "accusative", "locative", "ablative", "instrumental")


def _key(word: str) -> str:
    return lower(unicodedata.normalize("NFC", word).strip()).replace("ı", "i")


@dataclass(frozen=True, slots=True)
class FormsTable:
    """Established forms an editor has settled: spoken abbreviations, words, names.

    Build one with :meth:`from_dict` or :meth:`load`; an empty table changes
    nothing.

    >>> FormsTable().spoken("NATO") is None
    True
    """

    abbreviations: Mapping[str, str] = field(default_factory=dict)
    words: frozenset[str] = frozenset()
    names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    source: str = field(default="<table>", compare=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], source: str = "<table>") -> FormsTable:
        """Check and build a table from decoded TOML (or any mapping of that shape).

        >>> FormsTable.from_dict({"words": {"capitals": ["SÜLH"]}}).is_word("sülh")
        True
        >>> FormsTable.from_dict({"abbreviations": {"ARB": "rb"}})
        Traceback (most recent call last):
        ...
        diplolib.errors.ContentError: <table>: abbreviations.ARB: spoken form 'rb' has no vowel; give the form the abbreviation is said as, e.g. 'ərəb'
        """
        if not isinstance(data, Mapping):
            raise ContentError(f"{source}: the forms table must be a table, not {data!r:.40}")
        unknown = set(data) - {"abbreviations", "words", "names"}
        if unknown:
            raise ContentError(
                f"{source}: unknown section(s) {', '.join(sorted(map(repr, unknown)))}; "
                "accepted: 'abbreviations', 'words', 'names'"
            )
        abbreviations: dict[str, str] = {}
        for token, spoken in _section(data, "abbreviations", source).items():
            where = f"{source}: abbreviations.{token}"
            if not isinstance(spoken, str) or not spoken.strip():
                raise ContentError(f"{where}: give the spoken form as a string, not {spoken!r}")
            folded = lower(unicodedata.normalize("NFC", spoken).strip())
            if last_vowel(folded) is None:
                raise ContentError(
                    f"{where}: spoken form {spoken!r} has no vowel; give the form the "
                    "abbreviation is said as, e.g. 'ərəb'"
                )
            abbreviations[_key(token)] = folded
        words_section = _section(data, "words", source)
        capitals = words_section.get("capitals", [])
        if not isinstance(capitals, list) or not all(isinstance(w, str) for w in capitals):
            raise ContentError(f"{source}: words.capitals must be a list of strings")
        names: dict[str, dict[str, str]] = {}
        for name, forms in _section(data, "names", source).items():
            where = f"{source}: names.{name!r}"
            if not isinstance(forms, Mapping):
                raise ContentError(f"{where}: give a table of case = form")
            checked: dict[str, str] = {}
            for case, form in forms.items():
                if case not in _CASES:
                    raise ContentError(
                        f"{where}: unknown case {case!r}; accepted: {', '.join(_CASES)}"
                    )
                if not isinstance(form, str) or not form.strip():
                    raise ContentError(f"{where}.{case}: give the form as a non-empty string")
                checked[case] = unicodedata.normalize("NFC", form).strip()
            names[unicodedata.normalize("NFC", name).strip()] = checked
        return cls(abbreviations, frozenset(_key(w) for w in capitals), names, source)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> FormsTable:
        """Read a TOML forms table (see the module documentation).

        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "az-forms.toml").write_text('[abbreviations]\\nANAMA = "anama"\\n')
        >>> FormsTable.load(folder / "az-forms.toml").spoken("ANAMA")
        'anama'
        """
        file = Path(path)
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ContentError(f"cannot read the forms table {file.name}: {exc}") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ContentError(f"{file.name}: not valid TOML: {exc}") from None
        return cls.from_dict(data, file.name)

    def spoken(self, token: str) -> str | None:
        """The form ``token`` is said as, if the table settles it.

        >>> FormsTable.from_dict({"abbreviations": {"ARB": "ərəb"}}).spoken("arb")
        'ərəb'
        """
        return self.abbreviations.get(_key(token))

    def is_word(self, token: str) -> bool:
        """Whether ``token`` in capitals is a word, not an abbreviation.

        >>> FormsTable().is_word("PLAN")
        False
        """
        return _key(token) in self.words

    def form(self, name: str, case: str) -> str | None:
        """The settled form of ``name`` in ``case``, if any.

        >>> FormsTable.from_dict({"names": {"Xan Sarayı": {"dative": "Xan Sarayına"}}}).form(
        ...     "Xan Sarayı", "dative")
        'Xan Sarayına'
        """
        forms = self.names.get(unicodedata.normalize("NFC", name).strip())
        return None if forms is None else forms.get(case)

    def to_toml(self) -> str:
        """The table as TOML text that :meth:`load` reads back into an equal table.

        >>> table = FormsTable.from_dict({"abbreviations": {"ARB": "ərəb"}})
        >>> print(table.to_toml().strip())
        [abbreviations]
        "arb" = "ərəb"
        >>> FormsTable.from_dict(tomllib.loads(table.to_toml())) == table
        True
        """
        lines: list[str] = []
        if self.abbreviations:
            lines.append("[abbreviations]")
            lines += [f"{_quote(k)} = {_quote(v)}" for k, v in sorted(self.abbreviations.items())]
        if self.words:
            lines += ["", "[words]"] if lines else ["[words]"]
            lines.append("capitals = [" + ", ".join(_quote(w) for w in sorted(self.words)) + "]")
        for name, forms in sorted(self.names.items()):
            lines += ["", f"[names.{_quote(name)}]"] if lines else [f"[names.{_quote(name)}]"]
            lines += [f"{case} = {_quote(form)}" for case, form in forms.items()]
        return "\n".join(lines) + "\n"

    def __bool__(self) -> bool:
        return bool(self.abbreviations or self.words or self.names)


def _quote(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text, ensure_ascii=False)


def _section(data: Mapping[str, Any], name: str, source: str) -> Mapping[str, Any]:
    section = data.get(name, {})
    if not isinstance(section, Mapping):
        raise ContentError(f"{source}: [{name}] must be a table")
    return section
