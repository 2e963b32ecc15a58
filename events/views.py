import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from common.page_cache import cached_for_visitors, page_cache_refuse
from common.pagination import SearchPaginator
from common.permissions import role_required
from notifications.emails import absolute_url

from .forms import EventFilterForm, EventForm, EventRegisterForm, errors_for_form
from .ics import event_ics
from .models import EventStatus, RegistrationStatus
from .selectors import (
    ORGANISER_ROLES,
    PARTICIPANT_ROLES,
    event_actions,
    event_check_in_open,
    event_exhibitors,
    event_for_viewer,
    event_list_managed,
    event_list_public,
    event_managed,
    event_may_create,
    event_participants,
    event_registration_open,
    event_shows_online_link,
    registration_for_check_in,
    registration_list_for_user,
    registration_of,
    waiting_position,
)
from .services import (
    event_cancel,
    event_check_in,
    event_check_in_undo,
    event_create,
    event_publish,
    event_register,
    event_registration_cancel,
    event_update,
)

EVENTS_PER_PAGE = 20


def _visible_event(request, pk: int):
    event = event_for_viewer(pk=pk, user=request.user)
    if event is None:
        raise Http404
    return event


def _managed_event(request, pk: int):
    event = event_managed(user=request.user, pk=pk)
    if event is None:
        raise Http404
    return event


# --- Public pages ------------------------------------------------------------------------------------------


