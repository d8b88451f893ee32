"""Property test: whatever bytes a content file holds, loading raises nothing but LibraryError.

Generated documents: JSON trees (deep, wide, with huge numbers, duplicate keys,
non-finite numbers, odd strings), mutated real documents (a field replaced by a
generated tree, a duplicated key), and damaged bytes (invalid UTF-8 inserted,
truncation). Each example writes a batch of documents into a folder and loads
it. The default run loads at least 2,000 documents; ``DIPLOLIB_SLOW=1`` at
least 10,000.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplolib import ContentLibrary, LibraryError, load_sample_library
from diplolib.library import item_json

SLOW = os.environ.get("DIPLOLIB_SLOW") == "1"
DOCUMENTS = 10_000 if SLOW else 2_000
BATCH = 25

SAMPLES = [item_json(item) for item in load_sample_library()]
TYPES = ["article", "event", "person", "organization", "place", "nonsense", ""]
KEYS = ["id", "type", "slug", "title", "body", "en", "az", "name", "mentions", "", "é", "a\u0000"]
ODD_NUMBERS = ["1e999999", "-0", "1E400", "NaN", "Infinity", "-Infinity", "01", "1.", "-", "1e"]
ODD_STRINGS = ['"\\ud800"', '"\\u0000"', '"\\x"', '"a\nb"', "'x'", '"\u2028"', '"']

# Hypothesis draws one seed per batch and the documents are built from it with plain
# ``random``: thousands of documents in seconds, each batch reproducible from its seed.


def _number(rng: random.Random) -> str:
    pick = rng.randrange(6)
    if pick == 0:
        return "9" * rng.randint(90, 6_000)  # huge
    if pick == 1:
        return "1." + "5" * rng.randint(1, 400) + "e-444"
    if pick == 2:
        return rng.choice(ODD_NUMBERS)
    if pick == 3:
        return repr(rng.uniform(-1e300, 1e300))
    return str(rng.randint(-(10**30), 10**30))


def _string(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return rng.choice(ODD_STRINGS)
    alphabet = 'abcəşğıöüçİ <>&"\\/\u200b\U0001f600'
    return json.dumps("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20))))


def _leaf(rng: random.Random) -> str:
    pick = rng.randrange(5)
    if pick == 0:
        return rng.choice(["null", "true", "false"])
    if pick == 1:
        return _number(rng)
    return _string(rng)


def _tree(rng: random.Random, budget: int) -> str:
    if budget <= 1 or rng.random() < 0.3:
        return _leaf(rng)
    width = rng.randint(0, 6)
    share = max(1, budget // max(width, 1))
    if rng.random() < 0.5:
        return "[" + ",".join(_tree(rng, share) for _ in range(width)) + "]"
    pairs = (json.dumps(rng.choice(KEYS)) + ":" + _tree(rng, share) for _ in range(width))
    return "{" + ",".join(pairs) + "}"


def document(rng: random.Random) -> bytes:
    """One content file's bytes: hostile in one of several ways."""
    shape = rng.choice(["tree", "deep", "typed", "mutated", "mutated", "wide"])
    if shape == "tree":
        text = _tree(rng, 40)
    elif shape == "deep":
        depth = rng.randint(1, 3_000)
        opener, closer = rng.choice([("[", "]"), ('{"a":', "}")])
        text = opener * depth + _tree(rng, 5) + closer * depth
    elif shape == "wide":
        count = rng.randint(0, 3_000)
        text = "{" + ",".join(f'"k{i % 7}": {i}' for i in range(count)) + "}"
    elif shape == "typed":
        fields = [f"{json.dumps(rng.choice(KEYS))}: {_tree(rng, 10)}" for _ in range(8)]
        text = "{" + ", ".join([f'"type": {json.dumps(rng.choice(TYPES))}', *fields]) + "}"
    else:
        sample = json.loads(rng.choice(SAMPLES))
        field = rng.choice(sorted(sample))
        sample[field] = "\x00PLACEHOLDER\x00"
        text = json.dumps(sample, ensure_ascii=False).replace(
            json.dumps("\x00PLACEHOLDER\x00"), _tree(rng, 20)
        )
        if rng.random() < 0.5:  # a duplicate key with another value
            text = text[:-1] + f", {json.dumps(field)}: {_tree(rng, 5)}}}"
    data = text.encode("utf-8", "surrogatepass")
    damage = rng.choice(["none", "none", "none", "bytes", "truncate", "bom"])
    if damage == "bytes":  # invalid UTF-8
        at = rng.randint(0, len(data))
        junk = bytes(rng.randint(0x80, 0xFF) for _ in range(rng.randint(1, 4)))
        data = data[:at] + junk + data[at:]
    elif damage == "truncate":
        data = data[: rng.randint(0, len(data))]
    elif damage == "bom":
        data = b"\xef\xbb\xbf" + data
    return data


def test_only_library_errors_escape_loading() -> None:
    loaded = {"documents": 0}
    root = Path(tempfile.mkdtemp(prefix="diplolib-fuzz-"))

    @settings(
        max_examples=DOCUMENTS // BATCH,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
    )
    @given(st.randoms(use_true_random=False))
    def load_batch(rng: random.Random) -> None:
        batch = [document(rng) for _ in range(BATCH)]
        folder = root / "lib"
        shutil.rmtree(folder, ignore_errors=True)
        (folder / "articles").mkdir(parents=True)
        for index, data in enumerate(batch):
            (folder / "articles" / f"doc-{index}.json").write_bytes(data)
        try:
            ContentLibrary.load(folder)
        except LibraryError as exc:
            problems = exc.problems
            message = str(exc)  # the message renders too
        else:
            problems, message = [], ""
        assert bool(problems) == bool(message)
        loaded["documents"] += len(batch)

    try:
        load_batch()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    assert loaded["documents"] >= DOCUMENTS
