"""Saved searches of candidates (vacancies, courses, events) and employers (candidates)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import Role
from common.permissions import role_required

from .forms import SavedSearchAlertsForm, SavedSearchNameForm, SavedSearchRenameForm
from .searches import search_type_of
from .selectors import (
    saved_search_describe,
    saved_search_list_for,
    saved_search_of,
    saved_search_recent_ids,
    saved_search_results,
)
from .services import (
    saved_search_alerts_set,
    saved_search_create,
    saved_search_delete,
    saved_search_rename,
    saved_search_unsubscribe,
    unsubscribe_token_read,
)

# Who saves searches: candidates (offers) and employers' staff (candidates).
SAVING_ROLES = (Role.CANDIDATE, Role.EMPLOYER)
RESULTS_SHOWN = 20


def _own_search(request, pk: int):
    search = saved_search_of(owner=request.user, pk=pk)
    if search is None:
        raise Http404
    return search


@role_required(*SAVING_ROLES)
def saved_search_list(request):
    searches = [
        {"search": search, "filters": saved_search_describe(search=search)}
        for search in saved_search_list_for(owner=request.user)
    ]
    return render(request, "alerts/list.html", {"searches": searches})


@role_required(*SAVING_ROLES)
@require_POST
def saved_search_save(request):
    """Save the search a results page shows; its filters come as the page's own field names."""
    kind = request.POST.get("search_kind", "")
    search_type = search_type_of(kind)
    if search_type is None:
        raise Http404
    form = SavedSearchNameForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["name"]))
        return redirect(search_type.url_name)
    try:
        search, created = saved_search_create(
            owner=request.user, kind=kind, name=form.cleaned_data["name"], data=request.POST
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(search_type.url_name)
    if created:
        messages.success(
            request,
            _("Your search “%(name)s” is saved. New results come in the daily e-mail, at most one a day.")
            % {"name": search.name},
        )
    else:
        messages.info(request, _("You had already saved this search. Here it is."))
    return redirect("alerts:detail", pk=search.pk)


@role_required(*SAVING_ROLES)
def saved_search_detail(request, pk: int):
    """The search with what it finds now; the results announced in the last week are marked new."""
    search = _own_search(request, pk)
    results = saved_search_results(search=search)
    offers = list(results[:RESULTS_SHOWN]) if results is not None else []
    search_type = search_type_of(search.kind)
    recent = saved_search_recent_ids(search=search)
    return render(
        request,
        "alerts/detail.html",
        {
            "search": search,
            "filters": saved_search_describe(search=search),
            "valid": results is not None,
            "items": [{**search_type.item(offer), "offer": offer, "new": offer.pk in recent} for offer in offers],
            "anonymous": not search_type.items_shown,
            "total": results.count() if results is not None else 0,
            "rename_form": SavedSearchRenameForm(initial={"name": search.name}),
            "alerts_form": SavedSearchAlertsForm(initial={"alerts": search.alerts}),
        },
    )


@role_required(*SAVING_ROLES)
@require_POST
def saved_search_rename_view(request, pk: int):
    search = _own_search(request, pk)
    form = SavedSearchRenameForm(request.POST)
    if form.is_valid():
        try:
            saved_search_rename(search=search, name=form.cleaned_data["name"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The search is renamed."))
    else:
        messages.error(request, " ".join(form.errors["name"]))
    return redirect("alerts:detail", pk=search.pk)


@role_required(*SAVING_ROLES)
@require_POST
def saved_search_alerts_view(request, pk: int):
    search = _own_search(request, pk)
    form = SavedSearchAlertsForm(request.POST)
    form.is_valid()  # a single checkbox: unticked means off
    saved_search_alerts_set(search=search, alerts=form.cleaned_data["alerts"])
    if search.alerts:
        messages.success(request, _("You will hear about new results of this search in the daily e-mail."))
    else:
        messages.success(request, _("You will get no more news about this search. It stays saved."))
    return redirect("alerts:detail", pk=search.pk)


@role_required(*SAVING_ROLES)
@require_POST
def saved_search_delete_view(request, pk: int):
    search = _own_search(request, pk)
    name = search.name
    saved_search_delete(search=search)
    messages.success(request, _("The search “%(name)s” is deleted.") % {"name": name})
    return redirect("alerts:list")


# The signed token is the proof, not a session: the link works without logging in, and mail programs'
# one-click unsubscribe (RFC 8058) POSTs without cookies or a CSRF token.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token: str):
    """GET only asks (mail scanners open links), POST stops the news."""
    payload = unsubscribe_token_read(token=token)
    if payload is None:
        raise Http404
    owner, search_ids, include_matches = payload
    if request.method == "POST":
        saved_search_unsubscribe(owner=owner, search_ids=search_ids, include_matches=include_matches)
        response = render(request, "alerts/unsubscribe_done.html")
    else:
        # No names of searches here: whoever holds the link learns nothing about the person.
        response = render(
            request, "alerts/unsubscribe.html", {"count": len(search_ids), "include_matches": include_matches}
        )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
