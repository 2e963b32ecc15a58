"""The candidate's side of applications: apply, follow the status, withdraw."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Role
from common.permissions import role_required
from portal.services import candidate_profile_ensure

from .forms import ApplicationForm, WithdrawForm
from .models import ApplicationStatus
from .selectors import (
    application_for_vacancy,
    application_list_for_candidate,
    application_of_candidate,
    vacancy_open_for_applications,
)
from .services import application_submit, application_transition


@role_required(Role.CANDIDATE)
def application_apply(request, pk: int):
    """Only published offers; a second application for the same offer leads to the first one."""
    vacancy = vacancy_open_for_applications(pk=pk)
    if vacancy is None:
        raise Http404
    if vacancy.is_external:
        messages.info(request, _("Applications for this offer go to its original ad. Please follow the link there."))
        return redirect("vacancies:detail", pk=vacancy.pk)
    existing = application_for_vacancy(user=request.user, vacancy=vacancy)
    if existing is not None:
        messages.info(request, _("You have already applied for this offer. Here is your application."))
        return redirect("applications:detail", pk=existing.pk)
    form = ApplicationForm(request.POST or None, owner=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            application = application_submit(
                profile=candidate_profile_ensure(user=request.user),
                vacancy=vacancy,
                kind=form.cleaned_data["kind"],
                message=form.cleaned_data["message"],
                documents=form.cleaned_data.get("documents", []),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Sent. %(organisation)s can now see your profile and the documents you chose.")
                % {"organisation": vacancy.organisation.name},
            )
            return redirect("applications:detail", pk=application.pk)
    return render(request, "applications/apply.html", {"vacancy": vacancy, "form": form})


@role_required(Role.CANDIDATE)
def application_list(request):
    return render(
        request,
        "applications/application_list.html",
        {"applications": application_list_for_candidate(user=request.user)},
    )


def _detail_page(request, application, withdraw_form):
    return render(
        request,
        "applications/application_detail.html",
        {
            "application": application,
            "vacancy": application.vacancy,
            "withdraw_form": withdraw_form,
            "can_withdraw": not application.is_final,
        },
    )


@role_required(Role.CANDIDATE)
def application_detail(request, pk: int):
    application = application_of_candidate(user=request.user, pk=pk)
    if application is None:
        raise Http404
    return _detail_page(request, application, WithdrawForm())


@role_required(Role.CANDIDATE)
@require_POST
def application_withdraw(request, pk: int):
    application = application_of_candidate(user=request.user, pk=pk)
    if application is None:
        raise Http404
    form = WithdrawForm(request.POST)
    if form.is_valid():
        try:
            application_transition(
                application=application,
                to_status=ApplicationStatus.WITHDRAWN,
                actor=request.user,
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your application has been withdrawn. The employer has been told."))
            return redirect("applications:detail", pk=application.pk)
    return _detail_page(request, application, form)
