"""Emergency numbers, places and organisations are moderated like pages (core.moderation).

Editors add and change them as drafts, lock what they edit and submit for moderation;
Translators change them (their translations) as drafts; only Moderators publish, unlock
others' locks and delete. The pages' workflow ("Moderators approval", the one on the
root page) is assigned to the three snippet types, so "Submit for moderation" sends
a change to the Moderators. Rows that existed before stay live (0004 and places 0005).

Wagtail creates the ``publish``, ``lock`` and ``unlock`` permissions of a snippet after
all migrations ran; they are created here so the groups can be given them.
"""

from django.db import migrations

MODERATED = {
    ("core", "emergencynumber"): "emergency number",
    ("places", "organisation"): "organisation",
    ("places", "place"): "place",
}
EXTRA_ACTIONS = ("publish", "lock", "unlock")

GRANTED = {
    "Editors": ("lock",),
    "Moderators": ("publish", "lock", "unlock"),
    "Translators": (),
}
# Before: Editors and Translators changed what residents see at once; nothing to undo
# for the base permissions (add, change, delete, view), which stay as 0002 set them.


def content_types(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return {
        (app_label, model): ContentType.objects.get_or_create(app_label=app_label, model=model)[0]
        for app_label, model in MODERATED
    }


def extra_permission(apps, content_type, action):
    Permission = apps.get_model("auth", "Permission")
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{content_type.model}",
        defaults={"name": f"Can {action} {MODERATED[content_type.app_label, content_type.model]}"},
    )
    return permission


def default_workflow(apps):
    """The workflow of the root page (Wagtail's "Moderators approval"), if any."""
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    on_root = WorkflowPage.objects.filter(page__depth=1, workflow__active=True).first()
    if on_root is not None:
        return on_root.workflow
    return Workflow.objects.filter(name="Moderators approval", active=True).first()


def moderate(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    types = content_types(apps)
    for group in Group.objects.filter(name__in=GRANTED):
        group.permissions.add(
            *[
                extra_permission(apps, content_type, action)
                for content_type in types.values()
                for action in GRANTED[group.name]
            ]
        )
    workflow = default_workflow(apps)
    if workflow is None:
        return
    for content_type in types.values():
        WorkflowContentType.objects.get_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )


def unmoderate(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    types = content_types(apps)
    WorkflowContentType.objects.filter(content_type__in=types.values()).delete()
    for group in Group.objects.filter(name__in=GRANTED):
        group.permissions.remove(
            *[
                extra_permission(apps, content_type, action)
                for content_type in types.values()
                for action in EXTRA_ACTIONS
            ]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_moderated_emergency_numbers"),
        ("places", "0005_moderated_places_and_organisations"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(moderate, unmoderate)]
