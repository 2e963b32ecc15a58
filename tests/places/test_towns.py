import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.utils import translation

from places.forms import PostalCodeField
from places.models import PostalCode, Town
from places.selectors import place_lookup, postal_code_label, town_search

pytestmark = pytest.mark.django_db


class PlaceForm(forms.Form):
    place = PostalCodeField()


def test_towns_are_loaded_from_geonames_with_names_in_other_scripts():
    assert Town.objects.count() > 10000
    hannover = Town.objects.get(name="Hannover", state="NI")
    assert hannover.names["ru"] == "Ганновер"
    assert hannover.names["ar"] == "هانوفر"
    assert hannover.postal_codes.filter(code="30159").exists()
    assert PostalCode.objects.get(code="31535").town.name == "Neustadt am Rübenberge"


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("de", "31535 Neustadt am Rübenberge"),
        ("tr", "31535 Neustadt am Rübenberge"),
        ("ru", "31535 Нойштадт-ам-Рюбенберге"),
        ("ar", "31535 نويشتات آم روبنبرغه"),
        ("fa", "31535 نوی\u200cاشتات آم روبنبرگه"),
    ],
)
def test_a_place_shows_with_its_town_in_the_readers_script(language, label):
    assert postal_code_label(postal_code="31535", language=language) == label


def test_a_place_without_a_known_town_shows_its_bare_code():
    assert postal_code_label(postal_code="99999") == "99999"
    assert postal_code_label(postal_code="") == ""


def test_the_place_label_filter_names_the_town_in_the_active_language_and_costs_no_query(django_assert_num_queries):
    template = Template(
        '{% load places %}{% for code in codes %}{{ code|place_label }};{% endfor %}{{ one|place_label:"full" }}'
    )
    postal_code_label(postal_code="30159")  # the table is read once per process

    with translation.override("uk"), django_assert_num_queries(0):
        html = template.render(Context({"codes": ["30159", "49074"] * 25, "one": "30159"}))

    assert html.startswith("30159 Ганновер;49074 Оснабрюк;")
    assert html.endswith("30159 Ганновер (Hannover)")


@pytest.mark.parametrize(
    ("typed", "postal_code"),
    [
        ("Hannover", "30159"),
        ("hannover", "30159"),
        ("Ганновер", "30159"),
        ("هانوفر", "30159"),
        ("Osnabrueck", "49074"),
        ("Neustadt am Rübenberge", "31535"),
        ("31535 Neustadt am Rübenberge", "31535"),
        (" 31535 ", "31535"),
        ("Emden", "26721"),
    ],
)
def test_a_place_field_takes_a_town_name_or_a_postal_code(typed, postal_code):
    form = PlaceForm({"place": typed})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["place"] == postal_code


def test_a_name_several_towns_share_offers_them_to_choose_from():
    form = PlaceForm({"place": "Neustadt"})

    assert not form.is_valid()
    assert form.errors.as_data()["place"][0].code == "ambiguous_place"
    html = str(form["place"])
    assert 'type="radio" name="place_choice"' in html
    assert 'value="31535"' in html and "31535 Neustadt am Rübenberge" in html
    # Lower Saxony's Neustadt comes first.
    assert html.index("31535") < html.index("67433")

    chosen = PlaceForm({"place": "Neustadt", "place_choice": "67433"})
    assert chosen.is_valid()
    assert chosen.cleaned_data["place"] == "67433"


def test_an_unknown_town_is_a_clear_error():
    with pytest.raises(ValidationError) as error:
        PostalCodeField().clean("Xyzzyhausen")

    assert error.value.error_list[0].code == "unknown_place"


def test_a_saved_postal_code_shows_with_its_town_in_the_field():
    form = PlaceForm(initial={"place": "30159"})

    assert 'value="30159 Hannover"' in str(form["place"])


def test_a_town_search_ranks_exact_names_before_those_it_begins():
    labels = [choice.label for choice in town_search(text="Hann")]

    assert labels[:2] == ["30159 Hannover", "34346 Hannoversch Münden"]
    assert place_lookup(text="Hann").choices
