"""Every error diplolib raises for bad input derives from DiplolibError and the matching builtin."""

from __future__ import annotations

import ast
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

import diplolib
from diplolib import (
    DiplolibError,
    LocalizedText,
    PartialDate,
    Person,
    Place,
    UnsupportedLanguageError,
    format_date,
    format_date_range,
    format_dateline,
    format_datetime,
    format_list,
    format_name,
    format_number,
    format_ordinal,
    format_percent,
    format_relative,
    gettext,
    ngettext,
    slugify,
    to_jsonld,
    use_language,
)
from diplolib.errors import ArgumentTypeError, InvalidArgumentError
from diplolib.publish import canonical_url

SRC = Path(__file__).resolve().parent.parent / "src" / "diplolib"
DAY = dt.date(2017, 3, 2)
MOMENT = dt.datetime(2017, 3, 2, 14, 30, tzinfo=dt.UTC)
ILHAM = Person(id="ilham", given={"en": "Ilham", "az": "İlham"}, family={"en": "Aliyev"})
BAKU = Place(id="baku", kind="city", name={"en": "Baku", "az": "Bakı"})

# Each public formatter called with a style it does not know.
BAD_STYLE: dict[str, Callable[[], object]] = {
    "format_date": lambda: format_date(DAY, "bogus"),  # type: ignore[arg-type]
    "format_date(partial)": lambda: format_date(PartialDate(2017), "bogus"),  # type: ignore[arg-type]
    "format_datetime": lambda: format_datetime(MOMENT, "bogus"),  # type: ignore[arg-type]
    "format_datetime(time_style)": lambda: format_datetime(MOMENT, time_style="bogus"),  # type: ignore[arg-type]
    "format_date_range": lambda: format_date_range(DAY, DAY, "bogus"),  # type: ignore[arg-type]
    "format_dateline": lambda: format_dateline(BAKU, DAY, "bogus"),  # type: ignore[arg-type]
    "format_date(en_style)": lambda: format_date(DAY, en_style="bogus"),
    "format_relative": lambda: format_relative(dt.timedelta(days=-1), granularity="bogus"),
    "format_list": lambda: format_list(["a", "b"], "bogus"),  # type: ignore[arg-type]
    "format_list(en_style)": lambda: format_list(["a", "b"], en_style="bogus"),
    "format_name": lambda: format_name(ILHAM, "bogus"),  # type: ignore[arg-type]
    "format_name(case)": lambda: format_name(ILHAM, lang="az", case="vocative"),
    "format_name(en case)": lambda: format_name(ILHAM, lang="en", case="genitive"),
    "format_number(decimals)": lambda: format_number(1.5, decimals=-1),
    "format_percent(decimals)": lambda: format_percent(0.5, decimals=-1),
    "format_ordinal": lambda: format_ordinal(-1),
    "slugify(max_length)": lambda: slugify("Baku", max_length=0),
}

# Each public formatter called with a language diplolib does not know.
BAD_LANGUAGE: dict[str, Callable[[], object]] = {
    "format_date": lambda: format_date(DAY, lang="xx"),
    "format_date(partial)": lambda: format_date(PartialDate(2017, 3), lang="xx"),
    "format_datetime": lambda: format_datetime(MOMENT, lang="xx"),
    "format_date_range": lambda: format_date_range(DAY, DAY, lang="xx"),
    "format_dateline": lambda: format_dateline(BAKU, DAY, lang="xx"),
    "format_relative": lambda: format_relative(dt.timedelta(days=-1), lang="xx"),
    "format_list": lambda: format_list(["a", "b"], lang="xx"),
    "format_number": lambda: format_number(1, lang="xx"),
    "format_percent": lambda: format_percent(0.5, lang="xx"),
    "format_ordinal": lambda: format_ordinal(1, lang="xx"),
    "format_name": lambda: format_name(ILHAM, lang="xx"),
    "slugify": lambda: slugify("Baku", lang="xx"),
    "gettext": lambda: gettext("Print", lang="xx"),
    "ngettext": lambda: ngettext("{n} comment", "{n} comments", 2, lang="xx"),
    "format_date(script)": lambda: format_date(DAY, lang="az-Cyrl"),
    "to_jsonld": lambda: to_jsonld(BAKU, "xx"),
    "hreflang_links": lambda: canonical_url(BAKU, "xx"),
    "LocalizedText.get": lambda: LocalizedText(en="Print").get("xx"),
    "use_language": lambda: use_language("xx").__enter__(),
}

