"""Forms of the employer pages; the rules behind them live in employers.services."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from applications.models import ApplicationEvent, ApplicationStatus
from common.vocabulary import SPOKEN_LANGUAGES, GermanLevel
from occupations.forms import OccupationChoiceField
from occupations.models import Occupation
from places.forms import PostalCodeField, PostalCodeListField
from portal.models import DRIVING_LICENCE_CLASSES

from .models import CompanySize, Organisation, Sector, Vacancy, VacancyKind
from .offer_vocabulary import BringItem, WorkingTime, task_choices
from .services import vacancy_open_until_error

HOURS_ERROR = _("Please enter between 1 and 48 hours a week.")
DURATION_ERROR = _("Please enter a duration between 1 and 156 weeks.")

# What the employer offers besides the work itself; each is a yes/no field of the vacancy.
SUPPORT_CHOICES = [
    ("support_language", _("Language support at work")),
    ("support_mentor", _("An in-company mentor")),
    ("support_paperwork", _("Help with paperwork")),
    ("support_housing", _("Help finding housing")),
    ("support_childcare", _("Childcare")),
]

# The button an employer presses for each step of an application.
STEP_LABELS = {
    ApplicationStatus.SEEN: _("Mark as seen"),
    ApplicationStatus.INVITED: _("Invite"),
    ApplicationStatus.AGREED: _("Agree on a trial or internship"),
    ApplicationStatus.HIRED: _("Hire"),
    ApplicationStatus.DECLINED: _("Decline"),
}


# Left open, the service decides: a job in a regulated occupation needs a recognised qualification.
RECOGNITION_CHOICES = [
    ("", _("As the occupation requires: a job in a regulated occupation such as nurse or educator needs it")),
    ("True", _("Yes, a recognised qualification is needed")),
    ("False", _("No, a recognised qualification is not needed")),
]


def _optional_yes_no(value: str) -> bool | None:
    return {"True": True, "False": False}.get(value)


class DateInput(forms.DateInput):
    """The browser's date picker; the value travels as YYYY-MM-DD whatever the page's language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class FieldsetsMixin:
    """Groups the fields under legends: `fieldsets` lists (legend, [field names])."""

    fieldsets: list[tuple] = []

    def grouped_fields(self) -> list[dict]:
        return [{"legend": legend, "fields": [self[name] for name in names]} for legend, names in self.fieldsets]


