"""Editors write, Moderators publish, Translators translate.

Wagtail's own migrations create "Editors" and "Moderators" (page permissions on the
root and the "Moderators approval" workflow on every page) and wagtail-localize gives
both ``submit_translation``. This migration completes them for Proxima's snippets and
settings and adds "Translators".
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_APPS = ("taxonomy", "places", "core")
CONTENT_MODELS = {
    "taxonomy": ["theme", "audience", "accessmode", "spokenlanguage", "accessibilityfeature"],
    "places": ["organisation", "place"],
    "core": ["emergencynumber"],
}
ADMIN_ACCESS = [("wagtailadmin", "admin", "access_admin")]
TRANSLATION = [("wagtail_localize", "translation", "submit_translation")]


def model_permissions(actions):
    return [
        (app_label, model, f"{action}_{model}")
        for app_label, models in CONTENT_MODELS.items()
        for model in models
        for action in actions
    ]


GROUPS = {
    # Editors draft pages and keep the directory's data up to date; publishing goes
    # through the moderation workflow.
    "Editors": {
        "model": ADMIN_ACCESS + TRANSLATION + model_permissions(["add", "change", "view"]),
        "page": ["add_page", "change_page"],
    },
    # Moderators approve and publish, may remove content and edit the site settings.
    "Moderators": {
        "model": ADMIN_ACCESS
        + TRANSLATION
        + model_permissions(["add", "change", "delete", "view"])
        + [("core", "contactsettings", "change_contactsettings")],
        "page": ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page",
                 "unlock_page"],
    },
    # Translators edit the translations of existing pages and snippets: no new content,
    # no publishing, no deleting.
    "Translators": {
        "model": ADMIN_ACCESS + TRANSLATION + model_permissions(["change", "view"]),
        "page": ["change_page"],
    },
}


def ensure_permissions_exist(apps):
    # Permissions are normally created after all migrations ran; on a fresh database
    # they don't exist yet at this point.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None


def set_up_groups(apps, schema_editor):
    ensure_permissions_exist(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    root = Page.objects.filter(depth=1).first()
    for name, permissions in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *[
                Permission.objects.get(
                    content_type__app_label=app_label,
                    content_type__model=model,
                    codename=codename,
                )
                for app_label, model, codename in permissions["model"]
            ]
        )
        if root is None:
            continue
        for codename in permissions["page"]:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )


def remove_translators(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Translators").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("taxonomy", "0001_initial"),
        ("places", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(set_up_groups, remove_translators)]
