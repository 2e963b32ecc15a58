"""Writes of the Jobbörse import: the sync, the import of one ad, and coordinators' occupation mappings.

A sync runs in three steps, each safe to interrupt:

1. Search: every search of the plan (district × offer type × working time) page by page. Each page is stored as
   it comes: new reference numbers become listings, and a listing whose modification time changed is marked
   for new details. The run records how many searches are done, so a failed run resumes at the next one.
2. Details: the listings marked so are fetched a batch (100) at a time, and each batch is imported in one
   transaction (vacancies created, updated or left waiting for an occupation) with a number of queries that
   does not grow with the batch, so a failure leaves each batch either fully imported or still marked.
3. Expiry: only after a run has seen every search to its end, the ads it did not see are gone; their
   vacancies expire and the matching recomputation drops their matches. Then employers' own Brücke offers
   that an imported ad duplicates take its place.

Vacancies are written through the employers' services, like any offer (their bulk variants for imports: the
same checks, without a query per offer); their changes are collected and matching is recomputed once at the
end (per vacancy for a few, in full for many).
"""

import datetime
import hashlib
import json
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from employers.models import Organisation, Vacancy, VacancySource, VacancyStatus
from employers.services import (
    organisation_create_external,
    organisations_create_external,
    vacancies_expire,
    vacancies_import_save,
    vacancy_changes_collected,
    vacancy_create,
    vacancy_expire,
    vacancy_import_prepare,
    vacancy_update,
)
from matching.services import match_recompute_all, match_recompute_later
from occupations.models import Occupation
from occupations.normalise import normalise
from places.geo import is_known_postal_code
from places.selectors import region_list

from . import parsing
from .areas import LOWER_SAXONY_DISTRICTS, SearchArea, area_of_region, nearest_postal_code
from .client import CircuitBreaker, JobboerseError, MalformedError, NotFoundError
from .models import Listing, ListingStatus, OccupationMapping, SyncRun, SyncRunStatus
from .occupation_rules import OccupationRules
from .selectors import occupation_mappings_remembered, occupation_rules_load

logger = logging.getLogger(__name__)

PAGE_SIZE = 100  # the most the API hands out per page
# A search pages through at most this many results; one with more is split by fixed term, else cut short.
MAX_RESULTS_PER_SEARCH = 10_000
DETAILS_BATCH = 100
# Up to this many changed vacancies are recomputed one by one; more, and matching recomputes everything once.
RECOMPUTE_EACH_UP_TO = 200
# Held while a sync runs and renewed as it goes; a killed worker's lock lapses after this long.
LOCK_KEY = "jobboerse:sync-lock"
LOCK_SECONDS = 30 * 60
# Details fetched per run at most (about 50 minutes at two requests a second): a first import of the whole
# state takes a few runs, and each run ends in time for the next.
MAX_DETAILS_PER_RUN = 6_000
RESUME_WITHIN = datetime.timedelta(hours=24)
ANONYMOUS_EMPLOYER = "Arbeitgeber nicht genannt"
_UNPAID = ("unbezahlt", "unvergütet", "unverguetet", "pflichtpraktikum")


# --- The plan ----------------------------------------------------------------------------------------------


def search_areas() -> list[SearchArea]:
    """The districts of Lower Saxony, or the coordinators' regions (JOBBOERSE_AREAS=regions)."""
    if settings.JOBBOERSE_AREAS == "regions":
        areas = [
            area_of_region(name=region.name, postal_codes=list(region.postal_codes.values_list("code", flat=True)))
            for region in region_list()
        ]
        return [area for area in areas if area is not None]
    return list(LOWER_SAXONY_DISTRICTS)


def search_plan(areas: list[SearchArea]) -> list[dict]:
    return [
        {"wo": area.postal_code, "umkreis": area.radius_km, "angebotsart": offer_type, "arbeitszeit": working_time}
        for area in areas
        for offer_type in parsing.OFFER_TYPES
        for working_time in parsing.WORKING_TIMES
    ]


