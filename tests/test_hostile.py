"""Hostile input: memory and time budgets, crash safety and the defects an adversarial pass found.

Each test names the defect it guards against; every one of them failed before the fix.
"""

from __future__ import annotations

import asyncio
import contextvars
import gc
import json
import logging
import re
import sys
import threading
import tracemalloc
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest

from diplolib import (
    Article,
    CatalogError,
    ContentLibrary,
    LibraryError,
    export_po,
    get_language,
    get_translations,
    import_po,
    load_sample_library,
    use_language,
)
from diplolib._catalog_tools import check_file
from diplolib._content_guard import (
    MAX_JSON_DEPTH,
    MAX_NUMBER_CHARS,
    MAX_OBJECT_KEYS,
    MAX_PROBLEMS_PER_FILE,
    MAX_SUGGESTIONS,
)
from diplolib._gettext.catalogs import build_catalog, load_catalog_file
from diplolib._gettext.mo import write_mo
from diplolib._gettext.plural import parse_plural_forms
from diplolib._gettext.po import parse_po
from diplolib._gettext.printf import MAX_PRINTF_WIDTH, printf_problem
from diplolib.detect import MAX_SEGMENT_CHARS, check_language, detect_segments
from diplolib.errors import DetectionError
from diplolib.i18n import add_catalog, ngettext, remove_catalog
from diplolib.jinja import create_environment
from diplolib.library import MAX_FILE_BYTES
from diplolib.preview import build_preview

SEED = "kazakhstan-azerbaijan-strategic-partner"
HEADER = 'msgid ""\nmsgstr "Language: az\\nPlural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'


@pytest.fixture
def lib_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    load_sample_library().save(folder)
    return folder


def _article_file(folder: Path) -> Path:
    return folder / "articles" / f"{SEED}.json"


# ---------------------------------------------------------------------------
# 1. .po quoted strings in memory linear in their length


def _peak_reading(path: Path) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        load_catalog_file(path, "az")
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# Peak memory of reading a catalog (the file's bytes included), in multiples of its size:
# bytes + decoded text + the msgstr. CPython keeps text with any letter beyond Latin-1 (ş, ə)
# in 2 bytes per character, which is where the factors above 3 come from.
PO_MEMORY_FACTORS = {"x": 3.05, "ş": 4.05, "Azərbaycan Respublikası ": 4.75}


@pytest.mark.parametrize("unit", list(PO_MEMORY_FACTORS))
def test_reading_a_30_mb_catalog_with_one_huge_msgstr_stays_within_budget(
    tmp_path: Path, unit: str
) -> None:
    head = (HEADER + 'msgid "a"\nmsgstr "').encode()
    size = 30_000_000
    piece = unit.encode()
    path = tmp_path / "az.po"
    path.write_bytes(head + piece * ((size - len(head)) // len(piece)) + b'"\n')
    peak = _peak_reading(path)
    assert peak <= PO_MEMORY_FACTORS[unit] * path.stat().st_size, peak / path.stat().st_size


def test_escape_heavy_strings_stay_linear_and_unescape_exactly(tmp_path: Path) -> None:
    # Every escape gettext knows, many times over, in one string longer than a run.
    escapes = '\\n\\t\\"\\\\\\101\\x42ş'
    expected = '\n\t"\\ABş'
    count = 100_000
    data = (HEADER + f'msgid "a"\nmsgstr "{escapes * count}"\n').encode()
    path = tmp_path / "az.po"
    path.write_bytes(data)
    catalog = load_catalog_file(path, "az")
    assert catalog.messages["a"] == expected * count
    assert _peak_reading(path) <= 6 * len(data)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('"abc', "expected a string in double quotes"),
        ('"abc\\"', "expected a string in double quotes"),
        ('"a" b', "expected a string in double quotes"),
        ('"\\q"', "unknown escape sequence"),
        ('"\\x80"', "non-ASCII byte"),
        ('"\\0"', "NUL"),
    ],
)
def test_long_malformed_strings_are_still_reported(body: str, message: str) -> None:
    long = "y" * 100_000
    text = body.replace('"', '"' + long, 1)
    with pytest.raises(CatalogError, match=message):
        parse_po(f'msgid "a"\nmsgstr {text}\n'.encode(), "az.po")


