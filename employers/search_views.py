"""The candidate side of vacancies: a public search and the detail page with the way to apply."""

from django.http import QueryDict
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from accounts.models import Role
from applications.forms import ApplicationForm
from applications.selectors import application_for_vacancy, candidate_profile_of
from common.page_cache import cached_for_visitors, page_cache_refuse
from common.pagination import SearchPaginator
from places.geo import is_known_postal_code
from portal.selectors import candidate_search_defaults

from .filters import DEFAULT_PAGE_SIZE, NEAR_ME, VacancyFilter
from .models import Vacancy, VacancyKind
from .selectors import vacancy_list_published, vacancy_within


def _candidate_postal_code(request) -> str:
    if not request.user.is_authenticated or request.user.role != Role.CANDIDATE:
        return ""
    profile = candidate_profile_of(user=request.user)
    return profile.postal_code if profile else ""


def _first_search(defaults) -> QueryDict:
    """A candidate's first search: from home, within their travel distance, for what they look for."""
    query = QueryDict(mutable=True)
    if defaults.postal_code:
        query["near"] = NEAR_ME
        if defaults.radius_km:
            query["radius"] = str(defaults.radius_km)
    query.setlist("kind", [kind for kind in defaults.kinds if kind in VacancyKind.values])
    return query


def _widened(data: QueryDict, **changes) -> str:
    """The same search with one filter dropped; never empty, as an empty search brings the defaults back."""
    query = data.copy()
    query.pop("page", None)
    for name, value in changes.items():
        if value is None:
            query.pop(name, None)
        else:
            query[name] = value
    if not query:
        query["q"] = ""
    return f"?{query.urlencode()}"


def _results_page(filterset: VacancyFilter, number):
    if filterset.is_valid():
        vacancies, page_size = filterset.qs, filterset.page_size
    else:
        vacancies, page_size = Vacancy.objects.none(), DEFAULT_PAGE_SIZE
    return SearchPaginator(vacancies, page_size, narrow=filterset.narrow).get_page(number)


@require_safe
@cached_for_visitors
def vacancy_search(request):
    """Anyone may search; a candidate starts from the profile (home, distance, kinds) and widens in one tap."""
    data = request.GET.copy()
    defaults = candidate_search_defaults(user=request.user)
    if defaults is not None and not set(data) - {"page"}:
        data.update(_first_search(defaults))
    filterset = VacancyFilter(data, queryset=vacancy_list_published(), request=request)
    page = _results_page(filterset, request.GET.get("page"))
    if not page.paginator.count and filterset.is_valid() and filterset.may_tolerate_typos:
        filterset = filterset.tolerating_typos()
        page = _results_page(filterset, request.GET.get("page"))
    if not filterset.is_valid():
        page_cache_refuse(request)
    return render(
        request,
        "vacancies/vacancy_search.html",
        {
            "filterset": filterset,
            "form": filterset.form,
            "page": page,
            "vacancies": page.object_list,
            # The filters the results come from, defaults included, for the "keep this search" form.
            "search_data": data,
            "advanced_filters_used": any(
                data.get(name) for name in ("kind", "field", "german_level", "hours_min", "hours_max", "start_by")
            ),
            "widen_distance_url": _widened(data, radius="") if data.get("radius") else "",
            "widen_kinds_url": _widened(data, kind=None) if data.getlist("kind") else "",
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
