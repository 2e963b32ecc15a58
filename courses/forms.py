"""Forms parse input; the rules a course must meet live in courses.services (shared with the CSV import)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.vocabulary import GermanLevel
from places.forms import PostalCodeField
from places.selectors import postal_code_label

from .models import Course, CourseKind, Schedule, Weekday
from .selectors import ONLINE_EXCLUDE, ONLINE_INCLUDE, ONLINE_ONLY, CourseFilters
from .services import COURSE_EDITABLE_FIELDS, course_errors


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class CourseForm(forms.ModelForm):
    postal_code = PostalCodeField(
        required=False, help_text=_("Where the course meets. Leave empty for a course that is only online.")
    )
    online_url = forms.URLField(
        label=_("Link to join online"),
        max_length=Course._meta.get_field("online_url").max_length,
        assume_scheme="https",
        required=False,
        help_text=_("Only participants with a seat see it."),
    )
    session_days = forms.MultipleChoiceField(
        label=_("Days of the sessions"),
        choices=Weekday.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("If you know them: participants can then add every session to their calendar."),
    )

    class Meta:
        model = Course
        fields = COURSE_EDITABLE_FIELDS
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "description": forms.Textarea(attrs={"rows": 6}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "session_starts": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "session_ends": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
        help_texts = {
            "subject": _(
                "For a job-related course (Job-BSK): the field of work it prepares for, for example care. "
                "Candidates in that field find it first."
            ),
            "seats_total": _("How many people the course can take in all."),
            "waiting_list_open": _(
                "When every seat is taken, people can still put their name down and get the next free seat. "
                "A full course without a waiting list is no longer suggested to candidates."
            ),
            "description": _("Content, times of day, what to bring; in simple German or in several languages."),
        }

    def clean(self):
        """Show every broken rule at once, next to its field; the rules themselves live in the service."""
        cleaned_data = super().clean()
        for name, messages in course_errors(Course(**cleaned_data)).items():
            if name in self.fields and name not in self.errors:
                for message in messages:
                    self.add_error(name, message)
        return cleaned_data

    def _post_clean(self):
        """The service judges and saves the whole course; the model's own checks would only repeat it."""


# `near=me` in a URL stands for the candidate's home postal code, which the server reads from the profile.
NEAR_ME = "me"


class CourseSearchForm(forms.Form):
    """The course finder's filters, read from the query string; every field may stay empty."""

    ANY = [("", _("Any"))]

    my_level = forms.ChoiceField(
        label=_("Your German level"),
        choices=[("", _("Not stated")), *GermanLevel.choices],
        required=False,
        help_text=_("We suggest the courses that take you to the next level first."),
    )
    kind = forms.ChoiceField(label=_("Kind of course"), choices=ANY + CourseKind.choices, required=False)
    level = forms.ChoiceField(
        label=_("Course level"),
        choices=ANY + [c for c in GermanLevel.choices if c[0] != GermanLevel.NONE],
        required=False,
        help_text=_("Courses that teach this level."),
    )
    near = forms.BooleanField(
        label=_("From my home"),
        required=False,
        widget=forms.CheckboxInput(attrs={"value": NEAR_ME}),
        help_text=_("Uses the place in your profile; type another place below to search there instead."),
    )
    postal_code = PostalCodeField(label=_("Town or postal code"), required=False)
    radius_km = forms.TypedChoiceField(
        label=_("Distance"),
        choices=[(10, _("up to 10 km")), (25, _("up to 25 km")), (50, _("up to 50 km")), (100, _("up to 100 km"))],
        coerce=int,
        initial=25,
        required=False,
        empty_value=None,
    )
    online = forms.ChoiceField(
        label=_("Online courses"),
        choices=[
            (ONLINE_INCLUDE, _("Include online courses")),
            (ONLINE_ONLY, _("Only online courses")),
            (ONLINE_EXCLUDE, _("No online courses")),
        ],
        initial=ONLINE_INCLUDE,
        required=False,
    )
    schedule = forms.ChoiceField(label=_("Time"), choices=ANY + Schedule.choices, required=False)
    start_within_weeks = forms.TypedChoiceField(
        label=_("Starts within"),
        choices=[
            ("", _("Any time")),
            (4, _("4 weeks")),
            (8, _("8 weeks")),
            (12, _("12 weeks")),
            (26, _("26 weeks")),
        ],
        coerce=int,
        required=False,
        empty_value=None,
    )
    childcare = forms.BooleanField(label=_("Only courses with childcare"), required=False)

    # Rendered once per state and language (common.render_cache): none of these shows anything of the reader.
    cache_rendered_fields = (
        "my_level", "kind", "level", "postal_code", "radius_km", "online", "schedule", "start_within_weeks",
        "childcare",
    )  # fmt: skip

    def __init__(self, *args, home=None, **kwargs):
        """`home`: a candidate's portal.selectors.SearchDefaults, so that `near=me` finds their postal code."""
        super().__init__(*args, **kwargs)
        self.home = home if home is not None and home.postal_code else None
        if self.home is None:
            del self.fields["near"]
            return
        self.fields["near"].label = _("From my home: %(place)s") % {
            "place": postal_code_label(postal_code=self.home.postal_code)
        }
        radius = self.fields["radius_km"]
        if self.home.radius_km and self.home.radius_km not in dict(radius.choices):
            own = (self.home.radius_km, _("up to %(km)s km") % {"km": self.home.radius_km})
            radius.choices = sorted([*radius.choices, own], key=lambda choice: choice[0])

    def filters(self) -> CourseFilters:
        """The filters from the fields that are valid; a wrong field is shown as an error and otherwise ignored."""
        data = getattr(self, "cleaned_data", {})
        home = self.home.postal_code if self.home is not None and data.get("near") else ""
        return CourseFilters(
            kind=data.get("kind") or "",
            level=data.get("level") or "",
            postal_code=data.get("postal_code") or home,
            radius_km=data.get("radius_km") or 25,
            online=data.get("online") or ONLINE_INCLUDE,
            childcare=bool(data.get("childcare")),
            schedule=data.get("schedule") or "",
            start_within_weeks=data.get("start_within_weeks"),
            my_level=data.get("my_level") or "",
        )
