"""Look-alike letters in Azerbaijani text: find them, fix them, report what changed.

Pasted Azerbaijani text often carries letters that look right and are other code
points. They break search, sorting, spell-checking and slugs. :func:`normalize`
fixes what is certainly wrong and :func:`find_lookalikes` reports it first:

* **decomposed** sequences (``u`` + U+0308) are composed (NFC);
* **lookalike** letters are replaced: Cyrillic ``ә``/``Ә`` and turned ``ǝ``/``Ǝ``
  for ``ə``/``Ə``; ``i`` + combining dot above (what ``str.lower`` makes of ``İ``)
  for ``i``; and letters drawn like Latin ones (Cyrillic ``а``, ``е``, ``к``,
  ``о``, ``с``, ``Р``, ``К``…, Greek ``Α``, ``ο``, ``ι``…, Latin script ``ɡ``)
  when they sit inside a word of Latin letters (one that has Latin letters);
* **mixed**: a Cyrillic letter with no Latin twin (``з``, ``ж``, ``л``…) inside a
  word that has Latin letters is reported, never changed. A word that mixes
  Latin and Cyrillic letters is always a typing or pasting error, and nothing
  says which Latin letter was meant: :class:`~diplolib.LocalizedText` rejects it.
  When a word's Cyrillic letters without a twin outnumber its Latin letters
  (``Москвa`` with a Latin ``a``), it is a Cyrillic word with a Latin intruder:
  nothing in it is replaced and its Cyrillic letters are reported as mixed;
* **warning**: ``ä``/``Ä`` (the 1991–92 alphabet's ə) is reported but never changed,
  because it is right in foreign names (``Hämäläinen``).

A word written wholly in another script (``Москва``, Kazakh ``Әлем``) is left
alone: it is not a look-alike, it is foreign text (see :func:`require_latin` to
reject that in Azerbaijani fields). A Cyrillic schwa is treated as a look-alike
when its word has Latin letters, or has no other letters at all.

Only true look-alikes are in the table: lower-case Cyrillic ``т``, ``м``, ``н``,
``в``, ``п`` look unlike ``t``, ``m``, ``h``, ``b``, ``n`` in most fonts, so they count as
Cyrillic letters without a twin (their capitals ``Т``, ``М``, ``Н``, ``В`` are
look-alikes).
"""

from __future__ import annotations

__all__ = [
    "Lookalike",
    "NormalizationReport",
    "Normalizer",
    "find_lookalikes",
    "normalize",
    "normalize_with_report",
    "require_latin",
]

import re
import threading
import unicodedata
from dataclasses import dataclass
from typing import Final, Literal, NamedTuple

from ..errors import ArgumentTypeError, ContentError

LookalikeKind = Literal["decomposed", "lookalike", "mixed", "warning"]

_SCHWAS: Final = {
    "\u04d9": "ə",  # CYRILLIC SMALL LETTER SCHWA
    "\u04d8": "Ə",  # CYRILLIC CAPITAL LETTER SCHWA
}
_TURNED_E: Final = {
    "\u01dd": "ə",  # LATIN SMALL LETTER TURNED E
    "\u018e": "Ə",  # LATIN CAPITAL LETTER REVERSED E
}
# Letters drawn like Latin ones; replaced only inside words that have Latin letters.
_HOMOGLYPHS: Final = {
    # Cyrillic lower case
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "к": "k",
    "і": "i", "ј": "j", "һ": "h", "ԛ": "q", "ѕ": "s", "ԁ": "d", "ԝ": "w", "ѵ": "v",
    "ӏ": "l",
    # Cyrillic capitals
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O",
    "Р": "P", "С": "C", "Т": "T", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S",
    "Ү": "Y", "Ԛ": "Q", "Ԁ": "D", "Ԝ": "W", "Ѵ": "V", "Ӏ": "I",
    # Greek
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K",
    "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    "ο": "o", "α": "a", "ν": "v", "ρ": "p", "ι": "ı", "υ": "u",
    # Latin letters outside the alphabet drawn like its letters (IPA script g and alpha)
    "ɡ": "g", "ɑ": "a",
}  # fmt: skip
# Every Cyrillic letter: one inside a Latin word makes the word mixed-script.
_CYRILLIC: Final = frozenset(
    chr(code)
    for start, end in ((0x0400, 0x0530), (0x1C80, 0x1C90), (0xA640, 0xA6A0))
    for code in range(start, end)
    if unicodedata.category(chr(code)).startswith("L")
    and unicodedata.name(chr(code), "").startswith("CYRILLIC")
)
_WARN: Final = {"ä": "ə", "Ä": "Ə"}
_DOT: Final = "\u0307"
_TRIGGERS: Final = frozenset(_SCHWAS) | frozenset(_TURNED_E) | frozenset(_HOMOGLYPHS) | _CYRILLIC
LOOKALIKE_CHARS: Final = _TRIGGERS | {_DOT}
"""Every character :func:`normalize_with_report` may replace (for a quick scan first)."""
_WARN_SET: Final = frozenset(_WARN)
# Every character that can make find_lookalikes report a look-alike or a mixed word.
_SUSPECT_RE: Final = re.compile("[" + re.escape("".join(sorted(_TRIGGERS | {_DOT}))) + "]")
# Every character _scan looks for in composed text: the triggers, the warnings, the dot.
_SCAN_RE: Final = re.compile("[" + re.escape("".join(sorted(_TRIGGERS | _WARN_SET | {_DOT}))) + "]")
# Ranges whose characters are all either no letter or a Latin one (a test checks each):
# text made only of them passes require_latin without a look at each letter.
_LATIN_SAFE: Final = (
    (0x0000, 0x007F),  # ASCII
    (0x00A0, 0x00A9),  # Latin-1 punctuation and signs, without ª µ º
    (0x00AB, 0x00B4),
    (0x00B6, 0x00B9),
    (0x00BB, 0x02AF),  # ... and the Latin letters up to the IPA extensions
    (0x1E00, 0x1EFF),  # Latin Extended Additional
    (0x2000, 0x206F),  # General Punctuation: dashes, quotes, ellipsis
    (0x20A0, 0x20CF),  # currency signs
)
_NOT_LATIN_SAFE_RE: Final = re.compile(
    "[^" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in _LATIN_SAFE) + "]"
)


