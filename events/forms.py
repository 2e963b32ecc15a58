"""Forms of the event pages; the rules an event must meet live in events.services."""

from datetime import datetime, time

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from places.forms import PostalCodeField

from .models import EVENT_LANGUAGES, MAX_CAPACITY, Event, EventKind, TargetGroup
from .selectors import job_fair_organisation_choices

CAPACITY_ERROR = _("Please enter a number of places between 1 and 5000.")


class DateInput(forms.DateInput):
    """The browser's date picker; the value travels as YYYY-MM-DD whatever the page's language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class EventForm(forms.Form):
    """An event on one day; the form turns date and times into the moments the service stores."""

    kind = forms.ChoiceField(label=_("Kind of event"), choices=EventKind.choices, widget=forms.RadioSelect)
    title = forms.CharField(
        label=_("Title"),
        max_length=Event._meta.get_field("title").max_length,
        help_text=_("For example: Job fair for women in Hannover."),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=Event._meta.get_field("description").max_length,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What happens, what to bring; in simple German or in several languages."),
    )
    date = forms.DateField(label=_("Date"), widget=DateInput())
    start_time = forms.TimeField(label=_("Starts at"), widget=TimeInput())
    end_time = forms.TimeField(label=_("Ends at"), widget=TimeInput())
    registration_deadline = forms.DateField(
        label=_("Registration closes on"),
        required=False,
        widget=DateInput(),
        help_text=_("At the end of this day. Empty means until the event starts."),
    )
    online = forms.BooleanField(label=_("The event takes place online"), required=False)
    postal_code = PostalCodeField(
        label=_("Postal code of the place"), required=False, help_text=_("Leave empty for an online event.")
    )
    address = forms.CharField(
        label=_("Address"),
        max_length=Event._meta.get_field("address").max_length,
        required=False,
        help_text=_("Street, house number and room, for example: Rathaus, Lange Straße 1, Saal 2."),
    )
    online_url = forms.URLField(
        label=_("Link to the online meeting"),
        max_length=Event._meta.get_field("online_url").max_length,
        required=False,
        assume_scheme="https",
        help_text=_("Only people with a place see it."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=EVENT_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    capacity = forms.IntegerField(
        label=_("Number of places"),
        min_value=1,
        max_value=MAX_CAPACITY,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"min_value": CAPACITY_ERROR, "max_value": CAPACITY_ERROR},
        help_text=_("When all places are taken, people join the waiting list."),
    )
    target_group = forms.ChoiceField(
        label=_("Who the event is for"),
        choices=TargetGroup.choices,
        initial=TargetGroup.EVERYONE,
        widget=forms.RadioSelect,
        help_text=_("People confirm that they belong to the group when they register."),
    )
    childcare = forms.BooleanField(label=_("Childcare is offered"), required=False)
    participating_organisations = forms.ModelMultipleChoiceField(
        label=_("Participating employers"),
        queryset=job_fair_organisation_choices(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Only for job fairs: their open vacancies are shown on the event page."),
    )

    fieldsets = [
        (_("What"), ["kind", "title", "description"]),
        (_("When"), ["date", "start_time", "end_time", "registration_deadline"]),
        (_("Where"), ["online", "postal_code", "address", "online_url"]),
        (_("Who"), ["target_group", "childcare", "languages", "capacity"]),
        (_("Job fair"), ["participating_organisations"]),
    ]

    def grouped_fields(self) -> list[dict]:
        return [{"legend": legend, "fields": [self[name] for name in names]} for legend, names in self.fieldsets]

    def clean(self):
        data = super().clean()
        if data.get("start_time") and data.get("end_time") and data["end_time"] <= data["start_time"]:
            self.add_error("end_time", _("The event must end after it starts."))
        return data

    @classmethod
    def initial_from(cls, event: Event) -> dict:
        starts, ends = timezone.localtime(event.starts_at), timezone.localtime(event.ends_at)
        initial = {name: getattr(event, name) for name in cls.base_fields if hasattr(event, name)}
        initial.update(
            date=starts.date(),
            start_time=starts.time().replace(second=0, microsecond=0),
            end_time=ends.time().replace(second=0, microsecond=0),
            registration_deadline=(
                timezone.localdate(event.registration_deadline) if event.registration_deadline else None
            ),
            participating_organisations=list(event.participating_organisations.all()),
        )
        return initial

    def event_fields(self) -> dict:
        """The cleaned data as the service's fields: moments in the portal's time zone."""
        data = dict(self.cleaned_data)
        day = data.pop("date")
        starts_at = timezone.make_aware(datetime.combine(day, data.pop("start_time")))
        ends_at = timezone.make_aware(datetime.combine(day, data.pop("end_time")))
        deadline_day = data.pop("registration_deadline")
        deadline = None
        if deadline_day is not None:
            # Registration closes at the end of that day, but never after the event has started.
            deadline = timezone.make_aware(datetime.combine(deadline_day, time(23, 59, 59)))
            if deadline_day == day:
                deadline = min(deadline, starts_at)
        data.pop("participating_organisations")
        return {**data, "starts_at": starts_at, "ends_at": ends_at, "registration_deadline": deadline}


def errors_for_form(error_dict: dict, *, form: forms.Form) -> dict:
    """Service errors on stored fields belong next to the form fields that set them; others go on top."""
    field_of = {"starts_at": "date", "ends_at": "end_time"}
    errors: dict[str, list] = {}
    for field, messages in error_dict.items():
        name = field_of.get(field, field)
        errors.setdefault(name if name in form.fields else NON_FIELD_ERRORS, []).extend(messages)
    return errors


class EventRegisterForm(forms.Form):
    """Registering is one button; for an event meant for a group, a checkbox confirms belonging to it."""

    confirm_target_group = forms.BooleanField(
        required=True,
        error_messages={"required": _("Please confirm that you belong to the group this event is meant for.")},
    )

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        if event.is_restricted:
            self.fields["confirm_target_group"].label = TARGET_GROUP_CONFIRMATIONS[event.target_group]
        else:
            del self.fields["confirm_target_group"]


TARGET_GROUP_CONFIRMATIONS = {
    TargetGroup.WOMEN: _("I confirm that I am a woman. This event is for women only."),
    TargetGroup.PARENTS: _("I confirm that I am a mother or father. This event is for parents."),
}


class EventFilterForm(forms.Form):
    """The filters of the public event list, read from the query string."""

    ANY = [("", _("Any"))]

    kind = forms.ChoiceField(label=_("Kind of event"), choices=ANY + EventKind.choices, required=False)
    target_group = forms.ChoiceField(label=_("Who the event is for"), choices=ANY + TargetGroup.choices, required=False)

    def filters(self) -> dict:
        data = getattr(self, "cleaned_data", {})
        return {"kind": data.get("kind") or "", "target_group": data.get("target_group") or ""}
