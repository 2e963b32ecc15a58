from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from courses.selectors import course_provider_choices, course_provider_of_staff

from .csv_tools import MAX_FILE_BYTES
from .importers import COURSES, IMPORTERS, PARTNER_KINDS, Importer


class UploadForm(forms.Form):
    """The file of an import and what the kind asks besides it (its options).

    After the check, the options travel in the signed token; the confirmation binds them again without the
    file (`checked=True`), so what the person may choose is judged once more when they import.
    """

    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Semicolon or comma separated, as Excel or LibreOffice save it; at most 1 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def __init__(self, *args, user, checked: bool = False, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        if checked:
            del self.fields["file"]

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is larger than 1 MB. Please split it into several files."))
        return file

    @property
    def importer(self) -> Importer:
        raise NotImplementedError

    def options(self) -> dict:
        """The kind's options for `csv_import`, from a valid form."""
        return {}

    def options_data(self) -> dict:
        """The submitted options as they are bound again at the confirmation."""
        return {name: self.data.get(name) for name in self.fields if name != "file"}


class ImportForm(UploadForm):
    """A partner's list: the person says what the file contains."""

    kind = forms.ChoiceField(
        label=_("What does the file contain?"),
        choices=[(kind, IMPORTERS[kind].label) for kind in PARTNER_KINDS],
        widget=forms.RadioSelect,
    )
    field_order = ["kind", "file"]

    @property
    def importer(self) -> Importer:
        return IMPORTERS[self.cleaned_data["kind"]]


class CourseImportForm(UploadForm):
    """A provider's courses: its staff import for their own provider, a coordinator chooses one they act for."""

    publish = forms.BooleanField(
        label=_("Publish the courses straight away"),
        required=False,
        help_text=_("Otherwise they are saved as drafts, and you publish them one by one."),
    )
    importer = COURSES

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        if user.role == Role.COORDINATOR:
            self.fields = {
                "provider": forms.ModelChoiceField(
                    label=_("Course provider"),
                    queryset=course_provider_choices(user=user),
                    help_text=_("The organisation whose courses these are."),
                ),
                **self.fields,
            }

    def options(self) -> dict:
        provider = self.cleaned_data.get("provider") or course_provider_of_staff(user=self.user)
        return {"provider": provider, "publish": self.cleaned_data["publish"]}


class SetPasswordForm(forms.Form):
    password1 = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("Password (again)"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password1(self):
        password = self.cleaned_data["password1"]
        password_validation.validate_password(password, self.user)
        return password

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("password1") and cleaned_data.get("password1") != cleaned_data.get("password2"):
            self.add_error("password2", _("The two passwords do not match."))
        return cleaned_data
