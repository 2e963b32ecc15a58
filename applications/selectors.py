from django.db.models import Prefetch, QuerySet

from accounts.models import User
from documents.models import Document
from employers.models import Vacancy
from portal.models import CandidateProfile

from .models import Application, ApplicationEvent


def candidate_profile_of(*, user: User) -> CandidateProfile | None:
    """The candidate's profile, or None for anybody without one."""
    if not user.is_authenticated:
        return None
    return CandidateProfile.objects.filter(user=user).first()


def application_list_for_candidate(*, user: User) -> QuerySet[Application]:
    """The candidate's applications, newest first, with what the list shows (one query)."""
    return (
        Application.objects.filter(profile__user=user)
        .select_related("vacancy", "vacancy__organisation", "vacancy__occupation")
        .order_by("-created_at", "-pk")
    )


def application_of_candidate(*, user: User, pk: int) -> Application | None:
    """The application only if it is this candidate's own; anybody else's is as good as absent."""
    return (
        application_list_for_candidate(user=user)
        .prefetch_related(
            Prefetch("events", queryset=ApplicationEvent.objects.order_by("created_at", "pk")),
            Prefetch("documents", queryset=Document.objects.order_by("-uploaded_at")),
        )
        .filter(pk=pk)
        .first()
    )


def application_for_vacancy(*, user: User, vacancy: Vacancy) -> Application | None:
    """The candidate's application for this vacancy, if there is one."""
    if not user.is_authenticated:
        return None
    return Application.objects.filter(profile__user=user, vacancy=vacancy).first()


def vacancy_open_for_applications(*, pk: int) -> Vacancy | None:
    """The published vacancy someone may apply for, with what the application page shows of it."""
    return Vacancy.objects.published().select_related("organisation", "occupation").filter(pk=pk).first()
