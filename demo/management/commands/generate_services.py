import time

from django.core.management.base import BaseCommand, CommandError

from demo.generator import ServiceGenerator


class Command(BaseCommand):
    help = "Adds N realistic random services to the French directory (for benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=100, help="How many services to add.")
        parser.add_argument(
            "--seed", type=int, default=None, help="Random seed, for repeatable data."
        )

    def handle(self, *args, count, seed, **options):
        if count < 1:
            raise CommandError("--count must be at least 1.")
        started = time.perf_counter()
        try:
            pages = ServiceGenerator(count, seed=seed).generate()
        except ValueError as error:
            raise CommandError(str(error)) from error
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"{len(pages)} services added in {elapsed:.1f} s ({len(pages) / elapsed:.0f}/s)."
        )
