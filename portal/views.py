from urllib.parse import urlencode

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.models import Role
from accounts.services import rate_limit_consume
from common.permissions import role_required
from matching.selectors import match_overview_for_candidate, pathways_for_candidate
from occupations.forms import OccupationSearchForm

from .forms import (
    BaseOtherLanguageFormSet,
    CircumstancesForm,
    ContactForm,
    ExperienceForm,
    LanguagesForm,
    OtherLanguageFormSet,
    PlaceForm,
    WishesForm,
)
from .models import OnboardingStep, SitePageKind
from .selectors import (
    candidate_language_list,
    candidate_occupation_list,
    candidate_occupation_of,
    candidate_onboarding_next_step,
    candidate_profile_completeness,
    occupation_choices,
    site_page_for,
)
from .services import (
    candidate_circumstances_save,
    candidate_experience_save,
    candidate_languages_save,
    candidate_occupation_remove,
    candidate_place_save,
    candidate_profile_ensure,
    candidate_wishes_save,
    contact_message_send,
)

# Editing one section from the profile page: saving goes back there instead of to the next step.
RETURN_TO_PROFILE = "profile"


def home(request):
    return render(request, "portal/home.html")


def site_page(request, kind: str):
    """Impressum, privacy policy and accessibility statement: public, in the reader's language where written."""
    if kind not in SitePageKind.values or kind == SitePageKind.CONTACT:
        raise Http404
    page = site_page_for(kind=kind, language=get_language())
    return render(request, "portal/site_page.html", {"page": page, "kind": SitePageKind(kind)})


# The contact form: five messages an hour from one e-mail address, twenty from one network address.
CONTACT_PER_ADDRESS = 5
CONTACT_PER_IP = 20
HOUR = 60 * 60


def contact(request):
    """Anyone may write to the operators; nothing of the message is stored or logged."""
    form = ContactForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        email = form.cleaned_data["email"]
        ip = get_adapter().get_client_ip(request)
        allowed = rate_limit_consume(action="contact_ip", key=ip, limit=CONTACT_PER_IP, period_seconds=HOUR)
        allowed = allowed and rate_limit_consume(
            action="contact_address", key=email, limit=CONTACT_PER_ADDRESS, period_seconds=HOUR
        )
        if not allowed:
            form.add_error(None, _("You have sent several messages in a short time. Please try again in an hour."))
        else:
            contact_message_send(
                email=email,
                name=form.cleaned_data["name"],
                message=form.cleaned_data["message"],
                language=get_language(),
            )
            messages.success(request, _("Thank you. Your message has been sent. We will answer by e-mail."))
            return redirect("pages:contact")
    page = site_page_for(kind=SitePageKind.CONTACT, language=get_language())
    return render(request, "portal/contact.html", {"page": page, "form": form})


@role_required(Role.CANDIDATE)
def candidate_dashboard(request):
    profile = candidate_profile_ensure(user=request.user)
    percent, missing = candidate_profile_completeness(profile=profile)
    return render(
        request,
        "portal/candidate_dashboard.html",
        {
            "percent": percent,
            "missing": missing,
            "next_step": candidate_onboarding_next_step(profile=profile),
            "matches": match_overview_for_candidate(profile=profile),
            "pathways": pathways_for_candidate(profile=profile),
        },
    )


@role_required(Role.CANDIDATE)
def profile_detail(request):
    profile = candidate_profile_ensure(user=request.user)
    percent, missing = candidate_profile_completeness(profile=profile)
    return render(
        request,
        "portal/profile.html",
        {
            "profile": profile,
            "percent": percent,
            "missing": missing,
            "languages": candidate_language_list(profile=profile),
            "occupations": candidate_occupation_list(profile=profile),
        },
    )


@role_required(Role.CANDIDATE)
def onboarding_resume(request):
    """The first step not done yet, or the profile once every step is."""
    profile = candidate_profile_ensure(user=request.user)
    step = candidate_onboarding_next_step(profile=profile)
    if step is None:
        return redirect("portal:profile")
    return redirect("portal:onboarding_step", step=step)


@role_required(Role.CANDIDATE)
def onboarding_step(request, step):
    if step not in OnboardingStep.values:
        raise Http404
    profile = candidate_profile_ensure(user=request.user)
    return STEP_VIEWS[step](request, profile)


def _languages(request, profile):
    data = request.POST if request.method == "POST" else None
    form = LanguagesForm(data, initial=LanguagesForm.initial_from(profile))
    formset = OtherLanguageFormSet(data, initial=BaseOtherLanguageFormSet.initial_from(profile), prefix="languages")
    if data is not None and all([form.is_valid(), formset.is_valid()]):
        try:
            candidate_languages_save(
                profile=profile,
                german_level=form.cleaned_data["german_level"],
                german_certificate=form.cleaned_data["german_certificate"],
                other_languages=formset.other_languages(),
            )
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            if request.POST.get("action") == "more":
                return redirect(_step_url(request, OnboardingStep.LANGUAGES))
            return _after_save(request, OnboardingStep.LANGUAGES)
    return _render_step(
        request, profile, OnboardingStep.LANGUAGES, {"form": form, "formset": formset, "forms": [form, *formset]}
    )