def _catalog_bytes(count: int) -> bytes:
    entries = []
    for n in range(count):
        wrapped = '"' + "Azərbaycan " * (n % 7) + '"\n"sətir \\"' + str(n) + '\\"\\n"  \n'
        entries.append(f'#. source-hash: {n}\nmsgctxt "c{n}"\nmsgid "a{n}"\nmsgstr ""\n{wrapped}')
    return (HEADER + "\n".join(entries)).encode()


def _parsed(data: bytes) -> object:
    try:
        po = parse_po(data, "az.po")
    except CatalogError as exc:
        return str(exc)
    return po.header, [
        (e.line, e.msgctxt, e.msgid, e.msgstr, e.extracted_comments) for e in po.entries
    ]


@pytest.mark.parametrize("chunk", [1, 7, 64, 1000])
@pytest.mark.parametrize(
    "damage",
    [
        None,
        ("sətir".encode(), b"s\xffir"),  # a bad byte on one line
        (b"a57", b"a5\x007"),  # a NUL
        (b'msgid "a90"', b'msgid "a90'),  # a syntax error before a bad byte
        (b"\xc9\x99", b"\xc9"),  # a cut UTF-8 sequence
    ],
)
def test_reading_in_chunks_reads_exactly_what_reading_line_by_line_does(
    monkeypatch: pytest.MonkeyPatch, chunk: int, damage: tuple[bytes, bytes] | None
) -> None:
    from diplolib._gettext import po as po_module

    data = _catalog_bytes(120)
    if damage is not None:
        data = data.replace(damage[0], damage[1], 1)
    for ending in (b"", b"\n", b"\r\n", b"\n\n"):
        whole = _parsed(data + ending)  # chunks far larger than the file: one chunk
        monkeypatch.setattr(po_module, "_CHUNK", chunk)
        assert _parsed(data + ending) == whole
        monkeypatch.undo()
        if damage is None:
            assert not isinstance(whole, str)
        else:
            assert isinstance(whole, str)
            assert whole.startswith("az.po:")  # an error, with its line


def test_lines_lose_the_leading_white_space_the_pattern_would_skip() -> None:
    from diplolib._gettext.po import _SPACE_RE, _lines

    for code in [*range(0x3100), 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFFFD]:
        char = chr(code)
        if char in "\n\x00":
            continue
        line = char * 2 + 'msgid "a"'
        ((text, start, end),) = list(_lines(line.encode(), "az.po"))
        assert (text, start, end) == (line, _SPACE_RE.match(line).end(), len(line)), hex(code)


# ---------------------------------------------------------------------------
# 2. import never writes a file the loader refuses


