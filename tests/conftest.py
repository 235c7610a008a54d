import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _french_by_default():
    """Each test starts in French, the site's default language, whatever ran before."""
    with translation.override("fr"):
        yield