def _plan_key(plan: list[dict]) -> str:
    return hashlib.sha256(json.dumps(plan, sort_keys=True).encode()).hexdigest()


# --- The run -----------------------------------------------------------------------------------------------


@dataclass
class _Context:
    """What one run reads once: the mapping rules, remembered mappings, occupations and employers."""

    rules: OccupationRules
    remembered: dict[str, int]
    occupations: dict[int, Occupation]
    today: datetime.date
    employers: dict[str, Organisation] = field(default_factory=dict)
    own_offers: dict[tuple[str, str, str], Vacancy] = field(default_factory=dict)
    # The rules' answer per (occupation text, title): the same few hundred texts come back in thousands of ads.
    matched: dict[tuple[str, str], int | None] = field(default_factory=dict)

    @classmethod
    def load(cls, *, today: datetime.date) -> "_Context":
        return cls(
            rules=occupation_rules_load(),
            remembered=occupation_mappings_remembered(),
            occupations=Occupation.objects.in_bulk(),
            today=today,
            employers=_external_employers(),
            own_offers=_own_offers(),
        )


def _external_employers() -> dict[str, Organisation]:
    return {organisation.name: organisation for organisation in Organisation.objects.filter(is_external=True)}


def _own_offers() -> dict[tuple[str, str, str], Vacancy]:
    """Employers' own published Brücke offers by (employer key, title key, postal code): few, read once a run."""
    offers = {}
    for vacancy in (
        Vacancy.objects.published()
        .filter(source=VacancySource.BRUECKE, organisation__is_external=False)
        .select_related("organisation")
        .only("pk", "title", "postal_code", "status", "organisation__name")
    ):
        key = (parsing.employer_key(vacancy.organisation.name), parsing.title_key(vacancy.title), vacancy.postal_code)
        offers[key] = vacancy
    return offers


def _run_start(plan: list[dict]) -> SyncRun:
    """Resume the last run if it failed (or was killed) recently with the same plan; otherwise start anew."""
    key = _plan_key(plan)
    latest = SyncRun.objects.order_by("-started_at", "-pk").first()
    if (
        latest is not None
        and latest.status in (SyncRunStatus.FAILED, SyncRunStatus.RUNNING)
        and latest.plan_key == key
        and latest.started_at > timezone.now() - RESUME_WITHIN
    ):
        latest.status = SyncRunStatus.RUNNING
        latest.resumed += 1
        latest.error = ""
        latest.finished_at = None
        latest.save(update_fields=["status", "resumed", "error", "finished_at"])
        return latest
    return SyncRun.objects.create(plan_key=key, queries_total=len(plan))


def _run_save(run: SyncRun, *fields: str) -> None:
    run.save(update_fields=list(fields))


def _lock_renew() -> None:
    cache.touch(LOCK_KEY, LOCK_SECONDS)


def jobboerse_sync(
    *,
    source,
    areas: list[SearchArea] | None = None,
    today: datetime.date | None = None,
    max_details: int | None = MAX_DETAILS_PER_RUN,
) -> SyncRun | None:
    """One sync with the Jobbörse (`source` answers search() and details()); None if another one is running.

    At most `max_details` ads are fetched in detail (None: all); the others wait for the next run."""
    if not cache.add(LOCK_KEY, 1, LOCK_SECONDS):
        logger.info("Jobbörse sync already running; this one is skipped")
        return None
    try:
        plan = search_plan(areas if areas is not None else search_areas())
        breaker = getattr(source, "breaker", None) or CircuitBreaker()
        if breaker.is_open():
            return SyncRun.objects.create(
                status=SyncRunStatus.SKIPPED,
                finished_at=timezone.now(),
                plan_key=_plan_key(plan),
                queries_total=len(plan),
                error=str(_("Requests are paused after repeated failures of the Jobbörse.")),
            )
        run = _run_start(plan)
        requests_before = getattr(source, "requests", 0)
        with vacancy_changes_collected() as changed:
            try:
                context = _Context.load(today=today or timezone.localdate())
                _search_all(run, source, plan)
                _details_all(run, source, context, max_details)
                if run.search_complete:
                    _expire_gone(run)
                _link_own_offers(run)
            except (JobboerseError, parsing.MalformedAdError) as error:
                run.status = SyncRunStatus.FAILED
                run.error = f"{type(error).__name__}: {error}"[:1000]
                logger.warning("Jobbörse sync %s failed and resumes next time: %s", run.pk, run.error)
            else:
                run.status = SyncRunStatus.COMPLETED
            finally:
                run.finished_at = timezone.now()
                run.requests += getattr(source, "requests", 0) - requests_before
                _run_save(run, "status", "error", "finished_at", "requests")
                _matches_recompute(changed)
        return run
    finally:
        cache.delete(LOCK_KEY)


