import uuid
from pathlib import Path

from django.core.cache import cache
from django.db import transaction

from common.page_cache import public_listings_changed
from common.scoped_cache import candidate_data_changed

from .catalogue import catalogue_read, catalogue_write
from .models import Occupation, OccupationField, OccupationTerm
from .selectors import CATALOGUE_VERSION_KEY


@transaction.atomic
def occupation_catalogue_load(*, data_dir: Path | None = None) -> dict:
    """Load or reload the catalogue from occupations/data/*.json (or data_dir); all or nothing.

    Returns the counts: fields, occupations, created, updated, terms. Raises CatalogueError (a ValueError)
    naming every problem when the data is malformed, before anything is written.
    """
    catalogue = catalogue_read(data_dir)
    counts = catalogue_write(
        catalogue=catalogue, field_model=OccupationField, occupation_model=Occupation, term_model=OccupationTerm
    )
    # Searches cached for the old catalogue are no longer read.
    transaction.on_commit(lambda: cache.set(CATALOGUE_VERSION_KEY, uuid.uuid4().hex, timeout=None))
    public_listings_changed()  # the terms are written in bulk, which sends no signal
    candidate_data_changed()  # an employer's candidate cards name the occupations
    return counts
