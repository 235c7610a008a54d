"""Needs are edited like the other taxonomies (core.0002_editorial_groups): Editors add and
change them, Moderators may also delete them, Translators change their translations."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ACTIONS = {
    "Editors": ["add", "change", "view"],
    "Moderators": ["add", "change", "delete", "view"],
    "Translators": ["change", "view"],
}


def need_permissions(apps, group):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label="taxonomy",
        codename__in=[f"{action}_need" for action in ACTIONS[group.name]],
    )


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran.
    app_config = apps.get_app_config("taxonomy")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ACTIONS):
        group.permissions.add(*need_permissions(apps, group))


def revoke(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ACTIONS):
        group.permissions.remove(*need_permissions(apps, group))


class Migration(migrations.Migration):
    dependencies = [
        ("taxonomy", "0004_keywords_and_needs"),
        ("core", "0002_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