def _matches_recompute(vacancy_ids: set[int]) -> None:
    if not vacancy_ids:
        return
    if len(vacancy_ids) <= RECOMPUTE_EACH_UP_TO:
        match_recompute_later(vacancy_ids=sorted(vacancy_ids))
    else:
        match_recompute_all()


# --- 1. Search ---------------------------------------------------------------------------------------------


def _search_all(run: SyncRun, source, plan: list[dict]) -> None:
    for index in range(run.queries_done, len(plan)):
        complete = _search_one(run, source, plan[index])
        run.queries_done = index + 1
        run.queries_truncated += 0 if complete else 1
        _run_save(run, "queries_done", "queries_truncated")
        _lock_renew()
    run.search_complete = run.queries_truncated == 0
    _run_save(run, "search_complete")


def _search_one(run: SyncRun, source, params: dict) -> bool:
    """Page through one search, storing each page; False if it had more results than the API pages through."""
    page_number = 1
    page = parsing.search_page(source.search(**params, page=page_number, size=PAGE_SIZE))
    if page.total > MAX_RESULTS_PER_SEARCH and "befristung" not in params:
        # Split by fixed term: each half may fit; both halves are searched either way.
        halves = [_search_one(run, source, {**params, "befristung": fixed}) for fixed in parsing.FIXED_TERMS]
        return all(halves)
    _listings_seen(run, page, params)
    reachable = min(page.total, MAX_RESULTS_PER_SEARCH)
    while page.items and page_number * PAGE_SIZE < reachable:
        page_number += 1
        page = parsing.search_page(source.search(**params, page=page_number, size=PAGE_SIZE))
        _listings_seen(run, page, params)
    return page.total <= MAX_RESULTS_PER_SEARCH


@transaction.atomic
def _listings_seen(run: SyncRun, page: parsing.SearchPage, params: dict) -> None:
    """Store one page: new ads as listings to fetch; seen ones keep their place, changed ones are fetched anew.

    A few queries whatever the page's size: the page comes from one search, so every ad first seen in this run
    gets the same working time and the same mark in one UPDATE; only what differs per ad is written per row."""
    items = {item.refnr: item for item in page.items}
    if not items:
        run.failed += page.malformed
        _run_save(run, "failed")
        return
    existing = Listing.objects.select_for_update().in_bulk(list(items), field_name="refnr")
    now = timezone.now()
    working_time = params["arbeitszeit"]
    new, first_seen, more_times, changed = [], [], [], []
    for refnr, item in items.items():
        listing = existing.get(refnr)
        if listing is None:
            new.append(
                Listing(
                    refnr=refnr,
                    modified_at_source=item.modified,
                    offer_type=params["angebotsart"],
                    working_times=[working_time],
                    last_seen_at=now,
                    last_seen_run=run,
                    occupation_text=item.occupation_text,
                    employer_name=item.employer_name,
                    postal_code=item.postal_code,
                )
            )
            continue
        if listing.last_seen_run_id != run.pk:
            first_seen.append(listing.pk)
            listing.working_times = [working_time]
        elif working_time not in listing.working_times:
            # Found again by another search of the same run: written once more, with both working times.
            listing.working_times = [*listing.working_times, working_time]
            more_times.append(listing)
        if listing.modified_at_source != item.modified or listing.status == ListingStatus.GONE:
            listing.modified_at_source = item.modified
            changed.append(listing)
    Listing.objects.bulk_create(new)
    if first_seen:
        Listing.objects.filter(pk__in=first_seen).update(
            working_times=[working_time], last_seen_at=now, last_seen_run=run
        )
    if more_times:
        _listings_rewrite(more_times, ["working_times"])
    if changed:
        Listing.objects.filter(pk__in=[listing.pk for listing in changed]).update(needs_details=True)
        _listings_rewrite(changed, ["modified_at_source"])
    run.seen += len(new) + len(first_seen)
    run.failed += page.malformed
    _run_save(run, "seen", "failed")


