import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


@pytest.fixture
def member_of(db):
    """A staff user who belongs to the named group."""

    def make(group_name):
        user = get_user_model().objects.create_user(
            group_name.lower(), f"{group_name.lower()}@example.org", "pw"
        )
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make
