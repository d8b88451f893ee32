"""Romanisation: transliteration rules, the gazetteer, the word-level heuristic."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplolib import az
from diplolib._resources import data_dir


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one rule each
        ("Şirvan", "Shirvan"),  # ş → sh
        ("Xırdalan", "Khirdalan"),  # x → kh, ı → i
        ("Qax", "Gakh"),  # q → g
        ("Cəfərov", "Jafarov"),  # c → j, ə → a
        ("Hacıyev", "Hajiyev"),
        ("Çingiz", "Chingiz"),  # ç → ch
        ("Oğuz", "Oghuz"),  # ğ → gh
        ("Gülnarə", "Gulnara"),  # ü → u
        ("Söhrab", "Sohrab"),  # ö → o
        ("Jalə", "Zhala"),  # j → zh
        ("İsmayıl", "Ismayil"),  # İ → I
        ("Ilısu", "Ilisu"),  # capital dotless I → I
        # whole names by rule
        ("Elçin Əmirbəyov", "Elchin Amirbayov"),
        ("Mikayıl Cabbarov", "Mikayil Jabbarov"),
        ("Fətəli Xan", "Fatali Khan"),
        ("Xocavənd", "Khojavand"),
        ("Naxçıvan şəhəri", "Nakhchivan city"),
        # context rules
        ("Hüseynzadə", "Huseynzade"),  # -zadə → -zade
        ("Axundzadə", "Akhundzade"),
        ("Əlimərdan bəy", "Alimardan bey"),  # the title bəy
        # case, digits and punctuation survive
        ("ŞƏKİ", "SHAKI"),
        ("XAÇMAZ-QUBA", "KHACHMAZ-GUBA"),
        ("şəki", "shaki"),
        ("Gəncə, 2024-cü il!", "Ganja, 2024-ju il!"),
        ("«Xəzər» (Xəzər)", "«Khazar» (Khazar)"),
        ("", ""),
        # inflected forms are transliterated, not looked up
        ("Bakıda", "Bakida"),
        # look-alikes are normalised first
        ("\u04d8liyev", "Aliyev"),
    ],
)
def test_rules(text: str, expected: str) -> None:
    assert az.romanize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bakı", "Baku"),
        ("Gəncə", "Ganja"),
        ("Sumqayıt", "Sumgait"),
        ("Mingəçevir", "Mingachevir"),
        ("Şəki", "Shaki"),
        ("Naxçıvan", "Nakhchivan"),
        ("Qəbələ", "Gabala"),
        ("Şamaxı", "Shamakhi"),
        ("Lənkəran", "Lankaran"),
        ("Şuşa", "Shusha"),
        ("Xankəndi", "Khankendi"),
        ("Xocalı", "Khojaly"),
        ("Qarabağ", "Karabakh"),
        ("Xəzər dənizi", "Caspian Sea"),
        ("Azərbaycan", "Azerbaijan"),
        ("Heydər Əliyev", "Heydar Aliyev"),
        ("İlham Əliyev", "Ilham Aliyev"),
        ("Mehriban Əliyeva", "Mehriban Aliyeva"),
        ("Elmar Məmmədyarov", "Elmar Mammadyarov"),
        ("Ceyhun Bayramov", "Jeyhun Bayramov"),
        ("Nizami Gəncəvi", "Nizami Ganjavi"),
        ("Üzeyir Hacıbəyli", "Uzeyir Hajibeyli"),
        ("Hikmət Hacıyev", "Hikmet Hajiyev"),
        ("Lütfi Zadə", "Lotfi Zadeh"),
        ("Rəcəb Tayyib Ərdoğan", "Recep Tayyip Erdoğan"),
        ("Qasım-Jomart Tokayev", "Kassym-Jomart Tokayev"),
        ("ATƏT", "OSCE"),
        ("Heydər Əliyev Mərkəzi", "Heydar Aliyev Center"),
        ("Xarici İşlər Nazirliyi", "Ministry of Foreign Affairs"),
        ("Naxçıvan Muxtar Respublikası", "Nakhchivan Autonomous Republic"),
        ("Şərqi Zəngəzur", "East Zangezur"),
        ("Nyu-York", "New York"),
        ("Cenevrə", "Geneva"),
    ],
)
def test_gazetteer(text: str, expected: str) -> None:
    assert az.romanize(text) == expected


def test_phrases_match_longest_first_and_in_context() -> None:
    assert az.romanize("Xəzər") == "Khazar"  # a name, and a district of Baku
    assert az.romanize("Xəzər dənizi sahilində") == "Caspian Sea sahilinda"
    assert az.romanize("Bakı-Tbilisi-Ceyhan") == "Baku-Tbilisi-Ceyhan"
    assert az.romanize("Bakı,Gəncə") == "Baku,Ganja"
    assert az.romanize("Xəzər\n dənizi") == "Caspian Sea"  # any white space between words
    assert az.romanize("Xəzər-dənizi") == "Khazar-danizi"  # but not another separator


def test_gazetteer_keeps_source_case() -> None:
    assert az.romanize("BAKI") == "BAKU"
    assert az.romanize("bakı") == "baku"
    assert az.romanize("QARABAĞ") == "KARABAKH"


def test_every_gazetteer_entry_matches_itself() -> None:
    entries = az.gazetteer()
    assert len(entries) > 300
    for source, english in entries.items():
        assert az.romanize(source) == english, source


def test_gazetteer_file_is_well_formed() -> None:
    raw = json.loads((data_dir() / "az_gazetteer.json").read_text(encoding="utf-8"))
    assert "Sources" in raw["_about"]
    seen: set[str] = set()
    for section, names in raw.items():
        if section.startswith("_"):
            continue
        for source, english in names.items():
            assert source not in seen, f"{source!r} listed twice"
            seen.add(source)
            assert source == source.strip()
            assert english == english.strip()
            assert az.normalize(source) == source
    for name in ("Ağcabədi", "Zərdab", "Şərur", "Babək", "Xankəndi", "Sumqayıt"):
        assert name in seen


def test_gazetteer_is_read_only() -> None:
    with pytest.raises(TypeError):
        az.gazetteer()["Bakı"] = "Baky"  # type: ignore[index]


@pytest.mark.parametrize(
    "text",
    [
        "Congress of the Caspian states",
        "Council of Europe",
        "Jeyhun Bayramov",  # already romanised: j-only words are left alone
        "Ganja and Khankendi",
        "Expo 2025, Tax Code, next week",
        "Qatar and Iraq",
        "Zürich and Wrocław",  # letters outside the alphabet
        "Москва",
        "The quick brown fox",
    ],
)
def test_non_azerbaijani_text_is_untouched(text: str) -> None:
    assert az.romanize(text) == text


def test_mixed_text() -> None:
    assert az.romanize("Summit in Qəbələ with TÜRKSOY") == "Summit in Gabala with TURKSOY"
    assert az.romanize("President İlham Əliyev's visit") == "President Ilham Aliyev's visit"


def test_assume_az_false_only_touches_marked_words() -> None:
    assert az.romanize("Quba and Gəncə", assume_az=False) == "Quba and Ganja"
    assert az.romanize("Quba and Gəncə") == "Guba and Ganja"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Reads as Azerbaijani: plain ASCII words are romanised too.
        ("Qax, Quba və Qusar", "Gakh, Guba va Gusar"),
        ("Cəfərov Qazaxda", "Jafarov Gazakhda"),
        ("Xəzər dənizi sahilində", "Caspian Sea sahilinda"),
        # Reads as English: only words with Azerbaijani letters change.
        ("Quba carpets", "Quba carpets"),
        ("Summit in Qax and Gəncə", "Summit in Qax and Ganja"),
        ("Xi Jinping visits Bakı", "Xi Jinping visits Baku"),
        ("Heydər Əliyev's legacy in Quba", "Heydar Aliyev's legacy in Quba"),
        ("", ""),
    ],
)
def test_assume_az_none_decides_from_the_text(text: str, expected: str) -> None:
    assert az.romanize(text, assume_az=None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("COP29 Bakıda", "COP29 Bakida"),
        ("CNN və BBC", "CNN va BBC"),
        ("QUBA XALÇALARI", "GUBA KHALCHALARI"),  # words in capitals are still words
    ],
)
def test_abbreviations_in_capitals_keep_their_letters(text: str, expected: str) -> None:
    assert az.romanize(text) == expected


def test_names_take_precedence() -> None:
    assert az.romanize("Hikmət Hacıyev", names={"Hikmət Hacıyev": "Hikmat Hajiyev"}) == (
        "Hikmat Hajiyev"
    )
    assert az.romanize("Elçin və Bakı", names={"Elçin": "Elchin"}) == "Elchin va Baku"


def test_rules_only() -> None:
    assert az.romanize("Bakı", use_gazetteer=False) == "Baki"
    assert az.romanize("Bakı", use_gazetteer=False, names={"Bakı": "Baku"}) == "Baku"


def test_non_str() -> None:
    with pytest.raises(TypeError, match="romanize\\(\\) takes a str"):
        az.romanize(None)  # type: ignore[arg-type]


def test_output_of_azerbaijani_words_is_ascii() -> None:
    for source in az.gazetteer():
        assert az.romanize(source, use_gazetteer=False).replace("–", "-").isascii(), source


azerbaijani = st.text(alphabet=az.ALPHABET + az.UPPER_ALPHABET + " -,.", max_size=40)


@given(azerbaijani)
def test_rules_are_idempotent(text: str) -> None:
    once = az.romanize(text, use_gazetteer=False)
    assert az.romanize(once, use_gazetteer=False) == once


@pytest.mark.parametrize(
    "source", ["Bakı", "Qəbələ, Şəki və Qax", "Rəcəb Tayyib Ərdoğan", "Türkiyə"]
)
def test_romanising_twice_changes_nothing(source: str) -> None:
    once = az.romanize(source)
    assert az.romanize(once) == once


@pytest.mark.parametrize(
    ("az_text", "english"),
    [
        ("İlham Heydər oğlu Əliyev", "Ilham Heydar oglu Aliyev"),
        ("Mehriban Arif qızı Əliyeva", "Mehriban Arif gizi Aliyeva"),
        ("Vaqif Səməd oğlu", "Vagif Samad oglu"),
        ("Oğuz", "Oghuz"),  # only the patronymic words take the customary short form
    ],
)
def test_patronymic_words_use_the_customary_english_form(az_text: str, english: str) -> None:
    assert az.romanize(az_text) == english


@pytest.mark.parametrize("names", [{"Elçin": 5}, {5: "Elchin"}, {"": "x"}, ["Elçin"]])
def test_names_must_map_strings_to_strings(names: object) -> None:
    with pytest.raises(TypeError, match="names"):
        az.romanize("Elçin", names=names)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("source", "english"),
    [
        ("Laçın dəhlizi", "Lachin corridor"),
        ("Zəngəzur dəhlizi", "Zangezur corridor"),
        ("Kür çayı", "Kura River"),
        ("Araz çayı", "Aras River"),
        ("Göygöl gölü", "Goygol Lake"),
        ("Qəbələ rayonu", "Gabala District"),
        ("Şuşa şəhəri", "Shusha city"),
        ("Bakı–Tbilisi–Qars dəmir yolu", "Baku–Tbilisi–Kars railway"),
        ("Bakı-Tbilisi-Ceyhan boru kəməri", "Baku-Tbilisi-Ceyhan pipeline"),
        ("Abşeron Yarımadası", "Absheron Peninsula"),
        ("Naxçıvan Dəhlizi", "Nakhchivan Corridor"),
        ("Qarabağ Universiteti", "Karabakh University"),
        ("Nizami küçəsi", "Nizami Street"),
        ("Azadlıq meydanı", "Azadlig Square"),
        ("Şuşa qalası", "Shusha fortress"),
    ],
)
def test_common_nouns_after_a_name_are_english(source: str, english: str) -> None:
    assert az.romanize(source) == english


@pytest.mark.parametrize(
    "source", ["dəhlizi açıldı", "çayı içdi", "yeni rayonu", "bu limanı gördük"]
)
def test_common_nouns_not_after_a_name_are_transliterated(source: str) -> None:
    assert az.romanize(source) == az.romanize(source, use_gazetteer=False)


@pytest.mark.parametrize(
    ("source", "english"),
    [
        ("Mübariz İbrahimov", "Mubariz Ibrahimov"),
        ("Polad Bülbüloğlu", "Polad Bulbuloglu"),
        ("Bəxtiyar Vahabzadə", "Bakhtiyar Vahabzade"),
        ("Vaqif Mustafazadə", "Vagif Mustafazadeh"),
        ("Məhəmməd Füzuli", "Muhammad Fuzuli"),
        ("Şirvanşahlar sarayı", "Palace of the Shirvanshahs"),
        ("Alov qüllələri", "Flame Towers"),
        ("Heydər Əliyev adına Beynəlxalq Hava Limanı", "Heydar Aliyev International Airport"),
        ("Bakı Ali Neft Məktəbi", "Baku Higher Oil School"),
        ("Azərbaycan Diplomatik Akademiyası", "Azerbaijan Diplomatic Academy"),
        ("Azərbaycan Hava Yolları", "Azerbaijan Airlines"),
    ],
)
def test_established_forms_from_named_sources(source: str, english: str) -> None:
    assert az.romanize(source) == english


def test_gazetteer_names_its_sources() -> None:
    import json

    from diplolib._resources import data_dir

    about = json.loads((data_dir() / "az_gazetteer.json").read_text(encoding="utf-8"))["_about"]
    for source in ("president.az", "mfa.gov.az", "azertag.az", "common_nouns"):
        assert source in about


@pytest.mark.parametrize(
    ("source", "english"),
    [("QUBADA", "GUBADA"), ("QAXDA", "GAKHDA"), ("SOCAR", "SOCAR"), ("CNN", "CNN"), ("COP", "COP")],
)
def test_words_in_capitals_are_romanised_unless_abbreviations(source: str, english: str) -> None:
    assert az.romanize(source) == english
