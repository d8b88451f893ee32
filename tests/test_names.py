from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplolib import ContentLibrary, MissingTranslationError, Person, load_sample_library
from diplolib.names import AZ_CASES, NAME_STYLES, format_name, resolve_name

ON = dt.date(2017, 3, 2)
LIBRARY = load_sample_library()
ILHAM = LIBRARY.get("ilham-aliyev", Person)
HEYDAR = LIBRARY.get("heydar-aliyev", Person)
NAZARBAYEV = LIBRARY.get("nursultan-nazarbayev", Person)
ISABAYEV = LIBRARY.get("beybit-isabayev", Person)
MEHRIBAN = Person(
    id="mehriban-aliyeva",
    given={"en": "Mehriban", "az": "Mehriban"},
    family={"en": "Aliyeva", "az": "Əliyeva"},
    patronymic={"az": "Arif qızı"},
    gender="female",
    positions=[
        {
            "title": {"en": "First Vice-President", "az": "Birinci vitse-prezident"},
            "country": "azerbaijan",
            "start": "2017-02-21",
        }
    ],
)
AMIROV = Person(
    id="vagif-amirov",
    given={"az": "Vaqif"},
    family={"az": "Əmirov"},
    patronymic={"az": "Səməd oğlu"},
)
HASANOVA = Person(
    id="aygun-hasanova",
    given={"az": "Aygün", "en": "Aygun"},
    family={"az": "Həsənova", "en": "Hasanova"},
    patronymic={"az": "Rəşid qızı"},
)


@pytest.mark.parametrize(
    ("person", "style", "en", "az"),
    [
        (ILHAM, "full", "Ilham Aliyev", "İlham Əliyev"),
        (ILHAM, "short", "I. Aliyev", "İ.Əliyev"),
        (ILHAM, "formal", "President Ilham Aliyev", "Prezident İlham Əliyev"),
        (
            ILHAM,
            "title_of",
            "President of Azerbaijan Ilham Aliyev",
            "Azərbaycan Prezidenti İlham Əliyev",
        ),
        (ILHAM, "official", "Ilham Heydar oglu Aliyev", "İlham Heydər oğlu Əliyev"),
        (ILHAM, "sort", "Aliyev, Ilham", "Əliyev, İlham"),
        (ILHAM, "initials", "I.A.", "İ.Ə."),
        (HEYDAR, "full", "Heydar Aliyev", "Heydər Əliyev"),
        (HEYDAR, "short", "H. Aliyev", "H.Əliyev"),
        (HEYDAR, "official", "Heydar Alirza oglu Aliyev", "Heydər Əlirza oğlu Əliyev"),
        (HEYDAR, "formal", "Heydar Aliyev", "Heydər Əliyev"),  # no office in 2017
        (NAZARBAYEV, "short", "N. Nazarbayev", "N.Nazarbayev"),
        (
            NAZARBAYEV,
            "title_of",
            "President of Kazakhstan Nursultan Nazarbayev",
            "Qazaxıstan Prezidenti Nursultan Nazarbayev",
        ),
        (NAZARBAYEV, "official", "Nursultan Nazarbayev", "Nursultan Nazarbayev"),
        (NAZARBAYEV, "sort", "Nazarbayev, Nursultan", "Nazarbayev, Nursultan"),
        (ISABAYEV, "full", "Beybit Isabayev", "Beybit İsabayev"),
        (ISABAYEV, "short", "B. Isabayev", "B.İsabayev"),
        (ISABAYEV, "initials", "B.I.", "B.İ."),
        (
            ISABAYEV,
            "title_of",  # the title already names the country: left as it is
            "Ambassador of Kazakhstan to Azerbaijan Beybit Isabayev",
            "Qazaxıstanın Azərbaycandakı səfiri Beybit İsabayev",
        ),
        (MEHRIBAN, "full", "Mehriban Aliyeva", "Mehriban Əliyeva"),
        (MEHRIBAN, "short", "M. Aliyeva", "M.Əliyeva"),
        (
            MEHRIBAN,
            "formal",
            "First Vice-President Mehriban Aliyeva",
            "Birinci vitse-prezident Mehriban Əliyeva",
        ),
        (
            MEHRIBAN,
            "title_of",
            "First Vice-President of Azerbaijan Mehriban Aliyeva",
            "Azərbaycan Birinci vitse-prezidenti Mehriban Əliyeva",
        ),
        (MEHRIBAN, "official", "Mehriban Arif gizi Aliyeva", "Mehriban Arif qızı Əliyeva"),
        (AMIROV, "official", "Vagif Samad oglu Amirov", "Vaqif Səməd oğlu Əmirov"),
        (AMIROV, "short", "V. Amirov", "V.Əmirov"),
        (HASANOVA, "official", "Aygun Rashid gizi Hasanova", "Aygün Rəşid qızı Həsənova"),
        (HASANOVA, "sort", "Hasanova, Aygun", "Həsənova, Aygün"),
    ],
)
def test_styles(person: Person, style: str, en: str, az: str) -> None:
    assert format_name(person, style, lang="en", on=ON, library=LIBRARY) == en
    assert format_name(person, style, lang="az", on=ON, library=LIBRARY) == az


