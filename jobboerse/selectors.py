from django.db.models import Count, Q, QuerySet

from occupations.models import OccupationTerm

from .models import Listing, ListingStatus, OccupationMapping, SyncRun
from .occupation_rules import OccupationRules


def occupation_rules_load() -> OccupationRules:
    """The mapping rules over the catalogue's German names and synonyms."""
    return OccupationRules(OccupationTerm.objects.filter(language="de").values_list("occupation_id", "text", "is_name"))


def occupation_mappings_remembered() -> dict[str, int]:
    """normalised Jobbörse occupation text → occupation id, as coordinators mapped them."""
    return dict(OccupationMapping.objects.filter(occupation__isnull=False).values_list("normalised", "occupation_id"))


def sync_run_list(*, limit: int = 30) -> QuerySet[SyncRun]:
    return SyncRun.objects.order_by("-started_at", "-pk")[:limit]


def sync_run_latest() -> SyncRun | None:
    return SyncRun.objects.order_by("-started_at", "-pk").first()


def occupation_mapping_list_open() -> QuerySet[OccupationMapping]:
    """Jobbörse occupations that no rule and nobody has placed yet, most waiting ads first."""
    return (
        OccupationMapping.objects.filter(occupation__isnull=True)
        .annotate(waiting=Count("listings", filter=Q(listings__status=ListingStatus.UNMAPPED)))
        .filter(waiting__gt=0)
        .order_by("-waiting", "text")
    )


def occupation_mapping_open(*, pk: int) -> OccupationMapping | None:
    return occupation_mapping_list_open().filter(pk=pk).first()


def occupation_mapping_list_decided(*, limit: int = 50) -> QuerySet[OccupationMapping]:
    return (
        OccupationMapping.objects.filter(occupation__isnull=False)
        .select_related("occupation", "mapped_by")
        .order_by("-mapped_at", "text")[:limit]
    )


def listing_titles_waiting(*, mapping: OccupationMapping, limit: int = 5) -> list[str]:
    """A few titles of the ads waiting for this mapping, so the coordinator sees what is meant."""
    return list(
        mapping.listings.filter(status=ListingStatus.UNMAPPED).order_by("title").values_list("title", flat=True)[:limit]
    )


def listing_counts() -> dict[str, int]:
    """How many ads are in each state, and the share of imported ads among those with details read."""
    counts = dict(Listing.objects.values_list("status").annotate(n=Count("pk")).order_by())
    counts = {status: counts.get(status, 0) for status in ListingStatus.values}
    placed = counts[ListingStatus.IMPORTED] + counts[ListingStatus.LINKED]
    read = placed + counts[ListingStatus.UNMAPPED]
    counts["mapped_percent"] = round(100 * placed / read) if read else None
    return counts
