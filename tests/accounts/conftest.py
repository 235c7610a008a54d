import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

PASSWORD = "a-long-staff-password"


@pytest.fixture
def editor(db):
    """A staff member of the Editors group (who may reach the admin)."""
    user = get_user_model().objects.create_user("camille", "camille@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user
