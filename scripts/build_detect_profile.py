#!/usr/bin/env python3
"""Build diplolib's language-detection profile from the development corpora.

Usage (from the repository root, with diplolib installed in the environment)::

    python scripts/build_detect_profile.py [CORPORA_DIR]
    python scripts/build_detect_profile.py [CORPORA_DIR] --dev   # tune: report dev accuracy

``CORPORA_DIR`` holds ``az.txt en.txt tr.txt ru.txt kk.txt`` (one sentence a line)
and defaults to ``../shared/corpora`` next to the repository. Every line goes to
one of three parts by a hash of the line with its digits folded, so templated
lines that differ only in numbers land in the same part:

* test (15 %): never trained on; written to ``tests/data/detect_eval.tsv``;
* dev (10 %): held out while tuning (``--dev``), trained on in the final build;
* train (75 %).

The hand-written domain vocabulary in ``scripts/detect_training/`` is added to
the training text. Azerbaijani in Cyrillic script is learned from the
Azerbaijani lines transliterated letter by letter into the Cyrillic alphabet of
1958-1991. The result is deterministic: the same corpora give the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

from diplolib._detect_features import dominant_script, features, prepare_words, sample_text
from diplolib._detect_model import FORMAT, profile_from_data

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("az", "en", "tr", "ru", "kk")
CLASSES = ("az", "en", "tr", "ru", "kk", "az-Cyrl")
SCRIPT_CLASSES = {"Latn": ("az", "en", "tr"), "Cyrl": ("ru", "kk", "az-Cyrl")}

# Model settings; --dev runs compare variants of these on held-out text.
ORDERS = (2, 4)
MAX_WORD = 16
MIN_COUNT = 3
ALPHA = 0.5
WEIGHTS = {2: 0.7, 4: 1.0, "word": 1.0}
DOMAIN_REPEAT = 3
BALANCE_SIZE = 100_000
BITS = 21
# Perceptron passes that correct the naive Bayes weights on whole lines and on
# 1-6-word windows of them (headline-sized text), where naive Bayes is weakest.
REFINE_EPOCHS = 2
REFINE_STEP = 0.02
REFINE_MARGIN = 1.0
TEMPERATURE = 4.0  # near the dev log-loss minimum (3-4); the higher keeps confident answers right
MAX_COST = 256

TEST_BUCKETS = range(15)
DEV_BUCKETS = range(15, 25)

_LATIN_TO_CYRILLIC = {
    "a": "а", "b": "б", "c": "ҹ", "ç": "ч", "d": "д", "e": "е", "ə": "ә", "f": "ф",
    "g": "ҝ", "ğ": "ғ", "h": "һ", "x": "х", "ı": "ы", "i": "и", "j": "ж", "k": "к",
    "q": "г", "l": "л", "m": "м", "n": "н", "o": "о", "ö": "ө", "p": "п", "r": "р",
    "s": "с", "ş": "ш", "t": "т", "u": "у", "ü": "ү", "v": "в", "y": "ј", "z": "з",
}  # fmt: skip


def to_cyrillic(text: str) -> str:
    """Transliterate Azerbaijani Latin text into the Azerbaijani Cyrillic alphabet."""
    out = []
    for char in text:
        if char == "İ":
            out.append("И")
            continue
        low = char.lower() if char != "I" else "ı"
        mapped = _LATIN_TO_CYRILLIC.get(low)
        if mapped is None:
            out.append(char)
        else:
            out.append(mapped.upper() if char != low else mapped)
    return "".join(out)


def bucket(line: str) -> int:
    key = re.sub(r"\d+", "0", line.casefold())
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big") % 100


def read_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def split_corpora(corpora: Path) -> dict[str, dict[str, list[str]]]:
    parts: dict[str, dict[str, list[str]]] = {}
    for lang in LANGS:
        path = corpora / f"{lang}.txt"
        if not path.is_file():
            sys.exit(f"error: {path} is missing; expected az.txt en.txt tr.txt ru.txt kk.txt")
        split: dict[str, list[str]] = {"train": [], "dev": [], "test": []}
        for line in read_lines(path):
            b = bucket(line)
            part = "test" if b in TEST_BUCKETS else "dev" if b in DEV_BUCKETS else "train"
            split[part].append(line)
        parts[lang] = split
    return parts


def domain_lines(lang: str) -> list[str]:
    path = ROOT / "scripts" / "detect_training" / f"{lang}.txt"
    if not path.is_file():
        return []
    return [line for line in read_lines(path) if not line.startswith("#")]


def feature_kind(gram: str, longest: int) -> int | str:
    return len(gram) if len(gram) <= longest else "word"


def count_features(lines: list[str], repeat: int, counts: Counter[str]) -> None:
    for line in lines:
        for gram in features(prepare_words(line), ORDERS, MAX_WORD):
            counts[gram] += repeat


def train(texts: dict[str, tuple[list[str], list[str]]]) -> dict[str, object]:
    """Naive Bayes log-probabilities, refined by a perceptron, as quantised costs."""
    grams, logs, seen = naive_bayes(texts)
    weights = {g: [-logs[cls][i] for cls in CLASSES] for i, g in enumerate(grams)}
    refine(weights, texts)
    # Each script has its own table over the features its classes were trained on.
    # A cost is the distance below the feature's best class in that script, plus
    # one, so a text with any known feature has a positive total: adding the same
    # amount to every class changes no decision, and costs stay small.
    groups = {}
    for script, members in SCRIPT_CLASSES.items():
        indexes = [CLASSES.index(c) for c in members]
        kept = [g for g in grams if any(seen[CLASSES[i]].get(g) for i in indexes)]
        rows = [[weights[g][i] for i in indexes] for g in kept]
        spans = [max(row) - min(row) for row in rows]
        scale = (MAX_COST - 1) / max(spans)
        costs = [
            [1 + round((max(row) - row[k]) * scale) for row in rows] for k in range(len(indexes))
        ]
        groups[script] = {
            "classes": list(members),
            "scale": round(scale, 6),
            "grams": kept,
            "costs": costs,
        }
    return {
        "format": FORMAT,
        "orders": list(ORDERS),
        "max_word": MAX_WORD,
        "bits": BITS,
        "temperature": TEMPERATURE,
        "scripts": groups,
    }


def examples(texts: dict[str, tuple[list[str], list[str]]]) -> list[tuple[int, list[str]]]:
    """Training lines and a 1-6-word window of each, in a fixed hash order."""
    keyed = []
    for index, cls in enumerate(CLASSES):
        corpus, domain = texts[cls]
        for line in corpus + domain:
            words = prepare_words(line)
            if not words:
                continue
            h = bucket(cls + line)
            size = 1 + h % 6
            start = (h // 7) % max(1, len(words) - size + 1)
            keyed.append((h, index, words))
            keyed.append((h // 3, index, words[start : start + size]))
    keyed.sort(key=lambda item: (item[0], item[1], item[2]))
    return [(index, words) for _, index, words in keyed]


def refine(weights: dict[str, list[float]], texts: dict[str, tuple[list[str], list[str]]]) -> None:
    """Perceptron updates: move weight from the strongest wrong class to the right one."""
    rivals = {
        CLASSES.index(c): [CLASSES.index(o) for o in group]
        for group in SCRIPT_CLASSES.values()
        for c in group
    }
    items = examples(texts)
    for _ in range(REFINE_EPOCHS):
        for gold, words in items:
            allowed = SCRIPT_CLASSES.get(dominant_script(words), ())
            if CLASSES[gold] not in allowed:
                continue
            feats = [weights[f] for f in features(words, ORDERS, MAX_WORD) if f in weights]
            if not feats:
                continue
            scores = {c: sum(row[c] for row in feats) for c in rivals[gold]}
            rival = max((c for c in scores if c != gold), key=scores.__getitem__)
            if scores[gold] - scores[rival] < REFINE_MARGIN:
                for row in feats:
                    row[gold] += REFINE_STEP
                    row[rival] -= REFINE_STEP


def naive_bayes(
    texts: dict[str, tuple[list[str], list[str]]],
) -> tuple[list[str], dict[str, list[float]], dict[str, Counter[str]]]:
    """Count features per class; return the kept features and each class's log-probabilities."""
    longest = max(ORDERS)
    counts: dict[str, Counter[str]] = {}
    for cls in CLASSES:
        corpus, domain = texts[cls]
        counter: Counter[str] = Counter()
        count_features(corpus, 1, counter)
        count_features(domain, DOMAIN_REPEAT, counter)
        for gram in [g for g in counter if g.isspace() or "  " in g]:
            del counter[gram]
        counts[cls] = counter
    total: Counter[str] = Counter()
    for counter in counts.values():
        total.update(counter)
    grams = sorted(g for g, c in total.items() if c >= MIN_COUNT)
    kinds = [feature_kind(g, longest) for g in grams]
    vocab_size = Counter(kinds)
    logs: dict[str, list[float]] = {}
    for cls in CLASSES:
        counter = counts[cls]
        per_kind: Counter[int | str] = Counter()
        for gram, c in counter.items():
            per_kind[feature_kind(gram, longest)] += c
        column = []
        for gram, kind in zip(grams, kinds, strict=True):
            # Counts are rescaled to a common size per feature kind, so a class with
            # less training text is not favoured for features none of the classes saw.
            factor = BALANCE_SIZE / per_kind[kind] if BALANCE_SIZE else 1.0
            denominator = per_kind[kind] * factor + ALPHA * (vocab_size[kind] + 1)
            cost = -math.log((counter.get(gram, 0) * factor + ALPHA) / denominator)
            column.append(cost * WEIGHTS[kind])
        logs[cls] = column
    return grams, logs, counts


