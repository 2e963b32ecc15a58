from django.shortcuts import render

from common.page_cache import cached_for_visitors, page_cache_refuse

from .forms import OccupationSearchForm
from .selectors import occupation_grouped, occupation_search

SEARCH_RESULT_LIMIT = 50


@cached_for_visitors
def occupation_search_page(request):
    """The public catalogue: search in any language, or browse every occupation grouped by field."""
    form = OccupationSearchForm(request.GET if "q" in request.GET else None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    context = {"search_form": form, "query": query, "result_limit": SEARCH_RESULT_LIMIT}
    if query:
        context["results"] = occupation_search(query=query, limit=SEARCH_RESULT_LIMIT)
    elif not form.errors:
        context["groups"] = occupation_grouped()
    else:
        page_cache_refuse(request)
    return render(request, "occupations/search.html", context)
