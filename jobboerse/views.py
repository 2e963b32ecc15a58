"""Pages of the Jobbörse import: the sync runs for admins; the occupations to map for coordinators and admins."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from accounts.models import Role
from common.permissions import role_required
from employers.selectors import occupation_choices_for_vacancy
from occupations.forms import OccupationSearchForm

from .forms import OccupationMapForm
from .selectors import (
    listing_counts,
    listing_titles_waiting,
    occupation_mapping_list_decided,
    occupation_mapping_list_open,
    occupation_mapping_open,
    sync_run_list,
)
from .services import occupation_mapping_set

MAPPING_ROLES = (Role.COORDINATOR, Role.ADMIN)


@require_safe
@role_required(Role.ADMIN)
def overview(request):
    """Every sync run with what it found and did, and the ads by state."""
    return render(
        request,
        "jobboerse/overview.html",
        {"runs": sync_run_list(), "counts": listing_counts(), "open_count": occupation_mapping_list_open().count()},
    )


@require_safe
@role_required(*MAPPING_ROLES)
def occupations(request):
    """Jobbörse occupations the rules could not place, most waiting ads first, and the latest decisions."""
    return render(
        request,
        "jobboerse/occupations.html",
        {"mappings": occupation_mapping_list_open()[:100], "decided": occupation_mapping_list_decided()},
    )


@role_required(*MAPPING_ROLES)
def occupation_map(request, pk: int):
    """Choose the catalogue occupation for one Jobbörse occupation; the search box starts with its words."""
    mapping = occupation_mapping_open(pk=pk)
    if mapping is None:
        raise Http404
    search_form = OccupationSearchForm(request.GET if "q" in request.GET else {"q": mapping.text})
    query = search_form.cleaned_data.get("q", "") if search_form.is_valid() else ""
    choices, found_count = occupation_choices_for_vacancy(query=query)
    # The search only shortens the list shown; a choice is checked against the whole catalogue.
    narrowed = choices if found_count and request.method != "POST" else None
    form = OccupationMapForm(request.POST or None, occupations=narrowed)
    if request.method == "POST" and form.is_valid():
        try:
            occupation_mapping_set(mapping=mapping, occupation=form.cleaned_data["occupation"], by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Saved. The %(count)s waiting ads are being imported with this occupation.")
                % {"count": mapping.waiting},
            )
            return redirect("jobboerse:occupations")
    return render(
        request,
        "jobboerse/occupation_map.html",
        {
            "mapping": mapping,
            "titles": listing_titles_waiting(mapping=mapping),
            "form": form,
            "search_form": search_form,
            "query": query,
            "found_count": found_count,
        },
    )
