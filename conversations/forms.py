from django import forms
from django.utils.translation import gettext_lazy as _

from documents.selectors import document_list_for_owner

from .models import MESSAGE_MAX_LENGTH, Report


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        help_text=_("Plain text. Please do not write passwords or bank details."),
    )
    documents = forms.ModelMultipleChoiceField(
        label=_("Attach your documents"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The organisation can then open them."),
    )

    def __init__(self, *args, owner=None, may_attach: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        documents = document_list_for_owner(owner=owner) if may_attach and owner is not None else None
        if documents is not None and documents.exists():
            self.fields["documents"].queryset = documents
            self.fields["documents"].label_from_instance = lambda document: document.title
        else:
            del self.fields["documents"]


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What happened?"),
        max_length=Report._meta.get_field("reason").max_length,
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        help_text=_("Only the coordinators of your region read this. They can then read the conversation."),
    )
