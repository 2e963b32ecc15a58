from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from occupations.catalogue import CatalogueError
from occupations.services import occupation_catalogue_load


class Command(BaseCommand):
    help = "Load or reload the occupation catalogue from occupations/data/*.json (idempotent, all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("--data-dir", type=Path, help="Folder with the catalogue JSON files.")

    def handle(self, *args, data_dir=None, **options):
        try:
            counts = occupation_catalogue_load(data_dir=data_dir)
        except CatalogueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                "Occupation catalogue loaded: {fields} fields, {occupations} occupations "
                "({created} new, {updated} updated), {terms} search terms.".format(**counts)
            )
        )