def _listings_rewrite(listings: list[Listing], fields: list[str]) -> None:
    """Write these fields of locked listings, whose rows differ, in one statement: an INSERT whose every row
    conflicts with its listing and so updates it (bulk_update's CASE per field and row costs far more to build
    and to run). The listings were read whole, so the rows are complete."""
    Listing.objects.bulk_create(listings, update_conflicts=True, unique_fields=["refnr"], update_fields=fields)


# --- 2. Details --------------------------------------------------------------------------------------------


def _details_all(run: SyncRun, source, context: _Context, max_details: int | None) -> None:
    """Fetch the details of every marked listing, a batch at a time, and import each batch in one transaction
    (see listings_import): a failure leaves each batch either fully imported or still marked."""
    after, fetched = 0, 0
    while max_details is None or fetched < max_details:
        size = DETAILS_BATCH if max_details is None else min(DETAILS_BATCH, max_details - fetched)
        batch = list(Listing.objects.filter(needs_details=True, pk__gt=after).order_by("pk")[:size])
        if not batch:
            return
        fetched += len(batch)
        answers: list[tuple[Listing, dict | str]] = []
        try:
            for listing in batch:
                after = listing.pk
                try:
                    answers.append((listing, source.details(listing.refnr)))
                except (NotFoundError, MalformedError) as error:
                    answers.append((listing, str(error) or type(error).__name__))
        finally:
            # What was fetched before a fault is imported; the fault then ends the run, which resumes later.
            for outcome in listings_import(answers=answers, context=context):
                _count(run, outcome)
            _run_save(run, "added", "updated", "unmapped", "linked", "failed")
            _lock_renew()


def _count(run: SyncRun, outcome: str) -> None:
    setattr(run, outcome, getattr(run, outcome) + 1)


def _listing_failed(listing: Listing, reason: str) -> str:
    listing.status = ListingStatus.FAILED
    listing.needs_details = False
    listing.last_error = reason[:500]
    listing.details = None
    listing.save(update_fields=["status", "needs_details", "last_error", "details", "updated_at"])
    return "failed"


def _mapping_key(ad: parsing.Ad) -> tuple[str, str]:
    text = ad.occupation_text or ad.title
    return normalise(text)[:200], text[:200]


def _occupation_of(ad: parsing.Ad, context: _Context) -> Occupation | None:
    key, _text = _mapping_key(ad)
    occupation_id = context.remembered.get(key)
    if occupation_id is None:
        texts = (ad.occupation_text, ad.title)
        if texts not in context.matched:
            context.matched[texts] = context.rules.match(*texts)
        occupation_id = context.matched[texts]
    return context.occupations.get(occupation_id) if occupation_id else None


def _employer_name(name: str) -> str:
    return " ".join(name.split())[:200] or ANONYMOUS_EMPLOYER


def _employer(name: str, context: _Context) -> Organisation:
    """The stand-in organisation of a Jobbörse employer, one per name."""
    name = _employer_name(name)
    if name not in context.employers:
        context.employers[name] = organisation_create_external(name=name)
    return context.employers[name]


