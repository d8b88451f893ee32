"""Benchmark: the hostile-input cases, before and after their fixes, side by side.

Each case runs in a fresh Python process (so peak memory is the case's own),
once against the current sources and once against a *before* tree, alternating
on every repeat; the best time and the lowest peak of the repeats are kept.
Peak memory is the ``tracemalloc`` peak of the measured call. The time of the
ordinary-load case is taken without tracing; the other cases change files and
cannot run twice, so their time is taken with tracing on, which slows both
sides alike. The *outcome* column says what the call did (an
exception, a count, a yes/no).

Run from the repository root::

    python bench/bench_hostile.py --before <git ref or source folder> [--repeats 3] [--only 1,9]

``--before`` takes a git ref (its ``src/`` and ``locales/`` are extracted to a
temporary folder) or a folder holding ``src/diplolib``.
"""

from __future__ import annotations

import argparse
import contextvars
import gc
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED = "kazakhstan-azerbaijan-strategic-partner"
HEADER = 'msgid ""\nmsgstr "Language: az\\nPlural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'


def measure(func: Callable[[], Any], *, repeatable: bool = False) -> dict[str, Any]:
    """Time and traced peak of one call, with what it returned or raised.

    A ``repeatable`` call is timed in a run of its own without tracing, then
    traced in a second run; other calls are timed with tracing on.
    """
    seconds = None
    if repeatable:
        gc.collect()
        start = time.perf_counter()
        func()
        seconds = time.perf_counter() - start
    gc.collect()
    tracemalloc.start()
    start = time.perf_counter()
    try:
        outcome = func()
    except BaseException as exc:
        outcome = f"{type(exc).__name__}: {str(exc)[:70]}"
    if seconds is None:
        seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"seconds": seconds, "peak_mb": peak / 1e6, "outcome": str(outcome)}


def _library(tmp: Path) -> Path:
    from diplolib import load_sample_library

    folder = tmp / "lib"
    load_sample_library().save(folder)
    return folder


def _big_library(tmp: Path, articles: int) -> Path:
    from diplolib import Article, ContentLibrary, load_sample_library

    sample = load_sample_library()
    seed = sample.get(SEED, Article)
    others = [i for i in sample if not isinstance(i, Article)]
    copies = [
        seed.model_copy(
            update={"id": f"a-{i}", "slug": {"en": f"a-{i}", "az": f"m-{i}"}, "related": ()}
        )
        for i in range(articles)
    ]
    folder = tmp / "big"
    ContentLibrary([*others, *copies]).save(folder)
    return folder


# --- the cases -------------------------------------------------------------------------


def _gettext_module(name: str) -> Any:
    """A runtime catalog module of the tree under test (``diplolib._gettext.<name>`` since
    the catalog machinery was grouped; ``diplolib._<name>`` in older trees)."""
    import importlib

    try:
        return importlib.import_module(f"diplolib._gettext.{name}")
    except ModuleNotFoundError:
        return importlib.import_module(f"diplolib._{name}")


def case_1(tmp: Path) -> dict[str, Any]:
    """parse_po of one 4 MB msgstr (memory per byte of a long quoted string)."""
    parse_po = _gettext_module("po").parse_po

    data = b'msgid "a"\nmsgstr "' + b"x" * 4_000_000 + b'"\n'
    result = measure(lambda: len(parse_po(data, "az.po").entries[0].msgstr))
    result["outcome"] += f" chars; peak/size {result['peak_mb'] * 1e6 / len(data):.1f}x"
    return result


def case_2(tmp: Path) -> dict[str, Any]:
    """content import of a 6 MB (UTF-8) Azerbaijani paragraph, then loading the folder."""
    from diplolib import ContentLibrary, export_po, import_po

    folder = _library(tmp)
    po = export_po([ContentLibrary.load(folder).get(SEED)], "en", "az")
    # 3.9 million characters (under the loader's byte limit), 6 MB in UTF-8 (over it).
    next(e for e in po if e.msgctxt.endswith("body[0]")).msgstr = "Şəhər ölçüsü " * 300_000
    path = tmp / "big.po"
    po.save(str(path))

    def run() -> str:
        try:
            report = import_po(folder, path, language_check=False)
            wrote = f"committed={report.committed}"
        except Exception as exc:
            wrote = f"import {type(exc).__name__}"
        try:
            ContentLibrary.load(folder)
            return wrote + "; folder loads"
        except Exception as exc:
            return wrote + f"; load fails: {str(exc).splitlines()[-1].strip()[-40:]}"

    return measure(run)