def test_formal_uses_the_position_held_on_the_day() -> None:
    assert format_name(HEYDAR, "formal", lang="az", on=dt.date(1998, 1, 1)) == (
        "Prezident Heydər Əliyev"
    )
    assert format_name(NAZARBAYEV, "formal", lang="en", on=dt.date(2020, 1, 1)) == (
        "Nursultan Nazarbayev"
    )


def test_title_of_needs_a_library() -> None:
    with pytest.raises(ValueError, match="needs library= to look up 'azerbaijan'"):
        format_name(ILHAM, "title_of", lang="en", on=ON)


def test_title_of_organisation_uses_its_abbreviation() -> None:
    person = Person(
        id="sg",
        given={"en": "Dusen", "az": "Düsen"},
        family={"en": "Kaseinov", "az": "Kaseinov"},
        positions=[
            {
                "title": {"en": "Secretary General", "az": "Baş katib"},
                "organization": "turksoy",
                "start": "2008",
            }
        ],
    )
    assert format_name(person, "title_of", lang="en", on=ON, library=LIBRARY) == (
        "Secretary General of TURKSOY Dusen Kaseinov"
    )
    assert format_name(person, "title_of", lang="az", on=ON, library=LIBRARY) == (
        "TÜRKSOY Baş katibi Düsen Kaseinov"
    )


# ---------------------------------------------------------------------------
# grammatical case

CASE_TABLE = [
    (ILHAM, "full", ["İlham Əliyevin", "İlham Əliyevə", "İlham Əliyevi", "İlham Əliyevdə",
                     "İlham Əliyevdən", "İlham Əliyevlə"]),
    (ILHAM, "short", ["İ.Əliyevin", "İ.Əliyevə", "İ.Əliyevi", "İ.Əliyevdə", "İ.Əliyevdən",
                      "İ.Əliyevlə"]),
    (NAZARBAYEV, "full", ["Nursultan Nazarbayevin", "Nursultan Nazarbayevə",
                          "Nursultan Nazarbayevi", "Nursultan Nazarbayevdə",
                          "Nursultan Nazarbayevdən", "Nursultan Nazarbayevlə"]),
    (MEHRIBAN, "full", ["Mehriban Əliyevanın", "Mehriban Əliyevaya", "Mehriban Əliyevanı",
                        "Mehriban Əliyevada", "Mehriban Əliyevadan", "Mehriban Əliyevayla"]),
    (ISABAYEV, "full", ["Beybit İsabayevin", "Beybit İsabayevə", "Beybit İsabayevi",
                        "Beybit İsabayevdə", "Beybit İsabayevdən", "Beybit İsabayevlə"]),
    (HASANOVA, "official", ["Aygün Rəşid qızı Həsənovanın", "Aygün Rəşid qızı Həsənovaya",
                            "Aygün Rəşid qızı Həsənovanı", "Aygün Rəşid qızı Həsənovada",
                            "Aygün Rəşid qızı Həsənovadan", "Aygün Rəşid qızı Həsənovayla"]),
    (ILHAM, "formal", ["Prezident İlham Əliyevin", "Prezident İlham Əliyevə",
                       "Prezident İlham Əliyevi", "Prezident İlham Əliyevdə",
                       "Prezident İlham Əliyevdən", "Prezident İlham Əliyevlə"]),
]  # fmt: skip