def test_import_refuses_a_translation_that_makes_a_file_too_big(lib_dir: Path) -> None:
    library = ContentLibrary.load(lib_dir)
    po = export_po([library.get(SEED)], "en", "az")
    before = _article_file(lib_dir).read_bytes()
    paragraph = next(e for e in po if e.msgctxt.endswith("body[0]"))
    # Near the size limit in characters, over it in UTF-8 bytes.
    paragraph.msgstr = "Azərbaycan dilində mətn. " * (MAX_FILE_BYTES // 26)
    report = import_po(lib_dir, po, language_check=False)
    assert not report.committed
    assert report.rejected
    assert "bytes" in report.rejected[0].reason
    assert _article_file(lib_dir).read_bytes() == before
    ContentLibrary.load(lib_dir)


def test_import_refuses_a_msgstr_longer_than_any_content_file(
    lib_dir: Path, tmp_path: Path
) -> None:
    library = ContentLibrary.load(lib_dir)
    po = export_po([library.get(SEED)], "en", "az")
    found = next(e for e in po if e.msgctxt.endswith("body[0]"))
    found.msgstr = "ş" * (MAX_FILE_BYTES + 1)
    report = import_po(lib_dir, po, language_check=False)  # in memory: rejected
    assert not report.committed
    assert re.search(r"at most \d+ bytes", report.rejected[0].reason)
    path = tmp_path / "big.po"
    po.save(str(path))
    before = _article_file(lib_dir).read_bytes()
    with pytest.raises(CatalogError, match="longer than 5242880 characters"):
        import_po(lib_dir, path)  # from a file: refused while it is read
    assert _article_file(lib_dir).read_bytes() == before


def _refused_within_budget(lib_dir: Path, tmp_path: Path, repeat: int) -> None:
    po = export_po([ContentLibrary.load(lib_dir).get(SEED)], "en", "az")
    next(e for e in po if e.msgctxt.endswith("body[0]")).msgstr = "Azərbaycan dili " * repeat
    path = tmp_path / "big.po"
    po.save(str(path))  # wrapped over hundreds of thousands of lines
    del po
    size = path.stat().st_size
    assert size > repeat * 17
    gc.collect()
    tracemalloc.start()
    try:
        with pytest.raises(CatalogError, match="longer than"):
            import_po(lib_dir, path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak <= 4.1 * size, peak / size


def test_content_import_of_a_huge_msgstr_is_refused_within_the_memory_budget(
    lib_dir: Path, tmp_path: Path
) -> None:
    _refused_within_budget(lib_dir, tmp_path, 700_000)  # 12 MB


@pytest.mark.slow
def test_content_import_of_a_50_mb_msgstr_is_refused_within_the_memory_budget(
    lib_dir: Path, tmp_path: Path
) -> None:
    _refused_within_budget(lib_dir, tmp_path, 3_300_000)


def test_wrapped_strings_and_mo_files_stay_within_budget(tmp_path: Path) -> None:
    line = ('"' + "Azərbaycan " * 6 + '"\n').encode()
    path = tmp_path / "az.po"
    path.write_bytes((HEADER + 'msgid "a"\nmsgstr ""\n').encode() + line * (8_000_000 // len(line)))
    peak = _peak_reading(path)
    assert peak <= 4.75 * path.stat().st_size, peak / path.stat().st_size
    folder = tmp_path / "mo"
    folder.mkdir()
    data = write_mo(
        {
            "": "Language: az\nContent-Type: text/plain; charset=UTF-8\n",
            "a": "Azərbaycan " * 800_000,
        }
    )
    (folder / "az.mo").write_bytes(data)
    del data
    peak = _peak_reading(folder / "az.mo")
    assert peak <= 4.1 * (folder / "az.mo").stat().st_size


# ---------------------------------------------------------------------------
# 3. nothing but LibraryError for any bytes in a content file


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested"),
        (b"{" + b'"a": {' * 5_000 + b"}" * 5_001, "nested"),
        (b'{"type": "article", "n": ' + b"9" * 5_000 + b"}", "JSON number"),
        (b'{"type": "article", "n": -1.' + b"5" * 300 + b"e10}", "JSON number"),
        (b'{"type": "article", "id": 1e' + b"9" * 200 + b"}", "JSON number"),
        (b'{"a": ' * 2_000, "nested"),  # unterminated as well
    ],
)
def test_deep_nesting_and_huge_numbers_are_library_errors(
    lib_dir: Path, raw: bytes, message: str
) -> None:
    (lib_dir / "articles" / "hostile.json").write_bytes(raw)
    with pytest.raises(LibraryError) as info:
        ContentLibrary.load(lib_dir)
    found = [p for p in info.value.problems if p.file == "articles/hostile.json"]
    assert len(found) == 1
    assert message in found[0].message


def test_limits_count_structure_only_not_text(lib_dir: Path) -> None:
    file = _article_file(lib_dir)
    document = json.loads(file.read_text(encoding="utf-8"))
    document["title"]["en"] = "[{" * 200 + " 1" + "9" * 500
    file.write_text(json.dumps(document), encoding="utf-8")
    assert ContentLibrary.load(lib_dir).get(SEED).title.get("en").startswith("[{[{")


def test_nesting_just_within_the_limit_is_judged_on_content(lib_dir: Path) -> None:
    depth = MAX_JSON_DEPTH - 1
    (lib_dir / "articles" / "deep.json").write_text(
        '{"type": "article", "x": ' + "[" * depth + "]" * depth + "}", encoding="utf-8"
    )
    with pytest.raises(LibraryError) as info:
        ContentLibrary.load(lib_dir)
    messages = [p.message for p in info.value.problems if p.file == "articles/deep.json"]
    assert messages
    assert not any("nested" in m for m in messages)
    assert MAX_NUMBER_CHARS >= 20  # an ordinary big number is far below it


# ---------------------------------------------------------------------------
# 4. printf-style translations are bounded


@pytest.mark.parametrize(
    ("msgstr", "kept"),
    [
        ("%(user)s daxil oldu", True),
        ("%(user)5s daxil oldu", True),
        (f"%(user){MAX_PRINTF_WIDTH}s daxil oldu", True),
        ("100%% daxil oldu: %(user)s", True),
        ("%(user)100000000s daxil oldu", False),
        (f"%(user){MAX_PRINTF_WIDTH + 1}s daxil oldu", False),
        ("%(user).100000000s daxil oldu", False),
        ("%(user)*s daxil oldu", False),
        ("%s daxil oldu", False),
        ("%(user)s %r daxil oldu", False),
        ("%(who)s daxil oldu", False),
        ("%(user)" + "9" * 5000 + "s", False),
    ],
)
def test_printf_translations_are_checked_at_load_and_by_catalog_check(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, msgstr: str, kept: bool
) -> None:
    msgstr_po = msgstr.replace('"', '\\"')
    data = (HEADER + f'msgid "%(user)s signed in"\nmsgstr "{msgstr_po}"\n').encode()
    with caplog.at_level(logging.WARNING, logger="diplolib"):
        catalog = build_catalog(parse_po(data, "az.po"), "az")
    assert ("%(user)s signed in" in catalog.messages) is kept
    assert (catalog.ignored == 0) is kept
    path = tmp_path / "az.po"
    path.write_bytes(data)
    codes = {f.code for f in check_file(path, "az") if f.severity == "error"}
    assert bool(codes & {"printf-unsafe", "printf-mismatch"}) is (not kept), codes


def test_a_dropped_printf_translation_renders_the_source_in_trans_blocks(tmp_path: Path) -> None:
    folder = tmp_path / "az" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "app.po").write_text(
        HEADER + 'msgid "%(user)s signed in"\nmsgstr "%(user)100000000s daxil oldu"\n\n'
        'msgid "%(user)s signed out"\nmsgstr "%s çıxdı"\n',
        encoding="utf-8",
    )
    layer = add_catalog(tmp_path, "app")
    try:
        env = create_environment(lang="az")
        page = env.from_string(
            "{% trans user=u %}{{ user }} signed in{% endtrans %}|"
            "{% trans user=u %}{{ user }} signed out{% endtrans %}"
        )
        assert page.render(u="Ali") == "Ali signed in|Ali signed out"
    finally:
        remove_catalog(layer)


def test_printf_problem_allows_plural_sources_names() -> None:
    assert printf_problem("%(num)d şərh", "%(num)d comment", "%(num)d comments") is None
    assert printf_problem("%d şərh", "%(num)d comment", "%(num)d comments") is not None


# ---------------------------------------------------------------------------
# 7. one plural evaluator


@pytest.mark.parametrize(
    "forms",
    [
        "nplurals=2; plural=" + "(" * 25 + "n != 1" + ")" * 25 + ";",
        "nplurals=2; plural=(n/(n-1001))!=0;",
        "nplurals=2; plural=((n-5)%3)!=0;",
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 ? 1 : 2);",
        "nplurals=2; plural=n>1;",
    ],
)
def test_get_translations_picks_the_same_form_as_ngettext_for_every_n(
    tmp_path: Path, forms: str
) -> None:
    rule = parse_plural_forms(forms)
    folder = tmp_path / "az" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    header = f'msgid ""\nmsgstr "Language: az\\nPlural-Forms: {forms}\\n"\n\n'
    plural = "".join(f'msgstr[{i}] "forma {i}"\n' for i in range(rule.nplurals))
    (folder / "app.po").write_text(
        header + f'msgid "one file"\nmsgid_plural "many files"\n{plural}', encoding="utf-8"
    )
    layer = add_catalog(tmp_path, "app")
    try:
        translations = get_translations("az")
        for n in [*range(1200), 10**6, 10**12 + 1001]:
            expected = ngettext("one file", "many files", n, lang="az")
            assert translations.ngettext("one file", "many files", n) == expected, n
            assert expected == f"forma {rule.index(n)}"
    finally:
        remove_catalog(layer)


