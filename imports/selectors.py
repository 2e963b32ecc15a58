import re

from employers.models import Organisation
from occupations.models import Occupation, OccupationTerm
from occupations.normalise import normalise


def occupation_by_code_or_german_name(*, text: str) -> list[Occupation]:
    """The occupations a spreadsheet cell means: by KldB code, else by German name, else by German synonym.

    Usually one; none if unknown, several if a synonym is shared (then the code tells them apart).
    """
    text = (text or "").strip()
    if re.fullmatch(r"\d{5}", text):
        return list(Occupation.objects.filter(kldb_code=text))
    normalised = normalise(text)
    if not normalised:
        return []
    terms = OccupationTerm.objects.filter(language="de", normalised=normalised)
    for is_name in (True, False):
        ids = set(terms.filter(is_name=is_name).values_list("occupation_id", flat=True))
        if ids:
            return list(Occupation.objects.filter(pk__in=ids).order_by("kldb_code"))
    return []


def organisation_by_name(*, name: str) -> Organisation | None:
    """The organisation of this name, compared without case and repeated spaces; stand-ins for employers at the
    Jobbörse do not count (a partner's organisation of the same name is a new one, with staff)."""
    name = " ".join((name or "").split())
    return Organisation.objects.filter(name__iexact=name, is_external=False).first() if name else None


def organisation_name_taken(*, name: str) -> bool:
    return organisation_by_name(name=name) is not None
