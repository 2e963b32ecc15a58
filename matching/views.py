from django.db import transaction
from django.http import Http404
from django.shortcuts import render

from accounts.models import Role
from common.permissions import role_required
from common.scoped_cache import scoped_page
from places.selectors import candidate_in_region

from .models import MatchKind
from .reasons import COORDINATOR
from .selectors import (
    candidate_cards_for_vacancy,
    match_list_for_candidate,
    pathways_for_candidate,
    vacancy_of_employer,
)
from .store import STORED_MATCHES


@role_required(Role.CANDIDATE)
def my_matches(request):
    """All of the candidate's matches with their reasons, and the pathways through a language course."""
    profile = getattr(request.user, "candidate_profile", None)
    context = {"vacancy_matches": [], "course_matches": [], "pathways": []}
    if profile is not None:
        context = {
            "vacancy_matches": match_list_for_candidate(profile=profile, kind=MatchKind.VACANCY),
            "course_matches": match_list_for_candidate(profile=profile, kind=MatchKind.COURSE),
            "pathways": pathways_for_candidate(profile=profile),
        }
    return render(request, "matching/my_matches.html", context)


# Reads only: without a transaction of its own the page saves two round trips to the database (BEGIN, COMMIT).
@transaction.non_atomic_requests
@role_required(Role.EMPLOYER)
def vacancy_candidates(request, pk):
    """The best-fitting candidates of one of the employer's vacancies who agreed to be seen, anonymously."""
    vacancy = vacancy_of_employer(user=request.user, pk=pk)
    if vacancy is None:
        raise Http404

    def page():
        cards = candidate_cards_for_vacancy(vacancy=vacancy)
        return render(request, "matching/vacancy_candidates.html", {"vacancy": vacancy, "cards": cards})

    # The same for every member of the organisation: kept whole per vacancy (common.scoped_cache), only the
    # reader's CSRF token and unread badge filled in. vacancy_of_employer has checked that the vacancy is the
    # reader's organisation's, and the organisation is part of the key as well. Besides the candidates, the
    # page shows the vacancy's title; the stored matches are written in bulk, without signals, and have a
    # version of their own.
    return scoped_page(
        request,
        scope=("vacancy-candidates", vacancy.pk, vacancy.organisation_id),
        version=lambda: vacancy.title,
        data_versions=(STORED_MATCHES,),
        render=page,
    )


@role_required(Role.COORDINATOR)
def candidate_pathways(request, public_id):
    """A coordinator's view of the pathways of a candidate in their region."""
    profile = candidate_in_region(user=request.user, public_id=public_id)
    if profile is None:
        raise Http404
    pathways = pathways_for_candidate(profile=profile, audience=COORDINATOR)
    return render(request, "matching/candidate_pathways.html", {"profile": profile, "pathways": pathways})