@pytest.mark.parametrize(("person", "style", "forms"), CASE_TABLE)
def test_six_cases(person: Person, style: str, forms: list[str]) -> None:
    cases = AZ_CASES[1:]
    got = [format_name(person, style, lang="az", case=c, on=ON) for c in cases]
    assert got == forms


@pytest.mark.parametrize(
    ("family", "genitive", "dative"),
    [
        ("Əliyev", "Əliyevin", "Əliyevə"),
        ("Quliyev", "Quliyevin", "Quliyevə"),
        ("Məmmədov", "Məmmədovun", "Məmmədova"),
        ("Tokayev", "Tokayevin", "Tokayevə"),
        ("Ərdoğan", "Ərdoğanın", "Ərdoğana"),
        ("Putin", "Putinin", "Putinə"),
        ("Köçərli", "Köçərlinin", "Köçərliyə"),
        ("Şahbazov", "Şahbazovun", "Şahbazova"),
        ("Hüseynzadə", "Hüseynzadənin", "Hüseynzadəyə"),
        ("Mirzoyev", "Mirzoyevin", "Mirzoyevə"),
        ("Türküstanlı", "Türküstanlının", "Türküstanlıya"),
        ("Nəsirli", "Nəsirlinin", "Nəsirliyə"),
        ("Macron", "Macronun", "Macrona"),
        ("Bülbül", "Bülbülün", "Bülbülə"),
    ],
)
def test_case_on_many_surnames(family: str, genitive: str, dative: str) -> None:
    person = Person(id="p", given={"az": "Anar"}, family={"az": family})
    assert format_name(person, lang="az", case="genitive") == f"Anar {genitive}"
    assert format_name(person, "short", lang="az", case="dative") == f"A.{dative}"


def test_overrides_win() -> None:
    person = Person(
        id="p",
        given={"az": "Fuad", "en": "Fuad"},
        family={"az": "Ələkbərov", "en": "Alakbarov"},
        inflections={"genitive": "Ələkbərovun", "dative": "Fuad Ələkbərova"},
    )
    assert format_name(person, lang="az", case="genitive") == "Fuad Ələkbərovun"
    assert format_name(person, "short", lang="az", case="dative") == "F.Ələkbərova"
    assert format_name(person, lang="az", case="locative") == "Fuad Ələkbərovda"


@pytest.mark.parametrize(
    ("family", "expected"),
    [
        ("Aliyev", "Ilham Aliyev's"),
        ("Jones", "Ilham Jones's"),
        ("Nazarbayev", "Ilham Nazarbayev's"),
    ],
)
def test_english_possessive(family: str, expected: str) -> None:
    person = Person(id="p", given={"en": "Ilham"}, family={"en": family})
    assert format_name(person, lang="en", case="possessive") == expected


