import csv
import re
from pathlib import Path

from django.db import migrations

TOWNS_FILE = Path(__file__).resolve().parent.parent / "data" / "towns.tsv"
LANGUAGES = ("ru", "uk", "ar", "fa")


def load_towns(apps, schema_editor):
    """Towns behind the postal codes, with names in other scripts, from GeoNames (CC BY 4.0).

    places/data/towns.tsv is built by scripts/build_towns.py; search keys use places.geo.place_key, so a
    change to that function needs a migration that computes them again.
    """
    from places.geo import haversine_km, place_key

    PostalCode = apps.get_model("places", "PostalCode")
    Town = apps.get_model("places", "Town")
    TownName = apps.get_model("places", "TownName")
    Membership = Town.postal_codes.through

    centroids = {code: (lat, lon) for code, lat, lon in PostalCode.objects.values_list("code", "latitude", "longitude")}
    with TOWNS_FILE.open(encoding="utf-8") as rows:
        records = list(csv.DictReader(rows, delimiter="\t"))
    Town.objects.all().delete()
    towns = Town.objects.bulk_create(
        [
            Town(
                name=record["name"],
                district=record["district"],
                state=record["state"],
                latitude=float(record["latitude"]),
                longitude=float(record["longitude"]),
                population=int(record["population"]),
                names={language: record[language] for language in LANGUAGES if record[language]},
            )
            for record in records
        ],
        batch_size=2000,
    )
    if towns[0].pk is None:  # backends that do not return ids from bulk inserts
        towns = list(Town.objects.order_by("pk"))

    memberships, names, label_of = [], [], {}
    for town, record in zip(towns, records, strict=True):
        spellings = [record["name"], *record["aliases"].split("|"), *town.names.values()]
        keys = {place_key(spelling) for spelling in spellings if spelling}
        keys |= {place_key(re.sub(r"\s*\(.*?\)", "", record["name"]))}
        names += [TownName(town=town, key=key[:100]) for key in keys if key]
        for code in record["postal_codes"].split():
            if code not in centroids:
                continue
            memberships.append(Membership(town_id=town.pk, postalcode_id=code))
            rank = (town.population, -haversine_km(centroids[code], (town.latitude, town.longitude)))
            if code not in label_of or rank > label_of[code][0]:
                label_of[code] = (rank, town.pk)
    Membership.objects.bulk_create(memberships, batch_size=5000)
    TownName.objects.bulk_create(names, batch_size=5000)
    codes = PostalCode.objects.in_bulk(list(label_of))
    for code, (_rank, town_pk) in label_of.items():
        codes[code].town_id = town_pk
    PostalCode.objects.bulk_update(list(codes.values()), ["town"], batch_size=2000)


def unload_towns(apps, schema_editor):
    apps.get_model("places", "PostalCode").objects.update(town=None)
    apps.get_model("places", "Town").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("places", "0003_towns")]

    operations = [migrations.RunPython(load_towns, unload_towns)]
