"""A content type added from outside: an interview, using only diplolib's public API.

The test defines ``Interview`` by subclassing ``ContentItem``, registers it, and
follows it through everything a built-in type gets: loading with reference
checks, saving, PO export and import, the preview and JSON-LD. The registry is
restored after every test.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar, Literal

import polib
import pytest
from pydantic import Field

from diplolib import ContentLibrary, LibraryError, LocalizedText, load_sample_library
from diplolib.content_types import ContentType, Reference
from diplolib.errors import ContentTypeError
from diplolib.models import (
    ContentItem,
    TranslationSources,
    content_type,
    content_types,
    export_json_schemas,
    item_adapter,
    register_content_type,
    unregister_content_type,
)
from diplolib.po import FIELD_LIMITS, export_po, field_limit, import_po, translation_status
from diplolib.preview import build_preview
from diplolib.publish import canonical_url, hreflang_links, to_jsonld


class Interview(ContentItem):
    """An interview: questions and answers with one person."""

    content: ClassVar[ContentType] = ContentType(
        kind="interview",
        folder="interviews",
        schema_type="Article",
        title="title",
        text_fields=("title", "questions[]", "answers[]"),
        references=(Reference("interviewee", ("person",), schema_property="about"),),
        limits={"title": 120},
        descriptions={"questions[]": "question", "answers[]": "answer"},
        label="Interviews",
    )

    type: Literal["interview"] = "interview"
    id: str
    title: LocalizedText
    interviewee: str
    questions: tuple[LocalizedText, ...] = ()
    answers: tuple[LocalizedText, ...] = ()
    translation_sources: TranslationSources = Field(default_factory=dict)


QUESTIONS = [
    "How do you see the partnership between the two countries?",
    "What did the summit in Baku change?",
    "Which projects come next?",
]
ANSWERS = [
    "Our countries have worked together closely since independence.",
    "The summit opened new routes for trade across the Caspian Sea.",
    "Transport and energy projects will come first, then education.",
]
AZ_ANSWER = "Nəqliyyat və enerji layihələri birinci gələcək, sonra isə təhsil sahəsi."


def interview(
    item_id: str = "aliyev-interview", interviewee: str = "heydar-aliyev"
) -> dict[str, Any]:
    return {
        "type": "interview",
        "id": item_id,
        "title": {"en": "A conversation about the partnership"},
        "interviewee": interviewee,
        "questions": [{"en": q} for q in QUESTIONS],
        "answers": [{"en": a} for a in ANSWERS],
    }


@pytest.fixture
def registered() -> Iterator[type[Interview]]:
    before = content_types()
    register_content_type(Interview)
    try:
        yield Interview
    finally:
        unregister_content_type("interview")
        assert content_types() == before


def write(folder: Path, data: dict[str, Any]) -> Path:
    path = folder / "interviews" / f"{data['id']}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def lib_dir(tmp_path: Path, registered: type[Interview]) -> Path:
    folder = tmp_path / "lib"
    load_sample_library().save(folder)
    write(folder, interview())
    return folder


def problems(folder: Path) -> list[str]:
    with pytest.raises(LibraryError) as info:
        ContentLibrary.load(folder)
    return [str(p) for p in info.value.problems]


# ---------------------------------------------------------------------------
# registration


def test_unregistered_type_is_an_unknown_document(tmp_path: Path) -> None:
    load_sample_library().save(tmp_path)
    write(tmp_path, interview())
    found = problems(tmp_path)
    assert len(found) == 1
    assert found[0].startswith("interviews/aliyev-interview.json: type: unknown document type")
    assert "'article', 'event', 'person', 'organization', 'place'" in found[0]


def test_registry_lists_and_finds_the_new_type(registered: type[Interview]) -> None:
    assert content_types()[-1] is Interview
    assert content_type("interview") is Interview
    assert register_content_type(Interview) is Interview  # again: nothing changes
    assert content_types().count(Interview) == 1
    item = item_adapter().validate_python(interview())
    assert isinstance(item, Interview)
    assert FIELD_LIMITS["interview:title"] == 120
    assert field_limit("interview", "answers[2]") is None


def test_json_schemas_cover_the_registered_type(
    registered: type[Interview], tmp_path: Path
) -> None:
    names = sorted(p.name for p in export_json_schemas(tmp_path))
    assert "interview.schema.json" in names
    item = json.loads((tmp_path / "item.schema.json").read_text(encoding="utf-8"))
    assert "interview" in item["discriminator"]["mapping"]


def test_builtin_types_keep_their_facts() -> None:
    facts = {m.content.kind: (m.content.folder, m.content.schema_type) for m in content_types()}
    assert facts == {
        "article": ("articles", "NewsArticle"),
        "event": ("events", "Event"),
        "person": ("people", "Person"),
        "organization": ("organizations", "Organization"),
        "place": ("places", "Place"),
    }
    with pytest.raises(ContentTypeError, match="built-in"):
        unregister_content_type("place")
    with pytest.raises(ContentTypeError, match="unknown content type 'interview'"):
        unregister_content_type("interview")


def _model(**spec: Any) -> type[ContentItem]:
    defaults: dict[str, Any] = {
        "kind": "memo",
        "folder": "memos",
        "schema_type": "CreativeWork",
        "title": "title",
        "text_fields": ("title",),
    }

    class Memo(ContentItem):
        content: ClassVar[ContentType] = ContentType(**{**defaults, **spec})
        type: Literal["memo"] = "memo"
        id: str
        title: LocalizedText
        translation_sources: TranslationSources = Field(default_factory=dict)

    return Memo


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"kind": "article", "folder": "memos"}, r"needs the field `type: Literal\['article'\]"),
        ({"folder": "articles"}, "folder 'articles' is used by content type 'article'"),
        ({"text_fields": ("title", "summary")}, "names no field 'summary'"),
        ({"title": "heading"}, "names no field 'heading'"),
    ],
)
def test_bad_registrations_are_refused(spec: dict[str, Any], message: str) -> None:
    before = content_types()
    with pytest.raises(ContentTypeError, match=message):
        register_content_type(_model(**spec))
    assert content_types() == before


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"kind": "Memo"}, "content type kind 'Memo'"),
        ({"kind": ""}, "content type kind ''"),
        ({"folder": "a/b"}, "folder 'a/b'"),
        ({"text_fields": ("Title",)}, "field pattern 'Title'"),
        ({"limits": {"body[]": 5}}, "not among its text fields"),
    ],
)
def test_bad_content_type_facts_are_refused(spec: dict[str, Any], message: str) -> None:
    with pytest.raises(ContentTypeError, match=re.escape(message)):
        _model(**spec)


def test_reference_needs_a_pattern_and_kinds() -> None:
    with pytest.raises(ContentTypeError, match="not a field pattern"):
        Reference("Interviewee", ("person",))
    with pytest.raises(ContentTypeError, match="names no allowed kind"):
        Reference("interviewee", ())


def test_model_without_facts_or_base_is_refused() -> None:
    class Bare(ContentItem):
        type: Literal["bare"] = "bare"
        id: str
        translation_sources: TranslationSources = Field(default_factory=dict)

    with pytest.raises(ContentTypeError, match="declares no content type"):
        register_content_type(Bare)
    with pytest.raises(ContentTypeError, match="not a subclass"):
        register_content_type(dict)  # type: ignore[type-var]


# ---------------------------------------------------------------------------
# the library


def test_folder_with_interviews_loads_and_saves(lib_dir: Path, tmp_path: Path) -> None:
    lib = ContentLibrary.load(lib_dir)
    item = lib.get("aliyev-interview", Interview)
    assert item.answers[1].get("en") == ANSWERS[1]
    assert lib.file_of(item.id) == "interviews/aliyev-interview.json"
    assert list(item.references()) == [("interviewee", "heydar-aliyev", ("person",))]
    assert [i.id for i in lib.items()][-1] == "aliyev-interview"
    again = tmp_path / "again"
    lib.save(again)
    assert (again / "interviews" / "aliyev-interview.json").is_file()
    assert ContentLibrary.load(again) == lib


def test_dangling_interviewee_is_reported_with_file_and_field(lib_dir: Path) -> None:
    write(lib_dir, interview("second", interviewee="heydar-aliyevv"))
    write(lib_dir, interview("third", interviewee="baku"))
    assert problems(lib_dir) == [
        "interviews/second.json: interviewee: unknown Person 'heydar-aliyevv'; "
        "did you mean 'heydar-aliyev'?",
        "interviews/third.json: interviewee: 'baku' is a place, expected Person",
    ]


def test_invalid_interview_names_its_field(lib_dir: Path) -> None:
    data = interview("fourth")
    data["answers"] = [{"en": "fine"}, {"xx": "bad"}]
    write(lib_dir, data)
    (found,) = problems(lib_dir)
    assert found.startswith("interviews/fourth.json: answers[1]")


def test_article_may_not_point_at_an_interview_where_a_person_belongs(lib_dir: Path) -> None:
    path = lib_dir / "articles" / "kazakhstan-azerbaijan-strategic-partner.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["authors"][0]["person"] = "aliyev-interview"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (found,) = problems(lib_dir)
    assert found.endswith(
        "authors[0].person: 'aliyev-interview' is a interview, expected Person or Organization"
    )


# ---------------------------------------------------------------------------
# PO exchange


def test_export_and_import_through_po(lib_dir: Path, tmp_path: Path) -> None:
    po = export_po(ContentLibrary.load(lib_dir), "en", "az")
    contexts = [e.msgctxt for e in po if e.msgctxt.startswith("interview:")]
    assert contexts == [
        "interview:aliyev-interview:title",
        *(f"interview:aliyev-interview:questions[{i}]" for i in range(3)),
        *(f"interview:aliyev-interview:answers[{i}]" for i in range(3)),
    ]
    answer = po.find("interview:aliyev-interview:answers[2]", by="msgctxt")
    assert answer.msgid == ANSWERS[2]
    assert answer.comment.splitlines()[0] == (
        "answer (answers[2]) of interview “A conversation about the partnership”"
    )
    title = po.find("interview:aliyev-interview:title", by="msgctxt")
    assert "limit: at most 120 characters" in title.comment
    answer.msgstr = AZ_ANSWER
    path = tmp_path / "az.po"
    po.save(str(path))
    report = import_po(lib_dir, path)
    assert report.committed, [str(r) for r in report.rejected]
    mine = [r.msgctxt for r in report.applied if r.msgctxt and r.msgctxt.startswith("interview")]
    assert mine == ["interview:aliyev-interview:answers[2]"]
    lib = ContentLibrary.load(lib_dir)
    item = lib.get("aliyev-interview", Interview)
    assert item.answers[2].get("az") == AZ_ANSWER
    assert set(item.translation_sources["az"]) == {"answers[2]"}
    (row,) = [r for r in translation_status(lib) if r.item_id == item.id]
    assert (row.item_type, row.total, row.translated, row.stale) == ("interview", 7, 1, 0)
    again = export_po(lib, "en", "az")
    assert again.find("interview:aliyev-interview:answers[2]", by="msgctxt").msgstr == AZ_ANSWER


def test_import_checks_interview_entries(lib_dir: Path) -> None:
    lib = ContentLibrary.load(lib_dir)
    po = export_po([lib.get("aliyev-interview")], "en", "az")
    po.find("interview:aliyev-interview:title", by="msgctxt").msgstr = "Tərəfdaşlıq " * 12
    po.append(polib.POEntry(msgctxt="interview:aliyev-interview:answers[7]", msgid="x", msgstr="y"))
    po.append(polib.POEntry(msgctxt="interview:baku:title", msgid="Baku", msgstr="Bakı"))
    report = import_po(lib, po)
    reasons = {r.msgctxt: r.reason for r in report.rejected}
    assert "this field allows at most 120" in reasons["interview:aliyev-interview:title"]
    assert "has no field 'answers[7]'" in reasons["interview:aliyev-interview:answers[7]"]
    assert "is a place, not a interview" in reasons["interview:baku:title"]
    assert not report.committed


# ---------------------------------------------------------------------------
# publishing


def test_jsonld_and_urls_of_an_interview(lib_dir: Path) -> None:
    lib = ContentLibrary.load(lib_dir)
    item = lib.get("aliyev-interview")
    assert canonical_url(item, "az") == "/az/interviews/aliyev-interview/"
    assert [link.hreflang for link in hreflang_links(item)] == ["en", "az", "x-default"]
    data = to_jsonld(item, "az", library=lib, base_url="https://portal.example")
    assert data["@type"] == "Article"
    assert data["@id"] == "https://portal.example/az/interviews/aliyev-interview/"
    assert data["inLanguage"] == "az"
    assert data["name"] == {"@value": "A conversation about the partnership", "@language": "en"}
    assert data["about"]["@type"] == "Person"
    assert data["about"]["@id"] == "https://portal.example/az/people/heydar-aliyev/"
    assert data["about"]["name"] == "Heydər Əliyev"
    bare = to_jsonld(item, "en")
    assert bare["about"] == {"@id": "/en/people/heydar-aliyev/"}


def test_interview_appears_in_the_preview(lib_dir: Path, tmp_path: Path) -> None:
    lib = ContentLibrary.load(lib_dir)
    out = tmp_path / "site"
    files = build_preview(lib, out, base_url="https://portal.example")
    for lang in ("en", "az"):
        page = out / lang / "interviews" / "aliyev-interview" / "index.html"
        assert page in files
        html = page.read_text(encoding="utf-8")
        assert ANSWERS[2] in html
        assert '"@type": "Article"' in html
        assert 'hreflang="en"' in html
        assert 'hreflang="az"' in html
        assert f'href="../../../{lang}/people/heydar-aliyev/index.html"' in html
        index = (out / lang / "index.html").read_text(encoding="utf-8")
        assert "<h2>Interviews</h2>" in index
        assert "interviews/aliyev-interview/index.html" in index
    az = (out / "az" / "interviews" / "aliyev-interview" / "index.html").read_text(encoding="utf-8")
    assert 'lang="en" class="fallback">A conversation about the partnership' in az