def _vacancy_fields(ad: parsing.Ad, occupation: Occupation) -> dict:
    unpaid = ad.kind == "internship" and any(word in ad.description.lower() for word in _UNPAID)
    return {
        "kind": ad.kind,
        "title": ad.title,
        "description": ad.description,
        "occupation": occupation,
        "german_level_required": ad.german_level_required,
        "useful_languages": ad.useful_languages,
        "postal_code": ad.postal_code,
        "hours_per_week": ad.hours_per_week,
        "shift_work": ad.shift_work,
        "start_date": ad.start_date,
        "duration_weeks": ad.duration_weeks,
        "is_paid": not unpaid,
        "source": VacancySource.JOBBOERSE,
        "external_reference": ad.refnr,
        "external_url": settings.JOBBOERSE_AD_URL.format(refnr=ad.refnr),
        "fixed_term": ad.fixed_term,
    }


def _imported_vacancy_withdraw(listing: Listing) -> None:
    vacancy = listing.vacancy
    if vacancy is not None and vacancy.source == VacancySource.JOBBOERSE:
        vacancy_expire(vacancy=vacancy)


def listing_import(*, listing: Listing, details: dict, context: _Context) -> str:
    """Turn an ad's details into its vacancy (or link, or leave it waiting); returns what happened: "added",
    "updated", "linked", "unmapped" or "failed". All or nothing for the ad."""
    try:
        ad = parsing.ad_from_details(
            details,
            refnr=listing.refnr,
            offer_type=listing.offer_type,
            working_times=listing.working_times,
            today=context.today,
        )
    except parsing.MalformedAdError as error:
        return _listing_failed(listing, str(error))
    if not is_known_postal_code(ad.postal_code):
        if ad.coordinates is None:
            return _listing_failed(listing, f"unknown postal code {ad.postal_code[:10]}")
        ad.postal_code = nearest_postal_code(*ad.coordinates)
    try:
        with transaction.atomic():
            outcome = _listing_place(listing, ad, details, context)
    except ValidationError as error:
        return _listing_failed(listing, "; ".join(error.messages))
    except IntegrityError as error:
        # A rule only the database knows; the stand-in employer created with the ad is rolled back too.
        context.employers = _external_employers()
        return _listing_failed(listing, f"refused by the database: {str(error).splitlines()[0]}")
    return outcome


def _listing_place(listing: Listing, ad: parsing.Ad, details: dict, context: _Context) -> str:
    listing = Listing.objects.select_for_update(of=("self",)).select_related("vacancy").get(pk=listing.pk)
    listing.title = ad.title
    listing.occupation_text = ad.occupation_text
    listing.employer_name = ad.employer_name
    listing.postal_code = ad.postal_code
    listing.employer_key = parsing.employer_key(ad.employer_name)
    listing.title_key = parsing.title_key(ad.title)[:300]
    listing.needs_details = False
    listing.last_error = ""
    fields = ["title", "occupation_text", "employer_name", "postal_code", "employer_key", "title_key"]
    fields += ["needs_details", "last_error", "status", "vacancy", "mapping", "details", "updated_at"]

    own = context.own_offers.get((listing.employer_key, listing.title_key, ad.postal_code))
    if own is not None:
        _imported_vacancy_withdraw(listing)
        listing.status, listing.vacancy, listing.mapping, listing.details = ListingStatus.LINKED, own, None, None
        listing.save(update_fields=fields)
        return "linked"

    occupation = _occupation_of(ad, context)
    if occupation is None:
        key, text = _mapping_key(ad)
        mapping, _created = OccupationMapping.objects.get_or_create(normalised=key, defaults={"text": text})
        _imported_vacancy_withdraw(listing)
        listing.status, listing.mapping, listing.details = ListingStatus.UNMAPPED, mapping, details
        listing.save(update_fields=fields)
        return "unmapped"

    values = _vacancy_fields(ad, occupation)
    vacancy = listing.vacancy if listing.vacancy and listing.vacancy.source == VacancySource.JOBBOERSE else None
    if vacancy is None:
        vacancy = Vacancy.objects.filter(source=VacancySource.JOBBOERSE, external_reference=ad.refnr).first()
    if vacancy is None:
        vacancy = vacancy_create(
            organisation=_employer(ad.employer_name, context), created_by=None, publish=True, **values
        )
        outcome = "added"
    else:
        # Taken offline by a moderator: it stays offline; expired because it was gone: it is back.
        republish = vacancy.status == VacancyStatus.EXPIRED and vacancy.unpublished_at is None
        vacancy = vacancy_update(vacancy=vacancy, publish=republish, **values)
        outcome = "updated"
    listing.status, listing.vacancy, listing.mapping, listing.details = ListingStatus.IMPORTED, vacancy, None, None
    listing.save(update_fields=fields)
    return outcome


