"""Hours, dates and numbers read the way each language writes them."""

import datetime
import re

import pytest
from django.utils import formats, translation

from localization.sync import synchronise_all_trees
from places.hours import OpeningHours, WeeklyPeriod
from places.templatetags.opening_hours import describe_status
from services_directory.factories import ServicePageFactory
from services_directory.models import ServiceOpeningPeriod

MONDAY = datetime.date(2026, 3, 2)
# Language: (Monday's name, the morning period, the afternoon period).
EXPECTED = {
    "fr": ("lundi", "09:00–12:30", "14:00–17:00"),
    "en": ("Monday", "9 a.m.–12:30 p.m.", "2 p.m.–5 p.m."),
    "ar": ("الاثنين", "9:00 ص–12:30 م", "2:00 م–5:00 م"),
    # Django's "g:i A" printed French AM/PM words in Tamil: config/formats/ta.
    "ta": ("திங்கள்", "09:00–12:30", "14:00–17:00"),
    # No Django formats module nor catalogue for Tigrinya: config/formats/ti, and its
    # weekday and month names in locale/ti (see the module).
    "ti": ("ሰኑይ", "09:00–12:30", "14:00–17:00"),
}


def monday_hours():
    return OpeningHours(
        [
            WeeklyPeriod(0, datetime.time(9), datetime.time(12, 30)),
            WeeklyPeriod(0, datetime.time(14), datetime.time(17)),
        ]
    )


@pytest.mark.parametrize("language", EXPECTED)
def test_weekly_summary_per_language(language):
    day_name, morning, afternoon = EXPECTED[language]
    with translation.override(language):
        monday = monday_hours().weekly_summary()[0]
        assert [str(period) for period in monday.periods] == [morning, afternoon]
        assert monday.day_name == day_name


@pytest.mark.parametrize(
    ("language", "opening"),
    [("fr", "09:00"), ("en", "9 a.m."), ("ar", "9:00 ص"), ("ta", "09:00"), ("ti", "09:00")],
)
def test_next_opening_per_language(language, opening):
    hours = monday_hours()
    sunday_evening = datetime.datetime(2026, 3, 1, 20, tzinfo=hours.time_zone)
    with translation.override(language):
        sentence = describe_status(hours.status(sunday_evening), now=sunday_evening)
    assert opening in sentence
    assert "Après-midi" not in sentence and "Matin" not in sentence


@pytest.mark.parametrize(
    ("language", "date", "number"),
    [
        ("fr", "2 mars 2026", "1234,5"),
        ("en", "2 March 2026", "1234.5"),
        ("ar", "2 مارس، 2026", "1234,5"),
        ("ta", "2 மார்ச், 2026", "1234.5"),
        ("ti", "2 መጋቢት 2026", "1234.5"),
    ],
)
def test_dates_and_numbers_per_language(language, date, number):
    with translation.override(language):
        assert formats.date_format(MONDAY, "DATE_FORMAT") == date
        # Day first everywhere: 02/03 is never read as 3 February.
        assert formats.date_format(MONDAY, "SHORT_DATE_FORMAT").startswith(("02", "2 "))
        assert formats.number_format(1234.5, 1) == number


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "en", "ar", "ta", "ti"])
def test_service_page_hours_table_per_language(site_tree, client, language):
    service = ServicePageFactory(parent=site_tree.directory, slug="guichet", publish=False)
    for opens, closes in (
        (datetime.time(9), datetime.time(12, 30)),
        (datetime.time(14), datetime.time(17)),
    ):
        ServiceOpeningPeriod.objects.create(page=service, weekday=0, opens=opens, closes=closes)
    service.save_revision().publish()
    # Only the language read: each language's tree costs seconds on PostgreSQL.
    synchronise_all_trees(languages=[language])
    day_name, morning, afternoon = EXPECTED[language]
    content = client.get(f"/{language}/services/guichet/").content.decode()
    assert f'<span dir="ltr">{morning}</span>, <span dir="ltr">{afternoon}</span>' in content
    assert re.search(rf'<th scope="row">{day_name}[ <]', content)


@pytest.mark.parametrize(
    ("visitor", "expected"),
    [("fr", "tamoul"), ("es", "tamil"), ("uk", "тамільська"), ("de", "Tamilisch"), ("ta", "தமிழ்")],
)
def test_language_names_inside_notices_follow_the_visitor_language_case(visitor, expected):
    from localization.templatetags.localization_tags import name_in_sentence

    with translation.override(visitor):
        assert name_in_sentence("ta") == expected
