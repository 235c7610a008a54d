"""Every language of the site has its locale, and its page tree follows the French one.

wagtail-localize then creates an alias of each French page in every other language, so
a page exists at /<lang>/… before anyone translates it (it shows the French text with a
notice); translating it replaces the alias.
"""

from django.conf import settings
from django.db import migrations

SOURCE_LANGUAGE = "fr"


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    source, _created = Locale.objects.get_or_create(language_code=SOURCE_LANGUAGE)
    for code, _name in settings.LANGUAGES:
        if code == SOURCE_LANGUAGE:
            continue
        locale, _created = Locale.objects.get_or_create(language_code=code)
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": source})


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