# ---------------------------------------------------------------------------
# 8. translator markup escaped by every documented Jinja path


def test_documented_jinja_paths_escape_translator_markup(tmp_path: Path) -> None:
    folder = tmp_path / "az" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "app.po").write_text(
        HEADER + 'msgid "Print"\nmsgstr "<script>alert(1)</script>"\n\n'
        'msgid "%(user)s signed in"\nmsgstr "<b>%(user)s</b> daxil oldu"\n',
        encoding="utf-8",
    )
    layer = add_catalog(tmp_path, "app")
    try:
        env = create_environment(lang="az")
        page = env.from_string(
            "{{ _('Print') }}|{{ gettext('Print') }}|{{ pgettext('x', 'Print') }}|"
            "{% trans user=u %}{{ user }} signed in{% endtrans %}"
        )
        out = page.render(u="<i>")
        assert "<script>" not in out
        assert "<b>" not in out
        assert "<i>" not in out
        assert out.startswith("&lt;script&gt;")
    finally:
        remove_catalog(layer)
    docs = (Path(__file__).parent.parent / "docs").glob("*.md")
    for doc in docs:
        text = doc.read_text(encoding="utf-8")
        assert "install_gettext_translations(diplolib.get_translations" not in text, doc


# ---------------------------------------------------------------------------
# 9. hostile files cost linear time: bounded suggestions, capped problems


