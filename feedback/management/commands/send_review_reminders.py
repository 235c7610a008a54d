from django.core.management.base import BaseCommand, CommandError

from feedback.reminders import MailServerFailed, send_reminders


class Command(BaseCommand):
    help = (
        "E-mails each editor a digest of the services past their review date and the "
        "problem reports not handled that they may act on; at most once a day each (run "
        "daily, feedback/reminders.py)."
    )

    def handle(self, *args, **options):
        try:
            sent = send_reminders()
        except MailServerFailed as failure:
            raise CommandError(
                f"The mail server failed after {failure.args[0]} digests; "
                "run the command again later to send the others."
            ) from failure
        self.stdout.write(f"{sent} review reminder digests sent.")
