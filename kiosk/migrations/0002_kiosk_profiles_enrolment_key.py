"""Each kiosk profile gets its own secret enrolment key.

Adding the field computes its default once, so existing screens would share one key:
each is given its own. Screens already in kiosk mode leave it and must be set up again
with ``manage.py kiosk_links`` (their cookie holds no key fingerprint).
"""

from django.db import migrations, models

import kiosk.models


def give_each_profile_its_own_key(apps, schema_editor):
    KioskProfile = apps.get_model("kiosk", "KioskProfile")
    for profile in KioskProfile.objects.all():
        profile.enrolment_key = kiosk.models.new_enrolment_key()
        profile.save(update_fields=["enrolment_key"])


class Migration(migrations.Migration):
    dependencies = [("kiosk", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="kioskprofile",
            name="enrolment_key",
            field=models.CharField(
                default=kiosk.models.new_enrolment_key,
                editable=False,
                max_length=64,
                verbose_name="enrolment key",
            ),
        ),
        migrations.RunPython(give_each_profile_its_own_key, migrations.RunPython.noop),
    ]
