"""Language identification that knows Azerbaijani from Turkish, English, Russian and Kazakh.

:func:`detect_language` names the language of a text, :func:`detect_segments`
splits mixed text into runs of one language, and :func:`check_language` (with
:func:`language_validator` for :class:`~diplolib.text.LocalizedText`) tells
whether a field holds the language it should.

The model is a naive Bayes scorer over character n-grams and whole words (the
method of langdetect, without its random sampling), refined by a perceptron on
headline-sized windows, with a profile built from openly licensed corpora by
``scripts/build_detect_profile.py``. It is loaded on first use. Answers are
deterministic: the same text always gives the same result. In short texts,
names weigh less than grammar (case endings on names, function words,
Turkish-only vocabulary; see :mod:`diplolib._detect_evidence`), so "Hakan
Fidan Bakıda" is Azerbaijani whatever the Turkish names.

Text in Latin script is scored for Azerbaijani, English and Turkish; text in
Cyrillic for Russian, Kazakh and Azerbaijani in Cyrillic script (``script``
``"Cyrl"``). A few scripts name their language by themselves (Greek, Armenian,
Georgian, Hebrew, Korean, Japanese, Chinese, Thai), and Arabic-script text is
told apart as Arabic, Persian or Urdu with langdetect's profiles.

>>> from diplolib import detect_language
>>> d = detect_language("Prezident Bakıda görüş keçirdi")
>>> d.lang, d.script
('az', 'Latn')
>>> detect_language("Cumhurbaşkanı Bakü'de görüşme yaptı").lang
'tr'
>>> detect_language("Президент Азербайджана прибыл в Астану").lang
'ru'
>>> detect_language("🎉 2024 https://example.com").lang
'und'
"""

from __future__ import annotations

__all__ = [
    "LANGUAGES",
    "MAX_SEGMENT_CHARS",
    "Detection",
    "LanguageCheck",
    "Segment",
    "check_language",
    "detect_language",
    "detect_segments",
    "language_validator",
    "matches_language",
]

import math
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Final, Literal

from ._detect_evidence import CUE_SETS, NAME_WEIGHT, weigh
from ._detect_features import (
    WORD_RE,
    clean_text,
    dominant_script,
    lower_text,
    prepare_words,
    sample_text,
    script_of_text,
)
from ._detect_model import Profile, ScriptTable, load_profile
from .errors import (
    ArgumentTypeError,
    DetectionError,
    InvalidArgumentError,
    UnsupportedLanguageError,
)
from .languages import language_spec

LANGUAGES: Final[tuple[str, ...]] = ("az", "en", "tr", "ru", "kk")
"""Languages the statistical model tells apart (ISO 639-1)."""

_SCRIPT_ONLY: Final[Mapping[str, str]] = {
    "Grek": "el",
    "Armn": "hy",
    "Geor": "ka",
    "Hebr": "he",
    "Hang": "ko",
    "Jpan": "ja",
    "Hani": "zh",
    "Thai": "th",
}
_ARABIC_SCRIPT: Final[tuple[str, ...]] = ("ar", "fa", "ur")
_ALL: Final[tuple[str, ...]] = (*LANGUAGES, *_SCRIPT_ONLY.values(), *_ARABIC_SCRIPT)
_CLASS_LANG: Final[Mapping[str, tuple[str, str]]] = {
    "az": ("az", "Latn"),
    "en": ("en", "Latn"),
    "tr": ("tr", "Latn"),
    "ru": ("ru", "Cyrl"),
    "kk": ("kk", "Cyrl"),
    "az-Cyrl": ("az", "Cyrl"),
}
_NAMES: Final[Mapping[str, str]] = {
    "az": "Azerbaijani",
    "en": "English",
    "tr": "Turkish",
    "ru": "Russian",
    "kk": "Kazakh",
    "el": "Greek",
    "hy": "Armenian",
    "ka": "Georgian",
    "he": "Hebrew",
    "ko": "Korean",
    "ja": "Japanese",
    "zh": "Chinese",
    "th": "Thai",
    "ar": "Arabic",
    "fa": "Persian",
    "ur": "Urdu",
    "und": "no language",
}
_ALIASES: Final[Mapping[str, str]] = {
    "aze": "az",
    "azj": "az",
    "eng": "en",
    "tur": "tr",
    "rus": "ru",
    "kaz": "kk",
}
_KANA_RE: Final = re.compile(r"[\u3040-\u30ff]")


