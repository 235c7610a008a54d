"""Moderators read the statistics of searches without results; Editors and Translators
don't: they are residents' own words (docs/privacy.md). Superusers read them anyway."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Moderators"
CODENAME = "view_zeroresultsearch"


def statistics_permission_and_group(apps):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(
        content_type__app_label="search", codename=CODENAME
    ).first()
    return permission, Group.objects.filter(name=GROUP).first()


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran.
    app_config = apps.get_app_config("search")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    permission, group = statistics_permission_and_group(apps)
    if permission is not None and group is not None:
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    permission, group = statistics_permission_and_group(apps)
    if permission is not None and group is not None:
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_search_documents"),
        ("core", "0002_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
