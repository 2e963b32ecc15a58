from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts.models import Role
from common.page_cache import cached_for_visitors, page_cache_refuse
from common.pagination import SearchPaginator
from common.permissions import role_required
from employers.models import Organisation
from employers.selectors import organisation_of
from notifications.emails import absolute_url
from portal.selectors import candidate_search_defaults
from portal.services import candidate_profile_ensure

from .calendar import course_ics
from .forms import NEAR_ME, CourseForm, CourseSearchForm
from .models import CourseStatus, RegistrationStatus
from .selectors import (
    course_detail,
    course_list_for_provider,
    course_of_provider,
    course_provider_of_staff,
    course_search,
    next_sensible_level,
    registration_count_active,
    registration_list_for_profile,
    registration_of,
    waiting_position,
)
from .services import (
    STAFF_ROLES,
    course_cancel,
    course_create,
    course_may_manage,
    course_publish,
    course_register,
    course_registration_cancel,
    course_update,
)

RESULTS_PER_PAGE = 20


def _own_provider(request) -> Organisation:
    """The course provider the staff member works for; staff of an organisation without courses are refused."""
    organisation = course_provider_of_staff(user=request.user)
    if organisation is None:
        raise PermissionDenied
    return organisation


def _own_course(request, pk: int):
    course = course_of_provider(provider=_own_provider(request), pk=pk)
    if course is None:
        raise Http404
    return course


# --- Course finder (candidate side, public) ----------------------------------------------------------------


def _first_search(defaults) -> dict:
    """A candidate starts from home (`near=me`, never the postal code itself), their distance and level."""
    if defaults is None:
        return {}
    first = {}
    if defaults.postal_code:
        first["near"] = NEAR_ME
        first["radius_km"] = defaults.radius_km or 25
    if defaults.german_level is not None:
        first["my_level"] = defaults.german_level
    return first