@dataclass(frozen=True, slots=True)
class Detection:
    """The language of a text, as :func:`detect_language` found it.

    ``lang`` is an ISO 639-1 code, or ``"und"`` when the text carries no
    language signal. ``confidence`` (0-1) is the probability of ``lang`` among
    the candidates; ``scores`` holds every candidate's probability. ``script``
    is the ISO 15924 code of the text's main script (``"Zyyy"`` when it has no
    letters).

    >>> d = detect_language("Xarici işlər naziri Ceyhun Bayramov")
    >>> d.lang, d.script, d.confidence > 0.9
    ('az', 'Latn', True)
    >>> round(sum(d.scores.values()), 6)
    1.0
    """

    lang: str
    confidence: float
    scores: Mapping[str, float] = field(hash=False)
    script: str

    @property
    def name(self) -> str:
        """The English name of the detected language.

        >>> detect_language("Astanada sammit açıldı").name
        'Azerbaijani'
        """
        return _NAMES.get(self.lang, self.lang)


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text in one language, found by :func:`detect_segments`.

    ``start`` and ``end`` index the original string: ``text == source[start:end]``.

    >>> seg = detect_segments("Baku hosts the summit.")[0]
    >>> seg.lang, seg.start, seg.end
    ('en', 0, 22)
    """

    text: str
    start: int
    end: int
    lang: str
    confidence: float
    script: str


def _check_text(text: object, func: str) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, bytes | bytearray | memoryview):
        raise ArgumentTypeError(
            f"{func}() takes a str, not {type(text).__name__}; decode it first, "
            "e.g. data.decode('utf-8')"
        )
    raise ArgumentTypeError(f"{func}() takes a str, not {type(text).__name__}")


def _normalize_code(code: object, *, what: str) -> tuple[str, str | None]:
    """``(language, script or None)`` for a code such as ``az``, ``az-Cyrl``, ``en_GB``."""
    if not isinstance(code, str):
        raise DetectionError(f"{what} must be a language code (str), not {type(code).__name__}")
    return _normalize_str(str(code), what)


@lru_cache(maxsize=256)
def _normalize_str(code: str, what: str) -> tuple[str, str | None]:
    # Cached: every check_language call names its expected language again. An unknown
    # code raises, and errors are not cached, so each call still gets its own.
    parts = code.strip().replace("_", "-").split("-")
    base = parts[0].lower()
    base = _ALIASES.get(base, base)
    if base not in _ALL or len(code) > 32:
        accepted = ", ".join(repr(c) for c in _ALL)
        raise DetectionError(f"unknown {what} {code!r}; accepted: {accepted}")
    script = None
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            script = part.title()
    return base, script


@lru_cache(maxsize=64)
def _resolve_candidates(candidates: tuple[str, ...] | None) -> frozenset[str]:
    if candidates is None:
        return frozenset(_ALL)
    resolved = {_normalize_code(c, what="candidate language")[0] for c in candidates}
    if not resolved:
        raise DetectionError("candidates is empty; give at least one language code or None")
    return frozenset(resolved)


_EVERY: Final = frozenset(_ALL)


def _candidates_key(candidates: Iterable[str] | None) -> tuple[str, ...] | None:
    if candidates is None:
        return None
    if isinstance(candidates, str):
        return (candidates,)
    return tuple(candidates)


def _undetermined(script: str, allowed: frozenset[str]) -> Detection:
    return Detection("und", 0.0, _template(allowed).copy(), script)


def _only(lang: str, script: str, allowed: frozenset[str]) -> Detection:
    scores = _template(allowed).copy()
    scores[lang] = 1.0
    return Detection(lang, 1.0, scores, script)


_arabic_lock = threading.Lock()
_arabic_factory: Any = None


def _arabic_detector() -> Any:
    """A langdetect factory with only the Arabic, Persian and Urdu profiles, seeded."""
    global _arabic_factory
    with _arabic_lock:
        if _arabic_factory is None:
            from importlib.resources import files

            from langdetect.detector_factory import DetectorFactory

            factory = DetectorFactory()
            profiles = files("langdetect") / "profiles"
            factory.load_json_profile(
                [(profiles / code).read_text(encoding="utf-8") for code in _ARABIC_SCRIPT]
            )
            factory.seed = 0
            _arabic_factory = factory
        return _arabic_factory


def _detect_arabic(text: str, allowed: frozenset[str]) -> Detection:
    from langdetect.lang_detect_exception import LangDetectException

    choices = [c for c in _ARABIC_SCRIPT if c in allowed]
    if not choices:
        return _undetermined("Arab", allowed)
    detector = _arabic_detector().create()
    detector.append(text)
    try:
        found = {p.lang: p.prob for p in detector.get_probabilities()}
    except LangDetectException:
        return _undetermined("Arab", allowed)
    total = sum(found.get(c, 0.0) for c in choices)
    if total <= 0:
        return _undetermined("Arab", allowed)
    scores = {c: 0.0 for c in LANGUAGES if c in allowed}
    scores.update({c: round(found.get(c, 0.0) / total, 4) for c in choices})
    best = max(choices, key=lambda c: found.get(c, 0.0))
    return Detection(best, scores[best], scores, "Arab")


def detect_language(text: str, *, candidates: Iterable[str] | None = None) -> Detection:
    """Detect the language of ``text``.

    ``candidates`` limits the answer to some languages (codes such as ``"az"``,
    ``"en-GB"``); text in a script none of them is written in gives ``"und"``.
    Empty text, digits, punctuation, emoji, URLs and e-mail addresses carry no
    language signal and give ``"und"`` as well. Long text is read in a few
    sampled windows, so the time per call stays bounded.

    >>> detect_language("The sides discussed bilateral relations").lang
    'en'
    >>> detect_language("Азәрбајҹан Республикасынын Президенти").script
    'Cyrl'
    >>> detect_language("Азәрбајҹан Республикасынын Президенти").lang
    'az'
    >>> detect_language("Barış görüşmeleri", candidates=["az", "en"]).lang in {"az", "en"}
    True
    >>> detect_language(b"bytes")
    Traceback (most recent call last):
    ...
    diplolib.errors.ArgumentTypeError: detect_language() takes a str, not bytes; decode it first, e.g. data.decode('utf-8')
    """
    if type(text) is not str:
        text = _check_text(text, "detect_language")
    allowed = _EVERY if candidates is None else _resolve_candidates(_candidates_key(candidates))
    found = _scored(text, allowed)
    if isinstance(found, Detection):
        return found
    table, costs, script = found
    return _from_costs(table, costs, script, allowed)


_Scored = Detection | tuple[ScriptTable, list[int], str]


def _scored(text: str, allowed: frozenset[str]) -> _Scored:
    """The answer for ``text``, or the costs it comes from: ``(table, costs, script)``.

    Text in Latin or Cyrillic script is scored against the profile; the
    costs' probabilities are :func:`_from_costs`. Text in another script, or
    with no words, is answered here.
    """
    sample = sample_text(text)
    cleaned = clean_text(sample)
    lowered = lower_text(cleaned)
    # A long text is decided on its first words more often than not (see below), so
    # its words are read in two parts, split at a space: the words before it, then,
    # only when they are needed, those after it. ``rest`` is where the second part
    # starts, or -1 once ``words`` holds every word.
    rest = lowered.find(" ", _HEAD_CHARS)
    if rest > 0:
        words = WORD_RE.findall(lowered, 0, rest)
        if len(words) <= _SHORT_WORDS or sum(map(len, words[:-1])) < _EARLY_LETTERS:
            words += WORD_RE.findall(lowered, rest)
            rest = -1
    else:
        words = WORD_RE.findall(lowered)
    if not words:
        return _undetermined("Zyyy", allowed)
    script = script_of_text(lowered) if rest > 0 else None
    if script is None:
        if rest > 0:
            words += WORD_RE.findall(lowered, rest)
            rest = -1
        script = dominant_script(words)
    if script != "Latn" and script != "Cyrl":
        if script == "Arab":
            return _detect_arabic(" ".join(words), allowed)
        if script == "Hani" and _KANA_RE.search(sample):
            script = "Jpan"
        lang = _SCRIPT_ONLY.get(script)
        if lang is None or lang not in allowed:
            return _undetermined(script, allowed)
        return _only(lang, script, allowed)
    profile = load_profile()
    table = profile.scripts[script]
    if len(words) <= _SHORT_WORDS and (
        not cleaned[1:].islower() or not CUE_SETS[script].isdisjoint(words)
    ):
        return table, _short_costs(profile, table, cleaned, words, script), script
    # Costs add up word by word, so a long text is scored in two parts and the
    # second is skipped when the first already decides beyond doubt.
    cut, letters = 0, 0
    while cut < len(words) and letters < _EARLY_LETTERS:
        letters += len(words[cut])
        cut += 1
    costs = profile.score(words[:cut], script)
    if cut < len(words) and not _decided(table, costs, allowed):
        later = words[cut:] if rest < 0 else words[cut:] + WORD_RE.findall(lowered, rest)
        more = profile.score(later, script)
        costs = [a + b for a, b in zip(costs, more, strict=True)]
    return table, costs, script


_HEAD_CHARS: Final = 96
"""Characters of a text after which :func:`detect_language` first looks for a space to
split its words at: more than enough, as a rule, for :data:`_EARLY_LETTERS` letters in
more than :data:`_SHORT_WORDS` words; a head without them is read on, to the end."""

_SHORT_WORDS: Final = 8
"""Texts of at most this many words are read with the grammatical evidence of
:mod:`diplolib._detect_evidence` (names weigh less); longer ones have grammar enough."""


def _short_costs(
    profile: Profile, table: ScriptTable, cleaned: str, words: list[str], script: str
) -> list[int]:
    plain, names, against = weigh(cleaned, words, script)
    costs = profile.score(plain, script)
    if names and costs and any(costs):
        extra = profile.score(names, script)
        costs = [c + round(NAME_WEIGHT * e) for c, e in zip(costs, extra, strict=True)]
    elif names:
        costs = profile.score(names, script)
    if against and costs and any(costs):
        unit = table.scale * _temperature()
        for index, name in enumerate(table.classes):
            penalty = against.get(name)
            if penalty:
                costs[index] += round(penalty * unit)
    return costs


_EARLY_LETTERS: Final = 48
# Tempered log-odds beyond which the rest of a text cannot change the answer in
# practice: a probability of 0.99995 for the leader.
_DECISIVE: Final = 10.0


def _decided(table: ScriptTable, costs: list[int], allowed: frozenset[str]) -> bool:
    ranked = sorted(map(costs.__getitem__, _class_indices(table.classes, allowed)))
    if len(ranked) < 2 or not ranked[0]:
        return False
    return (ranked[1] - ranked[0]) / (table.scale * _temperature()) > _DECISIVE


@lru_cache(maxsize=64)
def _template(allowed: frozenset[str]) -> dict[str, float]:
    return dict.fromkeys((lang for lang in LANGUAGES if lang in allowed), 0.0)


@lru_cache(maxsize=64)
def _class_plan(classes: tuple[str, ...], allowed: frozenset[str]) -> tuple[tuple[int, str], ...]:
    """``(index, language)`` of the classes of one script that ``allowed`` admits."""
    return tuple(
        (i, _CLASS_LANG[c][0]) for i, c in enumerate(classes) if _CLASS_LANG[c][0] in allowed
    )


def _leader(table: ScriptTable, costs: list[int], allowed: frozenset[str]) -> tuple[int, str]:
    """The lowest cost among the classes ``allowed`` admits and its language; ``(0, "und")``
    when there is none, or no feature of the text is in the profile (a zero total)."""
    plan = _class_plan(table.classes, allowed)
    if not plan or not costs[plan[0][0]]:
        return 0, "und"
    return min([(costs[i], code) for i, code in plan])


@lru_cache(maxsize=64)
def _class_indices(classes: tuple[str, ...], allowed: frozenset[str]) -> tuple[int, ...]:
    """The indices of :func:`_class_plan`."""
    return tuple(i for i, _ in _class_plan(classes, allowed))


def _from_costs(
    table: ScriptTable, costs: list[int], script: str, allowed: frozenset[str]
) -> Detection:
    low, lang = _leader(table, costs, allowed)
    if lang == "und":
        return _undetermined(script, allowed)
    plan = _class_plan(table.classes, allowed)
    # Overlapping n-grams of one text are far from independent, so the naive
    # Bayes log-odds are tempered before they become probabilities.
    spread = table.scale * _temperature()
    weights = [(code, math.exp((low - costs[i]) / spread)) for i, code in plan]
    total = sum(w for _, w in weights)
    scores = _template(allowed).copy()
    for code, weight in weights:
        scores[code] = round(weight / total, 4)
    return Detection(lang, scores[lang], scores, script)


def _temperature() -> float:
    return load_profile().temperature


# A sentence ends at . ! ? … (with closing quotes or brackets) before white space
# and a letter, digit, opening quote or dash; or at a line break.
_SENTENCE_END_RE: Final = re.compile(
    r"(?<=[.!?…])[\"'»”’)\]]*\s+(?=[\"'«“‘(\[]?[^\W_]|[-–—]\s*[^\W_])"
    # A line break; the white space before it is taken in by _sentences, not here:
    # a leading \s* would be retried at every blank of a long run (quadratic time).
    r"|\n\s*"
)
# A full stop after an initial or a common abbreviation does not end a sentence
# ("V.Əmirov", "Prof. M. Həsənov", "Dr. Smith"), nor one after a number that a
# lower-case word follows: an Azerbaijani ordinal ("Onun 4. kitabı").
_NO_BREAK_BEFORE_RE: Final = re.compile(
    r"(?:\b[^\W\d_]|\b(?:Dr|Mr|Mrs|Ms|Prof|St|No|Nr|vs|etc|cf|Jr|Sr|Gen|akad|prof|dos|gen|"
    r"məs|küç|ş|г|гг|им|ул|т|др|см|проф))\.$",
    re.IGNORECASE,
)


def _no_break(tail: str, text: str, end: int) -> bool:
    """Whether the full stop ending ``tail`` belongs to an initial or abbreviation.

    Only the last 40 characters are searched (bounded work per candidate break);
    a match at the window's first character counts only at a word start in ``text``.
    """
    match = _NO_BREAK_BEFORE_RE.search(tail)
    if match is None:
        return False
    first = end - len(tail) + match.start() if match.start() == 0 else -1
    return first <= 0 or not text[first - 1].isalnum()


def _sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        end = match.start()
        if "\n" in match.group():
            while end > start and text[end - 1].isspace():
                end -= 1
        else:
            tail = text[max(start, end - 40) : end].rstrip("\"'»”’)]")
            following = text[match.end() : match.end() + 1]
            if _no_break(tail, text, end) or (tail[-2:-1].isdigit() and following.islower()):
                continue
        if text[start:end].strip():
            spans.append((start, end))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


MAX_SEGMENT_CHARS: Final = 1_000_000
"""Longest text :func:`detect_segments` accepts (about 150,000 words; it reads every sentence)."""


def detect_segments(text: str, *, candidates: Iterable[str] | None = None) -> list[Segment]:
    """Split ``text`` into runs of one language, sentence by sentence.

    Each sentence (or line) is detected on its own; a sentence with no language
    signal, or a short one the detector is unsure of, joins the language of its
    neighbours; consecutive sentences in the same language merge into one
    :class:`Segment`. Text with no sentence gives an empty list. Every sentence
    is read, so the input is capped at :data:`MAX_SEGMENT_CHARS` characters
    (a :class:`~diplolib.errors.DetectionError` beyond that).

    >>> text = "Baku hosted the summit on Friday. Sammit Bakıda keçirildi."
    >>> [(s.lang, s.text) for s in detect_segments(text)]
    [('en', 'Baku hosted the summit on Friday.'), ('az', 'Sammit Bakıda keçirildi.')]
    >>> detect_segments("   ")
    []
    """
    text = _check_text(text, "detect_segments")
    if len(text) > MAX_SEGMENT_CHARS:
        raise DetectionError(
            f"text is {len(text)} characters; detect_segments() reads at most "
            f"{MAX_SEGMENT_CHARS} (split it, e.g. into paragraphs, and segment each part)"
        )
    key = _candidates_key(candidates)
    spans = _sentences(text)
    found = [detect_language(text[a:b], candidates=key) for a, b in spans]
    labels = [d.lang for d in found]
    for index, detection in enumerate(found):
        before = labels[index - 1] if index > 0 else None
        after = labels[index + 1] if index + 1 < len(labels) else None
        neighbour = before if before not in (None, "und") else after
        if neighbour in (None, "und") or neighbour == labels[index]:
            continue
        a, b = spans[index]
        short = len(text[a:b].split()) < 4
        unsure = detection.confidence < 0.5 or (
            short and detection.scores.get(str(neighbour), 0.0) >= 0.2
        )
        if labels[index] == "und" or ((before == after or after in (None, "und")) and unsure):
            labels[index] = str(neighbour)
    # Runs of one language as [start, end, lang, Σ confidence × length, Σ length, script];
    # text is sliced once per run at the end, so merging many sentences stays linear.
    runs: list[list[Any]] = []
    for (a, b), detection, lang in zip(spans, found, labels, strict=True):
        confidence = detection.scores.get(
            lang, detection.confidence if lang == detection.lang else 0.0
        )
        if runs and runs[-1][2] == lang:
            runs[-1][1] = b
            runs[-1][3] += confidence * (b - a)
            runs[-1][4] += b - a
        else:
            runs.append([a, b, lang, confidence * (b - a), b - a, detection.script])
    segments = []
    for a, b, lang, weighted, size, script in runs:
        segments.append(Segment(text[a:b], a, b, lang, round(weighted / size, 4), script))
    return segments


@dataclass(frozen=True, slots=True)
class LanguageCheck:
    """The outcome of :func:`check_language`.

    ``status`` is ``"match"``, ``"mismatch"`` (the text is confidently in
    another language) or ``"undecided"`` (too short, no language signal, or
    the detector is not sure). ``ok`` is false only for a mismatch, and the
    object is truthy when ``ok``. ``message`` says what was found, for editors.

    >>> check = check_language("The summit opened in Astana on Monday", "az")
    >>> check.ok, check.status, check.detected.lang
    (False, 'mismatch', 'en')
    >>> print(check.message)
    expected Azerbaijani (az) but the text looks English (en, confidence 1.00)
    """

    expected: str
    detected: Detection
    status: Literal["match", "mismatch", "undecided"]
    message: str

    @property
    def ok(self) -> bool:
        """Whether the text may stay: it matches, or there is too little to judge.

        >>> check_language("OK", "az").ok
        True
        """
        return self.status != "mismatch"

    @property
    def needs_review(self) -> bool:
        """Whether an editor should look: undecided, yet confidently another language.

        That is text too short or too full of names to judge (see
        :func:`check_language`) that the detector assigns to another language
        with a confidence of 0.9 or more. Content import applies such text
        with a warning and marks the entry.

        >>> check_language("Recep Tayyip Erdoğan", "az").needs_review
        True
        >>> check_language("OK", "az").needs_review
        False
        """
        return (
            self.status == "undecided"
            and self.detected.lang not in (self.expected, "und")
            and self.detected.confidence >= _REVIEW_CONFIDENCE
        )

    def __bool__(self) -> bool:
        return self.ok


_WORD_RE: Final = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_REVIEW_CONFIDENCE: Final = 0.9
_APOSTROPHE_CASE_RE: Final = re.compile(r"\w['’][a-zıöüçşğ]{1,5}$")
_NAMES_SHARE: Final = 0.6
"""Share of capitalised words (after the first) from which a text counts as a list of names."""


def check_language(
    text: str,
    expected: str,
    *,
    min_confidence: float = 0.9,
    min_length: int = 20,
) -> LanguageCheck:
    """Check that ``text`` is in the ``expected`` language.

    ``expected`` is a code such as ``"az"``, ``"en-GB"``, or one with a script:
    ``"az-Latn"`` also requires Latin script, so Azerbaijani in Cyrillic is a
    mismatch for it. A text with fewer than ``min_length`` letters, or whose
    detected language has a confidence below ``min_confidence``, is
    ``"undecided"`` rather than a mismatch: short titles are not judged.

    >>> check_language("Prezident Bakıda rəsmi görüş keçirdi", "az").status
    'match'
    >>> check_language("Cumhurbaşkanı Bakü'de resmi görüşme yaptı", "az").status
    'mismatch'
    >>> check_language("Bakı", "en").status
    'undecided'
    """
    text = _check_text(text, "check_language")
    lang, script = _normalize_code(expected, what="expected language")
    if not 0.0 <= min_confidence <= 1.0:
        raise DetectionError(f"min_confidence must be between 0 and 1, got {min_confidence!r}")
    if min_length < 0:
        raise DetectionError(f"min_length must be 0 or more, got {min_length!r}")
    detected = detect_language(text)
    wanted = f"{_NAMES.get(lang, lang)} ({lang}{'-' + script if script else ''})"
    same = detected.lang == lang and (script is None or detected.script == script)
    if same:
        return LanguageCheck(lang, detected, "match", f"text is {wanted}")
    found = f"{detected.name} ({detected.lang}"
    if detected.lang == lang:
        found = f"{detected.name} in {detected.script} script ({detected.lang}-{detected.script}"
    # Judged on the same bounded sample detect_language() reads, so the time and
    # memory of a call do not grow with the text.
    sample = sample_text(text)
    letters = sum(len(word) for word in prepare_words(sample))
    if detected.lang == "und":
        return LanguageCheck(lang, detected, "undecided", "text carries no language signal")
    if letters < min_length:
        return LanguageCheck(
            lang,
            detected,
            "undecided",
            f"text too short to judge ({letters} letters, {min_length} needed)",
        )
    if detected.confidence < min_confidence:
        return LanguageCheck(
            lang,
            detected,
            "undecided",
            f"not sure: the text may be {found}, confidence {detected.confidence:.2f})",
        )
    # Proper names are no evidence of a language: "Recep Tayyip Erdoğan, Kasım-Jomart
    # Tokayev və Şavkat Mirziyoyev" is an Azerbaijani list of foreign names. A text
    # whose words after the first mostly start with a capital, with too few other
    # letters to judge (min_length), is not judged. (The
    # right language in the wrong script is a mismatch whatever the names.)
    # A capitalised word with a case ending after an apostrophe ("Londra'da") is
    # grammar, not a name: Turkish marks case on proper nouns that way.
    # So is a word of the language's own vocabulary ("Dışişleri Bakanı").
    cues = CUE_SETS.get(detected.script, frozenset())
    words = [w for w in _WORD_RE.findall(sample)[1:] if not _APOSTROPHE_CASE_RE.search(w)]
    named = [w[0].isupper() and w.replace("İ", "i").lower() not in cues for w in words]
    capitals = sum(named)
    other_letters = sum(len(word) for word, name in zip(words, named, strict=True) if not name)
    names_list = bool(words) and capitals >= _NAMES_SHARE * len(words)
    if detected.lang != lang and names_list and other_letters < min_length:
        return LanguageCheck(
            lang,
            detected,
            "undecided",
            f"mostly proper names ({capitals} of {len(words) + 1} words capitalised); "
            f"names alone look {found}, confidence {detected.confidence:.2f})",
        )
    return LanguageCheck(
        lang,
        detected,
        "mismatch",
        f"expected {wanted} but the text looks {found}, confidence {detected.confidence:.2f})",
    )


def matches_language(text: str, expected: str) -> bool:
    """Whether :func:`check_language` finds ``text`` in the ``expected`` language (a match).

    The same detection, without working out the probabilities of a match:
    only which language leads matters for it.

    >>> matches_language("Prezident Bakıda rəsmi görüş keçirdi", "az-Latn")
    True
    >>> matches_language("Президент прибыл в Баку", "az")
    False
    """
    lang, script = _normalize_code(expected, what="expected language")
    found = _scored(_check_text(text, "matches_language"), _EVERY)
    if isinstance(found, Detection):
        detected, found_script = found.lang, found.script
    else:
        table, costs, found_script = found
        detected = _leader(table, costs, _EVERY)[1]
    return detected == lang and (script is None or found_script == script)


def _registered_label(code: str) -> str:
    """The detector's code for a registered language (``az-Latn``), else ``code`` itself."""
    try:
        return language_spec(code).label
    except UnsupportedLanguageError:
        return code


