"""Forms parse input; the rules live in mentoring.services."""

from django import forms
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from common.vocabulary import GermanLevel
from places.forms import PostalCodeField
from places.selectors import region_list

from .models import MENTOR_LANGUAGES, Availability, HelpTopic
from .selectors import CaseloadFilters


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class CheckboxList(forms.CheckboxSelectMultiple):
    """Checkboxes whose error-summary link jumps to the first box (the group itself has no element with the id)."""

    def id_for_label(self, id_, index=None):
        if index is None and id_:
            return f"{id_}_0"
        return super().id_for_label(id_, index)


class MentorProfileForm(forms.Form):
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        choices=MENTOR_LANGUAGES,
        widget=CheckboxList,
        help_text=_("We introduce you to people you can talk with."),
    )
    postal_code = PostalCodeField(
        label=_("Your postal code"), help_text=_("Coordinators of this region approve you and find people near you.")
    )
    travel_radius_km = forms.IntegerField(
        label=_("How far you go (km)"), min_value=1, max_value=200, initial=15, widget=forms.NumberInput()
    )
    capacity = forms.IntegerField(
        label=_("How many people you can take on at the same time"), min_value=1, max_value=10, initial=1
    )
    helps_with = forms.MultipleChoiceField(
        label=_("What you help with"), choices=HelpTopic.choices, widget=CheckboxList
    )
    availability = forms.MultipleChoiceField(
        label=_("When you are available"),
        choices=Availability.choices,
        widget=CheckboxList,
        required=False,
    )
    about = forms.CharField(
        label=_("About you"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A few sentences for the people you may accompany: what you do and why you volunteer."),
    )


class MentorRequestForm(forms.Form):
    topics = forms.MultipleChoiceField(
        label=_("What would you like help with?"), choices=HelpTopic.choices, widget=CheckboxList
    )
    message = forms.CharField(
        label=_("Message to the coordinator"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional. Anything that helps to find the right mentor, in any language."),
    )


class ReasonForm(forms.Form):
    """The reason for declining, pausing or ending a mentorship."""

    reason = forms.CharField(label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, required: bool = True, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = required
        if label:
            self.fields["reason"].label = label


class NoteForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    text = forms.CharField(label=_("Note"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"date": timezone.localdate()})
        super().__init__(*args, **kwargs)


class AssignForm(forms.Form):
    mentor = forms.IntegerField(widget=forms.HiddenInput)


class CaseloadFilterForm(forms.Form):
    """The caseload's filters, read from the query string; every field may stay empty."""

    # Check boxes and a list: nothing typed, nothing of the reader (common.render_cache).
    cache_rendered_fields = ("no_mentor", "inactive", "german_level", "waiting_for_course", "application_in_progress")

    no_mentor = forms.BooleanField(label=_("No mentor yet"), required=False)
    inactive = forms.BooleanField(label=_("No activity for 30 days"), required=False)
    german_level = forms.ChoiceField(
        label=_("German level"), choices=[("", _("Any")), *GermanLevel.choices], required=False
    )
    waiting_for_course = forms.BooleanField(label=_("Waiting for a course"), required=False)
    application_in_progress = forms.BooleanField(label=_("Application in progress"), required=False)

    def filters(self) -> CaseloadFilters:
        data = getattr(self, "cleaned_data", {})
        return CaseloadFilters(
            no_mentor=bool(data.get("no_mentor")),
            inactive=bool(data.get("inactive")),
            german_level=data.get("german_level") or "",
            waiting_for_course=bool(data.get("waiting_for_course")),
            application_in_progress=bool(data.get("application_in_progress")),
        )


class RegionChoiceForm(forms.Form):
    """Admins see every region, or pick one."""

    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=region_list(),
        required=False,
        empty_label=_("All regions"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )


class SuggestionForm(forms.Form):
    """One choice per waiting request: the suggested mentor preselected, the candidate's other good mentors
    and "no mentor" as alternatives."""

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        # Translated and named once: a region may have thousands of rows with twenty options each.
        nobody, template, names = str(_("No mentor for now")), str(_("%(name)s (fit %(score)s)")), {}
        for row in rows:
            choices = [("", nobody)]
            for mentor, score in row.options:
                if mentor.pk not in names:
                    names[mentor.pk] = mentor.user.get_full_name()
                choices.append((str(mentor.pk), template % {"name": names[mentor.pk], "score": score}))
            name = self.field_name(row.request.pk)
            self.fields[name] = forms.ChoiceField(
                label=row.request.profile.user.get_full_name(),
                choices=choices,
                required=False,
                initial=str(row.chosen.pk) if row.chosen else "",
            )
            row.field_name = name

    def rows_with_fields(self):
        """(row, bound field, the <option> tags) per request; the options are built here because a region can
        have thousands of rows with twenty options each, too many for template loops."""
        result = []
        for row in self.rows:
            field = self[row.field_name]
            current = str(field.value() or "")
            options = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (value, mark_safe(" selected") if str(value) == current else "", label)
                    for value, label in field.field.choices
                ),
            )
            result.append((row, field, options))
        return result

    @staticmethod
    def field_name(request_pk: int) -> str:
        return f"request_{request_pk}"

    def pairs(self) -> list[tuple[int, int]]:
        """(request pk, mentor pk) for every request that gets a mentor."""
        return [
            (row.request.pk, int(self.cleaned_data[row.field_name]))
            for row in self.rows
            if self.cleaned_data.get(row.field_name)
        ]
