"""Build the search evaluation set (``eval.json``) from a corpus and the hand-written part.

Run from the project folder: ``python bench/search_eval/build_eval.py CORPUS_DIR``, where
CORPUS_DIR holds ``az.txt`` (one sentence a line). The output is committed; this script
documents how it was made and re-makes it.

* **Groups that must conflate**: a corpus word ``w`` (the lemma) and the corpus words that
  are ``w`` plus a chain of textbook inflectional endings (plural, possessive, case,
  relative ``-kı``, copula, in that order) in vowel harmony with ``w`` and with the buffer
  consonants right, ``k``/``q`` read as ``y``/``ğ`` before a vowel. The lemma must not itself be a shorter corpus word plus endings.
  The endings inventory below is the grammar-book one, written for this script; it
  is not the stemmer's table. Hand-written groups (verbs, names in every case) are in
  ``written.json``.
* **Pairs that must not conflate**: a lemma and a corpus word that is the lemma plus a
  derivational suffix (``-lıq``, ``-lı``, ``-sız``, ``-çı``, ``-laş``, ``-daş``…), plus the
  hand-written pairs.
* **Split**: by a hash of the lemma, about 40 % held out. The held-out part is read only by
  ``bench/bench_search.py``.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from diplolib import az

HERE = Path(__file__).resolve().parent
A = "[aə]"
I = "[ıiuü]"  # noqa: E741 - the grammar books write the four-way vowel as I
# Textbook inflectional morphs in their order: plural, possessive, case, relative -kı,
# copula (all harmony variants; buffer consonants included; _joins checks them).
PLURAL = f"l{A}r"
POSSESSIVE = f"(?:{I}m{I}z|m{I}z|{I}n{I}z|n{I}z|s{I}|{I})"
CASE = f"(?:n?{I}n|y?{A}|n?{I}|n?d{A}n|n?d{A}|y?l{A}|n{A})"
TAIL = re.compile(f"(?=.)(?:{PLURAL})?{POSSESSIVE}?{CASE}?(?:k{I})?(?:d{I}r(?:l{A}r)?)?")
DERIVATION = re.compile(
    f"(?:l{I}[qkğy]|l{I}|s{I}z|ç{I}|ç{I}l|l{A}ş|l{A}n|d{A}ş|x{A}n{A}|c{A}|c{I}[kqğy]|{A}r{A}s{I}|ç{I}l{I}q)"
)
WORD = re.compile(r"[^\W\d_]+")
VOWELS = "aıoueəiöü"
BUFFERS = ("n", "y", "s")


def _joins(stem: str, tail: str) -> bool:
    """Buffer consonants: after a vowel an ending starts with n, y, s or a consonant, never a
    vowel; after a consonant it never starts with a buffer n, y or s followed by a vowel."""
    if stem[-1] in VOWELS:
        return tail[0] not in VOWELS
    return not (tail[0] in BUFFERS and len(tail) > 1 and tail[1] in VOWELS)


BACK = "aıou"
HIGH = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "ə": "i", "i": "i", "ö": "ü", "ü": "ü"}


def _harmonic(stem: str, tail: str) -> bool:
    """Each vowel of the endings follows the one before it (two-way a/ə, four-way ı/i/u/ü)."""
    previous = next((c for c in reversed(stem) if c in VOWELS), None)
    for char in tail:
        if char not in VOWELS:
            continue
        if previous is not None:
            wanted = ("a" if previous in BACK else "ə") if char in "aə" else HIGH.get(previous)
            if char != wanted:
                return False
        previous = char
    return True


def _alternated(lemma: str) -> list[str]:
    heads = [lemma]
    vowels = sum(c in "aıoueəiöü" for c in lemma)
    if vowels >= 2 and lemma[-1] in "kq" and lemma[-2] in "aıoueəiöü":
        heads.append(lemma[:-1] + ("y" if lemma[-1] == "k" else "ğ"))
    return heads


def _split(key: str, share: float = 0.4) -> str:
    digest = hashlib.sha256(key.encode()).digest()
    return "heldout" if digest[0] < 256 * share else "dev"


def build(corpus: Path) -> dict[str, object]:
    words: dict[str, int] = {}
    for line in corpus.read_text(encoding="utf-8").splitlines():
        for word in WORD.findall(line):
            if word.islower() or (word[:1].isupper() and word[1:].islower()):
                folded = az.lower(word)
                words[folded] = words.get(folded, 0) + 1
    vocabulary = set(words)
    groups: dict[str, set[str]] = {}
    derived: dict[str, set[str]] = {}
    for lemma in sorted(vocabulary):
        if len(lemma) < 3 or lemma.endswith(("lar", "lər", "ları", "ləri")):
            continue
        if any(
            lemma.startswith(shorter)
            and TAIL.fullmatch(lemma[len(shorter) :])
            and _joins(shorter, lemma[len(shorter) :])
            for shorter in (lemma[:k] for k in range(2, len(lemma)))
            if shorter in vocabulary
        ):
            continue  # itself an inflected form
        forms: set[str] = set()
        for head in _alternated(lemma):
            for word in vocabulary:
                if word != lemma and word.startswith(head):
                    tail = word[len(head) :]
                    if head != lemma and tail[:1] not in "aıoueəiöü":
                        continue
                    if TAIL.fullmatch(tail) and _joins(head, tail) and _harmonic(head, tail):
                        forms.add(word)
                    elif DERIVATION.match(tail) and head == lemma:
                        derived.setdefault(lemma, set()).add(word)
        if len(forms) >= 2:
            groups[lemma] = forms
    out_groups = [
        {
            "lemma": lemma,
            "forms": sorted({lemma, *forms}),
            "source": "corpus",
            "split": _split(lemma),
        }
        for lemma, forms in sorted(groups.items())
    ]
    out_pairs = [
        {"pair": [lemma, word], "source": "corpus", "split": _split(lemma)}
        for lemma, found in sorted(derived.items())
        if lemma in groups
        for word in sorted(found)
        if not TAIL.fullmatch(word[len(lemma) :])
        # a verbal noun in -ma and the necessity mood in -malı are forms of one verb
        and not (lemma.endswith(("ma", "mə")) and word[len(lemma) :].startswith(("lı", "li")))
    ]
    written = json.loads((HERE / "written.json").read_text(encoding="utf-8"))
    for group in written["groups"]:
        out_groups.append({**group, "source": "written", "split": _split(group["lemma"])})
    for pair in written["must_not"]:
        out_pairs.append({"pair": pair, "source": "written", "split": _split(" ".join(pair))})
    names = [{**entry, "split": _split(entry["en"] + entry["az"])} for entry in written["names"]]
    queries = [{**q, "split": _split(q["query"])} for q in written["queries"]]
    return {
        "_about": (
            "Evaluation set of diplolib.search; see bench/search_eval/README.md for sources "
            "and licences. Corpus forms: Azerbaijani Wikipedia, UD Azerbaijani-TueCL, "
            "khazar08/azerbaijani-LLM, Yusiko99/50-gunde-si (CC BY-SA 4.0 / MIT)."
        ),
        "groups": out_groups,
        "must_not": out_pairs,
        "names": names,
        "snippets": written["snippets"],
        "queries": queries,
    }


if __name__ == "__main__":
    corpus = Path(sys.argv[1]) / "az.txt"
    data = build(corpus)
    (HERE / "eval.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    for key in ("groups", "must_not", "names", "queries"):
        items = data[key]
        assert isinstance(items, list)
        held = sum(1 for item in items if item["split"] == "heldout")
        print(f"{key}: {len(items)} ({held} held out)")