def classify(profile: object, text: str) -> str:
    words = prepare_words(sample_text(text))
    if not words:
        return "und"
    script = dominant_script(words)
    allowed = SCRIPT_CLASSES.get(script)
    if allowed is None:
        return "und"
    costs = profile.score(words, script)  # type: ignore[attr-defined]
    if not costs or not any(costs):
        return "und"
    best = min(range(len(allowed)), key=costs.__getitem__)
    return "az" if allowed[best] == "az-Cyrl" else allowed[best]


def evaluate(profile: object, items: list[tuple[str, str]], title: str) -> None:
    per: dict[str, list[int]] = {}
    confusion: Counter[tuple[str, str]] = Counter()
    for lang, text in items:
        got = classify(profile, text)
        hit = per.setdefault(lang, [0, 0])
        hit[0] += got == lang
        hit[1] += 1
        if got != lang:
            confusion[(lang, got)] += 1
    right = sum(h[0] for h in per.values())
    count = sum(h[1] for h in per.values())
    print(f"{title}: {right / count:.2%} of {count}")
    for lang, (r, n) in per.items():
        print(f"  {lang}: {r / n:.2%} of {n}")
    for (gold, got), n in confusion.most_common(8):
        print(f"  {gold}->{got}: {n}")


def snippet(line: str) -> str:
    """The first 1-6 words of a line (how many depends on a hash): headline-sized text."""
    words = line.split()
    return " ".join(words[: 1 + bucket(line) % 6])


