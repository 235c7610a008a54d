"""The release steps of docs/deployment.md that the launcher (deploy/stack.py) runs before
serving, in one process (each ``manage.py`` would start Django again, seconds each):

    manage.py collectstatic --noinput
    manage.py write_emergency_copy
    manage.py check --deploy

Run with the application's environment: ``python -m deploy.release``. What ``check
--deploy`` finds is printed, never raised: the launcher keeps it for the tests to judge.
"""

import django
from django.core.management import call_command
from django.core.management.base import SystemCheckError


def main():
    django.setup()
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("write_emergency_copy", verbosity=0)
    try:
        call_command("check", deploy=True, fail_level="WARNING")
    except SystemCheckError as found:
        print(found)


if __name__ == "__main__":
    main()
