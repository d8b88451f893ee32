"""Text preparation and features shared by the detector and its profile builder.

The profile in ``data/detect_profile.json.gz`` is built by
``scripts/build_detect_profile.py`` with exactly these functions, so training and
detection see the same words and the same character n-grams.

>>> words = prepare_words("Prezident Bakıda görüş keçirdi: https://example.az/x")
>>> words
['prezident', 'bakıda', 'görüş', 'keçirdi']
>>> features(words, (1, 2), 8)[:4]
[' ', 'p', 'r', 'e']
"""

from __future__ import annotations

__all__ = [
    "MAX_SAMPLE",
    "WORD_RE",
    "clean_text",
    "dominant_script",
    "features",
    "lower_text",
    "prepare_tokens",
    "prepare_words",
    "sample_text",
    "script_of_text",
]

import re
import unicodedata
from collections.abc import Sequence
from typing import Final

MAX_SAMPLE: Final = 480
"""Characters of text the detector reads at most; longer text is sampled in windows."""

_WINDOWS: Final = 4

# A URL, an e-mail address, a bare domain name or a @handle carries no language signal.
_NOISE_RE: Final = re.compile(
    r"(?:[a-z][a-z0-9+.-]*://|www\.)\S*"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|int|info|io|az|tr|ru|kz|uk|us|eu)\b\S*"
    r"|[@#]\w+",
    re.IGNORECASE,
)
# Cheap test for text that may hold such noise; most sentences do not.
_MAYBE_NOISE_RE: Final = re.compile(r"[@#/]|www|\w\.[a-zA-Z]")
# The last alternative on its own, from its literal full stop (found fast); the
# character before it is checked apart. See _may_hold_noise.
_DOT_LETTER_RE: Final = re.compile(r"\.[a-zA-Z]")
# Letters, with an inner apostrophe kept: Turkish writes "Ankara'da", Azerbaijani does not.
WORD_RE: Final = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
"""A word: letters, with an inner apostrophe kept (Turkish writes "Ankara'da").

A word neither starts nor ends at a space, so the words of a text are those
before a space followed by those after it:

>>> text = "prezident bakıda görüş keçirdi"
>>> cut = text.find(" ", 12)
>>> WORD_RE.findall(text, 0, cut) + WORD_RE.findall(text, cut) == WORD_RE.findall(text)
True
"""
_APOSTROPHES: Final = str.maketrans({"\u2019": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})


def sample_text(text: str) -> str:
    """Return ``text`` itself, or evenly spaced windows of it when it is long.

    Reading a bounded sample keeps detection time flat for megabytes of input;
    the windows start at word boundaries, so no word is cut.

    >>> sample_text("short text")
    'short text'
    >>> len(sample_text("word " * 100_000)) <= MAX_SAMPLE + 2 * _WINDOWS
    True
    """
    if len(text) <= MAX_SAMPLE:
        return text
    size = MAX_SAMPLE // _WINDOWS
    step = (len(text) - size) // (_WINDOWS - 1)
    parts = []
    for index in range(_WINDOWS):
        start = index * step
        if start:
            # Move to the start of the next word, looking a little way ahead only.
            space = text.find(" ", start, start + 40)
            if space != -1:
                start = space + 1
        end = start + size
        space = text.rfind(" ", start, end)
        if space > start + size // 2:
            end = space
        parts.append(text[start:end])
    return " \n ".join(parts)


def prepare_words(text: str) -> list[str]:
    """The lower-cased words of ``text``, with URLs, e-mails and handles left out.

    ``İ`` lowers to a plain ``i`` (Python would give ``i`` plus a combining dot).

    >>> prepare_words("İLHAM Əliyev’s visit, 2024 — www.president.az")
    ['ilham', "əliyev's", 'visit']
    """
    return prepare_tokens(text)[1]


def prepare_tokens(text: str) -> tuple[str, list[str]]:
    """The cleaned text (NFC, one apostrophe, no URLs) and its lower-cased words.

    The cleaned text keeps its capitals, for the detector's look at names.

    >>> prepare_tokens("Londra’da, Bakü")
    ("Londra'da, Bakü", ["londra'da", 'bakü'])
    """
    text = clean_text(text)
    return text, WORD_RE.findall(lower_text(text))


