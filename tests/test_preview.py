"""``diplolib preview``: the static bilingual site, checked as files and in a real browser."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from diplolib import Article, ContentLibrary, Organization, Person, load_sample_library
from diplolib.cli import main
from diplolib.errors import TemplateRenderError
from diplolib.po import source_hash
from diplolib.preview import build_preview

ROOT = Path(__file__).resolve().parent.parent
SEED = "kazakhstan-azerbaijan-strategic-partner"
SEED_EN = "en/articles/azerbaijan-important-strategic-partner-of-kazakhstan/index.html"
SEED_AZ = "az/articles/azerbaycan-qazaxistanin-strateji-terefdasidir/index.html"

# Payloads that would change the DOM if the browser ran them.
SCRIPT = "<script>document.title='PWNED';document.documentElement.dataset.pwned='1'</script>"
ATTR = '" onmouseover="x" data-pwned="1'
IMG = "<img src=x onerror=\"document.documentElement.dataset.pwned='1'\">"
HOSTILE_EN = f"Title {SCRIPT}{ATTR}"
HOSTILE_AZ = f"Başlıq {IMG}'{ATTR}"
HOSTILE_NAME = f"Ali {SCRIPT}"


class Page(HTMLParser):
    """Elements with their attributes, and the text, of an HTML document."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self.title = ""
        self._open = ""
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        self._open = tag

    def handle_endtag(self, tag: str) -> None:
        self._open = ""

    def handle_data(self, data: str) -> None:
        if self._open == "script":
            self.scripts.append(data)
            return
        if self._open == "title":
            self.title += data
        self.text.append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [
            a
            for t, a in self.elements
            if t == tag and all(a.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def scripts_other_than_preview_js(self) -> list[dict[str, str]]:
        """The page's ``<script>`` elements besides the one loading the shipped preview.js."""
        ours = [a for t, a in self.elements if t == "script" and "src" in a]
        assert len(ours) == 1
        assert ours[0]["src"].strip("./") == "preview.js"
        return [a for t, a in self.elements if t == "script" and "src" not in a]

    def language_alternates(self) -> list[dict[str, str]]:
        """The hreflang ``<link rel="alternate">``s (feed links are alternates too, without one)."""
        return [a for a in self.find("link", rel="alternate") if "hreflang" in a]

    @property
    def html_lang(self) -> str:
        return self.find("html")[0]["lang"]

    @property
    def all_text(self) -> str:
        return " ".join(" ".join(self.text).split())


def hostile_library() -> ContentLibrary:
    sample = load_sample_library()
    person = Person(id="hostile-person", given={"en": HOSTILE_NAME, "az": HOSTILE_NAME})
    article = Article.model_validate(
        {
            "id": "hostile-article",
            "slug": {"en": "hostile", "az": "hostile"},  # equal slugs: hreflang still by language
            "section": {"id": "news", "name": {"en": "News", "az": "Xəbərlər"}},
            "title": {"en": HOSTILE_EN, "az": HOSTILE_AZ},
            "lead": {"en": f"Lead {IMG}"},  # no az lead: served as a marked fallback
            "body": [{"en": f"Body {SCRIPT}", "az": f"Mətn {SCRIPT}"}],
            "authors": [{"person": "hostile-person", "role": {"en": ATTR}}],
            "published": "2017-03-02T10:00:00+04:00",
            "original_language": "en",
            "translations": {"az": "machine"},
            "mentions": ["hostile-person"],
            "comment_count": 3,
        }
    )
    # Partly translated: the title is up to date, the first paragraph's English
    # source changed after it was translated, the second was never translated.
    partial = Article.model_validate(
        {
            "id": "stale-article",
            "slug": {"en": "stale", "az": "kohne"},
            "section": {"id": "news", "name": {"en": "News", "az": "Xəbərlər"}},
            "title": {"en": "Summit in Gabala", "az": "Qəbələdə zirvə"},
            "body": [
                {"en": "Leaders met on Friday.", "az": "Liderlər cümə axşamı görüşdülər."},
                {"en": "They signed a declaration."},
            ],
            "published": "2017-03-02T10:00:00+04:00",
            "original_language": "en",
            "translations": {"az": "partial"},
            "mentions": ["solo-org", "solo-az", "solo-en"],
            "translation_sources": {
                "az": {
                    "title": source_hash("Summit in Gabala"),
                    "body[0]": source_hash("Leaders met on Thursday."),
                    "section.name": source_hash("News"),
                }
            },
        }
    )
    # Names in one language only: shown in the other, marked.
    entities = [
        Organization(id="solo-org", name={"en": "Johnson & Johnson"}),
        Person(id="solo-az", given={"az": "Vaqif"}, family={"az": "Əmirov"}),
        Person(id="solo-en", given={"en": "Kevin"}, family={"en": "Lowe"}),
    ]
    return ContentLibrary([*sample, person, article, partial, *entities])


@pytest.fixture(scope="module")
def site() -> Any:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        build_preview(hostile_library(), out, base_url="https://portal.example")
        yield out


def read(site: Path, path: str) -> Page:
    return Page((site / path).read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------
# the files


def test_every_page_has_lang_hreflang_and_jsonld(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 60
    for path in pages:
        page = read(site, str(path.relative_to(site)))
        top = path.relative_to(site).parts[0]
        expected = top if top in ("en", "az") else "en"
        assert page.html_lang == expected, path
        alternates = {a["hreflang"]: a["href"] for a in page.language_alternates()}
        assert {"x-default"} < set(alternates), path
        assert all(href.startswith("https://portal.example/") for href in alternates.values())
        for data in page.scripts:
            json.loads(data)
        assert page.find("link", rel="stylesheet")


@pytest.mark.parametrize("path", [SEED_EN, SEED_AZ])
def test_article_pages_link_each_other(site: Path, path: str) -> None:
    page = read(site, path)
    alternates = {a["hreflang"]: a["href"] for a in page.language_alternates()}
    base = "https://portal.example/"
    assert alternates == {"en": base + SEED_EN, "az": base + SEED_AZ, "x-default": base + SEED_EN}
    (canonical,) = page.find("link", rel="canonical")
    assert canonical["href"] == base + path
    (script,) = page.scripts
    data = json.loads(script)
    assert data["inLanguage"] == page.html_lang
    assert data["@id"] == base + path


@pytest.mark.parametrize(
    ("path", "needles"),
    [
        (
            SEED_EN,
            [
                "You are here: Main page » Diplomatic Chapter",
                "Baku, 2 March 2017 –",
                "Article by Beybit Isabayev",
                "No comments",
                "Related articles",
                "Foreign press",
                "11 April 2018 — The Washington Post",
                "Print",
            ],
        ),
        (
            SEED_AZ,
            [
                "Siz buradasınız: Ana səhifə » Diplomatik rubrika",
                "Bakı, 2 mart 2017 –",
                "Beybit İsabayevin məqaləsi",
                "Şərh yoxdur",
                "Oxşar məqalələr",
                "Xarici mətbuat",
                "11 aprel 2018 — The Washington Post",
                "Çap et",
            ],
        ),
        ("az/timeline/index.html", ["2009-cu il", "3 oktyabr 2009", "Naxçıvan"]),
        ("en/events/nakhchivan-summit-2009/index.html", ["3 October 2009", "Nakhchivan"]),
        ("az/organizations/osce/index.html", ["(ATƏT)"]),
    ],
)
def test_page_content(site: Path, path: str, needles: list[str]) -> None:
    text = read(site, path).all_text
    for needle in needles:
        assert needle in text, needle


def test_one_language_article(site: Path) -> None:
    """The Gabala report exists in az only: no en page, and the en index says where it is."""
    assert not list(site.glob("en/articles/turk-surasinin*"))
    az = read(site, "az/articles/turk-surasinin-ucuncu-zirve-gorusu-qebelede/index.html")
    assert [a["hreflang"] for a in az.language_alternates()] == ["az", "x-default"]
    index = read(site, "en/index.html")
    assert index.find("a", lang="az", hreflang="az")


def test_translation_view_marks_missing_stale_and_fallback(site: Path) -> None:
    page = read(site, "en/translations/hostile-article/index.html")
    cells = {(a.get("data-lang"), a.get("class")) for t, a in page.elements if t == "td"}
    assert ("az", "missing") in cells  # the lead
    assert ("az", "stale") not in cells  # no recorded source hash: nothing is known stale
    assert ("en", "ok") in cells
    missing = page.find("td", data_lang="az", **{"class": "missing"})
    assert missing[0]["lang"] == "en"  # the value shown is the English fallback
    assert page.find("th", **{"class": "status-machine review", "data-lang": "az"})
    az = read(site, "az/translations/hostile-article/index.html")
    assert "Maşın tərcüməsi" in az.all_text
    assert "Tərcümə edilməyib; oxucu digər dildəki mətni görür" in az.all_text


def test_translation_view_stale_from_source_hashes(site: Path) -> None:
    html = (site / "en/translations/stale-article/index.html").read_text(encoding="utf-8")
    rows = html.split("<tr>")[2:]  # after the head row
    states = {}
    for row in rows:
        page = Page(row)
        (field,) = [t for t in page.text if t.strip()][:1]
        states[field] = {a["data-lang"]: a["class"] for a in page.find("td")}
    assert states == {
        "title": {"en": "ok", "az": "ok"},  # recorded hash matches the current source
        "body[0]": {"en": "ok", "az": "stale"},  # the English changed after translation
        "body[1]": {"en": "ok", "az": "missing"},  # never translated: missing, not stale
        "section.name": {"en": "ok", "az": "ok"},
    }
    page = Page(html)
    (head,) = page.find("th", data_lang="az")
    assert head["class"] == "status-partial stale"  # partial is no reason to call fields stale
    assert "1 field changed in the source after it was translated" in page.all_text
    az = read(site, "az/translations/stale-article/index.html").all_text
    assert "Bu mətn tərcümə ediləndən sonra mənbə dəyişib; tərcüməni yeniləmək lazımdır" in az


SWITCHER_RE = re.compile(r'<(a|strong) lang="(\w+)"(?: hreflang="(\w+)")?[^>]*>([^<]*)</\1>')


@pytest.mark.parametrize(
    "path",
    [SEED_EN, SEED_AZ, "en/index.html", "az/timeline/index.html", "index.html"],
)
def test_language_switcher_names_each_language_in_itself(site: Path, path: str) -> None:
    html = (site / path).read_text(encoding="utf-8")
    start = html.index('class="languages"') if path != "index.html" else html.index("<main>")
    nav = html[start : html.index("</nav>" if path != "index.html" else "</main>", start)]
    links = {lang: (hreflang, text.strip()) for _, lang, hreflang, text in SWITCHER_RE.findall(nav)}
    assert {lang: text for lang, (_, text) in links.items()} == {
        "en": "English",
        "az": "Azərbaycan dili",
    }
    for lang, (hreflang, _) in links.items():
        assert hreflang in ("", lang)  # the current language is not a link


FALLBACK_ORG = '<span lang="en" class="fallback">Johnson &amp; Johnson</span>'


@pytest.mark.parametrize(
    ("path", "marked"),
    [
        # a name shown in the other language: the span |localize puts around fallbacks
        ("az/articles/kohne/index.html", FALLBACK_ORG),
        ("az/articles/kohne/index.html", '<span lang="en" class="fallback">Kevin Lowe</span>'),
        ("az/index.html", FALLBACK_ORG),
        ("az/organizations/solo-org/index.html", f"<h1>{FALLBACK_ORG}</h1>"),
        # an English name romanised from the Azerbaijani spelling: marked as derived
        (
            "en/articles/stale/index.html",
            '<span class="derived" data-derived="romanized">Vagif Amirov</span>',
        ),
        ("en/people/solo-az/index.html", 'data-derived="romanized">Vagif Amirov</span></h1>'),
    ],
)
def test_fallback_entity_names_are_marked(site: Path, path: str, marked: str) -> None:
    assert marked in (site / path).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("path", "plain"),
    [
        ("az/articles/kohne/index.html", ">Vaqif Əmirov</a>"),  # in its own language: unmarked
        ("en/articles/stale/index.html", ">Johnson &amp; Johnson</a>"),
        ("en/articles/stale/index.html", ">Kevin Lowe</a>"),
    ],
)
def test_names_in_the_page_language_are_not_marked(site: Path, path: str, plain: str) -> None:
    assert plain in (site / path).read_text(encoding="utf-8")


def test_page_titles_hold_text_not_markup(site: Path) -> None:
    assert read(site, "az/organizations/solo-org/index.html").title == "Johnson & Johnson"


def test_fallback_fields_are_marked_on_the_page(site: Path) -> None:
    page = read(site, "az/articles/hostile/index.html")
    # the lead and the author's role exist in English only
    assert len(page.find("span", lang="en", **{"class": "fallback"})) == 2


@pytest.mark.parametrize(
    ("path", "notice"),
    [
        ("az/articles/hostile/index.html", "göstərilir: giriş, müəllifin vəzifəsi"),
        ("az/articles/kohne/index.html", "göstərilir: 2-ci abzas"),
    ],
)
def test_fallback_notice_names_fields_as_readers_know_them(
    site: Path, path: str, notice: str
) -> None:
    text = read(site, path).all_text
    assert notice in text
    assert "body[" not in text
    assert "authors[" not in text


@pytest.mark.parametrize(
    ("path", "authors", "en", "az"),
    [
        ("title", 1, "title", "başlıq"),
        ("body[0]", 1, "1st paragraph", "1-ci abzas"),
        ("body[5]", 1, "6th paragraph", "6-cı abzas"),
        ("tags[2]", 1, "3rd tag", "3-cü teq"),
        ("section.name", 1, "section name", "rubrikanın adı"),
        ("source.publication", 1, "name of the source publication", "mənbənin adı"),
        ("authors[0].role", 1, "author's position", "müəllifin vəzifəsi"),
        ("authors[1].role", 2, "position of the 2nd author", "2-ci müəllifin vəzifəsi"),
    ],
)
def test_field_labels(path: str, authors: int, en: str, az: str) -> None:
    from diplolib._labels import field_label

    article = Article.model_validate(
        {
            "id": "a",
            "slug": {"en": "a"},
            "section": {"id": "s", "name": {"en": "S"}},
            "title": {"en": "T"},
            "authors": [{"person": f"p{i}"} for i in range(authors)],
            "published": "2017-03-02T10:00:00+04:00",
            "original_language": "en",
        }
    )
    assert (field_label(path, article, "en"), field_label(path, article, "az")) == (en, az)


def test_hostile_content_is_text(site: Path) -> None:
    for path in (
        "en/articles/hostile/index.html",
        "az/articles/hostile/index.html",
        "az/people/hostile-person/index.html",
        "en/translations/hostile-article/index.html",
    ):
        html = (site / path).read_text(encoding="utf-8")
        page = Page(html)
        scripts = page.scripts_other_than_preview_js()
        assert scripts in ([], [{"type": "application/ld+json"}]), path  # only the JSON-LD
        assert not page.find("img"), path
        assert not [a for _, a in page.elements if "onmouseover" in a or "data-pwned" in a], path
        assert "alert" not in html or "<script>" not in html.replace("\\u003c", "")
    text = read(site, "az/articles/hostile/index.html").all_text
    assert HOSTILE_AZ.replace("  ", " ") in text
    assert HOSTILE_NAME in text


def test_cli_writes_the_sample_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["preview", "--out", str(tmp_path)]) == 0
    assert "files into" in capsys.readouterr().out
    assert (tmp_path / SEED_AZ).is_file()
    assert (tmp_path / "style.css").is_file()
    # without --base-url, metadata links are relative and resolve inside the site
    page = read(tmp_path, SEED_AZ)
    for link in page.language_alternates():
        assert (tmp_path / SEED_AZ).parent.joinpath(link["href"]).resolve().is_file()


def test_cli_reads_a_library_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile_library().save(tmp_path / "content")
    assert (
        main(["preview", "--out", str(tmp_path / "site"), "--library", str(tmp_path / "content")])
        == 0
    )
    assert (tmp_path / "site" / "az" / "people" / "hostile-person" / "index.html").is_file()


def test_template_override(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "templates" / "preview"
    folder.mkdir(parents=True)
    (folder / "timeline.html").write_text(
        '{% extends "preview/base.html" %}{% block main %}<p id="mine">{{ _("Timeline") }}</p>{% endblock %}',
        encoding="utf-8",
    )
    (folder / "style.css").write_text("body { color: red }", encoding="utf-8")
    args = ["preview", "--out", str(tmp_path / "site"), "--templates", str(tmp_path / "templates")]
    assert main(args) == 0
    page = read(tmp_path / "site", "az/timeline/index.html")
    assert page.find("p", id="mine")
    assert "Xronologiya" in page.all_text
    assert (tmp_path / "site" / "style.css").read_text(encoding="utf-8") == "body { color: red }"


def test_override_with_a_missing_filter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "preview"
    folder.mkdir()
    (folder / "event.html").write_text(
        '{% extends "preview/base.html" %}\n{% block main %}\n{{ item.name|shout }}\n{% endblock %}',
        encoding="utf-8",
    )
    with pytest.raises(TemplateRenderError) as info:
        build_preview(load_sample_library(), tmp_path / "site", templates=tmp_path)
    message = str(info.value)
    assert "'preview/event.html'" in message
    assert "line 3" in message
    assert "No filter named 'shout'" in message
    code = main(["preview", "--out", str(tmp_path / "s2"), "--templates", str(tmp_path)])
    assert code == 1
    assert "No filter named 'shout'" in capsys.readouterr().err


def test_a_broken_library_folder_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    assert main(["preview", "--out", str(tmp_path / "site"), "--library", str(tmp_path)]) == 1
    assert "bad.json" in capsys.readouterr().err


# ---------------------------------------------------------------------------
# in a real browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def chromium(profile: Path, *calls: list[str]) -> list[str]:
    """Run headless chromium once per argument list, concurrently; return each stdout."""
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs it (apt-get install chromium)")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ]
    running = [
        subprocess.Popen(
            [CHROMIUM, *flags, f"--user-data-dir={profile / str(i)}", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i, args in enumerate(calls)
    ]
    outputs = []
    for process in running:
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err[-2000:]
        outputs.append(out)
    return outputs


BROWSER_PAGES = (
    SEED_EN,
    SEED_AZ,
    "az/articles/hostile/index.html",
    "en/translations/hostile-article/index.html",
)
SCREENSHOT = ROOT / "build" / "preview-screenshot.png"


@pytest.fixture(scope="module")
def browser_dom(site: Path) -> dict[str, Page]:
    """The DOM of a few pages after chromium loaded them, and a screenshot of one."""
    SCREENSHOT.parent.mkdir(exist_ok=True)
    SCREENSHOT.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        calls = [["--dump-dom", (site / path).as_uri()] for path in BROWSER_PAGES]
        # the az article is also photographed, in the same run
        calls[1][:0] = [
            f"--screenshot={SCREENSHOT}",
            "--window-size=1280,2000",
            "--hide-scrollbars",
        ]
        dumps = chromium(Path(profile), *calls)
    return {path: Page(dom) for path, dom in zip(BROWSER_PAGES, dumps, strict=True)}


def test_browser_sees_languages_and_hreflang(browser_dom: dict[str, Page]) -> None:
    for path, lang in ((SEED_EN, "en"), (SEED_AZ, "az")):
        page = browser_dom[path]
        assert page.html_lang == lang
        hreflangs = [a["hreflang"] for a in page.language_alternates()]
        assert hreflangs == ["en", "az", "x-default"]


def test_browser_shows_formatted_dates(browser_dom: dict[str, Page]) -> None:
    assert "Baku, 2 March 2017" in browser_dom[SEED_EN].all_text
    assert "11 April 2018" in browser_dom[SEED_EN].all_text
    assert "Bakı, 2 mart 2017" in browser_dom[SEED_AZ].all_text
    assert "11 aprel 2018" in browser_dom[SEED_AZ].all_text


def test_browser_runs_no_injected_code(browser_dom: dict[str, Page]) -> None:
    for path, page in browser_dom.items():
        assert "data-pwned" not in page.find("html")[0], path
        scripts = page.scripts_other_than_preview_js()
        assert scripts in ([], [{"type": "application/ld+json"}]), path
        assert not page.find("img"), path
        assert not [a for _, a in page.elements if "onmouseover" in a or "onerror" in a], path
        assert page.title.strip() != "PWNED", path
    hostile = browser_dom["az/articles/hostile/index.html"]
    assert hostile.title == HOSTILE_AZ
    assert HOSTILE_AZ in hostile.all_text
    assert HOSTILE_NAME in hostile.all_text


def test_browser_screenshot(browser_dom: dict[str, Page]) -> None:
    """Kept in build/ as a CI artifact."""
    assert SCREENSHOT.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_hostile_host_translation_stays_text(tmp_path: Path) -> None:
    from diplolib.i18n import use_catalogs

    folder = tmp_path / "catalog" / "az" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    hostile = IMG.replace('"', '\\"') + "'" + ATTR.replace('"', '\\"')
    (folder / "host.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'msgid "Main page"\nmsgstr "{hostile}"\n',
        encoding="utf-8",
    )
    with use_catalogs((tmp_path / "catalog", "host")):
        build_preview(load_sample_library(), tmp_path / "site")
    page = read(tmp_path / "site", SEED_AZ)
    assert not page.find("img")
    assert not [a for _, a in page.elements if "onerror" in a or "data-pwned" in a]
    assert IMG in page.all_text
    assert "Ana səhifə" not in page.all_text
    # the English pages keep the library's wording
    assert "Main page" in read(tmp_path / "site", SEED_EN).all_text


def test_old_jinja_name_of_build_preview_warns_and_still_works() -> None:
    import diplolib.jinja
    import diplolib.preview

    with pytest.warns(DeprecationWarning, match=r"use diplolib\.preview\.build_preview"):
        old = diplolib.jinja.build_preview
    assert old is diplolib.preview.build_preview
    with pytest.raises(AttributeError, match="no attribute 'build_previews'"):
        _ = diplolib.jinja.build_previews


def test_article_pages_list_the_newest_foreign_press_only(tmp_path: Path) -> None:
    from diplolib import PartialDate
    from diplolib.preview import PRESS_LIMIT

    sample = load_sample_library()
    press = sample.get("washington-post-trump-2018", Article)
    assert press.source is not None
    copies = [
        press.model_copy(
            update={
                "id": f"press-{i}",
                "slug": {lang: f"{slug}-{i}" for lang, slug in press.slug.items()},
                "source": press.source.model_copy(
                    update={"published": PartialDate(2018, 3, 30 - i)}
                ),
            }
        )
        for i in range(1, PRESS_LIMIT + 4)
    ]
    library = ContentLibrary([*sample, *copies])
    newest = [a.id for a in library.foreign_press()]
    build_preview(library, tmp_path)
    seed = tmp_path / "en/articles/azerbaijan-important-strategic-partner-of-kazakhstan"
    section = (seed / "index.html").read_text(encoding="utf-8").split('class="foreign-press"')[1]
    listed = re.findall(
        r'href="[^"]*/articles/([^/"]+)/index.html"', section.split("</section>")[0]
    )
    expected = [library.get(i, Article).slug["en"] for i in newest[:PRESS_LIMIT]]
    assert listed == expected
    # on a foreign press item's own page, the next newest takes its place
    own = tmp_path / "en/articles" / press.slug["en"] / "index.html"
    section = (
        own.read_text(encoding="utf-8").split('class="foreign-press"')[1].split("</section>")[0]
    )
    listed = re.findall(r'href="[^"]*/articles/([^/"]+)/index.html"', section)
    others = [library.get(i, Article).slug["en"] for i in newest if i != press.id]
    assert listed == others[:PRESS_LIMIT]