@cached_for_visitors
def search(request):
    # A candidate's own defaults apply until they submit the filters (a page number alone is no filter).
    defaults = candidate_search_defaults(user=request.user)
    submitted = any(name in request.GET for name in CourseSearchForm.base_fields)
    data = request.GET if submitted else {**_first_search(defaults), **request.GET.dict()}
    form = CourseSearchForm(data, home=defaults)
    if not form.is_valid():
        page_cache_refuse(request)
    filters = form.filters()
    page = SearchPaginator(course_search(filters=filters), RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    query = urlencode([(key, value) for key, value in data.items() if key != "page" and value not in ("", None)])
    return render(
        request,
        "courses/search.html",
        {
            "form": form,
            "page": page,
            "courses": page.object_list,
            "query": query,
            # The filters the results come from, defaults included, for the "keep this search" form.
            "search_data": request.GET if submitted else QueryDict(urlencode(data)),
            "filters": filters,
            "proposed_level": next_sensible_level(filters.my_level) if filters.my_level else "",
        },
    )


def _participant_of(user, course) -> bool:
    """A candidate with a seat (not waiting) sees the join link, like the provider's staff."""
    if not user.is_authenticated:
        return False
    if user.role in STAFF_ROLES:
        return course_may_manage(user=user, provider=course.provider)
    if user.role != Role.CANDIDATE:
        return False
    registration = registration_of(course=course, profile=candidate_profile_ensure(user=user))
    return registration is not None and registration.status == RegistrationStatus.REGISTERED


@require_safe
def course_calendar_file(request, pk: int):
    """The course as an .ics file: each regular session where known, with the join link for participants."""
    course = course_detail(pk=pk)
    if course is None:
        raise Http404
    content = course_ics(
        course=course,
        url=absolute_url(reverse("courses:detail", kwargs={"pk": course.pk})),
        online_link=_participant_of(request.user, course),
        now=timezone.now(),
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="course-{course.pk}.ics"'
    return response


def detail(request, pk: int):
    course = course_detail(pk=pk)
    user = request.user
    if course is None and user.is_authenticated and user.role in STAFF_ROLES:
        course = course_of_provider(provider=organisation_of(user=user), pk=pk)
    if course is None:
        raise Http404
    registration = position = None
    if user.is_authenticated and user.role == Role.CANDIDATE:
        registration = registration_of(course=course, profile=candidate_profile_ensure(user=user))
        if registration is not None:
            position = waiting_position(registration=registration)
    return render(
        request,
        "courses/detail.html",
        {
            "course": course,
            "registration": registration,
            "active_registration": registration is not None and registration.status != RegistrationStatus.CANCELLED,
            "waiting_position": position,
            "show_online_link": bool(course.online_url) and _participant_of(user, course),
            "is_candidate": user.is_authenticated and user.role == Role.CANDIDATE,
            "may_manage": user.is_authenticated
            and user.role in STAFF_ROLES
            and course_may_manage(user=user, provider=course.provider),
        },
    )


@role_required(Role.CANDIDATE)
@require_POST
def register(request, pk: int):
    course = course_detail(pk=pk)
    if course is None:
        raise Http404
    try:
        registration = course_register(course=course, profile=candidate_profile_ensure(user=request.user))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if registration.status == RegistrationStatus.REGISTERED:
            messages.success(request, _("You have a seat in “%(title)s”.") % {"title": course.title})
        else:
            messages.success(
                request,
                _("You are on the waiting list for “%(title)s”. We will let you know when a seat becomes free.")
                % {"title": course.title},
            )
    return redirect("courses:detail", pk=course.pk)


@role_required(Role.CANDIDATE)
@require_POST
def registration_cancel(request, pk: int):
    course = course_detail(pk=pk)
    registration = course and registration_of(course=course, profile=candidate_profile_ensure(user=request.user))
    if not registration or registration.status == RegistrationStatus.CANCELLED:
        raise Http404
    course_registration_cancel(registration=registration)
    messages.success(request, _("Your registration for “%(title)s” is cancelled.") % {"title": course.title})
    if request.POST.get("next") == "list":
        return redirect("courses:my_registrations")
    return redirect("courses:detail", pk=pk)


@role_required(Role.CANDIDATE)
def my_registrations(request):
    registrations = registration_list_for_profile(profile=candidate_profile_ensure(user=request.user))
    return render(request, "courses/my_registrations.html", {"registrations": registrations})


# --- Provider side -----------------------------------------------------------------------------------------


@role_required(*STAFF_ROLES)
def provider_dashboard(request):
    organisation = _own_provider(request)
    return render(
        request,
        "courses/provider_dashboard.html",
        {"organisation": organisation, "courses": course_list_for_provider(provider=organisation)},
    )


@role_required(*STAFF_ROLES)
def course_create_view(request):
    organisation = _own_provider(request)
    form = CourseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        publish = "publish" in request.POST
        try:
            course = course_create(provider=organisation, created_by=request.user, publish=publish, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if publish:
                messages.success(request, _("The course “%(title)s” is published.") % {"title": course.title})
            else:
                messages.success(request, _("The course “%(title)s” is saved as a draft.") % {"title": course.title})
            return redirect("courses:provider_dashboard")
    return render(request, "courses/course_form.html", {"form": form, "course": None})


@role_required(*STAFF_ROLES)
def course_edit(request, pk: int):
    course = _own_course(request, pk)
    if course.status == CourseStatus.CANCELLED:
        raise Http404
    form = CourseForm(request.POST or None, instance=course)
    if request.method == "POST" and form.is_valid():
        try:
            course = course_update(course=course, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The course “%(title)s” is saved.") % {"title": course.title})
            return redirect("courses:provider_dashboard")
    return render(request, "courses/course_form.html", {"form": form, "course": course})


@role_required(*STAFF_ROLES)
@require_POST
def course_publish_view(request, pk: int):
    course = _own_course(request, pk)
    try:
        course_publish(course=course)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The course “%(title)s” is published.") % {"title": course.title})
    return redirect("courses:provider_dashboard")


@role_required(*STAFF_ROLES)
def course_cancel_view(request, pk: int):
    """A confirmation page first: cancelling tells everyone registered and cannot be undone."""
    course = _own_course(request, pk)
    if course.status == CourseStatus.CANCELLED:
        raise Http404
    if request.method == "POST":
        course_cancel(course=course)
        messages.success(request, _("The course “%(title)s” is cancelled.") % {"title": course.title})
        return redirect("courses:provider_dashboard")
    return render(
        request, "courses/course_cancel.html", {"course": course, "affected": registration_count_active(course=course)}
    )
