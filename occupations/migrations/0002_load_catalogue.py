from django.db import migrations


def load_catalogue(apps, schema_editor):
    """The occupation catalogue shipped in occupations/data/*.json; `manage.py load_occupations` reloads it."""
    from occupations.catalogue import catalogue_read, catalogue_write

    catalogue_write(
        catalogue=catalogue_read(),
        field_model=apps.get_model("occupations", "OccupationField"),
        occupation_model=apps.get_model("occupations", "Occupation"),
        term_model=apps.get_model("occupations", "OccupationTerm"),
    )


class Migration(migrations.Migration):
    dependencies = [("occupations", "0001_initial")]

    operations = [migrations.RunPython(load_catalogue, migrations.RunPython.noop)]
