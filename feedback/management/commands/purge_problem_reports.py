from django.conf import settings
from django.core.management.base import BaseCommand

from feedback.models import HelpfulAnswer, ProblemReport, RateLimitCount


class Command(BaseCommand):
    help = (
        "Erases the contact of handled problem reports and deletes reports older than "
        'PROBLEM_REPORT_RETENTION_DAYS, with the "Was this page helpful?" counts of those '
        "days, and the rate limits' counts of windows that are over (run daily)."
    )

    def handle(self, *args, **options):
        erased, deleted = ProblemReport.objects.purge()
        counts = HelpfulAnswer.objects.purge()
        limits = RateLimitCount.objects.purge()
        days = settings.PROBLEM_REPORT_RETENTION_DAYS
        self.stdout.write(
            f"{erased} contacts of handled reports erased; "
            f"{deleted} reports older than {days} days deleted; "
            f"{counts} daily helpfulness counts older than {days} days deleted; "
            f"{limits} rate limit counts of past windows deleted."
        )