def test_unknown_references_get_few_suggestions_and_problems_are_capped(lib_dir: Path) -> None:
    file = _article_file(lib_dir)
    document = json.loads(file.read_text(encoding="utf-8"))
    document["mentions"] = [f"bak{i}" for i in range(5_000)]
    file.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(LibraryError) as info:
        ContentLibrary.load(lib_dir)
    mine = [p for p in info.value.problems if p.file == f"articles/{SEED}.json"]
    assert len(mine) == MAX_PROBLEMS_PER_FILE + 1
    assert (
        mine[-1].message == f"{5_000 - MAX_PROBLEMS_PER_FILE} more problems in this file not listed"
    )
    hinted = [p for p in mine if "did you mean" in p.message]
    assert 0 < len(hinted) <= MAX_SUGGESTIONS
    assert "did you mean 'baku'?" in mine[0].message


def test_a_file_with_many_unknown_keys_reports_a_capped_list(lib_dir: Path) -> None:
    file = _article_file(lib_dir)
    document = json.loads(file.read_text(encoding="utf-8"))
    document.update({f"k{i}": i for i in range(5_000)})
    file.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(LibraryError) as info:
        ContentLibrary.load(lib_dir)
    assert len(info.value.problems) == MAX_PROBLEMS_PER_FILE + 1
    assert info.value.problems[-1].message.startswith(f"{5_000 - MAX_PROBLEMS_PER_FILE} more")


def test_an_object_with_too_many_keys_is_one_problem_found_cheaply(lib_dir: Path) -> None:
    file = _article_file(lib_dir)
    document = json.loads(file.read_text(encoding="utf-8"))
    document.update({f"{i:x}": 0 for i in range(400_000)})  # 4.5 MB, under the size limit
    file.write_text(json.dumps(document, separators=(",", ":")), encoding="utf-8")
    gc.collect()
    tracemalloc.start()
    try:
        with pytest.raises(LibraryError) as info:
            ContentLibrary.load(lib_dir)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [p.message.split(" at ")[0] for p in info.value.problems] == [
        f"JSON object with more than {MAX_OBJECT_KEYS} keys"
    ]
    assert peak < 4 * file.stat().st_size