def case_3(tmp: Path) -> dict[str, Any]:
    """Loading a folder with 200 KB of nested brackets and a 5,000-digit number."""
    from diplolib import ContentLibrary

    folder = _library(tmp)
    (folder / "articles" / "deep.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    (folder / "articles" / "num.json").write_bytes(
        b'{"type": "article", "n": ' + b"9" * 5000 + b"}"
    )
    return measure(lambda: ContentLibrary.load(folder))


def case_4(tmp: Path) -> dict[str, Any]:
    """Rendering a {% trans %} block whose translation is %(user)100000000s / %s."""
    from diplolib.i18n import add_catalog
    from diplolib.jinja import create_environment

    folder = tmp / "cat" / "az" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "app.po").write_text(
        HEADER + 'msgid "%(user)s signed in"\nmsgstr "%(user)100000000s daxil oldu"\n\n'
        'msgid "%(user)s signed out"\nmsgstr "%s çıxdı"\n',
        encoding="utf-8",
    )
    add_catalog(tmp / "cat", "app")
    page = create_environment(lang="az").from_string(
        "{% trans user=u %}{{ user }} signed in{% endtrans %}|"
        "{% trans user=u %}{{ user }} signed out{% endtrans %}"
    )
    result = measure(lambda: len(page.render(u="Ali")))
    result["outcome"] += " characters rendered"
    return result


def case_5(tmp: Path) -> dict[str, Any]:
    """An import of ~35 files crashed half-way through its renames, then the next load."""
    from diplolib import ContentLibrary, export_po, import_po

    folder = _library(tmp)
    po = export_po(ContentLibrary.load(folder), "en", "az")
    for index, entry in enumerate(po):
        if entry.msgctxt.split(":")[2] in ("name", "title", "given", "family", "lead"):
            entry.msgstr = f"Yeni mətn nömrə {index}"
    before = {p: p.read_bytes() for p in folder.rglob("*.json")}

    class Crash(BaseException):
        pass

    real = os.replace
    calls = {"n": 0}

    def crashing(src: Any, dst: Any) -> None:
        if str(dst).endswith(".json"):
            calls["n"] += 1
            if calls["n"] == 18:
                raise Crash
        real(src, dst)

    os.replace = crashing  # type: ignore[assignment]
    try:
        import_po(folder, po, language_check=False)
    except Crash:
        pass
    finally:
        os.replace = real

    def run() -> str:
        ContentLibrary.load(folder)
        files = {p: p.read_bytes() for p in folder.rglob("*.json")}
        changed = sum(files.get(p) != data for p, data in before.items())
        stray = [p for p in folder.rglob("*") if p.is_file() and not p.name.endswith(".json")]
        return f"{changed} of {len(before)} files new after load; {len(stray)} stray files"

    return measure(run)


def case_6(tmp: Path) -> dict[str, Any]:
    """Closing a generator suspended inside use_language from a copied context."""
    from diplolib import get_language, use_language

    def generator() -> Any:
        with use_language("az"):
            yield get_language()
            yield get_language()

    def run() -> str:
        def inner() -> str:
            stream = generator()
            next(stream)
            contextvars.copy_context().run(stream.close)
            return "closed cleanly"

        return contextvars.copy_context().run(inner)

    return measure(run)


def case_7(tmp: Path) -> dict[str, Any]:
    """get_translations() against ngettext for n in 0..1999 under three Plural-Forms."""
    from diplolib import get_translations
    from diplolib.i18n import add_catalog, ngettext, remove_catalog

    rules = [
        "nplurals=2; plural=" + "(" * 25 + "n != 1" + ")" * 25 + ";",
        "nplurals=2; plural=(n/(n-1001))!=0;",
        "nplurals=2; plural=((n-5)%3)!=0;",
    ]

    def run() -> str:
        out = []
        for index, rule in enumerate(rules):
            folder = tmp / f"p{index}" / "az" / "LC_MESSAGES"
            folder.mkdir(parents=True)
            (folder / "app.po").write_text(
                f'msgid ""\nmsgstr "Language: az\\nPlural-Forms: {rule}\\n"\n\n'
                'msgid "one"\nmsgid_plural "many"\nmsgstr[0] "bir"\nmsgstr[1] "çox"\n',
                encoding="utf-8",
            )
            layer = add_catalog(tmp / f"p{index}", "app")
            try:
                translations = get_translations("az")
                differ = sum(
                    translations.ngettext("one", "many", n) != ngettext("one", "many", n, lang="az")
                    for n in range(2000)
                )
                out.append(f"{differ} differ")
            except Exception as exc:
                out.append(type(exc).__name__)
            finally:
                remove_catalog(layer)
        return ", ".join(out)

    return measure(run)