@pytest.mark.parametrize(
    ("lang", "case", "message"),
    [
        (
            "az",
            "vocative",
            "unknown case 'vocative' for lang 'az'; accepted: 'nominative', 'genitive'",
        ),
        ("az", "possessive", "use 'genitive' for Azerbaijani"),
        (
            "en",
            "genitive",
            r"Azerbaijani cases apply with lang='az'\); accepted: 'nominative', 'possessive'",
        ),
        ("en", "Dative", "unknown case 'Dative'"),
    ],
)
def test_unknown_cases(lang: str, case: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        format_name(ILHAM, lang=lang, case=case)


@pytest.mark.parametrize("style", ["sort", "initials"])
def test_case_does_not_apply_to_list_styles(style: str) -> None:
    with pytest.raises(ValueError, match=f"style '{style}' does not take a grammatical case"):
        format_name(ILHAM, style, lang="az", case="genitive")
    assert format_name(ILHAM, style, lang="az", case="nominative") == format_name(
        ILHAM, style, lang="az"
    )


def test_case_accepts_the_az_enum() -> None:
    from diplolib.az import Case

    assert format_name(ILHAM, lang="az", case=Case.DATIVE) == "İlham Əliyevə"  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# initials-only names and missing languages


@pytest.mark.parametrize(
    ("given", "family", "style", "expected"),
    [
        ("V.", "Əmirov", "short", "V.Əmirov"),
        ("V.", "Əmirov", "full", "V. Əmirov"),
        ("V.", "Əmirov", "initials", "V.Ə."),
        ("A. B.", "Həsənov", "short", "A.B.Həsənov"),
        ("Əli Heydər", "Həsənov", "short", "Ə.H.Həsənov"),
        ("Jean-Pierre", "Dubois", "short", "J.-P.Dubois"),
        ("ilqar", "məmmədov", "initials", "İ.M."),
    ],
)
def test_initials(given: str, family: str, style: str, expected: str) -> None:
    person = Person(id="p", given={"az": given}, family={"az": family})
    assert format_name(person, style, lang="az") == expected


def test_only_initials() -> None:
    person = Person(id="p", given={"az": "Ə.", "en": "A."}, family={"az": "M.", "en": "M."})
    assert format_name(person, lang="az") == "Ə. M."
    assert format_name(person, "short", lang="az") == "Ə.M."
    assert format_name(person, "initials", lang="az") == "Ə.M."
    assert format_name(person, "short", lang="az", case="genitive") == "Ə.M.-in"
    assert format_name(person, lang="az", case="instrumental") == "Ə. M. ilə"
    assert format_name(person, "short", lang="en", case="possessive") == "A. M.'s"


def test_given_name_only() -> None:
    person = Person(id="p", given={"en": "Heydar", "az": "Heydər"})
    assert [format_name(person, s, lang="az") for s in NAME_STYLES] == [
        "Heydər", "Heydər", "Heydər", "Heydər", "Heydər", "Heydər", "H.",
    ]  # fmt: skip
    assert format_name(person, lang="az", case="dative") == "Heydərə"


def test_az_to_en_is_romanised_and_marked() -> None:
    resolved = resolve_name(AMIROV, lang="en")
    assert resolved.value == "Vagif Amirov"
    assert resolved.derived == "romanized"
    assert resolve_name(AMIROV, lang="en", strict=True).derived == "romanized"
    assert resolve_name(ILHAM, lang="en").derived is None
    assert resolve_name(ILHAM, "official", lang="en").derived == "romanized"


def test_en_to_az_is_never_guessed() -> None:
    person = Person(id="john-kerry", given={"en": "John"}, family={"en": "Kerry"})
    resolved = resolve_name(person, lang="az")
    assert resolved.value == "John Kerry"
    assert resolved.derived == "fallback"
    with pytest.raises(MissingTranslationError, match="no Azerbaijani given name"):
        format_name(person, lang="az", strict=True)
    assert resolve_name(ILHAM, lang="az", strict=True).derived is None


def test_title_missing_in_language() -> None:
    person = Person(
        id="p",
        given={"en": "Anar", "az": "Anar"},
        positions=[{"title": {"en": "Ambassador"}, "start": "2010"}],
    )
    resolved = resolve_name(person, "formal", lang="az", on=ON)
    assert resolved.value == "Ambassador Anar"
    assert resolved.derived == "fallback"
    with pytest.raises(MissingTranslationError, match="no position title in 'az'"):
        format_name(person, "formal", lang="az", on=ON, strict=True)


@pytest.mark.parametrize(
    ("value", "name"), [("Ilham Aliyev", "str"), (None, "NoneType"), (3, "int")]
)
def test_non_person(value: object, name: str) -> None:
    with pytest.raises(TypeError, match=f"takes a Person, not {name}"):
        format_name(value, lang="en")  # type: ignore[arg-type]


def test_unknown_style() -> None:
    with pytest.raises(ValueError, match="unknown name style 'long'; accepted: 'full', 'short'"):
        format_name(ILHAM, "long", lang="en")


NAMES = st.text(alphabet="abcçdeəfgğhxıijkqlmnoöprsştuüvyz", min_size=2, max_size=10).map(
    lambda s: s[0].upper() + s[1:] if s[0] not in "iı" else ("İ" if s[0] == "i" else "I") + s[1:]
)


@given(NAMES, NAMES)
def test_case_keeps_the_name_as_prefix(given_name: str, family: str) -> None:
    person = Person(id="p", given={"az": given_name}, family={"az": family})
    full = format_name(person, lang="az")
    for case in AZ_CASES:
        inflected = format_name(person, lang="az", case=case)
        assert inflected.startswith(full)
        assert len(inflected) - len(full) <= 4


@given(NAMES, NAMES)
def test_sort_style_orders_by_family_name(given_name: str, family: str) -> None:
    person = Person(id="p", given={"az": given_name}, family={"az": family})
    assert format_name(person, "sort", lang="az") == f"{family}, {given_name}"
    assert format_name(person, "short", lang="az").endswith(family)


def test_case_names_are_case_insensitive_and_on_is_checked() -> None:
    assert format_name(ILHAM, case="Genitive", lang="az") == format_name(
        ILHAM, case="genitive", lang="az"
    )
    with pytest.raises(TypeError, match=r"'on' must be a datetime\.date"):
        format_name(ILHAM, "formal", lang="az", on="2010-01-01")  # type: ignore[arg-type]


def test_display_name_agrees_with_format_name() -> None:
    only_az = Person(id="v", given={"az": "Vaqif"}, family={"az": "Əmirov"})
    assert only_az.display_name("en") == format_name(only_az, lang="en") == "Vagif Amirov"
    assert only_az.display_name("az") == "Vaqif Əmirov"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Xarici işlər naziri", "Azərbaycan xarici işlər naziri"),
        ("Müdafiə naziri", "Azərbaycan müdafiə naziri"),
        ("İqtisadiyyat naziri", "Azərbaycan iqtisadiyyat naziri"),
        ("Ədliyyə naziri", "Azərbaycan ədliyyə naziri"),
        ("Səfir", "Azərbaycan səfiri"),
        ("Fövqəladə və səlahiyyətli səfir", "Azərbaycan fövqəladə və səlahiyyətli səfiri"),
        ("Baş nazirin müavini", "Azərbaycan Baş nazirin müavini"),
        ("Ombudsman", "Azərbaycan ombudsmanı"),
        ("Prezidentin köməkçisi", "Azərbaycan Prezidentin köməkçisi"),
        ("Prezident", "Azərbaycan Prezidenti"),
        ("Baş nazir", "Azərbaycan Baş naziri"),
        ("Milli Məclisin sədri", "Azərbaycan Milli Məclisin sədri"),
    ],
)
def test_title_of_lower_cases_a_title_that_no_longer_opens_the_phrase(
    title: str, expected: str
) -> None:
    person = Person(
        id="minister",
        given={"en": "Jeyhun", "az": "Ceyhun"},
        family={"en": "Bayramov", "az": "Bayramov"},
        positions=[
            {"title": {"en": "Minister", "az": title}, "country": "azerbaijan", "start": "1991"}
        ],
    )
    assert format_name(person, "title_of", lang="az", on=ON, library=LIBRARY) == (
        f"{expected} Ceyhun Bayramov"
    )
    assert format_name(person, "formal", lang="az", on=ON) == f"{title} Ceyhun Bayramov"


def test_library_forms_table_reaches_names() -> None:
    from diplolib.az import FormsTable

    person = Person(id="x", given={"az": "Vaqif"}, family={"az": "ARB"})
    table = FormsTable.from_dict({"abbreviations": {"ARB": "ərəb"}})
    library = ContentLibrary(list(LIBRARY), az_forms=table)
    assert format_name(person, lang="az", case="genitive", library=library) == "Vaqif ARB-in"
    assert format_name(person, lang="az", case="genitive") == "Vaqif ARB-nin"
