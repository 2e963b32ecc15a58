"""Which catalogue occupation a Jobbörse occupation means; the recorded sample is placed to at least 90 %."""

import pytest

from jobboerse.recorded import load_sample
from jobboerse.selectors import occupation_rules_load
from occupations.models import Occupation

pytestmark = pytest.mark.django_db


@pytest.fixture
def rules():
    return occupation_rules_load()


def _kldb(rules, *texts):
    found = rules.match(*texts)
    return Occupation.objects.get(pk=found).kldb_code if found else None


@pytest.mark.parametrize(
    ("jobboerse", "kldb"),
    [
        ("Fachkraft - Lagerlogistik", "51312"),  # "für" and the dash
        ("Helfer/in - Lagerwirtschaft", "51311"),  # compound: Lagerhelfer/in
        ("Helfer/in - Reinigung", "54101"),  # compound with a joining s: Reinigungshelfer/in
        ("Elektroniker/in - Energie- und Gebäudetechnik", "26212"),  # the longest term wins over Elektroniker/in
        ("Kfz-Mechatroniker/in - PKW-Technik", "25212"),  # more words in the text than in the term
        ("Kaufmann/-frau - Büromanagement", "71402"),
        ("Koch/Köchin", "29302"),
        ("Berufskraftfahrer/in (Güterverkehr/LKW)", "52122"),
        ("Alltagsbegleiter/in", "83141"),  # a synonym
    ],
)
def test_jobboerse_occupation_names_find_their_catalogue_occupation(rules, jobboerse, kldb):
    assert _kldb(rules, jobboerse) == kldb


def test_a_gender_alternative_after_a_dash_is_not_a_second_word(rules):
    # "Zimmermädchen/-mann" must not become "Zimmermann" (a carpenter).
    assert _kldb(rules, "Zimmermädchen/-mann") == "63221"


def test_the_title_is_read_when_the_occupation_says_nothing(rules):
    assert _kldb(rules, "Monteur/in", "Monteur (m/w/d) Fenster und Türen") == "33342"


def test_an_unknown_or_ambiguous_occupation_is_left_to_a_coordinator(rules):
    assert _kldb(rules, "Sozialassistent/in") is None
    assert _kldb(rules, "Produktionshelfer/in") is None  # metal, wood or food: three occupations


def test_at_least_nine_in_ten_recorded_ads_find_a_catalogue_occupation(rules):
    ads = load_sample()
    placed = [ad for ad in ads if rules.match(ad["hauptberuf"], ad["freieBezeichnung"])]
    assert len(ads) >= 150
    assert len(placed) / len(ads) >= 0.9