def case_8(tmp: Path) -> dict[str, Any]:
    """Translator markup through the documented Jinja2 path of each version's docs."""
    docs = (Path(os.environ["DIPLOLIB_BENCH_TREE"]) / "docs" / "ui-strings.md").read_text(
        encoding="utf-8"
    )
    recipe = "install_gettext_translations(diplolib.get_translations" in docs

    def run() -> str:
        import jinja2

        from diplolib import get_translations
        from diplolib.i18n import add_catalog
        from diplolib.jinja import create_environment

        folder = tmp / "m" / "az" / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "app.po").write_text(
            HEADER + 'msgid "Print"\nmsgstr "<script>alert(1)</script>"\n', encoding="utf-8"
        )
        add_catalog(tmp / "m", "app")
        if recipe:
            env = jinja2.Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
            env.install_gettext_translations(get_translations("az"), newstyle=True)  # type: ignore[attr-defined]
        else:
            env = create_environment(lang="az")
        out = env.from_string("{{ _('Print') }}").render()
        return ("documented recipe" if recipe else "create_environment") + (
            ": raw <script>" if "<script>" in out else ": escaped"
        )

    return measure(run)


def case_9(tmp: Path) -> dict[str, Any]:
    """Loading 2,036 items where one article mentions 1,000 unknown ids."""
    from diplolib import ContentLibrary

    folder = _big_library(tmp, 2000)
    file = folder / "articles" / "a-0.json"
    document = json.loads(file.read_text(encoding="utf-8"))
    document["mentions"] = [f"unknown-person-{i}" for i in range(1000)]
    file.write_text(json.dumps(document), encoding="utf-8")

    def run() -> str:
        try:
            ContentLibrary.load(folder)
        except Exception as exc:
            return f"{type(exc).__name__} with {len(getattr(exc, 'problems', []))} problems"
        return "loaded"

    return measure(run)


def case_9b(tmp: Path) -> dict[str, Any]:
    """Loading a folder with one 4.5 MB file of 400,000 unknown keys."""
    from diplolib import ContentLibrary

    folder = _library(tmp)
    file = folder / "articles" / f"{SEED}.json"
    document = json.loads(file.read_text(encoding="utf-8"))
    document.update({f"{i:x}": 0 for i in range(400_000)})
    file.write_text(json.dumps(document, separators=(",", ":")), encoding="utf-8")

    def run() -> str:
        try:
            ContentLibrary.load(folder)
        except Exception as exc:
            return f"{type(exc).__name__} with {len(getattr(exc, 'problems', []))} problems"
        return "loaded"

    return measure(run)


def case_10(tmp: Path) -> dict[str, Any]:
    """A content file that is a symbolic link to a document outside the folder."""
    from diplolib import ContentLibrary

    folder = _library(tmp)
    outside = tmp / "outside.json"
    document = json.loads((folder / "articles" / f"{SEED}.json").read_text(encoding="utf-8"))
    document.update(id="from-outside", slug={"en": "from-outside"})
    outside.write_text(json.dumps(document), encoding="utf-8")
    (folder / "articles" / "link.json").symlink_to(outside)

    def run() -> str:
        try:
            library = ContentLibrary.load(folder)
        except Exception as exc:
            return f"refused: {str(exc).splitlines()[-1].strip()[:60]}"
        return "loaded from outside" if "from-outside" in library else "not loaded"

    return measure(run)


def case_11(tmp: Path) -> dict[str, Any]:
    """A raw NUL in a msgstr: parse, then compile and read the .mo back."""
    catalogs = _gettext_module("catalogs")
    build_catalog = catalogs.build_catalog
    _compile = getattr(catalogs, "compile_mo", None) or catalogs._compile
    read_mo = _gettext_module("mo").read_mo
    parse_po = _gettext_module("po").parse_po

    def run() -> str:
        try:
            po = parse_po((HEADER + 'msgid "a"\nmsgstr "b\x00c"\n').encode(), "az.po")
        except Exception as exc:
            return f"parse: {type(exc).__name__}"
        data = _compile([build_catalog(po, "az")], "az")
        try:
            read_mo(data, "az.mo")
        except Exception as exc:
            return f"parsed; compiled .mo unreadable ({type(exc).__name__})"
        return "parsed; .mo readable"

    return measure(run)