@require_safe
@cached_for_visitors
def event_list(request):
    form = EventFilterForm(request.GET)
    if not form.is_valid():
        page_cache_refuse(request)
    filters = form.filters()
    page = SearchPaginator(event_list_public(**filters), EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    query = urlencode([(key, value) for key, value in filters.items() if value])
    return render(request, "events/list.html", {"form": form, "page": page, "events": page.object_list, "query": query})


def _detail_context(request, event, register_form=None) -> dict:
    user = request.user
    registration = registration_of(event=event, user=user)
    is_participant = user.is_authenticated and user.role in PARTICIPANT_ROLES
    active = registration is not None and registration.status != RegistrationStatus.CANCELLED
    return {
        "event": event,
        "exhibitors": event_exhibitors(event=event),
        "registration": registration if active else None,
        "waiting_position": waiting_position(registration=registration) if active else None,
        "is_participant": is_participant,
        "registration_open": event_registration_open(event=event),
        "register_form": register_form or EventRegisterForm(event=event),
        "show_online_link": event_shows_online_link(event=event, user=user, registration=registration),
        "actions": event_actions(event=event, user=user, registration=registration if active else None),
        "is_full": event.registered_count >= event.capacity,
        "is_over": event.ends_at <= timezone.now(),
    }


@require_safe
def event_detail(request, pk: int):
    event = _visible_event(request, pk)
    return render(request, "events/detail.html", _detail_context(request, event))


@role_required(*PARTICIPANT_ROLES)
@require_POST
def register(request, pk: int):
    event = _visible_event(request, pk)
    form = EventRegisterForm(request.POST, event=event)
    if not form.is_valid():
        return render(request, "events/detail.html", _detail_context(request, event, register_form=form))
    try:
        registration = event_register(
            event=event, user=request.user, confirms_target_group=form.cleaned_data.get("confirm_target_group", False)
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if registration.status == RegistrationStatus.REGISTERED:
            messages.success(request, _("You have a place at “%(title)s”.") % {"title": event.title})
        else:
            messages.success(
                request,
                _("You are on the waiting list for “%(title)s”. We will let you know when a place becomes free.")
                % {"title": event.title},
            )
    return redirect("events:detail", pk=event.pk)


@role_required(*PARTICIPANT_ROLES)
@require_POST
def registration_cancel(request, pk: int):
    event = _visible_event(request, pk)
    registration = registration_of(event=event, user=request.user)
    if registration is None or registration.status == RegistrationStatus.CANCELLED:
        raise Http404
    try:
        event_registration_cancel(registration=registration)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your registration for “%(title)s” is cancelled.") % {"title": event.title})
    if request.POST.get("next") == "list":
        return redirect("events:my_registrations")
    return redirect("events:detail", pk=event.pk)


@role_required(*PARTICIPANT_ROLES)
@require_safe
def my_registrations(request):
    return render(
        request, "events/my_registrations.html", {"registrations": registration_list_for_user(user=request.user)}
    )


@require_safe
def event_calendar_file(request, pk: int):
    """The .ics file; the meeting link of an online event only for people with a place."""
    event = _visible_event(request, pk)
    registration = registration_of(event=event, user=request.user)
    content = event_ics(
        event=event,
        url=absolute_url(reverse("events:detail", kwargs={"pk": event.pk})),
        online_link=event_shows_online_link(event=event, user=request.user, registration=registration),
        now=timezone.now(),
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response


# --- Organiser pages ---------------------------------------------------------------------------------------


@role_required(*ORGANISER_ROLES)
@require_safe
def manage(request):
    return render(
        request,
        "events/manage.html",
        {
            # Every event of the list is one the user manages: what they may do with it needs no further query.
            "rows": [
                (event, event_actions(event=event, user=request.user, may_manage=True))
                for event in event_list_managed(user=request.user)
            ],
            "may_create": event_may_create(user=request.user),
        },
    )


def _save_event_form(request, form, event=None):
    """Run the service for a valid form; returns the event, or None with the service's errors on the form."""
    publish = request.POST.get("action") == "publish"
    fields = form.event_fields()
    organisations = form.cleaned_data["participating_organisations"]
    try:
        with transaction.atomic():
            if event is None:
                return event_create(
                    created_by=request.user, participating_organisations=organisations, publish=publish, **fields
                )
            event = event_update(event=event, by=request.user, participating_organisations=organisations, **fields)
            if publish:
                event = event_publish(event=event, by=request.user)
            return event
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            error = ValidationError(errors_for_form(error.message_dict, form=form))
        form.add_error(None, error)
        return None


def _saved_message(request, event) -> None:
    if event.status == EventStatus.PUBLISHED:
        messages.success(request, _("The event “%(title)s” is published.") % {"title": event.title})
    else:
        messages.success(request, _("The event “%(title)s” is saved as a draft.") % {"title": event.title})


@role_required(*ORGANISER_ROLES)
def event_create_view(request):
    if not event_may_create(user=request.user):
        raise PermissionDenied
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        event = _save_event_form(request, form)
        if event is not None:
            _saved_message(request, event)
            return redirect("events:manage")
    return render(request, "events/event_form.html", {"form": form, "event": None})


@role_required(*ORGANISER_ROLES)
def event_edit(request, pk: int):
    event = _managed_event(request, pk)
    actions = event_actions(event=event, user=request.user, may_manage=True)
    if not actions.edit:
        raise Http404
    form = EventForm(request.POST or None, initial=EventForm.initial_from(event))
    if request.method == "POST" and form.is_valid():
        saved = _save_event_form(request, form, event=event)
        if saved is not None:
            _saved_message(request, saved)
            return redirect("events:manage")
    return render(request, "events/event_form.html", {"form": form, "event": event, "actions": actions})


@role_required(*ORGANISER_ROLES)
@require_POST
def event_publish_view(request, pk: int):
    event = _managed_event(request, pk)
    try:
        event_publish(event=event, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The event “%(title)s” is published.") % {"title": event.title})
    return redirect("events:manage")


@role_required(*ORGANISER_ROLES)
def event_cancel_view(request, pk: int):
    """A confirmation page first: cancelling tells everyone registered and cannot be undone."""
    event = _managed_event(request, pk)
    if not event_actions(event=event, user=request.user, may_manage=True).cancel:
        raise Http404
    if request.method == "POST":
        event_cancel(event=event, by=request.user)
        messages.success(request, _("The event “%(title)s” is cancelled.") % {"title": event.title})
        return redirect("events:manage")
    affected = event.registrations.active().count()
    return render(request, "events/event_cancel.html", {"event": event, "affected": affected})


@role_required(*ORGANISER_ROLES)
@require_safe
def participants(request, pk: int):
    event = _managed_event(request, pk)
    return render(
        request,
        "events/participants.html",
        {"event": event, **event_participants(event=event), "check_in_open": event_check_in_open(event=event)},
    )


@role_required(*ORGANISER_ROLES)
def check_in(request, pk: int):
    """One large button per person, one POST each; works on a phone without JavaScript."""
    event = _managed_event(request, pk)
    if request.method == "POST":
        registration = registration_for_check_in(event=event, public_id=_uuid_or_none(request.POST.get("registration")))
        if registration is None:
            raise Http404
        undo = request.POST.get("action") == "undo"
        try:
            if undo:
                event_check_in_undo(registration=registration, by=request.user)
            else:
                event_check_in(registration=registration, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            name = str(registration.user)
            if undo:
                messages.success(request, _("The check-in of %(name)s is taken back.") % {"name": name})
            else:
                messages.success(request, _("%(name)s is checked in.") % {"name": name})
        return redirect(reverse("events:check_in", kwargs={"pk": event.pk}) + f"#person-{registration.public_id}")
    people = event_participants(event=event)
    return render(
        request,
        "events/check_in.html",
        {"event": event, **people, "check_in_open": event_check_in_open(event=event)},
    )


def _uuid_or_none(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None
