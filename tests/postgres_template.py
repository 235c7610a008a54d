"""The migrated PostgreSQL test database that make test's two PostgreSQL processes copy.

Each would otherwise apply the same 266 migrations, mostly Python work (Django renders
the models' states between them): about 25 s of CPU each on the 2-core machine, where
every process shares the cores. make test makes it once, before they start; their test
databases are created from it (``POSTGRES_TEST_TEMPLATE``, config.settings.test) and
``migrate`` finds nothing left to apply.

    TEST_DATABASE=postgres POSTGRES_DB=proxima_template python -m tests.postgres_template
    ... python -m tests.postgres_template --drop

It is made by Django's own test database creation (``create_test_db``), so it holds what
a test database migrated by pytest-django holds; its name is ``test_`` + POSTGRES_DB.
"""

import os
import sys

import django


def main(arguments):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    django.setup()
    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("A PostgreSQL template only: set TEST_DATABASE=postgres.")
    if arguments == ["--drop"]:
        drop(connection)
    elif not arguments:
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        connection.close()
    else:
        sys.exit(__doc__)


def drop(connection):
    import psycopg
    from django.db.backends.base.creation import TEST_DATABASE_PREFIX

    name = connection.settings_dict["TEST"]["NAME"] or (
        TEST_DATABASE_PREFIX + connection.settings_dict["NAME"]
    )
    parameters = {**connection.get_connection_params(), "dbname": "postgres"}
    with psycopg.connect(**parameters, autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}"')


if __name__ == "__main__":
    main(sys.argv[1:])
