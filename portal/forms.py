"""One form per onboarding step; rules that span fields live in portal.services."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.vocabulary import SPOKEN_LANGUAGES, GermanLevel, LanguageLevel, OfferKind
from occupations.forms import OccupationChoiceField
from places.forms import PostalCodeField

from .models import (
    DRIVING_LICENCE_CLASSES,
    CandidateProfile,
    GermanCertificate,
    RecognitionStatus,
    SchoolEducation,
    Transport,
    VocationalEducation,
    WorkPermit,
)
from .services import (
    MAX_YEARS_EXPERIENCE,
    validate_birth_date,
    validate_car_licence,
    validate_certificate,
    validate_earliest_start,
    validate_recognition,
)

NOT_STATED = [("", _("Not stated"))]
YES_NO = [("True", _("Yes")), ("False", _("No"))]


def _yes_no(value: str) -> bool:
    return value == "True"


def _rule(form: forms.Form, field: str, validator, **values) -> None:
    """Shows the error of one of the services' rules next to the field, in the same round as the others."""
    try:
        validator(**values)
    except ValidationError as error:
        form.add_error(field, error)


class ProfileStepForm(forms.Form):
    """A step form starts from what the profile holds."""

    @classmethod
    def initial_from(cls, profile: CandidateProfile) -> dict:
        return {name: getattr(profile, name) for name in cls.base_fields if hasattr(profile, name)}


class LanguagesForm(ProfileStepForm):
    german_level = forms.ChoiceField(
        label=_("How well do you speak German?"),
        choices=GermanLevel.choices,
        widget=forms.RadioSelect,
        help_text=_("A1 is the beginning, C2 is almost like a native speaker."),
    )
    german_certificate = forms.ChoiceField(
        label=_("Do you have a German certificate?"),
        choices=GermanCertificate.choices,
        required=False,
        help_text=_("For example DTZ, telc or Goethe-Institut."),
    )

    def clean(self):
        cleaned_data = super().clean()
        if "german_level" in cleaned_data and "german_certificate" in cleaned_data:
            _rule(
                self,
                "german_certificate",
                validate_certificate,
                german_level=cleaned_data["german_level"],
                german_certificate=cleaned_data["german_certificate"],
            )
        return cleaned_data


class OtherLanguageForm(forms.Form):
    """One row of the list of other languages; an empty row is ignored."""

    language = forms.ChoiceField(choices=[("", "—"), *SPOKEN_LANGUAGES], required=False)
    level = forms.ChoiceField(choices=[("", "—"), *LanguageLevel.choices], required=False)

    def __init__(self, *args, number: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].label = _("Language %(number)s") % {"number": number}
        self.fields["level"].label = _("Level of language %(number)s") % {"number": number}

    def clean(self):
        cleaned_data = super().clean()
        language, level = cleaned_data.get("language"), cleaned_data.get("level")
        if language and not level:
            self.add_error("level", _("Please choose how well you speak this language."))
        if level and not language:
            self.add_error("language", _("Please choose the language, or leave the level empty."))
        return cleaned_data


class BaseOtherLanguageFormSet(forms.BaseFormSet):
    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "number": (index or 0) + 1}

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove language %(number)s") % {"number": (index or 0) + 1}

    def clean(self):
        if any(self.errors):
            return
        seen = set()
        for form in self.forms:
            language = form.cleaned_data.get("language")
            if not language or self._should_delete_form(form):
                continue
            if language in seen:
                form.add_error("language", _("You have listed this language twice."))
            seen.add(language)

    def other_languages(self) -> list[tuple[str, str]]:
        """(language, level) of every filled row that is not marked for removal."""
        return [
            (form.cleaned_data["language"], form.cleaned_data["level"])
            for form in self.forms
            if form.cleaned_data.get("language") and not self._should_delete_form(form)
        ]

    @staticmethod
    def initial_from(profile: CandidateProfile) -> list[dict]:
        return [{"language": row.language, "level": row.level} for row in profile.languages.all()]


# Two empty rows below the saved ones; "Save and add more" brings two new ones without JavaScript.
OtherLanguageFormSet = forms.formset_factory(
    OtherLanguageForm,
    formset=BaseOtherLanguageFormSet,
    extra=2,
    max_num=len(SPOKEN_LANGUAGES),
    validate_max=True,
    can_delete=True,
    can_delete_extra=False,
)