def test_problem_cap_applies_to_in_memory_libraries_too() -> None:
    sample = load_sample_library()
    article = sample.get(SEED)
    bad = article.model_copy(update={"mentions": [f"nobody-{i}" for i in range(300)]})
    items = [bad if item.id == SEED else item for item in sample]
    with pytest.raises(LibraryError) as info:
        ContentLibrary(items)
    assert len(info.value.problems) == MAX_PROBLEMS_PER_FILE + 1


# ---------------------------------------------------------------------------
# 10. symlinks out of the content folder are refused


def test_symlink_to_a_file_outside_the_folder_is_refused(lib_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.json"
    outside.write_bytes(_article_file(lib_dir).read_bytes())
    _article_file(lib_dir).unlink()
    (lib_dir / "articles" / "link.json").symlink_to(outside)
    with pytest.raises(LibraryError) as info:
        ContentLibrary.load(lib_dir)
    problems = [p for p in info.value.problems if p.file == "articles/link.json"]
    assert len(problems) == 1
    assert "outside the content folder" in problems[0].message
    assert "secret" not in str(info.value)


def test_symlinked_folder_outside_is_never_loaded(lib_dir: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    document = json.loads(_article_file(lib_dir).read_text(encoding="utf-8"))
    document.update(id="outside-item", slug={"en": "outside-item"})
    (elsewhere / "x.json").write_text(json.dumps(document), encoding="utf-8")
    (lib_dir / "articles" / "linked").symlink_to(elsewhere, target_is_directory=True)
    (lib_dir / "articles" / "broken.json").symlink_to(tmp_path / "missing.json")
    try:
        library = ContentLibrary.load(lib_dir)
    except LibraryError as exc:  # a Python whose rglob follows folder links
        problems = {p.file: p.message for p in exc.problems}
        assert "outside the content folder" in problems["articles/linked/x.json"]
    else:
        assert "outside-item" not in library


def test_symlink_inside_the_folder_still_loads(lib_dir: Path) -> None:
    original = _article_file(lib_dir)
    moved = lib_dir / "store" / "article.data"
    moved.parent.mkdir()
    original.rename(moved)
    original.symlink_to(moved)
    assert SEED in ContentLibrary.load(lib_dir)


# ---------------------------------------------------------------------------
# 11. NUL in a msgstr


@pytest.mark.parametrize(
    "text",
    [
        'msgid "a"\nmsgstr "b\x00c"\n',
        'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[1] "\x00"\n',
        'msgid "a"\nmsgstr ""\n"\x00"\n',
        '# comment \x00\nmsgid "a"\nmsgstr "b"\n',
    ],
)
def test_nul_is_rejected_by_the_loader_and_catalog_check(tmp_path: Path, text: str) -> None:
    data = (HEADER + text).encode()
    with pytest.raises(CatalogError, match="NUL"):
        parse_po(data, "az.po")
    path = tmp_path / "az.po"
    path.write_bytes(data)
    findings = check_file(path, "az")
    assert [(f.code, f.severity) for f in findings] == [("syntax", "error")]
    assert "NUL" in findings[0].message


# ---------------------------------------------------------------------------
# 12. preview links work from disk for non-ASCII slugs


def test_preview_links_resolve_on_disk_for_non_ascii_slugs(tmp_path: Path) -> None:
    sample = load_sample_library()
    article = sample.get(SEED)
    renamed = Article.model_validate(
        {**article.model_dump(mode="json"), "slug": {"en": "kazakh-ally", "az": "şirvan-ğ-ə-ü"}}
    )
    library = ContentLibrary([renamed if i.id == SEED else i for i in sample])
    out = tmp_path / "site"
    build_preview(library, out)
    assert (out / "az" / "articles" / "şirvan-ğ-ə-ü" / "index.html").is_file()
    checked = 0
    for page in out.rglob("*.html"):
        for href in re.findall(r'href="([^"#?]+)', page.read_text(encoding="utf-8")):
            if "://" in href or href.startswith(("/", "mailto:")):
                continue
            base = page.relative_to(out).as_posix()
            target = unquote(urljoin(base, href))
            assert (out / target).exists(), (page, href)
            checked += 1
    assert checked > 500


def test_preview_never_writes_outside_its_folder() -> None:
    from diplolib.preview import _disk_path

    for bad in ["az/%2E%2E/x/index.html", "az/a%2Fb/index.html", "az//index.html", "%00/x"]:
        with pytest.raises(ValueError, match="inside the preview"):
            _disk_path(bad)


# ---------------------------------------------------------------------------
# 6. use_language inside generators: leaving is clean from any context


def _suspended_in_az() -> Iterator[str]:
    def generator() -> Iterator[str]:
        with use_language("az"):
            yield get_language()
            yield get_language()

    stream = generator()
    assert next(stream) == "az"
    return stream


def test_generator_closed_from_a_copied_context_exits_cleanly() -> None:
    def consumer() -> None:
        stream = _suspended_in_az()
        assert get_language() == "az"  # documented: the consumer sees the block's language
        contextvars.copy_context().run(stream.close)  # raised ValueError before
        assert get_language() == "az"  # the entering context cannot be changed from elsewhere
        with use_language("en"):
            assert get_language() == "en"

    # In a context of its own: what the scenario leaves set stays there.
    contextvars.copy_context().run(consumer)
    assert get_language() == "en"


def test_generator_closed_from_another_thread_exits_cleanly_and_leaves_it_alone() -> None:
    errors: list[BaseException] = []
    streams: list[Iterator[str]] = []
    seen: list[str] = []

    def owner() -> None:
        streams.append(_suspended_in_az())

    def closer() -> None:
        try:
            streams[0].close()  # type: ignore[attr-defined]
        except BaseException as exc:
            errors.append(exc)
        seen.append(get_language())

    for target in (owner, closer):
        thread = threading.Thread(target=target)
        thread.start()
        thread.join()
    assert errors == []
    assert seen == ["en"]  # closing did not set anything in the closing thread
    assert get_language() == "en"


def test_generator_collected_in_another_context_does_not_raise() -> None:
    unraisable: list[object] = []
    old_hook = sys.unraisablehook
    sys.unraisablehook = unraisable.append
    try:
        holder = contextvars.copy_context().run(lambda: [_suspended_in_az()])
        del holder
        gc.collect()
    finally:
        sys.unraisablehook = old_hook
    assert unraisable == []


def test_async_generator_closed_from_another_task_exits_cleanly() -> None:
    async def generator() -> AsyncIterator[str]:
        with use_language("az"):
            yield get_language()
            yield get_language()

    async def main() -> tuple[str, str, str]:
        stream = generator()
        first = await anext(stream)
        inside = get_language()
        await asyncio.create_task(stream.aclose())  # raised ValueError before
        return first, inside, await asyncio.create_task(_language())

    async def _language() -> str:
        return get_language()

    assert asyncio.run(main()) == ("az", "az", "az")


def test_documented_pattern_does_not_lend_the_language() -> None:
    def headlines(lang: str) -> Iterator[str]:
        for text in ("a", "b"):
            with use_language(lang):
                line = f"{text}:{get_language()}"
            yield line

    pairs = [(line, get_language()) for line in headlines("az")]
    assert pairs == [("a:az", "en"), ("b:az", "en")]


# ---------------------------------------------------------------------------
# detection: input caps


def test_detect_segments_refuses_text_beyond_its_cap() -> None:
    assert detect_segments("Salam. " * 10)  # ordinary text
    at_cap = ("Bakı gözəldir. " * (MAX_SEGMENT_CHARS // 15 + 1))[:MAX_SEGMENT_CHARS]
    assert detect_segments(at_cap)[0].lang == "az"
    with pytest.raises(DetectionError, match=f"at most {MAX_SEGMENT_CHARS}"):
        detect_segments(at_cap + "x")


@pytest.mark.parametrize("expected", ["en", "ru", "az"])
def test_check_language_reads_a_bounded_sample_of_long_text(expected: str) -> None:
    unit = "Prezident Bakıda rəsmi görüş keçirdi və Nazirlər Kabineti toplandı. "
    short = unit * 20
    long = unit * 150_000  # about 10 MB
    gc.collect()
    tracemalloc.start()
    try:
        check = check_language(long, expected)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000  # independent of the 10 MB input (it was about 130 MB)
    assert check.status == check_language(short, expected).status