def may_have_lookalikes(text: str) -> bool:
    """Whether ``text`` holds a character that can be a look-alike (a fast pre-filter).

    False means :func:`find_lookalikes` finds no look-alike and no mixed word.

    >>> may_have_lookalikes("Bakı"), may_have_lookalikes("B\u04d9k\u0131")
    (False, True)
    """
    return _SUSPECT_RE.search(text) is not None


class Lookalike(NamedTuple):
    """One finding of :func:`find_lookalikes`.

    ``position`` is the index in the text that was examined, ``char`` the
    character(s) found there, ``replacement`` what Azerbaijani text should have,
    ``name`` the Unicode name(s) of ``char``, and ``kind`` one of
    ``"decomposed"``, ``"lookalike"`` (both fixed by :func:`normalize`),
    ``"mixed"`` (a Cyrillic letter without a Latin twin inside a Latin word;
    ``replacement`` is ``""`` because nothing says which letter was meant) or
    ``"warning"`` (both reported only).

    >>> find_lookalikes("Bәkı")[0]
    Lookalike(position=1, char='ә', replacement='ə', name='CYRILLIC SMALL LETTER SCHWA', ...)
    """

    position: int
    char: str
    replacement: str
    name: str
    kind: LookalikeKind


@dataclass(frozen=True, slots=True)
class NormalizationReport:
    """What :func:`normalize_with_report` did: the result, the fixes, the warnings.

    ``warnings`` holds what was reported and left as it was: ``"warning"`` and
    ``"mixed"`` findings (see :class:`Lookalike`).

    >>> report = normalize_with_report("Əliyev vә Hämäläinen")
    >>> report.text
    'Əliyev və Hämäläinen'
    >>> [(c.position, c.char, c.replacement) for c in report.changes]
    [(8, 'ә', 'ə')]
    >>> len(report.warnings), report.changed
    (3, True)
    """

    original: str
    text: str
    changes: tuple[Lookalike, ...]
    warnings: tuple[Lookalike, ...]

    @property
    def changed(self) -> bool:
        """Whether the text was changed.

        >>> normalize_with_report("Bakı").changed
        False
        """
        return self.text != self.original

    def __bool__(self) -> bool:
        return bool(self.changes or self.warnings)


def _name(chars: str) -> str:
    return " + ".join(unicodedata.name(c, f"U+{ord(c):04X}") for c in chars)


def _is_latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def _clusters(text: str) -> list[tuple[int, str, str]]:
    """Split ``text`` into (start, original, NFC) pieces that NFC treats independently."""
    pieces: list[tuple[int, str, str]] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index < len(text) and unicodedata.combining(text[index]):
            continue
        if index < len(text):
            # A starter may still compose with what precedes it (Hangul jamo, some Indic vowels).
            joined = text[start : index + 1]
            head = text[start:index]
            nfc = unicodedata.normalize
            if nfc("NFC", joined) != nfc("NFC", head) + nfc("NFC", text[index]):
                continue
        piece = text[start:index]
        pieces.append((start, piece, unicodedata.normalize("NFC", piece)))
        start = index
    return pieces


