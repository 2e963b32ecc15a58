"""The candidate side of vacancies: a public search and the detail page with the way to apply."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from accounts.models import Role
from applications.forms import ApplicationForm
from applications.selectors import application_for_vacancy, candidate_profile_of
from places.geo import is_known_postal_code
from portal.pagination import SearchPaginator

from .filters import DEFAULT_PAGE_SIZE, VacancyFilter
from .models import Vacancy
from .selectors import vacancy_list_published, vacancy_within


def _candidate_postal_code(request) -> str:
    if not request.user.is_authenticated or request.user.role != Role.CANDIDATE:
        return ""
    profile = candidate_profile_of(user=request.user)
    return profile.postal_code if profile else ""


def _results_page(filterset: VacancyFilter, number):
    if filterset.is_valid():
        vacancies, page_size = filterset.qs, filterset.page_size
    else:
        vacancies, page_size = Vacancy.objects.none(), DEFAULT_PAGE_SIZE
    return SearchPaginator(vacancies, page_size, narrow=filterset.narrow).get_page(number)


@require_safe
def vacancy_search(request):
    """Anyone may search; a candidate's own postal code is where distances start unless they type another."""
    data = request.GET.copy()
    if "postal_code" not in data:
        data["postal_code"] = _candidate_postal_code(request)
    filterset = VacancyFilter(data, queryset=vacancy_list_published(), request=request)
    page = _results_page(filterset, request.GET.get("page"))
    if not page.paginator.count and filterset.is_valid() and filterset.may_tolerate_typos:
        filterset = filterset.tolerating_typos()
        page = _results_page(filterset, request.GET.get("page"))
    return render(
        request,
        "vacancies/vacancy_search.html",
        {
            "filterset": filterset,
            "form": filterset.form,
            "page": page,
            "vacancies": page.object_list,
            "advanced_filters_used": any(
                data.get(name) for name in ("kind", "field", "german_level", "hours_min", "hours_max", "start_by")
            ),
        },
    )


@require_safe
def vacancy_detail(request, pk: int):
    """Published offers only; the candidate sees how far away it is and can apply right here."""
    origin = _candidate_postal_code(request)
    queryset = vacancy_list_published().filter(pk=pk)
    if origin and is_known_postal_code(origin):
        queryset = vacancy_within(queryset, postal_code=origin, radius_km=None)
    vacancy = get_object_or_404(queryset)
    is_candidate = request.user.is_authenticated and request.user.role == Role.CANDIDATE
    application = application_for_vacancy(user=request.user, vacancy=vacancy) if is_candidate else None
    form = ApplicationForm(owner=request.user) if is_candidate and application is None else None
    return render(
        request,
        "vacancies/vacancy_detail.html",
        {"vacancy": vacancy, "is_candidate": is_candidate, "application": application, "form": form},
    )
