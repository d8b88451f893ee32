"""The detector's fast paths give exactly the answers of the detector read plainly.

:func:`diplolib.detect_language` reads a long text's words in two parts and
scores words from a table of per-word costs; :func:`_reference_detect` below is
the same model read the plain way (every word of the sample, every feature of
the joined text in one pass, probabilities worked out term by term). Both must
agree to the last digit on every held-out line, headline, hard case, mixed
line, and on texts written to trip the shortcuts.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplolib._detect_model as model
from diplolib import detect
from diplolib._detect_evidence import CUE_SETS, NAME_WEIGHT, weigh
from diplolib._detect_features import (
    _ALL_CYRILLIC_RE,
    _ALL_LATIN_RE,
    _NOT_ONLY_CYRILLIC_RE,
    _NOT_ONLY_LATIN_RE,
    WORD_RE,
    _script_of,
    dominant_script,
    lower_text,
    prepare_tokens,
    sample_text,
    script_of_text,
)
from diplolib.detect import Detection, check_language, detect_language

DATA = Path(__file__).parent / "data"


def _reference_from_costs(
    classes: tuple[str, ...], scale: float, costs: list[int], script: str, allowed: frozenset[str]
) -> Detection:
    plan = [(i, detect._CLASS_LANG[c][0]) for i, c in enumerate(classes)]
    plan = [(i, lang) for i, lang in plan if lang in allowed]
    scores = {lang: 0.0 for lang in detect.LANGUAGES if lang in allowed}
    if not plan or not costs[plan[0][0]]:
        return Detection("und", 0.0, scores, script)
    low, lang = min((costs[i], code) for i, code in plan)
    spread = scale * model.load_profile().temperature
    weights = [(code, math.exp((low - costs[i]) / spread)) for i, code in plan]
    total = sum(weight for _, weight in weights)
    for code, weight in weights:
        scores[code] = round(weight / total, 4)
    return Detection(lang, scores[lang], scores, script)


def _reference_detect(text: str, *, candidates: list[str] | None = None) -> Detection:
    """The detector without its shortcuts: every word read, each text scored in one pass."""
    allowed = frozenset(detect._ALL)
    if candidates is not None:
        allowed = frozenset(detect._normalize_code(c, what="candidate")[0] for c in candidates)
    template = {lang: 0.0 for lang in detect.LANGUAGES if lang in allowed}
    sample = sample_text(text)
    cleaned, words = prepare_tokens(sample)
    if not words:
        return Detection("und", 0.0, template, "Zyyy")
    script = dominant_script(words)
    if script not in ("Latn", "Cyrl"):
        if script == "Arab":
            return detect._detect_arabic(" ".join(words), allowed)
        if script == "Hani" and re.search("[\u3040-\u30ff]", sample):
            script = "Jpan"
        lang = detect._SCRIPT_ONLY.get(script)
        if lang is None or lang not in allowed:
            return Detection("und", 0.0, template, script)
        return Detection(lang, 1.0, {**template, lang: 1.0}, script)
    profile = model.load_profile()
    table = profile.scripts[script]
    unit = table.scale * profile.temperature
    if len(words) <= 8 and (not cleaned[1:].islower() or not CUE_SETS[script].isdisjoint(words)):
        plain, names, against = weigh(cleaned, words, script)
        costs = profile.score_joined(plain, script)
        if names and any(costs):
            extra = profile.score_joined(names, script)
            costs = [c + round(NAME_WEIGHT * e) for c, e in zip(costs, extra, strict=True)]
        elif names:
            costs = profile.score_joined(names, script)
        if against and any(costs):
            for index, name in enumerate(table.classes):
                costs[index] += round(against.get(name, 0.0) * unit)
        return _reference_from_costs(table.classes, table.scale, costs, script, allowed)
    cut, letters = 0, 0
    while cut < len(words) and letters < 48:
        letters += len(words[cut])
        cut += 1
    costs = profile.score_joined(words[:cut], script)
    if cut < len(words):
        ranked = sorted(
            cost
            for cost, name in zip(costs, table.classes, strict=True)
            if detect._CLASS_LANG[name][0] in allowed
        )
        if not (len(ranked) >= 2 and ranked[0] and (ranked[1] - ranked[0]) / unit > 10.0):
            more = profile.score_joined(words[cut:], script)
            costs = [a + b for a, b in zip(costs, more, strict=True)]
    return _reference_from_costs(table.classes, table.scale, costs, script, allowed)


def _lines() -> list[str]:
    texts = []
    for name in ("detect_eval.tsv", "detect_headlines.tsv", "detect_hard.tsv"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                texts.append(line.split("\t")[-1])
    for line in (DATA / "detect_mixed.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        texts.append(item["text"])
        texts.extend(item["text"][a:b] for a, b, _ in item["spans"])
    return texts


LINES = _lines()

HOSTILE = [
    # English with one Azerbaijani name, names lists, Turkish, Kazakh in Latin letters.
    "The delegation led by Ceyhun Bayramov arrived in Brussels on Tuesday for two days of talks "
    "with the European Commission on energy and transport corridors.",
    "Recep Tayyip Erdoğan, Kasım-Jomart Tokayev, Şavkat Mirziyoyev, Sadır Japarov, İlham Əliyev, "
    "Serdar Berdimuhamedov, Vladimir Putin, Emmanuel Macron və Olaf Scholz sammitdə iştirak etdilər.",
    "İlham Əliyev, Recep Tayyip Erdoğan, Kasım-Jomart Tokayev, Şavkat Mirziyoyev, Sadır Japarov, "
    "Serdar Berdimuhamedov, Vladimir Putin, Emmanuel Macron, Olaf Scholz, Giorgia Meloni",
    "Cumhurbaşkanı Erdoğan bugün Ankara'da Azerbaycan Dışişleri Bakanı ile görüştü ve iki ülke "
    "arasındaki stratejik ortaklığın güçlendirilmesi konusunda açıklama yaptı.",
    "Qazaqstan Respublikasynyń Prezidenti Astanada Ázerbaıjan delegasıasyn qabyldady jáne eki el "
    "arasyndaǵy yntymaqtastyqty talqylady.",
    "Азәрбајҹан Республикасынын Президенти Илһам Əлијев бу ҝүн Бакыда хариҹи гонаглары гәбул етди "
    "вә икитәрәфли әлагәләрин ҝенишләндирилмәси мәсәләләрини мүзакирә етди.",
    "Президент Казахстана Касым-Жомарт Токаев прибыл в Баку с официальным визитом и провёл "
    "переговоры с Ильхамом Алиевым о транспортных коридорах.",
    "Қазақстан Республикасының Президенті Қасым-Жомарт Тоқаев Бакуге ресми сапармен келді және "
    "екіжақты ынтымақтастық туралы келіссөздер жүргізді.",
    # Mixed scripts and languages in one text, so the head and the whole disagree.
    "Prezident Bakıda rəsmi görüş keçirdi, xarici qonaqları qəbul etdi və bəyanat verdi. "
    "Президент провёл встречу в Баку и сделал заявление для прессы после переговоров.",
    "Президент провёл встречу в Баку и сделал заявление для прессы после переговоров и встреч. "
    "Prezident Bakıda rəsmi görüş keçirdi, xarici qonaqları qəbul etdi və bəyanat verdi.",
    "The summit opened in Astana on Monday with leaders of the Turkic states attending the talks; "
    "Sammit Astanada açıldı, türkdilli dövlətlərin liderləri iştirak etdilər.",
    "Ελλάδα και Αζερμπαϊτζάν υπέγραψαν συμφωνία για την ενέργεια στην Αθήνα την Τρίτη, "
    "Bakı və Afina enerji sahəsində saziş imzaladı.",
    "Bakı və Afina enerji sahəsində saziş imzaladı, tərəflər əməkdaşlığı genişləndirməyi "
    "razılaşdılar: Ελλάδα και Αζερμπαϊτζάν υπέγραψαν συμφωνία για την ενέργεια.",
    # Letters that are not Latin or Cyrillic, punctuation, numbers, noise, apostrophes.
    "Tədbirdə 2024–2025-ci illər üçün «Yaşıl enerji» proqramı təqdim olundu — ümumi dəyəri "
    "₼ 1,5 mlrd; ətraflı məlumat: https://example.az/yasil-enerji və info@example.az.",
    "Hesabat ² ³ ¼ ½ µ ª º işarələri ilə dolu bir cədvəldir və mətnin sonunda yenə bir neçə "
    "söz var ki, sözlər sayılsın.",
    "Londra’da, Paris`te ve Berlin´de yapılan toplantılarda Türkiye'nin Avrupa Birliği'ne "
    "katılım süreci ve Nevruz'un kutlanması konuşuldu.",
    "Prezident Bakıda görüş keçirdi " * 30,
    "a b c d e f g h i j k l m n o p q r s t u v w x y z " * 20,
    "ə " * 400,
    "bakıda" + " " * 200 + "görüş keçirdi",
    "x" * 95 + " " + "keçirdi görüş " * 10,
    "Prezident" + "ə" * 120 + " görüş keçirdi və bəyanat verdi",
    "Şəhər'də " * 40,
    "Prezi\u0307dent Bakıda görüş keçirdi, Azərbaycan Respublikası ilə Qazaxıstan arasında "
    "Ba\u0301kı sazişlər imzalandı və tərəflər bəyanat verdi.",
    "İSTANBUL'DA DÜZENLENEN ZİRVEDE TÜRK DEVLETLERİ TEŞKİLATI LİDERLERİ BİR ARAYA GELDİ VE ORTAK "
    "BİLDİRİ YAYIMLADI",
    "مؤتمر صحفي في باكو حول العلاقات الثنائية بين البلدين والتعاون في مجال الطاقة والنقل",
    "東京で日本とアゼルバイジャンの外相会談が行われ、エネルギー協力について話し合った。",
    "🎉🎉🎉 2024 https://example.com www.example.org @user #tag " * 10,
    "",
    "   ",
]


def _texts() -> Iterator[str]:
    yield from LINES
    yield from HOSTILE
    # Pairs of lines of different languages, so the first words and the rest disagree.
    for first, second in zip(LINES[::7], LINES[3::11], strict=False):
        yield f"{first} {second}"
        yield f"{second}\n{first} {first}"


def test_detection_equals_the_plain_reading_on_every_corpus_line_and_hostile_text() -> None:
    checked = 0
    for text in _texts():
        assert detect_language(text) == _reference_detect(text), text
        checked += 1
    assert checked > 5_000


def test_candidates_give_the_plain_reading_too() -> None:
    for candidates in (["az", "tr"], ["en"], ["ru", "kk", "az"]):
        for text in [*LINES[::5], *HOSTILE]:
            found = detect_language(text, candidates=candidates)
            assert found == _reference_detect(text, candidates=candidates), text


def test_language_checks_equal_those_of_the_plain_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*LINES[::2], *HOSTILE]
    expected = ("az", "az-Latn", "az-Cyrl", "en", "tr", "ru", "kk")
    fast = [check_language(text, code) for text in texts for code in expected]
    monkeypatch.setattr(detect, "detect_language", _reference_detect)
    plain = [check_language(text, code) for text in texts for code in expected]
    assert [(c.status, c.message, c.detected) for c in fast] == [
        (c.status, c.message, c.detected) for c in plain
    ]
    assert {c.status for c in fast} == {"match", "mismatch", "undecided"}


PIECES = ["bakıda", "görüş", "the", "talks", "Ankara'da", "və", "ile", "президент", "в", "және",
          "Əliyev", "Erdoğan", "İlham", "²", "—", "«", "»", ",", ".", "’", "ə", "x" * 20, "αβγ",
          "2024", "https://x.az/y", "  ", "\n"]  # fmt: skip


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(PIECES), max_size=120),
)
def test_detection_equals_the_plain_reading_on_generated_texts(parts: list[str]) -> None:
    text = " ".join(parts)
    assert detect_language(text) == _reference_detect(text)


def test_word_table_scores_like_the_joined_text(monkeypatch: pytest.MonkeyPatch) -> None:
    profile = model.load_profile()
    word_lists = [prepare_tokens(sample_text(text))[1] for text in [*LINES, *HOSTILE]]
    # Longer than the joined text's positions: scored whole, as defined.
    word_lists.append(["a"] * 400)
    word_lists.append([])
    for words in word_lists:
        for script in ("Latn", "Cyrl", "Grek"):
            assert profile.score(words, script) == profile.score_joined(words, script)
    # A table that fills up starts over, and still gives the same costs.
    monkeypatch.setattr(model, "_WORD_COSTS", 7)
    fresh = model.profile_from_data(
        json.loads(
            __import__("gzip").decompress((model.data_dir() / model.PROFILE_FILE).read_bytes())
        )
    )
    for words in word_lists[:500]:
        assert fresh.score(words, "Latn") == fresh.score_joined(words, "Latn")
        cache = fresh.scripts["Latn"].words
        assert cache is not None
        assert len(cache) <= 7


def test_a_profile_with_features_across_words_is_scored_whole() -> None:
    data = {
        "format": 2,
        "bits": 21,
        "orders": [2, 4],
        "max_word": 16,
        "temperature": 4.0,
        "scripts": {
            "Latn": {
                "classes": ["az", "en"],
                "scale": 1.0,
                "grams": ["ab", "b  c", " ab "],
                "costs": [[1, 5, 7], [2, 3, 11]],
            }
        },
    }
    profile = model.profile_from_data(data)
    assert profile.scripts["Latn"].words is None
    assert profile.score(["ab", "cd"], "Latn") == [1 + 5 + 7, 2 + 3 + 11]
    data["scripts"]["Latn"]["grams"] = ["ab", "bc", " ab "]  # type: ignore[index]
    assert model.profile_from_data(data).scripts["Latn"].words is not None


def test_words_read_in_two_parts_are_the_words_of_the_whole() -> None:
    for text in [*LINES, *HOSTILE]:
        lowered = lower_text(prepare_tokens(text)[0])
        every = WORD_RE.findall(lowered)
        for start in (0, 5, 40, 96):
            cut = lowered.find(" ", start)
            if cut >= 0:
                assert WORD_RE.findall(lowered, 0, cut) + WORD_RE.findall(lowered, cut) == every


def _letters_in(pattern: re.Pattern[str]) -> Iterator[str]:
    """Every letter (a character of a word) that ``pattern`` does not find: the script's own."""
    letter = re.compile(r"[^\W\d_]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if pattern.match(char) is None and letter.match(char):
            yield char


def test_one_scan_names_the_script_the_words_are_in() -> None:
    latin = list(_letters_in(_NOT_ONLY_LATIN_RE))
    cyrillic = list(_letters_in(_NOT_ONLY_CYRILLIC_RE))
    # Each letter the scan lets through is one that counting words gives to that script.
    assert all(_script_of(c) == "Latn" for c in latin)
    assert all(_script_of(c) == "Cyrl" for c in cyrillic)
    assert {"a", "ə", "ğ", "ı", "ş"} < set(latin)
    assert {"а", "ә", "ј", "ҹ", "қ"} < set(cyrillic)
    # The Latin ones include signs such as "ª", "µ" and "²", outside the word-counting
    # fast path's class: its slow count gives them to Latin all the same.
    assert "µ" in latin
    assert _ALL_LATIN_RE.fullmatch("µ") is None
    assert all(_ALL_CYRILLIC_RE.fullmatch(c) for c in cyrillic)
    for text in [*LINES, *HOSTILE]:
        lowered = lower_text(prepare_tokens(sample_text(text))[0])
        words = WORD_RE.findall(lowered)
        named = script_of_text(lowered)
        if words and named is not None:
            assert named == dominant_script(words), text


def test_a_match_is_told_without_probabilities_exactly_when_check_language_says_match() -> None:
    from diplolib.detect import matches_language

    seen = set()
    for text in [*LINES[::2], *HOSTILE]:
        for code in ("az", "az-Latn", "az-Cyrl", "en", "tr", "ru", "kk", "el"):
            found = matches_language(text, code)
            assert found == (check_language(text, code).status == "match"), (text, code)
            seen.add(found)
    assert seen == {True, False}


def test_one_word_costs_what_the_joined_scoring_gives_that_word() -> None:
    profile = model.load_profile()
    words = {w for text in LINES[::3] for w in prepare_tokens(text)[1]}
    words |= {"a", "ab", "x" * 37, "y" * 38, "z" * 39, "w" * 80, "ə'li", "ж"}
    for script, table in profile.scripts.items():
        cache = table.words
        assert cache is not None
        cost = model._word_cost(profile, table)
        for word in words:
            assert cost(word) == profile._packed((word,), table), (script, word)
