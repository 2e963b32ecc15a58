from django import forms
from django.utils.translation import gettext_lazy as _

from documents.models import Document

from .models import Application, ApplicationEvent, ApplicationKind
from .services import MAX_DOCUMENTS_PER_APPLICATION


class DocumentChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.get_kind_display()})"


class ApplicationForm(forms.Form):
    """Apply or show interest; only the candidate's own documents can be chosen."""

    kind = forms.ChoiceField(
        label=_("What would you like to do?"),
        choices=[
            (ApplicationKind.APPLICATION, _("Apply for this offer")),
            (ApplicationKind.INTEREST, _("Show interest first (a short, informal message)")),
        ],
        initial=ApplicationKind.APPLICATION,
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Your message to the employer"),
        required=False,
        max_length=Application._meta.get_field("message").max_length,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Optional, at most 2000 characters. The employer sees it exactly as you write it."),
    )
    documents = DocumentChoiceField(
        label=_("Documents to share"),
        queryset=Document.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        documents = Document.objects.filter(owner=owner).order_by("-uploaded_at")
        self.has_documents = documents.exists()
        if self.has_documents:
            self.fields["documents"].queryset = documents
            self.fields["documents"].help_text = _(
                "At most %(count)s. Only this employer will be able to open them."
            ) % {"count": MAX_DOCUMENTS_PER_APPLICATION}
        else:
            del self.fields["documents"]

    def clean_documents(self):
        documents = list(self.cleaned_data["documents"])
        if len(documents) > MAX_DOCUMENTS_PER_APPLICATION:
            raise forms.ValidationError(
                _("Please share at most %(count)s documents."), params={"count": MAX_DOCUMENTS_PER_APPLICATION}
            )
        return documents


class WithdrawForm(forms.Form):
    note = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=ApplicationEvent._meta.get_field("note").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The employer will see this note."),
    )