_LISTING_IMPORT_FIELDS = [
    "title", "occupation_text", "employer_name", "postal_code", "employer_key", "title_key",
    "needs_details", "last_error", "status", "vacancy", "mapping", "details", "updated_at",
]  # fmt: skip


@dataclass
class _Placed:
    """One listing of a batch on its way: what it becomes, and the vacancy written for it."""

    listing: Listing
    outcome: str
    vacancy: Vacancy | None = None
    employer_name: str = ""


def listings_import(*, answers: list[tuple[Listing, dict | str]], context: _Context) -> list[str]:
    """listing_import for a batch of ads (their details, or why there are none) in one transaction and a number
    of queries that does not grow with the batch: listings locked and written together, vacancies created and
    updated in bulk, employers and occupation mappings looked up once. Returns an outcome per ad, in order.

    Should the database refuse the batch (a rule only it knows), each ad is imported on its own instead, so one
    bad ad fails alone as before."""
    if not answers:
        return []
    ready: dict[int, tuple[parsing.Ad, dict] | str] = {}
    for listing, answer in answers:
        ready[listing.pk] = answer if isinstance(answer, str) else _ad_of(listing, answer, context)
    try:
        with transaction.atomic():
            outcomes, employers = _listings_place_batch(ready, context)
    except IntegrityError:
        logger.warning("Jobbörse batch refused by the database; its %s ads are imported one by one", len(answers))
        context.employers = _external_employers()  # those created in the rolled-back batch are gone
        return [
            _listing_failed(listing, answer)
            if isinstance(answer, str)
            else listing_import(listing=listing, details=answer, context=context)
            for listing, answer in answers
        ]
    context.employers.update(employers)
    return [outcomes[listing.pk] for listing, _answer in answers if listing.pk in outcomes]  # deleted meanwhile


def _ad_of(listing: Listing, details: dict, context: _Context) -> tuple[parsing.Ad, dict] | str:
    """The ad in the details with a known postal code, or why it cannot be imported."""
    try:
        ad = parsing.ad_from_details(
            details,
            refnr=listing.refnr,
            offer_type=listing.offer_type,
            working_times=listing.working_times,
            today=context.today,
        )
    except parsing.MalformedAdError as error:
        return str(error)
    if not is_known_postal_code(ad.postal_code):
        if ad.coordinates is None:
            return f"unknown postal code {ad.postal_code[:10]}"
        ad.postal_code = nearest_postal_code(*ad.coordinates)
    return ad, details


