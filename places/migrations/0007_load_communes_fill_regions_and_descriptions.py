"""Loads the shipped communes (``places/data/communes.json``), gives existing places the
canton or département of their postcode's commune, and existing organisations the
description that is now required: their name, until an editor (or the demo) writes one."""

from django.db import migrations

from places.geo import communes, region_of


def load_communes_and_fill(apps, schema_editor):
    Commune = apps.get_model("places", "Commune")
    Place = apps.get_model("places", "Place")
    Organisation = apps.get_model("places", "Organisation")
    for commune in communes().values():
        Commune.objects.update_or_create(
            country=commune.country,
            code=commune.code,
            defaults={"name": commune.name, "region": commune.region},
        )
    for place in Place.objects.filter(region=""):
        region = region_of(place.postcode, place.country)
        if region:
            place.region = region
            place.save(update_fields=["region"])
    for organisation in Organisation.objects.filter(description=""):
        organisation.description = organisation.name
        organisation.save(update_fields=["description"])


class Migration(migrations.Migration):
    dependencies = [
        ("places", "0006_communes_catchment_regions_identifiers"),
    ]

    operations = [
        migrations.RunPython(load_communes_and_fill, migrations.RunPython.noop),
    ]