def case_12(tmp: Path) -> dict[str, Any]:
    """Preview of an article with the slug 'şirvan': does its link open from disk?"""
    from urllib.parse import unquote

    from diplolib import Article, ContentLibrary, load_sample_library

    try:
        from diplolib.preview import build_preview
    except ImportError:  # trees before the preview became a public module
        from diplolib.jinja import build_preview

    sample = load_sample_library()
    article = sample.get(SEED)
    renamed = Article.model_validate(
        {**article.model_dump(mode="json"), "slug": {"en": "ally", "az": "şirvan"}}
    )
    library = ContentLibrary([renamed if i.id == SEED else i for i in sample])

    def run() -> str:
        out = tmp / "site"
        build_preview(library, out)
        index = (out / "az" / "index.html").read_text(encoding="utf-8")
        href = next(h for h in index.split('href="')[1:] if "irvan" in h).split('"')[0]
        target = out / "az" / unquote(href)
        return f"link {href!r} {'opens' if target.exists() else 'is dead'} from disk"

    return measure(run)


def case_load(tmp: Path) -> dict[str, Any]:
    """Loading an ordinary folder of 2,036 valid items (what the new checks cost)."""
    from diplolib import ContentLibrary

    folder = _big_library(tmp, 2000)
    ContentLibrary.load(folder)  # warm: the model and file caches
    return measure(lambda: f"{len(ContentLibrary.load(folder))} items", repeatable=True)


def case_d1(tmp: Path) -> dict[str, Any]:
    """check_language on 10 MB of Azerbaijani, expecting English (a mismatch)."""
    from diplolib.detect import check_language

    text = "Prezident Bakıda rəsmi görüş keçirdi və Nazirlər Kabineti toplandı. " * 150_000
    return measure(lambda: check_language(text, "en").status)


def case_d2(tmp: Path) -> dict[str, Any]:
    """detect_segments on 2 MB of mixed text."""
    from diplolib.detect import detect_segments

    text = "Baku hosted the summit. Sammit Bakıda keçirildi. " * 40_000
    return measure(lambda: f"{len(detect_segments(text))} segments")


CASES: dict[str, Callable[[Path], dict[str, Any]]] = {
    "1": case_1,
    "2": case_2,
    "3": case_3,
    "4": case_4,
    "5": case_5,
    "6": case_6,
    "7": case_7,
    "8": case_8,
    "9": case_9,
    "9b": case_9b,
    "10": case_10,
    "11": case_11,
    "12": case_12,
    "load": case_load,
    "d1": case_d1,
    "d2": case_d2,
}


def child(case: str) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="diplolib-bench-"))
    try:
        result = CASES[case](tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(result))


def run_case(case: str, tree: Path) -> dict[str, Any]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(tree / "src")
    env["DIPLOLIB_BENCH_TREE"] = str(tree)
    done = subprocess.run(
        [sys.executable, __file__, "--child", case],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"seconds": float("nan"), "peak_mb": float("nan"), "outcome": f"crashed: {tail}"}
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def before_tree(spec: str) -> Path:
    folder = Path(spec)
    if (folder / "src" / "diplolib").is_dir():
        return folder
    target = Path(tempfile.mkdtemp(prefix="diplolib-before-"))
    archive = subprocess.run(
        ["git", "archive", spec, "src", "locales", "docs"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--before", help="git ref or folder with the code before the fixes")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--only", help="comma-separated case names (default: all)")
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    if not args.before:
        parser.error("--before is required")
    trees = {"before": before_tree(args.before), "after": ROOT}
    cases = args.only.split(",") if args.only else list(CASES)
    print(f"{'case':4} {'side':6} {'seconds':>9} {'peak MB':>9}  outcome")
    for case in cases:
        best: dict[str, dict[str, Any]] = {}
        for _ in range(args.repeats):
            for side, tree in trees.items():  # both sides on every repeat
                result = run_case(case, tree)
                kept = best.get(side)
                if kept is None or result["seconds"] < kept["seconds"]:
                    peak = min(result["peak_mb"], kept["peak_mb"]) if kept else result["peak_mb"]
                    best[side] = {**result, "peak_mb": peak}
        doc = (CASES[case].__doc__ or "").strip()
        print(f"-- {case}: {doc}")
        for side in trees:
            r = best[side]
            print(f"{case:4} {side:6} {r['seconds']:9.3f} {r['peak_mb']:9.1f}  {r['outcome']}")


if __name__ == "__main__":
    main()
