from dataclasses import dataclass
from functools import cache

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils import translation

from accounts.models import Role, User
from portal.models import CandidateProfile

from .geo import haversine_km, normalise_postal_code, place_key
from .models import PostalCode, Region, Town, TownName

# Towns to choose from when a name fits several; more would not help anyone choose.
MAX_TOWN_CHOICES = 12
# The portal serves Lower Saxony: its towns come first when a name is ambiguous.
HOME_STATE = "NI"
# "Emden" means the city of 50,000, not the village of that name: a town this many times larger than any
# other of its name is taken without asking.
CLEARLY_MEANT = 10


def region_list() -> QuerySet[Region]:
    return Region.objects.order_by("name")


def region_postal_codes(*, region: Region) -> list[str]:
    return list(region.postal_codes.values_list("code", flat=True))


@cache
def _town_names_by_postal_code() -> dict[str, tuple[str, dict[str, str]]]:
    """Every postal code's town, read once per process: the table only changes by migration."""
    return {
        code: (name, names)
        for code, name, names in PostalCode.objects.filter(town__isnull=False).values_list(
            "code", "town__name", "town__names"
        )
    }


def town_name_of(*, postal_code: str, language: str | None = None) -> str:
    """The name of the town of a postal code in the reader's script where GeoNames has one, else in German."""
    found = _town_names_by_postal_code().get(normalise_postal_code(postal_code))
    if found is None:
        return ""
    german, names = found
    return names.get((language or translation.get_language() or "").split("-")[0], german)


def postal_code_label(*, postal_code: str, language: str | None = None, with_german: bool = False) -> str:
    """ "31535 Neustadt am Rübenberge"; the bare code when the town is unknown, "" without a code."""
    code = normalise_postal_code(str(postal_code or ""))
    town = town_name_of(postal_code=code, language=language) if code else ""
    if not town:
        return code
    german = _town_names_by_postal_code()[code][0]
    if with_german and town != german:
        return f"{code} {town} ({german})"
    return f"{code} {town}"


@dataclass(frozen=True)
class TownChoice:
    """A town a typed name may mean, with the postal code that stands for it."""

    postal_code: str
    label: str
    district: str
    exact: bool
    population: int


def _central_postal_code(town: Town) -> str:
    centre = (town.latitude, town.longitude)
    return min(town.postal_codes.all(), key=lambda code: haversine_km((code.latitude, code.longitude), centre)).code


def _town_label(town: Town, postal_code: str) -> str:
    language = (translation.get_language() or "").split("-")[0]
    return f"{postal_code} {town.names.get(language, town.name)}"


def town_search(*, text: str, limit: int = MAX_TOWN_CHOICES) -> list[TownChoice]:
    """Towns whose name (in German or another script) is the text, then those it begins; Lower Saxony first."""
    key = place_key(text)
    if not key:
        return []
    exact = set(TownName.objects.filter(key=key).values_list("town_id", flat=True))
    starting = set()
    if len(key) >= 3:
        starting = set(
            TownName.objects.filter(key__startswith=key).exclude(town_id__in=exact).values_list("town_id", flat=True)
        )
    towns = Town.objects.filter(pk__in=exact | starting, postal_codes__isnull=False).distinct()
    ranked = sorted(
        towns.prefetch_related("postal_codes"),
        key=lambda town: (town.pk not in exact, town.state != HOME_STATE, -town.population, town.name, town.district),
    )[:limit]
    choices = []
    for town in ranked:
        code = _central_postal_code(town)
        choices.append(
            TownChoice(
                postal_code=code,
                label=_town_label(town, code),
                district=town.district,
                exact=town.pk in exact,
                population=town.population,
            )
        )
    return choices


@dataclass(frozen=True)
class PlaceLookup:
    """What a typed place is: one postal code, several towns to choose from, or nothing known."""

    postal_code: str = ""
    choices: tuple[TownChoice, ...] = ()


def place_lookup(*, text: str) -> PlaceLookup:
    """A postal code as typed, or the town a name means; "Neustadt" alone leaves a choice."""
    found = town_search(text=text)
    if not found:
        return PlaceLookup()
    exact = sorted((choice for choice in found if choice.exact), key=lambda choice: -choice.population)
    if len(exact) == 1 or (not exact and len(found) == 1):
        return PlaceLookup(postal_code=(exact or found)[0].postal_code)
    if len(exact) > 1 and exact[0].population >= CLEARLY_MEANT * max(exact[1].population, 1):
        return PlaceLookup(postal_code=exact[0].postal_code)
    return PlaceLookup(choices=tuple(found))