def _experience(request, profile):
    if request.method == "POST" and "remove_occupation" in request.POST:
        return _occupation_remove(request, profile)

    search_form = OccupationSearchForm(request.GET if "q" in request.GET else None)
    query = search_form.cleaned_data.get("q", "") if search_form.is_valid() else ""
    found = occupation_choices(query=query)
    found_count = None if found is None else len(found)
    data = request.POST if request.method == "POST" else None
    # A search that finds nothing leaves the whole catalogue to choose from.
    form = ExperienceForm(
        data, initial=ExperienceForm.initial_from(profile), occupations=found if found_count else None
    )
    adding = request.POST.get("action") == "add"
    if data is not None and form.is_valid():
        if adding and form.cleaned_data["occupation"] is None:
            form.add_error("occupation", _("Please choose the occupation you want to add."))
        else:
            try:
                candidate_experience_save(profile=profile, **form.cleaned_data)
            except ValidationError as error:
                _add_service_errors(form, error)
            else:
                if adding:
                    messages.success(
                        request,
                        _("Added: %(occupation)s.") % {"occupation": form.cleaned_data["occupation"].name()},
                    )
                    return redirect(_step_url(request, OnboardingStep.EXPERIENCE))
                return _after_save(request, OnboardingStep.EXPERIENCE)
    return _render_step(
        request,
        profile,
        OnboardingStep.EXPERIENCE,
        {
            "form": form,
            "forms": [form],
            "search_form": search_form,
            "query": query,
            "found_count": found_count,
            "candidate_occupations": candidate_occupation_list(profile=profile),
        },
    )


def _occupation_remove(request, profile):
    try:
        pk = int(request.POST["remove_occupation"])
    except ValueError:
        raise Http404 from None
    candidate_occupation = candidate_occupation_of(profile=profile, pk=pk)
    if candidate_occupation is None:
        raise Http404
    candidate_occupation_remove(profile=profile, candidate_occupation=candidate_occupation)
    messages.success(request, _("Removed: %(occupation)s.") % {"occupation": candidate_occupation.occupation.name()})
    return redirect(_step_url(request, OnboardingStep.EXPERIENCE))


def _simple_step(form_class, service, step):
    """A step whose form fields are exactly the arguments of its service."""

    def view(request, profile):
        data = request.POST if request.method == "POST" else None
        form = form_class(data, initial=form_class.initial_from(profile))
        if data is not None and form.is_valid():
            try:
                service(profile=profile, **form.cleaned_data)
            except ValidationError as error:
                _add_service_errors(form, error)
            else:
                return _after_save(request, step)
        return _render_step(request, profile, step, {"form": form, "forms": [form]})

    return view


STEP_VIEWS = {
    OnboardingStep.LANGUAGES: _languages,
    OnboardingStep.EXPERIENCE: _experience,
    OnboardingStep.WISHES: _simple_step(WishesForm, candidate_wishes_save, OnboardingStep.WISHES),
    OnboardingStep.PLACE: _simple_step(PlaceForm, candidate_place_save, OnboardingStep.PLACE),
    OnboardingStep.CIRCUMSTANCES: _simple_step(
        CircumstancesForm, candidate_circumstances_save, OnboardingStep.CIRCUMSTANCES
    ),
}


def _editing(request) -> bool:
    return request.GET.get("return") == RETURN_TO_PROFILE


def _step_url(request, step: str) -> str:
    url = reverse("portal:onboarding_step", kwargs={"step": step})
    return f"{url}?{urlencode({'return': RETURN_TO_PROFILE})}" if _editing(request) else url


def _after_save(request, step: str):
    if request.POST.get("action") == "later":
        messages.success(request, _("Saved. You can continue where you left off at any time."))
        return redirect("portal:candidate_dashboard")
    following = OnboardingStep.after(step)
    if _editing(request):
        messages.success(request, _("Your profile is saved."))
        return redirect("portal:profile")
    if following is None:
        # Straight on to what the profile is for: the offers and pathways that fit.
        messages.success(request, _("Your profile is complete. These offers fit you best."))
        return redirect("matching:my_matches")
    return redirect("portal:onboarding_step", step=following)


def _add_service_errors(form, error: ValidationError) -> None:
    """Shows a service's errors next to the form's fields; errors about anything else go on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages_ in error.message_dict.items():
        for message in messages_:
            form.add_error(field if field in form.fields else None, message)


def _render_step(request, profile, step: str, context: dict):
    previous = OnboardingStep.before(step)
    forms = context.get("forms", [])
    formset = context.get("formset")
    has_errors = any(form.errors for form in forms) or bool(formset is not None and formset.non_form_errors())
    return render(
        request,
        f"portal/onboarding/{step}.html",
        {
            **context,
            "step": step,
            "step_label": OnboardingStep(step).label,
            "step_number": OnboardingStep.number(step),
            "step_count": len(OnboardingStep.values),
            "is_last": OnboardingStep.after(step) is None,
            "editing": _editing(request),
            "has_errors": has_errors,
            "step_url": _step_url(request, step),
            "previous_url": _step_url(request, previous) if previous and not _editing(request) else None,
        },
    )