def mixed_lines(tests: dict[str, list[str]]) -> list[dict[str, object]]:
    """Lines of 2-4 held-out sentences in changing languages, with each sentence's span.

    Sentences of at least three words are taken in a fixed hash order; each line
    switches language at every sentence, as a page that quotes another language does.
    """
    pools = {
        lang: sorted((s for s in lines if len(s.split()) >= 3), key=lambda s: bucket("mix" + s))
        for lang, lines in tests.items()
    }
    order = sorted(LANGS, key=lambda lang: -len(pools[lang]))
    items: list[dict[str, object]] = []
    turn = 0
    while True:
        size = 2 + turn % 3
        chosen: list[tuple[str, str]] = []
        previous = None
        for step in range(size):
            lang = next(
                (c for c in order[step % 2 :] + order[: step % 2] if c != previous and pools[c]),
                None,
            )
            if lang is None:
                break
            sentence = pools[lang].pop()
            if sentence[-1] not in ".!?…":
                sentence += "."
            chosen.append((lang, sentence))
            previous = lang
            order = order[1:] + order[:1]
        if len(chosen) < 2:
            break
        text, spans = "", []
        for lang, sentence in chosen:
            if text:
                text += " "
            spans.append([len(text), len(text) + len(sentence), lang])
            text += sentence
        items.append({"text": text, "spans": spans})
        turn += 1
    return items