def _scan(text: str) -> tuple[str, list[Lookalike]]:
    """Return NFC ``text`` with look-alikes fixed, and every finding (indices into ``text``)."""
    findings: list[Lookalike] = []
    if text.isascii():
        return text, findings
    if unicodedata.is_normalized("NFC", text):
        # Composed text with no character a fix or a warning starts from (most text)
        # is returned as it is, before any per-character work.
        if _SCAN_RE.search(text) is None:
            return text, findings
        nfc = text
        origin = list(range(len(text)))
    else:
        parts: list[str] = []
        origin = []
        for start, piece, composed in _clusters(text):
            if composed != piece:
                findings.append(Lookalike(start, piece, composed, _name(piece), "decomposed"))
                origin.extend([start] * len(composed))
            else:
                origin.extend(range(start, start + len(piece)))
            parts.append(composed)
        nfc = "".join(parts)
    chars = set(nfc)
    if not (chars & _TRIGGERS or chars & _WARN_SET or _DOT in chars):
        return nfc, findings
    out = list(nfc)
    index = 0
    length = len(nfc)
    while index < length:
        if not _is_word_char(nfc[index]):
            index += 1
            continue
        end = index
        while end < length and _is_word_char(nfc[end]):
            end += 1
        _fix_word(nfc, index, end, out, origin, findings)
        index = end
    findings.sort(key=lambda f: f.position)
    fixed = "".join(out)
    if fixed != nfc:
        fixed = unicodedata.normalize("NFC", fixed)
    return fixed, findings


def _is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LM"


def _fix_word(
    text: str, start: int, end: int, out: list[str], origin: list[int], findings: list[Lookalike]
) -> None:
    latin = cyrillic = other = lookalikes = 0
    for char in text[start:end]:
        if char in _SCHWAS:
            continue
        if char in _HOMOGLYPHS:
            lookalikes += 1
        elif char in _TURNED_E or unicodedata.category(char).startswith("M"):
            continue
        elif _is_latin(char):
            latin += 1
        elif char in _CYRILLIC:
            cyrillic += 1
        else:
            other += 1
    # Latin letters make it a Latin word with Cyrillic intruders, unless the Cyrillic
    # letters without a Latin twin outnumber them (a Cyrillic word with a Latin
    # intruder: nothing is replaced, the word is reported as mixed). A letter of a
    # third script (Greek, Arabic) leaves the word alone.
    latin_word = latin > cyrillic and other == 0
    fix_schwas = latin_word or (other == 0 and latin == 0 and lookalikes == 0 and cyrillic == 0)
    fix_homoglyphs = latin_word
    for position in range(start, end):
        char = text[position]
        replacement = None
        if char in _TURNED_E:
            replacement = _TURNED_E[char]
        elif char in _SCHWAS and fix_schwas:
            replacement = _SCHWAS[char]
        elif char in _HOMOGLYPHS and fix_homoglyphs:
            replacement = _HOMOGLYPHS[char]
        elif char == _DOT and position > start and text[position - 1] == "i":
            out[position] = ""
            findings.append(
                Lookalike(origin[position - 1], "i" + _DOT, "i", _name("i" + _DOT), "lookalike")
            )
            continue
        elif char in _WARN:
            findings.append(Lookalike(origin[position], char, _WARN[char], _name(char), "warning"))
            continue
        elif latin > 0 and (char in _CYRILLIC or char in _SCHWAS):
            findings.append(Lookalike(origin[position], char, "", _name(char), "mixed"))
            continue
        if replacement is not None:
            out[position] = replacement
            findings.append(
                Lookalike(origin[position], char, replacement, _name(char), "lookalike")
            )


def _require_str(text: object, func: str) -> str:
    if not isinstance(text, str):
        raise ArgumentTypeError(f"{func}() takes a str, not {type(text).__name__}")
    return text


def find_lookalikes(text: str) -> list[Lookalike]:
    """Report what :func:`normalize` would change in ``text``, plus warnings, in text order.

    Indices refer to ``text`` as given.

    >>> [(f.position, f.char, f.replacement, f.kind) for f in find_lookalikes("Bakı, Хaçmaz, Ǝli")]
    [(6, 'Х', 'X', 'lookalike'), (14, 'Ǝ', 'Ə', 'lookalike')]
    >>> find_lookalikes("Москва")  # a Cyrillic word is foreign text, not a look-alike
    []
    >>> [(f.char, f.replacement, f.kind) for f in find_lookalikes("Азәrbaycan")]
    [('А', 'A', 'lookalike'), ('з', '', 'mixed'), ('ә', 'ə', 'lookalike')]
    >>> find_lookalikes("Hämäläinen")[0].kind
    'warning'
    """
    return _scan(_require_str(text, "find_lookalikes"))[1]


