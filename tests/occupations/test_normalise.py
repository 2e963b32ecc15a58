import pytest

from occupations.normalise import gender_forms, normalise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tischler/in", "tischler"),
        ("Tischler/-in (m/w/d)", "tischler"),
        ("Tischler*in", "tischler"),
        ("Tischler:innen", "tischler"),
        ("TischlerIn (w/m/d)", "tischler"),
        ("Technische/r Zeichner/in", "technische zeichner"),
        ("Straßenbauer/in", "strassenbauer"),
        ("Möbel-Tischler", "mobel tischler"),
        ("  Koch / Köchin!  ", "koch kochin"),
        ("Kfz-Mechatroniker/in", "kfz mechatroniker"),
    ],
)
def test_german_names_lose_case_umlauts_punctuation_and_gender_endings(text, expected):
    assert normalise(text) == expected


def test_gender_ending_is_only_dropped_after_a_slash_star_or_colon():
    assert normalise("Innenausbau") == "innenausbau"
    assert normalise("Ärztin") == "arztin"
    assert normalise("Medizin") == "medizin"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("نجّار", "نجار"),  # shadda
        ("نَجَّارٌ", "نجار"),  # full tashkeel
        ("نـجـار", "نجار"),  # tatweel
        ("أحمد", "احمد"),
        ("إبراهيم", "ابراهيم"),
        ("آلة", "اله"),  # madda, teh marbuta
        ("ٱلنجار", "النجار"),  # alef wasla
        ("مستشفى", "مستشفي"),  # alef maksura
        ("نجاری", "نجاري"),  # Persian yeh
        ("کارگر", "كارگر"),  # Persian keheh
        ("لوله‌کش", "لوله كش"),  # zero-width non-joiner separates like a space
    ],
)
def test_arabic_and_persian_spellings_become_one(typed, stored):
    assert normalise(typed) == normalise(stored)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kaynakçı", "kaynakci"),
        ("İNŞAAT İŞÇİSİ", "insaat iscisi"),
        ("Çiftçi", "ciftci"),
        ("Сварщик", "сварщик"),
        ("Монтёр пути", "монтер пути"),
        ("Зварювальник", "зварювальник"),
        ("Прибиральниця й", "прибиральниця и"),
        ("М'ясник", "мясник"),
        ("М’ясник", "мясник"),
    ],
)
def test_turkish_and_cyrillic_letters_are_folded_the_same_way_for_query_and_data(text, expected):
    assert normalise(text) == expected


def test_empty_and_punctuation_only_text_normalise_to_nothing():
    assert normalise("") == ""
    assert normalise(" -/- ") == ""


def test_gender_forms_give_the_masculine_and_feminine_spelling():
    assert gender_forms("Tischler/in") == ["Tischler", "Tischlerin"]
    assert gender_forms("Technische/r Zeichner/in") == ["Technischer Zeichner", "Technische Zeichnerin"]
    assert gender_forms("Küchenhilfe") == []
