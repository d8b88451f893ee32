"""Rules an editor checks: abbreviations as spoken, possessive names, k/q at the end of names."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplolib import az
from diplolib.errors import ContentError

CONSONANTS = "bcçdfgğhxjkqlmnprsştvyz"
NAMES = {
    "b": "be", "c": "ce", "ç": "çe", "d": "de", "f": "ef", "g": "ge", "ğ": "ğe", "h": "he",
    "x": "xe", "j": "je", "k": "ka", "q": "qe", "l": "el", "m": "em", "n": "en", "p": "pe",
    "r": "er", "s": "es", "ş": "şe", "t": "te", "v": "ve", "y": "ye", "z": "ze",
}  # fmt: skip
GENITIVE = {"a": "ın", "ı": "ın", "o": "un", "u": "un", "e": "in", "ə": "in", "i": "in",
            "ö": "ün", "ü": "ün"}  # fmt: skip


def genitive_after(spoken: str) -> str:
    vowel = [c for c in spoken if c in GENITIVE][-1]
    return ("n" if spoken[-1] in GENITIVE else "") + GENITIVE[vowel]


# Initialisms: spelled letter by letter, even with a vowel in them; the suffix
# follows the name of the last letter.
SPELLED = [
    ("ARB", "ARB-nin", "ARB-yə"), ("ANS", "ANS-in", "ANS-ə"), ("İTV", "İTV-nin", "İTV-yə"),
    ("ADY", "ADY-nin", "ADY-yə"), ("ƏDV", "ƏDV-nin", "ƏDV-yə"), ("AİB", "AİB-nin", "AİB-yə"),
    ("AŞ", "AŞ-nin", "AŞ-yə"), ("AR", "AR-in", "AR-ə"), ("ATR", "ATR-in", "ATR-ə"),
    ("AXCP", "AXCP-nin", "AXCP-yə"), ("ADNSU", "ADNSU-nun", "ADNSU-ya"),
    ("AİHM", "AİHM-in", "AİHM-ə"), ("BDU", "BDU-nun", "BDU-ya"), ("ATU", "ATU-nun", "ATU-ya"),
    ("ETN", "ETN-in", "ETN-ə"), ("MTN", "MTN-in", "MTN-ə"), ("DTX", "DTX-nin", "DTX-yə"),
    ("KTMT", "KTMT-nin", "KTMT-yə"), ("BMT", "BMT-nin", "BMT-yə"), ("MDB", "MDB-nin", "MDB-yə"),
    ("BTC", "BTC-nin", "BTC-yə"), ("BTQ", "BTQ-nin", "BTQ-yə"), ("CNN", "CNN-in", "CNN-ə"),
    ("HF", "HF-in", "HF-ə"), ("İK", "İK-nın", "İK-ya"), ("ASK", "ASK-nın", "ASK-ya"),
    ("AZƏRTV", "AZƏRTV-nin", "AZƏRTV-yə"), ("ESM", "ESM-in", "ESM-ə"),
    ("DSX", "DSX-nin", "DSX-yə"), ("AAF", "AAF-in", "AAF-ə"), ("İİN", "İİN-in", "İİN-ə"),
    ("ADA", "ADA-nın", "ADA-ya"), ("API", "API-nin", "API-yə"), ("SSRİ", "SSRİ-nin", "SSRİ-yə"),
]  # fmt: skip

# Acronyms said as words: the suffix of that word, after a hyphen.
SAID_AS_WORDS = [
    ("ANAMA", "ANAMA-nın", "ANAMA-ya"), ("TANAP", "TANAP-ın", "TANAP-a"),
    ("TAP", "TAP-ın", "TAP-a"), ("DİM", "DİM-in", "DİM-ə"), ("KİV", "KİV-in", "KİV-ə"),
    ("ŞƏT", "ŞƏT-in", "ŞƏT-ə"), ("KOP", "KOP-un", "KOP-a"), ("TƏBİB", "TƏBİB-in", "TƏBİB-ə"),
    ("NATO", "NATO-nun", "NATO-ya"), ("AŞPA", "AŞPA-nın", "AŞPA-ya"),
    ("UNESKO", "UNESKO-nun", "UNESKO-ya"), ("ATƏT", "ATƏT-in", "ATƏT-ə"),
    ("GUAM", "GUAM-ın", "GUAM-a"), ("SOCAR", "SOCAR-ın", "SOCAR-a"),
    ("AZAL", "AZAL-ın", "AZAL-a"), ("ASAN", "ASAN-ın", "ASAN-a"), ("OPEK", "OPEK-in", "OPEK-ə"),
    ("BRİKS", "BRİKS-in", "BRİKS-ə"), ("TÜRKSOY", "TÜRKSOY-un", "TÜRKSOY-a"),
    ("İRENA", "İRENA-nın", "İRENA-ya"), ("UEFA", "UEFA-nın", "UEFA-ya"),
    ("NASA", "NASA-nın", "NASA-ya"), ("UNEC", "UNEC-in", "UNEC-ə"),
    ("AQTA", "AQTA-nın", "AQTA-ya"), ("SEYSMOLOQ", "SEYSMOLOQUN", "SEYSMOLOQA"),
    ("AzərTAC", "AzərTAC-ın", "AzərTAC-a"), ("İCESCO", "İCESCO-nun", "İCESCO-ya"),
    ("BAKU", "BAKU-nun", "BAKU-ya"), ("MİQ", "MİQ-in", "MİQ-ə"), ("TAXOS", "TAXOS-un", "TAXOS-a"),
]  # fmt: skip


@pytest.mark.parametrize(("token", "genitive", "dative"), SPELLED + SAID_AS_WORDS)
def test_abbreviations_follow_how_they_are_spoken(token: str, genitive: str, dative: str) -> None:
    assert az.inflect(token, "genitive") == genitive
    assert az.inflect(token, "dative") == dative


@pytest.mark.parametrize(("token", "genitive", "dative"), SPELLED)
def test_spelled_abbreviations_follow_the_last_letter_name(
    token: str, genitive: str, dative: str
) -> None:
    last = az.lower(token)[-1]
    if last == "ı" and "İ" not in token:
        last = "i"  # a capital I without İ is a foreign i: API
    spoken = NAMES.get(last, last)
    assert az.spoken_form(token) == spoken
    assert genitive == f"{token}-{genitive_after(spoken)}"


@given(st.text(alphabet=CONSONANTS, min_size=1, max_size=5))
def test_any_initialism_without_a_vowel_follows_its_last_letter(letters: str) -> None:
    token = az.upper(letters)
    assert az.inflect(token, "genitive") == f"{token}-{genitive_after(NAMES[letters[-1]])}"
    assert "-" in az.inflect(token, "locative")


@given(
    st.sampled_from(CONSONANTS),
    st.sampled_from("aoueəiöü"),  # a capital I without İ is read as a foreign i
    st.sampled_from([c for c in CONSONANTS if c not in "ğ"]),
)
def test_consonant_vowel_consonant_is_said_as_a_word(c1: str, v: str, c2: str) -> None:
    token = az.upper(c1 + v + c2)
    assert az.spoken_form(token) == c1 + v + c2
    # abbreviation=True: a gazetteer name in capitals (KÜR) is otherwise a word.
    assert az.inflect(token, "genitive", abbreviation=True) == f"{token}-{GENITIVE[v]}"


@given(st.sampled_from("aıoueəiö"), st.text(alphabet="bcdfqkmnprstvxz", min_size=2, max_size=2))
def test_vowel_then_two_consonants_is_spelled(v: str, tail: str) -> None:
    token = az.upper(v + tail)
    assert az.spoken_form(token) == NAMES[tail[-1]]


def test_established_exceptions_are_listed_with_their_source() -> None:
    import json

    from diplolib._resources import data_dir

    data = json.loads((data_dir() / "az_forms.json").read_text(encoding="utf-8"))
    assert data["abbreviations"]
    for token, entry in data["abbreviations"].items():
        assert entry["attested"].strip()
        assert "." in entry["attested"]
        assert az.spoken_form(token) == entry["spoken"]
    assert az.inflect("ABŞ", "dative") == "ABŞ-a"
    assert az.inflect("İƏT", "genitive") == "İƏT-in"


@pytest.mark.parametrize(
    "word", ["ANAMA", "TƏBİB", "DOST", "QAT", "AMAS", "ÜMİD", "AGRO", "SEMA", "MİRAS"]
)
def test_unknown_words_in_capitals_take_a_hyphen(word: str) -> None:
    assert az.inflect(word, "dative").startswith(word + "-")
    assert az.inflect(word, "dative", abbreviation=False).startswith(word)
    assert "-" not in az.inflect(word, "dative", abbreviation=False)


@pytest.mark.parametrize(
    ("word", "dative"),
    [("BAKI", "BAKIYA"), ("ŞƏKİ", "ŞƏKİYƏ"), ("QUBA", "QUBAYA"), ("LERİK", "LERİKƏ"),
     ("NAXÇIVAN", "NAXÇIVANA"), ("AZƏRBAYCANIN", "AZƏRBAYCANINA"), ("ŞUŞA", "ŞUŞAYA"),
     ("ƏLİYEV", "ƏLİYEVƏ"), ("BAYRAMOVA", "BAYRAMOVAYA"), ("RƏSULZADƏ", "RƏSULZADƏYƏ"),
     ("QARABAĞ", "QARABAĞA"), ("MOSKVA", "MOSKVAYA"), ("ARDNŞ", "ARDNŞ-yə")],
)  # fmt: skip
def test_known_names_and_long_words_in_capitals_are_words(word: str, dative: str) -> None:
    assert az.inflect(word, "dative") == dative


# -oğlu / -qızı surnames and patronymics: a possessed noun, so the pronominal n.
PATRONYMIC = [
    "Əmiroğlu", "Yusifoğlu", "Hüseynoğlu", "Rəsuloğlu", "Vəziroğlu", "Kərimoğlu", "Əlioğlu",
    "Cavadoğlu", "Bayramoğlu", "Səfəroğlu", "Ağaoğlu", "Zeynaloğlu",
]  # fmt: skip
DAUGHTER = ["Rəhimqızı", "Aygün Rəşid qızı", "Leyla Əli qızı", "Xanımqızı", "Sevda Tahir qızı"]


@pytest.mark.parametrize("name", PATRONYMIC)
def test_oglu_surnames_take_the_pronominal_n(name: str) -> None:
    assert az.inflect(name, "dative") == name + "na"
    assert az.inflect(name, "locative") == name + "nda"
    assert az.inflect(name, "ablative") == name + "ndan"
    assert az.inflect(name, "genitive") == name + "nun"
    assert az.inflect(name, "accusative") == name + "nu"
    assert az.inflect(f"Vaqif {name}", "dative") == f"Vaqif {name}na"


@pytest.mark.parametrize("name", DAUGHTER)
def test_qizi_names_take_the_pronominal_n(name: str) -> None:
    assert az.inflect(name, "dative") == name + "na"
    assert az.inflect(name, "locative") == name + "nda"


# The last word of a compound carries its possessive ending, listed head or not.
COMPOUNDS = [
    ("Xalq Bankı", "Xalq Bankına"), ("Qarabağ Atı", "Qarabağ Atına"),
    ("Dədə Qorqud Dastanı", "Dədə Qorqud Dastanına"), ("Beynəlxalq Bankı", "Beynəlxalq Bankına"),
    ("Kapital Bankı", "Kapital Bankına"), ("Neft Fondu", "Neft Fonduna"),
    ("Novruz Bayramı", "Novruz Bayramına"), ("Abşeron Yolu", "Abşeron Yoluna"),
    ("Türk Şurası", "Türk Şurasına"), ("Azərbaycan Respublikası", "Azərbaycan Respublikasına"),
    ("Qafqaz Albaniyası", "Qafqaz Albaniyasına"), ("Gənclər Sarayı", "Gənclər Sarayına"),
    ("Şəhid Xiyabanı", "Şəhid Xiyabanına"), ("Xəzər Pambığı", "Xəzər Pambığına"),
    ("Zəfər Muzeyi", "Zəfər Muzeyinə"), ("Neft Daşları", "Neft Daşlarına"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "dative"), COMPOUNDS)
def test_compound_names_take_the_pronominal_n(name: str, dative: str) -> None:
    assert az.inflect(name, "dative") == dative
    assert az.inflect(name, "locative") == dative[:-1] + "d" + dative[-1]


@pytest.mark.parametrize(
    ("name", "dative"),
    [("Nizami Gəncəvi", "Nizami Gəncəviyə"), ("Xaqani Şirvani", "Xaqani Şirvaniyə"),
     ("Cəfər Cabbarlı", "Cəfər Cabbarlıya"), ("Üzeyir Hacıbəyli", "Üzeyir Hacıbəyliyə"),
     ("Qırmızı Körpü", "Qırmızı Körpüyə"), ("Məhəmməd Füzuli", "Məhəmməd Füzuliyə"),
     ("Əli Dəmirçi", "Əli Dəmirçiyə"), ("Mirzə Şəfi Vazeh", "Mirzə Şəfi Vazehə"),
     ("Rəşid Behbudov", "Rəşid Behbudova"), ("Samir Şıxlı", "Samir Şıxlıya")],
)  # fmt: skip
def test_person_names_are_not_possessed(name: str, dative: str) -> None:
    assert az.inflect(name, "dative") == dative


# k/q of a common noun at the end of a name softens; true proper nouns keep it.
SOFTENING = [
    ("Birləşmiş Krallıq", "Birləşmiş Krallığın", "Birləşmiş Krallığa"),
    ("Səfirlik", "Səfirliyin", "Səfirliyə"),
    ("Baş Konsulluq", "Baş Konsulluğun", "Baş Konsulluğa"),
    ("Nazirlik", "Nazirliyin", "Nazirliyə"),
    ("Avropa Birlik", "Avropa Birliyin", "Avropa Birliyə"),
    ("Dövlət Müstəqillik", "Dövlət Müstəqilliyin", "Dövlət Müstəqilliyə"),
    ("Nümayəndəlik", "Nümayəndəliyin", "Nümayəndəliyə"),
    ("Qardaşlıq", "Qardaşlığın", "Qardaşlığa"),
    ("Türk Dünyası Ortaqlıq", "Türk Dünyası Ortaqlığın", "Türk Dünyası Ortaqlığa"),
    ("Sülh Ölkələri Yoldaşlıq", "Sülh Ölkələri Yoldaşlığın", "Sülh Ölkələri Yoldaşlığa"),
    ("Xəzər ortaq", "Xəzər ortağın", "Xəzər ortağa"),
    ("Şərq qapaq", "Şərq qapağın", "Şərq qapağa"),
    ("Xalq bayraq", "Xalq bayrağın", "Xalq bayrağa"),
    ("Gənclik", "Gəncliyin", "Gəncliyə"),
    ("Azərbaycan Gəncliyi Dostluq", "Azərbaycan Gəncliyi Dostluğun", "Azərbaycan Gəncliyi Dostluğa"),
]  # fmt: skip
KEEPING = [
    ("Lerik", "Lerikin", "Lerikə"), ("İraq", "İraqın", "İraqa"), ("Sədərək", "Sədərəkin", "Sədərəkə"),
    ("Bakı Lerik", "Bakı Lerikin", "Bakı Lerikə"), ("Şəmkir Çaylaq", "Şəmkir Çaylaqın", "Şəmkir Çaylaqa"),
    ("Kazbek", "Kazbekin", "Kazbekə"), ("Tofiq", "Tofiqin", "Tofiqə"),
    ("Rafiq Sadıq", "Rafiq Sadıqın", "Rafiq Sadıqa"), ("Astrak", "Astrakın", "Astraka"),
    ("Xalq", "Xalqın", "Xalqa"), ("Beynəlxalq", "Beynəlxalqın", "Beynəlxalqa"),
    ("İttifaq", "İttifaqın", "İttifaqa"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "genitive", "dative"), SOFTENING)
def test_common_nouns_at_the_end_of_names_soften(name: str, genitive: str, dative: str) -> None:
    assert az.inflect(name, "genitive") == genitive
    assert az.inflect(name, "dative") == dative
    assert az.inflect(name, "locative") == name + ("da" if genitive[-2] in "ıu" else "də")


@pytest.mark.parametrize(("name", "genitive", "dative"), KEEPING)
def test_proper_nouns_keep_k_and_q(name: str, genitive: str, dative: str) -> None:
    assert az.inflect(name, "genitive") == genitive
    assert az.inflect(name, "dative") == dative


@given(
    st.sampled_from(["Kral", "Səfir", "Konsul", "Nazir", "Dost", "Qardaş", "Gənc", "Birlik"]),
    st.sampled_from(["genitive", "dative", "accusative"]),
)
def test_lik_nouns_soften_before_any_vowel_suffix(stem: str, case: str) -> None:
    last = [c for c in az.lower(stem) if c in az.VOWELS][-1]
    suffix = {"a": "lıq", "ı": "lıq", "o": "luq", "u": "luq", "ö": "lük", "ü": "lük"}.get(
        last, "lik"
    )
    word = stem + suffix
    form = az.inflect(word, case)
    assert form[len(word) - 1] in "yğ"
    assert az.inflect(word, "locative").startswith(word)


def test_forms_table_settles_abbreviations_words_and_names(tmp_path: Path) -> None:
    file = tmp_path / az.FORMS_FILE
    file.write_text(
        '[abbreviations]\nARB = "ərəb"\n\n[words]\ncapitals = ["SÜLH"]\n\n'
        '[names."Qız Qalası"]\ndative = "Qız Qalasına"\n',
        encoding="utf-8",
    )
    table = az.FormsTable.load(file)
    assert az.inflect("ARB", "genitive", table=table) == "ARB-in"
    assert az.inflect("ARB", "genitive") == "ARB-nin"
    assert az.inflect("SÜLH", "genitive", table=table) == "SÜLHÜN"
    assert az.inflect("SÜLH", "genitive") == "SÜLH-ün"
    assert az.inflect("Qız Qalası", "dative", table=table) == "Qız Qalasına"
    assert bool(table)
    assert not az.FormsTable()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[abbreviations]\nARB = 3\n", "give the spoken form as a string"),
        ('[abbreviations]\nARB = "rb"\n', "has no vowel"),
        ('[names."Bakı"]\nvocative = "x"\n', "unknown case 'vocative'"),
        ("[other]\n", "unknown section"),
        ("[words]\ncapitals = 3\n", "must be a list"),
        ("abbreviations = [\n", "not valid TOML"),
    ],
)
def test_forms_table_errors_name_the_problem(tmp_path: Path, text: str, message: str) -> None:
    file = tmp_path / az.FORMS_FILE
    file.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=message):
        az.FormsTable.load(file)
