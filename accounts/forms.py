from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from places.models import Region

from .models import ORGANISATION_ROLES, Role
from .selectors import user_email_taken
from .services import user_complete_signup

SIGNUP_ROLE_CHOICES = [
    (Role.CANDIDATE, _("I am looking for work, training or a language course")),
    (Role.EMPLOYER, _("I offer jobs, training or internships for an employer")),
    (Role.PROVIDER, _("I offer language or vocational courses")),
    (Role.MENTOR, _("I want to support someone as a volunteer mentor")),
]


class SignupForm(forms.Form):
    """The part of allauth's sign-up form that is Brücke's own: the role and, for staff, the organisation."""

    role = forms.ChoiceField(
        label=_("How do you want to use Brücke?"),
        choices=SIGNUP_ROLE_CHOICES,
        widget=forms.RadioSelect,
        initial=Role.CANDIDATE,
    )
    organisation_name = forms.CharField(
        label=_("Name of your organisation"),
        max_length=200,
        required=False,
        help_text=_("Only for employers and course providers."),
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("role") in ORGANISATION_ROLES and not cleaned_data.get("organisation_name", "").strip():
            self.add_error(
                "organisation_name", _("Please enter the name of the organisation you work for.")
            )
        return cleaned_data

    def signup(self, request, user):
        user_complete_signup(
            user=user,
            role=self.cleaned_data["role"],
            language=get_language(),
            organisation_name=self.cleaned_data.get("organisation_name", ""),
        )


class CoordinatorInviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the coordinator"))
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.order_by("name"))
    language = forms.ChoiceField(label=_("Language of the invitation"), choices=settings.LANGUAGES)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if user_email_taken(email=email):
            raise forms.ValidationError(_("There is already an account with this e-mail address."))
        return email


class InvitationAcceptForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("Password (again)"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, email: str, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean_password1(self):
        password = self.cleaned_data["password1"]
        password_validation.validate_password(password)
        return password

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("password1") and cleaned_data.get("password1") != cleaned_data.get("password2"):
            self.add_error("password2", _("The two passwords do not match."))
        if user_email_taken(email=self.email):
            raise forms.ValidationError(_("There is already an account with this e-mail address."))
        return cleaned_data


class VerificationResendForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"required": _("Please enter the e-mail address you signed up with.")},
    )
