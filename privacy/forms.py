from django import forms
from django.utils.translation import gettext_lazy as _

VISIBILITY_CHOICES = [
    ("yes", _("Yes, employers may find my anonymous profile")),
    ("no", _("No, hide my profile from employers")),
]


class VisibilityForm(forms.Form):
    visible = forms.TypedChoiceField(
        label=_("May employers find your anonymous profile?"),
        choices=VISIBILITY_CHOICES,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        help_text=_("To protect you, please confirm with your password."),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not correct."), code="password_incorrect")
        return password