def region_postal_codes_within(*, region: Region, postal_codes: list[str]) -> set[str]:
    """Those of the postal codes that belong to the region."""
    return set(
        region.postal_codes.filter(code__in=[code for code in postal_codes if code]).values_list("code", flat=True)
    )


# --- What a coordinator may see ----------------------------------------------------------------------------
# The one rule of the portal for "which places, people and offers are this coordinator's": a coordinator
# sees what lies in their region by postal code, an admin everything (or the one region they chose), anybody
# else nothing. A row without a postal code lies in no region. Every page of the coordinators asks here, so
# that no page shows a candidate another page hides: a rule that differs by page leaks people.

# Matches no row: for a coordinator without a region and for every other role.
NOTHING = Q(pk__in=[])


def region_q(*, region: Region | None, field: str = "postal_code") -> Q:
    """Rows whose postal code (at the field path, e.g. "profile__postal_code") lies in the region.

    None is the whole state: the scope of an admin who chose no region. Callers get their region from
    coordinator_region(), never from a user's field directly, so that None never reaches here for a coordinator.
    """
    if region is None:
        return Q()
    return Q(**{f"{field}__in": region.postal_codes.values("code")})


def _coordinates(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role in (Role.COORDINATOR, Role.ADMIN))


def user_region_q(*, user: User, field: str = "postal_code") -> Q:
    """Rows whose postal code the user coordinates: an admin all, a coordinator their region, others none."""
    if not _coordinates(user):
        return NOTHING
    if user.role == Role.ADMIN:
        return Q()
    if user.region_id is None:
        return NOTHING
    return region_q(region=user.region, field=field)


def user_coordinates_any(*, user: User, postal_codes: list[str]) -> bool:
    """Whether the user coordinates at least one of the places (see user_region_q): an admin every place, even
    none; a coordinator a postal code of their region, never an empty one."""
    if not _coordinates(user):
        return False
    if user.role == Role.ADMIN:
        return True
    if user.region_id is None:
        return False
    return bool(region_postal_codes_within(region=user.region, postal_codes=list(postal_codes)))


def coordinator_region(*, user: User, chosen_region_id: str | int | None = None) -> Region | None:
    """The region whose people a coordinator's pages show: a coordinator's own; for an admin the chosen one, or
    None for the whole state (an unknown id is the whole state too).

    A coordinator without a region (the database does not allow one; an account half set up would be) and
    anybody else is refused rather than given None, which would mean everywhere.
    """
    if not _coordinates(user):
        raise PermissionDenied
    if user.role == Role.COORDINATOR:
        if user.region_id is None:
            raise PermissionDenied
        return user.region
    if chosen_region_id and str(chosen_region_id).isdigit():
        return Region.objects.filter(pk=int(chosen_region_id)).first()
    return None


def candidate_region_q(*, region: Region | None, profile: str = "") -> Q:
    """Candidate profiles (at the path `profile`, e.g. "profile__" from a mentor request) that a region's
    coordinators look after: open candidate accounts whose postal code lies in the region (None: the whole
    state). A closed account or a profile without a postal code is nobody's."""
    return Q(**{f"{profile}user__is_active": True, f"{profile}user__role": Role.CANDIDATE}) & region_q(
        region=region, field=f"{profile}postal_code"
    )


def candidate_list_in_region(*, region: Region | None) -> QuerySet[CandidateProfile]:
    """The candidates of a region (see candidate_region_q), for the caseload of a coordinator or admin."""
    return CandidateProfile.objects.filter(candidate_region_q(region=region))


def candidate_list_for_coordinator(*, user: User) -> QuerySet[CandidateProfile]:
    """The candidates this user coordinates: the candidates of their region (see coordinator_region), the whole
    state for an admin, and nobody for a coordinator without a region or anybody else."""
    try:
        region = coordinator_region(user=user)
    except PermissionDenied:
        return CandidateProfile.objects.none()
    return candidate_list_in_region(region=region)


def candidate_in_region(*, user: User, public_id) -> CandidateProfile | None:
    """One candidate the user coordinates, else None: the caseload's rule for a single person."""
    return (
        candidate_list_for_coordinator(user=user)
        .filter(public_id=public_id)
        .select_related("user")
        .prefetch_related("languages")
        .first()
    )
