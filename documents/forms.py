from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .models import MAX_DOCUMENT_BYTES, Document, DocumentKind
from .validators import validate_document_file

ACCEPTED_TYPES = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"


class DocumentUploadForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=Document._meta.get_field("title").max_length,
        help_text=_("For example: CV, school certificate, driving licence."),
    )
    kind = forms.ChoiceField(label=_("Kind of document"), choices=DocumentKind.choices, initial=DocumentKind.CV)
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED_TYPES}),
    )

    def __init__(self, *args, upload_cut: int = 0, **kwargs):
        """upload_cut: the bytes that had arrived when the file was refused for being too large (common.uploads)."""
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("PDF, JPEG or PNG, at most %(limit)s.") % {
            "limit": filesizeformat(MAX_DOCUMENT_BYTES)
        }
        if upload_cut:
            self.fields["file"].error_messages["required"] = _(
                "This file is too large (%(size)s). Please upload a file of at most %(limit)s."
            ) % {"size": filesizeformat(upload_cut), "limit": filesizeformat(MAX_DOCUMENT_BYTES)}

    def clean_file(self):
        uploaded_file = self.cleaned_data["file"]
        validate_document_file(uploaded_file)
        return uploaded_file
