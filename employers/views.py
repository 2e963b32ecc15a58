from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.forms import InvitationAcceptForm
from accounts.models import ORGANISATION_ROLES, InvitationKind, Role
from accounts.selectors import invitation_for_existing_account, invitation_from_token, invitation_list_pending
from applications.services import application_transition
from common.permissions import role_required
from occupations.forms import OccupationSearchForm
from portal.selectors import candidate_profile_for_employer

from .candidate_search import CandidateSearchForm, candidate_search, candidate_search_cards
from .forms import (
    ApplicationStepForm,
    OrganisationProfileForm,
    StaffInviteForm,
    VacancyForm,
    VacancyUnpublishForm,
)
from .models import VacancyStatus
from .selectors import (
    application_documents_for_organisation,
    application_history,
    application_next_steps,
    application_of_organisation,
    application_pipeline,
    is_organisation_admin,
    membership_list_for_organisation,
    membership_of_organisation,
    occupation_choices_for_vacancy,
    organisation_of,
    organisation_public,
    vacancy_actions,
    vacancy_for_moderation,
    vacancy_list_for_moderation,
    vacancy_list_for_organisation,
    vacancy_list_open_of_organisation,
    vacancy_of_organisation,
)
from .services import (
    organisation_profile_update,
    staff_admin_set,
    staff_invitation_accept,
    staff_invitation_accept_existing,
    staff_invite,
    staff_remove,
    vacancy_create,
    vacancy_mark_filled,
    vacancy_publish,
    vacancy_unpublish,
    vacancy_update,
)

MODERATION_PAGE_SIZE = 50


def _own_organisation(request):
    """The organisation the logged-in staff member works for; without one there is nothing to show."""
    organisation = organisation_of(user=request.user)
    if organisation is None:
        raise Http404
    return organisation


def _own_vacancy(request, pk):
    vacancy = vacancy_of_organisation(organisation=organisation_of(user=request.user), pk=pk)
    if vacancy is None:
        raise Http404
    return vacancy


