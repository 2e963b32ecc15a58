from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

# PostgreSQL only: pg_trgm finds the terms containing what people type through an index, and terms much like
# a misspelt query. The embedded SQLite searches the few thousand terms by substring without it.
TRIGRAM_INDEX = GinIndex(fields=["normalised"], opclasses=["gin_trgm_ops"], name="occupation_term_trigram")


def add_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("occupations", "OccupationTerm"), TRIGRAM_INDEX)


def remove_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("occupations", "OccupationTerm"), TRIGRAM_INDEX)


class Migration(migrations.Migration):
    dependencies = [("occupations", "0002_load_catalogue")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(add_trigram_index, remove_trigram_index),
    ]