class ExperienceForm(ProfileStepForm):
    occupation = OccupationChoiceField(
        label=_("Occupation"),
        required=False,
        empty_label=_("Choose an occupation"),
        help_text=_("An occupation you have worked in or trained for."),
    )
    years_experience = forms.IntegerField(
        label=_("Years of experience in this occupation"),
        min_value=0,
        max_value=MAX_YEARS_EXPERIENCE,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "min_value": _("Please enter a number of years from 0 to 50."),
            "max_value": _("Please enter a number of years from 0 to 50."),
        },
    )
    school_education = forms.ChoiceField(
        label=_("Your school education"), choices=SchoolEducation.choices, required=False
    )
    vocational_education = forms.ChoiceField(
        label=_("Your vocational training"), choices=VocationalEducation.choices, required=False
    )
    foreign_qualification = forms.CharField(
        label=_("Qualification from abroad"),
        max_length=CandidateProfile._meta.get_field("foreign_qualification").max_length,
        required=False,
        help_text=_("For example: electrician (Syria), nurse (Ukraine)."),
    )
    recognition_status = forms.ChoiceField(
        label=_("Recognition in Germany"),
        choices=[*NOT_STATED, *RecognitionStatus.choices],
        required=False,
    )

    def __init__(self, *args, occupations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if occupations is not None:
            self.fields["occupation"].queryset = occupations

    def clean(self):
        cleaned_data = super().clean()
        if "foreign_qualification" in cleaned_data and "recognition_status" in cleaned_data:
            _rule(
                self,
                "foreign_qualification",
                validate_recognition,
                foreign_qualification=cleaned_data["foreign_qualification"],
                recognition_status=cleaned_data["recognition_status"],
            )
        if cleaned_data.get("occupation") and cleaned_data.get("years_experience") is None:
            if "years_experience" not in self.errors:
                self.add_error("years_experience", _("Please enter your years of experience (0 if you only trained)."))
        return cleaned_data


class WishesForm(ProfileStepForm):
    looking_for = forms.MultipleChoiceField(
        label=_("What are you looking for?"),
        choices=OfferKind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose everything that interests you."),
        error_messages={"required": _("Please choose at least one thing you are looking for.")},
    )
    hours_per_week = forms.IntegerField(
        label=_("How many hours a week can you work or learn?"),
        min_value=1,
        max_value=48,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _("Please enter how many hours a week you can work, from 1 to 48."),
            "min_value": _("Please enter a number of hours from 1 to 48."),
            "max_value": _("Please enter a number of hours from 1 to 48."),
        },
    )
    earliest_start = forms.DateField(
        label=_("When can you start at the earliest?"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leave it empty if you can start right away."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["earliest_start"].widget.attrs["min"] = today.isoformat()

    def clean_earliest_start(self):
        earliest_start = self.cleaned_data["earliest_start"]
        validate_earliest_start(earliest_start=earliest_start)
        return earliest_start


class PlaceForm(ProfileStepForm):
    postal_code = PostalCodeField(
        label=_("Postal code of your home"),
        error_messages={"required": _("Please enter the postal code where you live.")},
    )
    travel_radius_km = forms.IntegerField(
        label=_("How far can you travel to work (km, one way)?"),
        min_value=1,
        max_value=200,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _("Please enter how many kilometres you can travel, from 1 to 200."),
            "min_value": _("Please enter a distance from 1 to 200 km."),
            "max_value": _("Please enter a distance from 1 to 200 km."),
        },
    )
    transport = forms.ChoiceField(
        label=_("How do you travel?"),
        choices=Transport.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose how you travel.")},
    )
    driving_licences = forms.MultipleChoiceField(
        label=_("Which driving-licence classes do you have?"),
        choices=[(licence, licence) for licence in DRIVING_LICENCE_CLASSES],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Leave empty if you have no driving licence. Class B is the licence for cars."),
    )

    def clean(self):
        cleaned_data = super().clean()
        if "transport" in cleaned_data and "driving_licences" in cleaned_data:
            _rule(
                self,
                "driving_licences",
                validate_car_licence,
                transport=cleaned_data["transport"],
                driving_licences=cleaned_data["driving_licences"],
            )
        return cleaned_data


class CircumstancesForm(ProfileStepForm):
    childcare_needed = forms.TypedChoiceField(
        label=_("Do you need childcare to be able to work?"),
        choices=YES_NO,
        coerce=_yes_no,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please answer yes or no.")},
    )
    shift_work_possible = forms.TypedChoiceField(
        label=_("Can you work in shifts (early, late or night)?"),
        choices=YES_NO,
        coerce=_yes_no,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please answer yes or no.")},
    )
    work_permit = forms.ChoiceField(
        label=_("Are you allowed to work in Germany? (optional)"),
        choices=WorkPermit.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("You do not have to answer. Only you can see this answer; employers and mentors cannot."),
    )
    birth_date = forms.DateField(
        label=_("Your date of birth (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "autocomplete": "bday"}, format="%Y-%m-%d"),
        help_text=_(
            "You do not have to answer. We use it only to suggest apprenticeships and courses for future "
            "apprentices (Azubi-BSK) that suit your age. Employers never see your date of birth."
        ),
    )

    def clean_birth_date(self):
        birth_date = self.cleaned_data["birth_date"]
        validate_birth_date(birth_date=birth_date)
        return birth_date

    @classmethod
    def initial_from(cls, profile: CandidateProfile) -> dict:
        initial = super().initial_from(profile)
        for name in ("childcare_needed", "shift_work_possible"):
            initial[name] = "" if initial[name] is None else str(initial[name])
        return initial


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name (optional)"), max_length=120, required=False)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We answer to this address."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"required": _("Please enter your e-mail address, so that we can answer.")},
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("You can write in your own language."),
        error_messages={
            "required": _("Please write your message."),
            "max_length": _("Please keep your message under %(limit_value)d characters."),
        },
    )