def _add_service_errors(form, error: ValidationError) -> None:
    """A service's errors next to the form's fields; errors about anything else go on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, field_messages in error.message_dict.items():
        for message in field_messages:
            form.add_error(field if field in form.fields else None, message)


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


@role_required(Role.EMPLOYER)
def dashboard(request):
    organisation = organisation_of(user=request.user)
    vacancies = list(vacancy_list_for_organisation(organisation=organisation)) if organisation else []
    return render(
        request,
        "employers/dashboard.html",
        {
            "organisation": organisation,
            "vacancies": vacancies,
            "taken_offline": [vacancy for vacancy in vacancies if vacancy.unpublished_reason],
            "is_admin": organisation is not None
            and is_organisation_admin(user=request.user, organisation=organisation),
        },
    )


# --- Organisation profile and staff --------------------------------------------------------------------------


@role_required(*ORGANISATION_ROLES)
def organisation_edit(request):
    """The organisation's public profile; only its admins may change it."""
    organisation = _own_organisation(request)
    if not is_organisation_admin(user=request.user, organisation=organisation):
        raise PermissionDenied
    form = OrganisationProfileForm(request.POST or None, initial=OrganisationProfileForm.initial_from(organisation))
    if request.method == "POST" and form.is_valid():
        try:
            organisation_profile_update(organisation=organisation, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            messages.success(request, _("Your organisation's profile has been saved."))
            return redirect("employers:organisation_edit")
    return render(request, "employers/organisation_form.html", {"form": form, "organisation_pk": organisation.pk})


def organisation_public_view(request, pk):
    """What anybody may read about an organisation: its public profile and open offers."""
    organisation = organisation_public(pk=pk)
    if organisation is None:
        raise Http404
    return render(
        request,
        "employers/organisation_public.html",
        {"organisation": organisation, "vacancies": vacancy_list_open_of_organisation(organisation=organisation)},
    )


@role_required(*ORGANISATION_ROLES)
def staff(request):
    """Colleagues of the organisation; its admins also invite new ones here."""
    organisation = _own_organisation(request)
    is_admin = is_organisation_admin(user=request.user, organisation=organisation)
    invitations = invitation_list_pending(kind=InvitationKind.STAFF, organisation=organisation) if is_admin else []
    if request.method == "POST" and not is_admin:
        raise PermissionDenied
    form = StaffInviteForm(request.POST or None, initial={"language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        try:
            staff_invite(
                organisation=organisation,
                email=form.cleaned_data["email"],
                language=form.cleaned_data["language"],
                invited_by=request.user,
            )
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            messages.success(request, _("The invitation is on its way."))
            return redirect("employers:staff")
    return render(
        request,
        "employers/staff.html",
        {
            "organisation": organisation,
            "memberships": membership_list_for_organisation(organisation=organisation),
            "invitations": invitations,
            "form": form if is_admin else None,
            "is_admin": is_admin,
        },
    )


@role_required(*ORGANISATION_ROLES)
@require_POST
def staff_remove_view(request, pk):
    membership = membership_of_organisation(organisation=organisation_of(user=request.user), pk=pk)
    if membership is None:
        raise Http404
    if not is_organisation_admin(user=request.user, organisation=membership.organisation):
        raise PermissionDenied
    name = membership.user.get_full_name() or membership.user.email
    try:
        staff_remove(membership=membership, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("%(name)s no longer belongs to your organisation.") % {"name": name})
    return redirect("employers:staff")


@role_required(*ORGANISATION_ROLES)
@require_POST
def staff_admin_view(request, pk):
    """Make a colleague an admin of the organisation, or take it back."""
    membership = membership_of_organisation(organisation=organisation_of(user=request.user), pk=pk)
    if membership is None:
        raise Http404
    if not is_organisation_admin(user=request.user, organisation=membership.organisation):
        raise PermissionDenied
    try:
        staff_admin_set(membership=membership, is_admin=request.POST.get("is_admin") == "1", by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("The admin rights have been changed."))
    return redirect("employers:staff")


def staff_invitation_accept_view(request, token):
    """The invited colleague creates their account from the link in the e-mail."""
    invitation = invitation_from_token(token=token, kind=InvitationKind.STAFF)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    if invitation_for_existing_account(invitation=invitation):
        return _staff_invitation_join(request, invitation)
    if request.user.is_authenticated:
        return render(request, "accounts/invitation_logged_in.html", status=409)
    form = InvitationAcceptForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            user = staff_invitation_accept(
                invitation=invitation,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("Welcome to Brücke. You now work for %(organisation)s here.")
                % {"organisation": invitation.organisation.name},
            )
            return redirect("dashboard")
    return render(request, "employers/staff_invitation_accept.html", {"form": form, "invitation": invitation})


def _staff_invitation_join(request, invitation):
    """The invited address has an account: its owner logs in, then joins the organisation with one click."""
    if not request.user.is_authenticated:
        return render(request, "employers/staff_invitation_join.html", {"invitation": invitation, "log_in": True})
    if request.user.email.lower() != invitation.email.lower():
        return render(request, "accounts/invitation_logged_in.html", status=409)
    error = ""
    if request.method == "POST":
        try:
            staff_invitation_accept_existing(invitation=invitation, user=request.user)
        except ValidationError as refusal:
            error = _error_text(refusal)
        else:
            messages.success(
                request,
                _("You now work for %(organisation)s here.") % {"organisation": invitation.organisation.name},
            )
            return redirect("dashboard")
    return render(request, "employers/staff_invitation_join.html", {"invitation": invitation, "error": error})


# --- Vacancies -------------------------------------------------------------------------------------------------


def _vacancy_form_page(request, organisation, vacancy=None):
    """Create or change a vacancy on one page; the GET search box narrows the occupation list."""
    search_form = OccupationSearchForm(request.GET if "q" in request.GET else None)
    query = search_form.cleaned_data.get("q", "") if search_form.is_valid() else ""
    occupations, found_count = occupation_choices_for_vacancy(query=query, vacancy=vacancy)
    if vacancy is not None:
        initial = VacancyForm.initial_from(vacancy)
    else:
        initial = {"postal_code": (organisation.locations or [""])[0], "is_paid": True}
    form = VacancyForm(request.POST or None, initial=initial, occupations=occupations)
    is_published = vacancy is not None and vacancy.status == VacancyStatus.PUBLISHED
    heading = vacancy.title if vacancy is not None else ""
    if request.method == "POST" and form.is_valid():
        publish = request.POST.get("action") == "publish" and not is_published
        try:
            if vacancy is None:
                vacancy = vacancy_create(
                    organisation=organisation, created_by=request.user, publish=publish, **form.vacancy_fields()
                )
            else:
                vacancy = vacancy_update(vacancy=vacancy, publish=publish, **form.vacancy_fields())
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            if vacancy.status == VacancyStatus.PUBLISHED and (publish or is_published):
                messages.success(request, _("The vacancy is published. Candidates can find it now."))
            else:
                messages.success(request, _("The vacancy has been saved as a draft. Candidates cannot see it yet."))
            return redirect("employers:vacancy_detail", pk=vacancy.pk)
    return render(
        request,
        "employers/vacancy_form.html",
        {
            "form": form,
            "search_form": search_form,
            "query": query,
            "found_count": found_count,
            "vacancy": vacancy,
            "heading": heading,
            "is_published": is_published,
        },
    )


@role_required(Role.EMPLOYER)
def vacancy_create_view(request):
    return _vacancy_form_page(request, _own_organisation(request))


@role_required(Role.EMPLOYER)
def vacancy_edit(request, pk):
    vacancy = _own_vacancy(request, pk)
    if not vacancy_actions(vacancy=vacancy, user=request.user).change:
        messages.info(request, _("This vacancy is filled. Create a new one to offer it again."))
        return redirect("employers:vacancy_detail", pk=vacancy.pk)
    return _vacancy_form_page(request, vacancy.organisation, vacancy)


@role_required(Role.EMPLOYER)
def vacancy_detail(request, pk):
    """The employer's view of its vacancy: what candidates read, and the applications by status."""
    vacancy = _own_vacancy(request, pk)
    pipeline = application_pipeline(vacancy=vacancy)
    return render(
        request,
        "employers/vacancy_detail.html",
        {
            "vacancy": vacancy,
            "actions": vacancy_actions(vacancy=vacancy, user=request.user),
            "pipeline": pipeline,
            "application_count": sum(len(group["applications"]) for group in pipeline),
        },
    )


@role_required(Role.EMPLOYER)
@require_POST
def vacancy_publish_view(request, pk):
    """Publish a draft, or publish again what expired or was taken offline."""
    vacancy = _own_vacancy(request, pk)
    try:
        vacancy_publish(vacancy=vacancy)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("The vacancy is published. Candidates can find it now."))
    return redirect("employers:vacancy_detail", pk=vacancy.pk)


@role_required(Role.EMPLOYER)
@require_POST
def vacancy_mark_filled_view(request, pk):
    vacancy = _own_vacancy(request, pk)
    if vacancy_actions(vacancy=vacancy, user=request.user).mark_filled:
        vacancy_mark_filled(vacancy=vacancy)
        messages.success(request, _("The vacancy is marked as filled. Candidates no longer see it."))
    return redirect("employers:vacancy_detail", pk=vacancy.pk)


# --- Applications ------------------------------------------------------------------------------------------------


@role_required(Role.EMPLOYER)
def application_detail(request, pk):
    """One application: who applied (they shared it by applying), their message, the history and the next steps.

    Opening it changes nothing; "Mark as seen" is a step of its own that tells the candidate.
    """
    organisation = organisation_of(user=request.user)
    application = application_of_organisation(organisation=organisation, pk=pk)
    if application is None:
        raise Http404
    next_steps = application_next_steps(application=application)
    form = ApplicationStepForm(request.POST or None, next_steps=next_steps)
    if request.method == "POST" and form.is_valid():
        try:
            application = application_transition(
                application=application,
                to_status=form.cleaned_data["to_status"],
                actor=request.user,
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The application is now “%(status)s”. The candidate has been told.")
                % {"status": application.get_status_display()},
            )
            return redirect("employers:application_detail", pk=application.pk)
    return render(
        request,
        "employers/application_detail.html",
        {
            "application": application,
            "vacancy": application.vacancy,
            "candidate": candidate_profile_for_employer(
                organisation=organisation, public_id=application.profile.public_id
            ),
            "documents": application_documents_for_organisation(application=application),
            "history": application_history(application=application),
            "form": form,
        },
    )


# --- Moderation by coordinators and admins ----------------------------------------------------------------------


@role_required(Role.COORDINATOR, Role.ADMIN)
def moderation(request):
    """Published vacancies in the coordinator's region (all of them for admins), to take inappropriate ones offline."""
    page = Paginator(vacancy_list_for_moderation(user=request.user), MODERATION_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "employers/moderation.html", {"page": page, "vacancies": page.object_list})


@role_required(Role.COORDINATOR, Role.ADMIN)
def vacancy_unpublish_view(request, pk):
    vacancy = vacancy_for_moderation(user=request.user, pk=pk)
    if vacancy is None:
        raise Http404
    form = VacancyUnpublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            vacancy_unpublish(vacancy=vacancy, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("“%(title)s” is offline. The employer has been told why.") % {"title": vacancy.title},
            )
            return redirect("employers:moderation")
    return render(request, "employers/vacancy_unpublish.html", {"vacancy": vacancy, "form": form})


@role_required(Role.EMPLOYER)
def candidate_detail(request, public_id):
    """A candidate as this employer may see them: anonymous unless the candidate gave this employer contact."""
    candidate = candidate_profile_for_employer(organisation=organisation_of(user=request.user), public_id=public_id)
    if candidate is None:
        raise Http404
    return render(request, "employers/candidate_detail.html", {"candidate": candidate})


# --- Finding candidates ------------------------------------------------------------------------------------------

CANDIDATE_SEARCH_PAGE_SIZE = 20


@role_required(Role.EMPLOYER)
def candidate_search_view(request):
    """Anonymous candidates who agreed to be found, filtered; a search can be saved for daily news."""
    organisation = _own_organisation(request)
    if not organisation.is_employer:
        raise PermissionDenied
    form = CandidateSearchForm(request.GET)
    profiles = candidate_search(organisation=organisation, filters=form.cleaned_data) if form.is_valid() else None
    page = Paginator(profiles if profiles is not None else [], CANDIDATE_SEARCH_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "employers/candidate_search.html",
        {
            "form": form,
            "page": page,
            "cards": candidate_search_cards(organisation=organisation, profiles=list(page.object_list)),
        },
    )