# Each public formatter called with an argument of the wrong type.
BAD_TYPE: dict[str, Callable[[], object]] = {
    "format_date": lambda: format_date("2017-03-02"),  # type: ignore[arg-type]
    "format_datetime": lambda: format_datetime(DAY),  # type: ignore[arg-type]
    "format_number": lambda: format_number("12"),  # type: ignore[arg-type]
    "format_ordinal": lambda: format_ordinal(1.5),  # type: ignore[arg-type]
    "format_list": lambda: format_list("abc"),
    "format_name": lambda: format_name("Ilham"),  # type: ignore[arg-type]
    "slugify": lambda: slugify(42),  # type: ignore[arg-type]
    "gettext": lambda: gettext(42),  # type: ignore[arg-type]
}


@pytest.mark.parametrize("name", sorted(BAD_STYLE))
def test_bad_style_is_a_diplolib_value_error(name: str) -> None:
    with pytest.raises(DiplolibError) as caught:
        BAD_STYLE[name]()
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, InvalidArgumentError)
    message = str(caught.value)
    assert "accepted" in message or "must be" in message or "between" in message, message


@pytest.mark.parametrize("name", sorted(BAD_LANGUAGE))
def test_bad_language_is_a_diplolib_value_error(name: str) -> None:
    with pytest.raises(UnsupportedLanguageError) as caught:
        BAD_LANGUAGE[name]()
    assert isinstance(caught.value, DiplolibError)
    assert isinstance(caught.value, ValueError)
    assert "accepted: 'en', 'az'" in str(caught.value)


@pytest.mark.parametrize("name", sorted(BAD_TYPE))
def test_bad_type_is_a_diplolib_type_error(name: str) -> None:
    with pytest.raises(DiplolibError) as caught:
        BAD_TYPE[name]()
    assert isinstance(caught.value, TypeError)
    assert isinstance(caught.value, ArgumentTypeError)


def test_bad_style_message_names_the_value_and_the_choices() -> None:
    with pytest.raises(InvalidArgumentError, match=r"'bogus'; accepted: 'short', 'medium'"):
        format_date(DAY, "bogus")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match=r"'bogus'; accepted: 'full', 'short'"):
        format_name(ILHAM, "bogus")  # type: ignore[arg-type]


def test_catalog_machinery_errors_are_in_the_tree() -> None:
    from diplolib._gettext.plural import PluralFormsError, parse_plural_forms
    from diplolib._gettext.template import TemplateError, parse_template

    with pytest.raises(DiplolibError) as plural:
        parse_plural_forms("nplurals=2; plural=n/0;")
    assert isinstance(plural.value, PluralFormsError)
    assert isinstance(plural.value, ValueError)
    with pytest.raises(DiplolibError) as template:
        parse_template("{0}")
    assert isinstance(template.value, TemplateError)
    assert isinstance(template.value, ValueError)


def test_every_exported_error_derives_from_diplolib_error() -> None:
    for name in dir(diplolib.errors):
        value = getattr(diplolib.errors, name)
        if isinstance(value, type) and issubclass(value, BaseException):
            assert issubclass(value, DiplolibError), name
            if value is not DiplolibError:
                builtins = [b for b in value.__mro__ if b.__module__ == "builtins"]
                # A second base the caller would naturally catch (ValueError, TypeError...).
                assert builtins[0] is not Exception, name


BUILTINS = {"ValueError", "TypeError", "LookupError", "KeyError", "IndexError", "RuntimeError"}
BUILTINS |= {"AttributeError", "FileNotFoundError", "OSError", "Exception"}


def _builtin_raises(path: Path) -> list[int]:
    """Lines that raise a builtin exception without a 'Builtin on purpose' comment just above."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found = []
    for node in ast.walk(ast.parse("\n".join(lines))):
        if not isinstance(node, ast.Raise) or node.exc is None:
            continue
        target = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
        if isinstance(target, ast.Name) and target.id in BUILTINS:
            above = lines[node.lineno - 2] if node.lineno >= 2 else ""
            if "Builtin on purpose" not in above:
                found.append(node.lineno)
    return found


def test_the_raise_scan_flags_bare_builtins(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        "def f(x):\n    raise ValueError(x)\n\n\ndef g(x):\n"
        "    # Builtin on purpose: protocol.\n    raise KeyError(x)\n\n\n"
        "def h(x):\n    raise InvalidArgumentError(x)\n",
        encoding="utf-8",
    )
    assert _builtin_raises(probe) == [2]


def test_no_unjustified_builtin_raises_in_the_sources() -> None:
    offenders = [
        f"{path.relative_to(SRC)}:{line}"
        for path in sorted(SRC.rglob("*.py"))
        for line in _builtin_raises(path)
    ]
    assert offenders == [], offenders