def language_validator(
    *,
    min_confidence: float = 0.9,
    min_length: int = 20,
    languages: Iterable[str] = ("en", "az"),
) -> Callable[[str, str], str]:
    """A :class:`~diplolib.text.LocalizedText` validation hook that checks each value's language.

    The hook raises ``ValueError`` naming the detected language and its
    confidence when a value is confidently in another language (an ``az``
    field holding English or Turkish); ``az`` values must also be in Latin
    script. Short values are not judged (see :func:`check_language`). Register
    it for every model with :func:`~diplolib.text.register_text_validator`, or
    pass it for one validation in the pydantic context
    (``context={"text_validators": [hook]}``).

    >>> from diplolib import LocalizedText
    >>> hook = language_validator()
    >>> LocalizedText.validate({"az": "Prezident Bakıda rəsmi görüş keçirdi"}, validators=[hook])
    LocalizedText(az='Prezident Bakıda rəsmi görüş keçirdi')
    >>> turkish = "Cumhurbaşkanı Bakü'de resmi görüşme yaptı"
    >>> LocalizedText.validate({"az": turkish}, validators=[hook])
    Traceback (most recent call last):
    ...
    diplolib.errors.ContentError: az: expected Azerbaijani (az-Latn) but the text looks Turkish (tr, confidence 1.00)
    """
    if not 0.0 <= min_confidence <= 1.0:
        raise DetectionError(f"min_confidence must be between 0 and 1, got {min_confidence!r}")
    expected = {}
    for code in [languages] if isinstance(languages, str) else languages:
        lang, script = _normalize_code(code, what="language")
        expected[lang] = f"{lang}-{script}" if script else _registered_label(lang)

    def validate_language(lang: str, value: str) -> str:
        code = expected.get(lang)
        if code is None:
            return value
        check = check_language(value, code, min_confidence=min_confidence, min_length=min_length)
        if check.status == "mismatch":
            raise InvalidArgumentError(check.message)
        return value

    return validate_language
