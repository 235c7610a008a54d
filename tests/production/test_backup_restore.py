"""deploy/backup.sh and deploy/restore.sh, for real: the demo's database and some media
backed up, restored into a fresh database and folder, and compared."""

import os
import subprocess

import psycopg
import pytest
from psycopg import sql

from deploy.stack import DEPLOY
from tests.production.conftest import ONLY_ON_POSTGRES, database_url

pytestmark = ONLY_ON_POSTGRES

TABLES = [
    "wagtailcore_page",
    "services_directory_servicepage",
    "core_emergencynumber",
    "places_place",
    "wagtailcore_revision",
]


def counts(url):
    with psycopg.connect(url, connect_timeout=10) as connection:
        return {
            table: connection.execute(
                sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
            ).fetchone()[0]
            for table in TABLES
        }


@pytest.fixture
def fresh_database():
    """An empty database beside the test database, dropped afterwards."""
    url = database_url()
    name = url.rsplit("/", 1)[1] + "_restored"
    server = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True, connect_timeout=10) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield url.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(server, autocommit=True, connect_timeout=10) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def run(script, *arguments, **environment):
    return subprocess.run(
        [str(DEPLOY / script), *map(str, arguments)],
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )


def test_a_backup_restores_into_a_fresh_database(demo_site, tmp_path, fresh_database):
    media = tmp_path / "media"
    (media / "images").mkdir(parents=True)
    (media / "images" / "plan.svg").write_text("<svg/>")
    source = database_url()
    backup = run("backup.sh", tmp_path / "backups", DATABASE_URL=source, MEDIA_ROOT=media)
    dump, archive = backup.stdout.split()
    assert sorted(path.name for path in (tmp_path / "backups").iterdir()) == sorted(
        [os.path.basename(dump), os.path.basename(archive)]
    ), "nothing half-written left"

    restored_media = tmp_path / "restored-media"
    run("restore.sh", dump, archive, DATABASE_URL=fresh_database, MEDIA_ROOT=restored_media)

    expected = counts(source)
    assert expected["wagtailcore_page"] > 100, "the demo was backed up"
    assert counts(fresh_database) == expected
    assert (restored_media / "images" / "plan.svg").read_text() == "<svg/>"