def clean_text(text: str) -> str:
    """``text`` in NFC, with one apostrophe and without URLs: the first part of :func:`prepare_tokens`.

    >>> clean_text("Londra’da: www.example.com")
    "Londra'da:  "
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    # The apostrophes _APOSTROPHES replaces, found by substring tests (no regex pass).
    if "\u2019" in text or "\u02bc" in text or "`" in text or "\u00b4" in text:
        text = text.translate(_APOSTROPHES)
    if _may_hold_noise(text):
        text = _NOISE_RE.sub(" ", text)
    return text


def lower_text(cleaned: str) -> str:
    """The lower-case text whose :data:`WORD_RE` matches are the words of :func:`prepare_tokens`.

    >>> lower_text("İLHAM Əliyev")
    'ilham əliyev'
    """
    return cleaned.replace("İ", "i").lower()


def _may_hold_noise(text: str) -> bool:
    """``_MAYBE_NOISE_RE.search(text) is not None``, in a few substring searches.

    ``\\w`` is a character for which ``str.isalnum()`` holds, or ``_``.

    >>> _may_hold_noise("Bakı, 2024"), _may_hold_noise("N.Məmmədov"), _may_hold_noise("a@b")
    (False, True, True)
    """
    if "@" in text or "#" in text or "/" in text or "www" in text:
        return True
    for match in _DOT_LETTER_RE.finditer(text):
        before = text[match.start() - 1 : match.start()]
        if before.isalnum() or before == "_":
            return True
    return False


def features(words: Sequence[str], orders: Sequence[int], max_word: int) -> list[str]:
    """Character n-grams of the given orders over the space-joined words, then whole words.

    Words are padded with spaces so n-grams see where a word starts and ends;
    a whole word (padded) is a feature of its own when it is longer than the
    longest n-gram and no longer than ``max_word`` letters.

    >>> features(["və"], (2, 3), 8)
    [' v', 'və', 'ə ', ' və', 'və ', ' və ']
    >>> features(["bakıda"], (4,), 8)[-1]
    ' bakıda '
    """
    # Two spaces between words: n-grams that span them are not in the profile,
    # so no feature mixes the end of one word with the start of the next.
    joined = " " + "  ".join(words) + " "
    size = len(joined)
    feats: list[str] = []
    for order in orders:
        if order == 1:
            feats.extend(joined)
        else:
            feats.extend([joined[i : i + order] for i in range(size - order + 1)])
    longest = max(orders)
    feats.extend([f" {w} " for w in words if longest - 2 < len(w) <= max_word])
    return feats


# First code point of each script range, sorted; a letter belongs to the last range
# whose start is not above it. Latin and Cyrillic are the scripts the profile models.
_SCRIPT_STARTS: Final = (
    (0x0000, "Zzzz"),
    (0x0041, "Latn"),
    (0x02B0, "Zzzz"),
    (0x0370, "Grek"),
    (0x0400, "Cyrl"),
    (0x0530, "Armn"),
    (0x0590, "Hebr"),
    (0x0600, "Arab"),
    (0x0700, "Zzzz"),
    (0x0750, "Arab"),
    (0x0780, "Zzzz"),
    (0x0900, "Deva"),
    (0x0980, "Zzzz"),
    (0x0E00, "Thai"),
    (0x0E80, "Zzzz"),
    (0x10A0, "Geor"),
    (0x1100, "Hang"),
    (0x1200, "Zzzz"),
    (0x1C80, "Cyrl"),
    (0x1C90, "Geor"),
    (0x1CC0, "Zzzz"),
    (0x1E00, "Latn"),
    (0x1F00, "Grek"),
    (0x2000, "Zzzz"),
    (0x2D00, "Geor"),
    (0x2D30, "Zzzz"),
    (0x2DE0, "Cyrl"),
    (0x2E00, "Zzzz"),
    (0x3040, "Jpan"),
    (0x3100, "Zzzz"),
    (0x3400, "Hani"),
    (0xA000, "Zzzz"),
    (0xA640, "Cyrl"),
    (0xA6A0, "Zzzz"),
    (0xA720, "Latn"),
    (0xA800, "Zzzz"),
    (0xAC00, "Hang"),
    (0xD7B0, "Zzzz"),
    (0xF900, "Hani"),
    (0xFB00, "Latn"),
    (0xFB07, "Zzzz"),
    (0xFB50, "Arab"),
    (0xFE00, "Zzzz"),
    (0xFE70, "Arab"),
    (0xFF00, "Zzzz"),
)
_STARTS: Final = tuple(start for start, _ in _SCRIPT_STARTS)
# Words start with a letter, so a word made only of these characters counts as Latin
# (or Cyrillic); the apostrophe inside Turkish words is in the Latin range. The Latin
# class reaches to U+02AF (IPA extensions), so "ə" (U+0259) takes the fast path too.
_ALL_LATIN_RE: Final = re.compile("[A-Za-z'\u00c0-\u02af\u1e00-\u1eff\ua720-\ua7ff]+")
_ALL_CYRILLIC_RE: Final = re.compile("[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f']+")


def _script_of(char: str) -> str:
    code = ord(char)
    if code < 0x2B0:
        return "Latn" if code >= 0x41 else "Zzzz"
    if 0x400 <= code < 0x530:
        return "Cyrl"
    low, high = 0, len(_STARTS)
    while high - low > 1:
        mid = (low + high) // 2
        if _STARTS[mid] <= code:
            low = mid
        else:
            high = mid
    return _SCRIPT_STARTS[low][1]


# Characters of text whose every letter is in one script (Latin or Cyrillic, by the
# ranges of _ALL_LATIN_RE and _ALL_CYRILLIC_RE) along with digits, white space,
# ASCII, Latin-1 and general punctuation and currency signs. Anything else is a
# character of this class: found, the words must be counted (see script_of_text).
_NOT_ONLY_LATIN_RE: Final = re.compile(
    "[^\x00-\u02af\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf\ua720-\ua7ff]"
)
_NOT_ONLY_CYRILLIC_RE: Final = re.compile(
    "[^\x00-\x40\x5b-\x60\x7b-\xa9\xab-\xb1\xb4\xb6-\xb8\xbb\xbf\xd7\xf7"
    "\u0400-\u052f\u1c80-\u1c8f\u2000-\u206f\u20a0-\u20cf\u2de0-\u2dff\ua640-\ua69f]"
)


def script_of_text(lowered: str) -> str | None:
    """``dominant_script`` of the words of ``lowered`` when one scan of the text tells it, else None.

    When every letter of the text is Latin (or every one Cyrillic), so is every
    word, and that is the answer whatever the words; only a text with some
    word at all may be asked. None means the words must be counted.

    >>> script_of_text("bakı, 12 mart — «zirvə»"), script_of_text("баку"), script_of_text("bakı баку")
    ('Latn', 'Cyrl', None)
    """
    if _NOT_ONLY_LATIN_RE.search(lowered) is None:
        return "Latn"
    if _NOT_ONLY_CYRILLIC_RE.search(lowered) is None:
        return "Cyrl"
    return None


def dominant_script(words: Sequence[str]) -> str:
    """The ISO 15924 code of the script most letters of ``words`` are in.

    Each word counts with its length, in the script of its first letter; ties
    go to the script seen first. ``Zyyy`` when there are no words.

    >>> dominant_script(["бакı", "baku", "город"])
    'Cyrl'
    >>> dominant_script([])
    'Zyyy'
    """
    # Fast paths (the same answer): every letter Latin, or every letter Cyrillic.
    joined = "".join(words)
    if joined and _ALL_LATIN_RE.fullmatch(joined):
        return "Latn"
    if joined and _ALL_CYRILLIC_RE.fullmatch(joined):
        return "Cyrl"
    weights: dict[str, int] = {}
    for word in words:
        script = _script_of(word[0])
        weights[script] = weights.get(script, 0) + len(word)
    if not weights:
        return "Zyyy"
    return max(weights, key=weights.__getitem__)
