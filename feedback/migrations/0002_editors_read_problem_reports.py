"""Editors and Moderators read residents' problem reports and mark them handled.

Translators don't: a report is about a page's content, not its translation. Nobody
gets ``add`` or ``delete``: reports come from residents and are kept as sent.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ("Editors", "Moderators")
CODENAMES = ("view_problemreport", "change_problemreport")


def report_permissions_and_groups(apps):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="feedback", codename__in=CODENAMES
    )
    return permissions, Group.objects.filter(name__in=GROUPS)


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran.
    app_config = apps.get_app_config("feedback")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    permissions, groups = report_permissions_and_groups(apps)
    for group in groups:
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    permissions, groups = report_permissions_and_groups(apps)
    for group in groups:
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_initial"),
        ("core", "0002_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
