import re

import pytest
from django import forms
from django.utils import translation

from occupations.forms import OccupationChoiceField, OccupationSearchForm
from occupations.models import Occupation, OccupationField

pytestmark = pytest.mark.django_db


class ExperienceForm(forms.Form):
    # Declared at import time, like every real form: labels must still follow the language at render time.
    occupation = OccupationChoiceField()


def optgroup_labels(html):
    return re.findall(r'<optgroup label="([^"]+)">', html)


def test_the_select_has_one_optgroup_per_field_in_the_active_language():
    with translation.override("uk"):
        html = str(ExperienceForm()["occupation"])

    assert html.startswith("<select")
    assert len(optgroup_labels(html)) == OccupationField.objects.filter(occupations__isnull=False).distinct().count()
    assert "Виробництво та обробка пластмас і деревини" in optgroup_labels(html)
    tischler = Occupation.objects.get(kldb_code="22342")
    assert f'<option value="{tischler.pk}">Столяр</option>' in html
    assert '<option value="" selected>' in html


def test_the_same_form_renders_arabic_names_when_arabic_is_active():
    tischler = Occupation.objects.get(kldb_code="22342")

    with translation.override("ar"):
        html = str(ExperienceForm()["occupation"])

    assert f'<option value="{tischler.pk}">نجار</option>' in html
    assert tischler.field.name("ar") in optgroup_labels(html)


def test_a_chosen_occupation_is_valid_and_kept_selected():
    tischler = Occupation.objects.get(kldb_code="22342")

    form = ExperienceForm({"occupation": str(tischler.pk)})

    assert form.is_valid()
    assert form.cleaned_data["occupation"] == tischler
    with translation.override("de"):
        assert f'<option value="{tischler.pk}" selected>Tischler/in</option>' in str(form["occupation"])


def test_an_unknown_occupation_is_a_translated_error_next_to_the_field():
    with translation.override("de"):
        form = ExperienceForm({"occupation": "999999"})

        assert not form.is_valid()
        assert form.errors["occupation"] == ["Bitte wählen Sie einen Beruf aus der Liste."]


def test_a_restricted_select_offers_only_the_given_occupations_and_accepts_only_them():
    tischler = Occupation.objects.get(kldb_code="22342")
    welder = Occupation.objects.get(kldb_code="24422")
    form = ExperienceForm({"occupation": str(welder.pk)})
    form.fields["occupation"].queryset = Occupation.objects.filter(pk=tischler.pk)

    with translation.override("de"):
        html = str(form["occupation"])

    assert optgroup_labels(html) == [tischler.field.name("de")]
    assert html.count("<option") == 2  # the empty choice and the carpenter
    assert not form.is_valid()


def test_the_search_form_tidies_the_query_and_limits_its_length():
    form = OccupationSearchForm({"q": "  Tischler   in  "})
    assert form.is_valid()
    assert form.cleaned_data["q"] == "Tischler in"
    too_long = OccupationSearchForm({"q": "x" * 101})
    assert not too_long.is_valid()
    assert "q" in too_long.errors