class OrganisationProfileForm(FieldsetsMixin, forms.Form):
    name = forms.CharField(label=_("Name of the organisation"), max_length=200)
    sector = forms.ChoiceField(label=_("Sector"), choices=[("", _("Not stated")), *Sector.choices], required=False)
    size = forms.ChoiceField(
        label=_("Number of employees"), choices=[("", _("Not stated")), *CompanySize.choices], required=False
    )
    locations = PostalCodeListField(
        label=_("Postal codes of your locations"),
        required=False,
        help_text=_("The places where people work, separated by commas or spaces, for example 30159, 38100."),
    )
    about = forms.CharField(
        label=_("About the organisation"),
        max_length=Organisation._meta.get_field("about").max_length,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
    )
    best_practice_story = forms.CharField(
        label=_("Best-practice story"),
        max_length=Organisation._meta.get_field("best_practice_story").max_length,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
        help_text=_(
            "What works well for you when bringing refugees into work, for example a training centre where "
            "interested people can try the trade."
        ),
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=120, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    contact_phone = forms.CharField(
        label=_("Contact phone"), max_length=40, required=False, widget=forms.TextInput(attrs={"type": "tel"})
    )

    fieldsets = [
        (_("Your organisation"), ["name", "sector", "size", "locations"]),
        (_("What you tell candidates"), ["about", "best_practice_story"]),
        (_("Contact (shown on your public page)"), ["contact_name", "contact_email", "contact_phone"]),
    ]

    @classmethod
    def initial_from(cls, organisation: Organisation) -> dict:
        return {name: getattr(organisation, name) for name in cls.base_fields}


class StaffInviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of your colleague"))
    language = forms.ChoiceField(
        label=_("Language of the invitation"),
        choices=settings.LANGUAGES,
        help_text=_("Your colleague receives the invitation in this language."),
    )

    def clean_email(self):
        # Whether the address has an account is not checked here: the answer must not tell.
        return self.cleaned_data["email"].strip().lower()


class VacancyForm(FieldsetsMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind of offer"), choices=VacancyKind.choices, widget=forms.RadioSelect)
    title = forms.CharField(
        label=_("Title"),
        max_length=Vacancy._meta.get_field("title").max_length,
        widget=forms.TextInput(attrs={"dir": "auto"}),
        help_text=_("For example: Painter (m/f/d) or Internship in the kitchen."),
    )
    occupation = OccupationChoiceField(
        label=_("Occupation"), help_text=_("Candidates find the offer in their own language through the occupation.")
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=Vacancy._meta.get_field("description").max_length,
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
        help_text=_("In any language; simple German helps many candidates."),
    )
    german_level_required = forms.ChoiceField(
        label=_("German level needed"),
        choices=GermanLevel.choices,
        help_text=_("On the European scale: A1 is the beginning, C2 is almost like a native speaker."),
    )
    useful_languages = forms.MultipleChoiceField(
        label=_("Other useful languages"),
        choices=SPOKEN_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Languages spoken in your team or with your customers."),
    )
    driving_licences_required = forms.MultipleChoiceField(
        label=_("Driving licence needed"),
        choices=[(licence, licence) for licence in DRIVING_LICENCE_CLASSES],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Tick only what the work itself needs, for example C or CE to drive a lorry. Class B is the licence "
            "for cars. Leave empty if no driving licence is needed."
        ),
    )
    recognition_required = forms.TypedChoiceField(
        label=_("Recognised qualification needed"),
        choices=RECOGNITION_CHOICES,
        coerce=_optional_yes_no,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "In a regulated occupation a qualification from abroad must be recognised in Germany before the "
            "person may work in it."
        ),
    )
    postal_code = PostalCodeField(label=_("Postal code of the workplace"))
    hours_per_week = forms.IntegerField(
        label=_("Hours per week"),
        min_value=1,
        max_value=48,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"min_value": HOURS_ERROR, "max_value": HOURS_ERROR},
    )
    shift_work = forms.BooleanField(label=_("Shift work"), required=False)
    start_date = forms.DateField(
        label=_("Start date"), required=False, widget=DateInput(), help_text=_("Empty means as soon as possible.")
    )
    duration_weeks = forms.IntegerField(
        label=_("Duration in weeks"),
        min_value=1,
        max_value=156,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"min_value": DURATION_ERROR, "max_value": DURATION_ERROR},
        help_text=_("Needed for internships, job shadowing, work trials and EQ."),
    )
    expires_on = forms.DateField(
        label=_("Open until"),
        required=False,
        widget=DateInput(),
        help_text=_("After this day the offer closes by itself. Empty means until you close it."),
    )
    is_paid = forms.BooleanField(label=_("The offer is paid"), required=False, initial=True)
    support = forms.MultipleChoiceField(
        label=_("Support you offer"),
        choices=SUPPORT_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    summary_simple_german = forms.CharField(
        label=_("Short summary in simple German"),
        max_length=600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "lang": "de"}),
        help_text=_(
            "Three to five short sentences: what the person does, when and where. One statement per sentence, "
            "no abbreviations, no technical terms. Example: „Sie packen Pakete. Sie arbeiten von 6 bis 14 Uhr.“"
        ),
    )
    tasks = forms.MultipleChoiceField(
        label=_("Tasks"),
        choices=task_choices(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Candidates see these in their own language."),
    )
    working_times = forms.MultipleChoiceField(
        label=_("Working times"), choices=WorkingTime.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    what_to_bring = forms.MultipleChoiceField(
        label=_("What to bring"), choices=BringItem.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    contact_person = forms.CharField(label=_("Who to contact"), max_length=120, required=False)
    contact_phone = forms.CharField(
        label=_("Phone number for questions"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )

    fieldsets = [
        (_("What you offer"), ["kind", "title", "occupation", "summary_simple_german", "description"]),
        (_("Tasks and times"), ["tasks", "working_times", "what_to_bring"]),
        (_("Who to contact"), ["contact_person", "contact_phone"]),
        (_("Languages"), ["german_level_required", "useful_languages"]),
        (_("Licence and recognition"), ["driving_licences_required", "recognition_required"]),
        (_("Place and time"), ["postal_code", "hours_per_week", "shift_work", "start_date", "duration_weeks"]),
        (_("Pay and support"), ["is_paid", "support"]),
        (_("Publication"), ["expires_on"]),
    ]

    def __init__(self, *args, occupations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if occupations is not None:
            self.fields["occupation"].queryset = occupations
        # The tasks of the occupation's field come first once the occupation is known.
        occupation = str(self.data.get(self.add_prefix("occupation")) or self.initial.get("occupation") or "")
        if occupation.isdigit():
            field_code = Occupation.objects.filter(pk=occupation).values_list("field__code", flat=True).first()
            choices = task_choices(field_code=field_code)
            # Tasks saved earlier stay visible even if the occupation changed since.
            kept = set(self.initial.get("tasks") or []) - {code for code, _label in choices}
            self.fields["tasks"].choices = choices + [choice for choice in task_choices() if choice[0] in kept]

    @classmethod
    def initial_from(cls, vacancy: Vacancy) -> dict:
        initial = {name: getattr(vacancy, name) for name in cls.base_fields if hasattr(vacancy, name)}
        initial["occupation"] = vacancy.occupation_id
        initial["support"] = [flag for flag, _label in SUPPORT_CHOICES if getattr(vacancy, flag)]
        return initial

    def clean_expires_on(self):
        expires_on = self.cleaned_data.get("expires_on")
        if error := vacancy_open_until_error(expires_on):
            raise forms.ValidationError(error)
        return expires_on

    def vacancy_fields(self) -> dict:
        """The cleaned data as the vacancy services take it."""
        data = {name: value for name, value in self.cleaned_data.items() if name != "support"}
        support = set(self.cleaned_data.get("support") or [])
        data.update({flag: flag in support for flag, _label in SUPPORT_CHOICES})
        return data


class ApplicationStepForm(forms.Form):
    """One step of an application: the button pressed names the status, the note is optional."""

    to_status = forms.ChoiceField(label=_("Next step"), choices=())
    note = forms.CharField(
        label=_("Note for the candidate (optional)"),
        max_length=ApplicationEvent._meta.get_field("note").max_length,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        help_text=_("For example the date and place of the interview. The candidate sees it in the history."),
    )

    def __init__(self, *args, next_steps: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = next_steps
        self.fields["to_status"].error_messages["invalid_choice"] = _(
            "This step is not possible for the application any more."
        )
        self.buttons = [(status, STEP_LABELS.get(status, label)) for status, label in next_steps]

    def clean(self):
        # The step is a button, not a field with a place of its own: its error goes on top of the form.
        for error in self._errors.pop("to_status", []):
            self.add_error(None, error)
        return super().clean()


class VacancyUnpublishForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for taking the vacancy offline"),
        max_length=Vacancy._meta.get_field("unpublished_reason").max_length,
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        help_text=_("The employer sees this reason and can change the vacancy and publish it again."),
    )
