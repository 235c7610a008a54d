import pytest
from django.contrib.auth import get_user_model

from taxonomy.factories import AccessModeFactory, ThemeFactory


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("chief", "chief@example.org", "pw")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Seniors", slug="seniors")


@pytest.fixture
def walk_in(db):
    return AccessModeFactory(name="Sans rendez-vous", slug="sans-rendez-vous")
