"""URL slugs for English and Azerbaijani text.

Azerbaijani sites fold letters to ASCII for slugs (``ə→e ı→i ş→s ç→c ğ→g ö→o ü→u``,
``İ→i``), which is *not* the English romanisation: ``Şirvan düzü`` becomes
``sirvan-duzu``. English slugs spell Azerbaijani the way
:func:`diplolib.az.romanize` does, gazetteer included, and fold other accents:
text that reads as Azerbaijani is romanised word for word (``Qax, Quba və
Qusar`` → ``gakh-guba-va-gusar``), English text only in the words with
Azerbaijani letters it quotes (``Gəncə`` → ``ganja``, ``Qarabağ`` →
``karabakh``), so English words survive (``Quba carpets``).
With ``unicode=True`` letters are kept and only lower-cased (by the language's
own rules: Azerbaijani ones for ``az``).

Which way a language goes is its :class:`~diplolib.languages.LanguageSpec`'s
``slug_style``: ``"ascii"`` (Azerbaijani), ``"romanize"`` (English) or
``"unicode"`` (letters kept whatever ``unicode=`` says, as for a language in
Cyrillic script, which has no ASCII folding).

A slug is lower case, words are joined by single hyphens, apostrophes vanish
(``Aliyev's`` → ``aliyevs``), and every other run of non-letters and non-digits
becomes a hyphen. Slugifying a slug returns it unchanged. Text with nothing to
keep gives ``""``.
"""

from __future__ import annotations

__all__ = ["DEFAULT_MAX_LENGTH", "slugify"]

import re
import unicodedata
from typing import Final

from .errors import ArgumentTypeError, InvalidArgumentError
from .languages import language_spec

DEFAULT_MAX_LENGTH: Final = 80
"""The default longest slug; longer ones are cut at a hyphen."""

_AZ_FOLD: Final = str.maketrans("əışçğöüƏIŞÇĞÖÜİ", "eiscgouEISCGOUI")
# Letters NFKD does not decompose to ASCII.
_SPECIAL: Final = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ħ": "h", "þ": "th", "ð": "d"}
)
_APOSTROPHES: Final = re.compile(r"['’ʼ`]")
_ASCII_RUN: Final = re.compile(r"[^a-z0-9]+")
_UNICODE_RUN: Final = re.compile(r"[\W_]+")


def _ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def _truncate(slug: str, max_length: int | None) -> str:
    if max_length is None or len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1]
    if cut.endswith("-"):
        return cut.rstrip("-")
    head = cut.rsplit("-", 1)[0] if "-" in cut else cut[:max_length]
    return head[:max_length].rstrip("-")


def slugify(
    text: str,
    *,
    lang: str | None = None,
    unicode: bool = False,
    max_length: int | None = DEFAULT_MAX_LENGTH,
) -> str:
    """Make a URL slug of ``text`` in the way its language's sites do.

    ``lang`` defaults to the current language (:func:`~diplolib.use_language`).
    ``max_length`` (``None`` for no limit) cuts a long slug at a hyphen.

    >>> slugify("Şirvan düzü", lang="az")
    'sirvan-duzu'
    >>> slugify("İlham Əliyev Gəncədə", lang="az")
    'ilham-eliyev-gencede'
    >>> slugify("Summit in Gəncə and Qarabağ", lang="en")
    'summit-in-ganja-and-karabakh'
    >>> slugify("Qax, Quba və Qusar", lang="en"), slugify("2024-cü il", lang="en")
    ('gakh-guba-va-gusar', '2024-ju-il')
    >>> slugify("Şirvan düzü", lang="az", unicode=True)
    'şirvan-düzü'
    >>> slugify("Heydər Əliyev's legacy", lang="en")
    'heydar-aliyevs-legacy'
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(f"slugify() takes a str, not {type(text).__name__}")
    if max_length is not None and (
        isinstance(max_length, bool) or not isinstance(max_length, int) or max_length < 1
    ):
        raise InvalidArgumentError(f"max_length must be a positive int or None, not {max_length!r}")
    from . import az  # the Azerbaijani toolkit loads on first use, not with diplolib

    spec = language_spec(lang)
    text = az.normalize(text)
    if unicode or spec.slug_style == "unicode":
        # "İ" first: str.lower() would leave a combining dot after the "i".
        small = spec.text_rules.lower(text.replace("İ", "i"))
        small = _APOSTROPHES.sub("", unicodedata.normalize("NFC", small))
        slug = _UNICODE_RUN.sub("-", small).strip("-")
    else:
        if spec.slug_style == "romanize":
            # As English pages spell the words of another language written in Latin
            # letters: only those words are romanised (az.romanize for Azerbaijani).
            for other in spec.romanize_from:
                text = language_spec(other).text_rules.romanize(text, mixed=True)
        folded = _ascii_fold(_APOSTROPHES.sub("", text).translate(_AZ_FOLD)).lower()
        slug = _ASCII_RUN.sub("-", folded).strip("-")
    return _truncate(slug, max_length)
