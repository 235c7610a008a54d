import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "admin"
PASSWORD_VARIABLE = "DEMO_ADMIN_PASSWORD"  # noqa: S105 - the name of a variable


class Command(BaseCommand):
    help = (
        f"Creates the superuser “{USERNAME}” with the password in {PASSWORD_VARIABLE}, or a "
        "random one it prints. An existing account keeps its password unless the variable is set."
    )

    def handle(self, *args, **options):
        password = os.environ.get(PASSWORD_VARIABLE, "")
        user_model = get_user_model()
        user = user_model.objects.filter(username=USERNAME).first()
        if user is not None and not password:
            self.stdout.write(
                f"The superuser “{USERNAME}” exists; its password is unchanged "
                f"(set {PASSWORD_VARIABLE} to reset it)."
            )
            return
        generated = not password
        password = password or secrets.token_urlsafe(12)
        if user is None:
            user_model.objects.create_superuser(USERNAME, "admin@localhost", password)
            action = "created"
        else:
            user.set_password(password)
            user.is_superuser = user.is_staff = user.is_active = True
            user.save()
            action = "updated"
        if generated:
            self.stdout.write(
                self.style.WARNING(f"Superuser “{USERNAME}” {action} with password: {password}")
            )
        else:
            self.stdout.write(
                f"Superuser “{USERNAME}” {action} with the password from {PASSWORD_VARIABLE}."
            )