def normalize(text: str) -> str:
    """NFC-compose ``text`` and replace look-alike letters; idempotent.

    >>> normalize("B\\u04d9k\\u0131")
    'Bəkı'
    >>> normalize("Gu\\u0308ney")
    'Güney'
    >>> normalize("İlham".lower())  # str.lower leaves a combining dot after i
    'ilham'
    >>> normalize("Ämir")  # ä is only a warning
    'Ämir'
    >>> normalize("Bакı")  # Cyrillic а and к inside a Latin word
    'Bakı'
    """
    return _scan(_require_str(text, "normalize"))[0]


def normalize_with_report(text: str) -> NormalizationReport:
    """Normalise ``text`` like :func:`normalize` and say what changed and what to check.

    >>> r = normalize_with_report("\\u04d8liyev")
    >>> r.text, r.changes[0].name
    ('Əliyev', 'CYRILLIC CAPITAL LETTER SCHWA')
    >>> normalize_with_report("Bakı").changed
    False
    """
    fixed, findings = _scan(_require_str(text, "normalize_with_report"))
    changes = tuple(f for f in findings if f.kind in ("decomposed", "lookalike"))
    warnings = tuple(f for f in findings if f.kind in ("mixed", "warning"))
    return NormalizationReport(text, fixed, changes, warnings)


def repairs(text: str) -> tuple[str, tuple[tuple[str, str, int], ...]]:
    """:func:`normalize_with_report`'s text and changes as ``(char, replacement, position)``.

    The same result without building the report: content import repairs every
    translation, and most have nothing to repair.

    >>> repairs("Gәncә")
    ('Gəncə', (('ә', 'ə', 1), ('ә', 'ə', 4)))
    >>> repairs("Bakı")
    ('Bakı', ())
    """
    fixed, findings = _scan(_require_str(text, "normalize_with_report"))
    if not findings:
        return fixed, ()
    changes = (f for f in findings if f.kind in ("decomposed", "lookalike"))
    return fixed, tuple((f.char, f.replacement, f.position) for f in changes)


class Normalizer:
    """A text-validation hook that normalises Azerbaijani values and keeps the reports.

    Use it with :class:`~diplolib.LocalizedText` (``validators=[...]``, the
    ``normalize_az=`` argument, or the pydantic context ``{"normalize_az": ...}``).
    Values in other languages pass through untouched. ``reports`` lists a
    :class:`NormalizationReport` for each value that was changed or drew a warning.

    >>> from diplolib import LocalizedText
    >>> fix = Normalizer()
    >>> LocalizedText.validate({"az": "G\u04d9nc\u04d9", "en": "Ganja"}, normalize_az=fix)
    LocalizedText(en='Ganja', az='Gəncə')
    >>> [(c.position, c.char, c.replacement) for r in fix.reports for c in r.changes]
    [(1, 'ә', 'ə'), (4, 'ә', 'ə')]
    """

    def __init__(self) -> None:
        self.reports: list[NormalizationReport] = []
        self._lock = threading.Lock()

    def __call__(self, lang: str, value: str) -> str:
        if lang != "az":
            return value
        report = normalize_with_report(value)
        if report:
            with self._lock:
                self.reports.append(report)
        return report.text

    def __repr__(self) -> str:
        return f"Normalizer(reports={len(self.reports)})"


def require_latin(lang: str, value: str) -> str:
    """A text-validation hook that rejects Azerbaijani values with letters of another script.

    Azerbaijani content is Latin script; a Cyrillic or Arabic-script value in an
    ``az`` field is usually the wrong text pasted. Values in other languages pass.

    >>> require_latin("az", "Xarici işlər")
    'Xarici işlər'
    >>> require_latin("az", "Министерство иностранных дел")
    Traceback (most recent call last):
    ...
    diplolib.errors.ContentError: Azerbaijani text must be in Latin script; found CYRILLIC letter 'М' in ...
    """
    if lang != "az" or value.isascii() or _NOT_LATIN_SAFE_RE.search(value) is None:
        return value
    # Each distinct character is looked at once; the message names the first bad one.
    bad = {c for c in set(value) if not c.isascii() and c.isalpha() and not _is_latin(c)}
    if not bad:
        return value
    index, char = next((i, c) for i, c in enumerate(value) if c in bad)
    script = unicodedata.name(char, "UNKNOWN").split(" ")[0]
    raise ContentError(
        f"Azerbaijani text must be in Latin script; found {script} letter {char!r} "
        f"in {word_at(value, index)!r} at position {index}"
    )


def word_at(text: str, index: int) -> str:
    """The run of letters around ``text[index]``, for naming a bad word in a message.

    >>> word_at("Azərbaycan Respublikası", 14)
    'Respublikası'
    """
    start = index
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    end = index
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[start:end]