def read_tsv(path: Path) -> list[tuple[str, str]]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, text = line.split("\t")[0], line.split("\t")[-1]
            items.append((lang, text))
    return items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("corpora", nargs="?", default=str(ROOT.parent / "shared" / "corpora"))
    parser.add_argument("--dev", action="store_true", help="train on train only; report dev")
    parser.add_argument(
        "--out", default=str(ROOT / "src" / "diplolib" / "data" / "detect_profile.json.gz")
    )
    parser.add_argument("--eval-out", default=str(ROOT / "tests" / "data" / "detect_eval.tsv"))
    args = parser.parse_args(argv)
    parts = split_corpora(Path(args.corpora))
    used = ("train",) if args.dev else ("train", "dev")
    texts: dict[str, tuple[list[str], list[str]]] = {}
    for lang in LANGS:
        corpus = [line for part in used for line in parts[lang][part]]
        texts[lang] = (corpus, domain_lines(lang))
    texts["az-Cyrl"] = (
        [to_cyrillic(line) for line in texts["az"][0]],
        [to_cyrillic(line) for line in texts["az"][1]],
    )
    data = train(texts)
    profile = profile_from_data(data)
    if args.dev:
        dev = [(lang, line) for lang in LANGS for line in parts[lang]["dev"]]
        evaluate(profile, dev, "dev sentences")
        cyr = [("az", to_cyrillic(line)) for line in parts["az"]["dev"]]
        evaluate(profile, cyr, "dev az-Cyrl")
        snippets = [(lang, snippet(line)) for lang, line in dev]
        evaluate(profile, [(lang, s) for lang, s in snippets if s], "dev snippets (1-6 words)")
        heads = ROOT / "scripts" / "detect_training" / "dev_headlines.tsv"
        if heads.is_file():
            evaluate(profile, read_tsv(heads), "dev headlines")
        return 0
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    out.write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))
    sizes = {script: len(group["grams"]) for script, group in data["scripts"].items()}  # type: ignore[attr-defined]
    print(f"wrote {out.name}: features per script {sizes}, {out.stat().st_size} bytes")
    rows = ["# lang\tscript\tsource\ttext  (held-out test split; see tests/data/README.md)"]
    for lang in LANGS:
        rows.extend(
            f"{lang}\t{'Cyrl' if lang in ('ru', 'kk') else 'Latn'}\tcorpus\t{line}"
            for line in parts[lang]["test"]
        )
    rows.extend(f"az\tCyrl\ttransliterated\t{to_cyrillic(line)}" for line in parts["az"]["test"])
    eval_out = Path(args.eval_out)
    eval_out.parent.mkdir(parents=True, exist_ok=True)
    eval_out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {eval_out.name}: {len(rows) - 1} held-out lines")
    mixed = mixed_lines({lang: parts[lang]["test"] for lang in LANGS})
    mixed_out = eval_out.with_name("detect_mixed.jsonl")
    mixed_out.write_text(
        "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in mixed), encoding="utf-8"
    )
    print(f"wrote {mixed_out.name}: {len(mixed)} mixed-language lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
