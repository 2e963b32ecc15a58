"""Conversations of an application or a mentorship; each view finds the thread only for those who may see it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .forms import MessageForm, ReportForm
from .selectors import (
    conversation_list_for,
    reported_conversations_for,
    thread_author_label,
    thread_for_application,
    thread_for_conversation,
    thread_for_mentorship,
    thread_messages,
    thread_unread_count,
)
from .services import conversation_contact_share, conversation_mark_read, conversation_report, message_send


def _form_errors(form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _thread_page(request, thread, form=None, status=200):
    if form is None and thread.may_write:
        form = MessageForm(owner=request.user, may_attach=thread.may_attach)
    entries = [
        {"message": message, "author": thread_author_label(thread=thread, author=message.author, reader=request.user)}
        for message in thread_messages(thread=thread)
    ]
    return render(
        request,
        "conversations/thread.html",
        {
            "thread": thread,
            "entries": entries,
            "form": form,
            "unread": thread_unread_count(conversation=thread.conversation, user=request.user),
        },
        status=status,
    )


def _thread_view(request, thread):
    """GET shows the thread (and changes nothing); POST sends a message."""
    if thread is None:
        raise Http404
    if request.method != "POST":
        return _thread_page(request, thread)
    if not thread.may_write:
        raise Http404
    form = MessageForm(request.POST, owner=request.user, may_attach=thread.may_attach)
    if form.is_valid():
        try:
            message_send(
                thread=thread,
                author=request.user,
                body=form.cleaned_data["body"],
                documents=form.cleaned_data.get("documents") or [],
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Your message is sent."))
            return redirect(f"{thread.url}#latest")
    return _thread_page(request, thread, form=form, status=400)


@login_required
def application_thread(request, pk: int):
    return _thread_view(request, thread_for_application(user=request.user, pk=pk))


@login_required
def mentorship_thread(request, pk: int):
    return _thread_view(request, thread_for_mentorship(user=request.user, pk=pk))


@login_required
def conversation_list(request):
    return render(
        request,
        "conversations/list.html",
        {
            "conversations": conversation_list_for(user=request.user),
            "reported": reported_conversations_for(user=request.user),
        },
    )


def _existing_thread(request, pk: int):
    thread = thread_for_conversation(user=request.user, pk=pk)
    if thread is None:
        raise Http404
    return thread


@login_required
@require_POST
def conversation_read(request, pk: int):
    """Marks the thread read; the thread page's script calls it, and a button does without JavaScript."""
    thread = _existing_thread(request, pk)
    conversation_mark_read(thread=thread, user=request.user)
    if request.headers.get("X-Requested-With") == "fetch":
        return HttpResponse(status=204)
    return redirect(thread.url)


@login_required
@require_POST
def contact_share(request, pk: int):
    thread = _existing_thread(request, pk)
    if not thread.may_share_contact:
        raise Http404
    try:
        conversation_contact_share(thread=thread, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your e-mail address is shared in this conversation."))
    return redirect(f"{thread.url}#latest")


@login_required
def conversation_report_view(request, pk: int):
    thread = _existing_thread(request, pk)
    if not thread.may_report:
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            conversation_report(thread=thread, reporter=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Thank you. The coordinators of the region will read the conversation."))
            return redirect(thread.url)
    return render(request, "conversations/report.html", {"thread": thread, "form": form})
