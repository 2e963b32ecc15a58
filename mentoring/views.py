"""Mentoring pages: the candidate's request, the mentor's profile and dashboard, the mentorship page shared
by candidate, mentor and coordinator, and the coordinator workspace (approvals, requests, suggestion,
caseload, timeline). Coordinators see their region only; admins see all regions or pick one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.models import Role
from common.pagination import SearchPaginator
from common.permissions import role_required
from common.scoped_cache import scoped_page
from places.selectors import candidate_in_region, region_postal_codes
from portal.services import candidate_profile_ensure

from .forms import (
    AssignForm,
    CaseloadFilterForm,
    MentorProfileForm,
    MentorRequestForm,
    NoteForm,
    ReasonForm,
    RegionChoiceForm,
    SuggestionForm,
)
from .models import MentorRequestStatus, MentorshipStatus
from .selectors import (
    ROLE_CANDIDATE,
    WITH_MENTOR_STATUSES,
    candidate_timeline,
    caseload_counts,
    caseload_list,
    mentor_assignment_suggest,
    mentor_in_region,
    mentor_list_approved,
    mentor_list_awaiting_approval,
    mentor_profile_of,
    mentor_proposals,
    mentor_request_in_region,
    mentor_request_list_waiting,
    mentor_request_waiting_of,
    mentorship_contact_visible_to,
    mentorship_current_of,
    mentorship_events,
    mentorship_for_user,
    mentorship_notes,
    mentorship_notes_visible_to,
    mentorship_role_of,
    mentorships_of_mentor,
    region_of_coordinator,
)
from .services import (
    mentor_approve,
    mentor_profile_save,
    mentor_request_create,
    mentor_request_withdraw,
    mentorship_accept,
    mentorship_actions,
    mentorship_activate,
    mentorship_decline,
    mentorship_end,
    mentorship_note_add,
    mentorship_pause,
    mentorship_propose,
    mentorships_propose_many,
)

COORDINATION_ROLES = (Role.COORDINATOR, Role.ADMIN)
CASELOAD_PAGE_SIZE = 50


def _scope(request):
    """The coordinator's region; an admin's chosen region (?region=) or None for all of Lower Saxony."""
    return region_of_coordinator(user=request.user, region_id=request.GET.get("region"))


def _scope_context(request, region) -> dict:
    is_admin = request.user.role == Role.ADMIN
    return {
        "region": region,
        "region_form": RegionChoiceForm(initial={"region": region}) if is_admin else None,
        "region_query": urlencode({"region": region.pk}) if is_admin and region else "",
    }


def _form_errors(form, error: ValidationError) -> None:
    """Put a service's errors next to the form's fields (or at the top for the others)."""
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


# --- Candidate ---------------------------------------------------------------------------------------------


@role_required(Role.CANDIDATE)
def request_view(request):
    """Ask for a mentor, or see the request and the mentor's answer."""
    profile = candidate_profile_ensure(user=request.user)
    waiting = mentor_request_waiting_of(profile=profile)
    mentorship = mentorship_current_of(profile=profile)
    form = MentorRequestForm(request.POST or None)
    if request.method == "POST" and waiting is None and mentorship is None and form.is_valid():
        try:
            mentor_request_create(profile=profile, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Thank you. A coordinator in your region will look for a mentor for you."))
            return redirect("mentoring:request")
    return render(
        request,
        "mentoring/request.html",
        {
            "profile": profile,
            "form": form,
            "waiting": waiting,
            "mentorship": mentorship,
            "contact_visible": mentorship is not None
            and mentorship_contact_visible_to(user=request.user, mentorship=mentorship),
        },
    )


@role_required(Role.CANDIDATE)
@require_POST
def request_withdraw(request):
    profile = candidate_profile_ensure(user=request.user)
    waiting = mentor_request_waiting_of(profile=profile)
    if waiting is None:
        raise Http404
    mentor_request_withdraw(mentor_request=waiting, user=request.user)
    messages.success(request, _("Your request for a mentor is withdrawn."))
    return redirect("mentoring:request")


# --- Mentor ------------------------------------------------------------------------------------------------


@role_required(Role.MENTOR)
def mentor_dashboard(request):
    mentor = mentor_profile_of(user=request.user)
    mentorships = list(mentorships_of_mentor(mentor=mentor)) if mentor else []
    return render(
        request,
        "mentoring/mentor_dashboard.html",
        {
            "mentor": mentor,
            "proposed": [m for m in mentorships if m.status == MentorshipStatus.PROPOSED],
            "current": [m for m in mentorships if m.status in WITH_MENTOR_STATUSES],
            "ended": [m for m in mentorships if m.status == MentorshipStatus.ENDED],
        },
    )


@role_required(Role.MENTOR)
def mentor_profile(request):
    mentor = mentor_profile_of(user=request.user)
    initial = {}
    if mentor is not None:
        initial = {name: getattr(mentor, name) for name in MentorProfileForm.base_fields}
    form = MentorProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = mentor_profile_save(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            if saved.is_approved:
                messages.success(request, _("Your mentor profile is saved."))
            else:
                messages.success(
                    request, _("Your mentor profile is saved. A coordinator of your region will approve it soon.")
                )
            return redirect("mentoring:mentor_dashboard")
    return render(request, "mentoring/mentor_profile.html", {"form": form, "mentor": mentor})


# --- The mentorship page (candidate, mentor, coordinator) --------------------------------------------------


def _mentorship_or_404(request, pk: int):
    mentorship = mentorship_for_user(user=request.user, pk=pk)
    if mentorship is None:
        raise Http404
    return mentorship


REASON_LABELS = {
    "decline": gettext_lazy("Why do you decline?"),
    "pause": gettext_lazy("Reason (optional)"),
    "end": gettext_lazy("Why does the mentorship end?"),
}


def _render_mentorship(request, mentorship, *, step_forms=None, note_form=None, status=200):
    role = mentorship_role_of(user=request.user, mentorship=mentorship)
    step_forms = step_forms or {}
    actions = mentorship_actions(mentorship=mentorship, user=request.user)
    forms_by_action = {
        f"{action}_form": step_forms.get(action)
        or ReasonForm(prefix=action, required=action != "pause", label=REASON_LABELS[action])
        for action in REASON_LABELS
    }
    notes_visible = mentorship_notes_visible_to(user=request.user, mentorship=mentorship)
    return render(
        request,
        "mentoring/mentorship_detail.html",
        {
            "mentorship": mentorship,
            "role": role,
            "actions": actions,
            **forms_by_action,
            "contact_visible": mentorship_contact_visible_to(user=request.user, mentorship=mentorship),
            "notes_visible": notes_visible,
            "notes": mentorship_notes(mentorship=mentorship) if notes_visible else [],
            "events": mentorship_events(mentorship=mentorship) if notes_visible else [],
            "note_form": note_form or (NoteForm() if notes_visible else None),
        },
        status=status,
    )


@role_required(Role.CANDIDATE, Role.MENTOR, Role.COORDINATOR, Role.ADMIN)
def mentorship_detail(request, pk: int):
    return _render_mentorship(request, _mentorship_or_404(request, pk))


STEP_SERVICES = {
    "accept": (mentorship_accept, None, gettext_lazy("You have accepted the mentorship.")),
    "decline": (mentorship_decline, "decline", gettext_lazy("You have declined the proposal.")),
    "activate": (mentorship_activate, None, gettext_lazy("The mentorship is active.")),
    "pause": (mentorship_pause, "pause", gettext_lazy("The mentorship is paused.")),
    "end": (mentorship_end, "end", gettext_lazy("The mentorship has ended.")),
}


@role_required(Role.CANDIDATE, Role.MENTOR, Role.COORDINATOR, Role.ADMIN)
@require_POST
def mentorship_step(request, pk: int, action: str):
    mentorship = _mentorship_or_404(request, pk)
    if action not in STEP_SERVICES or action not in mentorship_actions(mentorship=mentorship, user=request.user):
        raise Http404
    service, form_prefix, done = STEP_SERVICES[action]
    kwargs = {}
    form = None
    if form_prefix:
        form = ReasonForm(request.POST, prefix=form_prefix, required=action != "pause", label=REASON_LABELS[action])
        if not form.is_valid():
            return _render_mentorship(request, mentorship, step_forms={action: form}, status=400)
        kwargs["reason"] = form.cleaned_data["reason"]
    try:
        service(mentorship=mentorship, user=request.user, **kwargs)
    except ValidationError as error:
        if form is None:
            messages.error(request, " ".join(error.messages))
            return redirect("mentoring:mentorship_detail", pk=pk)
        _form_errors(form, error)
        return _render_mentorship(request, mentorship, step_forms={action: form}, status=400)
    messages.success(request, str(done))
    return redirect("mentoring:mentorship_detail", pk=pk)


@role_required(Role.MENTOR, Role.COORDINATOR, Role.ADMIN)
@require_POST
def mentorship_note(request, pk: int):
    mentorship = _mentorship_or_404(request, pk)
    if mentorship_role_of(user=request.user, mentorship=mentorship) == ROLE_CANDIDATE:
        raise Http404
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            mentorship_note_add(mentorship=mentorship, author=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Your note is saved."))
            return redirect(reverse("mentoring:mentorship_detail", kwargs={"pk": pk}) + "#notes")
    return _render_mentorship(request, mentorship, note_form=form, status=400)


# --- Coordinator workspace ---------------------------------------------------------------------------------


@role_required(Role.COORDINATOR)
def coordinator_dashboard(request):
    """The coordinator's start page (admins start from their own dashboard and open the workspace pages)."""
    region = _scope(request)
    return render(
        request,
        "mentoring/coordinator_dashboard.html",
        {
            **_scope_context(request, region),
            "postal_codes": region_postal_codes(region=region) if region else [],
            "counts": caseload_counts(region=region),
            "waiting_requests": mentor_request_list_waiting(region=region).count(),
            "awaiting_approval": mentor_list_awaiting_approval(region=region).count(),
        },
    )


@role_required(*COORDINATION_ROLES)
def mentor_approvals(request):
    region = _scope(request)
    return render(
        request,
        "mentoring/mentor_approvals.html",
        {
            **_scope_context(request, region),
            "awaiting": mentor_list_awaiting_approval(region=region),
            "approved": mentor_list_approved(region=region),
        },
    )


@role_required(*COORDINATION_ROLES)
@require_POST
def mentor_approve_view(request, pk: int):
    region = _scope(request)
    mentor = mentor_in_region(region=region, pk=pk)
    if mentor is None:
        raise Http404
    mentor_approve(mentor=mentor, approved_by=request.user)
    messages.success(request, _("%(name)s is approved as a mentor.") % {"name": mentor.user.get_full_name()})
    url = reverse("mentoring:mentor_approvals")
    query = _scope_context(request, region)["region_query"]
    return redirect(f"{url}?{query}" if query else url)


@role_required(*COORDINATION_ROLES)
def request_list(request):
    region = _scope(request)
    return render(
        request,
        "mentoring/request_list.html",
        {**_scope_context(request, region), "requests": mentor_request_list_waiting(region=region)},
    )


@role_required(*COORDINATION_ROLES)
def request_detail(request, pk: int):
    region = _scope(request)
    mentor_request = mentor_request_in_region(region=region, pk=pk)
    if mentor_request is None:
        raise Http404
    waiting = mentor_request.status == MentorRequestStatus.WAITING
    return render(
        request,
        "mentoring/request_detail.html",
        {
            "mentor_request": mentor_request,
            "profile": mentor_request.profile,
            "proposals": mentor_proposals(mentor_request=mentor_request, region=region) if waiting else [],
            "waiting": waiting,
            "mentorships": mentor_request.mentorships.select_related("mentor__user").order_by("-created_at"),
        },
    )


@role_required(*COORDINATION_ROLES)
@require_POST
def request_assign(request, pk: int):
    region = _scope(request)
    mentor_request = mentor_request_in_region(region=region, pk=pk)
    form = AssignForm(request.POST)
    if mentor_request is None or not form.is_valid():
        raise Http404
    mentor = mentor_in_region(region=region, pk=form.cleaned_data["mentor"])
    if mentor is None:
        raise Http404
    try:
        mentorship = mentorship_propose(mentor_request=mentor_request, mentor=mentor, proposed_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("mentoring:request_detail", pk=pk)
    messages.success(
        request,
        _("%(mentor)s is proposed as mentor. Both sides are asked to accept.")
        % {"mentor": mentor.user.get_full_name()},
    )
    return redirect("mentoring:mentorship_detail", pk=mentorship.pk)


@role_required(*COORDINATION_ROLES)
def suggest(request):
    """One click: the optimal assignment of the region's waiting candidates, to review, change and confirm."""
    region = _scope(request)
    confirming = request.method == "POST"
    suggestion = mentor_assignment_suggest(region=region, optimise=not confirming)
    form = SuggestionForm(request.POST or None, rows=suggestion.rows)
    if confirming and form.is_valid():
        requests = {row.request.pk: row.request for row in suggestion.rows}
        mentors = suggestion.mentors
        try:
            created = mentorships_propose_many(
                pairs=[(requests[request_pk], mentors[mentor_pk]) for request_pk, mentor_pk in form.pairs()],
                proposed_by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(
                request,
                _("%(count)s mentorships are proposed. Both sides are asked to accept.") % {"count": len(created)},
            )
            url = reverse("mentoring:request_list")
            query = _scope_context(request, region)["region_query"]
            return redirect(f"{url}?{query}" if query else url)
    return render(
        request,
        "mentoring/suggest.html",
        {**_scope_context(request, region), "suggestion": suggestion, "form": form, "confirming": confirming},
        status=400 if confirming else 200,
    )


# Reads only: without a transaction of its own the page saves two round trips to the database (BEGIN, COMMIT).
@transaction.non_atomic_requests
@role_required(*COORDINATION_ROLES)
def caseload(request):
    region = _scope(request)
    form = CaseloadFilterForm(request.GET)
    form.is_valid()
    filters = form.filters()
    page_number = request.GET.get("page")
    query = urlencode([(key, value) for key, value in request.GET.items() if key != "page" and value])

    def page():
        # Coordinators need the exact number of their candidates; a region has few enough to count them all.
        candidates = SearchPaginator(
            caseload_list(region=region, filters=filters), CASELOAD_PAGE_SIZE, estimate_above=None
        ).get_page(page_number)
        context = {
            **_scope_context(request, region),
            "form": form,
            "counts": caseload_counts(region=region),
            "page": candidates,
            "query": query,
        }
        return render(request, "mentoring/caseload.html", context)

    # Every coordinator of the region sees the same page for the same filters: kept whole per region
    # (common.scoped_cache), only the reader's CSRF token and unread badge filled in. The region is the one
    # places.selectors allows this reader, so a page of another region is never asked for.
    return scoped_page(request, scope=("caseload", region.pk if region else None), render=page)


@role_required(*COORDINATION_ROLES)
def timeline(request, public_id):
    profile = candidate_in_region(user=request.user, public_id=public_id)
    if profile is None:
        raise Http404
    return render(
        request,
        "mentoring/timeline.html",
        {
            "profile": profile,
            "entries": candidate_timeline(profile=profile),
            "mentorship": mentorship_current_of(profile=profile),
            "waiting": mentor_request_waiting_of(profile=profile),
        },
    )
