import pytest

from places.forms import PostalCodeField, PostalCodeListField
from places.geo import distance_km
from places.models import PostalCode

pytestmark = pytest.mark.django_db


def test_every_german_postal_code_is_loaded_with_coordinates():
    assert PostalCode.objects.count() > 8000
    hannover = PostalCode.objects.get(code="30159")
    assert 52.3 < hannover.latitude < 52.4
    assert 9.7 < hannover.longitude < 9.8


def test_distance_between_hannover_and_osnabrueck_is_about_115_km():
    assert 105 < distance_km("30159", "49074") < 125


def test_distance_to_an_unknown_postal_code_is_unknown():
    assert distance_km("30159", "00000") is None


@pytest.mark.parametrize(
    ("value", "message"),
    [("99999", "99999"), ("3015", "fünf Ziffern"), ("", "Dieses Feld ist zwingend")],
)
def test_unknown_or_malformed_postal_code_is_a_clear_form_error(value, message):
    field = PostalCodeField()

    with pytest.raises(Exception) as error:
        field.clean(value)

    assert message in " ".join(error.value.messages)


def test_postal_code_field_accepts_a_known_code_with_spaces_around():
    assert PostalCodeField().clean(" 31535 ") == "31535"


def test_postal_code_list_names_each_unknown_code():
    field = PostalCodeListField()

    with pytest.raises(Exception) as error:
        field.clean("27472, 99999\n00001")

    messages = " ".join(error.value.messages)
    assert "99999" in messages and "00001" in messages
    assert field.clean("27472, 27474;27476") == ["27472", "27474", "27476"]