def _listings_place_batch(
    ready: dict[int, tuple[parsing.Ad, dict] | str], context: _Context
) -> tuple[dict[int, str], dict[str, Organisation]]:
    listings = Listing.objects.select_for_update(of=("self",)).select_related("vacancy").in_bulk(list(ready))
    refnrs_unlinked = [
        listing.refnr
        for listing in listings.values()
        if not (listing.vacancy and listing.vacancy.source == VacancySource.JOBBOERSE)
    ]
    imported_before = {
        vacancy.external_reference: vacancy
        for vacancy in Vacancy.objects.filter(source=VacancySource.JOBBOERSE, external_reference__in=refnrs_unlinked)
    }
    placed: dict[int, _Placed] = {}
    withdrawn: list[int] = []  # imported vacancies whose ads now link to an own offer or wait for an occupation
    waiting: dict[int, tuple[str, str]] = {}  # listing → the mapping it waits for
    new, changed, republished, field_names = [], [], [], {}
    for pk, answer in ready.items():
        listing = listings.get(pk)
        if listing is None:
            continue
        if isinstance(answer, str):
            _listing_failed_unsaved(listing, answer)
            placed[pk] = _Placed(listing, "failed")
            continue
        ad, details = answer
        listing.title = ad.title
        listing.occupation_text = ad.occupation_text
        listing.employer_name = ad.employer_name
        listing.postal_code = ad.postal_code
        listing.employer_key = parsing.employer_key(ad.employer_name)
        listing.title_key = parsing.title_key(ad.title)[:300]
        listing.needs_details = False
        listing.last_error = ""
        previous = listing.vacancy if listing.vacancy and listing.vacancy.source == VacancySource.JOBBOERSE else None

        own = context.own_offers.get((listing.employer_key, listing.title_key, ad.postal_code))
        if own is not None:
            withdrawn += [previous.pk] if previous else []
            listing.status, listing.vacancy, listing.mapping, listing.details = ListingStatus.LINKED, own, None, None
            placed[pk] = _Placed(listing, "linked")
            continue

        occupation = _occupation_of(ad, context)
        if occupation is None:
            withdrawn += [previous.pk] if previous else []
            waiting[pk] = _mapping_key(ad)
            listing.status, listing.details = ListingStatus.UNMAPPED, details
            placed[pk] = _Placed(listing, "unmapped")
            continue

        vacancy = previous or imported_before.get(ad.refnr)
        is_new = vacancy is None
        if is_new:
            vacancy = Vacancy(created_by=None)
        # Taken offline by a moderator: it stays offline; expired because it was gone: it is back.
        republish = is_new or (vacancy.status == VacancyStatus.EXPIRED and vacancy.unpublished_at is None)
        values = _vacancy_fields(ad, occupation)
        field_names.update(dict.fromkeys(values))
        try:
            vacancy_import_prepare(vacancy=vacancy, **values)
        except ValidationError as error:
            _listing_failed_unsaved(listing, "; ".join(error.messages))
            placed[pk] = _Placed(listing, "failed")
            continue
        (new if is_new else changed).append(vacancy)
        republished += [vacancy] if republish else []
        listing.status, listing.mapping, listing.details = ListingStatus.IMPORTED, None, None
        placed[pk] = _Placed(listing, "added" if is_new else "updated", vacancy, ad.employer_name)

    employers = _employers_of([item.employer_name for item in placed.values() if item.outcome == "added"], context)
    for item in placed.values():
        if item.outcome == "added":
            name = _employer_name(item.employer_name)
            item.vacancy.organisation = employers.get(name) or context.employers[name]
    if withdrawn:
        vacancies_expire(vacancy_ids=withdrawn)
    vacancies_import_save(new=new, changed=changed, publish=republished, fields=list(field_names))
    mappings = _mappings_for(set(waiting.values()))
    for pk, key in waiting.items():
        placed[pk].listing.mapping = mappings[key[0]]
    for item in placed.values():
        if item.vacancy is not None:
            item.listing.vacancy = item.vacancy
    _listings_rewrite([item.listing for item in placed.values()], _LISTING_IMPORT_FIELDS)
    return {pk: item.outcome for pk, item in placed.items()}, employers


def _listing_failed_unsaved(listing: Listing, reason: str) -> None:
    listing.status = ListingStatus.FAILED
    listing.needs_details = False
    listing.last_error = reason[:500]
    listing.details = None


def _employers_of(names: list[str], context: _Context) -> dict[str, Organisation]:
    """The stand-ins not yet known of these employers, created together (keyed by their cleaned names)."""
    missing = [name for name in dict.fromkeys(map(_employer_name, names)) if name not in context.employers]
    return organisations_create_external(names=missing) if missing else {}


def _mappings_for(keys: set[tuple[str, str]]) -> dict[str, OccupationMapping]:
    """The occupation mappings of these (normalised, text) keys, the missing ones created; by normalised text."""
    if not keys:
        return {}
    texts = dict(keys)
    mappings = OccupationMapping.objects.in_bulk(list(texts), field_name="normalised")
    missing = [OccupationMapping(normalised=key, text=text) for key, text in texts.items() if key not in mappings]
    if missing:
        OccupationMapping.objects.bulk_create(missing, ignore_conflicts=True)
        mappings.update(OccupationMapping.objects.in_bulk([m.normalised for m in missing], field_name="normalised"))
    return mappings


# --- 3. Expiry and employers' own offers --------------------------------------------------------------------


def _expire_gone(run: SyncRun) -> None:
    """Ads the complete run did not see are gone: their vacancies expire, their listings say so; a batch per
    transaction, in a few queries each."""
    gone = Listing.objects.exclude(status=ListingStatus.GONE).exclude(last_seen_run=run)
    while True:
        with transaction.atomic():
            batch = list(
                gone.select_for_update(of=("self",))
                .select_related("vacancy")
                .only("pk", "status", "vacancy__source")
                .order_by("pk")[:DETAILS_BATCH]
            )
            if not batch:
                return
            vacancy_ids = [
                listing.vacancy_id
                for listing in batch
                if listing.status == ListingStatus.IMPORTED
                and listing.vacancy is not None
                and listing.vacancy.source == VacancySource.JOBBOERSE
            ]
            if vacancy_ids:
                vacancies_expire(vacancy_ids=vacancy_ids)
            Listing.objects.filter(pk__in=[listing.pk for listing in batch]).update(
                status=ListingStatus.GONE, needs_details=False, details=None, mapping=None, updated_at=timezone.now()
            )
            run.expired += len(batch)
            _run_save(run, "expired")


def _link_own_offers(run: SyncRun) -> None:
    """An employer published the same offer in Brücke as at the Jobbörse: theirs stays, the import goes."""
    own = _own_offers()
    if not own:
        return
    titles = {title for _employer, title, _code in own}
    for listing in Listing.objects.filter(status=ListingStatus.IMPORTED, title_key__in=titles).select_related(
        "vacancy"
    ):
        vacancy = own.get((listing.employer_key, listing.title_key, listing.postal_code))
        if vacancy is None:
            continue
        with transaction.atomic():
            _imported_vacancy_withdraw(listing)
            listing.status, listing.vacancy = ListingStatus.LINKED, vacancy
            listing.save(update_fields=["status", "vacancy", "updated_at"])
        run.linked += 1
    _run_save(run, "linked")


# --- Coordinators map occupations ---------------------------------------------------------------------------


def occupation_mapping_set(*, mapping: OccupationMapping, occupation: Occupation, by: User) -> OccupationMapping:
    """A coordinator (or admin) says which occupation a Jobbörse text means; the ads waiting for it are imported
    once the decision is saved, and every later ad with that text follows it."""
    from .tasks import import_waiting

    if by.role not in (Role.COORDINATOR, Role.ADMIN):
        raise PermissionDenied
    with transaction.atomic():
        mapping = OccupationMapping.objects.select_for_update().get(pk=mapping.pk)
        if mapping.occupation_id is not None:
            raise ValidationError(_("Someone has mapped this occupation already."))
        mapping.occupation = occupation
        mapping.mapped_by = by
        mapping.mapped_at = timezone.now()
        mapping.save(update_fields=["occupation", "mapped_by", "mapped_at"])
        transaction.on_commit(lambda: import_waiting.delay(mapping.pk))
    return mapping


def listings_import_waiting(*, mapping: OccupationMapping, today: datetime.date | None = None) -> int:
    """Import the ads that waited for this mapping, from the details kept for them; returns how many."""
    context = _Context.load(today=today or timezone.localdate())
    imported = 0
    waiting = Listing.objects.filter(mapping=mapping, status=ListingStatus.UNMAPPED, details__isnull=False)
    after = 0
    with vacancy_changes_collected() as changed:
        while batch := list(waiting.filter(pk__gt=after).order_by("pk")[:DETAILS_BATCH]):
            after = batch[-1].pk
            outcomes = listings_import(answers=[(listing, listing.details) for listing in batch], context=context)
            imported += sum(outcome in ("added", "updated") for outcome in outcomes)
    _matches_recompute(changed)
    return imported
